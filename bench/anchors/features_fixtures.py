"""Golden fixtures for src/features, computed by scikit-learn 1.2 on examples/data/credit.csv.

Run with Debian's Python: /usr/bin/python3 bench/anchors/features_fixtures.py
Writes test/fixtures/features_credit.json. NaN is written as the string "NaN".
"""
import json
import math
import os

import numpy as np
import pandas as pd
from sklearn.feature_extraction import FeatureHasher
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder, StandardScaler
from sklearn.utils import murmurhash3_32

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
credit = pd.read_csv(os.path.join(ROOT, "examples", "data", "credit.csv"))

NUMERIC = ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]
COMPLETE_NUMERIC = ["Seniority", "Time", "Age", "Expenses", "Amount", "Price"]
CATEGORICAL = ["Home", "Marital", "Records", "Job"]


def clean(value):
    if isinstance(value, (list, tuple, np.ndarray)):
        return [clean(v) for v in value]
    if isinstance(value, (float, np.floating)) and math.isnan(value):
        return "NaN"
    if isinstance(value, np.generic):
        return value.item()
    return value


out = {"numeric": NUMERIC, "completeNumeric": COMPLETE_NUMERIC, "categorical": CATEGORICAL}

scaler = StandardScaler().fit(credit[NUMERIC])
out["standardScaler"] = {"mean": clean(scaler.mean_), "scale": clean(scaler.scale_)}

out["imputerMedian"] = clean(SimpleImputer(strategy="median").fit(credit[NUMERIC]).statistics_)
cat = credit[CATEGORICAL].astype(object).where(credit[CATEGORICAL].notna(), np.nan)
out["imputerMostFrequent"] = clean(list(SimpleImputer(strategy="most_frequent").fit(cat).statistics_))

for strategy in ("quantile", "uniform"):
    binner = KBinsDiscretizer(n_bins=5, encode="ordinal", strategy=strategy, subsample=None)
    binner.fit(credit[COMPLETE_NUMERIC])
    out[f"kbins_{strategy}"] = {
        "edges": [clean(e) for e in binner.bin_edges_],
        "firstRows": clean(binner.transform(credit[COMPLETE_NUMERIC])[:200]),
    }

onehots = {}
for name, options in {
    "minFrequency": {"min_frequency": 0.05},
    "maxCategories": {"max_categories": 3},
    "both": {"min_frequency": 60, "max_categories": 4},
}.items():
    encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False, **options).fit(cat)
    dense = encoder.transform(cat)
    infrequent = encoder.infrequent_categories_
    onehots[name] = {
        "options": {k: v for k, v in options.items()},
        "categories": [clean(list(c)) for c in encoder.categories_],
        "infrequent": [None if c is None else clean(list(c)) for c in infrequent],
        "featureNames": list(encoder.get_feature_names_out()),
        "columnSums": clean(dense.sum(axis=0)),
        "firstRows": clean(dense[:200]),
    }
out["oneHot"] = onehots

words = ["", "a", "ab", "abc", "abcd", "Home=rent", "Marital=married", "Job=freelance", "héllo wörld", "日本"]
out["murmurhash3"] = {"inputs": words, "hashes": [int(murmurhash3_32(w, seed=0)) for w in words]}

rows = []
for _, r in credit[CATEGORICAL].head(200).iterrows():
    rows.append([f"{c}={r[c]}" for c in CATEGORICAL if isinstance(r[c], str)])
hashed = FeatureHasher(n_features=16, input_type="string", alternate_sign=True).transform(rows).toarray()
out["featureHasher"] = {"nFeatures": 16, "rows": clean(hashed)}

with open(os.path.join(ROOT, "test", "fixtures", "features_credit.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
