"""Anchor for bench/tune.ts: Optuna 3.1's default TPESampler (Debian python3-optuna) on the same
test functions (same definitions as bench/tune-functions.ts), the same seeds and trial counts.

    /usr/bin/python3 bench/anchors/tune_anchor.py TRIALS SEEDS OVERHEAD_TRIALS OURS_JSON

For each problem (the four functions, a mixed int/log/categorical space and a conditional
space): the best value after TRIALS trials for seeds 0..SEEDS-1, their median, and the
mean wall time per trial (the objective is negligible, so this is the sampler's overhead); then
the mean time per trial of one OVERHEAD_TRIALS-trial study on Ackley-10D. OURS_JSON holds
argmin's best values per function; a two-sided Mann-Whitney U test (scipy) compares the samples.
Prints one JSON object on its last line.
"""

import json
import math
import statistics
import sys
import time

import optuna
from scipy.stats import mannwhitneyu

optuna.logging.set_verbosity(optuna.logging.WARNING)

A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
     [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
ALPHA = [1, 1.2, 3, 3.2]


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann6(x):
    return -sum(ALPHA[i] * math.exp(-sum(A[i][j] * (x[j] - P[i][j]) ** 2 for j in range(6))) for i in range(4))


def rosenbrock(x):
    return sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1))


def ackley(x):
    n = len(x)
    s = sum(v * v for v in x)
    c = sum(math.cos(2 * math.pi * v) for v in x)
    return -20 * math.exp(-0.2 * math.sqrt(s / n)) - math.exp(c / n) + 20 + math.e


FUNCTIONS = [("Branin", 2, -5, 15, branin), ("Hartmann-6", 6, 0, 1, hartmann6),
             ("Rosenbrock-5D", 5, -5, 10, rosenbrock), ("Ackley-10D", 10, -32.768, 32.768, ackley)]


def objective_of(dims, low, high, f):
    return lambda trial: f([trial.suggest_float(f"x{j}", low, high) for j in range(dims)])


def mixed(trial):
    lr = trial.suggest_float("lr", 1e-4, 1, log=True)
    depth = trial.suggest_int("depth", 1, 12)
    leaves = trial.suggest_int("leaves", 2, 256, log=True)
    booster = trial.suggest_categorical("booster", ["gbtree", "dart", "linear"])
    subsample = trial.suggest_float("subsample", 0.5, 1, step=0.05)
    booster_cost = {"gbtree": 0, "dart": 0.5, "linear": 2}[booster]
    return ((math.log10(lr) + 2) ** 2 + 0.1 * (depth - 6) ** 2 + 0.2 * (math.log2(leaves) - 5) ** 2
            + booster_cost + 4 * (subsample - 0.8) ** 2)


def conditional(trial):
    model = trial.suggest_categorical("model", ["svm", "tree", "linear"])
    if model == "svm":
        c = trial.suggest_float("svm_c", 1e-3, 1e3, log=True)
        gamma = trial.suggest_float("svm_gamma", 1e-4, 10, log=True)
        return (math.log10(c) - 1) ** 2 + (math.log10(gamma) + 1) ** 2
    if model == "tree":
        depth = trial.suggest_int("tree_depth", 1, 20)
        min_leaf = trial.suggest_int("tree_min_leaf", 1, 50)
        return 0.5 + ((depth - 8) / 4) ** 2 + ((min_leaf - 5) / 10) ** 2
    alpha = trial.suggest_float("linear_alpha", 1e-6, 1, log=True)
    return 1 + (math.log10(alpha) + 3) ** 2 / 4


# Same names and definitions as TUNE_PROBLEMS in bench/tune-functions.ts.
PROBLEMS = [(name, objective_of(dims, low, high, f)) for name, dims, low, high, f in FUNCTIONS] + [
    ("Mixed-5D", mixed), ("Conditional", conditional)]


def main():
    trials, seeds, overhead_trials = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    ours = json.load(open(sys.argv[4]))
    out = {"version": optuna.__version__, "functions": {}}
    for name, objective in PROBLEMS:
        bests, seconds = [], 0.0
        for seed in range(seeds):
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
            start = time.perf_counter()
            study.optimize(objective, n_trials=trials)
            seconds += time.perf_counter() - start
            bests.append(study.best_value)
        p = float(mannwhitneyu(ours[name], bests, alternative="two-sided").pvalue)
        out["functions"][name] = {"median": statistics.median(bests), "ms_per_trial": 1000 * seconds / (seeds * trials),
                                  "mann_whitney_p": p}
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=0))
    name, dims, low, high, f = FUNCTIONS[3]
    start = time.perf_counter()
    study.optimize(objective_of(dims, low, high, f), n_trials=overhead_trials)
    out["overhead_ms_per_trial"] = 1000 * (time.perf_counter() - start) / overhead_trials
    print(json.dumps(out))


if __name__ == "__main__":
    main()
