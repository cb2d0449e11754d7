"""Tests of clusterscore.uncertainty: Monte Carlo ranks and Sobol indices."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from clusterscore.datasets import synthetic_clusters
from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.judgments.ahp import ahp
from clusterscore.scoring import evaluate
from clusterscore.system import load_system
from clusterscore.uncertainty import (
    batched_ahp,
    batched_ranks,
    kendall_tau_b,
    perturb_judgments,
    sensitivity,
    sobol_indices,
    spearman_rho,
    uncertainty,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
ALL_METHODS = ("weighted_sum", "geometric", "topsis")


# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def system():
    """Return the default indicator system."""
    return load_system()


@pytest.fixture(scope="module")
def table(system):
    """Return a 15-cluster synthetic table valid for the default system."""
    return synthetic_clusters(system, 15, rng=3)


def dominated_table(system, table) -> pd.DataFrame:
    """Return `table` plus a cluster at least as good as all on all."""
    best = {}
    for ind in system.indicators:
        col = table[ind.id]
        if ind.direction == "benefit":
            v = col.max() * 1.2 + 1
            if ind.upper is not None:
                v = min(v, ind.upper)
        else:
            v = col.min() * 0.5
        best[ind.id] = np.round(v) if ind.integer else v
    row = pd.DataFrame([{"cluster": "ZTOP", "type": "basic", **best}])
    return pd.concat([table, row], ignore_index=True)


# --------------------------------------------------------------------------
# kernels
# --------------------------------------------------------------------------


def test_perturb_judgments_moves_along_saaty_scale():
    """Steps move 3 to 4, 5 and 1/2, clip at 9, keep 0-step values."""
    a = np.array([[1.0, 3.0, 9.0], [1 / 3, 1.0, 2.449], [1 / 9, 1 / 2.449, 1]])
    steps = np.array([[1, 1, 0], [2, 0, -1], [-3, -1, 0]])
    out = perturb_judgments(a, steps)
    # hand: scale ... 1/2, 1, 2, 3, 4, 5 ... 9; 2.449 is nearest 2 in log
    assert out[0, 0, 1] == 4.0
    assert out[0, 0, 2] == 9.0  # 9 + 1 step clips at 9
    assert out[0, 1, 2] == 2.449
    assert out[1, 0, 1] == 5.0
    assert out[1, 1, 2] == 1.0  # 2.449 -> 2 -> one step down -> 1
    assert out[2, 0, 1] == 0.5  # 3 -> 2 -> 1 -> 1/2
    assert out[2, 0, 2] == 8.0
    np.testing.assert_allclose(out * np.transpose(out, (0, 2, 1)), 1.0)


def test_batched_ahp_matches_single_matrix_ahp(rng):
    """Stacked eigenvectors and CRs equal ahp() on each matrix."""
    system = load_system()
    base = system.judgments_for("scale", None).matrix
    steps = rng(7).integers(-2, 3, size=(6, base.shape[0] * 5 // 2))
    stack = perturb_judgments(base, steps)
    w, lam = batched_ahp(stack)
    n = base.shape[0]
    for k in range(len(stack)):
        ref = ahp(stack[k])
        np.testing.assert_allclose(w[k], ref.weights, atol=1e-12)
        np.testing.assert_allclose(lam[k], ref.lambda_max, rtol=1e-12)
        cr = (lam[k] - n) / (n - 1) / ref.ri
        np.testing.assert_allclose(cr, ref.cr, rtol=1e-10)


def test_batched_ahp_saaty_consistent_example():
    """A consistent 3x3 matrix (w = 4/7, 2/7, 1/7) has lambda_max = 3."""
    w0 = np.array([4, 2, 1]) / 7
    a = w0[:, None] / w0[None, :]
    w, lam = batched_ahp(a[None])
    np.testing.assert_allclose(w[0], w0, atol=1e-12)
    np.testing.assert_allclose(lam, [3.0], atol=1e-12)


def test_batched_ranks_hand_example():
    """Scores 50, 70, 50, 10 give competition ranks 2, 1, 2, 4."""
    r, avg = batched_ranks(np.array([[50.0, 70.0, 50.0, 10.0], [1, 2, 3, 4]]))
    assert r.tolist() == [[2, 1, 2, 4], [4, 3, 2, 1]]
    assert avg.tolist() == [[2.5, 1.0, 2.5, 4.0], [4.0, 3.0, 2.0, 1.0]]


@settings(max_examples=200)
@given(
    st.integers(1, 25).flatmap(
        lambda m: st.tuples(
            st.lists(st.integers(1, 5), min_size=m, max_size=m),
            st.lists(
                st.lists(st.integers(0, 4), min_size=m, max_size=m),
                min_size=1,
                max_size=4,
            ),
        )
    )
)
def test_rank_agreement_matches_scipy(data):
    """Kendall tau-b and Spearman rho equal scipy's, ties included."""
    ref_scores, sample_scores = data
    S = np.array(sample_scores, dtype=float)
    ref_rank, ref_avg = batched_ranks(np.array([ref_scores], dtype=float))
    rank, avg = batched_ranks(S)
    tau = kendall_tau_b(ref_rank[0], rank)
    rho = spearman_rho(ref_avg[0], avg)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns on constant input
        tau_ref = [stats.kendalltau(ref_scores, s).statistic for s in S]
        rho_ref = [stats.spearmanr(ref_scores, s).statistic for s in S]
    np.testing.assert_allclose(tau, tau_ref, atol=1e-12, equal_nan=True)
    np.testing.assert_allclose(rho, rho_ref, atol=1e-12, equal_nan=True)


