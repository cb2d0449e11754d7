"""Tests for clusterscore.gaps: gaps against the cluster benchmark.

Every expected number below is a hand calculation on a crafted table
(attainment = value / target for benefit indicators, target / value for
cost ones; severity bounds 0.8 and 0.5, DESIGN.md) or a quantile worked by
hand with numpy's default linear interpolation (Hyndman & Fan 1996,
definition 7: position (n - 1) q).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import (
    ConfigError,
    DataError,
    FallbackWarning,
    ParameterError,
)
from clusterscore.gaps import (
    GAP_COLUMNS,
    REC_COLUMNS,
    SEVERITIES,
    Benchmark,
    diagnose,
    dimension_gaps,
    flag_gaps,
    recommendations,
    resolve_benchmark,
    top_gaps,
)
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    Recommendation,
    Target,
)

RANK = {s: k for k, s in enumerate(SEVERITIES)}

# --------------------------------------------------------------------------
# a crafted system: 3 dimensions, 5 indicators (one cost), 2 types
# --------------------------------------------------------------------------

IDS = ("out", "energy", "rd", "carriers", "cluster_org_maturity")
TARGETS = {
    "basic": {
        "out": 100.0,
        "energy": 0.8,
        "rd": 2.0,
        "carriers": 10.0,
        "cluster_org_maturity": 3.0,
    },
    "strategic": {
        "out": 200.0,
        "energy": 1.0,
        "rd": 4.0,
        "carriers": 20.0,
        "cluster_org_maturity": 3.0,
    },
}
# explicit global weights: scale 0.4 (out 0.3, energy 0.1), innovation 0.4
# (rd 0.2, carriers 0.2), services 0.2; local: 0.75/0.25, 0.5/0.5, 1
WEIGHTS = pd.Series(
    {
        "out": 0.3,
        "energy": 0.1,
        "rd": 0.2,
        "carriers": 0.2,
        "cluster_org_maturity": 0.2,
    }
)


def _consistent(w):
    """Return the consistent pairwise matrix a_ij = w_i / w_j."""
    w = np.asarray(w, dtype=float)
    return w[:, None] / w[None, :]


def make_system(targets=TARGETS, recs=None, judgments=()):
    """Build the crafted system (no AHP judgments unless given)."""
    dims = (
        Dimension("scale", "Scale", "规模", ("out", "energy")),
        Dimension("innovation", "Innovation", "创新", ("rd", "carriers")),
        Dimension("services", "Services", "服务", ("cluster_org_maturity",)),
    )
    inds = (
        Indicator("out", "Output", "产值", "bn CNY", "benefit", "scale"),
        Indicator("energy", "Energy", "能耗", "ratio", "cost", "scale"),
        Indicator("rd", "R&D", "研发", "%", "benefit", "innovation"),
        Indicator(
            "carriers", "Carriers", "载体", "count", "benefit", "innovation"
        ),
        Indicator(
            "cluster_org_maturity",
            "Org maturity",
            "促进机构成熟度",
            "0-4",
            "benefit",
            "services",
        ),
    )
    types = (
        ClusterType("basic", "Basic", "基础型"),
        ClusterType("strategic", "Key strategic", "关键战略型"),
    )
    tgts = tuple(
        Target(i, t, v) for t, row in targets.items() for i, v in row.items()
    )
    if recs is None:
        recs = (
            Recommendation(
                "basic", "scale", "Merge.", "兼并重组。", "seed 000 §4.1"
            ),
            Recommendation(
                "basic",
                "innovation",
                "Raise R&D.",
                "加大研发。",
                "seed 000 §4.1",
            ),
            Recommendation(
                "strategic",
                "innovation",
                "Build platforms.",
                "",
                "seed 000 §4.2",
            ),
            Recommendation(
                "default",
                "services",
                "Professionalise the promotion organisation.",
                "做强促进机构。",
                "seed 002",
                indicator="cluster_org_maturity",
            ),
        )
    return IndicatorSystem(
        "t",
        "Test",
        "测试",
        1,
        dims,
        inds,
        types,
        judgments=judgments,
        targets=tgts,
        recommendations=recs,
    )


SYSTEM = make_system()


def table(rows):
    """Build a table from {cluster: (type, out, energy, rd, carriers, org)}."""
    return pd.DataFrame(
        [(name, *vals) for name, vals in rows.items()],
        columns=["cluster", "type", *IDS],
    )


# crafted table: the expected severity of every cell (system targets)
CRAFTED = table(
    {
        # equal to its type's targets: no gap anywhere
        "B1": ("basic", 100, 0.8, 2.0, 10, 3),
        # out 80/100 = 0.8 (bound, minor); energy 0.8/1.6 = 0.5 (bound,
        # major); rd 0.98/2 = 0.49 critical; carriers 50/10 = 5 none;
        # org 2/3 major
        "B2": ("basic", 80, 1.6, 0.98, 50, 2),
        # out 0 against 100: 0, critical; energy value 0 (cost): inf, none;
        # rd 1.99/2 = 0.995 minor; carriers 5/10 = 0.5 (bound) major; org
        # 4/3 none
        "B3": ("basic", 0, 0.0, 1.99, 5, 4),
        # out 150/200 = 0.75 major; energy 1/2.5 = 0.4 critical; rd
        # 4.4/4 = 1.1 none; carriers 19/20 = 0.95 minor; org 0/3 critical
        "S1": ("strategic", 150, 2.5, 4.4, 19, 0),
    }
)
EXPECTED_ATTAINMENT = {
    "B1": (1.0, 1.0, 1.0, 1.0, 1.0),
    "B2": (0.8, 0.5, 0.49, 5.0, 2 / 3),
    "B3": (0.0, math.inf, 0.995, 0.5, 4 / 3),
    "S1": (0.75, 0.4, 1.1, 0.95, 0.0),
}
EXPECTED_SEVERITY = {
    "B1": ("none", "none", "none", "none", "none"),
    "B2": ("minor", "major", "critical", "none", "major"),
    "B3": ("critical", "none", "minor", "major", "none"),
    "S1": ("major", "critical", "none", "minor", "critical"),
}


def cell(gaps, cluster, indicator):
    """Return the flag_gaps row of one (cluster, indicator)."""
    row = gaps[(gaps["cluster"] == cluster) & (gaps["indicator"] == indicator)]
    assert len(row) == 1
    return row.iloc[0]


# --------------------------------------------------------------------------
# flag_gaps on the crafted table (system benchmark)
# --------------------------------------------------------------------------


def test_flag_gaps_columns_and_shape():
    """flag_gaps returns exactly DESIGN's columns, one row per cell."""
    gaps = flag_gaps(CRAFTED, SYSTEM)
    assert tuple(gaps.columns) == GAP_COLUMNS
    assert len(gaps) == 4 * 5
    assert gaps["cluster"].tolist()[:5] == ["B1"] * 5
    assert gaps["indicator"].tolist()[:5] == list(IDS)
    assert gaps["dimension"].tolist()[:5] == [
        "scale",
        "scale",
        "innovation",
        "innovation",
        "services",
    ]


