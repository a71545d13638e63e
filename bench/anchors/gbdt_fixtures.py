"""Golden quality fixtures for src/learners/gbdt: XGBoost 1.7.4 (tree_method='hist') and
scikit-learn 1.2.1 HistGradientBoosting* fitted with equal settings on the same split.

Run with Debian's Python:
    /usr/bin/python3 bench/anchors/gbdt_fixtures.py

Writes test/fixtures/gbdt_credit.json (binary, AUC), gbdt_letters.json (26 classes, accuracy)
and gbdt_ames.json (regression on the numeric columns, RMSE). Each holds the training and test
rows (missing values as the string "NaN"), the settings, and both anchors' held-out metrics.
Categorical columns of credit are ordinal codes; scikit-learn is told they are categorical
(native splits), XGBoost sees the codes as numbers (its categorical support is experimental).
"""

import json
import os

import numpy as np
import pandas as pd
import sklearn
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATA = os.path.join(ROOT, "examples", "data")
OUT = os.path.join(ROOT, "test", "fixtures")

SETTINGS = {"rounds": 100, "maxDepth": 6, "learningRate": 0.1, "maxBins": 255, "lambdaL2": 1.0}


def xgb_model(kind, objective, extra):
    common = dict(
        n_estimators=SETTINGS["rounds"],
        max_depth=SETTINGS["maxDepth"],
        learning_rate=SETTINGS["learningRate"],
        max_bin=SETTINGS["maxBins"],
        reg_lambda=SETTINGS["lambdaL2"],
        min_child_weight=1,
        tree_method="hist",
        n_jobs=1,
        objective=objective,
        **extra,
    )
    return kind(**common)


def hgb_model(kind, loss, categorical):
    return kind(
        loss=loss,
        max_iter=SETTINGS["rounds"],
        max_depth=SETTINGS["maxDepth"],
        learning_rate=SETTINGS["learningRate"],
        max_bins=SETTINGS["maxBins"],
        l2_regularization=SETTINGS["lambdaL2"],
        max_leaf_nodes=None,
        min_samples_leaf=1,
        early_stopping=False,
        categorical_features=categorical,
        random_state=0,
    )


def encode(values):
    return [("NaN" if np.isnan(v) else float(v)) for v in values.ravel()]


def write(name, X_train, y_train, X_test, y_test, categorical, metric, anchors):
    out = {
        "name": name,
        "metric": metric,
        "settings": SETTINGS,
        "categoricalFeatures": categorical,
        "cols": int(X_train.shape[1]),
        "trainX": encode(X_train),
        "trainY": [float(v) for v in y_train],
        "testX": encode(X_test),
        "testY": [float(v) for v in y_test],
        "anchors": anchors,
        "versions": {"xgboost": xgb.__version__, "sklearn": sklearn.__version__},
    }
    path = os.path.join(OUT, f"gbdt_{name}.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(name, anchors, os.path.getsize(path))


def split(n, train, seed):
    order = np.random.RandomState(seed).permutation(n)
    return order[:train], order[train:]


def credit():
    df = pd.read_csv(os.path.join(DATA, "credit.csv"))
    y = (df.pop("Status") == "bad").astype(np.float64).to_numpy()
    categorical = []
    for j, name in enumerate(df.columns):
        if df[name].dtype == object:
            codes = df[name].astype("category").cat.codes.astype(np.float64)
            df[name] = codes.where(codes >= 0, np.nan)
            categorical.append(j)
    X = df.to_numpy(dtype=np.float64)
    tr, te = split(len(y), 3000, 1)
    anchors = {}
    m = xgb_model(xgb.XGBClassifier, "binary:logistic", {}).fit(X[tr], y[tr])
    anchors["xgboost"] = float(roc_auc_score(y[te], m.predict_proba(X[te])[:, 1]))
    mask = [j in categorical for j in range(X.shape[1])]
    h = hgb_model(HistGradientBoostingClassifier, "log_loss", mask).fit(X[tr], y[tr])
    anchors["sklearn"] = float(roc_auc_score(y[te], h.predict_proba(X[te])[:, 1]))
    write("credit", X[tr], y[tr], X[te], y[te], categorical, "auc", anchors)


def letters():
    df = pd.read_csv(os.path.join(DATA, "letters.csv"))
    labels = df.pop("lettr")
    classes = sorted(labels.unique())
    y = labels.map({c: i for i, c in enumerate(classes)}).astype(np.float64).to_numpy()
    X = df.to_numpy(dtype=np.float64)
    order = np.random.RandomState(2).permutation(len(y))
    tr, te = order[:3000], order[3000:5000]
    anchors = {}
    m = xgb_model(xgb.XGBClassifier, "multi:softprob", {}).fit(X[tr], y[tr])
    anchors["xgboost"] = float(accuracy_score(y[te], m.predict(X[te])))
    h = hgb_model(HistGradientBoostingClassifier, "log_loss", None).fit(X[tr], y[tr])
    anchors["sklearn"] = float(accuracy_score(y[te], h.predict(X[te])))
    write("letters", X[tr], y[tr], X[te], y[te], [], "accuracy", anchors)


def ames():
    df = pd.read_csv(os.path.join(DATA, "ames.csv"))
    y = df.pop("Sale_Price").to_numpy(dtype=np.float64)
    X = df.select_dtypes("number").to_numpy(dtype=np.float64)
    tr, te = split(len(y), 2000, 3)
    anchors = {}
    m = xgb_model(xgb.XGBRegressor, "reg:squarederror", {}).fit(X[tr], y[tr])
    anchors["xgboost"] = float(np.sqrt(mean_squared_error(y[te], m.predict(X[te]))))
    h = hgb_model(HistGradientBoostingRegressor, "squared_error", None).fit(X[tr], y[tr])
    anchors["sklearn"] = float(np.sqrt(mean_squared_error(y[te], h.predict(X[te]))))
    write("ames", X[tr], y[tr], X[te], y[te], [], "rmse", anchors)


def binning():
    """scikit-learn's bin edges (numpy midpoint percentiles) for a many-valued and a few-valued column."""
    from sklearn.ensemble._hist_gradient_boosting.binning import _BinMapper

    ames = pd.read_csv(os.path.join(DATA, "ames.csv"))
    letters = pd.read_csv(os.path.join(DATA, "letters.csv"))
    cases = []
    for name, column in [("ames Lot_Area", ames["Lot_Area"]), ("letters x.box", letters["x.box"])]:
        values = column.to_numpy(dtype=np.float64)
        for max_bins in (255, 16):
            mapper = _BinMapper(n_bins=max_bins + 1, subsample=None).fit(values.reshape(-1, 1))
            cases.append({
                "name": name,
                "maxBins": max_bins,
                "values": values.tolist(),
                "edges": np.unique(mapper.bin_thresholds_[0]).tolist(),
                "bins": mapper.transform(values.reshape(-1, 1))[:, 0].astype(int).tolist(),
            })
    path = os.path.join(OUT, "gbdt_binning.json")
    with open(path, "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": cases}, f, separators=(",", ":"))
    print("binning", os.path.getsize(path))


if __name__ == "__main__":
    binning()
    credit()
    letters()
    ames()