def test_kendall_large_permutations_match_scipy(rng):
    """The merge-sort inversion count is right for m = 300 (scipy)."""
    g = rng(5)
    ref = np.arange(1, 301)
    Y = np.argsort(g.random((5, 300)), axis=1) + 1
    tau = kendall_tau_b(ref, Y)
    np.testing.assert_allclose(
        tau, [stats.kendalltau(ref, y).statistic for y in Y], atol=1e-12
    )


# --------------------------------------------------------------------------
# the Sobol estimator on models with known answers
# --------------------------------------------------------------------------


def _design(g, n, d, low=0.0, high=1.0):
    """Return A, B and the stack of A_B^(i) for d independent uniforms."""
    a = g.uniform(low, high, (n, d))
    b = g.uniform(low, high, (n, d))
    ab = np.repeat(a[None], d, axis=0)
    for i in range(d):
        ab[i, :, i] = b[:, i]
    return a, b, ab


def test_sobol_linear_model_recovers_analytic_indices(rng):
    """Linear y = x1 + 2 x2 + 3 x3 (U(0,1)): S_i = ST_i = a_i^2 / 14."""
    a_coef = np.array([1.0, 2.0, 3.0])
    a, b, ab = _design(rng(11), 4000, 3)
    res = sobol_indices(a @ a_coef, b @ a_coef, ab @ a_coef, rng=1)
    exact = a_coef**2 / (a_coef**2).sum()  # 1/14, 4/14, 9/14
    assert np.all(res["S_low"] <= exact)
    assert np.all(exact <= res["S_high"])
    assert np.all(res["ST_low"] <= exact)
    assert np.all(exact <= res["ST_high"])


def test_sobol_ishigami_recovers_published_indices(rng):
    """Ishigami (a=7, b=0.1): S = .3139 .4424 0, ST = .5576 .4424 .2437.

    Values from Saltelli et al. (2008), Global Sensitivity Analysis. The
    Primer, Wiley, section 4.8 (Ishigami and Homma 1990 function).
    """

    def f(x):
        return (
            np.sin(x[..., 0])
            + 7 * np.sin(x[..., 1]) ** 2
            + 0.1 * x[..., 2] ** 4 * np.sin(x[..., 0])
        )

    a, b, ab = _design(rng(2), 20000, 3, -np.pi, np.pi)
    res = sobol_indices(f(a), f(b), f(ab), n_boot=500, rng=3)
    s = np.array([0.3139, 0.4424, 0.0])
    stt = np.array([0.5576, 0.4424, 0.2437])
    assert np.all((res["S_low"] <= s) & (s <= res["S_high"]))
    assert np.all((res["ST_low"] <= stt) & (stt <= res["ST_high"]))


