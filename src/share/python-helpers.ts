// The Python helper functions an exported script defines when it needs them: reading the
// data, pipelab's label order, and the columns a step works on.

/** One helper of the script: what it imports, which helpers it needs defined before it, and its code. */
export interface PyHelper {
  readonly imports: readonly string[];
  readonly needs?: readonly string[];
  readonly code: string;
}

/** Helpers for the data and its columns, by key. */
export const DATA_HELPERS: Readonly<Record<string, PyHelper>> = {
  csv: {
    imports: ['csv', 'io', 'math'],
    needs: ['labels'],
    code: `MISSING = {"", "NA", "N/A", "NaN", "nan", "null", "?", "."}


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
    """Features, target and feature names parsed from DATA_CSV the way pipelab parses CSV."""
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
        return X, np.array([as_label(v) for v in target], dtype=object), list(columns)
    return X, np.array(target, dtype=float), list(columns)`,
  },
  labels: {
    imports: ['functools', 're'],
    code: `DECIMAL = re.compile(r"[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?", re.ASCII)


def compare_labels(a, b):
    """pipelab's order of labels: numerically when both read as numbers, else by code point."""
    if DECIMAL.fullmatch(a.strip()) and DECIMAL.fullmatch(b.strip()):
        x, y = float(a), float(b)
        return (x > y) - (x < y)
    return (a > b) - (a < b)


def sorted_labels(values):
    """The distinct labels among values (None = missing is left out), in pipelab's order."""
    return sorted({v for v in values if v is not None}, key=functools.cmp_to_key(compare_labels))`,
  },
  missing: {
    imports: ['math'],
    code: `def is_missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def complete_rows(X, y):
    """Rows without a missing value in any column (pipelab's "Drop rows with missing values")."""
    return np.array([not is_missing(t) and not any(is_missing(v) for v in row) for row, t in zip(X, y)], dtype=bool)`,
  },
  columns: {
    imports: [],
    code: `def is_numeric(column):
    """Whether a column holds numbers (NaN = missing); the other columns hold labels (None = missing)."""
    return column.dtype != object or all(isinstance(v, float) for v in column)


def pick(X, names, listed, kinds):
    """The columns a step works on, in table order: those of the given kinds ("numeric", "label"),
    only the listed ones unless the list is empty (pipelab's Columns param)."""
    absent = [n for n in listed if n not in names]
    if absent:
        raise SystemExit(f"There is no column {absent[0]!r}: the columns are {names}.")
    kind = lambda j: "numeric" if is_numeric(X[:, j]) else "label"
    return [j for j, n in enumerate(names) if (not listed or n in listed) and kind(j) in kinds]


def fit_apply(step, names, X_fit, y_fit, *more):
    """Fits a step on X_fit (and y_fit) and applies it to X_fit and to each array in more:
    returns the column names after the step, then the transformed arrays."""
    step.fit(X_fit, y_fit, names)
    return (step.names, step.transform(X_fit), *(step.transform(X) for X in more))`,
  },
};
