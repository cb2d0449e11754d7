"""Tests of clusterscore.aggregate.registry: the AGGREGATIONS registry."""

from __future__ import annotations

from clusterscore.aggregate import (
    AGGREGATIONS,
)


def test_registry_names():
    """The registry holds the three DESIGN method names."""
    assert set(AGGREGATIONS) == {"weighted_sum", "geometric", "topsis"}
    assert all(spec.name == name for name, spec in AGGREGATIONS.items())
