"""Anchor for bench/gbdt-artifact.ts: XGBoost 1.7 fitted with the same settings (200 rounds,
depth 6, learning rate 0.1, 255 bins, L2 = 1, hist, 1 thread) on the same letters rows, then
saved in XGBoost's binary JSON format (.ubj) and loaded back, each timed once.

    /usr/bin/python3 bench/anchors/gbdt_artifact_anchor.py PREFIX ROWS COLS MODEL_PATH

Prints one JSON object on its last line: save_seconds, load_seconds, bytes, version.
"""

import json
import os
import sys
import time

import numpy as np
import xgboost as xgb


def main():
    prefix, rows, cols, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    X = np.fromfile(prefix + ".X.f64", dtype=np.float64).reshape(rows, cols)
    y = np.fromfile(prefix + ".y.f64", dtype=np.float64)
    model = xgb.XGBClassifier(
        n_estimators=200, max_depth=6, learning_rate=0.1, max_bin=255, reg_lambda=1,
        min_child_weight=1, tree_method="hist", n_jobs=1, objective="multi:softprob",
    ).fit(X, y)
    booster = model.get_booster()
    start = time.perf_counter()
    booster.save_model(path)
    save_seconds = time.perf_counter() - start
    start = time.perf_counter()
    loaded = xgb.Booster()
    loaded.load_model(path)
    load_seconds = time.perf_counter() - start
    print(json.dumps({"save_seconds": save_seconds, "load_seconds": load_seconds,
                      "bytes": os.path.getsize(path), "version": xgb.__version__}))


if __name__ == "__main__":
    main()
