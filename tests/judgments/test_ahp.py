"""Tests of clusterscore.judgments.ahp: published examples, re-exports."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import numpy as np
import pytest

import clusterscore.judgments as judgments
from clusterscore.judgments.ahp import ahp

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
# golden examples (numbers from tests/reference/ahp_examples.py; each
# entry there names its citation, the stored copy the numbers were read in
# and its status; printed numbers are compared at the printed precision,
# known misprints and one-unit deviations at the tolerance stated there)

HOUSES = ref.SAATY_1990_HOUSES["matrices"]
UNIT = 1e-3  # one unit of the last printed digit (3 decimals)


def _rounded(x, d=3):
    """Round half away from zero, as printed tables do."""
    q = 10**d
    return np.sign(x) * np.floor(np.abs(np.asarray(x)) * q + 0.5) / q


@pytest.mark.parametrize("criterion", sorted(HOUSES))
def test_ahp_saaty1990_houses_table3(criterion):
    """Saaty (1990) Table 3, houses A/B/C: printed results (stored copy).

    Every printed number not listed under the entry's "deviations" is
    matched exactly at 3 decimals; listed ones within one unit (misprints
    of the copy are checked against the value its other numbers imply).
    """
    ex = HOUSES[criterion]
    dev = ex["deviations"]
    r = ahp(ex["matrix"], method="eigenvector", ri="saaty")
    assert r.ri == 0.58
    for field in ("lambda_max", "ci", "cr"):
        got = getattr(r, field)
        if field in dev:
            continue
        assert _rounded(got) == pytest.approx(ex[field], abs=1e-12), field
    if "weights" not in dev:
        np.testing.assert_allclose(
            _rounded(r.weights), ex["weights"], atol=1e-12
        )


def test_ahp_saaty1990_houses_deviations_explained():
    """The listed deviations are what the stored copy's notes say."""
    bus = ahp(HOUSES["bus"]["matrix"])
    # Saaty's .055/.713 vs the exact eigenvector; the copy's .005 misprint
    np.testing.assert_allclose(bus.weights, [0.233, 0.055, 0.713], atol=UNIT)
    assert _rounded(bus.weights[1]) == 0.054
    assert HOUSES["bus"]["weights"][1] == 0.005
    # C.I. .124 comes from the rounded lambda 3.247: (3.247 - 3) / 2 =
    # .1235 exactly (in thousandths 123.5), printed half-up as .124
    assert (3247 - 3000) / 2 == 123.5
    assert _rounded(bus.ci) == 0.123
    fin = ahp(HOUSES["financing"]["matrix"])
    np.testing.assert_allclose(fin.weights, [0.072, 0.650, 0.278], atol=UNIT)
    # neighbourhood: a permutation of the size matrix, so .754 and 3.136
    nb = ahp(HOUSES["neighbourhood"]["matrix"])
    size = ahp(HOUSES["size"]["matrix"])
    assert nb.lambda_max == pytest.approx(size.lambda_max, abs=1e-12)
    np.testing.assert_allclose(
        _rounded(nb.weights), [0.754, 0.065, 0.181], atol=1e-12
    )
    yard = ahp(HOUSES["yard"]["matrix"])
    assert _rounded(yard.lambda_max) == 3.086


def test_ahp_saaty1990_house_criteria():
    """Saaty (1990) house criteria (transcribed): weights, lambda, CI, CR."""
    ex = ref.SAATY_1990_HOUSE
    assert ex["status"] == "transcription"
    r = ahp(ex["matrix"], ri=ex["ri"])
    np.testing.assert_array_equal(r.weights.round(3), ex["weights"])
    assert round(r.lambda_max, 3) == ex["lambda_max"]
    assert round(r.ci, 3) == ex["ci"]
    assert round(r.cr, 3) == ex["cr"]
    assert r.ri == 1.41


def test_ahp_jiang_tourist_criteria_ci_cr_exact():
    """Jiang et al., 数学模型 §8.1 选择旅游地: CI 0.018, RI 1.12, CR 0.016."""
    ex = ref.JIANG_TOURIST
    for method in METHODS:
        r = ahp(ex["matrix"], method=method, ri=ex["ri"])
        assert r.ri == ex["ri_value"]
        assert _rounded(r.ci) == ex["ci"]
        assert _rounded(r.cr) == ex["cr"]


