#!/usr/bin/env python3
"""Expected weights of LogisticRegressionTest, by SciPy 1.17's BFGS on the penalized negative log-likelihood.

Prints: [-0.3958595, 1.76343546, -0.17028591]
"""
import numpy as np
from scipy.optimize import minimize

X = np.array([[1, 0.5, -1], [1, 1.5, 0.2], [1, -0.3, 0.7], [1, 2.0, -0.4], [1, -1.2, 1.1], [1, 0.1, 0.0],
              [1, 0.9, 1.3], [1, -0.7, -0.8]])
y = np.array([1, 1, 0, 1, 0, 0, 1, 0.])
lam = 0.5

def loss(w):
    z = X @ w
    return -(y * z - np.logaddexp(0, z)).sum() + 0.5 * lam * w @ w

print(minimize(loss, np.zeros(3), method='BFGS', options={'gtol': 1e-12}).x.tolist())
