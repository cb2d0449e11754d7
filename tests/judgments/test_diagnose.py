"""Tests of clusterscore.judgments.diagnose: inconsistency diagnosis."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings

from clusterscore.errors import ParameterError
from clusterscore.judgments.ahp import ahp
from clusterscore.judgments.diagnose import diagnose_inconsistency
from clusterscore.judgments.scales import SAATY_SCALE

_SUPPORT = Path(__file__).with_name("_support.py")
_support_spec = importlib.util.spec_from_file_location(
    "judgments_support", _SUPPORT
)
support = importlib.util.module_from_spec(_support_spec)
_support_spec.loader.exec_module(support)
consistent = support.consistent
reciprocal_matrices = support.reciprocal_matrices


@settings(max_examples=200)
@given(reciprocal_matrices(min_n=3))
def test_property_diagnosis_terms_sum_to_n_lambda_excess(a):
    """sum_{i<j}(e_ij + 1/e_ij - 2) = n (lambda_max - n), shares sum to 1."""
    n = a.shape[0]
    r = ahp(a)
    d = diagnose_inconsistency(a, top=None)
    assert len(d) == n * (n - 1) // 2
    excess = (d["ratio"] + 1 / d["ratio"] - 2).sum()
    assert excess == pytest.approx(n * (r.lambda_max - n), abs=1e-8)
    if r.lambda_max - n > 1e-9:
        assert d["contribution"].sum() == pytest.approx(1.0)
    np.testing.assert_allclose(
        d["suggested"], r.weights[d["i"]] / r.weights[d["j"]]
    )


# ---------------------------------------------------------------------------
# diagnosis and max_cr


def _perturbed() -> np.ndarray:
    """Consistent from w = (.4, .3, .2, .1) except a_03 = 1/4 (was 4)."""
    a = consistent([0.4, 0.3, 0.2, 0.1])
    a[0, 3], a[3, 0] = 0.25, 4.0
    return a


def test_diagnosis_names_the_perturbed_judgment():
    """The one changed judgment ranks first and gets a value near 4."""
    d = diagnose_inconsistency(_perturbed(), labels=list("abcd"))
    top = d.iloc[0]
    assert (top["i"], top["j"], top["row"], top["column"]) == (0, 3, "a", "d")
    assert top["value"] == 0.25
    assert top["suggested"] > top["value"]
    assert top["suggested_saaty"] in SAATY_SCALE.values
    assert list(d.columns) == [
        "i",
        "j",
        "row",
        "column",
        "value",
        "suggested",
        "suggested_saaty",
        "ratio",
        "contribution",
    ]
    assert len(d) == 3


def test_diagnosis_against_given_weights():
    """With the true weights, a_03 needs 0.4/0.1 = 4 (Saaty value 4)."""
    d = diagnose_inconsistency(_perturbed(), weights=[0.4, 0.3, 0.2, 0.1])
    top = d.iloc[0]
    assert (top["i"], top["j"]) == (0, 3)
    assert top["suggested"] == pytest.approx(4.0)
    assert top["suggested_saaty"] == 4.0
    assert top["ratio"] == pytest.approx(0.25 * 0.1 / 0.4)
    assert top["contribution"] == pytest.approx(1.0)


def test_diagnose_parameter_errors():
    """diagnose_inconsistency rejects bad weights and top."""
    a = _perturbed()
    with pytest.raises(
        ParameterError,
        match=r"diagnose_inconsistency\(\): 'weights' must sum to 1",
    ):
        diagnose_inconsistency(a, weights=[1, 1, 1, 1])
    with pytest.raises(ParameterError, match=r"'weights' must be positive"):
        diagnose_inconsistency(a, weights=[0.5, 0.5, 0, 0])
    for top in (0, -1, 1.5, True):
        with pytest.raises(
            ParameterError,
            match=r"'top' must be a positive integer or None; got",
        ):
            diagnose_inconsistency(a, top=top)


@pytest.mark.parametrize("ulps", [(0, 0, 0), (1, -1, 0), (-2, 0, 2)])
def test_equal_contributions_keep_the_pairs_order_under_rounding(ulps):
    """A symmetric 3-cycle: every pair contributes 1/3, whatever the ulps.

    The cycle 9, 9, 1/9 has equal weights (1/3 each) by symmetry, so each
    of the three pairs has ratio e = 9 * (1/3) / (1/3) = 9 or 1/9 and the
    same excess e + 1/e - 2 (Saaty 1980, section 7.1): a tie. Weights a
    few ulps apart (as any eigen solver may give) must not reorder the
    tie: the pairs stay in their (row, column) order.
    """
    a = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    w = np.full(3, 1 / 3) + np.array(ulps) * np.spacing(1 / 3)
    got = diagnose_inconsistency(a, weights=w, top=None)
    assert list(zip(got["row"], got["column"], strict=True)) == [
        ("0", "1"),
        ("0", "2"),
        ("1", "2"),
    ]
    np.testing.assert_allclose(got["contribution"], 1 / 3, rtol=1e-12)