@pytest.mark.parametrize("cluster", list(EXPECTED_SEVERITY))
def test_flag_gaps_every_cell_hand_computed(cluster):
    """Attainment and severity of every cell match the hand calculation."""
    gaps = flag_gaps(CRAFTED, SYSTEM)
    mine = gaps[gaps["cluster"] == cluster]
    assert mine["severity"].tolist() == list(EXPECTED_SEVERITY[cluster])
    np.testing.assert_allclose(
        mine["attainment"].to_numpy(), EXPECTED_ATTAINMENT[cluster]
    )
    t = TARGETS[CRAFTED.set_index("cluster").loc[cluster, "type"]]
    np.testing.assert_allclose(mine["target"], [t[i] for i in IDS])


def test_cluster_equal_to_targets_has_no_gap():
    """A cluster whose values equal its type's targets has no gap."""
    gaps = flag_gaps(CRAFTED, SYSTEM)
    b1 = gaps[gaps["cluster"] == "B1"]
    assert (b1["attainment"] == 1.0).all()
    assert set(b1["severity"]) == {"none"}


@pytest.mark.parametrize(
    ("value", "severity"),
    [
        (100, "none"),  # a = 1 exactly
        (99.99, "minor"),
        (80, "minor"),  # a = 0.8 exactly: upper bound reached
        (79.99, "major"),
        (50, "major"),  # a = 0.5 exactly: lower bound reached
        (49.99, "critical"),
    ],
)
def test_benefit_bound_edges(value, severity):
    """Benefit attainment exactly at 1, 0.8 and 0.5 falls on the upper side."""
    df = table({"X": ("basic", value, 0.8, 2.0, 10, 3)})
    assert cell(flag_gaps(df, SYSTEM), "X", "out")["severity"] == severity


@pytest.mark.parametrize(
    ("value", "severity"),
    [
        (0.8, "none"),  # 0.8 / 0.8 = 1
        (1.0, "minor"),  # 0.8 / 1.0 = 0.8 exactly
        (1.6, "major"),  # 0.8 / 1.6 = 0.5 exactly
        (1.61, "critical"),
    ],
)
def test_cost_bound_edges(value, severity):
    """Cost attainment target/value exactly at the bounds."""
    df = table({"X": ("basic", 100, value, 2.0, 10, 3)})
    assert cell(flag_gaps(df, SYSTEM), "X", "energy")["severity"] == severity


def test_custom_bounds():
    """bounds=(0.9, 0.6) reclassifies 0.8 as major and 0.5 as critical."""
    gaps = flag_gaps(CRAFTED, SYSTEM, bounds=(0.9, 0.6))
    assert cell(gaps, "B2", "out")["severity"] == "major"
    assert cell(gaps, "B2", "energy")["severity"] == "critical"
    assert cell(gaps, "S1", "carriers")["severity"] == "minor"


def test_upper_bound_one_leaves_no_minor():
    """bounds=(1, 0.5): everything short of the target is major or worse."""
    gaps = flag_gaps(CRAFTED, SYSTEM, bounds=(1.0, 0.5))
    assert "minor" not in set(gaps["severity"])
    assert cell(gaps, "B3", "rd")["severity"] == "major"


# --------------------------------------------------------------------------
# zero and missing edges
# --------------------------------------------------------------------------


def zero_system():
    """Targets 0 for out (benefit) and energy (cost) of type basic."""
    targets = {t: dict(v) for t, v in TARGETS.items()}
    targets["basic"]["out"] = 0.0
    targets["basic"]["energy"] = 0.0
    return make_system(targets)


@pytest.mark.parametrize(
    ("out", "energy", "a_out", "a_energy", "s_out", "s_energy"),
    [
        (0, 0.0, 1.0, 1.0, "none", "none"),  # 0 / 0: value equals target
        (5, 0.5, math.inf, 0.0, "none", "critical"),  # x/0 inf; 0/x = 0
    ],
)
def test_zero_targets(out, energy, a_out, a_energy, s_out, s_energy):
    """Target 0: benefit always met; a cost above a zero target is 0."""
    df = table({"X": ("basic", out, energy, 2.0, 10, 3)})
    with np.errstate(all="raise"):  # no division warning may escape
        gaps = flag_gaps(df, zero_system())
    assert cell(gaps, "X", "out")["attainment"] == a_out
    assert cell(gaps, "X", "energy")["attainment"] == a_energy
    assert cell(gaps, "X", "out")["severity"] == s_out
    assert cell(gaps, "X", "energy")["severity"] == s_energy


