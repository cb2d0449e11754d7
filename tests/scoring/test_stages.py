"""Tests of clusterscore.scoring.stages: the stage functions on arrays.

`evaluate` and the uncertainty drivers both call these; each is checked
here against hand-worked numbers.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.scoring import (
    competition_ranks,
    hierarchy_weights,
)


class TestWeightsAndNormalisation:
    def test_hierarchy_weights_renormalise_what_is_kept(self):
        """Dropping x1 of d1 leaves x2 with d1's whole weight.

        Local (x2) = 1 in d1, x3 = 1 in d2; dimensions .75, .25 -> global
        (.75, .25). A batch of two rows is composed row by row.
        """
        w = hierarchy_weights(
            np.array([[0.5, 1.0], [0.2, 1.0]]),
            np.array([[0.75, 0.25], [0.5, 0.5]]),
            np.array([0, 1]),
        )
        np.testing.assert_allclose(w, [[0.75, 0.25], [0.5, 0.5]])


class TestRanks:
    def test_min_rank_ties(self):
        """Equal scores share the smaller rank."""
        assert competition_ranks(np.array([3.0, 1.0, 3.0, 2.0])).tolist() == [
            1,
            4,
            1,
            3,
        ]

    def test_competition_ranks_of_a_batch_are_the_rows_ranks(self):
        """A (k, m) batch ranks each row as the 1-D call does; averages.

        Row (3, 1, 3, 2): ranks 1, 4, 1, 3; the tied pair spans ranks 1
        and 2, so its average rank is 1.5.
        """
        batch = np.array([[3.0, 1.0, 3.0, 2.0], [1.0, 2.0, 3.0, 4.0]])
        rank, avg = competition_ranks(batch, average=True)
        assert rank.tolist() == [[1, 4, 1, 3], [4, 3, 2, 1]]
        assert avg.tolist() == [[1.5, 4.0, 1.5, 3.0], [4.0, 3.0, 2.0, 1.0]]
        for row, r in zip(batch, rank, strict=True):
            assert competition_ranks(row).tolist() == r.tolist()


def test_stage_option_types_list_the_option_names():
    """The Literal types of `missing` and `objective` name their values."""
    import typing

    from clusterscore.scoring import stages

    assert typing.get_args(stages.MissingPolicy) == stages.MISSING_POLICIES
    assert typing.get_args(stages.Objective) == stages.OBJECTIVES

    @settings(max_examples=200, deadline=None)
    @given(
        st.integers(1, 40).flatmap(
            lambda m: st.lists(
                st.lists(st.integers(0, 6), min_size=m, max_size=m),
                min_size=1,
                max_size=6,
            )
        )
    )
    def test_competition_ranks_follow_the_definition(self, rows):
        """Any batch, ties included: the counting definition of the ranks.

        Competition ranking ("1224"): rank_i = 1 + #{j : s_j > s_i}; the
        average rank of a tie group spanning ranks r .. r + t - 1 is
        r + (t - 1) / 2, with t = #{j : s_j = s_i}. Counted pairwise here
        (an m x m comparison, fine in a test), sorted in the kernel.
        """
        s = np.array(rows, dtype=float)
        rank, avg = competition_ranks(s, average=True)
        greater = (s[:, None, :] > s[:, :, None]).sum(axis=-1)
        equal = (s[:, None, :] == s[:, :, None]).sum(axis=-1)
        assert rank.tolist() == (1 + greater).tolist()
        np.testing.assert_array_equal(avg, 1 + greater + (equal - 1) / 2)
