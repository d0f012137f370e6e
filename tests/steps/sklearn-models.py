"""Fits scikit-learn's counterparts of pipelab's kNN, naive Bayes, tree and forest models
on the train/test CSVs that tests/steps/models-sklearn.test.ts writes from pipelab's own
split, and prints each model's test-row predictions as JSON."""
import csv
import json
import sys

import numpy as np
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def load(path, regression):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))[1:]
    x = np.array([[float(v) for v in r[:-1]] for r in rows], dtype=np.float64)
    y = np.array([float(r[-1]) if regression else int(r[-1]) for r in rows])
    return x, y


def make(kind, p):
    if kind == "knn":
        return KNeighborsClassifier(n_neighbors=p["k"], weights=p["weights"], algorithm="kd_tree")
    if kind == "knn-regressor":
        return KNeighborsRegressor(n_neighbors=p["k"], weights=p["weights"], algorithm="kd_tree")
    if kind == "nb":
        return GaussianNB(var_smoothing=p["varSmoothing"])
    tree = dict(max_depth=p["maxDepth"], min_samples_leaf=p["minSamplesLeaf"], random_state=0)
    if kind == "tree":
        return DecisionTreeClassifier(criterion=p["criterion"], min_samples_split=p["minSamplesSplit"], **tree)
    if kind == "tree-regressor":
        return DecisionTreeRegressor(min_samples_split=p["minSamplesSplit"], **tree)
    forest = dict(n_estimators=p["trees"], max_features="sqrt" if p["maxFeatures"] == "sqrt" else None, bootstrap=p["bootstrap"], **tree)
    if kind == "forest":
        return RandomForestClassifier(criterion=p["criterion"], **forest)
    return RandomForestRegressor(**forest)


def tree_nodes(tree, regression):
    """Every node as [depth, rows, class counts...] (classification) or [depth, rows, mean] (regression)."""
    nodes, stack = [], [(0, 0)]
    while stack:
        node, depth = stack.pop()
        n = int(tree.n_node_samples[node])
        value = tree.value[node][0]
        nodes.append([depth, n, float(value[0])] if regression else [depth, n, *[int(round(v / value.sum() * n)) for v in value]])
        if tree.children_left[node] >= 0:
            stack += [(tree.children_left[node], depth + 1), (tree.children_right[node], depth + 1)]
    return nodes


results = []
for job in json.load(open(sys.argv[1])):
    regression = job["kind"].endswith("regressor")
    x_train, y_train = load(job["train"], regression)
    x_test, y_test = load(job["test"], regression)
    model = make(job["kind"], job["params"]).fit(x_train, y_train)
    result = {"id": job["id"], "predicted": model.predict(x_test).tolist(), "score": model.score(x_test, y_test)}
    if hasattr(model, "tree_"):
        result["nodes"] = tree_nodes(model.tree_, regression)
    if hasattr(model, "predict_proba"):
        result["probabilities"] = model.predict_proba(x_test).tolist()
    results.append(result)
json.dump(results, sys.stdout)
