"""Tests of clusterscore.judgments.priorities: methods, properties, errors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.linalg
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import JudgmentError, ParameterError
from clusterscore.judgments.complete import complete_matrix
from clusterscore.judgments.priorities import AHPResult, ahp, consistency
from clusterscore.judgments.scales import RI_TABLES

_SUPPORT = Path(__file__).with_name("_support.py")
_support_spec = importlib.util.spec_from_file_location(
    "judgments_support", _SUPPORT
)
support = importlib.util.module_from_spec(_support_spec)
_support_spec.loader.exec_module(support)
ref = support.ref
METHODS = support.METHODS
NAN = support.NAN
consistent = support.consistent
random_reciprocal = support.random_reciprocal
weight_vectors = support.weight_vectors
reciprocal_matrices = support.reciprocal_matrices


# ---------------------------------------------------------------------------
# methods, consistency, result object


def test_three_methods_on_hand_computed_3x3():
    """Geometric and arithmetic weights equal hand calculations (3x3)."""
    a = np.array([[1, 2, 4], [1 / 2, 1, 3], [1 / 4, 1 / 3, 1]])
    g = np.array([8 ** (1 / 3), 1.5 ** (1 / 3), (1 / 12) ** (1 / 3)])
    np.testing.assert_allclose(ahp(a, "geometric").weights, g / g.sum())
    colsum = a.sum(axis=0)
    arith = (a / colsum).mean(axis=1)
    np.testing.assert_allclose(ahp(a, "arithmetic").weights, arith)


def test_consistency_uses_eigenvalue_for_every_method():
    """lambda_max, CI, CR are the same whatever the prioritisation method."""
    a = ref.SAATY_1990_HOUSE["matrix"]
    results = [ahp(a, m) for m in METHODS]
    for r in results[1:]:
        assert r.lambda_max == pytest.approx(results[0].lambda_max, abs=1e-12)
        assert r.cr == pytest.approx(results[0].cr, abs=1e-12)
    assert consistency(a)[0] == pytest.approx(9.669, abs=5e-4)


@pytest.mark.parametrize("n", [16, 50, 100])
def test_eigenvector_matches_dense_solver_large_n(n):
    """Weights and lambda_max equal scipy.linalg.eig to 1e-10 for big n."""
    a = random_reciprocal(n, seed=n)
    r = ahp(a, ri=1.6)
    vals, vecs = scipy.linalg.eig(a)
    k = int(np.argmax(vals.real))
    v = vecs[:, k].real
    v = v / v.sum()
    np.testing.assert_allclose(r.weights, v, rtol=0, atol=1e-10)
    assert r.lambda_max == pytest.approx(vals[k].real, abs=1e-10)
    np.testing.assert_allclose(
        a @ r.weights, r.lambda_max * r.weights, atol=1e-10
    )
    assert r.ri_table == "custom"
    assert r.cr == pytest.approx(r.ci / 1.6)


@pytest.mark.parametrize("name", sorted(RI_TABLES))
def test_n_16_beyond_every_table_names_its_limit(name):
    """A 16x16 matrix raises ParameterError naming n = 15 (no IndexError)."""
    with pytest.raises(
        ParameterError, match=r"covers matrices up to n = 15; got n = 16"
    ):
        ahp(random_reciprocal(16, 1), ri=name)


@pytest.mark.parametrize("ri", [*sorted(RI_TABLES), 1.5])
def test_cr_zero_for_n_1_and_2(ri):
    """CR = CI = 0 (never NaN) for 1x1 and 2x2 matrices, every RI table."""
    one = ahp([[1.0]], ri=ri)
    assert (one.cr, one.ci, one.weights.tolist()) == (0.0, 0.0, [1.0])
    two = ahp([[1, 4], [0.25, 1]], ri=ri)
    assert two.cr == 0.0
    assert two.ci == 0.0
    np.testing.assert_allclose(two.weights, [0.8, 0.2])
    assert two.lambda_max == pytest.approx(2.0)


def test_result_is_frozen_and_weights_read_only():
    """AHPResult cannot be changed, nor can its weights."""
    r = ahp(ref.RESEARCH_NOTE["basic"]["matrix"])
    with pytest.raises(AttributeError):
        r.cr = 0.0  # type: ignore[misc]
    with pytest.raises(ValueError, match="read-only"):
        r.weights[0] = 1.0
    assert isinstance(r, AHPResult)
    assert (r.n, r.method, r.ri_table, r.ri) == (
        5,
        "eigenvector",
        "saaty",
        1.12,
    )


def test_dataframe_input_labels_result():
    """A DataFrame's columns label the result; to_series uses them."""
    a = pd.DataFrame(
        ref.RESEARCH_NOTE["basic"]["matrix"],
        index=ref.DIMENSIONS,
        columns=ref.DIMENSIONS,
    )
    r = ahp(a)
    assert r.labels == ref.DIMENSIONS
    s = r.to_series()
    assert list(s.index) == list(ref.DIMENSIONS)
    assert s["scale"] == pytest.approx(0.4023, abs=5e-5)


