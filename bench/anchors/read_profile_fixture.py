"""Golden profile of examples/data/credit.csv computed with numpy/pandas.

Quantiles use numpy's default method ('linear', Hyndman & Fan type 7); std is the sample
standard deviation (ddof=1); histograms are numpy.histogram(values, bins=20).
Writes test/fixtures/data_profile.json. Run with Debian's /usr/bin/python3.
"""
import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
QS = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1]

frame = pd.read_csv(os.path.join(ROOT, "examples", "data", "credit.csv"), keep_default_na=False, na_values=[""])
columns = {}
for name in frame.columns:
    series = frame[name]
    if pd.api.types.is_numeric_dtype(series):
        values = series.dropna().to_numpy(dtype=np.float64)
        counts, edges = np.histogram(values, bins=20)
        columns[name] = {
            "kind": "numeric",
            "count": int(values.size),
            "missing": int(series.isna().sum()),
            "mean": float(values.mean()),
            "std": float(values.std(ddof=1)),
            "min": float(values.min()),
            "max": float(values.max()),
            "quantiles": [float(v) for v in np.quantile(values, QS)],
            "histogram": {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]},
        }
    else:
        freq = series.dropna().value_counts()
        columns[name] = {
            "kind": "categorical",
            "count": int(series.notna().sum()),
            "missing": int(series.isna().sum()),
            "levels": {str(k): int(v) for k, v in freq.items()},
        }

out = {
    "source": "examples/data/credit.csv",
    "numpy": np.__version__,
    "pandas": pd.__version__,
    "quantileMethod": "numpy default linear (type 7)",
    "rows": int(len(frame)),
    "columns": columns,
}
path = os.path.join(ROOT, "test", "fixtures", "data_profile.json")
with open(path, "w") as fh:
    json.dump(out, fh, indent=1)
print(json.dumps({"written": path, "columns": len(columns)}))
