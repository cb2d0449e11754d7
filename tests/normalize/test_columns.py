"""Tests of clusterscore.normalize.columns: blocked column statistics."""

from __future__ import annotations

import numpy as np

from clusterscore.normalize import _column_norms, _column_stats


def test_column_stats_equal_numpy_reductions_across_blocks():
    """Blocked min, max and sum of squares equal numpy's, NaN included."""
    rng = np.random.default_rng(3)
    X = rng.normal(size=(70_001, 3))
    lo, hi, ss = _column_stats(X, sumsq=True)
    np.testing.assert_array_equal(lo, X.min(axis=0))
    np.testing.assert_array_equal(hi, X.max(axis=0))
    np.testing.assert_allclose(ss, (X**2).sum(axis=0), rtol=1e-12)
    X[12_345, 1] = np.nan
    lo, hi, ss = _column_stats(X)
    assert ss is None
    assert np.isnan(lo[1])
    assert np.isnan(hi[1])


def test_column_norms_survive_overflow_and_underflow():
    """Norms of huge and tiny columns are rescaled, not inf or 0."""
    X = np.array([[3e200, 3e-200], [4e200, 4e-200]])
    lo, hi, ss = _column_stats(X, sumsq=True)
    np.testing.assert_allclose(
        _column_norms(X, lo, hi, ss), [5e200, 5e-200], rtol=1e-12
    )
