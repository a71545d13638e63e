"""Anchor for batch scoring (bench/predict-batch.ts): XGBoost 1.7 batch predict_proba on the 3M
flights rows, with the features argmin's pipeline uses (hour, weekday, month, distance, origin and
destination codes) prepared by the TypeScript side as raw float64 (Debian has no Parquet reader
for Python). The model is fitted with the same settings on the same 100k-row sample.

  /usr/bin/python3 bench/anchors/predict_batch_anchor.py PREFIX TRAIN_ROWS ROWS COLS
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb

prefix, train_rows, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
X_train = np.fromfile(f"{prefix}.train.f64", dtype=np.float64).reshape(train_rows, cols)
y_train = np.fromfile(f"{prefix}.y.f64", dtype=np.float64)
model = xgb.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.1, tree_method="hist", n_jobs=2)
model.fit(X_train, y_train)

t = time.perf_counter()
X = np.fromfile(f"{prefix}.all.f64", dtype=np.float64).reshape(rows, cols)
load_s = time.perf_counter() - t
t = time.perf_counter()
proba = model.predict_proba(X)
predict_s = time.perf_counter() - t
t = time.perf_counter()
np.savetxt(f"{prefix}.xgb.csv", proba[:, 1], fmt="%.6g")
write_s = time.perf_counter() - t
print(json.dumps({"predict_s": predict_s, "load_s": load_s, "write_s": write_s, "version": xgb.__version__}))
