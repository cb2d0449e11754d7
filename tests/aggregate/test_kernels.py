"""Tests of clusterscore.aggregate.kernels: sum, geometric mean, TOPSIS.

Expected numbers are hand calculations written next to each case, and the
published TOPSIS example of Hwang and Yoon (1981).
"""

from __future__ import annotations

import math

import numpy as np

from clusterscore.aggregate import (
    DEFAULT_FLOOR,
    aggregate,
    topsis,
    topsis_closeness,
    weighted_geometric,
    weighted_sum,
)
from clusterscore.normalize import normalize

# --------------------------------------------------------------------------
# hand-computed cases


def test_weighted_sum_hand_case():
    """Weighted sum: S_i = sum_j w_j y_ij."""
    # row 0: .2*1 + .3*0 + .5*.5 = 0.45; row 1: 0 + .3 + .5 = 0.8
    Y = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 1.0]])
    w = np.array([0.2, 0.3, 0.5])
    np.testing.assert_allclose(weighted_sum(Y, w), [0.45, 0.8], rtol=1e-15)
    np.testing.assert_allclose(aggregate(Y, w), [0.45, 0.8], rtol=1e-15)


def test_geometric_hand_case():
    """Geometric: S_i = prod_j y_ij^w_j when no value is below the floor."""
    # row 0: 1^.5 * .25^.5 = 0.5; row 1: .04^.5 * 1^.5 = 0.2
    Y = np.array([[1.0, 0.25], [0.04, 1.0]])
    got = aggregate(Y, [0.5, 0.5], "geometric")
    np.testing.assert_allclose(got, [0.5, 0.2], rtol=1e-14)


def test_geometric_floor_keeps_a_zero_from_collapsing_the_score():
    """A min-max zero counts as the floor: 0.01^0.5 = 0.1, not 0."""
    # default floor 0.01: max(0, .01)^.5 * 1^.5 = 0.1
    # floor 0.04: 0.04^.5 = 0.2
    Y = np.array([[0.0, 1.0]])
    np.testing.assert_allclose(
        weighted_geometric(Y, np.array([0.5, 0.5])), [0.1], rtol=1e-14
    )
    np.testing.assert_allclose(
        aggregate(Y, [0.5, 0.5], "geometric", floor=0.04), [0.2], rtol=1e-14
    )
    assert DEFAULT_FLOOR == 0.01


def test_topsis_closeness_hand_case():
    """TOPSIS on a normalised matrix: C = d-/(d+ + d-)."""
    # Y rows (1,0), (0,1), (.5,.5); w (.75,.25); ideal (1,1), anti (0,0)
    # row 0: d+ = sqrt(.25^2*1) = .25,  d- = sqrt(.75^2*1) = .75 -> .75
    # row 1: d+ = .75, d- = .25 -> .25
    # row 2: d+ = d- = sqrt(.75^2*.25 + .25^2*.25) -> .5
    Y = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    got = aggregate(Y, [0.75, 0.25], "topsis")
    np.testing.assert_allclose(got, [0.75, 0.25, 0.5], rtol=1e-14)


def test_topsis_minmax_hand_case():
    """Raw TOPSIS with min-max normalisation and a cost criterion."""
    # col 0 benefit [10,20,30] -> r = 0, .5, 1
    # col 1 cost [5,3,4]       -> r = (5-x)/2 = 0, 1, .5
    # v = .5 r; ideal (.5,.5), anti (0,0)
    # A1 (0,0):      d+ = sqrt(.5) , d- = 0            -> C = 0
    # A2 (.25,.5):   d+ = .25, d- = sqrt(.3125) = sqrt(5)/4
    #                -> C = sqrt5/(1 + sqrt5) = 0.690983...
    # A3 (.5,.25):   symmetric to A2
    X = [[10.0, 5.0], [20.0, 3.0], [30.0, 4.0]]
    c = topsis(X, [0.5, 0.5], ["benefit", "cost"], normalization="minmax")
    r5 = math.sqrt(5.0)
    np.testing.assert_allclose(c, [0.0, r5 / (1 + r5), r5 / (1 + r5)])


def test_topsis_hwang_yoon_1981_fighter_aircraft():
    """Hwang & Yoon (1981), pp. 133-134: fighter aircraft, closeness.

    Four aircraft, six attributes (maximum speed, ferry range, maximum
    payload, acquisition cost [cost], reliability, maneuverability), weights
    (.2, .1, .1, .1, .2, .3), vector normalisation. The book prints
    C* = 0.643, 0.268, 0.613, 0.312 (rank A1 > A3 > A4 > A2). It rounds
    every intermediate to four decimals and divides its printed distances:
    A3 is 0.0920/(0.0580 + 0.0920) = 0.6133 there, 0.61354 unrounded. So
    every value agrees within one unit of the third decimal and three of
    the four round to the printed figure exactly.
    """
    X = [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ]
    w = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
    d = ["benefit", "benefit", "benefit", "cost", "benefit", "benefit"]
    printed = np.array([0.643, 0.268, 0.613, 0.312])
    c = topsis(X, w, d)
    assert np.all(np.abs(c - printed) < 1e-3)
    np.testing.assert_array_equal(
        np.round(c, 3)[[0, 1, 3]], printed[[0, 1, 3]]
    )
    assert list(np.argsort(-c)) == [0, 2, 3, 1]
    # the same through normalize() + aggregate()
    Y = normalize(X, d, method="vector")
    np.testing.assert_allclose(aggregate(Y, w, "topsis"), c, rtol=1e-12)


def test_identical_alternatives_have_closeness_half():
    """All alternatives identical: d+ = d- = 0 and C is defined as 0.5."""
    X = np.ones((3, 2))
    for norm in ("vector", "minmax"):
        c = topsis(X, [0.5, 0.5], normalization=norm)
        np.testing.assert_array_equal(c, [0.5, 0.5, 0.5])
    np.testing.assert_array_equal(topsis([[4.0, 2.0]], [0.3, 0.7]), [0.5])


def test_topsis_rank_reversal_when_an_alternative_is_added():
    """TOPSIS is not independent of other alternatives (rank reversal).

    Y = (.75,.25), (.5,.5), (0,.75), w = (.5,.5): ideal (.75,.75), anti
    (0,.25); A1 d+ = .25, d- = .375, C = .6; A2 d+ = .1768, d- = .2795,
    C = .6126, so A2 > A1. Adding A4 = (1,.25) moves the ideal to (1,.75):
    A1 d+ = .2795, C = .375/.6545 = .5729; A2 d+ = d- = .2795, C = .5, so
    now A1 > A2. The weighted sum of a fixed normalised row does not
    depend on other rows: .5 for both, before and after.
    """
    Y = np.array([[0.75, 0.25], [0.5, 0.5], [0.0, 0.75]])
    w = np.array([0.5, 0.5])
    before = topsis_closeness(Y, w)
    after = topsis_closeness(np.vstack([Y, [[1.0, 0.25]]]), w)
    np.testing.assert_allclose(before[:2], [0.6, 0.6125741], rtol=1e-6)
    np.testing.assert_allclose(after[:2], [0.5729490, 0.5], rtol=1e-6)
    assert before[1] > before[0]
    assert after[0] > after[1]


def test_topsis_normalization_type_lists_the_names():
    """The Literal type of topsis(normalization=...) names them all."""
    import typing

    from clusterscore.aggregate import kernels

    assert typing.get_args(kernels.TopsisNormalization) == (
        kernels.TOPSIS_NORMALIZATIONS
    )
