"""VIKOR kernels (clusterscore.aggregate.vikor): goldens, properties."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterscore.aggregate.vikor import (
    check_v,
    vikor,
    vikor_conditions,
    vikor_dimension_kernel,
    vikor_kernel,
    vikor_score,
)
from clusterscore.errors import DataError, ParameterError
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


@pytest.mark.parametrize(
    "example", ref.VIKOR_EXAMPLES, ids=lambda e: e.source[:20]
)
def test_published_q(example):
    """Q of the published examples (as transcribed in pymcdm's tests)."""
    Y = normalize(
        np.array(example.matrix, dtype=float),
        list(example.directions),
        method="minmax",
    )
    _, _, Q = vikor_kernel(Y, np.array(example.weights), **example.parameters)
    expected = np.array(example.results["Q"])
    np.testing.assert_allclose(
        Q.round(example.decimals), expected, atol=10.0**-example.decimals
    )


@pytest.mark.parametrize(
    "example",
    [e for e in ref.VIKOR_EXAMPLES if "S" in e.results],
    ids=lambda e: e.source[-24:],
)
def test_published_s_r_and_conditions(example):
    """S, R, Q, C1, C2 and the compromise set, at the printed precision.

    Opricovic & Tzeng (2004) and (2007), as transcribed by pymcdm and
    scikit-criteria (provenance in tests/reference/analysis_examples.py).
    """
    Y = normalize(
        np.array(example.matrix, dtype=float),
        list(example.directions),
        method="minmax",
    )
    r = vikor(Y, example.weights, **example.parameters)
    tol = 10.0**-example.decimals
    for name in ("S", "R", "Q"):
        got = np.round(getattr(r, name), example.decimals)
        np.testing.assert_allclose(
            got, example.results[name], atol=tol / 2, err_msg=name
        )
    assert r.advantage is example.checks["advantage"]
    assert r.stability is example.checks["stability"]
    assert set(r.compromise) == set(example.checks["compromise"])


def test_opricovic_tzeng_hand_calculation():
    """S, R, the conditions and the compromise of the 2004 example."""
    ex = ref.OPRICOVIC_TZENG_2004
    Y = normalize(np.array(ex.matrix, float), list(ex.directions))
    r = vikor(Y, ex.weights)
    np.testing.assert_allclose(r.S, [0.5, 0.375, 0.5])
    np.testing.assert_allclose(r.R, [0.5, 0.25, 0.5])
    assert r.advantage
    assert r.stability
    assert r.compromise == (1,)
    assert r.dq == 0.5
    np.testing.assert_allclose(r.score, [0.0, 1.0, 0.0])


def test_raw_matrix_equals_minmax():
    """VIKOR's own normalisation makes min-max (or raw) input equivalent."""
    ex = ref.YANG_WU_2020
    X = np.array(ex.matrix, float)
    w = np.array(ex.weights)
    np.testing.assert_allclose(
        vikor_score(X, w), vikor_score(normalize(X), w), atol=1e-12
    )


def test_conditions_fail_c1():
    """C1 fails: the compromise set is every alternative within DQ."""
    S = np.array([0.0, 0.1, 0.9, 1.0])
    R = np.array([0.0, 0.1, 0.9, 1.0])
    Q = np.array([0.0, 0.2, 0.9, 1.0])  # DQ = 1/3
    _order, adv, stab, comp, dq = vikor_conditions(S, R, Q)
    assert not adv
    assert stab
    assert comp == (0, 1)
    assert dq == pytest.approx(1 / 3)


def test_conditions_fail_c2_only():
    """C2 fails, C1 holds: the compromise is A1 and A2."""
    S = np.array([0.2, 0.0, 1.0])
    R = np.array([0.2, 1.0, 0.0])
    Q = np.array([0.0, 0.6, 1.0])  # DQ = 0.5
    _, adv, stab, comp, _ = vikor_conditions(S, R, Q)
    assert adv
    assert not stab
    assert comp == (0, 1)


def test_single_alternative():
    r = vikor([[0.3, 0.7]], [0.5, 0.5])
    assert r.Q.tolist() == [0.0]
    assert r.compromise == (0,)
    assert r.dq == np.inf


def test_constant_column_contributes_nothing():
    Y = np.array([[0.2, 0.5], [0.8, 0.5], [0.5, 0.5]])
    a = vikor_score(Y, np.array([0.6, 0.4]))
    b = vikor_score(Y[:, :1], np.array([1.0]))
    np.testing.assert_allclose(a, b)


def test_identical_alternatives_score_one():
    Y = np.full((3, 2), 0.4)
    np.testing.assert_allclose(vikor_score(Y, np.array([0.5, 0.5])), 1.0)


def test_batch_matches_loop(rng):
    g = rng(7)
    Y = g.random((30, 5))
    W = g.dirichlet(np.ones(5), size=9)
    batch = vikor_score(Y, W, 0.3)
    loop = np.array([vikor_score(Y, w, 0.3) for w in W])
    np.testing.assert_allclose(batch, loop, atol=1e-14)


def test_dimension_kernel_is_vikor_per_dimension(rng):
    g = rng(3)
    Y = g.random((12, 4))
    M = np.array([[0.25, 0], [0.75, 0], [0, 0.5], [0, 0.5]])
    sub = vikor_dimension_kernel(Y, M)
    np.testing.assert_allclose(
        sub[:, 0], vikor_score(Y[:, :2], np.array([0.25, 0.75]))
    )
    np.testing.assert_allclose(
        sub[:, 1], vikor_score(Y[:, 2:], np.array([0.5, 0.5]))
    )


@pytest.mark.parametrize("v", [-0.1, 1.5, "0.5", None, True, np.nan])
def test_bad_v(v):
    with pytest.raises(ParameterError) as info:
        check_v("vikor", v)
    assert info.value.parameter == "v"
    assert "'v'" in str(info.value)


def test_bad_weights():
    with pytest.raises(ParameterError) as info:
        vikor([[0.1, 0.2], [0.3, 0.4]], [0.5, 0.6])
    assert info.value.parameter == "weights"


@pytest.mark.parametrize(
    "Y", [[[0.1, np.nan], [0.2, 0.3]], np.zeros((0, 2)), [["a", "b"]]]
)
def test_bad_matrix(Y):
    with pytest.raises(DataError, match="'Y'"):
        vikor(Y, [0.5, 0.5])


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
@given(matrices, st.floats(0.0, 1.0))
def test_row_order_does_not_matter(data, v):
    X, w, perm = data
    w = w / w.sum()
    Y = normalize(X)
    score = vikor_score(Y, w, v)
    permuted = vikor_score(normalize(X[list(perm)]), w, v)
    np.testing.assert_allclose(permuted, score[list(perm)], atol=1e-9)


@settings(max_examples=200)
@given(
    matrices,
    st.floats(0.01, 100.0),
    st.floats(-100.0, 100.0),
    st.floats(0.0, 1.0),
)
def test_positive_affine_change_under_minmax(data, a, b, v):
    """A positive affine change of an indicator changes no score."""
    X, w, _ = data
    w = w / w.sum()
    X2 = X.copy()
    X2[:, 0] = a * X2[:, 0] + b
    s1 = vikor_score(normalize(X), w, v)
    s2 = vikor_score(normalize(X2), w, v)
    # a column whose spread rounds away differs in its constant value only
    if np.ptp(X[:, 0]) > 1e-6 * max(1.0, np.abs(X[:, 0]).max()):
        np.testing.assert_allclose(s1, s2, atol=1e-6)
        assert set(np.flatnonzero(s1 >= s1.max() - 1e-6)) & set(
            np.flatnonzero(s2 >= s2.max() - 1e-6)
        )


@settings(max_examples=200)
@given(matrices, st.floats(0.0, 1.0))
def test_q_in_unit_interval(data, v):
    X, w, _ = data
    _, _, Q = vikor_kernel(normalize(X), w / w.sum(), v)
    assert np.all((Q >= -1e-12) & (Q <= 1 + 1e-12))
