"""Tests of clusterscore.scoring.options: the one record of run options."""

from __future__ import annotations

import pytest

from clusterscore.errors import ParameterError
from clusterscore.scoring import (
    AGGREGATIONS,
    NORMALIZATIONS_FOR,
    RunOptions,
    resolve_normalization,
)


def test_resolve_normalization_is_the_one_rule():
    """Accepted names pass; None or a foreign name gives the default."""
    assert resolve_normalization("weighted_sum", None) == "minmax"
    assert resolve_normalization("weighted_sum", "vector") == "minmax"
    assert resolve_normalization("topsis", "minmax") == "minmax"
    assert resolve_normalization("topsis", "percentile") == "vector"
    assert resolve_normalization("vikor", "target") == "minmax"


def test_every_registered_method_has_its_normalisations():
    """Each aggregation of the registry says which normalisations it takes."""
    assert set(NORMALIZATIONS_FOR) == set(AGGREGATIONS)


def _checked(**kw):
    base = {
        "weighting": "combined",
        "method": "weighted_sum",
        "normalization": None,
        "combine": "multiplicative",
        "alpha": 0.5,
        "by_type": False,
        "missing": "refuse",
        "ahp_method": "eigenvector",
    }
    base.update(kw)
    return RunOptions.checked("evaluate", **base)


def test_checked_fills_in_the_defaults():
    """A checked record resolves the normalisation and keeps the rest."""
    o = _checked(method="topsis")
    assert (o.method, o.normalization, o.alpha) == ("topsis", "vector", 0.5)
    assert o.as_dict()["method"] == "topsis"


@pytest.mark.parametrize(
    ("kw", "param"),
    [
        ({"weighting": "subjective"}, "weighting"),
        ({"method": "electre"}, "method"),
        ({"alpha": 1.5}, "alpha"),
        ({"missing": "zero"}, "missing"),
        ({"method": "topsis", "normalization": "target"}, "normalization"),
    ],
)
def test_checked_refuses_bad_options_by_name(kw, param):
    """Each bad option raises a ParameterError naming the parameter."""
    with pytest.raises(ParameterError, match=f"'{param}'") as err:
        _checked(**kw)
    assert err.value.parameter == param


@pytest.mark.parametrize(
    ("alias", "names"),
    [
        ("Weighting", "WEIGHTINGS"),
        ("Aggregation", "AGGREGATIONS"),
        ("Normalization", "ALL_NORMALIZATIONS"),
        ("Combination", "COMBINATIONS"),
    ],
)
def test_option_types_list_the_option_names(alias, names):
    """Each Literal type of an option names exactly its valid values."""
    import typing

    from clusterscore.scoring import options

    assert typing.get_args(getattr(options, alias)) == getattr(options, names)
