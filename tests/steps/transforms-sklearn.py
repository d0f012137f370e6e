"""Fits scikit-learn's transformers on the training rows of each job's CSV and prints their outputs as JSON.

Used by tests/steps/transforms-sklearn.test.ts. argv[1] names a JSON list of jobs:
{id, csv, train (row indices, or null for every row), numeric, categorical (feature names), op, options}.
Missing values are empty cells in the CSV and null in the output.
"""
import csv
import json
import sys

import numpy as np
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import MinMaxScaler, PolynomialFeatures, RobustScaler


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return {name: [r[i] for r in rows[1:]] for i, name in enumerate(rows[0])}, len(rows) - 1


def numbers(cols, names):
    return np.array([[float(c) if c != "" else np.nan for c in cols[n]] for n in names], dtype=float).T


def as_list(values):
    return [None if isinstance(v, float) and np.isnan(v) else v for v in values.tolist()]


def columns(names, Y):
    return {name: as_list(Y[:, j]) for j, name in enumerate(names)}


def pca(X, train, k):
    model = PCA(n_components=k, svd_solver="full").fit(X[train])
    comps = model.components_.copy()
    Z = model.transform(X)
    agree = 0
    # pipelab's rule (and scikit-learn >= 1.5's): each component's largest-magnitude loading is positive.
    for i in range(k):
        j = int(np.argmax(np.abs(comps[i])))
        if comps[i, j] < 0:
            comps[i] = -comps[i]
            Z[:, i] = -Z[:, i]
        else:
            agree += 1
    return {
        "columns": columns([f"PC{i + 1}" for i in range(k)], Z),
        "pca": {
            "components": comps.tolist(),
            "explained_variance": model.explained_variance_.tolist(),
            "explained_variance_ratio": model.explained_variance_ratio_.tolist(),
            "own_signs_agree": agree,
        },
    }


def impute(cols, X, train, job):
    strategy = job["options"]["strategy"]
    extra = {"fill_value": job["options"]["fill_value"]} if strategy == "constant" else {}
    out = columns(job["numeric"], SimpleImputer(strategy=strategy, **extra).fit(X[train]).transform(X))
    names = job["categorical"]
    C = np.array([[c if c != "" else np.nan for c in cols[n]] for n in names], dtype=object).T
    text = "constant" if strategy == "constant" else "most_frequent"
    extra = {"fill_value": "missing"} if text == "constant" else {}
    D = SimpleImputer(strategy=text, missing_values=np.nan, **extra).fit(C[train]).transform(C)
    out.update({name: D[:, j].tolist() for j, name in enumerate(names)})
    return {"columns": out}


def run(job):
    cols, n = read_csv(job["csv"])
    train = job["train"] if job["train"] is not None else list(range(n))
    X = numbers(cols, job["numeric"])
    op, options = job["op"], job["options"]
    if op in ("minmax", "robust"):
        model = MinMaxScaler() if op == "minmax" else RobustScaler()
        return {"columns": columns(job["numeric"], model.fit(X[train]).transform(X))}
    if op == "poly":
        model = PolynomialFeatures(degree=options["degree"], interaction_only=options["interaction_only"], include_bias=False)
        Y = model.fit(X[train]).transform(X)
        names = [name.replace(" ", "*") for name in model.get_feature_names_out(job["numeric"])]
        return {"columns": columns(names, Y), "names": names}
    if op == "pca":
        return pca(X, train, options["k"])
    if op == "impute":
        return impute(cols, X, train, job)
    raise ValueError(f"unknown op {op}")


with open(sys.argv[1], encoding="utf-8") as f:
    jobs = json.load(f)
print(json.dumps({job["id"]: run(job) for job in jobs}))