def test_ahp_jiang_tourist_weights_are_the_sum_method():
    """Jiang et al. §8.1: printed w and lambda are the 和法 approximation.

    The printed weights lie within 0.0008 of method="arithmetic" (one unit
    of the last digit), the printed lambda 5.073 is the 和法 estimate
    mean((A w)/w) = 5.0729, not the principal eigenvalue 5.0721.
    """
    ex = ref.JIANG_TOURIST
    a = ex["matrix"]
    w = ahp(a, method="arithmetic").weights
    np.testing.assert_allclose(w, ex["weights"], atol=UNIT)
    lam_sum_method = float(np.mean((a @ w) / w))
    assert _rounded(lam_sum_method) == ex["lambda_max"]
    eig = ahp(a, method="eigenvector")
    assert _rounded(eig.lambda_max) == 5.072
    # the eigenvector is further away (0.0013 on 'travel')
    assert np.max(np.abs(eig.weights - np.asarray(ex["weights"]))) > UNIT


def test_ahp_jiang_tourist_misprint_and_composite():
    """Jiang et al. §8.1: the printed 0.090 is 0.099 (composite P1 = .300)."""
    ex = ref.JIANG_TOURIST
    w2 = np.asarray(ex["weights"])
    w2_printed = np.asarray(ex["weights_printed"])
    w3_p1 = np.array([v[0] for v in ex["level3_weights"].values()])
    assert _rounded(w3_p1 @ w2) == ex["composite_p1"]
    assert _rounded(w3_p1 @ w2_printed) != ex["composite_p1"]
    assert w2.sum() == pytest.approx(1.0, abs=3e-3)
    # the whole printed composite (P1, P2, P3) from the printed weights
    w3 = np.array(list(ex["level3_weights"].values()))  # criteria x places
    np.testing.assert_array_equal(_rounded(w2 @ w3), ex["composite"])


@pytest.mark.parametrize("criterion", ["scenery", "cost"])
def test_ahp_jiang_tourist_level3(criterion):
    """Jiang et al. §8.1, B1 and B2: weights, lambda, CI as printed."""
    ex = ref.JIANG_TOURIST["level3"][criterion]
    dev = ex["deviations"]
    r = ahp(ex["matrix"])
    assert _rounded(r.ci) == ex["ci"]
    tol_w = UNIT if "weights" in dev else 1e-12
    np.testing.assert_allclose(_rounded(r.weights), ex["weights"], atol=tol_w)
    tol_l = UNIT if "lambda_max" in dev else 1e-12
    assert _rounded(r.lambda_max) == pytest.approx(ex["lambda_max"], abs=tol_l)


def test_ahp_saaty2008_drinks_table2():
    """Saaty (2008) IJSS Table 2 drinks (transcribed): derived scale, CR."""
    ex = ref.SAATY_2008_DRINKS
    r = ahp(ex["matrix"], ri=ex["ri"])
    np.testing.assert_array_equal(r.weights.round(3), ex["weights"])
    assert round(r.cr, 3) == ex["cr"]


def test_ahp_wikipedia_leader_criteria():
    """Wikipedia leader example: criteria weights (stored copy) and CR."""
    ex = ref.LEADER
    r = ahp(ex["criteria"], ri=ex["ri"])
    # Wikipedia prints .547 for the exact .54757 (AHPy prints 0.548)
    np.testing.assert_allclose(
        r.weights, ex["criteria_weights_wikipedia"], atol=UNIT
    )
    np.testing.assert_array_equal(
        r.weights[1:].round(3), ex["criteria_weights_wikipedia"][1:]
    )
    np.testing.assert_array_equal(r.weights.round(3), ex["criteria_weights"])
    assert round(r.cr, 3) == ex["criteria_cr"]
    e = ahp(ex["alternatives"]["experience"])
    np.testing.assert_array_equal(e.weights.round(3), ex["experience_weights"])


def test_ahp_wikipedia_leader_synthesis():
    """Leader example: the targets .358 .493 .149 of Wikipedia, exactly.

    AHPy rounds every intermediate weight to 3 decimals before it
    synthesises and prints 0.15 for Harry; Wikipedia's .149 is the exact
    synthesis rounded.
    """
    ex = ref.LEADER
    cw = ahp(ex["criteria"]).weights
    local = np.column_stack(
        [ahp(ex["alternatives"][c]).weights for c in ex["criteria_labels"]]
    )
    target = local @ cw
    np.testing.assert_array_equal(target.round(3), ex["target_weights"])
    np.testing.assert_allclose(target, ex["target_weights_ahpy"], atol=1e-3)


