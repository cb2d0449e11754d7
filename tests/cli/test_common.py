"""Tests of what every sub-command shares (`clusterscore.cli._common`).

The tests here that start a process check what only a process shows: the
installed console script (``clusterscore = "clusterscore.cli:main"``)
runs, and a user's error is exit status 2 with one message and no
traceback.
"""

from __future__ import annotations

import argparse
import json
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
    [
        "rank",
        "weights",
        "gaps",
        "compare",
        "sensitivity",
        "validate",
        "template",
    ],
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


# --------------------------------------------------------------------------
# issue 11: every path right for the person at the keyboard

TABLE_COMMANDS = ("rank", "gaps", "compare", "sensitivity", "weights")
FAST = {"sensitivity": ("--samples", "20", "--seed", "1")}


def _example_lines() -> list[str]:
    return EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()


def _with_cell(tmp_path, cluster_row: int, column: str, value: str):
    """Return the example with one cell replaced (row 1: first cluster)."""
    import csv as _csv

    rows = list(_csv.reader(_example_lines()))
    rows[cluster_row][rows[0].index(column)] = value
    path = tmp_path / f"{column}-{value or 'empty'}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        _csv.writer(fh, lineterminator="\n").writerows(rows)
    return path, rows[cluster_row][0]


@pytest.mark.parametrize("command", [*TABLE_COMMANDS, "validate"])
def test_blank_first_line_is_read(cli, tmp_path, command):
    """Item 1: a blank line above the header (Excel leaves one) is fine.

    It used to end in pandas' EmptyDataError traceback.
    """
    path = tmp_path / "blank.csv"
    path.write_text("\n" + EXAMPLE_CSV.read_text(encoding="utf-8"), "utf-8")
    proc = cli(command, path, *FAST.get(command, ()))
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("command", [*TABLE_COMMANDS, "validate"])
def test_every_table_command_takes_missing(cli, tmp_path, command):
    """Item 2: --missing median|drop_indicator on every table command.

    Refused, the message names the flag, not ``allow_missing=True``
    (item 6).
    """
    path, _ = _with_cell(tmp_path, 1, "rd_intensity", "")
    refused = cli(command, path, *FAST.get(command, ()))
    refused.assert_clean_error("rd_intensity", "--missing median")
    assert "allow_missing" not in refused.stderr
    for policy in ("median", "drop_indicator"):
        proc = cli(command, path, "--missing", policy, *FAST.get(command, ()))
        assert proc.returncode == 0, (policy, proc.stderr)


def _strict_json(text: str):
    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    "argv",
    [
        ("rank",),
        ("gaps",),
        ("compare",),
        ("sensitivity", "--samples", "20", "--seed", "1"),
        ("weights",),
        ("gaps", "--cluster", "Tangshan Steel"),
    ],
)
def test_json_is_strict_json(cli, argv):
    """Item 3: every command's JSON parses with a strict parser."""
    proc = cli(argv[0], EXAMPLE_CSV, *argv[1:], "--format", "json")
    assert proc.returncode == 0, proc.stderr
    _strict_json(proc.stdout)


def test_gaps_json_zero_reference_is_null(cli, tmp_path):
    """Item 3: attainment against a zero reference is null, not Infinity.

    The benchmark cluster has 0 where every other cluster has a positive
    value, so value / target is infinite (docs/gaps.md: null).
    """
    path, name = _with_cell(tmp_path, 1, "chain_leader_firms", "0")
    proc = cli("gaps", path, "--benchmark", name, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "Infinity" not in proc.stdout
    rows = _strict_json(proc.stdout)
    zero = [
        r
        for r in rows
        if r["indicator"] == "chain_leader_firms"
        and r["cluster"] != name
        and r["value"] > 0
    ]
    assert zero
    assert all(r["attainment"] is None for r in zero)


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (("rank", "--top", "0"), "--top"),
        (("rank", "--top", "-1"), "--top"),
        (("rank", "--alpha", "1.5"), "--alpha"),
        (("gaps", "--top", "0"), "--top"),
        (("gaps", "--quantile", "0"), "--quantile"),
        (("sensitivity", "--samples", "0"), "--samples"),
        (("sensitivity", "--steps", "-1"), "--steps"),
        (("sensitivity", "--top-k", "0"), "--top-k"),
        (("sensitivity", "--max-cr", "0"), "--max-cr"),
        (("sensitivity", "--alpha-range", "-0.1", "0.5"), "--alpha-range"),
        (("sensitivity", "--bootstrap", "-5"), "--bootstrap"),
        (("sensitivity", "--saltelli", "-1"), "--saltelli"),
        (("sensitivity", "--seed", "-1"), "--seed"),
        (("compare", "--alpha", "-1"), "--alpha"),
        (("weights", "--alpha", "2"), "--alpha"),
    ],
)
def test_numeric_options_are_range_checked(cli, argv, flag):
    """Item 5: out-of-range numbers are refused naming the flag.

    ``--top 0`` printed every row and ``--top -1`` an empty table, both
    with status 0.
    """
    proc = cli(argv[0], EXAMPLE_CSV, *argv[1:])
    assert proc.returncode == 2
    assert f"argument {flag}" in proc.stderr
    assert proc.stdout == ""


