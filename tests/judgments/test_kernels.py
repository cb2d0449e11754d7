"""Tests of clusterscore.judgments.kernels: one matrix or a stack."""

from __future__ import annotations

import numpy as np

from clusterscore.judgments import consistency_kernel, eigen_kernel
from clusterscore.judgments.scales import RI_TABLES


def _stack(seed: int, k: int, n: int) -> np.ndarray:
    """Return k random positive reciprocal n x n matrices."""
    rng = np.random.default_rng(seed)
    a = np.ones((k, n, n))
    iu = np.triu_indices(n, 1)
    vals = np.exp(rng.uniform(np.log(1 / 9), np.log(9), (k, iu[0].size)))
    a[:, iu[0], iu[1]] = vals
    a[:, iu[1], iu[0]] = 1.0 / vals
    return a


def test_eigen_kernel_stack_equals_one_matrix_at_a_time():
    """A stack gives each matrix's own eigenvector and lambda_max."""
    stack = _stack(1, 6, 5)
    w, lam = eigen_kernel(stack)
    assert w.shape == (6, 5)
    assert lam.shape == (6,)
    for k in range(6):
        wk, lk = eigen_kernel(stack[k])
        np.testing.assert_allclose(w[k], wk, rtol=1e-12)
        np.testing.assert_allclose(lam[k], lk, rtol=1e-12)
    np.testing.assert_allclose(w.sum(axis=-1), 1.0, rtol=1e-12)


def test_consistency_kernel_formula_and_small_n():
    """CI = (lambda - n)/(n - 1), CR = CI/RI; 0 for n <= 2 and lambda < n."""
    ri = RI_TABLES["saaty"][4]
    ci, cr = consistency_kernel(np.array([4.3, 4.0, 4.0 - 1e-15]), 4, ri)
    np.testing.assert_allclose(ci, [0.1, 0.0, 0.0], atol=1e-15)
    np.testing.assert_allclose(cr, np.asarray(ci) / ri)
    ci2, cr2 = consistency_kernel(2.5, 2, 0.0)
    assert float(ci2) == 0.0
    assert float(cr2) == 0.0
