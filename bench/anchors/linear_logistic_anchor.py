"""Anchor for bench/logistic.ts: scikit-learn LogisticRegression (solver 'lbfgs' unless SOLVER says
otherwise, e.g. 'newton-cholesky' for binary problems) on the SAME design matrices argmin used,
read from float64 files that bench/logistic.ts wrote.

    /usr/bin/python3 bench/anchors/linear_logistic_anchor.py PREFIX TRAIN_ROWS TEST_ROWS COLS C TOL MAX_ITER [SOLVER]

Prints one JSON object on its last line: median fit seconds of 3 (after a warm-up fit), test
accuracy and iterations.
"""

import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression


def main():
    prefix, train_rows, test_rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    C, tol, max_iter = float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
    solver = sys.argv[8] if len(sys.argv) > 8 else "lbfgs"
    X_train = np.fromfile(prefix + ".Xtrain.f64", dtype=np.float64).reshape(train_rows, cols)
    y_train = np.fromfile(prefix + ".ytrain.f64", dtype=np.float64)
    X_test = np.fromfile(prefix + ".Xtest.f64", dtype=np.float64).reshape(test_rows, cols)
    y_test = np.fromfile(prefix + ".ytest.f64", dtype=np.float64)

    def fit():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return LogisticRegression(solver=solver, C=C, tol=tol, max_iter=max_iter).fit(X_train, y_train)

    fit()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        model = fit()
        times.append(time.perf_counter() - start)
    accuracy = float((model.predict(X_test) == y_test).mean())
    print(json.dumps({
        "fit_seconds": sorted(times)[1],
        "accuracy": accuracy,
        "n_iter": int(np.max(model.n_iter_)),
        "version": sklearn.__version__,
        "solver": solver,
    }))


if __name__ == "__main__":
    main()
