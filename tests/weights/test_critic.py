"""Tests of clusterscore.weights.critic: CRITIC and std weights."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clusterscore.errors import (
    DataError,
    DegenerateIndicatorWarning,
    ParameterError,
)
from clusterscore.weights.critic import critic_weights, std_weights


def _load_reference():
    path = Path(__file__).parents[1] / "reference" / "entropy_examples.py"
    spec = importlib.util.spec_from_file_location("entropy_examples", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["entropy_examples"] = module
    spec.loader.exec_module(module)
    return module


ref = _load_reference()


def test_critic_xu_2022_on_the_matrix_as_given():
    """Xu et al. (2022) Table 6: CRITIC on Q as given, 18/20 and 4/4 sums.

    The two printed weights listed as deviations are misprints: B6's
    column is B1's, so their weights are equal (and the printed B sum
    needs it); C2's printed 3.73 is 3.744 (the printed C sum needs it).
    """
    w = 100 * critic_weights(ref.xu_2022_matrix(), normalization="none")
    printed = np.asarray(ref.XU_2022_WEIGHTS_PERCENT)
    off = sorted(ref.XU_2022_DEVIATIONS)
    ok = np.setdiff1d(np.arange(printed.size), off)
    np.testing.assert_array_equal(np.round(w[ok], 2), printed[ok])
    assert w[8] == pytest.approx(w[3], rel=1e-12)  # B6 = B1
    assert np.round(w[11], 2) == pytest.approx(3.74)
    start = 0
    for _, size, total in ref.XU_2022_GROUPS:
        assert round(w[start : start + size].sum(), 2) == total
        start += size
    minmax = 100 * critic_weights(ref.xu_2022_matrix())
    assert not np.array_equal(np.round(minmax[ok], 2), printed[ok])


def test_critic_wang_2022_improved_critic_with_cv():
    """Wang et al. (2022): "improved CRITIC" (CV for sigma), 20/20 at 4 dp.

    ``normalization="mean"`` within the four groups, then on the group
    scores Y_p = X_p w_p, as the paper does.
    """
    ws, scores = [], []
    for group, printed in zip(
        ref.WANG_2022_GROUPS, ref.WANG_2022_GROUP_WEIGHTS, strict=True
    ):
        X = np.asarray(group, dtype=float)
        w = critic_weights(X, normalization="mean")
        np.testing.assert_array_equal(np.round(w, 4), printed)
        ws.append(w)
        scores.append(X @ w)
    top = critic_weights(np.column_stack(scores), normalization="mean")
    np.testing.assert_array_equal(
        np.round(top, 4), ref.WANG_2022_CRITERION_WEIGHTS
    )


def test_critic_mean_normalisation_is_the_cv_variant():
    """With mean, sigma_j / mean_j replaces sigma_j; r is unchanged."""
    X = np.array([[2.0, 9.0, 4.0], [4.0, 7.0, 1.0], [9.0, 8.0, 3.0]])
    cv = X.std(axis=0) / X.mean(axis=0)
    r = np.corrcoef(X, rowvar=False)
    C = cv * (1 - r).sum(axis=0)
    np.testing.assert_allclose(
        critic_weights(X, normalization="mean"), C / C.sum(), rtol=1e-12
    )
    C = X.std(axis=0) * (1 - r).sum(axis=0)
    np.testing.assert_allclose(
        critic_weights(X, normalization="none"), C / C.sum(), rtol=1e-12
    )


def test_critic_cost_column_flips_correlations_for_every_normalization():
    """A cost column keeps its dispersion; its correlations change sign."""
    X = np.array([[2.0, 9.0, 4.0], [4.0, 7.0, 1.0], [9.0, 8.0, 3.0]])
    flipped = X.copy()
    flipped[:, 1] = X[:, 1].max() + X[:, 1].min() - X[:, 1]
    for normalization in ("minmax", "none"):
        np.testing.assert_allclose(
            critic_weights(X, ["benefit", "cost", "benefit"], normalization),
            critic_weights(flipped, normalization=normalization),
            rtol=1e-12,
        )


def test_critic_mean_needs_positive_means():
    """normalization='mean' refuses a varying column whose mean is <= 0."""
    X = np.array([[1.0, -3.0], [2.0, 1.0], [3.0, 0.0]])
    with pytest.raises(
        DataError,
        match=r"critic_weights\(\): normalization='mean' divides each "
        r"column by its mean .* in column 1\.",
    ):
        critic_weights(X, normalization="mean")


def test_critic_unknown_normalization():
    """An unknown normalization names the allowed ones."""
    with pytest.raises(
        ParameterError,
        match=r"critic_weights\(\): 'normalization' must be one of",
    ):
        critic_weights([[1.0, 2.0], [2.0, 1.0]], normalization="zscore")


def test_critic_tus_aytac_adali_2019():
    """CRITIC reproduces Tus & Aytac Adali (2019) with un-reversed data."""
    example = ref.TUS_AYTAC_ADALI_2019
    w = critic_weights(example.matrix)
    np.testing.assert_array_equal(
        np.round(w, example.decimals), np.asarray(example.weights)
    )


def test_critic_tus_aytac_adali_2019_with_cost_reversed_differs():
    """Reversing the cost column changes only the correlation signs."""
    example = ref.TUS_AYTAC_ADALI_2019
    directions = ["cost"] + ["benefit"] * 5
    w = critic_weights(example.matrix, directions)
    assert not np.allclose(w, example.weights, atol=5e-3)
    # hand check of the mechanism: sigma is the same, the conflict with
    # column 0 flips from (1 - r) to (1 + r)
    X = np.asarray(example.matrix, dtype=float)
    Y = (X - X.min(0)) / (X.max(0) - X.min(0))
    Y[:, 0] = 1 - Y[:, 0]
    r = np.corrcoef(Y, rowvar=False)
    C = Y.std(axis=0) * (1 - r).sum(axis=0)
    np.testing.assert_allclose(w, C / C.sum(), rtol=1e-12)


def test_critic_hand_calculation():
    """CRITIC on a 3x3 matrix: sigma and r worked out by hand."""
    # y = (0, .5, 1), (0, 1, 0), (1, 0, 1); sigma = sqrt(1/6), sqrt(2/9),
    # sqrt(2/9); r12 = r13 = 0, r23 = -1
    s1, s2 = np.sqrt(1 / 6), np.sqrt(2 / 9)
    C = np.array([s1 * 2, s2 * 3, s2 * 3])
    w = critic_weights([[0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [2.0, 0.0, 1.0]])
    np.testing.assert_allclose(w, C / C.sum(), rtol=1e-12)


def test_std_weights_hand_calculation():
    """Std-dev weights: sigma of min-max columns (0, .5, 1), (0, 0, 1)."""
    s1, s2 = np.sqrt(1 / 6), np.sqrt(2 / 9)
    w = std_weights([[0.0, 0.0], [1.0, 0.0], [2.0, 10.0]])
    np.testing.assert_allclose(w, [s1 / (s1 + s2), s2 / (s1 + s2)])


def test_std_weights_do_not_depend_on_units():
    """Expressing a column in other units leaves std weights unchanged."""
    X = np.array([[1.0, 200.0], [2.0, 100.0], [4.0, 400.0]])
    Y = X * [1e4, 1e-3]
    np.testing.assert_allclose(std_weights(X), std_weights(Y), rtol=1e-12)


def test_std_weights_ignore_directions():
    """Reversing a min-max column (1 - y) keeps its standard deviation."""
    X = np.array([[1.0, 200.0], [2.0, 100.0], [4.0, 400.0]])
    np.testing.assert_allclose(std_weights(X), std_weights(X, ["cost"] * 2))


@pytest.mark.parametrize("fn", [critic_weights, std_weights])
def test_other_methods_dataframe_gives_series(fn):
    """CRITIC and std weights also return a labelled Series."""
    df = pd.DataFrame({"a": [1.0, 2.0, 4.0], "b": [3.0, 1.0, 2.0]})
    w = fn(df)
    assert isinstance(w, pd.Series)
    assert list(w.index) == ["a", "b"]


def test_critic_constant_column_weight_zero_others_as_if_absent():
    """CRITIC: a constant column gets 0; the others ignore it entirely."""
    X = np.array([[0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [2.0, 0.0, 1.0]])
    with_flat = np.column_stack([X, np.full(3, 7.0)])
    with pytest.warns(DegenerateIndicatorWarning, match="column 3"):
        w = critic_weights(with_flat)
    assert w[3] == 0.0
    np.testing.assert_allclose(w[:3], critic_weights(X), rtol=1e-12)


def test_critic_single_varying_column_gets_weight_one():
    """With one varying column, the only weight vector is (1, 0, ...)."""
    X = np.array([[0.0, 5.0], [1.0, 5.0], [3.0, 5.0]])
    with pytest.warns(DegenerateIndicatorWarning):
        w = critic_weights(X)
    np.testing.assert_array_equal(w, [1.0, 0.0])


def test_critic_no_conflict_raises():
    """Perfectly positively correlated columns: every C_j = 0, DataError."""
    df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [10.0, 20.0, 30.0]})
    with pytest.raises(DataError, match=r"perfectly positively correlated"):
        critic_weights(df)


def test_std_constant_column_weight_zero():
    """Standard-deviation weights: a constant column gets 0 with a warning."""
    with pytest.warns(DegenerateIndicatorWarning, match="column 0"):
        w = std_weights([[2.0, 1.0], [2.0, 3.0], [2.0, 4.0]])
    np.testing.assert_array_equal(w, [0.0, 1.0])


def test_critic_normalization_type_lists_the_option_names():
    """The Literal type of `normalization` names exactly the valid options."""
    import typing

    from clusterscore.weights import critic

    assert typing.get_args(critic.CriticNormalization) == (
        critic.CRITIC_NORMALIZATIONS
    )


# --------------------------------------- huge, tiny and rescaled (16.4)


def test_critic_none_on_huge_values_is_not_nan():
    """'none' keeps the units: a 1e308-scale column dwarfs a unit one.

    Column 0 spans 2e308 (its variance overflows), column 1 spans 2; the
    conflict sums are equal (two columns), so w is proportional to the
    standard deviations: (1 - ~1e-308, ~1e-308), never NaN.
    """
    w = critic_weights([[1e308, 1], [-1e308, 2], [0, 3]], normalization="none")
    assert np.isfinite(w).all()
    assert w[0] == pytest.approx(1.0)
    assert 0 <= w[1] < 1e-300


def test_critic_none_on_subnormal_values_weighs_the_contrast():
    """Subnormal column (5e-324 steps) against a unit one: w ~ (0, 1)."""
    w = critic_weights(
        [[5e-324, 1], [1e-323, 2], [0, 3]], normalization="none"
    )
    assert np.isfinite(w).all()
    assert w[1] == pytest.approx(1.0)


@settings(max_examples=200)
@given(
    st.integers(3, 7).flatmap(
        lambda m: st.tuples(
            st.lists(
                st.lists(
                    st.integers(0, 100).map(float), min_size=3, max_size=3
                ),
                min_size=m,
                max_size=m,
            ),
            st.integers(0, 2),
            st.integers(-300, 300),
        )
    ),
    st.sampled_from(["minmax", "mean", "std"]),
)
def test_critic_and_std_weights_are_invariant_under_rescaling(case, kind):
    """Min-max and mean-scaled CRITIC, and std weights, are unit-free."""
    rows, j, k = case
    X = np.array(rows)
    assume((X.max(axis=0) > X.min(axis=0)).all())
    assume((X.mean(axis=0) > 0).all())
    Z = X.copy()
    Z[:, j] *= 10.0**k

    def weigh(A):
        if kind == "std":
            return std_weights(A)
        try:
            return critic_weights(A, normalization=kind)
        except DataError:  # all perfectly correlated: both must refuse
            return None

    a, b = weigh(X), weigh(Z)
    if a is None or b is None:
        assert a is None
        assert b is None
        return
    np.testing.assert_allclose(b, a, rtol=1e-9, atol=1e-12)
