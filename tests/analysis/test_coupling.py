"""Coupling coordination degree (clusterscore.analysis.coupling)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import clusterscore as cs
from clusterscore.analysis import (
    GRADES,
    coordination_grade,
    coupling_coordination,
    coupling_degree,
)
from clusterscore.errors import DataError, ParameterError


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


@pytest.fixture(scope="module")
def df():
    return cs.datasets.synthetic_clusters(n=30, rng=2)


@pytest.fixture(scope="module")
def ev(df):
    return cs.evaluate(df)


@pytest.mark.parametrize("form", ["classic", "corrected"])
def test_hand_calculation(form):
    """No reproducible published example: the recorded hand calculation."""
    ex = ref.COUPLING_HAND
    assert ex.status == "not found"
    for U, expected in zip(ex.matrix, ex.results[f"C_{form}"], strict=True):
        assert coupling_degree([U], form)[0] == pytest.approx(
            expected, abs=1e-12
        )


def test_two_subsystem_forms_reduce_to_the_textbook_ones():
    """N = 2: 2 sqrt(U1 U2)/(U1 + U2) and sqrt((1 - |d|) Umin/Umax)."""
    U = np.array([[0.2, 0.9], [0.5, 0.5], [0.7, 0.1]])
    lo, hi = U.min(axis=1), U.max(axis=1)
    np.testing.assert_allclose(
        coupling_degree(U, "classic"),
        2 * np.sqrt(U[:, 0] * U[:, 1]) / U.sum(axis=1),
    )
    np.testing.assert_allclose(
        coupling_degree(U, "corrected"), np.sqrt((1 - (hi - lo)) * lo / hi)
    )


def test_equal_subscores():
    """Equal sub-scores: C = 1 in both forms, however low they are."""
    U = np.full((1, 5), 0.2)
    assert coupling_degree(U, "classic")[0] == pytest.approx(1.0)
    assert coupling_degree(U, "corrected")[0] == pytest.approx(1.0)


@pytest.mark.parametrize("form", ["classic", "corrected"])
def test_zero_subscore_rules(form):
    """A zero sub-score gives C = 0; all zeros give C = 0 (not 0/0)."""
    C = coupling_degree([[0.0, 0.5, 0.9], [0.0, 0.0, 0.0]], form)
    assert C.tolist() == [0.0, 0.0]


def test_default_form_is_corrected():
    U = [[0.4, 0.6]]
    assert coupling_degree(U)[0] == coupling_degree(U, "corrected")[0]


def test_grades():
    D = [0.0, 0.05, 0.1, 0.1000001, 0.1 * 3, 0.55, 0.9, 0.95, 1.0]
    grade, zh, en = coordination_grade(D)
    assert grade.tolist() == [1, 1, 1, 2, 3, 6, 9, 10, 10]
    assert zh[0] == "极度失调"
    assert en[-1] == "high-quality coordination"
    assert zh[5] == "勉强协调"
    assert len(GRADES) == 10


def test_evaluation_columns_and_t(ev):
    cc = coupling_coordination(ev)
    assert list(cc.columns) == [
        "type",
        "C",
        "T",
        "D",
        "grade",
        "grade_zh",
        "grade_en",
    ]
    assert list(cc.index) == list(ev.ranking.index)
    # weighted sum: the score is the dimension-weighted sum of sub-scores
    np.testing.assert_allclose(cc["T"], ev.ranking["score"] / 100, atol=1e-9)
    np.testing.assert_allclose(cc["D"], np.sqrt(cc["C"] * cc["T"]))
    classic = coupling_coordination(ev, "classic")
    np.testing.assert_allclose(classic["T"], cc["T"])
    assert (classic["C"] > cc["C"]).mean() > 0.5  # classic crowds near 1


def test_by_type(df):
    ev = cs.evaluate(df, by_type=True)
    cc = coupling_coordination(ev)
    np.testing.assert_allclose(cc["T"], ev.ranking["score"] / 100, atol=1e-9)


def test_bad_form(ev):
    with pytest.raises(ParameterError) as info:
        coupling_coordination(ev, form="wang")
    assert info.value.parameter == "form"
    with pytest.raises(ParameterError):
        coupling_degree([[0.1, 0.2]], form="modified")


@pytest.mark.parametrize(
    ("U", "match"),
    [
        ([[0.5]], "two subsystems"),
        ([[0.5, 1.2]], r"row 0, column 1"),
        ([[0.5, -0.1]], r"\[0, 1\]"),
        ([[0.5, np.nan]], r"\[0, 1\]"),
        ([["a", "b"]], "'U'"),
    ],
)
def test_bad_subscores(U, match):
    with pytest.raises(DataError, match=match):
        coupling_degree(U)


subscores = st.integers(1, 8).flatmap(
    lambda m: st.integers(2, 6).flatmap(
        lambda n: st.tuples(
            arrays(float, (m, n), elements=st.floats(0.0, 1.0)),
            arrays(float, (n,), elements=st.floats(0.0, 1.0)),
        )
    )
)


@settings(max_examples=300)
@given(subscores, st.sampled_from(["classic", "corrected"]))
def test_d_in_unit_interval(data, form):
    U, alpha = data
    alpha = alpha / alpha.sum() if alpha.sum() > 0 else None
    C = coupling_degree(U, form)
    T = U @ alpha if alpha is not None else U.mean(axis=1)
    D = np.sqrt(C * np.clip(T, 0, 1))
    assert np.all((C >= 0) & (C <= 1))
    assert np.all((D >= 0) & (D <= 1))
    grade, _, _ = coordination_grade(D)
    assert np.all((grade >= 1) & (grade <= 10))


def _pair_from_table(c_classic, c_corrected):
    """Subsystem scores (U_min, U_max) that give a printed pair of C."""
    s = (1 - np.sqrt(1 - c_classic**2)) / c_classic  # 2s/(1 + s^2) = C
    r = s**2  # U_min / U_max
    u_max = (1 - c_corrected**2 / r) / (1 - r)
    return r * u_max, u_max


def test_consistent_with_wang_2021_table8():
    """Every printed pair of Table 8 arises from some U in [0, 1].

    Wang et al. (2021), Table 8, read in the journal's stored page: the
    classic and the corrected C of 13 cities, 2008-2014. The U behind it
    are not printed in a stored table, so the check is that a pair
    (U_min, U_max) with 0 <= U_min <= U_max <= 1 exists and that
    clusterscore's two formulas give back both printed values to four
    decimals.
    """
    assert ref.WANG_2021_TABLE8_STATUS == "stored-copy"
    checked = 0
    for year, classic, corrected in ref.WANG_2021_TABLE8:
        for city, c1, c2 in zip(
            ref.WANG_2021_CITIES, classic, corrected, strict=True
        ):
            if (year, city) in ref.WANG_2021_TABLE8_SKIP:
                continue
            u_min, u_max = _pair_from_table(c1, c2)
            assert 0 <= u_min <= u_max <= 1, (year, city, u_min, u_max)
            U = [[u_min, u_max]]
            assert round(coupling_degree(U, "classic")[0], 4) == c1
            assert round(coupling_degree(U, "corrected")[0], 4) == c2
            checked += 1
    assert checked == 7 * 13 - 1


def test_table8_rules_out_a_form_without_the_square_root():
    """C = (1 - |U1 - U2|) U_min/U_max would need U_max < 0 (Table 8)."""
    _, classic, corrected = ref.WANG_2021_TABLE8[0]
    c1, c2 = classic[0], corrected[0]
    s = (1 - np.sqrt(1 - c1**2)) / c1
    r = s**2
    assert (1 - c2 / r) / (1 - r) < 0
