"""Tests of clusterscore.normalize.registry: the NORMALIZATIONS registry."""

from __future__ import annotations

from clusterscore.normalize import (
    NORMALIZATIONS,
)

BOUNDED = [name for name, spec in NORMALIZATIONS.items() if spec.bounded]
ALL = list(NORMALIZATIONS)


def test_registry_names():
    """The registry holds exactly the five documented methods."""
    assert set(NORMALIZATIONS) == {
        "minmax",
        "target",
        "zscore",
        "vector",
        "percentile",
    }
    assert [n for n, s in NORMALIZATIONS.items() if not s.bounded] == [
        "zscore"
    ]
    assert all(spec.name == name for name, spec in NORMALIZATIONS.items())
