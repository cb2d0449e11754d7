"""Tests of the synthetic-table generator."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.datasets import synthetic_clusters
from clusterscore.errors import ParameterError
from clusterscore.io import validate
from clusterscore.system import load_system


def test_tables_validate_and_respect_bounds():
    """A large synthetic table passes validation for the default system."""
    system = load_system()
    df = synthetic_clusters(system, n=5000, rng=7)
    out = validate(df, system)
    assert len(out) == 5000
    assert set(out["type"]) == set(system.cluster_types)
    for ind in system.indicators:
        col = out[ind.id]
        if ind.integer:
            assert np.all(col == np.round(col))


def test_values_scale_with_the_type_targets():
    """Each value is its type's target times a factor within `spread`."""
    system = load_system()
    df = synthetic_clusters(system, n=2000, rng=3, spread=(0.5, 0.6))
    strategic = df[df["type"] == "strategic"]
    target = system.target("output_value", "strategic").value
    ratio = strategic["output_value"] / target
    assert ratio.between(0.5, 0.6).all()


def test_seeded_tables_are_identical():
    """The same seed gives the same table."""
    a = synthetic_clusters(n=50, rng=11)
    b = synthetic_clusters(n=50, rng=11)
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n": 0}, "'n' must be a whole number >= 1"),
        ({"n": 2.5}, "'n' must be a whole number >= 1"),
        ({"spread": (1.0, 0.5)}, "'spread' must be"),
    ],
)
def test_bad_arguments(kwargs, match):
    """Bad n or spread raise ParameterError naming the parameter."""
    with pytest.raises(ParameterError, match=match):
        synthetic_clusters(**kwargs)
