"""Grey relational analysis kernels (clusterscore.aggregate.gra)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterscore.aggregate.gra import (
    check_rho,
    gra_dimension_kernel,
    gra_grade,
    grey_relational_coefficients,
)
from clusterscore.errors import ParameterError
from clusterscore.normalize import normalize


def _load_reference():
    here = Path(__file__).resolve()
    for parent in here.parents:
        path = parent / "reference" / "analysis_examples.py"
        if path.exists():
            break
    spec = importlib.util.spec_from_file_location("analysis_examples", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["analysis_examples"] = module
    spec.loader.exec_module(module)
    return module


ref = _load_reference()


def test_hand_calculation():
    """No published example was found: the recorded hand calculation."""
    ex = ref.GRA_HAND
    assert ex.status == "not found"
    Y = np.array(ex.matrix)
    xi = grey_relational_coefficients(Y, ex.parameters["rho"])
    np.testing.assert_allclose(xi.ravel(), ex.results["xi"], atol=1e-12)
    grade = gra_grade(Y, np.array(ex.weights), ex.parameters["rho"])
    np.testing.assert_allclose(grade, ex.results["grade"], atol=1e-12)


def test_pydecision_definition_up_to_one_over_m(rng):
    """PyDecision's gra_method divides the weighted grade by m.

    pyDecision (Valdecy/pyDecision, pyDecision/algorithm/gra.py) computes
    xi = rho / (1 - y + rho) on the min-max matrix and grade = sum_j w_j
    xi_ij / m. With every column spread (delta_min = 0, delta_max = 1)
    Deng's coefficient is the same, so the grades agree up to the factor
    1/m and the rankings are identical.
    """
    g = rng(11)
    X = g.random((7, 4))
    w = g.dirichlet(np.ones(4))
    Y = normalize(X)
    theirs = (0.5 / (1.0 - Y + 0.5) * w).sum(axis=1) / X.shape[0]
    np.testing.assert_allclose(gra_grade(Y, w) / X.shape[0], theirs)


def test_reference_is_best_observed_not_one():
    """With target-style values the ideal is the best observed value."""
    Y = np.array([[0.8, 0.4], [0.6, 0.2]])
    xi = grey_relational_coefficients(Y)
    # delta = [[0, 0], [0.2, 0.2]]: max 0.2, min 0
    np.testing.assert_allclose(xi, [[1, 1], [1 / 3, 1 / 3]])


def test_identical_rows_all_one():
    np.testing.assert_allclose(
        grey_relational_coefficients(np.full((3, 2), 0.3)), 1.0
    )


def test_rho_one_and_bounds():
    Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    xi = grey_relational_coefficients(Y, rho=1.0)
    np.testing.assert_allclose(xi, [[1.0, 0.5], [0.5, 1.0]])


def test_batch(rng):
    g = rng(5)
    Y = g.random((9, 3))
    W = g.dirichlet(np.ones(3), size=4)
    np.testing.assert_allclose(
        gra_grade(Y, W), np.array([gra_grade(Y, w) for w in W])
    )


def test_dimension_scores_decompose_the_grade(rng):
    g = rng(2)
    Y = g.random((10, 4))
    w = np.array([0.1, 0.3, 0.2, 0.4])
    Wd = np.array([0.4, 0.6])
    M = np.array([[0.25, 0], [0.75, 0], [0, 1 / 3], [0, 2 / 3]])
    sub = gra_dimension_kernel(Y, M)
    np.testing.assert_allclose(sub @ Wd, gra_grade(Y, w))


@pytest.mark.parametrize("rho", [0, -0.5, 1.01, "0.5", None, False])
def test_bad_rho(rho):
    with pytest.raises(ParameterError) as info:
        check_rho("gra", rho)
    assert info.value.parameter == "rho"
    assert "'rho'" in str(info.value)


matrices = st.integers(2, 12).flatmap(
    lambda m: st.integers(1, 5).flatmap(
        lambda n: st.tuples(
            arrays(
                float,
                (m, n),
                elements=st.floats(-1e3, 1e3, allow_subnormal=False),
            ),
            arrays(float, (n,), elements=st.floats(0.01, 1.0)),
            st.permutations(range(m)),
        )
    )
)


@settings(max_examples=200)
@given(matrices, st.floats(0.05, 1.0))
def test_row_order_does_not_matter(data, rho):
    X, w, perm = data
    w = w / w.sum()
    grade = gra_grade(normalize(X), w, rho)
    permuted = gra_grade(normalize(X[list(perm)]), w, rho)
    np.testing.assert_allclose(permuted, grade[list(perm)], atol=1e-12)


@settings(max_examples=200)
@given(
    matrices,
    st.floats(0.01, 100.0),
    st.floats(-100.0, 100.0),
    st.floats(0.05, 1.0),
)
def test_positive_affine_change_under_minmax(data, a, b, rho):
    X, w, _ = data
    w = w / w.sum()
    X2 = X.copy()
    X2[:, 0] = a * X2[:, 0] + b
    if np.ptp(X[:, 0]) > 1e-6 * max(1.0, np.abs(X[:, 0]).max()):
        np.testing.assert_allclose(
            gra_grade(normalize(X), w, rho),
            gra_grade(normalize(X2), w, rho),
            atol=1e-6,
        )


@settings(max_examples=200)
@given(matrices, st.floats(0.05, 1.0))
def test_grade_bounds(data, rho):
    X, w, _ = data
    grade = gra_grade(normalize(X), w / w.sum(), rho)
    assert np.all(grade <= 1 + 1e-12)
    assert np.all(grade >= rho / (1 + rho) - 1e-12)
