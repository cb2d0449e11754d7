"""Tests of clusterscore.judgments.complete: LLSM and Harker completion."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.sparse.csgraph import connected_components

from clusterscore.errors import JudgmentError, ParameterError
from clusterscore.judgments.complete import complete_matrix

_SUPPORT = Path(__file__).with_name("_support.py")
_support_spec = importlib.util.spec_from_file_location(
    "judgments_support", _SUPPORT
)
support = importlib.util.module_from_spec(_support_spec)
_support_spec.loader.exec_module(support)
ref = support.ref
NAN = support.NAN
consistent = support.consistent
weight_vectors = support.weight_vectors


@st.composite
def consistent_with_gaps(draw):
    """Draw a consistent matrix and a connected set of known pairs."""
    w = draw(weight_vectors(min_n=3, max_n=8))
    n = len(w)
    a = consistent(w)
    pairs = list(itertools.combinations(range(n), 2))
    drop = draw(st.lists(st.sampled_from(pairs), unique=True))
    known = np.ones((n, n), dtype=bool)
    for i, j in drop:
        known[i, j] = known[j, i] = False
    assume(connected_components(known.astype(int), directed=False)[0] == 1)
    b = a.copy()
    b[~known] = NAN
    return w, a, b


@settings(max_examples=200)
@given(consistent_with_gaps(), st.sampled_from(["llsm", "harker"]))
def test_property_completion_restores_consistent_matrix(case, method):
    """Both completions restore a consistent matrix from a connected part."""
    _, a, b = case
    np.testing.assert_allclose(complete_matrix(b, method), a, rtol=1e-9)


# ---------------------------------------------------------------------------
# incomplete matrices


@pytest.mark.parametrize("method", ["llsm", "harker"])
def test_complete_spanning_tree_hand_calculation(method):
    """a12 = 2, a23 = 3, a13 missing: both methods give a13 = 6."""
    a = complete_matrix([[1, 2, NAN], [0.5, 1, 3], [NAN, 1 / 3, 1]], method)
    assert a[0, 2] == pytest.approx(6.0)
    assert a[2, 0] == pytest.approx(1 / 6)
    assert a[0, 1] == 2.0


def test_complete_one_sided_judgment_counts_as_known():
    """a_ij given and a_ji NaN: the reciprocal is filled in."""
    a = complete_matrix([[1, 4], [NAN, 1]])
    np.testing.assert_allclose(a, [[1, 4], [0.25, 1]])


def test_llsm_keeps_known_and_equals_geometric_when_complete():
    """LLSM completion keeps known entries; a full matrix is unchanged."""
    a = ref.SAATY_1990_HOUSE["matrix"]
    np.testing.assert_array_equal(complete_matrix(a), a)
    b = a.copy()
    b[0, 7] = b[7, 0] = NAN
    c = complete_matrix(b)
    known = ~np.isnan(b)
    np.testing.assert_array_equal(c[known], a[known])
    assert c[0, 7] * c[7, 0] == pytest.approx(1.0)


def test_complete_disconnected_names_groups():
    """Known judgments in two islands raise JudgmentError naming both."""
    a = [
        [1, 2, NAN, NAN],
        [0.5, 1, NAN, NAN],
        [NAN, NAN, 1, 3],
        [NAN, NAN, 1 / 3, 1],
    ]
    with pytest.raises(
        JudgmentError,
        match=r"complete_matrix\(\): pairwise matrix 'dims': the known "
        r"judgments do not connect all elements; 2 disconnected groups: "
        r"\{scale, innovation\}, \{chain, policy\}",
    ):
        complete_matrix(
            a, labels=["scale", "innovation", "chain", "policy"], name="dims"
        )


def test_complete_matrix_errors():
    """complete_matrix: unknown method, NaN on the diagonal, inf."""
    with pytest.raises(
        ParameterError,
        match=r"complete_matrix\(\): 'method' must be one of \{'llsm', "
        r"'harker'\}; got 'mean'\.",
    ):
        complete_matrix([[1]], method="mean")
    with pytest.raises(
        JudgmentError,
        match=r"complete_matrix\(\): pairwise matrix must hold finite "
        r"numbers; found: \[1, 1\] = nan",
    ):
        complete_matrix([[1, NAN], [NAN, NAN]])
    with pytest.raises(JudgmentError, match=r"\[0, 1\] = inf"):
        complete_matrix([[1, np.inf], [NAN, 1]])
