"""The recorded version is the one pyproject.toml declares."""

import tomllib
from pathlib import Path

import clusterscore
from clusterscore._version import __version__

ROOT = Path(__file__).resolve().parents[1]


def test_version_is_the_declared_one():
    """`__version__` is pyproject's version, and the package re-exports it."""
    declared = tomllib.loads(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    )["project"]["version"]
    assert __version__ == declared
    assert clusterscore.__version__ is __version__
