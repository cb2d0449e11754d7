"""Tests of clusterscore.uncertainty.run: the drivers on the pipeline."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import (
    ClusterScoreWarning,
    ConfigError,
    DataError,
    DataWarning,
    FallbackWarning,
    ParameterError,
)
from clusterscore.io import read_clusters
from clusterscore.scoring import evaluate
from clusterscore.uncertainty import sensitivity, sobol_indices, uncertainty

ALL_METHODS = ("weighted_sum", "geometric", "topsis")
PANEL = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "national_clusters_panel.csv"
)


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
# uncertainty on the pipeline
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "expected_rank", "expected_score"),
    [
        ("weighted_sum", [1, 2, 3], [71.875, 68.75, 53.75]),
        ("geometric", [2, 1, 3], [59.4604, 64.8420, 47.4275]),
    ],
)
def test_nominal_ranking_is_the_hand_computed_one(
    tiny_system, tiny_table, method, expected_rank, expected_score
):
    """The nominal ranking of the tiny table, computed by hand.

    AHP weights w = (0.375, 0.375, 0.25) (see `tiny_system`);
    target-relative values a = (1, .25, 1), b = (.5, 1, .5),
    c = (.8, .5, .2) (see `tiny_table`).

    Weighted sum, 100 sum_j w_j y_j:
    a = 37.5 + 9.375 + 25 = 71.875; b = 18.75 + 37.5 + 12.5 = 68.75;
    c = 30 + 18.75 + 5 = 53.75; so a 1, b 2, c 3.

    Geometric mean, 100 prod_j y_j ** w_j (no value below the 0.01
    floor): a = .25 ** .375 = 0.594604; b = .5 ** .625 = 0.648420;
    c = .8 ** .375 * .5 ** .375 * .2 ** .25
    = exp(-.083679 - .259930 - .402359) = 0.474275; so b 1, a 2, c 3.

    With nothing perturbed every sample gives the nominal ranking, so the
    batched sample path is held to the same hand ranking.
    """
    res = uncertainty(
        tiny_table,
        tiny_system,
        16,
        0,
        judgment_steps=0,
        weighting="ahp",
        methods=(method,),
        normalizations=("target",),
    )
    s = res.summary.loc[["a", "b", "c"]]
    assert s["nominal_rank"].tolist() == expected_rank
    for col in ("median_rank", "rank_low", "rank_high"):
        assert s[col].tolist() == expected_rank, col
    np.testing.assert_allclose(
        res.nominal.ranking.loc[["a", "b", "c"], "score"],
        expected_score,
        atol=1e-4,
    )
    assert res.options["nominal_normalization"] == "target"


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
            max_cr=0.02,  # above every nominal CR (largest 0.016)
            cr_rule="reject",
        )


def test_nominal_matrices_obey_max_cr_as_in_evaluate(system, table):
    """Issue 11 leftover: the nominal run honours max_cr as evaluate does.

    The default system's nominal CRs are 0.003-0.016 (docs/uncertainty.md,
    the consistency table), so max_cr=0.005 refuses some nominal matrix:
    uncertainty and sensitivity raise the very ConfigError that
    evaluate(max_cr=0.005) raises; max_cr=None accepts every matrix,
    nominal and perturbed (nothing is redrawn, so large steps pass CR 0.10).
    """
    with pytest.raises(ConfigError) as ref:
        evaluate(table, system, combine="linear", max_cr=0.005)
    for f in (uncertainty, sensitivity):
        with pytest.raises(ConfigError) as info:
            f(table, system, 10, 1, max_cr=0.005)
        assert str(info.value) == str(ref.value)
        assert "max_cr" in str(info.value)
    res = uncertainty(table, system, 60, 1, judgment_steps=3, max_cr=None)
    assert res.n_used == 60
    assert (res.samples["max_cr"] > 0.10).any()
    assert (res.consistency["above_max_cr"] == 0).all()
    assert res.options["max_cr"] is None


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
        ({"max_cr": "abc"}, r"'max_cr' must be a positive number or None"),
        ({"progress": 5}, r"'progress' must be None or a callable .*got 5\."),
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


@pytest.mark.parametrize("rng", [-1, 1.5, "abc", True, [1, 2]])
def test_bad_rng_is_a_parameter_error(system, table, rng):
    """Issue 16 item 8: a bad seed names 'rng' and what is valid.

    It ended in a numpy traceback (TypeError / ValueError from
    default_rng); now uncertainty, sensitivity and sobol_indices refuse it.
    """
    valid = r"'rng' must be a seed \(an integer >= 0\), a "
    valid += r"numpy.random.Generator or None; got "
    for call in (
        lambda: uncertainty(table, system, 5, rng),
        lambda: sensitivity(table, system, 5, rng, n_boot=2),
        lambda: sobol_indices([1.0, 2.0], [2.0, 1.0], [[1.0, 1.0]], rng=rng),
    ):
        with pytest.raises(ParameterError, match=valid) as info:
            call()
        assert info.value.parameter == "rng"


def test_good_rngs_are_accepted(system, table):
    """A numpy integer seed equals the int seed; a Generator is used."""
    a = uncertainty(table, system, 20, np.int64(7))
    b = uncertainty(table, system, 20, 7)
    c = uncertainty(table, system, 20, np.random.default_rng(7))
    pd.testing.assert_frame_equal(a.samples, b.samples)
    pd.testing.assert_frame_equal(a.samples, c.samples)


def test_no_numpy_warning_escapes_on_identical_rows(system, table):
    """Issue 16 item 13: five identical rows, weighting="ahp".

    Every sampled ranking ties all clusters, so Spearman and Kendall are
    NaN in every sample; their summaries were NaN-means of empty slices
    (a RuntimeWarning, an exception under -W error). Now NaN, silently.
    """
    same = table.iloc[[0] * 5].assign(cluster=[f"c{i}" for i in range(5)])
    three = ("weighted_sum", "geometric", "topsis")
    with warnings.catch_warnings(record=True) as caught:
        # any other warning (numpy's RuntimeWarning) becomes an error; the
        # library's own warnings (entropy undefined on identical rows, the
        # variance-0 DataWarning) are recorded
        warnings.simplefilter("error")
        warnings.filterwarnings("always", category=ClusterScoreWarning)
        res = uncertainty(same, system, 30, 1, weighting="ahp", methods=three)
        sensitivity(same, system, 10, 1, weighting="ahp", n_boot=5)
    assert {type(w.message) for w in caught} <= {FallbackWarning, DataWarning}
    assert any(isinstance(w.message, FallbackWarning) for w in caught)
    assert res.agreement.loc[["spearman", "kendall"]].isna().all().all()
    assert (res.summary["median_rank"] == 1).all()


CONSTANT_VARIANTS = [
    ({}, ("output_value",)),
    ({}, ("output_value", "relative_energy_intensity", "chain_link_coverage")),
    ({"objective": "critic"}, ("output_value", "chain_link_coverage")),
    ({"objective": "std"}, ("output_value",)),
    ({"weighting": "entropy", "methods": ["weighted_sum", "topsis"]}, ()),
    ({"methods": ["weighted_sum", "topsis", "gra", "vikor"]}, ()),
    ({"normalizations": ["minmax", "percentile", "vector"]}, ()),
    ({"combine": "multiplicative", "chunk_size": 3}, ()),
    ({"missing": "median"}, ()),
]


@pytest.mark.parametrize(("options", "constant"), CONSTANT_VARIANTS)
def test_constant_indicator_warns_once_naming_it(
    system, table, options, constant
):
    """Issue 16 item 17: each constant-indicator warning once, by name.

    The nominal evaluation and the model's entropy weights both warned,
    the second time for a bare column number; the report could not be
    reproduced since, and this pins it across the options that reach the
    objective weights (several constant columns, each objective, method
    and normalisation draws, chunks, imputation).
    """
    constant = constant or ("output_value", "chain_link_coverage")
    df = table.assign(**{c: table[c].iloc[0] for c in constant})
    objective = options.get("objective", "entropy")
    named = ", ".join(repr(c) for c in constant)
    expected = (
        f"{objective}_weights(): constant column(s) {named} carry no "
        "information and get weight 0."
    )
    for f in (uncertainty, sensitivity):
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            f(df, system, 16, 1, **options)
        assert [str(w.message) for w in rec] == [expected]


def test_constant_indicator_of_a_panel_warns_once(system):
    """The same on a panel (a year column): once, by name."""
    df = read_clusters(PANEL, system).assign(output_value=1.5)
    for f in (uncertainty, sensitivity):
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            f(df, system, 16, 1)
        assert [str(w.message) for w in rec] == [
            "entropy_weights(): constant column(s) 'output_value' carry no "
            "information and get weight 0."
        ]


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


# --------------------------------------------------------------------------
# panels: rank intervals per year
# --------------------------------------------------------------------------
def _panel(table):
    """Return the 15 clusters in 2021 and 14 of them in 2022.

    The 2022 output values are 10 % up; the panel is unbalanced.
    """
    a = table.assign(year=2021)
    b = table.iloc[1:].assign(year=2022)
    b["output_value"] = b["output_value"] * 1.1
    return pd.concat([a, b], ignore_index=True)


def test_panel_ranks_within_each_year(system, table):
    """On a panel the summary is per (year, cluster), ranks per year.

    2021 has 15 clusters and 2022 14, so no rank in 2022 exceeds 14; the
    nominal ranks are evaluate()'s (global method), ranked within year.
    """
    df = _panel(table)
    res = uncertainty(df, system, 40, 2, judgment_steps=1)
    s = res.summary
    assert list(s.index.names) == ["year", "cluster"]
    assert len(s) == 29
    assert res.options["panel"] == "global"
    assert s.loc[2022, "rank_high"].max() <= 14
    assert sorted(s.loc[2021, "nominal_rank"]) == list(range(1, 16))
    ev = evaluate(df, system, combine="linear", alpha=0.5)
    pd.testing.assert_series_equal(
        s["nominal_rank"],
        ev.ranking["rank"].loc[s.index],
        check_names=False,
    )
    assert list(res.rank_counts.index) == list(s.index)


def test_panel_zero_perturbation_collapses_to_nominal(system, table):
    """Unperturbed samples of a panel give the nominal per-year ranks."""
    res = uncertainty(
        _panel(table), system, 16, 1, judgment_steps=0, alpha_range=(0.5, 0.5)
    )
    s = res.summary
    for col in ("median_rank", "rank_low", "rank_high"):
        assert (s[col] == s["nominal_rank"]).all(), col
    assert (s["mean_abs_shift"] == 0).all()


def test_objective_reaches_the_nominal_run_and_the_samples(system, table):
    """Issue 11 item 11: objective= is the nominal run's and is recorded.

    With judgment_steps=0 and alpha_range (.5, .5) nothing varies, so every
    sample ranks as evaluate(objective="critic") does, which differs
    from the entropy ranking on this table.
    """
    kw = {"judgment_steps": 0, "alpha_range": (0.5, 0.5)}
    res = uncertainty(table, system, 5, 0, objective="critic", **kw)
    assert res.options["objective"] == "critic"
    ev = evaluate(
        table, system, objective="critic", combine="linear", alpha=0.5
    )
    nominal = res.summary["nominal_rank"]
    assert nominal.to_dict() == ev.ranking["rank"].to_dict()
    assert (res.summary["median_rank"] == nominal).all()
    entropy = evaluate(table, system, combine="linear", alpha=0.5)
    assert entropy.ranking["rank"].to_dict() != nominal.to_dict()
    with pytest.raises(ParameterError, match="objective"):
        uncertainty(table, system, 5, 0, objective="gini", **kw)
    sens = sensitivity(table, system, 4, 0, n_boot=10, objective="std")
    assert sens.options["objective"] == "std"


def test_rho_and_v_pass_through_to_the_sampled_methods():
    """The drivers score GRA / VIKOR samples with the rho / v given.

    So does the nominal run; an option of a method not drawn is refused
    by name.
    """
    from clusterscore.datasets import synthetic_clusters

    df = synthetic_clusters(n=10, rng=5)
    a = uncertainty(df, n=40, rng=1, methods=("vikor",), keep_ranks=True)
    b = uncertainty(
        df, n=40, rng=1, methods=("vikor",), v=1.0, keep_ranks=True
    )
    assert b.nominal.options["v"] == 1.0
    nominal = evaluate(df, method="vikor", v=1.0, combine="linear")
    nominal = nominal.ranking["score"]
    pd.testing.assert_series_equal(b.nominal.ranking["score"], nominal)
    assert not np.array_equal(a.ranks, b.ranks)
    g = uncertainty(df, n=5, rng=1, methods=("gra", "topsis"), rho=0.2)
    assert g.nominal.options["rho"] == 0.2
    with pytest.raises(ParameterError, match="'rho' only applies to"):
        uncertainty(df, n=5, rng=1, methods=("topsis",), rho=0.2)
    with pytest.raises(ParameterError, match=r"'v'.*\[0, 1\]"):
        sensitivity(df, n=5, rng=1, methods=("vikor",), v=2.0)


def test_a_run_too_big_for_memory_is_refused(system, table, monkeypatch):
    """Issue 16 item 15: a request that cannot fit is refused.

    A DataError with the estimate, before any sampling (200,000 clusters
    asked for 298 GiB and crashed).

    15 clusters, 10**6 samples: the ranks alone take 15 * 8 * 15 bytes as a
    histogram, so with 1 MiB "available" the working arrays of a chunk
    (128 bytes x chunk x clusters) decide: the estimate exceeds 1 MiB.
    """
    from clusterscore.uncertainty import run

    monkeypatch.setattr(run, "_available_memory", lambda: 2**20)
    with pytest.raises(DataError) as info:
        uncertainty(table, system, 10**6, 1)
    msg = str(info.value)
    assert msg.startswith("uncertainty(): 1,000,000 samples of 15 clusters")
    assert "GiB" in msg
    assert "fewer samples 'n'" in msg
    monkeypatch.setattr(run, "_available_memory", lambda: None)
    assert uncertainty(table, system, 5, 1).n == 5  # unknown: no check


def test_summary_is_the_same_from_histogram_and_from_ranks(system, table):
    """The two forms of the rank tally give identical summaries.

    n = 40 > 2 m = 30 keeps the histogram; keep_ranks=True keeps the
    (n, m) ranks; the samples are the same (same seed), so must the
    quantiles, means and P(top-k) be.
    """
    kw = {"methods": ("weighted_sum", "geometric", "topsis"), "top_k": 2}
    a = uncertainty(table, system, 40, 11, **kw)
    b = uncertainty(table, system, 40, 11, keep_ranks=True, **kw)
    assert a.tally.dense
    assert not b.tally.dense
    pd.testing.assert_frame_equal(a.summary, b.summary)
    pd.testing.assert_frame_equal(a.rank_counts, b.rank_counts)


def test_rank_counts_of_too_many_clusters_is_refused(
    system, table, monkeypatch
):
    """The m x m table is built on request only, and refused when huge.

    15 clusters make 225 cells; with the limit at 100 it is refused.
    """
    from clusterscore.uncertainty import results

    res = uncertainty(table, system, 5, 1)
    monkeypatch.setattr(results, "MAX_RANK_COUNT_CELLS", 100)
    with pytest.raises(DataError, match=r"rank_counts: the cluster x rank"):
        _ = res.rank_counts
    assert len(res.summary) == 15  # the summary never needed it