def test_input_matrix_not_mutated():
    """ahp() and complete_matrix() leave the caller's array unchanged."""
    a = np.array([[1, 2, NAN], [0.5, 1, 3], [NAN, 1 / 3, 1]])
    before = a.copy()
    complete_matrix(a)
    np.testing.assert_array_equal(a, before)


def test_scale_saaty_accepts_rounded_reciprocals():
    """scale='saaty' accepts 0.333, 0.143, 0.111 written for 1/3, 1/7, 1/9."""
    a = np.array(
        [[1, 3, 7, 9], [0.333, 1, 1, 1], [0.143, 1, 1, 1], [0.111, 1, 1, 1]]
    )
    r = ahp(a, scale="saaty")
    assert r.n == 4


# ---------------------------------------------------------------------------
# properties


@settings(max_examples=200)
@given(reciprocal_matrices(), st.sampled_from(METHODS))
def test_property_weights_positive_sum_to_one(a, method):
    """Weights are positive and sum to 1 for every method."""
    w = ahp(a, method).weights
    assert np.all(w > 0)
    assert w.sum() == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=200)
@given(weight_vectors(), st.sampled_from(METHODS))
def test_property_consistent_matrix_gives_weights_back(w, method):
    """a_ij = w_i / w_j gives back w, lambda_max = n and CR ~ 0."""
    r = ahp(consistent(w), method)
    np.testing.assert_allclose(r.weights, w, rtol=1e-9, atol=1e-12)
    assert r.lambda_max == pytest.approx(len(w), abs=1e-9)
    assert r.cr == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=200)
@given(reciprocal_matrices(), st.sampled_from(METHODS), st.randoms())
def test_property_permutation_equivariant(a, method, rnd):
    """Permuting rows and columns permutes the weights the same way."""
    n = a.shape[0]
    perm = list(range(n))
    rnd.shuffle(perm)
    p = np.asarray(perm)
    w = ahp(a, method).weights
    wp = ahp(a[np.ix_(p, p)], method).weights
    np.testing.assert_allclose(wp, w[p], rtol=1e-9, atol=1e-12)


@settings(max_examples=200)
@given(reciprocal_matrices(), st.sampled_from(sorted(RI_TABLES)))
def test_property_cr_non_negative(a, ri):
    """CR >= 0 for every reciprocal matrix and RI table."""
    r = ahp(a, ri=ri)
    assert r.cr >= 0.0
    assert r.ci >= 0.0
    assert r.lambda_max >= a.shape[0] - 1e-9


@settings(max_examples=200)
@given(reciprocal_matrices(min_n=2))
def test_property_transpose_inverts_geometric_ranking(a):
    """Geometric mean: w(A^T) is proportional to 1 / w(A) (exactly)."""
    w = ahp(a, "geometric").weights
    wt = ahp(a.T, "geometric").weights
    inv = (1 / w) / (1 / w).sum()
    np.testing.assert_allclose(wt, inv, rtol=1e-9)


@settings(max_examples=200)
@given(reciprocal_matrices(min_n=2, max_n=3))
def test_property_transpose_inverts_eigenvector_ranking_n_le_3(a):
    """Eigenvector, n <= 3: w(A^T) ~ 1/w(A), so the ranking inverts.

    For n >= 4 the left and right eigenvectors need not be reciprocal and
    the ranking may not invert exactly (Johnson, Beine & Wang 1979).
    """
    w = ahp(a).weights
    wt = ahp(a.T).weights
    inv = (1 / w) / (1 / w).sum()
    np.testing.assert_allclose(wt, inv, rtol=1e-9)
    order = np.argsort(w, kind="stable")
    assert np.all(np.diff(wt[order]) <= 1e-12)