def test_cost_value_zero_is_met():
    """A cost value 0 against a positive target: attainment inf, none."""
    gaps = flag_gaps(CRAFTED, SYSTEM)
    row = cell(gaps, "B3", "energy")
    assert row["attainment"] == math.inf
    assert row["severity"] == "none"


def test_benefit_value_zero_is_critical():
    """A benefit value 0 against a positive target: attainment 0, critical."""
    row = cell(flag_gaps(CRAFTED, SYSTEM), "B3", "out")
    assert row["attainment"] == 0.0
    assert row["severity"] == "critical"


def test_missing_system_target_is_no_target():
    """An indicator without a target is 'no target', never 'none'."""
    targets = {t: dict(v) for t, v in TARGETS.items()}
    del targets["strategic"]["rd"]
    gaps = flag_gaps(CRAFTED, make_system(targets))
    row = cell(gaps, "S1", "rd")
    assert row["severity"] == "no target"
    assert math.isnan(row["target"])
    assert math.isnan(row["attainment"])
    # basic clusters still have their rd target
    assert cell(gaps, "B2", "rd")["severity"] == "critical"


def test_missing_value_refused_by_default():
    """A NaN cell is a DataError unless allow_missing=True."""
    df = CRAFTED.copy()
    df.loc[1, "rd"] = np.nan
    with pytest.raises(DataError, match="rd"):
        flag_gaps(df, SYSTEM)


def test_missing_value_allowed_is_no_data():
    """With allow_missing=True a NaN cell is 'no data', not a hidden gap."""
    df = CRAFTED.copy()
    df.loc[1, "rd"] = np.nan
    gaps = flag_gaps(df, SYSTEM, allow_missing=True)
    row = cell(gaps, "B2", "rd")
    assert row["severity"] == "no data"
    assert math.isnan(row["attainment"])


def test_negative_value_is_refused():
    """A negative value has no ratio attainment: DataError naming it."""
    df = CRAFTED.copy()
    df.loc[0, "carriers"] = -1
    with pytest.raises(DataError, match=r"'B1' column 'carriers' = -1"):
        flag_gaps(df, SYSTEM)


def test_input_not_modified():
    """flag_gaps never modifies the caller's table."""
    df = CRAFTED.copy()
    flag_gaps(df, SYSTEM, benchmark="B2")
    pd.testing.assert_frame_equal(df, CRAFTED)


# --------------------------------------------------------------------------
# benchmark modes
# --------------------------------------------------------------------------


def quantile_table():
    """5 strategic clusters (values 10..50) and one basic cluster."""
    rows = {
        f"S{k}": ("strategic", 10 * k, 10.0 * k, 4.0, 20, 3)
        for k in range(1, 6)
    }
    rows["B1"] = ("basic", 100, 0.8, 2.0, 10, 3)
    return table(rows)


def test_quantile_targets_hand_computed():
    """q=0.9 of 10..50: benefit 46 (pos 3.6), cost the 0.1 quantile 14."""
    with pytest.warns(FallbackWarning, match=r"'basic' has 1 \('B1'\)"):
        gaps = flag_gaps(quantile_table(), SYSTEM, benchmark="quantile")
    assert cell(gaps, "S1", "out")["target"] == pytest.approx(46.0)
    assert cell(gaps, "S1", "energy")["target"] == pytest.approx(14.0)
    # out: 10/46, 20/46 critical, 30/46 = 0.652 major, 40/46 = 0.870 minor,
    # 50/46 none; energy (cost): 14/10 none, 14/20 = 0.7 major, 14/30,
    # 14/40, 14/50 critical
    out = [cell(gaps, f"S{k}", "out")["severity"] for k in range(1, 6)]
    energy = [cell(gaps, f"S{k}", "energy")["severity"] for k in range(1, 6)]
    assert out == ["critical", "critical", "major", "minor", "none"]
    assert energy == ["none", "major", "critical", "critical", "critical"]


def test_quantile_other_q():
    """q=0.75 of 10..50 is exactly 40 (position 3), cost 0.25 is 20."""
    with pytest.warns(FallbackWarning):
        gaps = flag_gaps(
            quantile_table(), SYSTEM, benchmark="quantile", quantile=0.75
        )
    assert cell(gaps, "S3", "out")["target"] == 40.0
    assert cell(gaps, "S3", "energy")["target"] == 20.0
    assert cell(gaps, "S4", "out")["severity"] == "none"


def test_quantile_leaves_missing_cells_out():
    """NaN cells drop out of the quantile; an all-NaN column: no target."""
    df = quantile_table()
    df.loc[4, "out"] = np.nan  # S5 (50): the quantile of 10..40 remains
    df["rd"] = df["rd"].astype(float)
    df.loc[:4, "rd"] = np.nan  # no strategic rd value at all
    with pytest.warns(FallbackWarning):
        gaps = flag_gaps(df, SYSTEM, benchmark="quantile", allow_missing=True)
    # q = 0.9 of 10, 20, 30, 40: position 2.7 -> 30 + 0.7 * 10 = 37
    assert cell(gaps, "S1", "out")["target"] == pytest.approx(37.0)
    assert cell(gaps, "S5", "out")["severity"] == "no data"
    assert cell(gaps, "S1", "rd")["severity"] == "no data"
    bm = resolve_benchmark(df.iloc[:5], SYSTEM, "quantile", allow_missing=True)
    assert math.isnan(bm.target("strategic", "rd"))


