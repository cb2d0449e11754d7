"""Tests of ``clusterscore coupling`` (`clusterscore.cli.coupling`)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

from clusterscore.analysis import coupling_coordination
from clusterscore.io import read_clusters
from clusterscore.scoring import evaluate
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
PANEL = ROOT / "examples" / "national_clusters_panel.csv"


def _strict(text: str):
    def refuse(constant):
        raise ValueError(constant)

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def ev():
    system = load_system(None)
    return evaluate(read_clusters(EXAMPLE, system), system)


@pytest.mark.parametrize("form", ["corrected", "classic"])
def test_json_equals_the_library(cli, ev, form):
    cc = coupling_coordination(ev, form=form)
    proc = cli("coupling", EXAMPLE, "--form", form, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = _strict(proc.stdout)
    assert doc["form"] == form
    assert [r["cluster"] for r in doc["clusters"]] == list(cc.index)
    for rec in doc["clusters"]:
        row = cc.loc[rec["cluster"]]
        for col in ("C", "T", "D"):
            assert rec[col] == pytest.approx(row[col], abs=1e-12)
        assert rec["D"] == pytest.approx(math.sqrt(rec["C"] * rec["T"]))
        assert rec["grade"] == row["grade"]
        assert rec["grade_zh"] == row["grade_zh"]
        assert rec["grade_en"] == row["grade_en"]


def test_forms_differ(cli):
    a = _strict(cli("coupling", EXAMPLE, "--format", "json").stdout)
    b = _strict(
        cli(
            "coupling", EXAMPLE, "--form", "classic", "--format", "json"
        ).stdout
    )
    assert [r["C"] for r in a["clusters"]] != [r["C"] for r in b["clusters"]]


def test_csv_has_the_grade_name_of_the_language(cli, ev):
    cc = coupling_coordination(ev)
    en = list(
        csv.DictReader(
            io.StringIO(cli("coupling", EXAMPLE, "--format", "csv").stdout)
        )
    )
    assert en[0]["grade_name"] == cc["grade_en"].iloc[0]
    zh = list(
        csv.DictReader(
            io.StringIO(
                cli(
                    "coupling", EXAMPLE, "--format", "csv", "--lang", "zh"
                ).stdout
            )
        )
    )
    assert zh[0]["协调等级名称"] == cc["grade_zh"].iloc[0]
    for key in ("耦合度 C", "综合发展指数 T", "耦合协调度 D", "协调等级"):
        assert key in zh[0]


def test_table_headings(cli):
    proc = cli("coupling", EXAMPLE)
    assert "corrected form" in proc.stdout
    zh = cli(
        "coupling",
        EXAMPLE,
        "--lang",
        "zh",
        "--form",
        "classic",
        "--format",
        "markdown",
    )
    assert "耦合协调度" in zh.stdout
    assert "经典" in zh.stdout


def test_panel(cli):
    assert cli("coupling", PANEL).returncode == 0
    cli("coupling", PANEL, "--year", "1999").assert_clean_error("--year")


def test_bad_form_is_a_usage_error(cli):
    assert cli("coupling", EXAMPLE, "--form", "odd").returncode == 2