def test_top_one_keeps_the_first_rank(cli):
    """--top 1 prints rank 1 only (the smallest value allowed)."""
    doc = json.loads(
        cli("rank", EXAMPLE_CSV, "--top", "1", "--format", "json").stdout
    )
    assert [r["rank"] for r in doc["ranking"]] == [1]


def test_messages_name_the_flag_not_the_keyword(cli):
    """Item 6: the CLI says --normalization, the library normalization."""
    import clusterscore as cs

    proc = cli("rank", EXAMPLE_CSV, "--normalization", "zscore")
    proc.assert_clean_error("--normalization must be one of", "'zscore'")
    assert "evaluate()" not in proc.stderr
    table = cs.read_clusters(EXAMPLE_CSV, cs.load_system())
    with pytest.raises(
        cs.ParameterError, match=r"evaluate\(\): 'normalization' must"
    ):
        cs.evaluate(table, normalization="zscore")


def test_cli_message_translates_parameters():
    """cli_message rewrites a ParameterError from its .parameter."""
    from clusterscore.cli._common import cli_message
    from clusterscore.errors import DataError, ParameterError

    exc = ParameterError(
        "uncertainty(): 'n' must be an integer >= 1; got 0.", parameter="n"
    )
    assert cli_message(exc) == "--samples must be an integer >= 1; got 0."
    exc = ParameterError(
        "sensitivity(): 'judgment_steps' must be at most 8; got 9.",
        parameter="judgment_steps",
    )
    assert cli_message(exc) == "--steps must be at most 8; got 9."
    data = DataError("x.csv: needs a value (allow_missing=True lets ...)")
    assert "--missing median" in cli_message(data)
    # a column named 'type' in a data message stays a column
    data = DataError("x.csv: column 'type' is missing")
    assert cli_message(data) == "x.csv: column 'type' is missing"


@pytest.mark.parametrize("command", ["rank", "gaps", "compare", "template"])
def test_csv_files_start_with_a_bom_stdout_does_not(cli, tmp_path, command):
    """Item 10: -o FILE.csv has a UTF-8 BOM (Excel); stdout has none."""
    import clusterscore as cs

    args = () if command == "template" else (EXAMPLE_CSV, "--format", "csv")
    target = tmp_path / "out.csv"
    assert cli(command, *args, "-o", target).returncode == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert not raw[3:].startswith(b"\xef\xbb\xbf")
    proc = cli(command, *args)
    assert not proc.stdout.startswith("\ufeff")
    if command == "template":
        header = raw.decode("utf-8-sig").splitlines()[0].split(",")
        assert header[0] == "cluster"
        # filled in, clusterscore's own reader takes the BOM file back
        row = _example_lines()[1]
        target.write_bytes(raw + row.encode() + b"\n")
        assert len(cs.read_clusters(target, cs.load_system())) == 1


def test_json_and_text_files_have_no_bom(cli, tmp_path):
    """A BOM is for Excel's CSV only: JSON (RFC 8259) and text have none."""
    for fmt in ("json", "table", "markdown"):
        target = tmp_path / f"out.{fmt}"
        proc = cli("rank", EXAMPLE_CSV, "--format", fmt, "-o", target)
        assert proc.returncode == 0, proc.stderr
        assert not target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_select_year_is_one_rule_for_every_command():
    """``--year`` problems are bad arguments: ParameterError, by the flag.

    ``rank`` raised ParameterError and ``obstacles``/``coupling``
    DataError for the same mistakes; all use `select_year` now.
    """
    from clusterscore.cli._common import select_year
    from clusterscore.errors import ParameterError

    years = [2021, 2020, 2021, 2022]
    assert select_year("rank", years, None) is None
    assert select_year("obstacles", years, None, latest=True) == 2022
    assert select_year("rank", years, 2020) == 2020
    assert select_year("coupling", None, None, latest=True) is None
    with pytest.raises(ParameterError) as info:
        select_year("obstacles", years, 1999)
    assert str(info.value) == (
        "obstacles: --year 1999: the table has no rows in that year; its "
        "years: 2020, 2021, 2022"
    )
    assert (info.value.parameter, info.value.value) == ("year", 1999)
    assert info.value.allowed == (2020, 2021, 2022)
    with pytest.raises(ParameterError) as info:
        select_year("coupling", None, 2021)
    assert str(info.value) == (
        "coupling: --year needs a table with a 'year' column (a panel)"
    )


@pytest.mark.parametrize("command", ["rank", "obstacles", "coupling"])
def test_every_command_refuses_a_missing_year_alike(cli, command):
    """The same message and exit status from each command with --year."""
    panel = (
        Path(__file__).resolve().parents[2]
        / "examples"
        / "national_clusters_panel.csv"
    )
    cli(command, panel, "--year", "1999").assert_clean_error(
        f"{command}: --year 1999: the table has no rows in that year"
    )
