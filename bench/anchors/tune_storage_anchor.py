"""Anchor for bench/tune-storage.ts: Optuna 3.1's default TPESampler (Debian python3-optuna) on
Ackley-10D (same definition as bench/tune-functions.ts) for TRIALS trials, once in memory and
once with its RDB storage on a fresh SQLite file, so the cost of persisting shows as a ratio.

    /usr/bin/python3 bench/anchors/tune_storage_anchor.py TRIALS SQLITE_PATH

Prints one JSON object on its last line: {"version", "memory_seconds", "sqlite_seconds"}.
"""

import json
import math
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def ackley(x):
    n = len(x)
    s1 = sum(v * v for v in x) / n
    s2 = sum(math.cos(2 * math.pi * v) for v in x) / n
    return -20 * math.exp(-0.2 * math.sqrt(s1)) - math.exp(s2) + 20 + math.e


def objective(trial):
    return ackley([trial.suggest_float(f"x{i}", -32.768, 32.768) for i in range(10)])


def timed(storage, trials):
    study = optuna.create_study(
        sampler=optuna.samplers.TPESampler(seed=0), storage=storage, study_name="ackley"
    )
    start = time.perf_counter()
    study.optimize(objective, n_trials=trials)
    return time.perf_counter() - start


def main():
    trials, path = int(sys.argv[1]), sys.argv[2]
    memory = timed(None, trials)
    sqlite = timed(f"sqlite:///{path}", trials)
    print(json.dumps({"version": optuna.__version__, "memory_seconds": memory, "sqlite_seconds": sqlite}))


main()