def test_sobol_indices_without_bootstrap_have_nan_intervals():
    """n_boot=0 gives point estimates and NaN interval columns."""
    g = np.random.default_rng(0)
    a, b, ab = _design(g, 100, 2)
    res = sobol_indices(a.sum(1), b.sum(1), ab.sum(2), n_boot=0)
    assert res[["S_low", "ST_high"]].isna().all().all()
    assert res["S"].notna().all()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"f_ab": np.zeros((2, 5))}, r"'f_ab' shape \(d, N\)"),
        (
            {"f_a": np.zeros(1), "f_b": np.zeros(1), "f_ab": np.zeros((1, 1))},
            r"N >= 2",
        ),
        ({"n_boot": -1}, r"'n_boot' must be an integer >= 0"),
        ({"conf": 1.0}, r"'conf' must be a number in \(0, 1\)"),
    ],
)
def test_sobol_indices_errors(kwargs, match):
    """Bad shapes, N < 2, n_boot < 0 and conf outside (0, 1) raise."""
    args = {"f_a": np.zeros(4), "f_b": np.ones(4), "f_ab": np.zeros((2, 4))}
    args.update(kwargs)
    with pytest.raises(ParameterError, match=match):
        sobol_indices(**args)


# --------------------------------------------------------------------------
# uncertainty on the pipeline
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("methods", "normalizations", "combine"),
    [
        (None, None, "linear"),
        (("geometric",), ("percentile",), "linear"),
        (("topsis",), ("minmax",), "multiplicative"),
        (("weighted_sum",), ("target",), "multiplicative"),
        (None, None, "game_theory"),
        (("topsis",), None, "game_theory"),
    ],
)
def test_nominal_rank_is_evaluate_ranking(
    system, table, methods, normalizations, combine
):
    """summary.nominal_rank equals evaluate() with the nominal options."""
    res = uncertainty(
        table,
        system,
        20,
        0,
        methods=methods,
        normalizations=normalizations,
        combine=combine,
    )
    ev = evaluate(
        table,
        system,
        method=(methods or ("weighted_sum",))[0],
        normalization=(normalizations or (None,))[0],
        combine=combine,
        alpha=0.5,
    )
    pd.testing.assert_series_equal(
        res.summary["nominal_rank"],
        ev.ranking["rank"].loc[res.summary.index],
        check_names=False,
    )


@pytest.mark.parametrize("method", ALL_METHODS)
def test_zero_perturbation_collapses_every_interval(system, table, method):
    """Zero steps, one alpha, one method: every sample is the nominal one."""
    res = uncertainty(
        table,
        system,
        64,
        1,
        judgment_steps=0,
        alpha_range=(0.4, 0.4),
        methods=(method,),
        chunk_size=25,
    )
    s = res.summary
    assert res.inputs == ()
    for col in ("median_rank", "rank_low", "rank_high", "mean_rank"):
        assert (s[col] == s["nominal_rank"]).all(), col
    assert (s["mean_abs_shift"] == 0).all()
    assert (res.agreement.loc[["spearman", "kendall"], "min"] == 1.0).all()
    assert (s["p_top_k"] == (s["nominal_rank"] <= 3)).all()


def test_zero_perturbation_game_theory_is_nominal(system, table):
    """combine="game_theory": unperturbed samples all give evaluate()."""
    res = uncertainty(
        table, system, 32, 1, judgment_steps=0, combine="game_theory"
    )
    s = res.summary
    assert res.inputs == ()
    for col in ("median_rank", "rank_low", "rank_high"):
        assert (s[col] == s["nominal_rank"]).all(), col


def test_dominating_cluster_keeps_rank_one(system, table):
    """A cluster best on every indicator is ranked [1, 1] whatever moves."""
    df = dominated_table(system, table)
    res = uncertainty(
        df,
        system,
        300,
        4,
        judgment_steps=3,
        alpha_range=(0.0, 1.0),
        methods=ALL_METHODS,
        normalizations=("minmax", "percentile", "vector", "target"),
    )
    top = res.summary.loc["ZTOP"]
    assert top["nominal_rank"] == 1
    assert top["rank_low"] == top["rank_high"] == 1
    assert top["p_top_k"] == 1.0
    assert set(res.inputs) == {
        "dimension_judgments",
        "indicator_judgments",
        "alpha",
        "method",
        "normalization",
    }