def test_quantile_fallback_uses_system_targets():
    """A type with fewer than 5 clusters (here one) gets system targets."""
    with pytest.warns(
        FallbackWarning, match="use the system targets from the indicator"
    ):
        bm = resolve_benchmark(quantile_table(), SYSTEM, "quantile")
    assert bm.mode == "quantile"
    assert bm.target("basic", "out") == 100.0
    assert bm.provenance["basic"].startswith("system (fallback")
    assert bm.provenance["strategic"] == "quantile q=0.9 of 5 clusters"
    gaps = flag_gaps(
        quantile_table().iloc[[5]], SYSTEM, benchmark=bm
    )  # B1 = its targets
    assert set(gaps["severity"]) == {"none"}


def test_quantile_fallback_warning_only_for_present_types():
    """No warning for a type absent from the table."""
    df = quantile_table().iloc[:5]  # strategic only
    bm = resolve_benchmark(df, SYSTEM, "quantile")  # filterwarnings=error
    assert bm.provenance["basic"].startswith("system (fallback")


def test_benchmark_cluster():
    """A named cluster's values are every cluster's targets."""
    gaps = flag_gaps(CRAFTED, SYSTEM, benchmark="S1")
    # B2 against S1 = (150, 2.5, 4.4, 19, 0): out 80/150 = 0.533 major;
    # energy 2.5/1.6 = 1.5625 none; rd 0.98/4.4 = 0.2227 critical;
    # carriers 50/19 none; org 2/0 = inf none
    b2 = gaps[gaps["cluster"] == "B2"]
    np.testing.assert_allclose(
        b2["attainment"], [80 / 150, 2.5 / 1.6, 0.98 / 4.4, 50 / 19, math.inf]
    )
    assert b2["severity"].tolist() == [
        "major",
        "none",
        "critical",
        "none",
        "none",
    ]
    assert gaps.attrs["clusterscore"]["provenance"]["basic"] == "cluster S1"


def test_benchmark_cluster_against_itself_is_one():
    """The benchmark cluster has attainment 1 everywhere, incl. zeros."""
    gaps = flag_gaps(CRAFTED, SYSTEM, benchmark="B3")  # has 0 values
    b3 = gaps[gaps["cluster"] == "B3"]
    assert (b3["attainment"] == 1.0).all()
    assert set(b3["severity"]) == {"none"}


def test_benchmark_type_with_one_cluster_system_mode():
    """A type with a single cluster is compared with its system targets."""
    gaps = flag_gaps(CRAFTED, SYSTEM)  # S1 is the only strategic one
    assert cell(gaps, "S1", "out")["target"] == 200.0


def test_benchmark_user_series_all_types():
    """A Series of targets applies to every type; missing ones: no target."""
    bm = pd.Series({"out": 160.0, "energy": 2.0})
    gaps = flag_gaps(CRAFTED, SYSTEM, benchmark=bm)
    assert cell(gaps, "B2", "out")["attainment"] == pytest.approx(0.5)
    assert cell(gaps, "S1", "out")["attainment"] == pytest.approx(150 / 160)
    assert cell(gaps, "S1", "energy")["attainment"] == pytest.approx(0.8)
    assert cell(gaps, "S1", "rd")["severity"] == "no target"
    assert gaps.attrs["clusterscore"]["benchmark"] == "user"


def test_benchmark_user_mapping_flat_and_nested():
    """A flat mapping is for all types; a nested one is per type."""
    flat = flag_gaps(CRAFTED, SYSTEM, benchmark={"out": 160.0})
    assert cell(flat, "B2", "out")["target"] == 160.0
    nested = flag_gaps(
        CRAFTED, SYSTEM, benchmark={"basic": {"out": 40.0}, "strategic": {}}
    )
    assert cell(nested, "B2", "out")["attainment"] == pytest.approx(2.0)
    assert cell(nested, "S1", "out")["severity"] == "no target"


def test_benchmark_user_dataframe_per_type():
    """A DataFrame gives targets per type (rows) and indicator (columns)."""
    bm = pd.DataFrame(
        {"out": [100.0, 300.0], "energy": [0.5, 1.25]},
        index=["basic", "strategic"],
    )
    gaps = flag_gaps(CRAFTED, SYSTEM, benchmark=bm)
    assert cell(gaps, "S1", "out")["attainment"] == pytest.approx(0.5)
    assert cell(gaps, "S1", "energy")["attainment"] == pytest.approx(0.5)
    assert cell(gaps, "S1", "energy")["severity"] == "major"
    assert cell(gaps, "B2", "energy")["attainment"] == pytest.approx(0.3125)


def test_resolve_benchmark_system_without_table():
    """'system' and user targets resolve without a table."""
    bm = resolve_benchmark(None, SYSTEM)
    assert bm.target("strategic", "carriers") == 20.0
    assert bm.provenance == {"basic": "system", "strategic": "system"}
    t = bm.table
    assert list(t.index) == ["basic", "strategic"]
    assert list(t.columns) == list(IDS)
    with pytest.raises(ValueError, match="read-only"):
        bm.values[0, 0] = 1.0


# --------------------------------------------------------------------------
# error paths
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bounds", [(0.5, 0.8), (1.2, 0.5), (0.8, 0.0), (0.8, 0.8), ("a", 1), 3]
)
def test_bad_bounds(bounds):
    """Bounds must satisfy 1 >= upper > lower > 0."""
    with pytest.raises(ParameterError, match=r"'bounds' must be \(upper"):
        flag_gaps(CRAFTED, SYSTEM, bounds=bounds)


