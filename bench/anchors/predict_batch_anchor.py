"""Anchor for batch scoring (bench/predict-batch.ts): XGBoost 1.7 batch predict_proba on the 3M
flights rows, with the features argmin's pipeline uses (hour, weekday, month, distance, origin and
destination codes) prepared by the TypeScript side as raw float64 (Debian has no Parquet reader
for Python). The model is fitted with the same settings on the same 100k-row sample.

  /usr/bin/python3 bench/anchors/predict_batch_anchor.py PREFIX TRAIN_ROWS ROWS COLS [RUNS]

predict_s is the median of RUNS predictions (default 1), as the TypeScript side takes the median
of its runs.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb

prefix, train_rows, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 1
X_train = np.fromfile(f"{prefix}.train.f64", dtype=np.float64).reshape(train_rows, cols)
y_train = np.fromfile(f"{prefix}.y.f64", dtype=np.float64)
model = xgb.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.1, tree_method="hist", n_jobs=2)
model.fit(X_train, y_train)

t = time.perf_counter()
X = np.fromfile(f"{prefix}.all.f64", dtype=np.float64).reshape(rows, cols)
load_s = time.perf_counter() - t
times = []
for _ in range(runs):
    t = time.perf_counter()
    proba = model.predict_proba(X)
    times.append(time.perf_counter() - t)
predict_s = sorted(times)[len(times) // 2]
t = time.perf_counter()
np.savetxt(f"{prefix}.xgb.csv", proba[:, 1], fmt="%.6g")
write_s = time.perf_counter() - t
# The columns argmin writes: the label, then each class's probability at full precision.
t = time.perf_counter()
labels = np.where(proba[:, 1] > proba[:, 0], "yes", "no")
with open(f"{prefix}.xgb-full.csv", "w") as out:
    out.write("predicted_late,proba_no,proba_yes\n")
    for start in range(0, rows, 100_000):
        part = proba[start : start + 100_000]
        out.writelines(
            f"{label},{p0!r},{p1!r}\n"
            for label, p0, p1 in zip(labels[start : start + 100_000], part[:, 0].tolist(), part[:, 1].tolist())
        )
write_full_s = time.perf_counter() - t
print(
    json.dumps(
        {
            "predict_s": predict_s,
            "load_s": load_s,
            "write_s": write_s,
            "write_full_s": write_full_s,
            "version": xgb.__version__,
        }
    )
)