def test_same_seed_same_result(system, table):
    """Equal seeds (int or Generator) give identical results."""
    kw = {"methods": ALL_METHODS, "judgment_steps": 2}
    r1 = uncertainty(table, system, 150, 123, **kw)
    r2 = uncertainty(table, system, 150, np.random.default_rng(123), **kw)
    r3 = uncertainty(table, system, 150, 124, **kw)
    pd.testing.assert_frame_equal(r1.summary, r2.summary)
    pd.testing.assert_frame_equal(r1.samples, r2.samples)
    assert not r1.samples.equals(r3.samples)
    s1 = sensitivity(table, system, 40, 9, n_boot=50, **kw)
    s2 = sensitivity(table, system, 40, 9, n_boot=50, **kw)
    pd.testing.assert_frame_equal(s1.indices, s2.indices)


def test_summary_is_read_off_the_sampled_ranks(system, table):
    """Quantiles, P(top-k) and shifts agree with the kept rank array."""
    res = uncertainty(
        table, system, 200, 5, methods=ALL_METHODS, keep_ranks=True, top_k=2
    )
    ranks = pd.DataFrame(res.ranks, columns=sorted(table["cluster"]))
    s = res.summary
    for c in s.index:
        col = ranks[c].to_numpy()
        assert s.loc[c, "median_rank"] == np.quantile(
            col, 0.5, method="inverted_cdf"
        )
        assert s.loc[c, "rank_low"] == np.quantile(
            col, 0.05, method="inverted_cdf"
        )
        assert s.loc[c, "rank_high"] == np.quantile(
            col, 0.95, method="inverted_cdf"
        )
        assert s.loc[c, "p_top_k"] == np.mean(col <= 2)
        nom = s.loc[c, "nominal_rank"]
        assert np.isclose(s.loc[c, "mean_abs_shift"], np.abs(col - nom).mean())
    assert (res.rank_counts.sum(axis=1) == 200).all()


def test_cr_rule_resample_keeps_draws_consistent(system, table):
    """With resample every used matrix has CR <= max_cr (or is nominal)."""
    res = uncertainty(table, system, 300, 2, judgment_steps=3)
    assert res.n_used == 300
    assert (res.samples["max_cr"] <= 0.10 + 1e-12).all()
    # large steps make many first draws fail: the rate is reported
    assert (res.consistency["share_above"] > 0).any()
    assert res.consistency["draws"].min() >= 300


def test_cr_rule_reject_drops_inconsistent_samples(system, table):
    """With reject, samples with CR > max_cr are dropped and counted."""
    res = uncertainty(
        table, system, 300, 2, judgment_steps=1, cr_rule="reject"
    )
    bad = res.samples["max_cr"] > 0.10 + 1e-12
    assert bad.any()
    assert (res.samples["accepted"] == ~bad).all()
    assert res.n_used == int((~bad).sum())
    assert res.rejection_rate == pytest.approx(bad.mean())
    assert (res.rank_counts.sum(axis=1) == res.n_used).all()


def test_cr_rule_keep_uses_every_sample(system, table):
    """With keep, inconsistent samples stay in the statistics."""
    res = uncertainty(table, system, 300, 2, judgment_steps=3, cr_rule="keep")
    assert res.n_used == 300
    assert (res.samples["max_cr"] > 0.10).any()
    assert res.samples["accepted"].all()


def test_cr_rule_reject_everything_raises(system, table):
    """If every sample is rejected, a DataError says what to change."""
    with pytest.raises(DataError, match=r"every one of the 20 samples"):
        uncertainty(
            table,
            system,
            20,
            0,
            judgment_steps=8,
            max_cr=1e-9,
            cr_rule="reject",
        )


