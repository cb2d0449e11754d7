"""Tests of panels (a ``year`` column): global entropy, ranks, changes."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import (
    DataError,
    DegenerateIndicatorWarning,
    ParameterError,
)
from clusterscore.scoring import evaluate, rank_clusters
from clusterscore.scoring.panel import (
    check_panel,
    panel_changes,
    panel_ranks,
)
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
)


def _matrix(rows):
    a = np.array(rows, dtype=float)
    a.setflags(write=False)
    return a


def duo_system() -> IndicatorSystem:
    """One dimension, two benefit indicators x1, x2 of equal AHP weight."""
    inds = (
        Indicator("x1", "X one", "一", "count", "benefit", "d", lower=0),
        Indicator("x2", "X two", "二", "ratio", "benefit", "d", lower=0),
    )
    return IndicatorSystem(
        id="duo",
        name="Duo",
        name_zh="二",
        format_version=1,
        dimensions=(Dimension("d", "Dim", "维", ("x1", "x2")),),
        indicators=inds,
        types=(
            ClusterType("basic", "Basic", "基础"),
            ClusterType("strategic", "Strategic", "战略"),
        ),
        judgments=(
            Judgments("dimensions", "default", ("d",), _matrix([[1]])),
            Judgments("d", "default", ("x1", "x2"), _matrix([[1, 1], [1, 1]])),
        ),
        targets=(),
    )


def two_year_table() -> pd.DataFrame:
    """Clusters A and B in 2021 and 2022 (rows deliberately shuffled)."""
    return pd.DataFrame(
        {
            "cluster": ["B", "A", "B", "A"],
            "type": ["basic"] * 4,
            "year": [2022, 2021, 2021, 2022],
            "x1": [20.0, 10.0, 20.0, 20.0],
            "x2": [3.0, 1.0, 2.0, 2.0],
        }
    )


# hand calculation of test_global_entropy_weights_by_hand (see its docstring)
E1 = math.log(3) / math.log(4)
E2 = 0.75
W1 = (1 - E1) / ((1 - E1) + (1 - E2))
W2 = (1 - E2) / ((1 - E1) + (1 - E2))


def test_global_entropy_weights_by_hand():
    r"""The global entropy weights of a two-year table, by hand.

    Rows in (year, cluster) order: A 2021, B 2021, A 2022, B 2022.
    x1 = 10, 20, 20, 20; x2 = 1, 2, 2, 3.

    Global min-max (bounds of both years together): x1 min 10, max 20,
    y1 = 0, 1, 1, 1; x2 min 1, max 3, y2 = 0, 0.5, 0.5, 1.

    Shares over all T*m = 4 cluster-years: p1 = 0, 1/3, 1/3, 1/3;
    p2 = 0, 0.25, 0.25, 0.5. With k = 1/ln 4 and 0 ln 0 = 0:

    E1 = -(1/ln 4) * 3 * (1/3) ln(1/3) = ln 3 / ln 4 = 0.792481;
    E2 = -(1/ln 4) * (2 * 0.25 ln 0.25 + 0.5 ln 0.5)
       = (0.5 ln 4 + 0.5 ln 2) / ln 4 = 0.5 + 0.25 = 0.75.

    d1 = 1 - E1 = 0.207519, d2 = 0.25; w1 = d1 / (d1 + d2) = 0.453574,
    w2 = 0.25 / 0.457519 = 0.546426.

    Scores (weighted sum, weighting="entropy"): A 2021 = 0;
    B 2021 = 100 (w1 + 0.5 w2) = 72.6787; A 2022 = the same 72.6787 (the
    same values: global scores are comparable across years);
    B 2022 = 100.
    """
    ev = evaluate(two_year_table(), duo_system(), weighting="entropy")
    np.testing.assert_allclose(
        ev.weights["entropy"].to_numpy(), [W1, W2], rtol=1e-12
    )
    assert pytest.approx(0.453574, abs=1e-6) == W1
    s = ev.ranking["score"]
    mid = 100 * (W1 + 0.5 * W2)
    assert s.loc[(2021, "A")] == pytest.approx(0.0, abs=1e-12)
    assert s.loc[(2021, "B")] == pytest.approx(mid, rel=1e-12)
    assert s.loc[(2022, "A")] == pytest.approx(mid, rel=1e-12)
    assert s.loc[(2022, "B")] == pytest.approx(100.0, rel=1e-12)
    assert ev.options["panel"] == "global"
    assert "comparable across years" in ev.summary()


def test_per_year_weights_differ_and_are_said():
    """per_year: one set of weights per year, said in the summary.

    2021 alone: x1 10, 20 and x2 1, 2 both give y = 0, 1: shares 0, 1,
    entropy 0 each, equal weights 0.5, 0.5. 2022 alone: x1 is 20, 20
    (constant: weight 0, with a warning), x2 gets weight 1.
    """
    with pytest.warns(DegenerateIndicatorWarning, match="'x1'"):
        ev = evaluate(
            two_year_table(),
            duo_system(),
            weighting="entropy",
            panel="per_year",
        )
    w = ev.weights["entropy"]
    assert list(w.index.names) == ["year", "indicator"]
    np.testing.assert_allclose(w.loc[2021].to_numpy(), [0.5, 0.5])
    np.testing.assert_allclose(w.loc[2022].to_numpy(), [0.0, 1.0])
    assert "comparable only within a year" in ev.summary()
    assert ev.options["panel"] == "per_year"


def enter_leave_table() -> pd.DataFrame:
    """C leaves after 2021, D enters in 2022; x2 = x1 so score = 100 y1."""
    x = {
        ("A", 2021): 0.0,
        ("B", 2021): 10.0,
        ("C", 2021): 5.0,
        ("A", 2022): 10.0,
        ("B", 2022): 5.0,
        ("D", 2022): 2.5,
    }
    return pd.DataFrame(
        {
            "cluster": [c for c, _ in x],
            "type": "basic",
            "year": [y for _, y in x],
            "x1": list(x.values()),
            "x2": list(x.values()),
        }
    )


def test_rank_and_score_changes_with_entry_and_exit():
    """Ranks within year and changes against the previous year, by hand.

    Global min-max over both years (0..10) and AHP weights 0.5/0.5 with
    x2 = x1 give score = 10 * x1: 2021 A 0, B 100, C 50 (ranks B 1, C 2,
    A 3); 2022 A 100, B 50, D 25 (ranks A 1, B 2, D 3).
    rank_change = previous rank - rank: A 3 - 1 = +2, B 1 - 2 = -1;
    score_change = score - previous score: A +100, B -50. C (2021 only)
    and D (new in 2022) and every 2021 row: NaN.
    """
    r = rank_clusters(enter_leave_table(), duo_system(), weighting="ahp")
    assert list(r.index.names) == ["year", "cluster"]
    assert list(r.index) == [
        (2021, "B"),
        (2021, "C"),
        (2021, "A"),
        (2022, "A"),
        (2022, "B"),
        (2022, "D"),
    ]
    assert list(r.columns[:5]) == [
        "type",
        "score",
        "rank",
        "rank_change",
        "score_change",
    ]
    assert r["rank"].tolist() == [1, 2, 3, 1, 2, 3]
    np.testing.assert_allclose(
        r["score"].to_numpy(), [100, 50, 0, 100, 50, 25], atol=1e-9
    )
    np.testing.assert_allclose(
        r["rank_change"].to_numpy(),
        [np.nan, np.nan, np.nan, 2, -1, np.nan],
    )
    np.testing.assert_allclose(
        r["score_change"].to_numpy(),
        [np.nan, np.nan, np.nan, 100, -50, np.nan],
        atol=1e-9,
    )


def test_per_year_changes_use_each_years_own_bounds():
    """per_year, 2022 alone: x1 2.5..10 gives A 100, B 33.33, D 0."""
    r = rank_clusters(
        enter_leave_table(), duo_system(), weighting="ahp", panel="per_year"
    )
    assert r.loc[(2022, "B"), "score"] == pytest.approx(100 / 3)
    assert r.loc[(2022, "A"), "score_change"] == pytest.approx(100.0)
    assert r.loc[(2022, "B"), "score_change"] == pytest.approx(100 / 3 - 100)


def test_unbalanced_gap_year_compares_with_latest_earlier_year():
    """A cluster missing in 2022 is compared, in 2023, with 2021."""
    df = pd.DataFrame(
        {
            "cluster": ["A", "B", "B", "A", "B"],
            "type": "basic",
            "year": [2021, 2021, 2022, 2023, 2023],
            "x1": [0.0, 10.0, 5.0, 10.0, 0.0],
        }
    )
    df["x2"] = df["x1"]
    r = rank_clusters(df, duo_system(), weighting="ahp")
    assert r.loc[(2023, "A"), "rank_change"] == 1.0  # 2 in 2021 -> 1
    assert r.loc[(2023, "A"), "score_change"] == pytest.approx(100.0)
    assert r.loc[(2023, "B"), "rank_change"] == -1.0  # 1 in 2022 -> 2
    assert not np.isnan(r.loc[(2022, "B"), "rank_change"])


def test_type_change_between_years_is_refused():
    """A cluster whose type changes is refused, naming it and the years."""
    df = enter_leave_table()
    df.loc[3, "type"] = "strategic"  # A in 2022
    with pytest.raises(DataError, match=r"cluster 'A'.*'basic' in 2021; "):
        evaluate(df, duo_system())
    with pytest.raises(DataError, match=r"'strategic' in 2022"):
        evaluate(df, duo_system())


def test_duplicate_cluster_year_is_refused():
    """(cluster, year) is the key: a repeated pair is named with the year."""
    df = pd.concat([enter_leave_table(), enter_leave_table().iloc[[0]]])
    with pytest.raises(DataError, match=r"cluster 'A', year 2021 \(rows"):
        evaluate(df, duo_system())


def test_table_without_years_refuses_a_panel_mode():
    """panel= needs a year column; an unknown mode is refused."""
    df = enter_leave_table().drop(columns="year").iloc[:3]
    with pytest.raises(ParameterError, match="needs a table with a 'year'"):
        evaluate(df, duo_system(), panel="global")
    with pytest.raises(ParameterError, match="panel must be one of"):
        evaluate(enter_leave_table(), duo_system(), panel="pooled")
    assert "panel" not in evaluate(df, duo_system()).options
    assert check_panel("f", None, True) == "global"


def test_by_type_ranks_within_year_and_type():
    """by_type on a panel: ranks restart in every (year, type)."""
    df = enter_leave_table()
    df.loc[df["cluster"] == "B", "type"] = "strategic"
    r = rank_clusters(df, duo_system(), weighting="ahp", by_type=True)
    assert r.loc[(2021, "B"), "rank"] == 1
    assert r.loc[(2022, "B"), "rank"] == 1
    assert r.loc[(2022, "A"), "rank"] == 1


def test_panel_ranks_kernel():
    """Competition ranks within each year; ties share the smaller rank."""
    ranks = panel_ranks(
        np.array([1.0, 2.0, 2.0, 5.0]),
        np.array([1, 1, 1, 2]),
        np.array(["a"] * 4, dtype=object),
        False,
    )
    assert ranks.tolist() == [3, 1, 1, 1]


def test_panel_changes_keeps_row_order():
    """The change columns follow rank; the frame's row order is kept."""
    r = pd.DataFrame(
        {"score": [70.0, 60.0, 50.0], "rank": [1, 1, 2]},
        index=pd.MultiIndex.from_tuples(
            [(2021, "B"), (2022, "A"), (2022, "B")], names=["year", "cluster"]
        ),
    )
    out = panel_changes(r)
    assert list(out.index) == list(r.index)
    assert out.loc[(2022, "B"), "rank_change"] == -1.0
    assert out.loc[(2022, "B"), "score_change"] == -20.0


def test_panel_mode_type_lists_the_modes():
    """The Literal type of `panel` names exactly `PANEL_MODES`."""
    import typing

    from clusterscore.scoring import panel

    assert typing.get_args(panel.PanelMode) == panel.PANEL_MODES
