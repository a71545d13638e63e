"""Golden fixtures for the CART learners: scikit-learn 1.2 decision trees on bundled data.

Writes test/fixtures/tree_credit.json, tree_letters.json and tree_ames.json. Each holds the
training and held-out rows (numeric columns; missing values median-imputed from the training
rows, since scikit-learn 1.2 trees reject NaN), the settings, and scikit-learn's predictions on
the held-out rows for each case (classifiers: for random_state 0..4).

    /usr/bin/python3 bench/anchors/tree_fixtures.py
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
DATA = os.path.join(ROOT, 'examples', 'data')
OUT = os.path.join(ROOT, 'test', 'fixtures')


def split(frame, target, train_rows, test_rows, seed):
    order = np.random.RandomState(seed).permutation(len(frame))
    train = frame.iloc[order[:train_rows]]
    test = frame.iloc[order[train_rows:train_rows + test_rows]]
    numeric = [c for c in frame.columns if c != target and pd.api.types.is_numeric_dtype(frame[c])]
    medians = train[numeric].median()
    return (train[numeric].fillna(medians).to_numpy(float), train[target],
            test[numeric].fillna(medians).to_numpy(float), test[target], numeric)


def write(name, payload):
    path = os.path.join(OUT, name)
    with open(path, 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
    print(path, os.path.getsize(path), 'bytes')


def classification(name, csv, target, train_rows, test_rows, cases):
    frame = pd.read_csv(os.path.join(DATA, csv))
    X, labels, X_test, test_labels, columns = split(frame, target, train_rows, test_rows, 0)
    levels = sorted(frame[target].unique())
    y = labels.map(levels.index).to_numpy(float)
    y_test = test_labels.map(levels.index).to_numpy(float)
    out = []
    for options in cases:
        # Ties between equally good features are broken by a random feature order, so the
        # tree depends on random_state even with all features: keep five of them.
        models = [DecisionTreeClassifier(
            criterion=options['criterion'], max_depth=options['maxDepth'],
            min_samples_leaf=options['minSamplesLeaf'], random_state=seed).fit(X, y)
            for seed in range(5)]
        predictions = [m.predict(X_test) for m in models]
        out.append({'options': options,
                    'predictionsBySeed': [p.tolist() for p in predictions],
                    'accuracy': float(np.mean([(p == y_test).mean() for p in predictions])),
                    'nodeCount': int(models[0].tree_.node_count)})
    write(name, {'columns': columns, 'cols': X.shape[1], 'rows': X.shape[0],
                 'X': X.ravel().tolist(), 'y': y.tolist(), 'testRows': X_test.shape[0],
                 'XTest': X_test.ravel().tolist(), 'yTest': y_test.tolist(), 'cases': out})


def regression():
    frame = pd.read_csv(os.path.join(DATA, 'ames.csv'))
    X, y, X_test, y_test, columns = split(frame, 'Sale_Price', 2000, 930, 0)
    out = []
    for options in [{'criterion': 'squared_error', 'maxDepth': 8, 'minSamplesLeaf': 5},
                    {'criterion': 'squared_error', 'maxDepth': 4, 'minSamplesLeaf': 1}]:
        model = DecisionTreeRegressor(
            criterion=options['criterion'], max_depth=options['maxDepth'],
            min_samples_leaf=options['minSamplesLeaf'], random_state=0).fit(X, y)
        out.append({'options': options, 'predictions': model.predict(X_test).tolist(),
                    'nodeCount': int(model.tree_.node_count)})
    write('tree_ames.json', {'columns': columns, 'cols': X.shape[1], 'rows': X.shape[0],
                             'X': X.ravel().tolist(), 'y': y.to_numpy(float).tolist(),
                             'testRows': X_test.shape[0], 'XTest': X_test.ravel().tolist(),
                             'yTest': y_test.to_numpy(float).tolist(), 'cases': out})


if __name__ == '__main__':
    settings = [{'criterion': 'gini', 'maxDepth': 8, 'minSamplesLeaf': 5},
                {'criterion': 'entropy', 'maxDepth': 8, 'minSamplesLeaf': 5}]
    classification('tree_credit.json', 'credit.csv', 'Status', 3454, 1000, settings)
    classification('tree_letters.json', 'letters.csv', 'lettr', 3000, 1000,
                   settings + [{'criterion': 'gini', 'maxDepth': 16, 'minSamplesLeaf': 1}])
    regression()