SINGLE_MATRIX_EXAMPLES = {
    "van Dyck & Ismael 2015 Table 6": (ref.VAN_DYCK_ISMAEL_2015, 1.24),
    "Hu, Du & Cao eq. (18)": (ref.HU_DU_CAO, 1.32),
}


@pytest.mark.parametrize("name", sorted(SINGLE_MATRIX_EXAMPLES))
def test_ahp_single_matrix_examples_read_in_stored_copies(name):
    """Van Dyck & Ismael (2015); Hu, Du & Cao: weights, lambda, CR exact.

    Only the principal eigenvector gives every printed weight; the
    geometric and arithmetic methods miss the 4th decimal.
    """
    ex, ri_value = SINGLE_MATRIX_EXAMPLES[name]
    r = ahp(ex["matrix"], method=ex["method"], ri=ex["ri"])
    assert r.ri == ri_value
    np.testing.assert_array_equal(
        _rounded(r.weights, ex["weights_decimals"]), ex["weights"]
    )
    assert _rounded(r.lambda_max, ex["lambda_decimals"]) == ex["lambda_max"]
    assert _rounded(r.cr, ex["cr_decimals"]) == ex["cr"]
    for method in ("geometric", "arithmetic"):
        other = ahp(ex["matrix"], method=method).weights
        assert not np.array_equal(_rounded(other, 4), ex["weights"])


def test_ahp_van_dyck_ismael_2015_printed_ci_is_the_gci():
    """The table's "CI 0.06" is the geometric consistency index, not CI.

    GCI (Aguaron & Moreno-Jimenez 2003) = 2 / ((n-1)(n-2)) times the sum
    over i < j of ln^2(a_ij w_j / w_i), row-geometric-mean weights.
    """
    ex = ref.VAN_DYCK_ISMAEL_2015
    a = ex["matrix"]
    n = a.shape[0]
    r = ahp(a)
    assert _rounded(r.ci, 2) == 0.02  # Saaty's CI is not the printed 0.06
    w = ahp(a, method="geometric").weights
    iu = np.triu_indices(n, 1)
    e = np.log(a * w[None, :] / w[:, None])[iu]
    gci = 2.0 / ((n - 1) * (n - 2)) * float(e @ e)
    assert _rounded(gci, 2) == ex["ci_printed"]


def test_ahp_esri_arcgis_consistency_ratio_page_weights():
    """Esri ArcGIS Pro docs (计算一致性比率): weights at 3 dp, 和积法.

    The matrix is used as printed (0.333, 0.2); the page's weights are
    column-normalised row means, which the eigenvector does not give.
    """
    ex = ref.ESRI_ARCGIS_CR
    r = ahp(ex["matrix"], method=ex["method"])
    np.testing.assert_array_equal(_rounded(r.weights), ex["weights"])
    eig = ahp(ex["matrix"], method="eigenvector").weights
    assert np.sum(_rounded(eig) != np.asarray(ex["weights"])) >= 4


DENG = ref.DENG_ZENG["matrices"]


@pytest.mark.parametrize("name", sorted(DENG))
def test_ahp_deng_zeng_tables_1_to_7(name):
    """Deng & Zeng (计算机应用研究), tables 1-7: w, lambda, CI, CR at 4 dp.

    Listed deviations (two CRs and one weight printed truncated or with a
    dropped digit) are checked for what they are in the next test.
    """
    ex = DENG[name]
    dev = ex["deviations"]
    r = ahp(ex["matrix"], method="eigenvector", ri="saaty")
    for field in ("lambda_max", "ci", "cr"):
        if field in ex and field not in dev:
            assert _rounded(getattr(r, field), 4) == ex[field], field
    if "weights" not in dev:
        np.testing.assert_array_equal(_rounded(r.weights, 4), ex["weights"])
    for method in ("geometric", "arithmetic"):
        if r.n == 4:  # (for n = 3 the geometric mean is the eigenvector)
            other = ahp(ex["matrix"], method=method).weights
            assert not np.array_equal(_rounded(other, 4), ex["weights"])


def test_ahp_deng_zeng_deviations_explained():
    """The two CRs and the weight printed differently, as described."""
    c1 = ahp(DENG["C1-S"]["matrix"])
    assert np.floor(c1.cr * 1000) / 1000 == DENG["C1-S"]["cr"]  # truncated
    c3 = ahp(DENG["C3-S"]["matrix"])
    assert _rounded(c3.cr, 4) == 0.0115
    assert _rounded(DENG["C3-S"]["ci"] / 0.90, 4) == 0.0114  # its own CI
    c4 = ahp(DENG["C4-S"]["matrix"])
    assert np.floor(c4.weights[0] * 1e4) / 1e4 == 0.6369
    np.testing.assert_array_equal(
        _rounded(c4.weights[1:], 4), DENG["C4-S"]["weights"][1:]
    )


