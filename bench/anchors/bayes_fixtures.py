"""Golden fixtures for src/learners/bayes: scikit-learn 1.2 GaussianNB and CategoricalNB fitted
on the bundled datasets; learned parameters and predict_proba on held-out rows.

Run with Debian's Python:  /usr/bin/python3 bench/anchors/bayes_fixtures.py
Writes test/fixtures/bayes_golden.json.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.naive_bayes import CategoricalNB, GaussianNB

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = os.path.join(ROOT, "examples", "data")


def flat(a):
    return np.asarray(a, dtype=float).ravel().tolist()


def compact(a):
    """Integer-valued data (all of credit's numeric columns, all of letters) written as ints."""
    a = np.asarray(a, dtype=float).ravel()
    assert np.all(a == np.round(a))
    return a.astype(np.int64).tolist()


def credit():
    df = pd.read_csv(os.path.join(DATA, "credit.csv"))
    numeric = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
    df = df.dropna(subset=numeric + ["Status"])
    return df[numeric].to_numpy(float), (df["Status"] == "good").to_numpy(float)


def letters():
    df = pd.read_csv(os.path.join(DATA, "letters.csv"))
    X = df.drop(columns=["lettr"]).to_numpy(float)
    y = np.array([ord(c) - ord("A") for c in df["lettr"]], dtype=float)
    return X, y


def gaussian_case(name, X, y, n_train, n_test, options, weighted, rng):
    Xtr, ytr = X[:n_train], y[:n_train]
    Xte = X[n_train:n_train + n_test]
    w = rng.uniform(0.5, 2.0, n_train) if weighted else None
    kwargs = {}
    if "varSmoothing" in options:
        kwargs["var_smoothing"] = options["varSmoothing"]
    if "priors" in options:
        kwargs["priors"] = options["priors"]
    model = GaussianNB(**kwargs).fit(Xtr, ytr, sample_weight=w)
    return {
        "name": name,
        "learner": "GaussianNB",
        "options": options,
        "X": compact(Xtr), "y": compact(ytr), "cols": X.shape[1],
        "sampleWeight": None if w is None else flat(w),
        "XTest": compact(Xte),
        "classes": flat(model.classes_),
        "classCount": flat(model.class_count_),
        "classPrior": flat(model.class_prior_),
        "theta": flat(model.theta_),
        "variance": flat(model.var_),
        "epsilon": float(model.epsilon_),
        "proba": flat(model.predict_proba(Xte)),
        "predict": flat(model.predict(Xte)),
    }


def categorical_case(name, X, y, n_train, n_test, options, weighted, rng):
    Xtr, ytr = X[:n_train], y[:n_train]
    Xte = X[n_train:n_train + n_test]
    w = rng.uniform(0.5, 2.0, n_train) if weighted else None
    kwargs = {"force_alpha": False}
    for ours, theirs in [("alpha", "alpha"), ("fitPrior", "fit_prior"), ("classPrior", "class_prior"), ("minCategories", "min_categories")]:
        if ours in options:
            kwargs[theirs] = options[ours]
    # Letters codes run 0..15; min_categories keeps a code absent from the training rows in range
    # (scikit-learn raises IndexError on codes beyond its tables).
    model = CategoricalNB(**kwargs).fit(Xtr, ytr, sample_weight=w)
    return {
        "name": name,
        "learner": "CategoricalNB",
        "options": options,
        "X": compact(Xtr), "y": compact(ytr), "cols": X.shape[1],
        "sampleWeight": None if w is None else flat(w),
        "XTest": compact(Xte),
        "classes": flat(model.classes_),
        "classCount": flat(model.class_count_),
        "classLogPrior": flat(model.class_log_prior_),
        "categoryCounts": [int(n) for n in model.n_categories_],
        "featureLogProb": [flat(t) for t in model.feature_log_prob_],
        "proba": flat(model.predict_proba(Xte)),
        "predict": flat(model.predict(Xte)),
    }


def main():
    rng = np.random.default_rng(7)
    Xc, yc = credit()
    Xl, yl = letters()
    cases = [
        gaussian_case("GaussianNB on credit numeric columns", Xc, yc, 2000, 300, {}, False, rng),
        gaussian_case("GaussianNB on credit, weighted", Xc, yc, 2000, 300, {}, True, rng),
        gaussian_case("GaussianNB on credit, priors and strong smoothing", Xc, yc, 2000, 300,
                      {"priors": [0.4, 0.6], "varSmoothing": 1e-3}, False, rng),
        gaussian_case("GaussianNB on letters, 26 classes", Xl, yl, 2000, 150, {}, False, rng),
        categorical_case("CategoricalNB on letters codes", Xl, yl, 2000, 150, {"minCategories": 16}, False, rng),
        categorical_case("CategoricalNB on letters, weighted, alpha 0.5, uniform prior", Xl, yl, 2000, 150,
                         {"alpha": 0.5, "fitPrior": False, "minCategories": [16] * 16}, True, rng),
        categorical_case("CategoricalNB on letters, minCategories 20", Xl, yl, 1500, 150,
                         {"minCategories": 20, "alpha": 2}, False, rng),
    ]
    out = {"generator": "bench/anchors/bayes_fixtures.py", "sklearn": sklearn.__version__, "cases": cases}
    path = os.path.join(ROOT, "test", "fixtures", "bayes_golden.json")
    with open(path, "w") as fh:
        json.dump(out, fh)
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
