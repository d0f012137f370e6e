"""Cross-validates scikit-learn's StandardScaler + LogisticRegression on the folds that
tests/engine/cross-validate.test.ts writes from pipelab's own k-fold step, and prints each
fold's test accuracy as JSON."""
import json
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def c_of(l2, batch, n_train):
    """pipelab's batch L2 (0.5 * l2 * |W|^2 / batch size) as scikit-learn's C, as the Python export maps it."""
    sizes = [batch] * (n_train // batch) + ([n_train % batch] if n_train % batch else [])
    return len(sizes) / sum(1 / s for s in sizes) / (l2 * n_train)


def main():
    with open(sys.argv[1]) as f:
        job = json.load(f)
    x = np.array(job["x"], dtype=np.float64)
    y = np.array(job["y"])
    scores = []
    for test in job["folds"]:
        mask = np.zeros(len(y), dtype=bool)
        mask[test] = True
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c_of(job["l2"], job["batch"], int((~mask).sum())), max_iter=10000))
        model.fit(x[~mask], y[~mask])
        scores.append(float(model.score(x[mask], y[mask])))
    print(json.dumps({"perFold": scores, "mean": float(np.mean(scores)), "std": float(np.std(scores))}))


main()
