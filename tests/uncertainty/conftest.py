"""Fixtures of the uncertainty tests: a synthetic table and a tiny system."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.datasets import synthetic_clusters
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    Target,
    load_system,
)


@pytest.fixture(scope="module")
def system():
    """Return the default indicator system."""
    return load_system()


@pytest.fixture(scope="module")
def table(system):
    """Return a 15-cluster synthetic table valid for the default system."""
    return synthetic_clusters(system, 15, rng=3)


def _matrix(rows):
    a = np.array(rows, dtype=float)
    a.setflags(write=False)
    return a


@pytest.fixture(scope="module")
def tiny_system() -> IndicatorSystem:
    """Two dimensions; x1 (benefit), x2 (cost) in d1; x3 (benefit) in d2.

    AHP: d1 is 3 times as important as d2 -> (0.75, 0.25); x1 ~ x2 -> 0.5
    each; so the global weights are x1 0.375, x2 0.375, x3 0.25. Targets
    (every type): x1 10, x2 2, x3 50.
    """
    inds = (
        Indicator("x1", "X one", "一", "count", "benefit", "d1", lower=0),
        Indicator("x2", "X two", "二", "ratio", "cost", "d1", lower=0),
        Indicator(
            "x3", "X three", "三", "%", "benefit", "d2", lower=0, upper=100
        ),
    )
    dims = (
        Dimension("d1", "Dim one", "维一", ("x1", "x2")),
        Dimension("d2", "Dim two", "维二", ("x3",)),
    )
    judg = (
        Judgments(
            "dimensions",
            "default",
            ("d1", "d2"),
            _matrix([[1, 3], [1 / 3, 1]]),
        ),
        Judgments("d1", "default", ("x1", "x2"), _matrix([[1, 1], [1, 1]])),
        Judgments("d2", "default", ("x3",), _matrix([[1]])),
    )
    targets = tuple(
        Target(i, "basic", v)
        for i, v in (("x1", 10.0), ("x2", 2.0), ("x3", 50.0))
    )
    return IndicatorSystem(
        id="tiny",
        name="Tiny",
        name_zh="小",
        format_version=1,
        dimensions=dims,
        indicators=inds,
        types=(ClusterType("basic", "Basic", "基础"),),
        judgments=judg,
        targets=targets,
    )


@pytest.fixture(scope="module")
def tiny_table() -> pd.DataFrame:
    """Three clusters whose scores the tests compute by hand.

    Target-relative values (benefit min(x / t, 1), cost min(t / x, 1)):
    a = (1, 2/8, 1), b = (5/10, 1, 25/50), c = (8/10, 2/4, 10/50).
    """
    return pd.DataFrame(
        {
            "cluster": ["c", "a", "b"],  # not in name order on purpose
            "type": ["basic"] * 3,
            "x1": [8.0, 10.0, 5.0],
            "x2": [4.0, 8.0, 2.0],
            "x3": [10.0, 50.0, 25.0],
        }
    )
