"""scikit-learn's side of bench/lbfgs-probe.ts: times LogisticRegression(solver='lbfgs').fit alone.

Usage: python3 bench/lbfgs_probe.py DATASETS CS REPEATS   (comma-separated names and Cs)
Inputs are the L-BFGS fixture's (tests/fixtures/sklearn/lbfgs_reference.py: bundled CSV, test
rows = index % 4 == 0, StandardScaler fitted on the training rows). One untimed fit first, then
REPEATS timed fits; prints JSON: "dataset:C" -> {median_ms, p10_ms, n_iter}.
"""
import json
import os
import sys
import time
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "sklearn"))
from lbfgs_reference import load, split  # noqa: E402

warnings.simplefilter("ignore", ConvergenceWarning)


def main():
    names, cs, repeats = sys.argv[1].split(","), [float(c) for c in sys.argv[2].split(",")], int(sys.argv[3])
    out = {}
    for name in names:
        x_train, y_train, _, _ = split(*load(name))
        for c in cs:
            model = LogisticRegression(solver="lbfgs", C=c).fit(x_train, y_train)
            runs = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                LogisticRegression(solver="lbfgs", C=c).fit(x_train, y_train)
                runs.append((time.perf_counter() - t0) * 1000)
            runs.sort()
            key = f"{name}:{c:g}"
            out[key] = {"median_ms": runs[len(runs) // 2], "p10_ms": runs[len(runs) // 10], "n_iter": int(model.n_iter_[0])}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
