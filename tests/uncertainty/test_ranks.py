"""Tests of clusterscore.uncertainty.ranks: batched ranks, rho, tau-b."""

from __future__ import annotations

import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from clusterscore.uncertainty import batched_ranks, kendall_tau_b, spearman_rho


def test_batched_ranks_hand_example():
    """Scores 50, 70, 50, 10 give competition ranks 2, 1, 2, 4."""
    r, avg = batched_ranks(np.array([[50.0, 70.0, 50.0, 10.0], [1, 2, 3, 4]]))
    assert r.tolist() == [[2, 1, 2, 4], [4, 3, 2, 1]]
    assert avg.tolist() == [[2.5, 1.0, 2.5, 4.0], [4.0, 3.0, 2.0, 1.0]]


@settings(max_examples=200)
@given(
    st.integers(1, 25).flatmap(
        lambda m: st.tuples(
            st.lists(st.integers(1, 5), min_size=m, max_size=m),
            st.lists(
                st.lists(st.integers(0, 4), min_size=m, max_size=m),
                min_size=1,
                max_size=4,
            ),
        )
    )
)
def test_rank_agreement_matches_scipy(data):
    """Kendall tau-b and Spearman rho equal scipy's, ties included."""
    ref_scores, sample_scores = data
    S = np.array(sample_scores, dtype=float)
    ref_rank, ref_avg = batched_ranks(np.array([ref_scores], dtype=float))
    rank, avg = batched_ranks(S)
    tau = kendall_tau_b(ref_rank[0], rank)
    rho = spearman_rho(ref_avg[0], avg)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns on constant input
        tau_ref = [stats.kendalltau(ref_scores, s).statistic for s in S]
        rho_ref = [stats.spearmanr(ref_scores, s).statistic for s in S]
    np.testing.assert_allclose(tau, tau_ref, atol=1e-12, equal_nan=True)
    np.testing.assert_allclose(rho, rho_ref, atol=1e-12, equal_nan=True)


def test_kendall_large_permutations_match_scipy(rng):
    """The merge-sort inversion count is right for m = 300 (scipy)."""
    g = rng(5)
    ref = np.arange(1, 301)
    Y = np.argsort(g.random((5, 300)), axis=1) + 1
    tau = kendall_tau_b(ref, Y)
    np.testing.assert_allclose(
        tau, [stats.kendalltau(ref, y).statistic for y in Y], atol=1e-12
    )


def test_kendall_counts_past_int32_positions():
    """Issue 16 item 15: Kendall's tau for 70,000 clusters.

    There the merge positions of the inversion count pass 2**31 (an
    OverflowError before).

    Hand values: the reversed ranking is fully discordant (tau = -1); one
    swapped adjacent pair leaves D = 1, tau = 1 - 2 / n0 with
    n0 = m (m - 1) / 2.
    """
    m = 70_000
    ref = np.arange(1, m + 1)
    swapped = ref.copy()
    swapped[[10, 11]] = swapped[[11, 10]]
    tau = kendall_tau_b(ref, np.stack([ref[::-1], swapped]))
    n0 = m * (m - 1) / 2
    np.testing.assert_allclose(tau, [-1.0, 1.0 - 2.0 / n0], rtol=1e-12)
