"""Run the ``clusterscore`` command in the test process or as a user does.

Most tests call `clusterscore.cli.main` in-process (the `cli` fixture):
starting a Python process per command proves nothing more and costs
seconds each. The few tests about what only a real process shows (exit
status, UTF-8 bytes on a pipe, the installed console script) use the
`cli_process` fixture.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from clusterscore.cli import main

SCRIPT = Path(sys.executable).with_name("clusterscore")


@dataclass(frozen=True)
class Result:
    """What a command printed and returned."""

    returncode: int
    stdout: str
    stderr: str

    def assert_clean_error(self, *fragments: str) -> None:
        """Exit 2, one 'clusterscore: error:' message, no traceback."""
        text = self.stderr
        assert self.returncode == 2, text
        assert "clusterscore: error:" in text
        assert "Traceback" not in text
        for f in fragments:
            assert f in text, text


@pytest.fixture
def cli(capsys):
    """Return ``run(*args) -> Result`` calling ``main`` in this process.

    ``write_output`` writes bytes to ``sys.stdout.buffer``; pytest's
    captured stdout has one. Argparse's exits (``--help``, usage errors)
    become the return code, as in a process.
    """

    def run(*args) -> Result:
        capsys.readouterr()  # drop whatever came before
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = 0 if exc.code is None else exc.code
            code = code if isinstance(code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli_process():
    """Return ``run(*args, cwd=None) -> Result`` starting the command.

    It runs the installed console script (``python -m clusterscore.cli``
    when there is none) and decodes its output strictly as UTF-8.
    """

    def run(*args, cwd=None) -> Result:
        exe = (
            [str(SCRIPT)]
            if SCRIPT.exists()
            else [sys.executable, "-m", "clusterscore.cli"]
        )
        proc = subprocess.run(
            [*exe, *map(str, args)],
            capture_output=True,
            cwd=cwd,
            timeout=300,
            check=False,
        )
        return Result(
            proc.returncode,
            proc.stdout.decode("utf-8"),
            proc.stderr.decode("utf-8"),
        )

    return run
