"""Generated documentation must match what the code produces now."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_gaps_worked_example_is_current():
    """docs/gaps.md's generated sections equal a fresh run of the code."""
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "gen_gaps_example.py"),
            "--check",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_docs_name_only_existing_files():
    """Paths like `docs/x.md` or `examples/y.py` named in docs exist."""
    pattern = re.compile(
        r"`((?:docs|examples|indicators|scripts|benchmarks)/[\w./-]+)`"
    )
    missing = []
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        for path in pattern.findall(page.read_text(encoding="utf-8")):
            if "<" in path or "*" in path:
                continue
            if not (ROOT / path).exists():
                missing.append(f"{page.name}: {path}")
    assert not missing, missing
