"""Tests for clusterscore.gaps.benchmark: the benchmark modes.

Every expected number below is a hand calculation on the crafted table of
``tests/gaps/crafted.py`` (attainment = value / target for benefit
indicators, target / value for cost ones; severity bounds 0.8 and 0.5,
DESIGN.md),
or a quantile worked by hand with numpy's default linear interpolation
(Hyndman & Fan 1996, definition 7: position (n - 1) q).
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import (
    ConfigError,
    FallbackWarning,
    ParameterError,
)
from clusterscore.gaps import (
    Benchmark,
    flag_gaps,
    resolve_benchmark,
)


def _load_crafted():
    """Load tests/gaps/crafted.py once: the crafted system and tables."""
    name = "gaps_crafted"
    if name not in sys.modules:
        path = Path(__file__).resolve().parent / "crafted.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


crafted = _load_crafted()
IDS = crafted.IDS
TARGETS = crafted.TARGETS
make_system = crafted.make_system
SYSTEM = crafted.SYSTEM
table = crafted.table
CRAFTED = crafted.CRAFTED
cell = crafted.cell
quantile_table = crafted.quantile_table
finite = crafted.finite
rows = crafted.rows


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


def test_resolve_benchmark_min_clusters():
    """min_clusters=1 lets a single-cluster type use its own quantile."""
    bm = resolve_benchmark(
        quantile_table(), SYSTEM, "quantile", min_clusters=1
    )
    assert bm.provenance["basic"] == "quantile q=0.9 of 1 clusters"
    assert bm.target("basic", "out") == 100.0
    with pytest.raises(ParameterError, match="'min_clusters' must be"):
        resolve_benchmark(quantile_table(), SYSTEM, "quantile", min_clusters=0)
