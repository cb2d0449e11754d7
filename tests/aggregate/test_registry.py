"""Tests of clusterscore.aggregate.registry: the AGGREGATIONS registry."""

from __future__ import annotations

import numpy as np
import pytest

from clusterscore.aggregate import AGGREGATIONS, aggregate, dimension_scores
from clusterscore.errors import ParameterError


def test_registry_names():
    """The registry holds the DESIGN method names, GRA and VIKOR."""
    assert set(AGGREGATIONS) == {
        "weighted_sum",
        "geometric",
        "topsis",
        "gra",
        "vikor",
    }
    assert all(spec.name == name for name, spec in AGGREGATIONS.items())


def test_gra_and_vikor_through_aggregate():
    """aggregate() dispatches to the kernels, hand-computed.

    Y = [[1, 0], [0.5, 1], [0, 0.5]], w = (0.5, 0.5). GRA: d = 1 - y has
    min 0 and max 1, so xi = rho / (d + rho): with rho = 0.5 the rows are
    (1, 1/3), (1/2, 1), (1/3, 1/2), grades 2/3, 3/4, 5/12. VIKOR (v =
    0.5): S = (0.5, 0.25, 0.75), R = (0.5, 0.25, 0.5), so Q = (0.75, 0,
    1) and the score 1 - Q = (0.25, 1, 0).
    """
    Y = np.array([[1.0, 0.0], [0.5, 1.0], [0.0, 0.5]])
    w = [0.5, 0.5]
    np.testing.assert_allclose(aggregate(Y, w, "gra"), [2 / 3, 3 / 4, 5 / 12])
    np.testing.assert_allclose(aggregate(Y, w, "vikor"), [0.25, 1.0, 0.0])
    # rho = 0.25: xi = 0.25 / (d + 0.25)
    np.testing.assert_allclose(
        aggregate(Y, w, "gra", rho=0.25),
        [(1 + 0.2) / 2, (1 / 3 + 1) / 2, (0.2 + 1 / 3) / 2],
    )
    sub = dimension_scores(Y, np.array(w), [0, 1], "gra")
    np.testing.assert_allclose(sub @ [0.5, 0.5], aggregate(Y, w, "gra"))


@pytest.mark.parametrize(
    ("method", "option", "owner"),
    [("weighted_sum", "rho", "gra"), ("gra", "v", "vikor")],
)
def test_an_option_of_another_method_is_refused(method, option, owner):
    """'rho' belongs to GRA and 'v' to VIKOR; others refuse them by name."""
    with pytest.raises(
        ParameterError, match=f"'{option}' only applies to method='{owner}'"
    ):
        aggregate([[1.0, 0.0]], [0.5, 0.5], method, **{option: 0.3})


def test_an_out_of_range_option_is_refused():
    """GRA's rho must lie in (0, 1] and VIKOR's v in [0, 1]."""
    with pytest.raises(ParameterError, match="'rho'"):
        aggregate([[1.0, 0.0]], [0.5, 0.5], "gra", rho=0)
    with pytest.raises(ParameterError, match="'v'"):
        aggregate([[1.0, 0.0]], [0.5, 0.5], "vikor", v=1.5)


def test_aggregation_type_lists_the_registry():
    """The Literal type of the method names is the registry's keys."""
    import typing

    from clusterscore.aggregate import registry

    assert typing.get_args(registry.Aggregation) == tuple(
        registry.AGGREGATIONS
    )
