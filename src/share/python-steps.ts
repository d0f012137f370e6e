import type { PyHelper } from './python-helpers';

// The Python classes an exported script defines for pipelab's transforms. Each one has
// fit(X, y, names), transform(X) and, after fitting, names (the columns after the step),
// and wraps the scikit-learn estimator that does the work, so that it applies to the same
// columns as pipelab's step and keeps pipelab's column order and names.

/** Transform classes of the script, by key. */
export const STEP_HELPERS: Readonly<Record<string, PyHelper>> = {
  replace: {
    imports: [],
    needs: ['columns'],
    code: `class Replace:
    """Fits a scikit-learn transformer on some columns and puts its output in their place (the order kept)."""

    def __init__(self, estimator, columns=(), kinds=("numeric",)):
        self.estimator, self.columns, self.kinds = estimator, list(columns), kinds

    def part(self, X):
        return X[:, self.idx].astype(float) if self.kinds == ("numeric",) else X[:, self.idx]

    def fit(self, X, y, names):
        self.idx, self.names = pick(X, names, self.columns, self.kinds), names
        if self.idx:
            self.estimator.fit(self.part(X), y)
        return self

    def transform(self, X):
        if not self.idx:
            return X
        out = X.copy()
        out[:, self.idx] = self.estimator.transform(self.part(X))
        return out`,
  },
  ordinal: {
    imports: ['sklearn.preprocessing:OrdinalEncoder'],
    needs: ['replace', 'labels'],
    code: `class Ordinal(Replace):
    """OrdinalEncoder over the labels seen in the fitted rows, in pipelab's order; unseen and missing labels give NaN."""

    def __init__(self, columns=()):
        super().__init__(None, columns, ("label",))

    def fit(self, X, y, names):
        self.idx = pick(X, names, self.columns, self.kinds)
        self.estimator = OrdinalEncoder(
            categories=[sorted_labels(X[:, j]) for j in self.idx],
            handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan,
        )
        return super().fit(X, y, names)`,
  },
  oneHot: {
    imports: ['sklearn.preprocessing:OneHotEncoder'],
    needs: ['columns', 'labels'],
    code: `class OneHot:
    """Each label column becomes one 0/1 column per label seen in the fitted rows (pipelab's order), named
    "column=label", in its place; unseen and missing labels give all zeros."""

    def fit(self, X, y, names):
        self.encoders, self.names = {}, []
        for j in pick(X, names, [], ("label",)):
            seen = sorted_labels(X[:, j])
            encoder = OneHotEncoder(categories=[seen], handle_unknown="ignore", sparse_output=False)
            self.encoders[j] = encoder.fit(np.array(seen, dtype=object).reshape(-1, 1)) if seen else None
        for j, name in enumerate(names):
            seen = self.encoders[j].categories_[0] if self.encoders.get(j) else []
            self.names += [f"{name}={v}" for v in seen] if j in self.encoders else [name]
        return self

    def transform(self, X):
        blocks = [X[:, [j]] if j not in self.encoders else self.encoders[j].transform(X[:, [j]])
                  for j in range(X.shape[1]) if self.encoders.get(j, True) is not None]
        return np.hstack(blocks) if blocks else np.empty((len(X), 0))`,
  },
  products: {
    imports: ['sklearn.preprocessing:PolynomialFeatures'],
    needs: ['columns'],
    code: `class Products:
    """PolynomialFeatures without the bias column; the products go right after the last number column used,
    named like pipelab's ("a^2*b")."""

    def __init__(self, degree, interaction_only, columns=()):
        self.degree, self.interaction_only, self.columns = degree, interaction_only, list(columns)

    def fit(self, X, y, names):
        self.idx = pick(X, names, self.columns, ("numeric",))
        self.at, self.names = (self.idx[-1] + 1 if self.idx else len(names)), names
        if not self.idx:
            return self
        self.poly = PolynomialFeatures(self.degree, interaction_only=self.interaction_only, include_bias=False)
        self.poly.fit(X[:, self.idx].astype(float))
        used = [names[j] for j in self.idx]
        term = lambda powers: "*".join(n if p == 1 else f"{n}^{p}" for n, p in zip(used, powers) if p)
        self.names = names[:self.at] + [term(p) for p in self.poly.powers_[len(used):]] + names[self.at:]
        return self

    def transform(self, X):
        if not self.idx:
            return X
        products = self.poly.transform(X[:, self.idx].astype(float))[:, len(self.idx):]
        return np.hstack([X[:, :self.at], products, X[:, self.at:]])`,
  },
  components: {
    imports: ['sklearn.decomposition:PCA'],
    needs: ['columns'],
    code: `class Components:
    """PCA of the number columns; PC1, PC2, … take their place (where the first of them was). Each component's
    sign is pipelab's: its largest loading (the first, on a tie) is positive."""

    def __init__(self, n_components, columns=()):
        self.n_components, self.columns = n_components, list(columns)

    def fit(self, X, y, names):
        self.idx = pick(X, names, self.columns, ("numeric",))
        self.pca = PCA(n_components=self.n_components, svd_solver="full").fit(X[:, self.idx].astype(float))
        c = self.pca.components_
        self.pca.components_ = c * np.where(c[np.arange(len(c)), np.abs(c).argmax(axis=1)] < 0, -1.0, 1.0)[:, None]
        rest = [j for j in range(len(names)) if j not in self.idx]
        self.before, self.after = [j for j in rest if j < self.idx[0]], [j for j in rest if j > self.idx[0]]
        added = [f"PC{i + 1}" for i in range(len(c))]
        self.names = [names[j] for j in self.before] + added + [names[j] for j in self.after]
        return self

    def transform(self, X):
        return np.hstack([X[:, self.before], self.pca.transform(X[:, self.idx].astype(float)), X[:, self.after]])`,
  },
  dateParts: {
    imports: ['datetime', 'math', 're'],
    needs: ['columns', 'labels'],
    code: `DATE_TIME = r"(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:\\s?(?:Z|UTC|[+-]\\d{2}:?\\d{2}))?)?"
YEAR_FIRST = re.compile(r"(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})" + DATE_TIME, re.ASCII)
YEAR_LAST = re.compile(r"(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})" + DATE_TIME, re.ASCII)
MONTH_FIRST = re.compile(r"([A-Za-z]{3,9})\\.? (\\d{1,2}),? (\\d{4})" + DATE_TIME, re.ASCII)
DAY_FIRST = re.compile(r"(\\d{1,2}) ([A-Za-z]{3,9})\\.?,? (\\d{4})" + DATE_TIME, re.ASCII)
MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"]


def month_number(word):
    """1 to 12 for a month's name or its first three letters (and "sept"), else 0."""
    w = word.lower()
    i = next((k for k, m in enumerate(MONTH_NAMES) if m[:3] == w[:3]), -1)
    return i + 1 if i >= 0 and (len(w) == 3 or MONTH_NAMES[i] == w or (i == 8 and w == "sept")) else 0


def date_fields(text):
    """pipelab's reading of a date text: (year first, named month, a, b, year, separator, hour), or None."""
    t = text.strip()
    hour = lambda h: None if h is None else int(h)
    if m := YEAR_FIRST.fullmatch(t):
        return True, False, int(m[2]), int(m[3]), int(m[1]), "-", hour(m[4])
    if m := YEAR_LAST.fullmatch(t):
        return False, False, int(m[1]), int(m[3]), int(m[4]), m[2], hour(m[5])
    first = MONTH_FIRST.fullmatch(t)
    m = first or DAY_FIRST.fullmatch(t)
    if not m:
        return None
    word, day = (m[1], int(m[2])) if first else (m[2], int(m[1]))
    month = month_number(word)
    return (True, True, month, day, int(m[3]), " ", hour(m[4])) if month else None


def leap_year(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def valid_date(year, month, day, hour):
    if not 1 <= month <= 12 or day < 1 or (hour is not None and hour > 23):
        return False
    return day <= (29 if leap_year(year) else 28) if month == 2 else day <= (30 if month in (4, 6, 9, 11) else 31)


def parse_date(text, order):
    """(year, month, day, hour) of a text in a column's order ("ymd", "named", "dmy", "mdy"), or None."""
    f = date_fields(text)
    if not f or f[0] != (order in ("ymd", "named")):
        return None
    month, day = (f[3], f[2]) if order == "dmy" else (f[2], f[3])
    return (f[4], month, day, f[6]) if valid_date(f[4], month, day, f[6]) else None


def date_order(texts):
    """pipelab's date format of a column's texts (which of day and month comes first), or None when not dates."""
    fields = [date_fields(t) for t in texts]
    if not fields or None in fields:
        return None
    if all(f[0] for f in fields):
        order = "named" if all(f[1] for f in fields) else "ymd"
        return order if all(valid_date(f[4], f[2], f[3], f[6]) for f in fields) else None
    if any(f[0] for f in fields):
        return None
    day_first, month_first = any(f[2] > 12 for f in fields), any(f[3] > 12 for f in fields)
    if day_first and month_first:
        return None
    order = "dmy" if day_first else "mdy" if month_first else ("mdy" if fields[0][5] == "/" else "dmy")
    return order if all(parse_date(t, order) for t in texts) else None


class DateParts:
    """pipelab's Date parts: each date column becomes year, month (January 0), day of week (Monday 0), day of
    year (January 1st 0) and the hour where its dates have one, as numbers or sine/cosine pairs, in its place.
    The format is read from the rows it is fitted on (pipelab reads it from every row of the column)."""

    PERIODS = {"month": lambda y: 12, "day_of_week": lambda y: 7, "day_of_year": lambda y: 366 if leap_year(y) else 365,
               "hour": lambda y: 24}

    def __init__(self, columns, parts, cyclical):
        self.columns, self.parts, self.cyclical = list(columns), list(parts), cyclical

    def width(self, part):
        return 2 if self.cyclical and part != "year" else 1

    def fit(self, X, y, names):
        self.plan = {}
        for j in pick(X, names, self.columns, ("label",)):
            texts = sorted_labels(X[:, j])
            order = date_order(texts)
            if order is None and self.columns:
                raise SystemExit(f"Date parts: the values of {names[j]!r} do not all read as dates.")
            if order is not None:
                has_time = any(parse_date(t, order)[3] is not None for t in texts)
                parts = [p for p in self.parts if p != "hour" or has_time]
                suffixes = lambda p: ("_sin", "_cos") if self.width(p) == 2 else ("",)
                self.plan[j] = (order, parts, [f"{names[j]}.{p}{s}" for p in parts for s in suffixes(p)])
        self.names = [n for j, name in enumerate(names) for n in (self.plan[j][2] if j in self.plan else [name])]
        return self

    def part_values(self, text, order, parts):
        if text is None:
            return [math.nan] * sum(self.width(p) for p in parts)
        year, month, day, hour = parse_date(text, order)
        d = datetime.date(year, month, day)
        values = {"year": year, "month": month - 1, "day_of_week": d.weekday(), "day_of_year": d.timetuple().tm_yday - 1,
                  "hour": math.nan if hour is None else hour}
        out = []
        for p in parts:
            if self.width(p) == 1:
                out.append(float(values[p]))
            else:
                angle = 2 * math.pi * values[p] / self.PERIODS[p](year)
                out += [math.sin(angle), math.cos(angle)]
        return out

    def transform(self, X):
        blocks = []
        for j in range(X.shape[1]):
            if j not in self.plan:
                blocks.append(X[:, [j]])
                continue
            order, parts, added = self.plan[j]
            blocks.append(np.array([self.part_values(t, order, parts) for t in X[:, j]], dtype=float).reshape(len(X), len(added)))
        out = np.empty((len(X), sum(b.shape[1] for b in blocks)), dtype=object if X.dtype == object else float)
        at = 0
        for b in blocks:
            out[:, at:at + b.shape[1]] = b
            at += b.shape[1]
        return out`,
  },
  keep: {
    imports: [],
    needs: ['columns'],
    code: `class Keep:
    """pipelab's Keep columns (keep=True) and Drop columns (keep=False) by name, the order unchanged;
    an empty list changes nothing."""

    def __init__(self, listed, keep):
        self.listed, self.keep = list(listed), keep

    def fit(self, X, y, names):
        pick(X, names, self.listed, ())
        self.idx = [j for j, n in enumerate(names) if not self.listed or (n in self.listed) == self.keep]
        self.names = [names[j] for j in self.idx]
        return self

    def transform(self, X):
        return X[:, self.idx]`,
  },
  best: {
    imports: ['sklearn.feature_selection:SelectKBest'],
    needs: ['columns'],
    code: `class SelectBest:
    """SelectKBest over the number columns (all stay when there are k or fewer); label columns stay; the order is kept."""

    def __init__(self, score_func, k):
        self.score_func, self.k = score_func, k

    def fit(self, X, y, names):
        numeric = pick(X, names, [], ("numeric",))
        kept = set(numeric)
        if len(numeric) > self.k:
            selector = SelectKBest(self.score_func, k=self.k).fit(X[:, numeric].astype(float), y)
            kept = {numeric[i] for i in selector.get_support(indices=True)}
        self.idx = [j for j in range(len(names)) if j in kept or j not in numeric]
        self.names = [names[j] for j in self.idx]
        return self

    def transform(self, X):
        return X[:, self.idx]`,
  },
};
