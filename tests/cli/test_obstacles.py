"""Tests of ``clusterscore obstacles`` (`clusterscore.cli.obstacles`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from clusterscore.analysis import obstacle_degree
from clusterscore.io import read_clusters
from clusterscore.scoring import evaluate
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
PANEL = ROOT / "examples" / "national_clusters_panel.csv"
XIAN = "Xi'an Aviation"


def _strict(text: str):
    def refuse(constant):
        raise ValueError(constant)

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def od():
    system = load_system(None)
    return obstacle_degree(evaluate(read_clusters(EXAMPLE, system), system))


def test_json_equals_the_library(cli, od):
    """Every cluster's degrees are obstacle_degree's and sum to 100."""
    proc = cli("obstacles", EXAMPLE, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = _strict(proc.stdout)
    assert len(doc["indicators"]) == len(od.indicators)
    for rec in doc["indicators"]:
        row = od.indicators.loc[rec["cluster"]]
        got = [rec[c] for c in od.indicators.columns]
        assert got == pytest.approx(list(row), abs=1e-12)
        assert sum(got) == pytest.approx(100.0)
    for rec in doc["dimensions"]:
        got = [rec[c] for c in od.dimensions.columns]
        assert sum(got) == pytest.approx(100.0)
    top = od.top(5)
    assert [r["obstacle"] for r in doc["top"]] == pytest.approx(
        list(top["obstacle"])
    )


def test_hand_formula_for_one_cell(cli, od):
    """O_ij = 100 w_j d_ij / sum_j w_j d_ij from the weights and deviation."""
    w = od.weights.loc[XIAN]
    d = od.deviation.loc[XIAN]
    by_hand = 100 * w * d / (w * d).sum()
    proc = cli("obstacles", EXAMPLE, "--cluster", XIAN, "--format", "json")
    rec = _strict(proc.stdout)["indicators"][0]
    assert rec["cluster"] == XIAN
    for j in by_hand.index:
        assert rec[j] == pytest.approx(by_hand[j])


def test_cluster_and_top(cli, od):
    proc = cli(
        "obstacles",
        EXAMPLE,
        "--cluster",
        XIAN,
        "--top",
        "3",
        "--format",
        "csv",
    )
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["cluster"] for r in rows] == [XIAN] * 3
    want = od.top(3)
    want = want[want["cluster"] == XIAN]
    assert [r["indicator"] for r in rows] == list(want["indicator"])
    assert [float(r["obstacle"]) for r in rows] == pytest.approx(
        list(want["obstacle"])
    )


def test_table_and_zh_labels(cli):
    en = cli("obstacles", EXAMPLE, "--cluster", XIAN)
    assert en.returncode == 0
    assert "Top obstacles" in en.stdout
    assert "Dimension obstacles (%)" in en.stdout
    zh = cli(
        "obstacles",
        EXAMPLE,
        "--cluster",
        XIAN,
        "--lang",
        "zh",
        "--format",
        "markdown",
    )
    assert "障碍度" in zh.stdout
    assert "维度障碍度" in zh.stdout
    assert "## " in zh.stdout


def test_weighting_changes_the_degrees(cli):
    a = _strict(cli("obstacles", EXAMPLE, "--format", "json").stdout)
    b = _strict(
        cli(
            "obstacles", EXAMPLE, "--weighting", "entropy", "--format", "json"
        ).stdout
    )
    assert a["indicators"] != b["indicators"]


def test_panel_latest_year_and_year_option(cli):
    proc = cli("obstacles", PANEL, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert cli("obstacles", PANEL, "--year", "2021").returncode == 0
    bad = cli("obstacles", PANEL, "--year", "1999")
    bad.assert_clean_error("--year 1999", "2021")
    cli("obstacles", EXAMPLE, "--year", "2021").assert_clean_error(
        "'year' column"
    )


def test_unknown_cluster_is_a_clean_error(cli):
    cli("obstacles", EXAMPLE, "--cluster", "Nowhere").assert_clean_error(
        "Nowhere"
    )


def test_output_file(cli, tmp_path):
    out = tmp_path / "o.json"
    proc = cli("obstacles", EXAMPLE, "--format", "json", "-o", out)
    assert proc.returncode == 0
    assert _strict(out.read_text(encoding="utf-8"))["top"]
