"""Tests of what every sub-command shares (`clusterscore.cli._common`).

The tests here that start a process check what only a process shows: the
installed console script (``clusterscore = "clusterscore.cli:main"``)
runs, and a user's error is exit status 2 with one message and no
traceback.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import pytest

import clusterscore
from clusterscore.cli import COMMANDS, build_parser
from clusterscore.cli._common import (
    EXIT_USAGE,
    PROG,
    add_common,
    note,
    print_warnings,
)
from clusterscore.errors import DataWarning

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CSV = ROOT / "examples" / "national_clusters.csv"


@pytest.mark.parametrize(
    "command",
    ["rank", "weights", "gaps", "sensitivity", "validate", "template"],
)
def test_help(cli, command):
    """Every sub-command has --help."""
    proc = cli(command, "--help")
    assert proc.returncode == 0
    assert "--system" in proc.stdout


def test_commands_in_help_order():
    """The parser lists the sub-commands in the order of COMMANDS."""
    help_text = build_parser().format_help()
    names = [m.__name__.rsplit(".", 1)[1] for m in COMMANDS]
    positions = [help_text.index(f"\n    {name}") for name in names]
    assert positions == sorted(positions)


def test_add_common_table_and_plain():
    """Table commands get --format, -o and --lang; others only --system."""
    table = argparse.ArgumentParser()
    add_common(table, table=True)
    args = table.parse_args(["--format", "json", "-o", "f", "--lang", "zh"])
    assert (args.system, args.format, args.output, args.lang) == (
        None,
        "json",
        "f",
        "zh",
    )
    plain = argparse.ArgumentParser()
    add_common(plain, table=False)
    assert vars(plain.parse_args([])) == {"system": None}


def test_note_and_warnings_on_stderr(capsys):
    """note() and print_warnings() write prefixed lines on stderr only.

    Each distinct ClusterScoreWarning is printed once; other warnings
    (library internals) are left out.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("type 'basic' is small", DataWarning, stacklevel=1)
        warnings.warn("type 'basic' is small", DataWarning, stacklevel=1)
        warnings.warn("internal", DeprecationWarning, stacklevel=1)
    note("wrote a file")
    print_warnings(caught)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"{PROG}: wrote a file\n{PROG}: warning: type 'basic' is small\n"
    )
    assert EXIT_USAGE == 2


def test_console_script_version(cli_process):
    """The installed command starts and prints its version."""
    proc = cli_process("--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"clusterscore {clusterscore.__version__}\n"


def test_error_in_a_process_is_one_clean_message(cli_process, tmp_path):
    """A user's error: exit 2, 'clusterscore: error:', no traceback."""
    cli_process("rank", tmp_path / "nope.csv").assert_clean_error("nope.csv")


def test_usage_error_in_a_process(cli_process):
    """Argparse rejects an unknown --method with status 2."""
    proc = cli_process("rank", EXAMPLE_CSV, "--method", "nope")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr
    assert "Traceback" not in proc.stderr
