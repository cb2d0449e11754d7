"""Tests of clusterscore.scoring.options: the one record of run options."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import ParameterError
from clusterscore.scoring import (
    AGGREGATIONS,
    NORMALIZATIONS_FOR,
    RunOptions,
    method_options,
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


# --------------------------------------------------------------------------
# the aggregations' own options: GRA's rho, VIKOR's v
# --------------------------------------------------------------------------


def test_rho_and_v_default_to_one_half_and_show_for_their_method_only():
    """Both are 0.5 by default (Deng 1982; Opricovic & Tzeng 2004).

    They show in as_dict only for the method that uses them, so the
    options of other runs stay as they were.
    """
    gra, vikor, ws = (_checked(method=m) for m in ("gra", "vikor", "topsis"))
    assert (gra.rho, gra.v) == (0.5, 0.5)
    assert gra.as_dict()["rho"] == 0.5
    assert "v" not in gra.as_dict()
    assert vikor.as_dict()["v"] == 0.5
    assert "rho" not in vikor.as_dict()
    assert not {"rho", "v"} & set(ws.as_dict())
    assert _checked(method="gra", rho=0.25).as_dict()["rho"] == 0.25
    assert _checked(method="vikor", v=0).as_dict()["v"] == 0.0
    assert _checked(method="vikor", v=1).v == 1.0
    assert _checked(method="gra", rho=1).rho == 1.0


@pytest.mark.parametrize(
    ("kw", "param", "words"),
    [
        ({"method": "gra", "rho": 0}, "rho", "(0, 1]"),
        ({"method": "gra", "rho": 1.5}, "rho", "(0, 1]"),
        ({"method": "gra", "rho": float("nan")}, "rho", "(0, 1]"),
        ({"method": "gra", "rho": "0.5"}, "rho", "(0, 1]"),
        ({"method": "vikor", "v": -0.1}, "v", "[0, 1]"),
        ({"method": "vikor", "v": True}, "v", "[0, 1]"),
        ({"method": "weighted_sum", "rho": 0.5}, "rho", "method='gra'"),
        ({"method": "gra", "v": 0.5}, "v", "method='vikor'"),
        ({"method": "topsis", "v": 0.3}, "v", "method='vikor'"),
    ],
)
def test_rho_and_v_are_checked_and_refused_for_other_methods(kw, param, words):
    """A value out of range, or another method's option, is refused.

    The message names the parameter and what would be valid.
    """
    with pytest.raises(ParameterError, match=f"'{param}'") as err:
        _checked(**kw)
    assert err.value.parameter == param
    assert words in str(err.value)
    assert str(err.value).startswith("evaluate(): ")


def test_method_options_for_several_methods():
    """The uncertainty drivers check against every method they draw."""
    got = method_options(
        "uncertainty", ("topsis", "gra", "vikor"), {"rho": 0.3, "v": 0.7}
    )
    assert got == {"rho": 0.3, "v": 0.7}
    assert method_options("uncertainty", ("gra",), {"rho": None}) == {}
    with pytest.raises(ParameterError, match=r"got methods=\['topsis'\]"):
        method_options("uncertainty", ("topsis",), {"v": 0.7})


def _minmax(df, system):
    """Direction-aware min-max of the indicator columns, by hand."""
    ids = [i.id for i in system.indicators]
    X = df.set_index("cluster")[ids].astype(float)
    Y = (X - X.min()) / (X.max() - X.min())
    cost = [i.id for i in system.indicators if i.direction == "cost"]
    Y[cost] = 1.0 - Y[cost]
    return Y


@pytest.mark.parametrize("rho", [0.1, 0.5, 1.0])
def test_evaluate_scores_gra_with_the_given_rho(rho):
    r"""Evaluate scores GRA with the rho it is given.

    The GRA score is 100 sum_j w_j xi_ij with Deng's coefficient
    xi = (dmin + rho dmax)/(d + rho dmax), d = 1 - y (reference: the ideal
    y = 1), dmin/dmax over the whole matrix (Deng 1982; the two-level
    min/max as stated in Materials 14(4):808, Algorithm 1), computed here
    from the min-max matrix and the weights the evaluation used.
    """
    from clusterscore.datasets import synthetic_clusters
    from clusterscore.scoring import evaluate
    from clusterscore.system import load_system

    system = load_system()
    df = synthetic_clusters(system, n=9, rng=4)
    ev = evaluate(df, system, method="gra", rho=rho)
    Y = _minmax(df, system)
    w = ev.weights["used"].reindex(Y.columns).to_numpy()
    d = 1.0 - Y.to_numpy()
    xi = (d.min() + rho * d.max()) / (d + rho * d.max())
    expected = pd.Series(100 * xi @ w, index=Y.index)
    got = ev.ranking["score"].reindex(Y.index)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)
    assert ev.options["rho"] == rho


@pytest.mark.parametrize("v", [0.0, 0.3, 1.0])
def test_evaluate_scores_vikor_with_the_given_v(v):
    r"""Evaluate scores VIKOR with the v it is given.

    The VIKOR score is 100 (1 - Q), Q = v (S - S*)/(S- - S*) + (1 - v)
    (R - R*)/(R- - R*), S the weighted sum and R the largest weighted
    regret w_j (1 - y_ij) (Opricovic & Tzeng 2004, section 3), computed
    here from the min-max matrix and the weights the evaluation used.
    """
    from clusterscore.datasets import synthetic_clusters
    from clusterscore.scoring import evaluate
    from clusterscore.system import load_system

    system = load_system()
    df = synthetic_clusters(system, n=9, rng=4)
    ev = evaluate(df, system, method="vikor", v=v)
    Y = _minmax(df, system)
    w = ev.weights["used"].reindex(Y.columns).to_numpy()
    regret = w * (1.0 - Y.to_numpy())
    S, R = regret.sum(axis=1), regret.max(axis=1)
    Q = v * (S - S.min()) / (S.max() - S.min()) + (1 - v) * (R - R.min()) / (
        R.max() - R.min()
    )
    expected = pd.Series(100 * (1 - Q), index=Y.index)
    got = ev.ranking["score"].reindex(Y.index)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)
    assert ev.options["v"] == v


def test_summary_names_rho_and_v():
    """The evaluation's summary says which rho / v scored it."""
    from clusterscore.datasets import synthetic_clusters
    from clusterscore.scoring import evaluate

    df = synthetic_clusters(n=6, rng=2)
    assert (
        "method=gra (rho=0.25),"
        in evaluate(df, method="gra", rho=0.25).summary()
    )
    assert "method=vikor (v=0.5)," in evaluate(df, method="vikor").summary()
    assert "method=weighted_sum," in evaluate(df).summary()
