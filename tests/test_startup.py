"""Start-up stays light: ``--help`` and ``import clusterscore`` (issue 15.1).

What is imported is checked in ``sys.modules`` of a fresh process, never
by the clock (``benchmarks/bench_startup.py`` measures the time).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("pandas", "numpy", "scipy", "pandera", "matplotlib", "openpyxl")

COMMANDS = (
    "rank",
    "weights",
    "gaps",
    "obstacles",
    "coupling",
    "compare",
    "sensitivity",
    "validate",
    "template",
    "plot",
    "report",
)


def _loaded_after(code: str) -> list[str]:
    """Run `code` in a fresh interpreter; return the heavy modules loaded."""
    probe = (
        "import contextlib, io, json, sys\n"
        f"{code}\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _help_code(*argv: str, expect: str = "usage:") -> str:
    return (
        "from clusterscore.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        f"        main({list(argv)!r})\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
        f"assert {expect!r} in out.getvalue()\n"
    )


def test_main_help_imports_nothing_heavy():
    """``clusterscore --help`` builds the parser from argparse alone."""
    assert _loaded_after(_help_code("--help")) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_imports_nothing_heavy(command):
    """``clusterscore COMMAND --help``: the command imports when it runs."""
    assert _loaded_after(_help_code(command, "--help")) == []


def test_version_imports_nothing_heavy():
    """``clusterscore --version`` neither."""
    assert _loaded_after(_help_code("--version", expect="clusterscore ")) == []


def test_import_clusterscore_loads_no_scipy_or_matplotlib():
    """``import clusterscore`` loads the API on first use, scipy never."""
    assert _loaded_after("import clusterscore") == []


def test_whole_public_api_loads_no_scipy_or_matplotlib():
    """Resolving every public name still leaves scipy and matplotlib out."""
    loaded = _loaded_after(
        "import clusterscore as cs\n"
        "for name in cs.__all__:\n"
        "    getattr(cs, name)\n"
    )
    assert "scipy" not in loaded
    assert "matplotlib" not in loaded
    assert "openpyxl" not in loaded
    assert "pandas" in loaded  # the API did load: the probe works


def test_a_command_that_runs_imports_what_it_needs(tmp_path):
    """The lazy imports are there: ``template`` runs and loads pandas."""
    out = tmp_path / "t.csv"
    loaded = _loaded_after(
        "from clusterscore.cli import main\n"
        f"assert main(['template', '-o', {str(out)!r}]) == 0\n"
    )
    assert "pandas" in loaded
    assert (
        out.read_text(encoding="utf-8").lstrip("\ufeff").startswith("cluster,")
    )


def test_python_dash_m_clusterscore_runs_the_command():
    """``python -m clusterscore`` is the ``clusterscore`` command.

    It failed with "No module named clusterscore.__main__"; the
    `--version` line and a usage error's exit status now match the
    command's.
    """
    run = [sys.executable, "-m", "clusterscore"]
    proc = subprocess.run([*run, "--version"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("clusterscore ")
    bad = subprocess.run([*run, "no-such-command"], capture_output=True)
    assert bad.returncode == 2
