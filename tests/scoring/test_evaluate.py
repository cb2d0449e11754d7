"""Tests of evaluate() / rank_clusters(): the whole scoring pipeline."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clusterscore.errors import (
    ConfigError,
    DataError,
    FallbackWarning,
    ParameterError,
)
from clusterscore.io import read_clusters
from clusterscore.scoring import (
    RunOptions,
    evaluate,
    rank_clusters,
)
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    Target,
    load_system,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_CSV = EXAMPLE / "national_clusters.csv"


def _matrix(rows):
    a = np.array(rows, dtype=float)
    a.setflags(write=False)
    return a


def tiny_system() -> IndicatorSystem:
    """Two dimensions; x1 (benefit), x2 (cost) in d1; x3 (benefit) in d2.

    AHP: d1 is 3 times as important as d2 -> (0.75, 0.25); x1 ~ x2 -> 0.5
    each; so global weights are x1 0.375, x2 0.375, x3 0.25.
    """
    inds = (
        Indicator("x1", "X one", "一", "count", "benefit", "d1", lower=0),
        Indicator("x2", "X two", "二", "ratio", "cost", "d1", lower=0),
        Indicator(
            "x3", "X three", "三", "%", "benefit", "d2", lower=0, upper=100
        ),
    )
    dims = (
        Dimension("d1", "Dim one", "维一", ("x1", "x2")),
        Dimension("d2", "Dim two", "维二", ("x3",)),
    )
    types = (
        ClusterType("basic", "Basic", "基础"),
        ClusterType("strategic", "Strategic", "战略"),
    )
    judg = (
        Judgments(
            "dimensions",
            "default",
            ("d1", "d2"),
            _matrix([[1, 3], [1 / 3, 1]]),
        ),
        Judgments(
            "dimensions", "strategic", ("d1", "d2"), _matrix([[1, 1], [1, 1]])
        ),
        Judgments("d1", "default", ("x1", "x2"), _matrix([[1, 1], [1, 1]])),
        Judgments("d2", "default", ("x3",), _matrix([[1]])),
    )
    targets = tuple(
        Target(i, t, v)
        for t in ("basic", "strategic")
        for i, v in (("x1", 10.0), ("x2", 2.0), ("x3", 50.0))
    )
    return IndicatorSystem(
        id="tiny",
        name="Tiny",
        name_zh="小",
        format_version=1,
        dimensions=dims,
        indicators=inds,
        types=types,
        judgments=judg,
        targets=targets,
    )


def tiny_table() -> pd.DataFrame:
    """Three clusters whose scores are computed by hand in the tests."""
    return pd.DataFrame(
        {
            "cluster": ["c1", "c2", "c3"],
            "type": ["basic", "basic", "strategic"],
            "x1": [0.0, 5.0, 10.0],
            "x2": [10.0, 0.0, 5.0],
            "x3": [1.0, 2.0, 3.0],
        }
    )


class TestHandComputed:
    def test_weighted_sum_ahp_minmax(self):
        """Min-max + AHP weights + weighted sum match the hand arithmetic.

        Normalised: x1 = (0, .5, 1); x2 (cost) = (0, 1, .5); x3 = (0, .5,
        1). c2 = .375*.5 + .375*1 + .25*.5 = .6875; c3 = .375 + .1875 +
        .25 = .8125; c1 = 0.
        """
        r = rank_clusters(tiny_table(), tiny_system(), weighting="ahp")
        assert list(r.index) == ["c3", "c2", "c1"]
        np.testing.assert_allclose(r["score"], [81.25, 68.75, 0.0])
        assert r["rank"].tolist() == [1, 2, 3]
        # sub-scores: d1 of c3 = (.375*1 + .375*.5)/.75 = 75; d2 = 100
        np.testing.assert_allclose(r.loc["c3", ["d1", "d2"]], [75.0, 100.0])
        np.testing.assert_allclose(r.loc["c2", ["d1", "d2"]], [75.0, 50.0])

    def test_score_is_dimension_weighted_sum_of_subscores(self):
        """For the weighted sum, score = sum_d W_d * sub-score_d.

        Default (combined, multiplicative): the min-max columns x1 (0, .5,
        1), x2 (0, 1, .5), x3 (0, .5, 1) have the same shares up to order,
        so equal entropies and entropy weights 1/3 each; a_j (1/3) /
        sum_k a_k (1/3) = a_j, the AHP weights (.375, .375, .25). Scores
        as in `test_weighted_sum_ahp_minmax`: c3 81.25, c2 68.75, c1 0;
        sub-scores c3 (75, 100), c2 (75, 50), c1 (0, 0); W = (.75, .25):
        c3 = .75 * 75 + .25 * 100 = 81.25, c2 = 56.25 + 12.5 = 68.75.
        """
        ev = evaluate(tiny_table(), tiny_system())
        r = ev.ranking.loc[["c3", "c2", "c1"]]
        np.testing.assert_allclose(r["score"], [81.25, 68.75, 0.0])
        np.testing.assert_allclose(
            r[["d1", "d2"]], [[75.0, 100.0], [75.0, 50.0], [0.0, 0.0]]
        )
        w = ev.weights.groupby("dimension")["used"].sum()
        recomposed = ev.ranking[["d1", "d2"]] @ w[["d1", "d2"]].to_numpy()
        np.testing.assert_allclose(ev.ranking["score"], recomposed)

    def test_geometric_decomposes_multiplicatively(self):
        """For the geometric mean, score = prod_d sub-score_d ** W_d.

        Weights (.375, .375, .25) as above; values below the floor 0.01
        count as 0.01. c3 (1, .5, 1): .5 ** .375 = 0.771105; c2 (.5, 1,
        .5): .5 ** .625 = 0.648420; c1 (0, 0, 0): 0.01. Sub-scores (weights
        .5, .5 within d1): c2 d1 = (.5 * 1) ** .5 = 0.707107, d2 = .5;
        c3 d1 = 0.707107, d2 = 1; and c2 = 70.7107 ** .75 * 50 ** .25
        = 64.8420.
        """
        ev = evaluate(tiny_table(), tiny_system(), method="geometric")
        r = ev.ranking.loc[["c3", "c2", "c1"]]
        np.testing.assert_allclose(
            r["score"], [77.1105, 64.8420, 1.0], atol=1e-4
        )
        np.testing.assert_allclose(
            r[["d1", "d2"]],
            [[70.7107, 100.0], [70.7107, 50.0], [1.0, 1.0]],
            atol=1e-4,
        )
        w = ev.weights.groupby("dimension")["used"].sum()
        subs = ev.ranking[["d1", "d2"]].to_numpy()
        recomposed = np.prod(subs ** w[["d1", "d2"]].to_numpy(), axis=1)
        np.testing.assert_allclose(ev.ranking["score"], recomposed)

    def test_target_normalisation(self):
        """Target-relative: benefit min(x/t, 1), cost min(t/x, 1).

        Targets x1 10, x2 2, x3 50. c2: x1 .5, x2 (x = 0 <= t) 1, x3 .04
        -> .375*.5 + .375*1 + .25*.04 = .5725.
        """
        r = rank_clusters(
            tiny_table(),
            tiny_system(),
            weighting="ahp",
            normalization="target",
        )
        assert r.loc["c2", "score"] == pytest.approx(57.25)

    def test_weights_table(self):
        """The weights table lists AHP, entropy, combined and used."""
        ev = evaluate(tiny_table(), tiny_system(), weighting="ahp")
        np.testing.assert_allclose(ev.weights["ahp"], [0.375, 0.375, 0.25])
        np.testing.assert_allclose(ev.weights["used"], ev.weights["ahp"])
        for col in ("ahp", "entropy", "combined", "used"):
            assert ev.weights[col].sum() == pytest.approx(1.0)
        assert set(ev.judgments) >= {"dimensions/default", "d1/default"}

    def test_multiplicative_combination_is_used(self):
        """Combined weights are a_j e_j / sum_k a_k e_k.

        By hand (see above): e = (1/3, 1/3, 1/3), so the combined weights
        are the AHP ones, (.375, .375, .25).
        """
        ev = evaluate(tiny_table(), tiny_system())
        np.testing.assert_allclose(ev.weights["entropy"], [1 / 3] * 3)
        np.testing.assert_allclose(ev.weights["used"], [0.375, 0.375, 0.25])
        a, e = ev.weights["ahp"], ev.weights["entropy"]
        np.testing.assert_allclose(ev.weights["used"], a * e / (a * e).sum())


class TestStages:
    def test_options_are_the_run_record(self):
        """ev.options is the RunOptions record as a dict, in field order."""
        ev = evaluate(tiny_table(), tiny_system(), method="topsis")
        assert list(ev.options) == [
            "weighting",
            "method",
            "normalization",
            "combine",
            "alpha",
            "by_type",
            "missing",
            "ahp_method",
            "objective",
            "ri",
            "max_cr",
            "system",
        ]
        assert (
            ev.options
            == RunOptions(
                method="topsis", normalization="vector", system="tiny"
            ).as_dict()
        )


class TestRanks:
    def test_tied_clusters_share_rank_and_are_listed_by_name(self):
        """Two clusters with identical data tie, listed alphabetically."""
        df = tiny_table()
        df.loc[3] = ["b-twin", "basic", 5.0, 0.0, 2.0]
        r = rank_clusters(df, tiny_system(), weighting="ahp")
        assert r.loc["b-twin", "rank"] == r.loc["c2", "rank"] == 2
        assert list(r.index) == ["c3", "b-twin", "c2", "c1"]

    def test_input_not_mutated_and_deterministic(self):
        """The input frame is untouched and the same call gives the same."""
        df = tiny_table()
        before = df.copy()
        a = evaluate(df, tiny_system())
        b = evaluate(df, tiny_system())
        pd.testing.assert_frame_equal(df, before)
        pd.testing.assert_frame_equal(a.ranking, b.ranking)
        pd.testing.assert_frame_equal(a.weights, b.weights)


tables = st.integers(3, 12).flatmap(
    lambda m: st.tuples(
        st.lists(st.floats(0, 1e3), min_size=m, max_size=m),
        st.lists(st.floats(0, 1e3), min_size=m, max_size=m),
        st.lists(st.floats(0, 100), min_size=m, max_size=m),
        st.permutations(range(m)),
    )
)


def _frame(x1, x2, x3):
    m = len(x1)
    return pd.DataFrame(
        {
            "cluster": [f"c{k:02d}" for k in range(m)],
            "type": ["basic"] * m,
            "x1": x1,
            "x2": x2,
            "x3": x3,
        }
    )


class TestProperties:
    @settings(max_examples=200)
    @given(tables, st.sampled_from(["weighted_sum", "geometric", "topsis"]))
    def test_row_order_does_not_matter(self, data, method):
        """Permuting the input rows gives the identical ranking."""
        x1, x2, x3, perm = data
        df = _frame(x1, x2, x3)
        # combined weights need one varying column (tested in TestErrors)
        assume(any(df[c].nunique() > 1 for c in ("x1", "x2", "x3")))
        sysm = tiny_system()
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # constant columns may warn
            a = rank_clusters(df, sysm, method=method)
            b = rank_clusters(df.iloc[list(perm)], sysm, method=method)
        pd.testing.assert_frame_equal(a, b)

    @settings(max_examples=200)
    @given(
        tables,
        st.integers(0, 2),
        st.floats(0.0, 500.0),
        st.sampled_from(["weighted_sum", "geometric", "topsis"]),
    )
    def test_improving_an_indicator_never_lowers_the_score(
        self, data, col, step, method
    ):
        """With fixed (AHP) weights, improving one value never hurts."""
        x1, x2, x3, _ = data
        df = _frame(x1, x2, x3)
        name = ["x1", "x2", "x3"][col]
        better = df.copy()
        if name == "x2":  # cost: lower is better
            better.loc[0, name] = max(0.0, df.loc[0, name] - step)
        else:
            upper = 100.0 if name == "x3" else np.inf
            better.loc[0, name] = min(upper, df.loc[0, name] + step)
        sysm = tiny_system()
        with warnings.catch_warnings():
            # an all-constant table has no objective weights to report
            warnings.simplefilter("ignore", FallbackWarning)
            s0 = rank_clusters(df, sysm, weighting="ahp", method=method)
            s1 = rank_clusters(better, sysm, weighting="ahp", method=method)
        assert s1.loc["c00", "score"] >= s0.loc["c00", "score"] - 1e-9

    @settings(max_examples=200)
    @given(tables, st.sampled_from(["weighted_sum", "geometric", "topsis"]))
    def test_dominating_cluster_never_ranked_below(self, data, method):
        """A cluster at least as good on every indicator ranks no worse."""
        x1, x2, x3, _ = data
        df = _frame(x1, x2, x3)
        # make c00 dominate c01
        df.loc[0, "x1"] = max(df.loc[0, "x1"], df.loc[1, "x1"])
        df.loc[0, "x2"] = min(df.loc[0, "x2"], df.loc[1, "x2"])
        df.loc[0, "x3"] = max(df.loc[0, "x3"], df.loc[1, "x3"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FallbackWarning)
            r = rank_clusters(
                df, tiny_system(), weighting="ahp", method=method
            )
        assert r.loc["c00", "rank"] <= r.loc["c01", "rank"]
        assert r.loc["c00", "score"] >= r.loc["c01", "score"] - 1e-9

    @settings(max_examples=200)
    @given(
        tables,
        st.sampled_from(["ahp", "entropy", "combined"]),
        st.sampled_from(["weighted_sum", "geometric", "topsis"]),
    )
    def test_scores_within_0_100(self, data, weighting, method):
        """Scores and sub-scores lie in [0, 100]."""
        import warnings

        x1, x2, x3, _ = data
        df = _frame(x1, x2, x3)
        all_constant = all(df[c].nunique() == 1 for c in ("x1", "x2", "x3"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if all_constant and weighting != "ahp":
                with pytest.raises(DataError, match="constant"):
                    rank_clusters(df, tiny_system(), weighting=weighting)
                return
            r = rank_clusters(
                df, tiny_system(), weighting=weighting, method=method
            )
        vals = r[["score", "d1", "d2"]].to_numpy()
        assert np.all((vals >= -1e-9) & (vals <= 100 + 1e-9))


class TestByType:
    def test_ranks_within_type_and_fallback_for_single_cluster(self):
        """by_type ranks within each type; a 1-cluster type warns."""
        with pytest.warns(FallbackWarning, match="'strategic' has a single"):
            ev = evaluate(tiny_table(), tiny_system(), by_type=True)
        r = ev.ranking
        assert r.loc["c3", "rank"] == 1  # alone in its type
        assert sorted(r.loc[["c1", "c2"], "rank"]) == [1, 2]
        assert list(r["type"]) == ["basic", "basic", "strategic"]
        assert ev.weights.index.names == ["type", "indicator"]
        # strategic uses its own dimension judgments: d1 ~ d2 -> 0.5 each
        strat = ev.weights.loc["strategic"]
        assert strat.groupby("dimension")["ahp"].sum()["d1"] == (
            pytest.approx(0.5)
        )
        assert "dimensions/strategic" in ev.judgments

    def test_a_single_cluster_type_reports_the_ahp_weights_not_nan(self):
        """No NaN weight: the AHP weights stand in, and the column says so.

        Issue 16.6: ``weights["entropy"]`` was NaN for a one-cluster type.
        """
        with pytest.warns(FallbackWarning, match="stand in"):
            ev = evaluate(tiny_table(), tiny_system(), by_type=True)
        assert not ev.weights.isna().any().any()
        strat = ev.weights.loc["strategic"]
        np.testing.assert_array_equal(strat["entropy"], strat["ahp"])
        assert not ev.ranking.isna().any().any()

    def test_a_one_cluster_table_is_named_as_the_table(self):
        """Issue 16.17: not 'cluster type None' but 'the table'."""
        one = tiny_table().iloc[:1]
        with pytest.warns(
            FallbackWarning, match=r"evaluate\(\): the table has a single"
        ):
            ev = evaluate(one, tiny_system())
        assert not ev.weights.isna().any().any()
        assert "None" not in str(ev.weights)

    def test_undefined_objective_weights_with_ahp_weighting_warn(self):
        """weighting='ahp' on an all-constant table: reported, not NaN."""
        flat = tiny_table().assign(x1=1.0, x2=2.0, x3=3.0)
        with pytest.warns(FallbackWarning, match="gives no entropy weights"):
            ev = evaluate(flat, tiny_system(), weighting="ahp")
        assert not ev.weights.isna().any().any()


class TestMissing:
    def _holey(self):
        df = pd.concat([tiny_table()] * 2, ignore_index=True)
        df["cluster"] = [f"c{k}" for k in range(6)]
        df["type"] = ["basic"] * 4 + ["strategic"] * 2
        df.loc[1, "x1"] = np.nan
        df.loc[5, "x3"] = np.nan
        return df

    def test_drop_indicator_refuses_to_empty_a_dimension(self):
        """Issue 16.6: dropping all of d2 would leave a NaN sub-score."""
        df = self._holey()
        df.loc[5, "x3"] = np.nan  # x3 is d2's only indicator
        with pytest.raises(
            DataError, match=r"every indicator of dimension 'd2' \(x3\)"
        ) as err:
            evaluate(df, tiny_system(), missing="drop_indicator")
        assert err.value.problems == ("d2",)

    def test_refuse_lists_every_missing_cell(self):
        """missing='refuse' names every missing cell at once."""
        with pytest.raises(DataError) as err:
            evaluate(self._holey(), tiny_system())
        msg = str(err.value)
        assert "c1" in msg
        assert "x1" in msg
        assert "c5" in msg
        assert "x3" in msg

    def test_median_imputes_by_type_with_fallback(self):
        """median: type median with >= 3 known values, else all clusters."""
        ev = evaluate(self._holey(), tiny_system(), missing="median")
        imp = ev.imputed.set_index(["cluster", "indicator"])
        # basic x1 known: 0, 10, 0 -> median 0 (3 values, type basis)
        assert imp.loc[("c1", "x1"), "value"] == 0.0
        assert imp.loc[("c1", "x1"), "basis"] == "type"
        # strategic x3 known: 1 value only -> median of all known x3
        # (1, 2, 3, 1, 2) -> 2
        assert imp.loc[("c5", "x3"), "value"] == 2.0
        assert imp.loc[("c5", "x3"), "basis"] == "all"

    def test_median_refuses_an_indicator_nobody_reports(self):
        """Median cannot invent a column: DataError naming the indicator."""
        df = self._holey()
        df["x3"] = np.nan
        with pytest.raises(DataError, match="no cluster reports: x3"):
            evaluate(df, tiny_system(), missing="median")

    def _holey_d1(self):
        """Return a table with a hole in x1 only: d1 keeps x2, d2 x3."""
        df = self._holey()
        df.loc[5, "x3"] = 2.0
        return df

    def test_drop_indicator_renormalises_its_dimension(self):
        """drop_indicator drops x1; d1 keeps only x2.

        x2 takes all of d1's AHP weight (0.75 by hand, as in tiny_system);
        x3 keeps 0.25.
        """
        ev = evaluate(
            self._holey_d1(),
            tiny_system(),
            missing="drop_indicator",
            weighting="ahp",
        )
        assert ev.dropped == ("x1",)
        assert list(ev.weights.index) == ["x2", "x3"]
        assert ev.weights.loc["x2", "ahp"] == pytest.approx(0.75)
        assert ev.weights.loc["x3", "ahp"] == pytest.approx(0.25)
        assert not ev.ranking.isna().any().any()


class TestGapsFromEvaluation:
    def test_gaps_after_drop_indicator_mark_missing_cells(self):
        """ev.gaps works on a table with holes: the holes are 'no data'."""
        df = TestMissing()._holey_d1()
        ev = evaluate(df, tiny_system(), missing="drop_indicator")
        gaps = ev.gaps.set_index(["cluster", "indicator"])
        assert gaps.loc[("c1", "x1"), "severity"] == "no data"
        assert gaps.loc[("c0", "x2"), "severity"] != "no data"
        dims = ev.dimension_gaps()
        assert set(dims["cluster"]) == set(df["cluster"])

    def test_gaps_equal_flag_gaps(self):
        """ev.gaps is flag_gaps on the same table and system."""
        from clusterscore.gaps import flag_gaps

        ev = evaluate(tiny_table(), tiny_system())
        pd.testing.assert_frame_equal(
            ev.gaps, flag_gaps(tiny_table(), tiny_system())
        )


class TestErrors:
    def test_all_constant_table_has_no_entropy_weights(self):
        """Combined weights on a table with no varying column: DataError."""
        df = _frame([1.0] * 3, [2.0] * 3, [3.0] * 3)
        with pytest.raises(DataError, match="every column of 'X' is const"):
            rank_clusters(df, tiny_system())

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"weighting": "ahp2"}, r"'weighting' must be one of"),
            ({"method": "sum"}, r"'method' must be one of"),
            ({"missing": "zero"}, r"'missing' must be one of"),
            ({"alpha": 1.5}, r"'alpha' must be a number in \[0, 1\]"),
            ({"combine": "avg"}, r"'combine' must be one of"),
            (
                {"method": "topsis", "normalization": "target"},
                r"'normalization' must be one of \{'vector', 'minmax'\}",
            ),
            ({"normalization": "zscore"}, r"'normalization' must be one of"),
        ],
    )
    def test_bad_options(self, kwargs, match):
        """Bad option values raise ParameterError naming the parameter."""
        with pytest.raises(ParameterError, match=match):
            evaluate(tiny_table(), tiny_system(), **kwargs)


class TestExampleData:
    def test_example_ranking_shape(self):
        """The bundled example ranks with the DESIGN contract's columns."""
        system = load_system()
        df = read_clusters(EXAMPLE_CSV, system)
        ev = evaluate(df, system)
        r = ev.ranking
        assert r.index.name == "cluster"
        assert list(r.columns) == [
            "type",
            "score",
            "rank",
            *system.dimension_ids,
        ]
        assert r["score"].is_monotonic_decreasing
        assert r["rank"].iloc[0] == 1
        assert len(r) == len(df)
        assert ((r["score"] >= 0) & (r["score"] <= 100)).all()
        pd.testing.assert_frame_equal(rank_clusters(df, system), r)
        assert ev.version
        assert ev.options["weighting"] == "combined"
        assert "dimensions/default" in ev.judgments

    @pytest.mark.parametrize("method", ["weighted_sum", "geometric", "topsis"])
    def test_every_method_and_by_type_runs(self, method):
        """Every aggregation runs on the example, pooled and by type."""
        system = load_system()
        df = read_clusters(EXAMPLE_CSV, system)
        for by_type in (False, True):
            r = rank_clusters(df, system, method=method, by_type=by_type)
            assert r["score"].between(0, 100).all()


