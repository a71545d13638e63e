"""Anchor for bench/gbdt.ts: XGBoost 1.7 (tree_method='hist') and scikit-learn's
HistGradientBoostingClassifier on the SAME split that bench/gbdt.ts wrote as float64 files, with
its settings, at a given thread count (XGBoost n_jobs; scikit-learn through threadpoolctl, which
limits its OpenMP pool).

    /usr/bin/python3 bench/anchors/gbdt_anchor.py PREFIX TRAIN_ROWS TEST_ROWS COLS ROUNDS DEPTH LR BINS L2 \
        BATCH_ROWS THREADS CATEGORICAL SINGLE_ROW

CATEGORICAL is a comma-separated list of column indices holding category codes ('' for none):
XGBoost gets them as pandas categoricals (enable_categorical=True), scikit-learn as
categorical_features. The target is binary when it holds two classes (AUC reported), else
multiclass (accuracy). SINGLE_ROW=1 also times one-row predictions of a 500-tree binary model
(letters A-M vs N-Z) through Booster.inplace_predict -- the lowest-overhead single-row call
XGBoost's Python API has, so it includes Python's per-call cost.

Prints one JSON object on its last line: per library, fit seconds (one fit), test quality and
prediction rows per second on a batch of BATCH_ROWS rows (the test rows tiled).
"""

import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from threadpoolctl import threadpool_limits


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


def quality(y_test, proba):
    if proba.shape[1] == 2:
        return float(roc_auc_score(y_test, proba[:, 1]))
    return float((proba.argmax(axis=1) == y_test).mean())




def main():
    prefix = sys.argv[1]
    train_rows, test_rows, cols = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    rounds, depth, lr, bins, l2 = int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8]), float(sys.argv[9])
    batch_rows, threads = int(sys.argv[10]), int(sys.argv[11])
    categorical = [int(c) for c in sys.argv[12].split(",") if c != ""]
    single_row = sys.argv[13] == "1"
    X_train = np.fromfile(prefix + ".Xtrain.f64", dtype=np.float64).reshape(train_rows, cols)
    y_train = np.fromfile(prefix + ".ytrain.f64", dtype=np.float64)
    X_test = np.fromfile(prefix + ".Xtest.f64", dtype=np.float64).reshape(test_rows, cols)
    y_test = np.fromfile(prefix + ".ytest.f64", dtype=np.float64)
    batch = np.tile(X_test, (batch_rows // test_rows + 1, 1))[:batch_rows]
    binary = len(np.unique(y_train)) == 2
    out = {}

    # Categories must be the same set in train, test and batch for pandas categoricals.
    all_rows = np.vstack([X_train, X_test])
    levels = {j: np.unique(all_rows[:, j][~np.isnan(all_rows[:, j])]) for j in categorical}

    def xgb_frame(X):
        df = pd.DataFrame(X, columns=[f"f{j}" for j in range(X.shape[1])])
        for j in categorical:
            df[f"f{j}"] = pd.Categorical(df[f"f{j}"], categories=levels[j])
        return df

    model = xgb.XGBClassifier(
        n_estimators=rounds, max_depth=depth, learning_rate=lr, max_bin=bins, reg_lambda=l2,
        min_child_weight=1, tree_method="hist", n_jobs=threads,
        objective="binary:logistic" if binary else "multi:softprob",
        enable_categorical=len(categorical) > 0,
    )
    train_frame = xgb_frame(X_train) if categorical else X_train
    start = time.perf_counter()
    model.fit(train_frame, y_train)
    fit_seconds = time.perf_counter() - start
    test_frame = xgb_frame(X_test) if categorical else X_test
    batch_frame = xgb_frame(batch) if categorical else batch
    proba = model.predict_proba(test_frame)
    start = time.perf_counter()
    model.predict_proba(batch_frame)
    predict_seconds = time.perf_counter() - start
    out["xgboost"] = {"fit_seconds": fit_seconds, "quality": quality(y_test, proba),
                      "rows_per_second": batch_rows / predict_seconds, "version": xgb.__version__}
    if single_row:
        out["xgboost"]["single_row_micros"] = single_row_micros(X_train, y_train, X_test, depth, lr, bins, l2)

    with threadpool_limits(limits=threads):
        hgb = HistGradientBoostingClassifier(
            max_iter=rounds, max_depth=depth, learning_rate=lr, max_bins=bins, l2_regularization=l2,
            max_leaf_nodes=None, min_samples_leaf=1, early_stopping=False, random_state=0,
            categorical_features=categorical or None,
        )
        start = time.perf_counter()
        hgb.fit(X_train, y_train)
        fit_seconds = time.perf_counter() - start
        proba = hgb.predict_proba(X_test)
        start = time.perf_counter()
        hgb.predict_proba(batch)
        predict_seconds = time.perf_counter() - start
    out["sklearn"] = {"fit_seconds": fit_seconds, "quality": quality(y_test, proba),
                      "rows_per_second": batch_rows / predict_seconds, "version": sklearn.__version__}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
