"""Shared evaluations of the bundled example for the figure tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import clusterscore as cs

pytest.importorskip("matplotlib", reason="the report extra is not installed")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


@pytest.fixture(scope="session")
def system():
    return cs.load_system()


@pytest.fixture(scope="session")
def table(system):
    return cs.read_clusters(EXAMPLE, system)


@pytest.fixture(scope="session")
def ev(table, system):
    return cs.evaluate(table, system)


@pytest.fixture(scope="session")
def unc(table, system):
    return cs.uncertainty(table, system, 60, 0, combine="multiplicative")


@pytest.fixture(scope="session")
def sens(table, system):
    return cs.sensitivity(table, system, 16, 0, n_boot=20)
