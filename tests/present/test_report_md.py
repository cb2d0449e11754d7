"""The Markdown report (present/report_md.py): figures written beside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import clusterscore as cs

pytest.importorskip("matplotlib", reason="the report extra is not installed")

from clusterscore.present.report import report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


@pytest.fixture(scope="module")
def ev():
    system = cs.load_system()
    return cs.evaluate(cs.read_clusters(EXAMPLE, system), system)


def test_markdown_report_writes_figures_beside_it(ev, tmp_path):
    """27 radars and 4 figures as PNG files, pipe tables and the CRs."""
    out = report(ev, tmp_path / "r.md", format="markdown", samples=20)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Evaluation of advanced manufacturing clusters")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(links) == 4 + 27
    for link in links:
        assert (tmp_path / link).stat().st_size > 1000
    assert "| " in text  # pipe tables
    assert "CR = " in text
