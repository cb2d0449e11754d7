"""Tests of `clusterscore.present.analysis` (obstacles and coupling)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clusterscore.analysis import coupling_coordination, obstacle_degree
from clusterscore.errors import ParameterError
from clusterscore.io import read_clusters
from clusterscore.present import system_labels
from clusterscore.present.analysis import (
    obstacle_block,
    obstacle_rows,
    render_coupling,
    render_obstacles,
)
from clusterscore.scoring import evaluate
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
XIAN = "Xi'an Aviation"


def _strict(text: str):
    def refuse(constant):
        raise ValueError(constant)

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def system():
    return load_system(None)


@pytest.fixture(scope="module")
def ev(system):
    return evaluate(read_clusters(EXAMPLE, system), system)


@pytest.fixture(scope="module")
def od(ev):
    return obstacle_degree(ev)


def test_obstacles_json_numbers_and_sums(od):
    doc = _strict(render_obstacles(od, "json"))
    assert doc["normalization"] == od.normalization
    for rec in doc["indicators"]:
        got = [rec[c] for c in od.indicators.columns]
        assert got == pytest.approx(list(od.indicators.loc[rec["cluster"]]))
        assert sum(got) == pytest.approx(100.0)
        assert rec["type"] == od.types.loc[rec["cluster"]]
    for rec in doc["dimensions"]:
        got = [rec[c] for c in od.dimensions.columns]
        assert got == pytest.approx(list(od.dimensions.loc[rec["cluster"]]))
        assert sum(got) == pytest.approx(100.0)


def test_obstacles_nan_is_null(od):
    """Strict JSON: a NaN degree is written as null."""
    ind = od.indicators.copy()
    ind.iloc[0, 0] = float("nan")
    bad = type(od)(
        ind,
        od.dimensions,
        od.deviation,
        od.weights,
        od.types,
        od.dimension_of,
        od.normalization,
    )
    doc = _strict(render_obstacles(bad, "json"))
    assert doc["indicators"][0][ind.columns[0]] is None


def test_obstacle_rows_of_one_cluster(od):
    rows = obstacle_rows(od, 4, XIAN)
    assert list(rows["cluster"]) == [XIAN] * 4
    assert list(rows["position"]) == [1, 2, 3, 4]
    assert rows["obstacle"].is_monotonic_decreasing
    top = od.indicators.loc[XIAN].sort_values(ascending=False)
    assert list(rows["obstacle"]) == pytest.approx(list(top.iloc[:4]))


def test_obstacles_text_zh(od, system):
    labels = system_labels(system, "zh")
    text = render_obstacles(od, "table", "zh", cluster=XIAN, labels=labels)
    assert "障碍度" in text
    assert "维度障碍度" in text
    assert system.indicators[0].name_zh in text or "指标" in text
    md = render_obstacles(od, "markdown", "en", top=2)
    assert md.count("## ") == 2
    csv_text = render_obstacles(od, "csv", top=1)
    assert csv_text.splitlines()[0].startswith("cluster,type,position")
    assert len(csv_text.splitlines()) == 1 + len(od.indicators)


def test_coupling_json_equals_library(ev):
    cc = coupling_coordination(ev, form="classic")
    doc = _strict(render_coupling(cc, "json", form="classic"))
    assert doc["form"] == "classic"
    for rec in doc["clusters"]:
        row = cc.loc[rec["cluster"]]
        assert rec["C"] == pytest.approx(row["C"])
        assert rec["T"] == pytest.approx(row["T"])
        assert rec["D"] == pytest.approx(row["D"])
        assert rec["grade"] == row["grade"]


def test_coupling_zh_labels(ev, system):
    cc = coupling_coordination(ev)
    labels = system_labels(system, "zh")
    text = render_coupling(cc, "table", "zh", labels=labels)
    for word in ("耦合度 C", "综合发展指数 T", "耦合协调度 D", "协调等级"):
        assert word in text
    assert cc["grade_zh"].iloc[0] in text
    assert "修正" in text
    en = render_coupling(cc, "table", "en")
    assert cc["grade_en"].iloc[0] in en
    assert "grade_zh" not in en


def test_obstacle_block_formats(od):
    rows = obstacle_rows(od, 3, XIAN)
    block = obstacle_block(rows, "json")
    assert [r["position"] for r in block["top_obstacles"]] == [1, 2, 3]
    assert "benchmark targets" in block["obstacles_vs_gaps"]
    text = obstacle_block(rows, "table", "zh")
    assert "障碍度" in text
    assert "基准目标值" in text
    assert all(len(line) <= 78 for line in text.splitlines()[-2:])
    assert obstacle_block(rows, "markdown").startswith("## Top obstacles")


def test_bad_format_is_refused(od, ev):
    with pytest.raises(ParameterError, match="fmt"):
        render_obstacles(od, "html")
    with pytest.raises(ParameterError, match="lang"):
        render_coupling(coupling_coordination(ev), "table", "fr")
