"""Tests of ``clusterscore template`` (`clusterscore.cli.template`)."""

from __future__ import annotations

import csv
from pathlib import Path

from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CSV = ROOT / "examples" / "national_clusters.csv"


def test_template_round_trip(cli, tmp_path):
    """Template writes every column; filled in, it validates."""
    target = tmp_path / "t.csv"
    proc = cli("template", "-o", target)
    assert proc.returncode == 0, proc.stderr
    raw = target.read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")  # a byte-order mark, for Excel
    header = raw[1:].splitlines()[0]
    system = load_system()
    for ind in system.indicator_ids:
        assert ind in header.split(",")
    # fill one row from the example and validate it
    example = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
    ex = dict(
        zip(
            example[0].split(","),
            next(csv.reader([example[1]])),
            strict=True,
        )
    )
    cols = header.split(",")
    row = [ex.get(c, "") for c in cols]
    target.write_text(
        header + "\n" + ",".join(f'"{c}"' for c in row) + "\n",
        encoding="utf-8",
    )
    assert cli("validate", target).returncode == 0
