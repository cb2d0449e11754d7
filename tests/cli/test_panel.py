"""Tests of ``clusterscore rank`` and ``gaps`` on a panel (a year column)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PANEL_CSV = ROOT / "examples" / "national_clusters_panel.csv"


def test_rank_panel_prints_each_year_with_changes(cli):
    """One table per year, with the change columns, and the notes."""
    proc = cli("rank", PANEL_CSV, "--top", "2")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert [ln for ln in out.splitlines() if ln.startswith("year ")] == [
        "year 2021",
        "year 2022",
        "year 2023",
    ]
    header = out.splitlines()[1].split()
    assert header[:4] == ["cluster", "rank", "rank_change", "score_change"]
    assert "NaN in its first year" in out
    assert "scores are comparable across years" in out


def test_rank_panel_one_year_csv_per_year(cli):
    """--year keeps one year; --panel per_year says so in the summary."""
    proc = cli(
        "rank",
        PANEL_CSV,
        "--year",
        "2022",
        "--format",
        "csv",
        "--panel",
        "per_year",
    )
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert {r["year"] for r in rows} == {"2022"}
    assert len(rows) == 27
    table = cli("rank", PANEL_CSV, "--panel", "per_year").stdout
    assert "comparable only within a year" in table


def test_rank_year_errors(cli):
    """A year not in the table, or --year without years, is exit 2."""
    cli("rank", PANEL_CSV, "--year", "2020").assert_clean_error(
        "its years: 2021, 2022, 2023"
    )
    example = ROOT / "examples" / "national_clusters.csv"
    cli("rank", example, "--year", "2020").assert_clean_error(
        "needs a table with a 'year' column"
    )


def test_gaps_cluster_on_a_panel_shows_the_trend(cli):
    """A diagnosis on a panel is of the latest year, with the trend."""
    proc = cli("gaps", PANEL_CSV, "--cluster", "Hefei Intelligent Voice")
    assert proc.returncode == 0, proc.stderr
    assert "Gap diagnosis: Hefei Intelligent Voice (Year 2023)" in proc.stdout
    assert "Attainment trend by dimension" in proc.stdout
    proc = cli(
        "gaps",
        PANEL_CSV,
        "--cluster",
        "Hefei Intelligent Voice",
        "--year",
        "2021",
    )
    assert "(Year 2021)" in proc.stdout
