"""Tests of clusterscore.judgments.ahp: golden examples, properties, errors."""

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
from clusterscore.judgments.ahp import AHPResult, ahp, consistency
from clusterscore.judgments.complete import complete_matrix
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