def test_alpha_only_matters_for_linear_combination(system, table):
    """The alpha is not an uncertain input for multiplicative weights."""
    for combine in ("multiplicative", "game_theory"):
        res = uncertainty(table, system, 10, 0, combine=combine)
        assert "alpha" not in res.inputs
        assert res.samples["alpha"].isna().all()
    res = uncertainty(table, system, 10, 0, weighting="entropy")
    assert res.inputs == ()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n": 0}, r"uncertainty\(\): 'n' must be an integer >= 1; got 0"),
        ({"n": 2.5}, r"'n' must be an integer"),
        ({"n": True}, r"'n' must be an integer"),
        ({"alpha_range": (0.7, 0.3)}, r"'alpha_range' must be a pair"),
        ({"alpha_range": (-0.1, 0.5)}, r"'alpha_range' must be a pair"),
        ({"alpha_range": 0.5}, r"'alpha_range' must be a pair"),
        ({"alpha": 0.9}, r"'alpha' must lie in 'alpha_range'"),
        ({"judgment_steps": -1}, r"'judgment_steps' must be an integer"),
        ({"judgment_steps": 17}, r"'judgment_steps' must be at most 16"),
        ({"methods": ("wsum",)}, r"'methods' must be one of"),
        ({"methods": ()}, r"'methods' must be a non-empty sequence"),
        ({"normalizations": ("zscore",)}, r"'normalizations' must be one"),
        ({"combine": "product"}, r"'combine' must be one of"),
        ({"cr_rule": "drop"}, r"'cr_rule' must be one of"),
        ({"max_cr": 0}, r"'max_cr' must be a positive number"),
        ({"top_k": 0}, r"'top_k' must be an integer >= 1"),
        ({"interval": (0.9, 0.1)}, r"'interval' must be a pair"),
        ({"chunk_size": 0}, r"'chunk_size' must be an integer >= 1"),
    ],
)
def test_uncertainty_errors(system, table, kwargs, match):
    """Each bad argument raises ParameterError naming it."""
    args = {"n": 5, **kwargs}
    n = args.pop("n")
    with pytest.raises(ParameterError, match=match):
        uncertainty(table, system, n, 0, **args)


def test_uncertainty_needs_two_clusters(system, table):
    """A one-cluster table cannot be ranked: DataError."""
    with pytest.raises(DataError, match=r"at least 2 clusters"):
        uncertainty(table.iloc[:1], system, 5, 0)


# --------------------------------------------------------------------------
# sensitivity on the pipeline
# --------------------------------------------------------------------------


def test_sensitivity_single_group_explains_everything(system, table):
    """With one varying group, S = ST = 1 (within the intervals)."""
    res = sensitivity(
        table,
        system,
        400,
        6,
        groups=("alpha",),
        alpha_range=(0.0, 1.0),
        n_boot=300,
    )
    row = res.indices.loc["alpha"]
    assert row["S_low"] <= 1.0 <= row["S_high"]
    assert row["ST_low"] <= 1.0 <= row["ST_high"]
    assert res.n_runs == 400 * 3


def test_sensitivity_design_shape_and_groups(system, table):
    """N (d + 2) runs; indices indexed by group; default = varying ones."""
    res = sensitivity(table, system, 50, 1, methods=ALL_METHODS, n_boot=20)
    assert tuple(res.indices.index) == (
        "dimension_judgments",
        "indicator_judgments",
        "alpha",
        "method",
    )
    assert res.n_runs == 50 * 6
    assert res.f_ab.shape == (4, 50)
    assert res.variance > 0
    assert (res.indices["ST"] >= 0).all()


def test_sensitivity_constant_target_warns(system, table):
    """A ranking that never moves gives NaN indices and a DataWarning."""
    df = dominated_table(system, table.iloc[:1])
    with pytest.warns(DataWarning, match=r"variance is 0"):
        res = sensitivity(df, system, 20, 0, groups=("alpha",), n_boot=10)
    assert res.indices.isna().all().all()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"groups": ("weights",)}, r"'groups' must be one of"),
        ({"groups": ("method",)}, r"'method' do not vary"),
        ({"groups": ()}, r"'groups' must be a non-empty"),
        ({"n": 1}, r"'n' must be an integer >= 2"),
        ({"n_boot": -5}, r"'n_boot' must be an integer >= 0"),
        ({"cr_rule": "reject"}, r"'cr_rule' must be one of"),
        ({"conf": 0}, r"'conf' must be a number in \(0, 1\)"),
    ],
)
def test_sensitivity_errors(system, table, kwargs, match):
    """Unknown or idle groups and bad counts raise ParameterError."""
    args = {"n": 10, **kwargs}
    n = args.pop("n")
    with pytest.raises(ParameterError, match=match):
        sensitivity(table, system, n, 0, **args)


def test_sensitivity_with_nothing_varying_raises(system, table):
    """No uncertain input at all: ParameterError says what to change."""
    with pytest.raises(ParameterError, match=r"no input varies"):
        sensitivity(
            table, system, 10, 0, judgment_steps=0, alpha_range=(0.5, 0.5)
        )
