"""Anchor for the serving benchmark's model load: XGBoost 1.7 loading a 1,000-tree depth-6 credit
model from its own binary format (.ubj) and making its first one-row prediction (median of 5).

  /usr/bin/python3 bench/anchors/serve_load_anchor.py examples/data/credit.csv
"""
import json
import os
import sys
import tempfile
import time

import numpy as np
import pandas as pd
import xgboost as xgb

frame = pd.read_csv(sys.argv[1])
target = "Status"
features = [c for c in frame.columns if c != target]
X = frame[features].copy()
for c in features:
    if X[c].dtype == object:
        X[c] = X[c].astype("category").cat.codes.replace(-1, np.nan)
X = X.to_numpy(dtype=np.float64)
y = (frame[target] == "good").to_numpy().astype(int)
model = xgb.XGBClassifier(n_estimators=1000, max_depth=6, learning_rate=0.1, tree_method="hist", n_jobs=1)
model.fit(X, y)
path = os.path.join(tempfile.mkdtemp(), "big.ubj")
model.save_model(path)
times = []
for _ in range(5):
    t = time.perf_counter()
    loaded = xgb.XGBClassifier()
    loaded.load_model(path)
    loaded.predict_proba(X[:1])
    times.append((time.perf_counter() - t) * 1000)
print(json.dumps({"load_ms": sorted(times)[2], "version": xgb.__version__}))