@pytest.mark.parametrize("q", [0, 1.5, -0.1, "high", True])
def test_bad_quantile(q):
    """The quantile must lie in (0, 1]."""
    with pytest.raises(
        ParameterError, match=r"'quantile' must be .* \(0, 1\]"
    ):
        flag_gaps(CRAFTED, SYSTEM, benchmark="quantile", quantile=q)


def test_unknown_benchmark_cluster_lists_close_names():
    """A misspelt cluster name is a ParameterError naming close names."""
    df = CRAFTED.copy()
    df.loc[3, "cluster"] = "Changsha Construction Machinery"
    with pytest.raises(
        ParameterError, match="close names: 'Changsha Construction Machinery'"
    ):
        flag_gaps(df, SYSTEM, benchmark="Changsha Constructon Machinery")


def test_unknown_benchmark_cluster_without_close_name():
    """Without a close name the message lists some table clusters."""
    with pytest.raises(ParameterError, match="no close name; the table has"):
        flag_gaps(CRAFTED, SYSTEM, benchmark="Zzzzzz")


def test_benchmark_wrong_kind():
    """A benchmark that is neither a string nor targets is refused."""
    with pytest.raises(ParameterError, match="got int 3"):
        flag_gaps(CRAFTED, SYSTEM, benchmark=3)


def test_quantile_needs_table():
    """resolve_benchmark('quantile') needs the table."""
    with pytest.raises(ParameterError, match="needs the table"):
        resolve_benchmark(None, SYSTEM, "quantile")


@pytest.mark.parametrize(
    ("bm", "match"),
    [
        ({"outt": 1.0}, r"unknown indicators: 'outt' \(did you mean 'out'"),
        (
            pd.DataFrame({"out": [1.0]}, index=["basik"]),
            r"unknown cluster types: 'basik' \(did you mean 'basic'",
        ),
        ({"out": -1.0}, r"finite numbers >= 0 .*basic/out = -1.0"),
        ({"out": np.inf}, r"finite numbers >= 0"),
        ({"basic": {"out": 1.0}, "out": 2.0}, "mixes both"),
        ({"out": "ten"}, "must be numbers"),
    ],
)
def test_bad_user_targets(bm, match):
    """User targets with unknown ids or bad numbers are refused."""
    with pytest.raises(ParameterError, match=match):
        flag_gaps(CRAFTED, SYSTEM, benchmark=bm)


def test_benchmark_object_checks():
    """Benchmark() refuses a wrong shape and negative targets."""
    with pytest.raises(ParameterError, match=r"shape \(2, 5\)"):
        Benchmark("user", ("basic", "strategic"), IDS, np.ones((2, 4)), {})
    bad = np.ones((2, 5))
    bad[1, 2] = -3
    with pytest.raises(ParameterError, match="'strategic', indicator 'rd'"):
        Benchmark("user", ("basic", "strategic"), IDS, bad, {})


def test_benchmark_object_from_another_system():
    """A Benchmark resolved for a different system is refused."""
    other = Benchmark("user", ("basic",), IDS, np.ones((1, 5)), {})
    with pytest.raises(ParameterError, match="another system"):
        flag_gaps(CRAFTED, SYSTEM, benchmark=other)


def test_negative_system_target_is_config_error():
    """A negative target in the indicator system is a ConfigError."""
    targets = {t: dict(v) for t, v in TARGETS.items()}
    targets["basic"]["out"] = -5.0
    with pytest.raises(ConfigError, match="target of 'out' for type 'basic'"):
        flag_gaps(CRAFTED, make_system(targets))


def test_not_a_dataframe():
    """flag_gaps needs a DataFrame."""
    with pytest.raises(DataError, match="must be a pandas DataFrame"):
        flag_gaps([[1, 2]], SYSTEM)


# --------------------------------------------------------------------------
# the dimension view and top gaps
# --------------------------------------------------------------------------

# hand calculation with WEIGHTS (local: scale 0.75/0.25, innovation
# 0.5/0.5, services 1), min(a, 1) per indicator:
EXPECTED_DIMS = {
    "B1": ((1.0, "none"), (1.0, "none"), (1.0, "none")),
    # scale .75*.8 + .25*.5 = .725; innovation .5*.49 + .5*1 = .745;
    # services 2/3
    "B2": ((0.725, "major"), (0.745, "major"), (2 / 3, "major")),
    # scale .75*0 + .25*1 = .25; innovation .5*.995 + .5*.5 = .7475
    "B3": ((0.25, "critical"), (0.7475, "major"), (1.0, "none")),
    # scale .75*.75 + .25*.4 = .6625; innovation .5*1 + .5*.95 = .975
    "S1": ((0.6625, "major"), (0.975, "minor"), (0.0, "critical")),
}
EXPECTED_WEAKEST = {
    "B1": None,
    "B2": "services",
    "B3": "scale",
    "S1": "services",
}


