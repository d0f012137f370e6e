"""The scikit-learn half of pipelab's benchmark: the same workloads, timed the same way.

Usage: python3 bench/sklearn_bench.py DATASETS_DIR PENGUINS_JSON CSV_FILE QUICK(0|1)
Prints one JSON object: {"versions": {...}, "timings": {id: [ms, ...]}, "accuracy": {id: float}}.
Each timing covers what pipelab's run covers: read the data file, split, transform, fit,
predict, score. Edit-to-result refits only the model (pipelab re-runs only the changed
step and the ones after it). Without pandas, the 50 MB CSV is read with the csv module.
"""
import csv
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.decomposition import PCA
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.filterwarnings("ignore", category=ConvergenceWarning)


def read_csv(path):
    """Features as float64 and the last column as labels."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))[1:]
    return np.array([r[:-1] for r in rows], dtype=float), np.array([r[-1] for r in rows])


def logreg_c(l2, n_train, batch, classes):
    """pipelab's per-batch L2 penalty as scikit-learn's C (as pipelab's Python export maps it)."""
    sizes = [min(batch, n_train - s) for s in range(0, n_train, batch)]
    return len(sizes) / sum(1 / s for s in sizes) / (l2 * n_train) * (2 if classes == 2 else 1)


def split_scale(x, y, test):
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=test, stratify=y, random_state=42)
    scaler = StandardScaler().fit(x_tr)
    return scaler.transform(x_tr), scaler.transform(x_te), y_tr, y_te


def digits_mlp(data):
    x, y = read_csv(f"{data}/digits.csv")
    x_tr, x_te, y_tr, y_te = split_scale(x, y, 0.05)
    model = MLPClassifier(hidden_layer_sizes=(64,), activation="relu", solver="adam", learning_rate_init=0.001,
                          batch_size=32, max_iter=50, alpha=0.0001, tol=0, n_iter_no_change=1000, random_state=42)
    model.fit(x_tr, y_tr)
    return accuracy_score(y_te, model.predict(x_te))


def logreg(name, data):
    x, y = read_csv(f"{data}/{name}.csv")
    x_tr, x_te, y_tr, y_te = split_scale(x, y, 0.25)
    model = LogisticRegression(C=logreg_c(0.1, len(y_tr), 32, len(set(y))), max_iter=10000).fit(x_tr, y_tr)
    return accuracy_score(y_te, model.predict(x_te))


def logreg_lbfgs(name, data):
    """scikit-learn's default LogisticRegression (lbfgs, C = 1), as pipelab's solver 'lbfgs' fits it."""
    x, y = read_csv(f"{data}/{name}.csv")
    x_tr, x_te, y_tr, y_te = split_scale(x, y, 0.25)
    model = LogisticRegression(C=1.0, tol=1e-4, max_iter=100, solver="lbfgs").fit(x_tr, y_tr)
    return accuracy_score(y_te, model.predict(x_te))


def penguins(path, c=None):
    with open(path) as f:
        records = json.load(f)
    numeric = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]
    labels = ["Island", "Sex"]
    y = np.array([r["Species"] for r in records])
    x = np.array([[r.get(c) if r.get(c) is not None else np.nan for c in numeric] + [r.get(c) or np.nan for c in labels]
                  for r in records], dtype=object)
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.25, stratify=y, random_state=42)
    prep = ColumnTransformer([
        ("num", SimpleImputer(strategy="mean"), list(range(4))),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), [4, 5]),
    ])
    model = make_pipeline(prep, StandardScaler(with_mean=False), PCA(n_components=4),
                          LogisticRegression(C=logreg_c(0.1, len(y_tr), 32, 3), max_iter=10000) if c is None
                          else LogisticRegression(C=c, tol=1e-4, max_iter=100))
    model.fit(x_tr, y_tr)
    return accuracy_score(y_te, model.predict(x_te))


def iris_prepared(data):
    x, y = read_csv(f"{data}/iris.csv")
    return split_scale(x, y, 0.25)


def iris_edit(prepared, i):
    x_tr, x_te, y_tr, y_te = prepared
    c = logreg_c(0.1, len(y_tr), 32, 3) * (1 + 0.01 * i)  # a changed hyper-parameter: only the model is refitted
    model = LogisticRegression(C=c, max_iter=10000).fit(x_tr, y_tr)
    return accuracy_score(y_te, model.predict(x_te))


def read_big_csv(path):
    try:
        import pandas
        return len(pandas.read_csv(path)), "pandas.read_csv"
    except ImportError:
        with open(path, newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        cols = list(zip(*rows))
        table = [np.array(c, dtype=float) for c in cols[:8]] + [np.array(c) for c in cols[8:]]
        return len(table[0]), "csv module + numpy (pandas absent)"


def timed(repeats, fn, warm=True, warm_s=0.0):
    """Runs fn untimed once and for at least `warm_s` seconds (imports, caches, as pipelab's side does), then `repeats` timed times."""
    if warm:
        until = time.perf_counter() + warm_s
        fn(0)
        while time.perf_counter() < until:
            fn(0)
    runs, result = [], None
    for i in range(repeats):
        t0 = time.perf_counter()
        result = fn(i)
        runs.append((time.perf_counter() - t0) * 1000)
    return runs, result


def main():
    data, penguins_json, big_csv, quick = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
    r = (lambda n: 1) if quick else (lambda n: n)
    timings, accuracy = {}, {}
    logreg("iris", data)  # warm-up: imports and first calls
    prepared = iris_prepared(data)
    jobs = [
        ("digits-mlp", 3, lambda i: digits_mlp(data)),
        ("iris-logreg", 5, lambda i: logreg("iris", data)),
        ("cancer-logreg", 5, lambda i: logreg("breast_cancer", data)),
        ("iris-lbfgs", 40, lambda i: logreg_lbfgs("iris", data)),  # ms-scale rows: 40 repeats, as pipelab's side
        ("cancer-lbfgs", 40, lambda i: logreg_lbfgs("breast_cancer", data)),
        ("penguins-6step", 5, lambda i: penguins(penguins_json)),
        ("penguins-lbfgs", 40, lambda i: penguins(penguins_json, c=1.0)),
        ("iris-edit", 7, lambda i: iris_edit(prepared, i)),
    ]
    ms_rows = {"iris-lbfgs", "cancer-lbfgs", "penguins-lbfgs"}  # a second of warm-up, as pipelab's side gets
    for name, repeats, fn in jobs:
        timings[name], accuracy[name] = timed(r(repeats), fn, warm_s=0.0 if quick or name not in ms_rows else 1.0)
    timings["csv-50mb"], (rows, reader) = timed(r(3), lambda i: read_big_csv(big_csv))
    versions = {"python": sys.version.split()[0], "sklearn": sklearn.__version__, "numpy": np.__version__, "csvReader": reader}
    print(json.dumps({"versions": versions, "timings": timings, "accuracy": accuracy}))


if __name__ == "__main__":
    main()