class TestObjective:
    """Issue 11 item 11: the objective weights, the RI table, max_cr.

    On `tiny_table` the direction-aware min-max columns are x1 = (0, .5,
    1), x2 (cost) = (0, 1, .5), x3 = (0, .5, 1): each has mean .5 and the
    same standard deviation sigma = sqrt(1/6), so the std weights are
    (1/3, 1/3, 1/3). Correlations: rho(x1, x3) = 1; rho(x1, x2) =
    rho(x2, x3) = (.25/3) / (.5/3) = .5. CRITIC: C1 = sigma (0 + .5 + 0),
    C2 = sigma (.5 + .5), C3 = sigma (.5 + 0), so the weights are
    (.25, .5, .25). With the AHP weights (.375, .375, .25), the
    multiplicative combination is (.09375, .1875, .0625) / .34375 =
    (3/11, 6/11, 2/11).
    """

    def test_critic_weights_and_combined_scores_by_hand(self):
        """CRITIC weights, their column, and c2 overtaking c3."""
        ev = evaluate(tiny_table(), tiny_system(), objective="critic")
        w = ev.weights
        assert list(w.columns) == [
            "dimension",
            "ahp",
            "critic",
            "combined",
            "used",
        ]
        np.testing.assert_allclose(w["critic"], [0.25, 0.5, 0.25])
        np.testing.assert_allclose(w["combined"], np.array([3, 6, 2]) / 11)
        # c2 = (3 * .5 + 6 * 1 + 2 * .5) / 11 = 8.5 / 11;
        # c3 = (3 * 1 + 6 * .5 + 2 * 1) / 11 = 8 / 11 (AHP puts c3 first)
        r = ev.ranking
        assert list(r.index) == ["c2", "c3", "c1"]
        np.testing.assert_allclose(
            r["score"], [850 / 11, 800 / 11, 0.0], rtol=1e-12
        )

    def test_std_weights_alone_by_hand(self):
        """Equal std weights: c3 = 2.5 / 3, c2 = 2 / 3."""
        ev = evaluate(
            tiny_table(), tiny_system(), weighting="entropy", objective="std"
        )
        np.testing.assert_allclose(ev.weights["std"], [1 / 3] * 3)
        np.testing.assert_allclose(ev.weights["used"], [1 / 3] * 3)
        np.testing.assert_allclose(
            ev.ranking["score"], [250 / 3, 200 / 3, 0.0], rtol=1e-12
        )
        assert "entropy" not in ev.weights

    def test_options_recorded_and_summarised(self):
        """ev.options and the summary carry objective, ri and max_cr."""
        ev = evaluate(
            tiny_table(),
            tiny_system(),
            objective="std",
            ri="alonso_lamata",
            max_cr=0.2,
        )
        assert ev.options["objective"] == "std"
        assert ev.options["ri"] == "alonso_lamata"
        assert ev.options["max_cr"] == 0.2
        assert "objective=std, ri=alonso_lamata, max_cr=0.2" in ev.summary()
        default = evaluate(tiny_table(), tiny_system())
        assert default.options["objective"] == "entropy"
        assert default.options["max_cr"] == 0.10

    def test_rank_clusters_passes_the_objective(self):
        """rank_clusters(objective=...) ranks as evaluate does."""
        r = rank_clusters(tiny_table(), tiny_system(), objective="critic")
        assert list(r.index) == ["c2", "c3", "c1"]

    def test_max_cr_refuses_the_default_systems_matrix(self):
        """dimensions/default has CR 0.0117: max_cr=0.01 refuses it."""
        df = read_clusters(EXAMPLE_CSV, load_system())
        with pytest.raises(ConfigError, match="dimensions/default"):
            evaluate(df, max_cr=0.01)
        ev = evaluate(df, max_cr=None)
        assert ev.options["max_cr"] is None

    def test_ri_table_changes_the_consistency_ratios(self):
        """Another RI table gives other CRs of the same matrices."""
        df = read_clusters(EXAMPLE_CSV, load_system())
        a = evaluate(df).judgments["dimensions/default"].cr
        b = evaluate(df, ri="alonso_lamata").judgments["dimensions/default"].cr
        assert a != b

    @pytest.mark.parametrize(
        ("kw", "param"),
        [
            ({"objective": "shannon"}, "objective"),
            ({"ri": "nope"}, "ri"),
            ({"max_cr": -0.1}, "max_cr"),
            ({"max_cr": "high"}, "max_cr"),
        ],
    )
    def test_bad_values_are_refused(self, kw, param):
        """Unknown objective or RI table, negative max_cr: ParameterError."""
        with pytest.raises(ParameterError) as info:
            evaluate(tiny_table(), tiny_system(), **kw)
        assert info.value.parameter == param