def test_dimension_gaps_hand_computed():
    """Weighted attainment per dimension matches the hand calculation."""
    dims = dimension_gaps(CRAFTED, SYSTEM, weights=WEIGHTS)
    assert list(dims.columns) == [
        "cluster",
        "type",
        "dimension",
        "dimension_weight",
        "attainment",
        "severity",
        "n_indicators",
        "n_gaps",
        "weakest",
    ]
    for cluster, expected in EXPECTED_DIMS.items():
        mine = dims[dims["cluster"] == cluster]
        np.testing.assert_allclose(
            mine["attainment"], [a for a, _ in expected]
        )
        assert mine["severity"].tolist() == [s for _, s in expected]
        weakest = mine.loc[mine["weakest"], "dimension"].tolist()
        assert weakest == (
            []
            if EXPECTED_WEAKEST[cluster] is None
            else [EXPECTED_WEAKEST[cluster]]
        )
    np.testing.assert_allclose(
        dims["dimension_weight"].iloc[:3], [0.4, 0.4, 0.2]
    )
    b2 = dims[dims["cluster"] == "B2"]
    assert b2["n_gaps"].tolist() == [2, 1, 1]
    assert b2["n_indicators"].tolist() == [2, 2, 1]


def test_dimension_gaps_per_type_weights():
    """A DataFrame of weights gives each type its own local weights."""
    w = pd.DataFrame(
        [WEIGHTS.to_numpy(), [0.1, 0.3, 0.2, 0.2, 0.2]],
        index=["basic", "strategic"],
        columns=list(IDS),
    )
    dims = dimension_gaps(CRAFTED, SYSTEM, weights=w)
    s1 = dims[(dims["cluster"] == "S1") & (dims["dimension"] == "scale")]
    # strategic scale local weights .25/.75: .25*.75 + .75*.4 = .4875
    assert s1["attainment"].iloc[0] == pytest.approx(0.4875)
    assert s1["severity"].iloc[0] == "critical"


def test_dimension_gaps_equal_weights_without_judgments():
    """A system without judgments weighs indicators equally per dimension."""
    dims = dimension_gaps(CRAFTED, SYSTEM)
    b2 = dims[(dims["cluster"] == "B2") & (dims["dimension"] == "scale")]
    assert b2["attainment"].iloc[0] == pytest.approx((0.8 + 0.5) / 2)
    np.testing.assert_allclose(dims["dimension_weight"].iloc[:3], [1 / 3] * 3)


def test_dimension_gaps_skip_missing_targets():
    """Indicators without a target drop out and the weights renormalise."""
    targets = {t: dict(v) for t, v in TARGETS.items()}
    del targets["strategic"]["out"]
    del targets["strategic"]["cluster_org_maturity"]
    dims = dimension_gaps(CRAFTED, make_system(targets), weights=WEIGHTS)
    s1 = dims[dims["cluster"] == "S1"].set_index("dimension")
    assert s1.loc["scale", "attainment"] == pytest.approx(0.4)  # energy only
    assert s1.loc["scale", "severity"] == "critical"
    assert math.isnan(s1.loc["services", "attainment"])
    assert s1.loc["services", "severity"] == "no target"


def test_dimension_gaps_with_ahp_hierarchy():
    """Default weights come from the AHP hierarchy of the cluster's type.

    Consistent matrices from w = (0.4, 0.4, 0.2), (0.75, 0.25), (0.5, 0.5)
    give back those weights exactly (Saaty 1980: a consistent matrix's
    principal eigenvector is w), so the result equals the WEIGHTS case.
    """
    judgments = (
        Judgments(
            "dimensions",
            "default",
            ("scale", "innovation", "services"),
            _consistent([0.4, 0.4, 0.2]),
        ),
        Judgments(
            "scale", "default", ("out", "energy"), _consistent([0.75, 0.25])
        ),
        Judgments(
            "innovation",
            "default",
            ("rd", "carriers"),
            _consistent([0.5, 0.5]),
        ),
        Judgments(
            "services", "default", ("cluster_org_maturity",), np.ones((1, 1))
        ),
    )
    system = make_system(judgments=judgments)
    dims = dimension_gaps(CRAFTED, system)
    b2 = dims[dims["cluster"] == "B2"]
    np.testing.assert_allclose(b2["attainment"], [0.725, 0.745, 2 / 3])
    np.testing.assert_allclose(b2["dimension_weight"], [0.4, 0.4, 0.2])


def test_top_gaps_order_by_weight_times_shortfall():
    """Top gaps are ordered by global weight x (1 - min(a, 1))."""
    top = top_gaps(CRAFTED, SYSTEM, weights=WEIGHTS, k=10)
    # B2: rd .2*.51 = .102, org .2/3 = .0667, out .3*.2 = .06, energy
    # .1*.5 = .05; S1: org .2*1 = .2, out .3*.25 = .075, energy .1*.6 = .06,
    # carriers .2*.05 = .01; B3: out .3, carriers .1, rd .001; B1: none
    b2 = top[top["cluster"] == "B2"]
    assert b2["indicator"].tolist() == [
        "rd",
        "cluster_org_maturity",
        "out",
        "energy",
    ]
    np.testing.assert_allclose(b2["priority"], [0.102, 0.2 / 3, 0.06, 0.05])
    assert b2["rank"].tolist() == [1, 2, 3, 4]
    s1 = top[top["cluster"] == "S1"]
    assert s1["indicator"].tolist() == [
        "cluster_org_maturity",
        "out",
        "energy",
        "carriers",
    ]
    assert "B1" not in set(top["cluster"])
    assert top["cluster"].drop_duplicates().tolist() == ["B2", "B3", "S1"]


def test_top_gaps_k():
    """At most k gaps per cluster are kept."""
    top = top_gaps(CRAFTED, SYSTEM, weights=WEIGHTS, k=1)
    assert top.set_index("cluster")["indicator"].to_dict() == {
        "B2": "rd",
        "B3": "out",
        "S1": "cluster_org_maturity",
    }


@pytest.mark.parametrize("k", [0, -1, 1.5, True])
def test_top_gaps_bad_k(k):
    """The argument k must be an integer >= 1."""
    with pytest.raises(ParameterError, match="'k' must be an integer >= 1"):
        top_gaps(CRAFTED, SYSTEM, k=k)


