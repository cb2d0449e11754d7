"""Tests for the public property-testing toolkit clusterscore.testing."""

from __future__ import annotations

import importlib
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings

from clusterscore.errors import ParameterError
from clusterscore.judgments.ahp import ahp
from clusterscore.testing import (
    SAATY_SCALE,
    check_weighting_method,
    consistent_matrices,
    decision_matrices,
    reciprocal_matrices,
    weight_vectors,
)
from clusterscore.weights.entropy import entropy_weights

# ------------------------------------------------------------ strategies


@settings(max_examples=200)
@given(w=weight_vectors())
def test_weight_vectors_are_positive_and_sum_to_one(w):
    """weight_vectors: 1-D, every entry > 0, sum 1."""
    assert w.ndim == 1
    assert 2 <= w.size <= 9
    assert np.all(w > 0)
    assert w.sum() == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=200)
@given(w=weight_vectors(4))
def test_weight_vectors_fixed_length(w):
    """weight_vectors(n) has length n."""
    assert w.shape == (4,)


@settings(max_examples=200)
@given(A=reciprocal_matrices())
def test_reciprocal_matrices_are_reciprocal(A):
    """a_ii = 1, a_ji = 1 / a_ij, all entries in [1/9, 9]."""
    n = A.shape[0]
    assert A.shape == (n, n)
    np.testing.assert_array_equal(np.diag(A), np.ones(n))
    np.testing.assert_allclose(A * A.T, np.ones((n, n)), rtol=1e-12)
    assert np.all(A >= 1 / 9 - 1e-12)
    assert np.all(A <= 9 + 1e-12)


@settings(max_examples=200)
@given(A=reciprocal_matrices(5, saaty_scale=True))
def test_reciprocal_matrices_on_saaty_scale(A):
    """saaty_scale=True draws every judgment from 1/9 .. 9."""
    assert A.shape == (5, 5)
    scale = np.asarray(SAATY_SCALE)
    assert all(np.isclose(scale, v).any() for v in A.ravel())


@settings(max_examples=200)
@given(pair=consistent_matrices())
def test_consistent_matrices_are_w_ratios(pair):
    """consistent_matrices: A = w_i / w_j with w returned alongside."""
    A, w = pair
    np.testing.assert_allclose(A, np.outer(w, 1 / w), rtol=1e-12)
    assert w.sum() == pytest.approx(1.0)


@settings(max_examples=200)
@given(pair=consistent_matrices(weights=[2.0, 1.0, 1.0]))
def test_consistent_matrices_from_given_weights(pair):
    """Given weights are normalised and used as they are."""
    A, w = pair
    np.testing.assert_allclose(w, [0.5, 0.25, 0.25])
    assert A[0, 1] == pytest.approx(2.0)


@settings(max_examples=200)
@given(X=decision_matrices())
def test_decision_matrices_default(X):
    """Finite, non-negative, >= 2 rows, no constant column."""
    assert X.ndim == 2
    assert X.shape[0] >= 2
    assert np.all(np.isfinite(X))
    assert np.all(X >= 0)
    assert np.all(X.max(axis=0) > X.min(axis=0))


@settings(max_examples=200)
@given(X=decision_matrices(3, 4, non_negative=False, max_value=5.0))
def test_decision_matrices_signed_fixed_shape(X):
    """Fixed shape; non_negative=False draws from [-max, max]."""
    assert X.shape == (3, 4)
    assert np.all(np.abs(X) <= 5.0)


@settings(max_examples=200)
@given(X=decision_matrices(constant_columns=True))
def test_decision_matrices_with_constant_columns(X):
    """constant_columns=True: >= 1 constant column, >= 1 varying (n > 1)."""
    constant = X.max(axis=0) == X.min(axis=0)
    assert constant.any()
    if X.shape[1] > 1:
        assert not constant.all()


# ------------------------------------------------------------ the checker


def test_ahp_passes_pairwise_axioms():
    """AHP (eigenvector) passes every pairwise axiom, incl. consistency."""
    check_weighting_method(ahp, kind="pairwise", max_examples=200)


def test_ahp_passes_pairwise_axioms_on_saaty_scale():
    """AHP also passes on matrices with judgments on Saaty's scale."""
    check_weighting_method(
        ahp, kind="pairwise", saaty_scale=True, max_examples=200
    )


def test_checker_catches_unnormalised_weights():
    """A method returning weights that sum to 2 fails 'sums to 1'."""
    with pytest.raises(AssertionError, match=r"axiom 'sums to 1'.*sum to 2"):
        check_weighting_method(lambda X: 2 * entropy_weights(X))


def test_checker_message_has_a_counterexample():
    """The message carries the input as a pasteable np.array(...)."""
    with pytest.raises(AssertionError, match=r"counterexample input: np\."):
        check_weighting_method(lambda X: 2 * entropy_weights(X))


