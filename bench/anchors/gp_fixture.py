"""Golden fixture for src/tune/samplers/gp/gaussian-process.ts: scikit-learn's
GaussianProcessRegressor with a fixed ConstantKernel * Matern(nu=2.5, ARD length scales) and a
fixed noise (alpha), its predictive mean and standard deviation at test points.

    /usr/bin/python3 bench/anchors/gp_fixture.py > test/fixtures/gp_matern.json
"""

import json

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern

rng = np.random.default_rng(7)
X = rng.uniform(size=(25, 3))
y = np.sin(6 * X[:, 0]) + X[:, 1] ** 2 - 0.5 * X[:, 2]
y = (y - y.mean()) / y.std()
lengths, signal, noise = [0.3, 0.6, 1.2], 1.5, 0.01
kernel = ConstantKernel(signal, "fixed") * Matern(length_scale=lengths, length_scale_bounds="fixed", nu=2.5)
gp = GaussianProcessRegressor(kernel=kernel, alpha=noise, optimizer=None, normalize_y=False).fit(X, y)
test = rng.uniform(size=(6, 3))
mean, std = gp.predict(test, return_std=True)
print(json.dumps({
    "sklearn": sklearn.__version__,
    "X": X.tolist(), "y": y.tolist(), "lengths": lengths, "signal": signal, "noise": noise,
    "test": test.tolist(), "mean": mean.tolist(), "std": std.tolist(),
}))