WCP = ref.WANG_CHIN_POON_2008


@pytest.mark.parametrize("name", sorted(WCP["matrices"]))
def test_ahp_wang_chin_poon_2008_em_rows(name):
    """Wang, Chin & Poon (2008): EM weights, rescaled weights and CR."""
    matrix, weights, rescaled, cr, cr_decimals = WCP["matrices"][name]
    r = ahp(matrix, method="eigenvector", ri="saaty")
    np.testing.assert_array_equal(_rounded(r.weights), weights)
    np.testing.assert_array_equal(
        _rounded(r.weights / r.weights.max()), rescaled
    )
    assert _rounded(r.cr, cr_decimals) == cr


def test_ahp_wang_chin_poon_2008_pins_the_eigenvector():
    """The 6x6 matrix A and the 5x5 criteria rule out the other methods."""
    for name in ("A", "criteria"):
        matrix, weights = WCP["matrices"][name][:2]
        for method in ("geometric", "arithmetic"):
            other = ahp(matrix, method=method).weights
            assert not np.array_equal(_rounded(other), weights), name


def test_ahp_wang_chin_poon_2008_synthesis():
    """Table 8: global EM weights and the rescaled (ideal) synthesis."""
    mats = WCP["matrices"]
    crit = ahp(mats["criteria"][0]).weights
    local = np.column_stack([ahp(mats[c][0]).weights for c in WCP["criteria"]])
    np.testing.assert_array_equal(
        _rounded(local @ crit), WCP["global_weights"]
    )
    ideal = (local / local.max(axis=0)) @ (crit / crit.max())
    np.testing.assert_array_equal(_rounded(ideal), WCP["global_rescaled"])
    np.testing.assert_array_equal(
        _rounded(ideal / ideal.max()), WCP["global_rescaled_normalised"]
    )


@pytest.mark.parametrize("case", sorted(ref.WANG_ELHAG_2006["cases"]))
def test_ahp_wang_elhag_2006_rank_reversal_examples(case):
    """Wang & Elhag (2006): composite weights (4 dp), consistent matrices."""
    matrices, composite = ref.WANG_ELHAG_2006["cases"][case]
    results = [ahp(m) for m in matrices]
    assert all(r.cr == pytest.approx(0.0, abs=1e-12) for r in results)
    local = np.column_stack([r.weights for r in results])
    got = local @ np.full(len(matrices), 1 / 3)
    np.testing.assert_array_equal(_rounded(got, 4), composite)


def test_ahp_wang_elhag_2006_fractions_and_rank_reversal():
    """Belton & Gear: local weights 1/11, 9/11, 1/11; adding D reverses A/B."""
    cases = ref.WANG_ELHAG_2006["cases"]
    a = ahp(cases["belton_gear_ABC"][0][0]).weights
    np.testing.assert_allclose(a, [1 / 11, 9 / 11, 1 / 11], rtol=1e-12)
    abc, abcd = (cases[k][1] for k in ("belton_gear_ABC", "belton_gear_ABCD"))
    assert abc[1] > abc[0]  # B before A ...
    assert abcd[0] > abcd[1]  # ... until D, a copy of B, is added


@pytest.mark.parametrize("cluster_type", sorted(ref.RESEARCH_NOTE))
def test_ahp_research_note_dimension_matrices(cluster_type):
    """indicator-system.md §2: weights, lambda, CI, CR to 4 decimals."""
    ex = ref.RESEARCH_NOTE[cluster_type]
    d = ref.RESEARCH_NOTE_DECIMALS
    r = ahp(ex["matrix"], ri="saaty")
    np.testing.assert_array_equal(r.weights.round(d), ex["weights"])
    assert round(r.lambda_max, d) == ex["lambda_max"]
    assert round(r.ci, d) == ex["ci"]
    assert round(r.cr, d) == ex["cr"]


# ---------------------------------------------------------------------------
# the module re-exports the package's functions under its old name


def test_ahp_module_reexports_every_function():
    """clusterscore.judgments.ahp names the same objects as the package."""
    # The package attribute ``ahp`` is the function, so fetch the module.
    ahp_module = importlib.import_module("clusterscore.judgments.ahp")
    for name in ahp_module.__all__:
        assert getattr(ahp_module, name) is getattr(judgments, name), name
