"""Tests for clusterscore.gaps.dimensions: dimension_gaps, top_gaps.

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

from clusterscore.errors import (
    ParameterError,
)
from clusterscore.gaps import (
    dimension_gaps,
    flag_gaps,
    top_gaps,
)
from clusterscore.system import (
    Judgments,
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
WEIGHTS = crafted.WEIGHTS
_consistent = crafted._consistent
make_system = crafted.make_system
SYSTEM = crafted.SYSTEM
table = crafted.table
CRAFTED = crafted.CRAFTED
rows = crafted.rows


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
