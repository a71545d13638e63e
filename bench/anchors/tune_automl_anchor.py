"""Anchor for bench/tune-automl.ts: what a skilled user gets on the same train/test split with
(a) scikit-learn's HistGradientBoosting defaults, (b) XGBoost defaults, and (c) Optuna 3.1's
default TPE tuning XGBoost for the same wall-clock budget (3-fold CV on the training rows, the
best configuration refitted on all of them). Debian's python3-sklearn 1.2, python3-xgboost 1.7,
python3-optuna 3.1. Categorical columns go to XGBoost as pandas categoricals
(enable_categorical) and to scikit-learn ordinal-encoded as categorical_features.

    /usr/bin/python3 bench/anchors/tune_automl_anchor.py TRAIN.csv TEST.csv TARGET METRIC BUDGET_S THREADS

METRIC is roc_auc, accuracy or rmse. Prints one JSON object on its last line: per contender the
test score and the seconds it used.
"""

import json
import sys
import time

import numpy as np
import optuna
import pandas as pd
import xgboost as xgb
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.metrics import accuracy_score, mean_squared_error, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold

optuna.logging.set_verbosity(optuna.logging.WARNING)


def load(train_path, test_path, target):
    train = pd.read_csv(train_path)
    test = pd.read_csv(test_path)
    y_train, y_test = train.pop(target), test.pop(target)
    categorical = [c for c in train.columns if train[c].dtype == object or train[c].dtype == bool]
    for c in categorical:
        levels = sorted(set(train[c].dropna().astype(str)) | set(test[c].dropna().astype(str)))
        train[c] = pd.Categorical(train[c].astype("string"), categories=levels)
        test[c] = pd.Categorical(test[c].astype("string"), categories=levels)
    return train, test, y_train, y_test, categorical


def score(metric, y_true, model, X):
    if metric == "rmse":
        return float(np.sqrt(mean_squared_error(y_true, model.predict(X))))
    proba = model.predict_proba(X)
    if metric == "roc_auc":
        return float(roc_auc_score(y_true, proba[:, 1]))
    return float(accuracy_score(y_true, proba.argmax(axis=1)))


def main():
    train_path, test_path, target, metric = sys.argv[1:5]
    budget, threads = float(sys.argv[5]), int(sys.argv[6])
    X_train, X_test, y_train, y_test, categorical = load(train_path, test_path, target)
    regression = metric == "rmse"
    if not regression:
        classes = sorted(set(y_train.astype(str)))
        code = {c: i for i, c in enumerate(classes)}
        y_train = y_train.astype(str).map(code).to_numpy()
        y_test = y_test.astype(str).map(code).to_numpy()
    out = {"versions": {"xgboost": xgb.__version__, "optuna": optuna.__version__}}

    # (a) scikit-learn HistGradientBoosting defaults, categories ordinal-encoded.
    start = time.perf_counter()
    def codes(df):
        df = df.copy()
        for c in categorical:
            df[c] = df[c].cat.codes.replace(-1, np.nan)
        return df
    mask = [c in categorical for c in X_train.columns]
    hgb = (HistGradientBoostingRegressor if regression else HistGradientBoostingClassifier)(
        categorical_features=mask, random_state=0)
    hgb.fit(codes(X_train), y_train)
    out["hgb"] = {"score": score(metric, y_test, hgb, codes(X_test)), "seconds": time.perf_counter() - start}

    # (b) XGBoost defaults (hist, native categoricals).
    start = time.perf_counter()
    Model = xgb.XGBRegressor if regression else xgb.XGBClassifier
    base = dict(tree_method="hist", enable_categorical=True, n_jobs=threads, random_state=0)
    model = Model(**base).fit(X_train, y_train)
    out["xgb"] = {"score": score(metric, y_test, model, X_test), "seconds": time.perf_counter() - start}

    # (c) Optuna TPE tuning XGBoost for the budget.
    start = time.perf_counter()
    splitter = (KFold(3, shuffle=True, random_state=0) if regression
                else StratifiedKFold(3, shuffle=True, random_state=0))
    folds = list(splitter.split(X_train, y_train))
    sign = -1 if regression else 1

    def objective(trial):
        params = dict(
            n_estimators=trial.suggest_int("n_estimators", 50, 500, log=True),
            learning_rate=trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
            max_depth=trial.suggest_int("max_depth", 3, 10),
            min_child_weight=trial.suggest_float("min_child_weight", 1, 20, log=True),
            subsample=trial.suggest_float("subsample", 0.5, 1.0),
            colsample_bytree=trial.suggest_float("colsample_bytree", 0.5, 1.0),
            reg_lambda=trial.suggest_float("reg_lambda", 1e-3, 10, log=True),
        )
        scores = []
        for train_idx, valid_idx in folds:
            m = Model(**base, **params).fit(X_train.iloc[train_idx], y_train[train_idx] if not regression else y_train.iloc[train_idx])
            yv = y_train[valid_idx] if not regression else y_train.iloc[valid_idx]
            scores.append(score(metric, yv, m, X_train.iloc[valid_idx]))
        return sign * float(np.mean(scores))

    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
    refit_reserve = max(1.0, 0.1 * budget)
    study.optimize(objective, timeout=max(1.0, budget - refit_reserve))
    best = Model(**base, **study.best_params).fit(X_train, y_train)
    out["optuna_xgb"] = {"score": score(metric, y_test, best, X_test), "seconds": time.perf_counter() - start,
                         "trials": len(study.trials)}
    print(json.dumps(out))


main()