def test_checker_catches_wrong_length():
    """A method returning one weight too many fails 'right length'."""
    with pytest.raises(AssertionError, match="'right length'"):
        check_weighting_method(
            lambda X: np.full(X.shape[1] + 1, 1 / (X.shape[1] + 1)),
            shrink=False,
        )


def test_checker_catches_negative_weights():
    """Weights summing to 1 with a negative entry fail 'non-negative'."""

    def signed(X):
        n = X.shape[1]
        w = np.full(n, 2.0 / n)
        w[0] -= 1.0
        return w

    with pytest.raises(AssertionError, match="'non-negative'"):
        check_weighting_method(signed, n_cols=3, shrink=False)


def test_checker_catches_nan():
    """NaN weights fail 'finite'."""
    with pytest.raises(AssertionError, match="'finite'"):
        check_weighting_method(
            lambda X: np.full(X.shape[1], np.nan), shrink=False
        )


def test_checker_catches_non_determinism():
    """A method with random output fails 'deterministic'."""
    rng = np.random.default_rng(0)

    def noisy(X):
        w = rng.random(X.shape[1]) + 0.5
        return w / w.sum()

    with pytest.raises(AssertionError, match="'deterministic'"):
        check_weighting_method(noisy)


def test_checker_catches_input_mutation():
    """A method that writes into its argument fails 'input not modified'."""

    def mutating(X):
        w = entropy_weights(X)
        X[0, 0] += 1.0
        return w

    with pytest.raises(AssertionError, match="'input not modified'"):
        check_weighting_method(mutating, shrink=False)


def test_checker_catches_column_order_dependence():
    """Sorted weights are not column-permutation equivariant."""
    with pytest.raises(
        AssertionError, match="'column-permutation equivariant'"
    ):
        check_weighting_method(
            lambda X: np.sort(entropy_weights(X)), shrink=False
        )


def test_checker_catches_row_order_dependence():
    """Weights from the first row only depend on the row order."""

    def first_row(X):
        return (X[0] + 1.0) / (X[0] + 1.0).sum()

    with pytest.raises(AssertionError, match="'row-permutation invariant'"):
        check_weighting_method(first_row)


def test_checker_catches_false_scale_invariance_claim():
    """Raw standard deviations depend on units: 'scale invariant' fails."""

    def raw_std(X):
        s = X.std(axis=0)
        return s / s.sum()

    check_weighting_method(raw_std)  # all other axioms hold
    with pytest.raises(AssertionError, match="'scale invariant'"):
        check_weighting_method(raw_std, scale_invariant=True, shrink=False)


def test_checker_reports_exceptions_on_valid_input():
    """A method raising on valid data fails, naming the exception."""

    def picky(X):
        raise ValueError("no thanks")

    with pytest.raises(AssertionError, match="raised ValueError: no thanks"):
        check_weighting_method(picky)


def test_checker_catches_pairwise_method_ignoring_judgments():
    """Equal weights for every matrix miss the consistent matrix's w."""

    def equal(A):
        return np.full(A.shape[0], 1 / A.shape[0])

    with pytest.raises(
        AssertionError, match="'consistent matrix gives its weights back'"
    ):
        check_weighting_method(equal, kind="pairwise")


def test_checker_catches_pairwise_relabelling_dependence():
    """First-column weights: exact if consistent, but order-dependent."""

    def by_position(A):
        return A[:, 0] / A[:, 0].sum()

    with pytest.raises(AssertionError, match="'permutation equivariant'"):
        check_weighting_method(by_position, kind="pairwise", shrink=False)


def test_checker_rejects_unknown_kind():
    """The kind must be 'objective' or 'pairwise'."""
    with pytest.raises(ParameterError, match=r"'kind' must be one of"):
        check_weighting_method(entropy_weights, kind="subjective")


def test_checker_rejects_scale_invariance_for_pairwise():
    """scale_invariant applies to objective methods only."""
    with pytest.raises(ParameterError, match="'scale_invariant' applies"):
        check_weighting_method(ahp, kind="pairwise", scale_invariant=True)


# ------------------------------------------------------------ optional dep


def test_import_without_hypothesis_says_how_to_install(monkeypatch):
    """Without hypothesis, importing clusterscore.testing names the extra."""
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "clusterscore.testing", raising=False)
    with pytest.raises(
        ImportError, match=r'pip install "clusterscore\[testing\]"'
    ):
        importlib.import_module("clusterscore.testing")


def test_import_clusterscore_does_not_import_hypothesis():
    """`import clusterscore` works without loading hypothesis."""
    code = (
        "import sys, clusterscore, clusterscore.weights.entropy, "
        "clusterscore.weights.combine; "
        "print('hypothesis' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"
