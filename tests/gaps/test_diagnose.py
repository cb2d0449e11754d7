"""Tests for clusterscore.gaps.diagnose: one cluster's Diagnosis (data).

The text layout is tested in tests/present/test_diagnosis.py.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import (
    FallbackWarning,
    ParameterError,
)
from clusterscore.gaps import (
    diagnose,
    set_diagnosis_renderer,
)
from clusterscore.present import diagnosis_markdown, diagnosis_text


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
CRAFTED = crafted.CRAFTED
SYSTEM = crafted.SYSTEM
WEIGHTS = crafted.WEIGHTS
EXPECTED_SEVERITY = crafted.EXPECTED_SEVERITY
quantile_table = crafted.quantile_table


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


def test_diagnose_no_gap():
    """A cluster meeting every target has no weakest dimension or gaps."""
    d = diagnose(CRAFTED, SYSTEM, "B1", weights=WEIGHTS)
    assert d.weakest == ()
    assert len(d.top_gaps) == 0
    assert len(d.recommendations) == 0


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


@pytest.fixture
def fake_renderers():
    """Register a fake renderer for both formats; restore present's."""
    seen = []

    def fake(diagnosis, **options):
        seen.append(options)
        return "laid out"

    set_diagnosis_renderer("text", fake)
    set_diagnosis_renderer("markdown", fake)
    yield seen
    set_diagnosis_renderer("text", diagnosis_text)
    set_diagnosis_renderer("markdown", diagnosis_markdown)


def test_to_text_and_to_markdown_delegate_to_the_registered_renderers(
    fake_renderers,
):
    """The methods call the renderers registered by clusterscore.present."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS)
    assert d.to_text(lang="zh", width=40) == "laid out"
    assert str(d) == "laid out"
    assert d.to_markdown() == "laid out"
    assert fake_renderers == [
        {"lang": "zh", "width": 40},
        {"lang": "en", "width": 78},
        {"lang": "en"},
    ]


def test_to_text_checks_lang_under_its_own_name():
    """A bad lang names Diagnosis.to_text / to_markdown in the message."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS)
    with pytest.raises(ParameterError, match=r"Diagnosis.to_text\(\)"):
        d.to_text(lang="fr")
    with pytest.raises(ParameterError, match=r"Diagnosis.to_markdown\(\)"):
        d.to_markdown(lang="fr")


def test_set_diagnosis_renderer_checks_the_format():
    """Only the text and Markdown renderers can be registered."""
    with pytest.raises(ParameterError, match="'fmt' must be one of"):
        set_diagnosis_renderer("html", str)


# --------------------------------------------------------------------------
# panels: diagnose per year, and the attainment trend
# --------------------------------------------------------------------------
def _b2_panel():
    """B2 in 2021 with its crafted values, in 2022 with B1's (all met)."""
    first = CRAFTED[CRAFTED["cluster"] == "B2"].assign(year=2021)
    second = CRAFTED[CRAFTED["cluster"] == "B1"].assign(
        cluster="B2", year=2022
    )
    others = CRAFTED[CRAFTED["cluster"] != "B2"].assign(year=2022)
    return pd.concat([first, second, others.iloc[1:]], ignore_index=True)


def test_diagnose_panel_latest_year_and_trend_by_hand():
    """The latest year is diagnosed; the trend is each dimension by year.

    2021 (B2's crafted values, basic targets, local weights 0.75/0.25,
    0.5/0.5, 1, attainments capped at 1): scale 0.75 * 0.8 + 0.25 * 0.5 =
    0.725; innovation 0.5 * 0.49 + 0.5 * 1 = 0.745; services 2/3.
    2022 (B1's values, every target met): 1, 1, 1. change = 2022 - 2021.
    """
    d = diagnose(_b2_panel(), SYSTEM, "B2", weights=WEIGHTS)
    assert d.year == 2022
    assert d.weakest == ()
    assert set(d.gaps["year"]) == {2022}
    t = d.trend
    assert list(t.columns) == [2021, 2022, "change"]
    assert list(t.index) == ["scale", "innovation", "services"]
    np.testing.assert_allclose(t[2021], [0.725, 0.745, 2 / 3])
    np.testing.assert_allclose(t[2022], [1.0, 1.0, 1.0])
    np.testing.assert_allclose(t["change"], [0.275, 0.255, 1 / 3])
    text = d.to_text()
    assert "Gap diagnosis: B2 (Year 2022)" in text
    assert "Attainment trend by dimension" in text
    assert "+27.5 pp" in text
    assert "| 2021 | 2022 |" in d.to_markdown(lang="zh")
    assert d.to_dict()["trend"][0]["change"] == pytest.approx(0.275)


def test_diagnose_panel_chosen_year():
    """year= picks the year; its gaps are that year's."""
    d = diagnose(_b2_panel(), SYSTEM, "B2", weights=WEIGHTS, year=2021)
    assert d.year == 2021
    assert d.gaps["severity"].tolist() == list(EXPECTED_SEVERITY["B2"])
    assert d.weakest == ("services", "scale", "innovation")
    with pytest.raises(ParameterError, match="its years: 2021, 2022"):
        diagnose(_b2_panel(), SYSTEM, "B2", year=2020)
    with pytest.raises(ParameterError, match="needs a table with a 'year'"):
        diagnose(CRAFTED, SYSTEM, "B2", year=2021)
    assert diagnose(CRAFTED, SYSTEM, "B2").trend is None
