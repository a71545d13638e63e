"""Golden fixtures for src/metrics: every metric computed by scikit-learn 1.2 on
(a) seeded random predictions with many tied scores, exact 0/1 probabilities and zero weights, and
(b) real model outputs: LogisticRegression on credit.csv's numeric columns (binary), on letters.csv
(26 classes) and LinearRegression on ames.csv (regression).

Run with Debian's Python:  /usr/bin/python3 bench/anchors/metrics_fixtures.py
Writes test/fixtures/metrics_golden.json.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics as M
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATA = os.path.join(ROOT, "examples", "data")
EPS = 1e-15  # log_loss clipping used by argmin (sklearn 1.2's default is 'auto' = float64 eps)


def classification_metrics(y, labels, proba, classes, w):
    out = {}
    binary = len(classes) == 2
    out["accuracy"] = M.accuracy_score(y, labels, sample_weight=w)
    out["balanced_accuracy"] = M.balanced_accuracy_score(y, labels, sample_weight=w)
    averages = ["macro", "micro", "weighted"] + (["binary"] if binary else [])
    for avg in averages:
        suffix = "" if avg == "binary" else "_" + avg
        p, r, f, _ = M.precision_recall_fscore_support(y, labels, average=avg, sample_weight=w, zero_division=0)
        out["precision" + suffix] = p
        out["recall" + suffix] = r
        out["f1" + suffix] = f
    if binary:
        score = proba[:, 1]
        out["roc_auc"] = M.roc_auc_score(y, score, sample_weight=w)
        out["roc_auc_weighted"] = out["roc_auc"]
        out["average_precision"] = M.average_precision_score(y, score, pos_label=classes[1], sample_weight=w)
        out["brier_score"] = M.brier_score_loss(y, score, pos_label=classes[1], sample_weight=w)
    else:
        out["roc_auc"] = M.roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=classes, sample_weight=w)
        out["roc_auc_weighted"] = M.roc_auc_score(
            y, proba, multi_class="ovr", average="weighted", labels=classes, sample_weight=w
        )
    out["log_loss"] = M.log_loss(y, proba, eps=EPS, labels=classes, sample_weight=w)
    return {k: float(v) for k, v in out.items()}


def regression_metrics(y, pred, w):
    return {
        "rmse": float(M.mean_squared_error(y, pred, sample_weight=w, squared=False)),
        "mae": float(M.mean_absolute_error(y, pred, sample_weight=w)),
        "r2": float(M.r2_score(y, pred, sample_weight=w)),
        "mape": float(M.mean_absolute_percentage_error(y, pred, sample_weight=w)),
    }


def classification_case(name, y, labels, proba, classes, w):
    y = np.asarray(y, dtype=float)
    labels = np.asarray(labels, dtype=float)
    classes = np.asarray(classes, dtype=float)
    union = np.union1d(y, labels)
    return {
        "name": name,
        "task": "classification",
        "yTrue": y.tolist(),
        "yPred": labels.tolist(),
        "proba": proba.ravel().tolist(),
        "classes": classes.tolist(),
        "sampleWeight": w.tolist(),
        "confusionLabels": union.tolist(),
        "confusion": M.confusion_matrix(y, labels, labels=union).ravel().astype(float).tolist(),
        "confusionWeighted": M.confusion_matrix(y, labels, labels=union, sample_weight=w).ravel().tolist(),
        "unweighted": classification_metrics(y, labels, proba, classes, None),
        "weighted": classification_metrics(y, labels, proba, classes, w),
    }


def regression_case(name, y, pred, w):
    return {
        "name": name,
        "task": "regression",
        "yTrue": np.asarray(y, dtype=float).tolist(),
        "yPred": np.asarray(pred, dtype=float).tolist(),
        "sampleWeight": w.tolist(),
        "unweighted": regression_metrics(y, pred, None),
        "weighted": regression_metrics(y, pred, w),
    }


def random_weights(rng, n):
    w = rng.uniform(0, 2, n)
    w[rng.random(n) < 0.05] = 0.0  # zero weights must drop rows, not add thresholds
    return w


def random_binary(rng, n, classes):
    y = rng.choice(classes, n, p=[0.6, 0.4])
    # Scores on a 0.05 grid: many ties, including ties across the two classes; some exact 0 and 1.
    signal = (y == classes[1]) * 0.25 + rng.uniform(0, 0.75, n)
    p1 = np.round(signal * 20) / 20
    p1[:5] = [0.0, 1.0, 0.0, 1.0, 0.5]
    proba = np.column_stack([1 - p1, p1])
    labels = np.where(p1 > 0.5, classes[1], classes[0])
    return y, labels, proba


def random_multiclass(rng, n, classes, extra_label):
    k = len(classes)
    y = rng.choice(classes, n)
    raw = rng.dirichlet(np.ones(k), n) + 0.8 * (y[:, None] == np.asarray(classes)[None, :])
    proba = np.round(raw / raw.sum(axis=1, keepdims=True), 1)  # coarse grid: ties everywhere
    proba[:, -1] = 1 - proba[:, :-1].sum(axis=1)
    proba = np.clip(proba, 0, 1)
    proba /= proba.sum(axis=1, keepdims=True)
    proba[0] = np.eye(k)[0]  # a one-hot row: clipping in log_loss
    labels = np.asarray(classes)[proba.argmax(axis=1)].astype(float)
    labels[rng.random(n) < 0.05] = extra_label  # a label never true: zero precision, no recall
    return y, labels, proba


def credit_case():
    df = pd.read_csv(os.path.join(DATA, "credit.csv"))
    numeric = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
    df = df.dropna(subset=numeric + ["Status"])
    X = df[numeric].to_numpy(float)
    y = (df["Status"] == "good").to_numpy(float)
    train = np.arange(len(y)) % 2 == 0
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(X[train], y[train])
    test = ~train
    rng = np.random.default_rng(3)
    return classification_case(
        "credit: LogisticRegression on numeric columns",
        y[test], model.predict(X[test]), model.predict_proba(X[test]), model.classes_, random_weights(rng, int(test.sum())),
    )


def letters_case():
    df = pd.read_csv(os.path.join(DATA, "letters.csv"))
    X = df.drop(columns=["lettr"]).to_numpy(float)
    y = np.array([ord(c) - ord("A") for c in df["lettr"]], dtype=float)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)).fit(X[:6000], y[:6000])
    Xt, yt = X[6000:7200], y[6000:7200]
    rng = np.random.default_rng(4)
    return classification_case(
        "letters: LogisticRegression, 26 classes",
        yt, model.predict(Xt), model.predict_proba(Xt), model.classes_, random_weights(rng, len(yt)),
    )


def ames_case():
    df = pd.read_csv(os.path.join(DATA, "ames.csv"))
    cols = ["Gr_Liv_Area", "Year_Built", "Lot_Area", "Total_Bsmt_SF", "Garage_Area", "Full_Bath"]
    df = df.dropna(subset=cols + ["Sale_Price"])
    X = df[cols].to_numpy(float)
    y = df["Sale_Price"].to_numpy(float)
    model = LinearRegression().fit(X[::2], y[::2])
    rng = np.random.default_rng(5)
    yt = y[1::2]
    return regression_case("ames: LinearRegression on six numeric columns", yt, model.predict(X[1::2]), random_weights(rng, len(yt)))


def main():
    rng = np.random.default_rng(20240601)
    cases = []
    y, labels, proba = random_binary(rng, 400, [0.0, 1.0])
    cases.append(classification_case("random binary 0/1 with tied scores", y, labels, proba, [0.0, 1.0], random_weights(rng, 400)))
    y, labels, proba = random_binary(rng, 300, [-1.0, 1.0])
    cases.append(classification_case("random binary -1/1 with tied scores", y, labels, proba, [-1.0, 1.0], random_weights(rng, 300)))
    y, labels, proba = random_multiclass(rng, 500, [2.0, 5.0, 7.0, 11.0], 13.0)
    cases.append(classification_case("random 4 classes, coarse probabilities", y, labels, proba, [2.0, 5.0, 7.0, 11.0], random_weights(rng, 500)))
    cases.append(credit_case())
    cases.append(letters_case())
    y = rng.normal(10, 4, 300)
    y[0] = 0.0  # MAPE's epsilon floor
    pred = np.round(y + rng.normal(0, 2, 300), 1)
    cases.append(regression_case("random regression with a zero target", y, pred, random_weights(rng, 300)))
    cases.append(ames_case())
    out = {"generator": "bench/anchors/metrics_fixtures.py", "sklearn": sklearn.__version__, "logLossEps": EPS, "cases": cases}
    path = os.path.normpath(os.path.join(ROOT, "test", "fixtures", "metrics_golden.json"))
    with open(path, "w") as fh:
        json.dump(out, fh)
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