@pytest.mark.parametrize(
    ("weights", "match"),
    [
        (WEIGHTS * 2, "must sum to 1"),
        (pd.Series({"out": 1.0, "rdd": 0.0}), "unknown indicators: 'rdd'"),
        (
            pd.DataFrame(
                [WEIGHTS.to_numpy()], index=["basic"], columns=list(IDS)
            ),
            "no row for type 'strategic'",
        ),
        ("ahp", "'weights' must be None"),
    ],
)
def test_bad_weights(weights, match):
    """Weights must cover the table's types and sum to 1."""
    with pytest.raises(ParameterError, match=match):
        dimension_gaps(CRAFTED, SYSTEM, weights=weights)


# --------------------------------------------------------------------------
# recommendations and diagnose
# --------------------------------------------------------------------------


def test_recommendations_rule():
    """Flagged dimensions get their lines; the org line when it is short."""
    recs = recommendations(CRAFTED, SYSTEM, weights=WEIGHTS)
    assert tuple(recs.columns) == REC_COLUMNS
    got = list(
        zip(
            recs["cluster"],
            recs["dimension"],
            recs["indicator"],
            recs["text"],
            strict=True,
        )
    )
    assert got == [
        # B2: scale .725 major, innovation .745 major (+ rd critical),
        # services .667 major: no dimension-wide services line for basic,
        # so a row with no text; the org indicator line (2 of 3)
        ("B2", "scale", "", "Merge."),
        ("B2", "innovation", "", "Raise R&D."),
        ("B2", "services", "", None),
        (
            "B2",
            "services",
            "cluster_org_maturity",
            "Professionalise the promotion organisation.",
        ),
        # B3: scale critical, innovation major; org 4 of 3: no line
        ("B3", "scale", "", "Merge."),
        ("B3", "innovation", "", "Raise R&D."),
        # S1: scale major (no strategic scale line); innovation minor and
        # no critical indicator: not flagged; services critical; org line
        ("S1", "scale", "", None),
        ("S1", "services", "", None),
        (
            "S1",
            "services",
            "cluster_org_maturity",
            "Professionalise the promotion organisation.",
        ),
    ]
    b2 = recs[recs["cluster"] == "B2"].set_index(["dimension", "indicator"])
    assert b2.loc[("scale", ""), "reason"] == "dimension attainment 72.5%"
    assert b2.loc[("services", "cluster_org_maturity"), "reason"] == (
        "cluster_org_maturity 2 of target 3"
    )
    assert b2.loc[("scale", ""), "source"] == "seed 000 §4.1"


def test_recommendations_critical_indicator_flags_dimension():
    """A critical indicator flags its dimension even when the mean is minor."""
    df = table({"X": ("strategic", 200, 1.0, 1.0, 100, 3)})
    # innovation: .5*.25 + .5*1 = .625 major; make rd critical but the
    # dimension minor with min_severity="critical"
    recs = recommendations(
        df, SYSTEM, weights=WEIGHTS, min_severity="critical"
    )
    assert recs["dimension"].tolist() == ["innovation"]
    assert recs["reason"].iloc[0] == "critical indicator(s): rd"
    assert recs["text"].iloc[0] == "Build platforms."


def test_recommendations_min_severity_minor():
    """min_severity='minor' also flags S1's innovation (0.975, minor)."""
    recs = recommendations(
        CRAFTED, SYSTEM, weights=WEIGHTS, min_severity="minor"
    )
    s1 = recs[recs["cluster"] == "S1"]
    assert ("innovation", "Build platforms.") in list(
        zip(s1["dimension"], s1["text"], strict=True)
    )


def test_recommendations_bad_min_severity():
    """min_severity must be one of the graded severities."""
    with pytest.raises(ParameterError, match="'min_severity' must be one of"):
        recommendations(CRAFTED, SYSTEM, min_severity="none")


def test_diagnose_one_cluster():
    """diagnose() collects one cluster's gaps, dimensions, top gaps, recs."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS, k=2)
    assert d.cluster == "B2"
    assert d.cluster_type == "basic"
    assert d.benchmark == "system"
    assert d.bounds == (0.8, 0.5)
    assert d.gaps["severity"].tolist() == list(EXPECTED_SEVERITY["B2"])
    assert d.weakest == ("services", "scale", "innovation")
    assert d.top_gaps["indicator"].tolist() == ["rd", "cluster_org_maturity"]
    assert len(d.recommendations) == 4
    text = str(d)
    assert "Gap diagnosis: B2" in text
    assert "Weakest dimension (short board, 短板): Services (66.7%)" in text
    assert "Merge." in text
    assert "Source: seed 000 §4.1" in text
    assert "(the indicator file has no recommendation" in text


def test_diagnose_chinese():
    """to_text(lang='zh') uses Chinese names and text_zh."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS)
    text = d.to_text(lang="zh")
    assert "差距诊断: B2" in text
    assert "基础型" in text
    assert "兼并重组。" in text
    assert "促进机构成熟度" in text
    assert "较大" in text  # major
    md = d.to_markdown(lang="zh")
    assert md.startswith("## 差距诊断: B2")
    assert "| 规模 | 72.5% | 较大 | 2/2 |" in md


def test_diagnose_text_without_chinese_text_falls_back_to_english():
    """A recommendation with no text_zh shows its English text in zh."""
    d = diagnose(CRAFTED, SYSTEM, "S1", weights=WEIGHTS, min_severity="minor")
    assert "Build platforms." in d.to_text(lang="zh")


