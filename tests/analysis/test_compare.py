"""Method agreement (clusterscore.analysis.compare)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import kendalltau, spearmanr

import clusterscore as cs
from clusterscore.analysis import compare_methods
from clusterscore.errors import ParameterError


@pytest.fixture(scope="module")
def df():
    return cs.datasets.synthetic_clusters(n=30, rng=2)


@pytest.fixture(scope="module")
def cmp(df):
    return compare_methods(
        df,
        methods=("weighted_sum", "geometric", "topsis"),
        weightings=("combined", "ahp"),
    )


def test_layout(cmp, df):
    labels = [
        f"{m}/{w}"
        for m in ("weighted_sum", "geometric", "topsis")
        for w in ("combined", "ahp")
    ]
    assert list(cmp.ranks.columns) == labels
    assert list(cmp.spearman.index) == labels
    assert list(cmp.kendall.columns) == labels
    assert cmp.ranks.index.name == "cluster"
    assert len(cmp.ranks) == len(df)


def test_columns_are_rank_clusters(cmp, df):
    ranking = cs.rank_clusters(df, weighting="ahp", method="topsis")
    col = cmp.ranks["topsis/ahp"].loc[ranking.index]
    assert (col == ranking["rank"]).all()
    np.testing.assert_allclose(
        cmp.scores["topsis/ahp"].loc[ranking.index], ranking["score"]
    )


def test_correlations_match_scipy(cmp):
    a = cmp.ranks["weighted_sum/combined"]
    b = cmp.ranks["topsis/ahp"]
    rho = spearmanr(a, b).statistic
    tau = kendalltau(a, b).statistic
    assert cmp.spearman.loc["weighted_sum/combined", "topsis/ahp"] == (
        pytest.approx(rho)
    )
    assert cmp.kendall.loc["weighted_sum/combined", "topsis/ahp"] == (
        pytest.approx(tau)
    )
    np.testing.assert_allclose(cmp.spearman, cmp.spearman.T)
    assert np.all(np.abs(cmp.kendall.to_numpy()) <= 1 + 1e-12)


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10_000), st.integers(3, 12))
def test_diagonal_is_one(seed, n):
    df = cs.datasets.synthetic_clusters(n=n, rng=seed, spread=(0.5, 1.5))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # small tables: degenerate columns
        cmp = compare_methods(df, methods=("weighted_sum", "topsis"))
    assert np.all(np.diag(cmp.spearman.to_numpy()) == 1.0)
    assert np.all(np.diag(cmp.kendall.to_numpy()) == 1.0)


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"methods": ("weighted_sum", "vikorr")}, "methods"),
        ({"methods": ()}, "methods"),
        ({"methods": ("topsis", "topsis")}, "methods"),
        ({"weightings": ("entropy", "subjective")}, "weightings"),
        ({"method": "topsis"}, "method"),
        ({"weighting": "ahp"}, "weighting"),
    ],
)
def test_bad_arguments(df, kwargs, parameter):
    with pytest.raises(ParameterError) as info:
        compare_methods(df, **kwargs)
    assert info.value.parameter == parameter


def test_single_method_as_string(df):
    cmp = compare_methods(df, methods="topsis", weightings="entropy")
    assert list(cmp.ranks.columns) == ["topsis/entropy"]
    assert cmp.spearman.to_numpy().tolist() == [[1.0]]


def test_rho_and_v_reach_their_own_method_only(df):
    """GRA runs get rho, VIKOR runs v, the weighted sum neither.

    An option of a method not compared is refused.
    """
    from clusterscore.scoring import rank_clusters

    cmp = compare_methods(
        df, methods=("weighted_sum", "gra", "vikor"), rho=0.2, v=1
    )
    for method, kw in (("weighted_sum", {}), ("gra", {"rho": 0.2}),
                       ("vikor", {"v": 1})):  # fmt: skip
        expected = rank_clusters(df, method=method, **kw)["score"]
        got = cmp.scores[f"{method}/combined"]
        np.testing.assert_allclose(got, expected.reindex(got.index))
    default = compare_methods(df, methods=("gra",))
    assert not np.allclose(
        default.scores["gra/combined"], cmp.scores["gra/combined"]
    )
    with pytest.raises(ParameterError, match="'v' only applies to"):
        compare_methods(df, methods=("gra",), v=0.5)


def test_correlation_worked_example():
    """Ranks (1, 2, 3) and (1, 3, 2), by hand (docs/methodology.md).

    Spearman: sum d^2 = 2, rho = 1 - 6 * 2 / (3 * 8) = 0.5. Kendall: two
    concordant pairs, one discordant, no ties: tau_b = (2 - 1) / 3.
    """
    import pandas as pd

    from clusterscore.analysis.compare import _correlation

    ranks = pd.DataFrame({"a": [1, 2, 3], "b": [1, 3, 2]})
    assert _correlation(ranks, "spearman").loc["a", "b"] == pytest.approx(0.5)
    tau = _correlation(ranks, "kendall").loc["a", "b"]
    assert tau == pytest.approx(1 / 3)
