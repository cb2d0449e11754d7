"""Tests for clusterscore.gaps.flag: attainment, severity, flag_gaps.

Every expected number below is a hand calculation on the crafted table of
``tests/gaps/crafted.py`` (attainment = value / target for benefit
indicators, target / value for cost ones; severity bounds 0.8 and 0.5,
DESIGN.md).
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
    DataError,
    FallbackWarning,
    ParameterError,
)
from clusterscore.gaps import (
    GAP_COLUMNS,
    flag_gaps,
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
RANK = crafted.RANK
IDS = crafted.IDS
TARGETS = crafted.TARGETS
make_system = crafted.make_system
SYSTEM = crafted.SYSTEM
quantile_table = crafted.quantile_table
table = crafted.table
CRAFTED = crafted.CRAFTED
EXPECTED_ATTAINMENT = crafted.EXPECTED_ATTAINMENT
EXPECTED_SEVERITY = crafted.EXPECTED_SEVERITY
cell = crafted.cell
finite = crafted.finite
positive = crafted.positive


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


@pytest.mark.parametrize(
    "bounds", [(0.5, 0.8), (1.2, 0.5), (0.8, 0.0), (0.8, 0.8), ("a", 1), 3]
)
def test_bad_bounds(bounds):
    """Bounds must satisfy 1 >= upper > lower > 0."""
    with pytest.raises(ParameterError, match=r"'bounds' must be \(upper"):
        flag_gaps(CRAFTED, SYSTEM, bounds=bounds)


def test_not_a_dataframe():
    """flag_gaps needs a DataFrame."""
    with pytest.raises(DataError, match="must be a pandas DataFrame"):
        flag_gaps([[1, 2]], SYSTEM)


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


def test_flag_gaps_panel_has_year_and_per_year_quantile():
    """On a panel the quantile benchmark is resolved on each year.

    A year column follows cluster. Doubling every strategic value in 2022
    doubles that year's quantile targets, so the attainments of the
    strategic clusters are those of 2021 (B1, alone in its type, falls
    back to the system targets, with a warning, in each year).
    """
    first = quantile_table().assign(year=2021)
    second = quantile_table().assign(year=2022)
    second[["out", "energy", "carriers"]] *= 2
    panel = pd.concat([first, second], ignore_index=True)
    with pytest.warns(FallbackWarning, match="'B1'"):
        gaps = flag_gaps(panel, SYSTEM, benchmark="quantile")
    assert list(gaps.columns[:2]) == ["cluster", "year"]
    gaps = gaps[gaps["type"] == "strategic"]
    a = gaps.set_index(["year", "cluster", "indicator"])["attainment"]
    np.testing.assert_allclose(
        a.loc[2022].to_numpy(), a.loc[2021].to_numpy(), rtol=1e-12
    )
    prov = gaps.attrs["clusterscore"]["provenance"]
    assert set(prov) == {2021, 2022}
    assert "quantile" in prov[2022]["strategic"]
