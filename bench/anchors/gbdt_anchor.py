"""Anchor for bench/gbdt.ts: XGBoost 1.7 (tree_method='hist', nthread=1) and scikit-learn
HistGradientBoostingClassifier (OMP_NUM_THREADS=1 set by the caller) on the SAME letters split
that bench/gbdt.ts wrote as float64 files, with its settings.

    /usr/bin/python3 bench/anchors/gbdt_anchor.py PREFIX TRAIN_ROWS TEST_ROWS COLS ROUNDS DEPTH LR BINS L2 BATCH_ROWS

Prints one JSON object on its last line: per library, fit seconds (one fit), test accuracy and
prediction rows per second on a batch of BATCH_ROWS rows (the test rows tiled); for XGBoost also
the single-row latency of a 500-tree binary model (letters A-M vs N-Z), measured through
Booster.inplace_predict on one row at a time -- the lowest-overhead single-row call XGBoost's
Python API has, so it includes Python's per-call cost.
"""

import json
import sys
import time

import numpy as np
import sklearn
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier


def single_row_micros(X_train, y_train, X_test, depth, lr, bins, l2):
    binary = xgb.XGBClassifier(
        n_estimators=500, max_depth=depth, learning_rate=lr, max_bin=bins, reg_lambda=l2,
        min_child_weight=1, tree_method="hist", n_jobs=1, objective="binary:logistic",
    ).fit(X_train, (y_train >= 13).astype(np.float64))
    booster = binary.get_booster()
    rows = [X_test[i : i + 1] for i in range(X_test.shape[0])]
    for i in range(2000):
        booster.inplace_predict(rows[i % len(rows)])
    calls = 20000
    start = time.perf_counter()
    for i in range(calls):
        booster.inplace_predict(rows[i % len(rows)])
    return (time.perf_counter() - start) * 1e6 / calls


def main():
    prefix = sys.argv[1]
    train_rows, test_rows, cols = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    rounds, depth, lr, bins, l2 = int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8]), float(sys.argv[9])
    batch_rows = int(sys.argv[10])
    X_train = np.fromfile(prefix + ".Xtrain.f64", dtype=np.float64).reshape(train_rows, cols)
    y_train = np.fromfile(prefix + ".ytrain.f64", dtype=np.float64)
    X_test = np.fromfile(prefix + ".Xtest.f64", dtype=np.float64).reshape(test_rows, cols)
    y_test = np.fromfile(prefix + ".ytest.f64", dtype=np.float64)
    batch = np.tile(X_test, (batch_rows // test_rows + 1, 1))[:batch_rows]
    out = {}

    model = xgb.XGBClassifier(
        n_estimators=rounds, max_depth=depth, learning_rate=lr, max_bin=bins, reg_lambda=l2,
        min_child_weight=1, tree_method="hist", n_jobs=1, objective="multi:softprob",
    )
    start = time.perf_counter()
    model.fit(X_train, y_train)
    fit_seconds = time.perf_counter() - start
    accuracy = float((model.predict(X_test) == y_test).mean())
    start = time.perf_counter()
    model.predict_proba(batch)
    predict_seconds = time.perf_counter() - start
    out["xgboost"] = {"fit_seconds": fit_seconds, "accuracy": accuracy,
                      "rows_per_second": batch_rows / predict_seconds, "version": xgb.__version__,
                      "single_row_micros": single_row_micros(X_train, y_train, X_test, depth, lr, bins, l2)}

    hgb = HistGradientBoostingClassifier(
        max_iter=rounds, max_depth=depth, learning_rate=lr, max_bins=bins, l2_regularization=l2,
        max_leaf_nodes=None, min_samples_leaf=1, early_stopping=False, random_state=0,
    )
    start = time.perf_counter()
    hgb.fit(X_train, y_train)
    fit_seconds = time.perf_counter() - start
    accuracy = float((hgb.predict(X_test) == y_test).mean())
    start = time.perf_counter()
    hgb.predict_proba(batch)
    predict_seconds = time.perf_counter() - start
    out["sklearn"] = {"fit_seconds": fit_seconds, "accuracy": accuracy,
                      "rows_per_second": batch_rows / predict_seconds, "version": sklearn.__version__}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
