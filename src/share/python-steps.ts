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
