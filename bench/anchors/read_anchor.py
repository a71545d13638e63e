"""Anchor for bench/read.ts: pandas.read_csv on the same files, median of 3 wall times.

Usage: read_anchor.py FILE.csv [FILE.csv ...]
Prints one JSON object on its last line: {"pandas": version, "results": {file: {"seconds", "rows"}}}.
Debian ships no Parquet reader for Python (no python3-pyarrow / python3-fastparquet in bookworm),
so the flights case is measured on a CSV export of the same 3M rows.
"""
import json
import statistics
import sys
import time

import pandas as pd

results = {}
for path in sys.argv[1:]:
    times = []
    rows = 0
    for _ in range(3):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        times.append(time.perf_counter() - start)
        rows = len(frame)
        del frame
    results[path] = {"seconds": statistics.median(times), "rows": rows}
print(json.dumps({"pandas": pd.__version__, "results": results}))
