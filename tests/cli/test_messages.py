"""Issue 16 item 17: messages that used to mislead, checked at the CLI.

One test per sub-point; each builds its file (a table, a FIFO, a system
without targets) in the test.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd
import pytest

from clusterscore.system import default_system_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


@pytest.fixture(scope="module")
def raw():
    """Return the example table as text cells."""
    return pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)


def test_overflowing_number_is_reported_as_written(cli, raw, tmp_path):
    """``1e400`` is named as written, not as ``inf``."""
    path = tmp_path / "big.csv"
    raw.assign(output_value=["1e400", *raw["output_value"][1:]]).to_csv(
        path, index=False
    )
    proc = cli("rank", path)
    proc.assert_clean_error("'1e400' overflows")
    assert "inf" not in proc.stderr.replace("information", "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_dev_null_as_system_are_not_directories(cli, tmp_path):
    """A FIFO or /dev/null as --system: not a regular file (no hang)."""
    fifo = tmp_path / "system.toml"
    os.mkfifo(fifo)
    for target in (fifo, os.devnull):
        proc = cli("rank", EXAMPLE, "--system", target)
        proc.assert_clean_error("not a regular file", "--system")
        assert "directory" not in proc.stderr


def test_one_cluster_names_the_table_not_type_none(cli, raw, tmp_path):
    """One cluster: 'the table has a single cluster', no 'type None'."""
    path = tmp_path / "one.csv"
    raw.head(1).to_csv(path, index=False)
    proc = cli("rank", path)
    assert proc.returncode == 0, proc.stderr
    assert "the table has a single cluster" in proc.stderr
    assert "None" not in proc.stderr


def test_gaps_without_targets_does_not_say_every_target_is_met(
    cli, raw, tmp_path
):
    """A system without targets: 'defines no targets', not 'all met'."""
    text = default_system_path().read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=\[)", text)
    kept = [b for b in blocks if not b.startswith(("[[target]]", "[[rec"))]
    system = tmp_path / "no_targets.toml"
    system.write_text("".join(kept), encoding="utf-8")
    name = raw["cluster"][3]
    proc = cli("gaps", EXAMPLE, "--system", system, "--cluster", name)
    assert proc.returncode == 0, proc.stderr
    assert "the benchmark defines no targets" in proc.stdout
    assert "every target is met" not in proc.stdout


def test_many_extra_columns_give_a_short_warning(cli, raw, tmp_path):
    """20,000 unknown columns: one short line listing a few."""
    extra = pd.DataFrame(
        {f"x{i}": ["1"] * len(raw) for i in range(20_000)}, index=raw.index
    )
    path = tmp_path / "wide.csv"
    pd.concat([raw, extra], axis=1).to_csv(path, index=False)
    proc = cli("rank", path, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if "ignored" in ln]
    assert len(lines) == 1, proc.stderr[:500]
    assert len(lines[0]) < 300, lines[0][:300]
    assert lines[0].endswith("'x9' and 19990 more")


def test_european_excel_csv_gets_the_semicolon_message(cli, raw, tmp_path):
    """``;`` separators and decimal commas: the documented message."""
    numbers = [c for c in raw.columns if c not in ("cluster", "type")]
    eu = raw.copy()
    for c in numbers:
        eu[c] = eu[c].str.replace(".", ",", regex=False)
    path = tmp_path / "eu.csv"
    eu.to_csv(path, index=False, sep=";")
    proc = cli("rank", path)
    proc.assert_clean_error("contains ';'", "European locale")
    assert "fields but the header" not in proc.stderr


@pytest.mark.parametrize("command", ["gaps", "obstacles"])
def test_cluster_option_is_normalised_as_input_names(cli, raw, command):
    """``--cluster " name "`` finds the cluster, as the stripped input."""
    name = raw["cluster"][3]
    proc = cli(command, EXAMPLE, "--cluster", f" {name}\u00a0")
    assert proc.returncode == 0, proc.stderr
    assert name in proc.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_newline_in_a_quoted_name_keeps_one_row_per_cluster(
    cli, raw, tmp_path, fmt
):
    """A quoted name with a line break stays on its row."""
    path = tmp_path / "nl.csv"
    raw.assign(cluster=["Line\nBreak", *raw["cluster"][1:]]).to_csv(
        path, index=False
    )
    proc = cli("rank", path, "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    rows = [ln for ln in proc.stdout.splitlines() if "Line" in ln]
    assert len(rows) == 1, proc.stdout
    assert "Break" in rows[0]
