"""Golden fixtures for src/learners/linear: scikit-learn fits on design matrices built here.

Run with Debian's Python (scikit-learn 1.2.1):
    /usr/bin/python3 bench/anchors/linear_fixtures.py

Writes test/fixtures/linear_logistic_credit.json, linear_logistic_letters.json and
linear_regression_ames.json. Each stores its design matrix (rounded to 6 decimals BEFORE
fitting, so both sides see the same numbers), the targets, any sample weights, and for every
case the options, coef, intercept and predictions on the first rows. Solvers run with tight
tolerances (newton-cg for smooth objectives, saga for L1 / elastic-net) so the stored optima
are accurate to far better than the 1e-4 relative rule the tests apply.
"""

import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DATA = os.path.join(ROOT, "examples", "data")
OUT = os.path.join(ROOT, "test", "fixtures")
PROBA_ROWS = 40


def standardise(frame):
    values = frame.to_numpy(dtype=np.float64)
    mean = values.mean(axis=0)
    std = values.std(axis=0)
    std[std == 0] = 1.0
    return (values - mean) / std


def credit_design(rows):
    df = pd.read_csv(os.path.join(DATA, "credit.csv"))
    df = df.sample(n=rows, random_state=7).reset_index(drop=True)
    y = (df.pop("Status") == "good").astype(np.float64).to_numpy()
    numeric = df.select_dtypes("number")
    numeric = numeric.fillna(numeric.median())
    blocks = [standardise(numeric)]
    for name in df.select_dtypes("object").columns:
        # drop_first: without a reference level the dummies of each categorical sum to the
        # intercept column, and the unpenalised and L1 optima would not be unique.
        dummies = pd.get_dummies(df[name].fillna("__missing__"), drop_first=True)
        blocks.append(dummies.to_numpy(dtype=np.float64))
    return np.round(np.hstack(blocks), 6), y, blocks[0].shape[1]


def letters_design(rows):
    df = pd.read_csv(os.path.join(DATA, "letters.csv"))
    df = df.sample(n=rows, random_state=11).reset_index(drop=True)
    labels = df.pop("lettr")
    classes = sorted(labels.unique())
    y = labels.map({c: i for i, c in enumerate(classes)}).astype(np.float64).to_numpy()
    return np.round(standardise(df), 6), y


def ames_design(rows):
    df = pd.read_csv(os.path.join(DATA, "ames.csv"))
    df = df.sample(n=rows, random_state=3).reset_index(drop=True)
    y = np.round(np.log(df.pop("Sale_Price").to_numpy(dtype=np.float64)), 6)
    return np.round(standardise(df.select_dtypes("number")), 6), y


def optimality_violation(model, X, y, sw, options):
    """Largest KKT violation of C·Σ wᵢ·lossᵢ + penalty at the fitted solution (binary and multinomial)."""
    classes = model.classes_
    weights = np.ones(len(y)) if sw is None else sw.copy()
    cw = options.get("class_weight")
    if cw == "balanced":
        counts = np.array([(y == c).sum() for c in classes])
        weights *= (len(y) / (len(classes) * counts))[np.searchsorted(classes, y)]
    elif isinstance(cw, dict):
        weights *= np.array([cw.get(c, 1.0) for c in classes])[np.searchsorted(classes, y)]
    proba = model.predict_proba(X)
    target = (y[:, None] == classes[None, :]).astype(np.float64)
    residual = (proba - target) * weights[:, None] * options.get("C", 1.0)
    if len(classes) == 2:
        residual = residual[:, 1:]
    grad = residual.T @ X
    grad_b = residual.sum(axis=0)
    coef = model.coef_
    penalty = options.get("penalty", "l2")
    rho = {"l2": 0.0, "none": None, "l1": 1.0, "elasticnet": options.get("l1_ratio")}[penalty]
    if rho is not None:
        grad = grad + (1 - rho) * coef
        at_zero = coef == 0
        grad = np.where(at_zero, np.maximum(np.abs(grad) - rho, 0), grad + rho * np.sign(coef))
    worst = np.abs(grad).max()
    if options.get("fit_intercept", True):
        worst = max(worst, np.abs(grad_b).max())
    return worst


def logistic_case(name, X, y, sw=None, **options):
    start = time.time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = LogisticRegression(**options).fit(X, y, sample_weight=sw)
    violation = optimality_violation(model, X, y, sw, options)
    print(f"{name}: n_iter={model.n_iter_} in {time.time() - start:.1f}s, KKT violation {violation:.2e}", file=sys.stderr)
    return {
        "name": name,
        "options": options,
        "sampleWeight": sw is not None,
        "coef": model.coef_.tolist(),
        "intercept": model.intercept_.tolist(),
        "proba": model.predict_proba(X[:PROBA_ROWS]).tolist(),
    }


def regression_case(name, model, X, y, sw=None, options=None):
    model.fit(X, y, sample_weight=sw)
    print(f"{name}: n_iter={getattr(model, 'n_iter_', None)}", file=sys.stderr)
    return {
        "name": name,
        "options": options or {},
        "sampleWeight": sw is not None,
        "coef": np.ravel(model.coef_).tolist(),
        "intercept": float(model.intercept_),
        "predictions": model.predict(X[:PROBA_ROWS]).tolist(),
    }


