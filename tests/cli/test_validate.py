"""Tests of ``clusterscore validate`` (`clusterscore.cli.validate`)."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CSV = ROOT / "examples" / "national_clusters.csv"


def test_validate_ok(cli):
    """Validate reports the clusters and types of a valid file."""
    proc = cli("validate", EXAMPLE_CSV)
    assert proc.returncode == 0, proc.stderr
    assert "valid" in proc.stdout
    assert "strategic" in proc.stdout


def test_validate_lists_every_problem(cli, tmp_path):
    """Validate on a bad table names each bad cell."""
    rows = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    cells = next(csv.reader([rows[1]]))
    cells[header.index("national_share")] = "130"
    cells[header.index("type")] = "huge"
    rows[1] = ",".join(f'"{c}"' if "," in c else c for c in cells)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    before = bad.read_bytes()
    proc = cli("validate", bad)
    proc.assert_clean_error("national_share", "130", "huge")
    assert bad.read_bytes() == before
