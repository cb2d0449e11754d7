"""Output never fails with a traceback, and no file is ever lost.

Issue 16.12 (a full or closed standard output: status 1 and one line) and
16.14 (an output path that is an input file is refused; ``template``
refuses to overwrite; every output is written through a temporary file
and a rename, so an interrupted run leaves no half file).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clusterscore.system import default_system_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
HAS_DEV_FULL = os.path.exists("/dev/full")


def _run(args, stdout):
    return subprocess.run(
        [sys.executable, "-m", "clusterscore.cli", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=300,
    )


def _one_line_error(proc, *fragments):
    err = proc.stderr
    assert proc.returncode == 1, err
    assert "Traceback" not in err, err
    assert "Exception ignored" not in err, err
    assert err.count("\n") == 1, err
    assert err.startswith("clusterscore: error: cannot write to standard"), err
    for f in fragments:
        assert f in err, err


@pytest.mark.skipif(not HAS_DEV_FULL, reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "argv",
    [
        ("weights",),
        ("weights", "--format", "json"),
        ("rank", EXAMPLE, "--format", "csv"),
        ("--help",),
        ("rank", "--help"),
        ("--version",),
    ],
)
def test_a_full_stdout_is_one_line_and_status_1(argv):
    """``clusterscore weights > /dev/full``: status 1, one line."""
    with open("/dev/full", "w") as full:
        proc = _run(argv, full)
    _one_line_error(proc, "No space left on device")


@pytest.mark.parametrize("argv", [("weights",), ("--help",)])
def test_a_closed_stdout_is_one_line_and_status_1(argv):
    """``clusterscore weights >&-``: status 1, one line."""
    code = (
        "import os, runpy, sys; os.close(1); "
        f"sys.argv = ['clusterscore', *{list(map(str, argv))!r}]; "
        "runpy.run_module('clusterscore.cli', run_name='__main__')"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=300,
    )
    # os.close(1) after start-up leaves sys.stdout a broken stream
    _one_line_error(proc)


def test_a_closed_pipe_is_quiet():
    """``clusterscore rank f.csv | head -1``: status 0, nothing on stderr."""
    with subprocess.Popen(
        [sys.executable, "-m", "clusterscore.cli", "rank", str(EXAMPLE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read().decode()
        status = proc.wait(timeout=300)
    assert status == 0, err
    assert "Traceback" not in err, err
    assert "Exception ignored" not in err, err


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "x.csv"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.mark.parametrize(
    "command", ["rank", "gaps", "obstacles", "coupling", "compare"]
)
def test_output_that_is_the_input_is_refused(cli, table, command):
    """``rank x.csv -o x.csv`` is refused and x.csv is unchanged."""
    before = table.read_bytes()
    proc = cli(command, table, "-o", table)
    proc.assert_clean_error("is the input table", "never overwritten")
    assert table.read_bytes() == before


def test_output_that_is_the_input_by_another_name_is_refused(
    cli, table, monkeypatch
):
    """Same file by a relative name or a link: os.path.samefile decides."""
    monkeypatch.chdir(table.parent)
    link = table.parent / "link.csv"
    link.symlink_to(table)
    before = table.read_bytes()
    cli("rank", "x.csv", "-o", "./x.csv").assert_clean_error("input table")
    cli("rank", table, "-o", link).assert_clean_error("input table")
    assert table.read_bytes() == before


def test_output_that_is_the_system_file_is_refused(cli, tmp_path):
    """``--system s.toml -o s.toml`` is refused; s.toml is unchanged."""
    system = tmp_path / "s.toml"
    shutil.copy(default_system_path(), system)
    before = system.read_bytes()
    proc = cli("weights", "--system", system, "-o", system)
    proc.assert_clean_error("is the --system file")
    assert system.read_bytes() == before


def test_template_refuses_an_existing_file(cli, table):
    """``template -o data.csv`` keeps a filled-in table; --force writes."""
    before = table.read_bytes()
    cli("template", "-o", table).assert_clean_error(
        "the file exists", "--force"
    )
    assert table.read_bytes() == before
    proc = cli("template", "-o", table, "--force")
    assert proc.returncode == 0, proc.stderr
    assert table.read_text(encoding="utf-8-sig").startswith("cluster,type")


def test_template_refuses_an_existing_workbook(cli, tmp_path):
    """The same for ``-o FILE.xlsx``."""
    book = tmp_path / "t.xlsx"
    book.write_bytes(b"not mine to lose")
    cli("template", "-o", book).assert_clean_error("the file exists")
    assert book.read_bytes() == b"not mine to lose"


def _interrupt_renames(monkeypatch):
    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("out.csv", ("rank", "{table}", "--format", "csv")),
        ("out.json", ("weights", "--format", "json")),
        ("out.md", ("gaps", "{table}", "--format", "markdown")),
        ("out.txt", ("template",)),
        ("out.xlsx", ("rank", "{table}")),
        ("out.xlsx", ("template",)),
        ("out.html", ("report", "{table}", "--samples", "0")),
        ("out.svg", ("plot", "ranking", "{table}")),
    ],
)
def test_an_interrupted_write_leaves_the_old_file(
    cli, table, tmp_path, monkeypatch, name, argv
):
    """Every writer renames a complete temporary file into place.

    With the rename interrupted, the old output is intact and no
    temporary file is left beside it.
    """
    out = tmp_path / name
    out.write_bytes(b"old output")
    args = [str(table) if a == "{table}" else a for a in argv]
    force = ["--force"] if argv[0] == "template" else []
    _interrupt_renames(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        cli(*args, "-o", out, *force)
    assert out.read_bytes() == b"old output"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"x.csv", name}
    )


def test_system_that_is_not_a_regular_file(cli, tmp_path):
    """A FIFO or /dev/null as --system is not called a directory."""
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    for path in (fifo, os.devnull):
        proc = cli("weights", "--system", path)
        proc.assert_clean_error("not a regular file", "--system")
        assert "directory" not in proc.stderr
