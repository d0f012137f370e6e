// The Python helper functions an exported script defines when it needs them.

/** Python helpers the script defines when it uses them: what they import, and their code. */
export const HELPERS: Readonly<Record<string, readonly [string[], string]>> = {
  csv: [
    ['csv', 'io', 'math', 're'],
    `MISSING = {"", "NA", "N/A", "NaN", "nan", "null", "?", "."}
DECIMAL = re.compile(r"[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?", re.ASCII)


def parse_column(cells):
    """Numbers (NaN = missing) when every present cell is a decimal number, else labels (None = missing)."""
    if all(c is None or DECIMAL.fullmatch(c) for c in cells):
        return [math.nan if c is None else float(c) for c in cells]
    return cells


def as_label(v):
    """A class label as pipelab writes it (5, not 5.0); None when missing."""
    if not isinstance(v, float):
        return v
    return None if math.isnan(v) else ("%d" % v if v.is_integer() else repr(v))


def load_data():
    """Features and target parsed from DATA_CSV the way pipelab parses CSV."""
    records = [r for r in csv.reader(io.StringIO(DATA_CSV, newline="")) if len(r) > 1 or (r and r[0].strip())]
    cells = [[None if f.strip() in MISSING else f.strip() for f in r] for r in records[1:]]
    columns = {name.strip(): parse_column([r[j] for r in cells]) for j, name in enumerate(records[0])}
    target = columns.pop(TARGET)
    features = list(columns.values())
    if all(isinstance(v, float) for col in features for v in col):
        X = np.array(features, dtype=float).T.copy()
    else:
        X = np.empty((len(cells), len(features)), dtype=object)
        for j, col in enumerate(features):
            X[:, j] = col
    if TASK == "classification":
        return X, np.array([as_label(v) for v in target], dtype=object)
    return X, np.array(target, dtype=float)`,
  ],
  missing: [
    ['math'],
    `def is_missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def complete_rows(X, y):
    """Rows without a missing value in any column (pipelab's "Drop rows with missing values")."""
    return np.array([not is_missing(t) and not any(is_missing(v) for v in row) for row, t in zip(X, y)], dtype=bool)`,
  ],
  columns: [
    [],
    `def numeric_columns(X):
    """Columns that hold numbers: the ones pipelab scales and scores."""
    return [j for j in range(X.shape[1]) if all(isinstance(v, float) for v in X[:, j])]


def label_columns(X):
    """Columns that hold labels: the ones pipelab one-hot encodes."""
    numeric = set(numeric_columns(X))
    return [j for j in range(X.shape[1]) if j not in numeric]`,
  ],
  upToK: [
    ['sklearn.base:BaseEstimator', 'sklearn.base:TransformerMixin', 'sklearn.feature_selection:SelectKBest'],
    `class SelectUpToK(TransformerMixin, BaseEstimator):
    """SelectKBest that keeps every column when there are k or fewer, as pipelab does."""

    def __init__(self, score_func, k):
        self.score_func = score_func
        self.k = k

    def fit(self, X, y):
        self.selector_ = SelectKBest(self.score_func, k=min(self.k, X.shape[1])).fit(X, y)
        return self

    def transform(self, X):
        return self.selector_.transform(X)`,
  ],
  classification: [
    ['sklearn.metrics:accuracy_score', 'sklearn.metrics:log_loss', 'sklearn.metrics:precision_recall_fscore_support'],
    `def print_metrics(split, model, X, y):
    """Prints pipelab's classification metrics, one line each."""
    predicted = model.predict(X)
    precision, recall, f1, _ = precision_recall_fscore_support(y, predicted, average="macro", zero_division=0)
    loss = log_loss(y, model.predict_proba(X), labels=model.classes_)
    metrics = dict(accuracy=accuracy_score(y, predicted), precision=precision, recall=recall, f1=f1, logLoss=loss)
    for name, value in metrics.items():
        print(f"{split} {name}: {value:.4f}")`,
  ],
  regression: [
    ['math', 'sklearn.metrics:mean_absolute_error', 'sklearn.metrics:mean_squared_error', 'sklearn.metrics:r2_score'],
    `def print_metrics(split, model, X, y):
    """Prints pipelab's regression metrics, one line each."""
    predicted = model.predict(X)
    mse = mean_squared_error(y, predicted)
    metrics = dict(mse=mse, rmse=math.sqrt(mse), mae=mean_absolute_error(y, predicted), r2=r2_score(y, predicted))
    for name, value in metrics.items():
        print(f"{split} {name}: {value:.4f}")`,
  ],
};
