"""Golden fixture for test/tune/samplers/parzen-fixture.test.ts: Optuna 3.1's _ParzenEstimator
(Debian python3-optuna 3.1.0) log-densities at fixed points for fixed observations, univariate and
multivariate, on float, log-float and categorical axes, with Optuna's default
parameters (prior weight 1, magic clip, no endpoints, default weights).

    /usr/bin/python3 bench/anchors/tpe_parzen_fixture.py > test/fixtures/tpe_parzen.json
"""

import json

import numpy as np
from optuna.distributions import CategoricalDistribution, FloatDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights

rng = np.random.RandomState(0)
SPACES = {
    "x": ("float", FloatDistribution(-2.0, 3.0), lambda n: rng.uniform(-2, 3, n)),
    "lr": ("log", FloatDistribution(1e-4, 1.0, log=True), lambda n: np.exp(rng.uniform(np.log(1e-4), 0, n))),
    "kind": ("categorical", CategoricalDistribution(["a", "b", "c"]), lambda n: rng.randint(0, 3, n)),
}
cases = []
for multivariate in (False, True):
    for n in (1, 4, 30):
        observations = {name: make(n) for name, (_, _, make) in SPACES.items()}
        points = {name: make(7) for name, (_, _, make) in SPACES.items()}
        params = _ParzenEstimatorParameters(
            consider_prior=True, prior_weight=1.0, consider_magic_clip=True,
            consider_endpoints=False, weights=default_weights, multivariate=multivariate,
        )
        space = {name: d for name, (_, d, _) in SPACES.items()}
        # Optuna keeps categorical observations as choice indices.
        estimator = _ParzenEstimator(observations, space, params)
        cases.append({
            "multivariate": multivariate,
            "observations": {k: [float(v) for v in vals] for k, vals in observations.items()},
            "points": {k: [float(v) for v in vals] for k, vals in points.items()},
            "logPdf": [float(v) for v in estimator.log_pdf(points)],
        })
print(json.dumps({"optuna": "3.1.0", "cases": cases}))