def test_diagnose_no_gap():
    """A cluster meeting every target has no weakest dimension or gaps."""
    d = diagnose(CRAFTED, SYSTEM, "B1", weights=WEIGHTS)
    assert d.weakest == ()
    assert len(d.top_gaps) == 0
    assert len(d.recommendations) == 0
    assert "none: every target is met" in d.to_text()


def test_diagnose_to_dict_is_json_ready():
    """to_dict() has plain values: inf as 'inf', NaN as None."""
    d = diagnose(CRAFTED, SYSTEM, "B3", weights=WEIGHTS)
    data = json.loads(json.dumps(d.to_dict()))
    energy = next(g for g in data["gaps"] if g["indicator"] == "energy")
    assert energy["attainment"] == "inf"
    assert data["weakest"] == ["scale", "innovation"]


def test_diagnose_unknown_cluster():
    """An unknown cluster is a ParameterError with close names."""
    with pytest.raises(ParameterError, match="close names: 'B2'"):
        diagnose(CRAFTED, SYSTEM, "B22")


def test_diagnose_quantile_provenance():
    """With a quantile benchmark the diagnosis says where targets came from."""
    with pytest.warns(FallbackWarning):
        d = diagnose(
            quantile_table(), SYSTEM, "S2", "quantile", weights=WEIGHTS
        )
    assert d.benchmark == "quantile q=0.9 of 5 clusters"
    assert "Benchmark: quantile q=0.9 of 5 clusters" in d.to_text()


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------

finite = st.floats(min_value=0, max_value=1e6, allow_nan=False)
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)


@settings(max_examples=200)
@given(value=finite, raise_by=finite, target=positive)
def test_raising_a_benefit_value_never_worsens_severity(
    value, raise_by, target
):
    """Raising a benefit value never makes its severity worse."""
    targets = {t: dict(v) for t, v in TARGETS.items()}
    targets["basic"]["out"] = target
    system = make_system(targets)
    df = table(
        {
            "A": ("basic", value, 0.8, 2.0, 10, 3),
            "B": ("basic", value + raise_by, 0.8, 2.0, 10, 3),
        }
    )
    gaps = flag_gaps(df, system)
    before = cell(gaps, "A", "out")["severity"]
    after = cell(gaps, "B", "out")["severity"]
    assert RANK[after] <= RANK[before]


@settings(max_examples=200)
@given(value=positive, lower_by=st.floats(0, 1), target=positive)
def test_lowering_a_cost_value_never_worsens_severity(value, lower_by, target):
    """Lowering a cost value never makes its severity worse."""
    targets = {t: dict(v) for t, v in TARGETS.items()}
    targets["basic"]["energy"] = target
    system = make_system(targets)
    df = table(
        {
            "A": ("basic", 100, value, 2.0, 10, 3),
            "B": ("basic", 100, value * (1 - lower_by), 2.0, 10, 3),
        }
    )
    gaps = flag_gaps(df, system)
    before = cell(gaps, "A", "energy")["severity"]
    after = cell(gaps, "B", "energy")["severity"]
    assert RANK[after] <= RANK[before]


rows = st.lists(
    st.tuples(
        st.sampled_from(["basic", "strategic"]),
        finite,
        finite,
        finite,
        finite,
        finite,
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=200)
@given(rows=rows, data=st.data())
def test_benchmark_cluster_against_itself_is_one_everywhere(rows, data):
    """The benchmark cluster's attainment against itself is 1 everywhere."""
    df = table({f"C{k}": r for k, r in enumerate(rows)})
    name = data.draw(st.sampled_from(list(df["cluster"])))
    gaps = flag_gaps(df, SYSTEM, benchmark=name)
    mine = gaps[gaps["cluster"] == name]
    assert (mine["attainment"] == 1.0).all()
    assert set(mine["severity"]) == {"none"}


@settings(max_examples=100)
@given(rows=rows)
def test_dimension_attainment_in_unit_interval(rows):
    """Dimension attainment lies in [0, 1]; it is 1 iff nothing is short."""
    df = table({f"C{k}": r for k, r in enumerate(rows)})
    gaps = flag_gaps(df, SYSTEM)
    dims = dimension_gaps(df, SYSTEM, weights=WEIGHTS)
    assert dims["attainment"].between(0, 1).all()
    short = (
        gaps.assign(s=gaps["severity"] != "none")
        .groupby(["cluster", "dimension"], sort=False)["s"]
        .any()
    )
    full = dims.set_index(["cluster", "dimension"])["attainment"] >= 1 - 1e-9
    assert (full == ~short.reindex(full.index)).all()


# --------------------------------------------------------------------------
# the example script, run as a user runs it
# --------------------------------------------------------------------------


def test_example_script_runs():
    """examples/gaps.py runs from the repository root on the bundled data."""
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, "examples/gaps.py"],
        capture_output=True,
        cwd=root,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode("utf-8")
    assert "Gap diagnosis: Changsha Construction Machinery" in text
    assert "差距诊断: Hefei Intelligent Voice" in text
    assert "strategic: quantile q=0.9 of 20 clusters" in text


def test_resolve_benchmark_min_clusters():
    """min_clusters=1 lets a single-cluster type use its own quantile."""
    bm = resolve_benchmark(
        quantile_table(), SYSTEM, "quantile", min_clusters=1
    )
    assert bm.provenance["basic"] == "quantile q=0.9 of 1 clusters"
    assert bm.target("basic", "out") == 100.0
    with pytest.raises(ParameterError, match="'min_clusters' must be"):
        resolve_benchmark(quantile_table(), SYSTEM, "quantile", min_clusters=0)
