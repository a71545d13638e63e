"""Anchor for bench/forest.ts: scikit-learn forests (100 trees, n_jobs=1, default max_features)
on the same rows argmin fits:
  - letters (16000 / 4000 rows, 26 classes): RandomForestClassifier and ExtraTreesClassifier;
  - credit (numeric columns, median-imputed from the training rows, 3454 / 1000 rows):
    RandomForestClassifier;
  - ames (numeric columns, median-imputed, Sale_Price, 2200 / 730 rows): RandomForestRegressor.
It writes the designs it used as float64 files (PREFIX.NAME.{Xtrain,ytrain,Xtest,ytest}.f64)
so that argmin fits the very same rows.

    /usr/bin/python3 bench/anchors/forest_anchor.py PREFIX

Prints one JSON object on its last line, keyed "dataset/model": rows, columns, median fit
seconds of REPEATS fits (seeds 0, 1, 2) and the mean held-out score over them (accuracy for
classifiers, R² for the regressor).
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import (ExtraTreesClassifier, RandomForestClassifier,
                              RandomForestRegressor)

REPEATS = 3
# name, csv, target, train rows, test rows, task, models
DATASETS = [('letters', 'letters.csv', 'lettr', 16000, 4000, 'classification',
             ['random_forest', 'extra_trees']),
            ('credit', 'credit.csv', 'Status', 3454, 1000, 'classification', ['random_forest']),
            ('ames', 'ames.csv', 'Sale_Price', 2200, 730, 'regression', ['random_forest'])]
MODELS = {('classification', 'random_forest'): RandomForestClassifier,
          ('classification', 'extra_trees'): ExtraTreesClassifier,
          ('regression', 'random_forest'): RandomForestRegressor}


def design(csv, target, train_rows, test_rows, task):
    frame = pd.read_csv('examples/data/' + csv)
    order = np.random.RandomState(0).permutation(len(frame))
    train = frame.iloc[order[:train_rows]]
    test = frame.iloc[order[train_rows:train_rows + test_rows]]
    numeric = [c for c in frame.columns if c != target and pd.api.types.is_numeric_dtype(frame[c])]
    medians = train[numeric].median()
    if task == 'classification':
        levels = sorted(frame[target].unique())
        y, y_test = train[target].map(levels.index), test[target].map(levels.index)
    else:
        y, y_test = train[target], test[target]
    return (train[numeric].fillna(medians).to_numpy(float), y.to_numpy(float),
            test[numeric].fillna(medians).to_numpy(float), y_test.to_numpy(float))


def main():
    prefix = sys.argv[1]
    out = {}
    for name, csv, target, train_rows, test_rows, task, models in DATASETS:
        X, y, X_test, y_test = design(csv, target, train_rows, test_rows, task)
        for suffix, array in [('Xtrain', X), ('ytrain', y), ('Xtest', X_test), ('ytest', y_test)]:
            np.ascontiguousarray(array, dtype=np.float64).tofile(f'{prefix}.{name}.{suffix}.f64')
        for model_name in models:
            times, scores = [], []
            for seed in range(REPEATS):
                start = time.perf_counter()
                model = MODELS[(task, model_name)](n_estimators=100, n_jobs=1,
                                                   random_state=seed).fit(X, y)
                times.append(time.perf_counter() - start)
                scores.append(float(model.score(X_test, y_test)))
            key = f'{name}/{model_name}'
            out[key] = {'dataset': name, 'model': model_name, 'task': task,
                        'trainRows': X.shape[0], 'testRows': X_test.shape[0], 'cols': X.shape[1],
                        'fitSeconds': float(np.median(times)), 'score': float(np.mean(scores))}
            print(key, out[key], file=sys.stderr)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