def write(name, payload):
    payload["generator"] = f"bench/anchors/linear_fixtures.py, scikit-learn {sklearn.__version__}"
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
    print(f"wrote {path} ({os.path.getsize(path) / 1e6:.2f} MB)", file=sys.stderr)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(5)

    X, y, numeric_cols = credit_design(2000)
    sw = np.round(rng.uniform(0.2, 3.0, size=len(y)), 3)
    smooth = dict(solver="newton-cg", tol=1e-10, max_iter=10000)
    sparse = dict(solver="saga", tol=1e-10, max_iter=200000)
    cases = [
        logistic_case("l2", X, y, C=1.0, **smooth),
        logistic_case("l2_small_c_no_intercept", X, y, C=0.05, fit_intercept=False, **smooth),
        # Rare dummy levels are (quasi-)separable, so the unpenalised fit uses the numeric columns.
        dict(logistic_case("none", X[:, :numeric_cols], y, penalty="none", **smooth), columns=numeric_cols),
        logistic_case("balanced", X, y, C=0.5, class_weight="balanced", **smooth),
        logistic_case("class_weight_dict", X, y, C=0.5, class_weight={0: 3.0, 1: 0.5}, **smooth),
        logistic_case("sample_weight", X, y, sw, C=0.3, **smooth),
        logistic_case("l1", X, y, penalty="l1", C=0.02, **sparse),
        logistic_case("elasticnet", X, y, penalty="elasticnet", l1_ratio=0.5, C=0.02, **sparse),
    ]
    write("linear_logistic_credit.json", {"rows": X.shape[0], "cols": X.shape[1], "X": X.ravel().tolist(), "y": y.tolist(), "sampleWeight": sw.tolist(), "cases": cases})

    X, y = letters_design(1500)
    cases = [
        logistic_case("multinomial_l2", X, y, C=1.0, **smooth),
        logistic_case("multinomial_l2_balanced", X, y, C=0.1, class_weight="balanced", **smooth),
    ]
    write("linear_logistic_letters.json", {"rows": X.shape[0], "cols": X.shape[1], "X": X.ravel().tolist(), "y": y.tolist(), "cases": cases})

    X, y = ames_design(1200)
    sw = np.round(rng.uniform(0.2, 3.0, size=len(y)), 3)
    rank_deficient = np.hstack([X, X[:, :1]])
    tight = dict(tol=1e-12, max_iter=1000000)
    cases = [
        regression_case("linear", LinearRegression(), X, y),
        regression_case("linear_sample_weight", LinearRegression(), X, y, sw),
        regression_case("linear_no_intercept", LinearRegression(fit_intercept=False), X, y, options={"fitIntercept": False}),
        regression_case("ridge", Ridge(alpha=10.0), X, y, options={"alpha": 10.0}),
        regression_case("ridge_sample_weight", Ridge(alpha=3.0), X, y, sw, options={"alpha": 3.0}),
        regression_case("ridge_no_intercept", Ridge(alpha=1.0, fit_intercept=False), X, y, options={"alpha": 1.0, "fitIntercept": False}),
        regression_case("lasso", Lasso(alpha=0.005, **tight), X, y, options={"alpha": 0.005}),
        regression_case("elasticnet", ElasticNet(alpha=0.01, l1_ratio=0.5, **tight), X, y, options={"alpha": 0.01, "l1Ratio": 0.5}),
        regression_case("elasticnet_sample_weight", ElasticNet(alpha=0.01, l1_ratio=0.3, **tight), X, y, sw, options={"alpha": 0.01, "l1Ratio": 0.3}),
    ]
    # scipy's lstsq keeps singular values down to ε·σ_max, so on an exactly duplicated column
    # scikit-learn returns huge opposite coefficients (its predictions are still right). The
    # coefficients stored here are the minimum-norm solution under numpy's max(n, p)·ε·σ_max
    # rank rule, which splits the duplicated weight equally, and so are the predictions (the
    # huge coefficients cost scikit-learn's own predictions about 1e-2 of accuracy).
    rank_case = regression_case("linear_rank_deficient", LinearRegression(), rank_deficient, y)
    x_mean = rank_deficient.mean(axis=0)
    y_mean = y.mean()
    min_norm = np.linalg.lstsq(rank_deficient - x_mean, y - y_mean, rcond=None)[0]
    rank_case["coef"] = min_norm.tolist()
    rank_case["intercept"] = float(y_mean - x_mean @ min_norm)
    rank_case["predictions"] = (rank_deficient[:PROBA_ROWS] @ min_norm + rank_case["intercept"]).tolist()
    write("linear_regression_ames.json", {"rows": X.shape[0], "cols": X.shape[1], "X": X.ravel().tolist(), "y": y.tolist(), "sampleWeight": sw.tolist(), "cases": cases, "rankDeficient": rank_case})


if __name__ == "__main__":
    main()
