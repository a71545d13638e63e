"""Anchor for bench/forest.ts: scikit-learn RandomForestClassifier (100 trees, n_jobs=1,
max_features='sqrt') on letters (16000 / 4000 rows) and credit (numeric columns, median-imputed
from the training rows, 3454 / 1000 rows). It also writes the designs it used as float64 files
(PREFIX.NAME.{Xtrain,ytrain,Xtest,ytest}.f64) so that argmin fits the very same rows.

    /usr/bin/python3 bench/anchors/forest_anchor.py PREFIX

Prints one JSON object on its last line: per dataset, rows, columns, median fit seconds of
REPEATS fits and mean held-out accuracy over them.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

REPEATS = 3
DATASETS = [('letters', 'letters.csv', 'lettr', 16000, 4000),
            ('credit', 'credit.csv', 'Status', 3454, 1000)]


def design(csv, target, train_rows, test_rows):
    frame = pd.read_csv('examples/data/' + csv)
    order = np.random.RandomState(0).permutation(len(frame))
    train = frame.iloc[order[:train_rows]]
    test = frame.iloc[order[train_rows:train_rows + test_rows]]
    numeric = [c for c in frame.columns if c != target and pd.api.types.is_numeric_dtype(frame[c])]
    medians = train[numeric].median()
    levels = sorted(frame[target].unique())
    return (train[numeric].fillna(medians).to_numpy(float), train[target].map(levels.index).to_numpy(float),
            test[numeric].fillna(medians).to_numpy(float), test[target].map(levels.index).to_numpy(float))


def main():
    prefix = sys.argv[1]
    out = {}
    for name, csv, target, train_rows, test_rows in DATASETS:
        X, y, X_test, y_test = design(csv, target, train_rows, test_rows)
        for suffix, array in [('Xtrain', X), ('ytrain', y), ('Xtest', X_test), ('ytest', y_test)]:
            np.ascontiguousarray(array, dtype=np.float64).tofile(f'{prefix}.{name}.{suffix}.f64')
        times, accuracies = [], []
        for seed in range(REPEATS):
            start = time.perf_counter()
            model = RandomForestClassifier(n_estimators=100, max_features='sqrt', n_jobs=1,
                                           random_state=seed).fit(X, y)
            times.append(time.perf_counter() - start)
            accuracies.append(float((model.predict(X_test) == y_test).mean()))
        out[name] = {'trainRows': X.shape[0], 'testRows': X_test.shape[0], 'cols': X.shape[1],
                     'fitSeconds': float(np.median(times)), 'accuracy': float(np.mean(accuracies))}
        print(name, out[name], file=sys.stderr)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
