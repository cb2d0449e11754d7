"""Tests for clusterscore.gaps.recommend: the recommendation rule.

Every expected number below is a hand calculation on the crafted table of
``tests/gaps/crafted.py`` (attainment = value / target for benefit
indicators, target / value for cost ones; severity bounds 0.8 and 0.5,
DESIGN.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from clusterscore.errors import (
    ParameterError,
)
from clusterscore.gaps import (
    REC_COLUMNS,
    recommendations,
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
WEIGHTS = crafted.WEIGHTS
SYSTEM = crafted.SYSTEM
table = crafted.table
CRAFTED = crafted.CRAFTED


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
