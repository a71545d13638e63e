"""Golden fixture for the forests: scikit-learn 1.2 RandomForestClassifier and
ExtraTreesClassifier accuracies on the data of the tree fixtures (tree_credit.json,
tree_letters.json: same training and held-out rows).

Forests are random and the two libraries draw different random numbers, so the fixture holds
accuracies, not predictions: the mean and standard deviation over ten random_states, which is
what the tolerance of the test is judged against. Writes test/fixtures/forest_accuracy.json.

    /usr/bin/python3 bench/anchors/forest_fixtures.py   (after tree_fixtures.py)
"""
import json
import os

import numpy as np
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
FIXTURES = os.path.join(ROOT, 'test', 'fixtures')
SEEDS = range(10)


def load(name):
    f = json.load(open(os.path.join(FIXTURES, name)))
    X = np.array(f['X']).reshape(f['rows'], f['cols'])
    X_test = np.array(f['XTest']).reshape(f['testRows'], f['cols'])
    return X, np.array(f['y']), X_test, np.array(f['yTest'])


def accuracies(make, X, y, X_test, y_test):
    scores = [float((make(seed).fit(X, y).predict(X_test) == y_test).mean()) for seed in SEEDS]
    return {'mean': float(np.mean(scores)), 'std': float(np.std(scores)), 'all': scores}


cases = []
for data in ['tree_credit.json', 'tree_letters.json']:
    X, y, X_test, y_test = load(data)
    for kind, cls in [('RandomForestClassifier', RandomForestClassifier),
                      ('ExtraTreesClassifier', ExtraTreesClassifier)]:
        options = {'nEstimators': 100, 'maxFeatures': 'sqrt', 'minSamplesLeaf': 1}
        make = lambda seed: cls(n_estimators=100, max_features='sqrt', n_jobs=1,
                                random_state=seed)
        cases.append({'data': data, 'learner': kind, 'options': options,
                      'accuracy': accuracies(make, X, y, X_test, y_test)})
        print(data, kind, cases[-1]['accuracy']['mean'], cases[-1]['accuracy']['std'])

path = os.path.join(FIXTURES, 'forest_accuracy.json')
with open(path, 'w') as f:
    json.dump({'cases': cases}, f, indent=1)
print(path)
