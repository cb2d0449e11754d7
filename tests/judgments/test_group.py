"""Tests of clusterscore.judgments.group: AIJ and AIP group judgments."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import JudgmentError, ParameterError
from clusterscore.judgments.ahp import ahp
from clusterscore.judgments.group import aggregate_judgments

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


@settings(max_examples=200)
@given(st.lists(weight_vectors(n=4), min_size=1, max_size=5))
def test_property_aij_and_aip_of_consistent_experts(ws):
    """AIJ and AIP both give the normalised geometric mean of the w_k."""
    g = np.exp(np.mean(np.log(np.stack(ws)), axis=0))
    g /= g.sum()
    mats = [consistent(w) for w in ws]
    for method in ("aij", "aip"):
        res = aggregate_judgments(mats, method=method)
        np.testing.assert_allclose(res.weights, g, rtol=1e-9)


# ---------------------------------------------------------------------------
# group judgments


def test_aij_is_elementwise_geometric_mean():
    """AIJ of two experts: a_ij = sqrt(a1_ij a2_ij), still reciprocal."""
    a1 = ref.RESEARCH_NOTE["basic"]["matrix"]
    a2 = ref.RESEARCH_NOTE["strategic"]["matrix"]
    g = aggregate_judgments([a1, a2])
    np.testing.assert_allclose(g.matrix, np.sqrt(a1 * a2))
    np.testing.assert_allclose(g.matrix * g.matrix.T, 1.0)
    assert g.method == "aij"
    assert g.cr == pytest.approx(ahp(np.sqrt(a1 * a2)).cr)
    np.testing.assert_allclose(g.expert_cr, [0.0160, 0.0189], atol=5e-5)
    assert g.excluded == ()
    np.testing.assert_allclose(g.expert_weights, [0.5, 0.5])


def test_aij_weighted_experts():
    """Expert weights (0.75, 0.25) give a_ij = a1^0.75 a2^0.25."""
    a1 = ref.RESEARCH_NOTE["basic"]["matrix"]
    a2 = ref.RESEARCH_NOTE["default"]["matrix"]
    g = aggregate_judgments([a1, a2], weights=[0.75, 0.25])
    np.testing.assert_allclose(g.matrix, a1**0.75 * a2**0.25)


def test_aip_is_normalised_geometric_mean_of_priorities():
    """AIP: w proportional to prod_k w_k^lambda_k; no matrix, no CR."""
    a1 = ref.RESEARCH_NOTE["basic"]["matrix"]
    a2 = ref.RESEARCH_NOTE["cutting_edge"]["matrix"]
    w1 = np.asarray(ref.RESEARCH_NOTE["basic"]["weights"])
    w2 = np.asarray(ref.RESEARCH_NOTE["cutting_edge"]["weights"])
    g = aggregate_judgments([a1, a2], method="aip")
    expect = np.sqrt(w1 * w2)
    expect /= expect.sum()
    np.testing.assert_allclose(g.weights, expect, atol=1e-4)
    assert g.matrix is None
    assert g.cr is None


def test_group_excludes_experts_above_max_cr():
    """An expert with CR 0.213 is left out at max_cr=0.1; weights rescale."""
    good = ref.LEADER["alternatives"]["experience"]
    house = ref.from_upper(3, "7 1/5 1/8")  # Saaty 1990, bus lines
    bad = ahp(house).cr
    assert bad > 0.1
    g = aggregate_judgments([good, house], max_cr=0.1)
    assert g.excluded == (1,)
    np.testing.assert_allclose(g.expert_weights, [1.0, 0.0])
    np.testing.assert_allclose(g.weights, ahp(good).weights)
    np.testing.assert_allclose(g.expert_cr, [ahp(good).cr, bad])


def test_group_completes_missing_judgments_first():
    """An expert's NaN judgment is completed (LLSM) before aggregating."""
    a = consistent([0.5, 0.3, 0.2])
    b = a.copy()
    b[0, 2] = b[2, 0] = NAN
    g = aggregate_judgments([a, b])
    np.testing.assert_allclose(g.weights, [0.5, 0.3, 0.2])


def test_all_experts_excluded_raises():
    """Every expert above max_cr raises JudgmentError listing each CR."""
    house = ref.SAATY_1990_HOUSE["matrix"]
    with pytest.raises(
        JudgmentError,
        match=r"aggregate_judgments\(\): every expert's judgments exceed "
        r"max_cr=0\.10: matrices\[0\] CR=0\.169, matrices\[1\] CR=0\.169",
    ):
        aggregate_judgments([house, house], max_cr=0.1)


def test_aggregate_errors():
    """aggregate_judgments: empty, sizes differ, bad names and weights."""
    a3 = consistent([0.5, 0.3, 0.2])
    a2 = consistent([0.5, 0.5])
    with pytest.raises(JudgmentError, match=r"'matrices' is empty"):
        aggregate_judgments([])
    with pytest.raises(
        JudgmentError,
        match=r"every expert's matrix must have the same size; matrices\[0\]"
        r" is 3x3 but matrices\[1\] is 2x2",
    ):
        aggregate_judgments([a3, a2])
    with pytest.raises(
        JudgmentError,
        match=r"aggregate_judgments\(\): pairwise matrix 'matrices\[1\]' "
        r"must hold positive numbers",
    ):
        aggregate_judgments([a3, -a3])
    with pytest.raises(
        ParameterError, match=r"'method' must be one of \{'aij', 'aip'\}"
    ):
        aggregate_judgments([a3], method="mean")
    with pytest.raises(ParameterError, match=r"'ahp_method' must be one of"):
        aggregate_judgments([a3], ahp_method="power")
    with pytest.raises(ParameterError, match=r"'weights' must sum to 1"):
        aggregate_judgments([a3, a3], weights=[1, 1])
    with pytest.raises(
        ParameterError, match=r"'weights' must have one entry per criterion"
    ):
        aggregate_judgments([a3, a3], weights=[1.0])
    with pytest.raises(ParameterError, match=r"'ri' must be one of"):
        aggregate_judgments([a3], ri="x")


def test_aggregate_kept_experts_with_zero_weight_raises():
    """Only weight-0 experts pass max_cr: ParameterError, not 0/0."""
    good = consistent([0.5, 0.3, 0.2])
    bad = ref.SAATY_1990_HOUSE["matrix"][:3, :3]
    bad_cr = ahp(bad).cr
    assert bad_cr > 0.01
    with pytest.raises(ParameterError, match=r"all have weight 0"):
        aggregate_judgments([good, bad], weights=[0, 1], max_cr=0.01)


def test_group_method_type_lists_the_methods():
    """The Literal type of aggregate_judgments(method=...) names them all."""
    import typing

    from clusterscore.judgments import group

    assert typing.get_args(group.GroupMethod) == group.GROUP_METHODS
