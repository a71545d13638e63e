"""Flask app for the serving benchmark's anchors: the credit GBDT (500 trees of depth 6) in XGBoost
or scikit-learn, answering the same one-row JSON records argmin serve answers.

Run by bench/serve.ts under gunicorn (2 workers):
  ARGMIN_ANCHOR_MODEL=xgboost|sklearn ARGMIN_CREDIT_CSV=examples/data/credit.csv \
    gunicorn -w 2 -b 127.0.0.1:PORT --chdir bench/anchors serve_anchor_app:app
Each worker trains its own copy at import (a few seconds), as a pickled model would load.
"""
import os

import numpy as np
import pandas as pd
from flask import Flask, jsonify, request

KIND = os.environ.get("ARGMIN_ANCHOR_MODEL", "xgboost")
frame = pd.read_csv(os.environ["ARGMIN_CREDIT_CSV"])
target = "Status"
features = [c for c in frame.columns if c != target]
categorical = [c for c in features if frame[c].dtype == object]
levels = {c: {v: i for i, v in enumerate(sorted(frame[c].dropna().unique()))} for c in categorical}


def encode(records):
    X = np.empty((len(records), len(features)), dtype=np.float64)
    for i, record in enumerate(records):
        for j, c in enumerate(features):
            v = record.get(c)
            if v is None:
                X[i, j] = np.nan
            elif c in levels:
                X[i, j] = levels[c].get(v, np.nan)
            else:
                X[i, j] = float(v)
    return X


X_train = encode(frame[features].replace({np.nan: None}).to_dict("records"))
classes = sorted(frame[target].unique())
y_train = frame[target].map({c: i for i, c in enumerate(classes)}).to_numpy()

if KIND == "xgboost":
    import xgboost as xgb

    model = xgb.XGBClassifier(
        n_estimators=500, max_depth=6, learning_rate=0.1, tree_method="hist", n_jobs=1
    )
    model.fit(X_train, y_train)
else:
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_iter=500, max_depth=6, learning_rate=0.1, early_stopping=False
    )
    model.fit(X_train, y_train)

app = Flask(__name__)


@app.post("/v1/models/credit/predict")
def predict():
    records = request.get_json()
    proba = model.predict_proba(encode(records))
    return jsonify(
        {
            "model": "credit",
            "predictions": [classes[int(k)] for k in proba.argmax(axis=1)],
            "classes": classes,
            "probabilities": proba.tolist(),
        }
    )


@app.get("/health")
def health():
    return {"status": "ok"}