def test_max_cr_raises_with_cells_and_suggestions():
    """max_cr=0.1 on the house matrix raises with CR, threshold, cells."""
    ex = ref.SAATY_1990_HOUSE
    with pytest.raises(JudgmentError) as info:
        ahp(ex["matrix"], max_cr=0.1, labels=ex["labels"], name="criteria")
    err = info.value
    assert err.cr == pytest.approx(0.169, abs=5e-4)
    assert err.threshold == 0.1
    assert err.matrix_name == "criteria"
    assert len(err.cells) == 3
    assert len(err.suggestions) == 3
    i, j = err.cells[0]
    s = err.suggestions[0]
    assert (s.i, s.j) == (i, j)
    msg = str(err)
    assert (
        "ahp(): judgments for 'criteria' are inconsistent: CR=0.169 > "
        "0.10 (n=8, lambda_max=9.669, RI=1.41 [saaty])" in msg
    )
    assert f"[{i}, {j}] ({ex['labels'][i]}, {ex['labels'][j]}) is " in msg
    assert "consistent value" in msg
    assert "nearest on Saaty's scale" in msg


def test_max_cr_passes_at_threshold_and_below():
    """CR <= max_cr passes (Saaty: CR of 0.10 or less is acceptable)."""
    a = ref.RESEARCH_NOTE["basic"]["matrix"]
    cr = ahp(a).cr
    assert ahp(a, max_cr=cr).cr == cr
    assert ahp(a, max_cr=0.1).cr == cr


# ---------------------------------------------------------------------------
# errors: parameters


@pytest.mark.parametrize(
    ("kwargs", "pattern"),
    [
        (
            {"method": "eigen"},
            r"ahp\(\): 'method' must be one of "
            r"\{'eigenvector', 'geometric', 'arithmetic'\}; got 'eigen'\.",
        ),
        (
            {"ri": "satty"},
            r"ahp\(\): 'ri' must be one of \{'saaty', "
            r"'alonso_lamata', 'tummala_ling'\}; got 'satty'\.",
        ),
        (
            {"ri": -1.0},
            r"ahp\(\): a numeric 'ri' must be a finite number "
            r"> 0; got -1\.0\.",
        ),
        ({"ri": float("nan")}, r"a numeric 'ri' must be a finite number"),
        (
            {"scale": "1-9"},
            r"ahp\(\): 'scale' must be one of \{'any', "
            r"'saaty'\}; got '1-9'\.",
        ),
        (
            {"max_cr": -0.1},
            r"ahp\(\): 'max_cr' must be a number >= 0 or "
            r"None; got -0\.1\.",
        ),
        (
            {"max_cr": "ten"},
            r"'max_cr' must be a number >= 0 or None; got "
            r"'ten'",
        ),
        (
            {"labels": ["a", "b"]},
            r"ahp\(\): 'labels' must have one entry "
            r"per row of the matrix \(5\); got 2\.",
        ),
    ],
)
def test_parameter_errors(kwargs, pattern):
    """Bad arguments raise ParameterError listing what is allowed."""
    with pytest.raises(ParameterError, match=pattern):
        ahp(ref.RESEARCH_NOTE["basic"]["matrix"], **kwargs)


def test_consistency_function_errors_and_values():
    """consistency() returns (lambda, CI, CR, RI) and rejects bad ri."""
    lam, ci, cr, ri = consistency(ref.SAATY_1990_HOUSE["matrix"])
    assert (round(lam, 3), round(ci, 3), round(cr, 3), ri) == (
        9.669,
        0.238,
        0.169,
        1.41,
    )
    with pytest.raises(ParameterError, match=r"consistency\(\): 'ri'"):
        consistency([[1]], ri="x")


def test_method_type_lists_the_methods():
    """The Literal type of ahp(method=...) names exactly `METHODS`."""
    import typing

    from clusterscore.judgments import priorities

    assert typing.get_args(priorities.AHPMethod) == priorities.METHODS
