"""weighted_rows: identical rows get identical sums, bit for bit.

BLAS products (``Y @ w``) broke this on OpenBLAS's Haswell kernels: rows
in a remainder tile were summed in another order, and identical clusters
got scores one ulp apart, hence different ranks.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.aggregate import (
    AGGREGATIONS,
    topsis_closeness,
    weighted_geometric,
    weighted_sum,
)
from clusterscore.aggregate.products import weighted_rows

_SHAPES = st.tuples(
    st.integers(1, 2000),  # rows
    st.integers(1, 30),  # columns
    st.integers(1, 12),  # weight vectors
    st.sampled_from(["C", "F", "reversed"]),  # layout of the rows
    st.integers(0, 2**32 - 1),  # seed
)


def _rows_with_copies(m, n, layout, seed):
    """Return a random (m, n) matrix whose rows `dup` copy one row."""
    rng = np.random.default_rng(seed)
    A = rng.random((m, n))
    dup = rng.integers(0, m, size=min(m, 40))
    A[dup] = A[dup[0]]
    if layout == "F":
        A = np.asfortranarray(A)
    elif layout == "reversed":
        A = A[:, ::-1]
    return A, dup, rng


@settings(max_examples=150, deadline=None)
@given(_SHAPES)
def test_identical_rows_get_identical_sums(shape):
    """One vector or a batch, into a view or not: equal where rows are."""
    m, n, k, layout, seed = shape
    A, dup, rng = _rows_with_copies(m, n, layout, seed)
    w = rng.random(n)
    W = rng.random((k, n))
    s = weighted_rows(A, w)
    S = weighted_rows(A, W)
    into = np.full((k, m + 3), np.nan)
    weighted_rows(A, W, out=into[:, 1 : m + 1])
    assert (s[dup] == s[dup[0]]).all()
    assert (S[:, dup] == S[:, dup[:1]]).all()
    assert (into[:, 1 : m + 1] == S).all()
    assert np.isnan(into[:, [0, m + 1, m + 2]]).all()


def test_weighted_rows_is_the_weighted_sum():
    """Against math.fsum of the products, row by row (a hand reference)."""
    rng = np.random.default_rng(5)
    A = rng.random((7, 4))
    W = rng.random((3, 4))
    S = weighted_rows(A, W)
    for k in range(3):
        for i in range(7):
            ref = math.fsum(W[k, j] * A[i, j] for j in range(4))
            assert math.isclose(S[k, i], ref, rel_tol=1e-15)
    one = weighted_rows(A, W[0])
    np.testing.assert_allclose(one, S[0], rtol=1e-15, atol=0)


@settings(max_examples=60, deadline=None)
@given(_SHAPES)
def test_score_kernels_tie_identical_clusters(shape):
    """Every aggregation's scores of identical clusters are equal.

    Weighted sum, geometric mean, TOPSIS closeness and each registered
    kernel (GRA and VIKOR too), for one weight vector and for a batch.
    """
    m, n, k, layout, seed = shape
    Y, dup, rng = _rows_with_copies(m, n, layout, seed)
    W = rng.random((k, n))
    W /= W.sum(axis=1, keepdims=True)
    kernels = [weighted_sum, weighted_geometric, topsis_closeness]
    kernels += [a.kernel for a in AGGREGATIONS.values()]
    for kernel in kernels:
        for weights in (W[0], W):
            score = np.asarray(kernel(Y, weights))
            assert (score[..., dup] == score[..., dup[:1]]).all(), kernel
