"""Tests of clusterscore.weights.entropy and the shared edge policy."""

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
from clusterscore.testing import check_weighting_method, decision_matrices
from clusterscore.weights.critic import critic_weights, std_weights
from clusterscore.weights.entropy import (
    _entropy_kernel,
    _h_series,
    entropy_weights,
)


def _load_reference():
    path = Path(__file__).parents[1] / "reference" / "entropy_examples.py"
    spec = importlib.util.spec_from_file_location("entropy_examples", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["entropy_examples"] = module
    spec.loader.exec_module(module)
    return module


ref = _load_reference()


def _entropy_by_hand(Y):
    """Apply the textbook formula term by term (no one-pass trick)."""
    Y = np.asarray(Y, dtype=float)
    m = Y.shape[0]
    P = Y / Y.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(P > 0, P * np.log(P), 0.0)
    e = -terms.sum(axis=0) / np.log(m)
    d = 1 - e
    return d / d.sum()


# ------------------------------------------------------------ golden values


@pytest.mark.parametrize(
    "example", ref.ENTROPY_EXAMPLES, ids=lambda e: e.source
)
def test_entropy_published_examples(example):
    """Entropy weights match four published examples to the printed digit."""
    w = entropy_weights(
        example.matrix,
        directions=example.directions,
        normalization=example.normalization,
    )
    np.testing.assert_array_equal(
        np.round(w, example.decimals), np.asarray(example.weights)
    )


@pytest.mark.parametrize(
    "example", ref.VERIFIED_ENTROPY_EXAMPLES, ids=lambda e: e.source
)
def test_entropy_examples_read_in_stored_copies(example):
    """Entropy weights as printed in papers read in stored full texts.

    Each printed weight is matched at the printed precision; a weight the
    entry lists under ``deviations`` (with its reason) within
    ``tolerance``.
    """
    assert example.status == "stored-copy"
    w = entropy_weights(
        example.matrix,
        directions=example.directions,
        normalization=example.normalization,
        shift=example.shift,
    )
    printed = np.asarray(example.weights)
    off = [i for i, _ in example.deviations]
    exact = np.setdiff1d(np.arange(printed.size), off)
    np.testing.assert_array_equal(
        np.round(w[exact], example.decimals), printed[exact]
    )
    np.testing.assert_allclose(w[off], printed[off], atol=example.tolerance)


def test_entropy_wang_qian_2023_needs_its_shift():
    """Wang & Qian (2023): without eq. (5)'s +1 shift the weights differ.

    With the shift, ``entropy_weights(X, d, shift=1)`` equals raw shares of
    ``1 + minmax(X)`` (the paper's eq. 5, term by term).
    """
    ex = ref.WANG_QIAN_2023
    X = np.asarray(ex.matrix, dtype=float)
    cost = np.asarray(ex.directions) == ref.COST
    Z = (X - X.min(0)) / (X.max(0) - X.min(0))
    Z[:, cost] = 1 - Z[:, cost]
    np.testing.assert_allclose(
        entropy_weights(X, ex.directions, shift=1.0),
        _entropy_by_hand(1 + Z),
        rtol=1e-12,
    )
    unshifted = entropy_weights(X, ex.directions)
    assert not np.array_equal(np.round(unshifted, 5), ex.weights)


def test_entropy_zhao_li_2022_deviation_is_input_rounding():
    """Zhao & Li (2022): w2 = 0.0813 is reached within the 4-dp inputs.

    Moving the printed inputs by less than half a unit of their last digit
    (+-0.00005) moves w2 across 0.0813/0.0814.
    """
    ex = ref.ZHAO_LI_2022
    X = np.asarray(ex.matrix, dtype=float)
    rng = np.random.default_rng(0)
    w2 = []
    for _ in range(200):
        noise = rng.uniform(-5e-5, 5e-5, X.shape)
        w2.append(entropy_weights(X + noise)[1])
    assert min(w2) < 0.08135 < max(w2)


@pytest.mark.parametrize(
    "shift", [-1.0, float("nan"), float("inf"), "1", True]
)
def test_entropy_shift_must_be_a_finite_non_negative_number(shift):
    """A negative, non-finite or non-numeric shift is refused by name."""
    with pytest.raises(
        ParameterError,
        match=r"entropy_weights\(\): 'shift' must be a finite number >= 0",
    ):
        entropy_weights([[1.0, 2.0], [2.0, 1.0]], shift=shift)


@settings(max_examples=200)
@given(
    X=decision_matrices(constant_columns=True),
    shift=st.floats(0, 100),
    normalization=st.sampled_from(["minmax", "sum"]),
)
@pytest.mark.filterwarnings(
    "ignore::clusterscore.errors.DegenerateIndicatorWarning"
)
def test_prop_shifted_entropy_is_a_weight_vector(X, shift, normalization):
    """Any shift: non-negative, sums to 1, constant columns still get 0."""
    constant = X.max(axis=0) == X.min(axis=0)
    assume(not constant.all())
    w = entropy_weights(X, normalization=normalization, shift=shift)
    assert np.all(w >= 0)
    assert w.sum() == pytest.approx(1.0)
    assert np.all(w[constant] == 0)


def test_entropy_xu2004_near_constant_column_gets_weight_near_zero():
    """Xu (2004): column (29, 29, 28.9, 29) prints 0.0000 but is not 0."""
    w = entropy_weights(ref.XU_2004.matrix, normalization="sum")
    assert 0 < w[3] < 5e-5


# ------------------------------------------------------------ hand checks


def test_entropy_minmax_hand_calculation():
    """minmax: benefit (x-min)/range, cost (max-x)/range, then shares."""
    X = np.array([[1.0, 10.0], [2.0, 30.0], [4.0, 20.0], [3.0, 40.0]])
    # column 0 benefit -> 0, 1/3, 1, 2/3; column 1 cost -> 1, 1/3, 2/3, 0
    y0 = np.array([0, 1 / 3, 1, 2 / 3])
    y1 = np.array([1, 1 / 3, 2 / 3, 0])
    p0, p1 = y0 / 2, y1 / 2  # both sum to 2
    e0 = -sum(p * np.log(p) for p in p0 if p > 0) / np.log(4)
    e1 = -sum(p * np.log(p) for p in p1 if p > 0) / np.log(4)
    expected = np.array([1 - e0, 1 - e1]) / (2 - e0 - e1)
    w = entropy_weights(X, ["benefit", "cost"])
    np.testing.assert_allclose(w, expected, rtol=1e-12)
    # the two columns hold the same multiset of y, so equal weights
    np.testing.assert_allclose(w, [0.5, 0.5], rtol=1e-12)


def test_entropy_sum_hand_calculation():
    """sum: shares (1, 2, 4)/7 and (2, 2.5, 3)/7.5 by the textbook formula."""
    X = [[1.0, 2.0], [2.0, 2.5], [4.0, 3.0]]
    np.testing.assert_allclose(
        entropy_weights(X, normalization="sum"),
        _entropy_by_hand(X),
        rtol=1e-12,
    )


def test_entropy_zero_share_counts_as_zero_log_zero():
    """A 0 entry contributes 0 ln 0 = 0 (peers.md table 2.11, '.8984')."""
    X = np.array([[0.0, 1.0], [1.0, 1.0], [2.0, 2.0]])
    np.testing.assert_allclose(
        entropy_weights(X, normalization="sum"),
        _entropy_by_hand(X),
        rtol=1e-12,
    )


def test_entropy_two_rows_minmax_gives_equal_weights():
    """With m = 2, every varying column is (0, 1) after min-max: e = 0."""
    w = entropy_weights([[1.0, 5.0, 7.0], [2.0, 3.0, 9.0]])
    np.testing.assert_allclose(w, [1 / 3] * 3, rtol=1e-12)


def test_entropy_sum_ignores_directions():
    """Under 'sum' a cost direction does not change the raw-share weights."""
    X = ref.ZAVADSKAS_PODVEZKO_2016.matrix
    a = entropy_weights(X, normalization="sum")
    b = entropy_weights(X, ["cost"] * 4, normalization="sum")
    np.testing.assert_array_equal(a, b)


def test_entropy_kernel_matches_textbook_formula():
    """_entropy_kernel on a column-stochastic matrix = the formula."""
    P = np.array([[0.2, 0.5], [0.3, 0.5], [0.5, 0.0]])
    np.testing.assert_allclose(_entropy_kernel(P), _entropy_by_hand(P))


def test_divergence_series_is_accurate_where_the_direct_form_cancels():
    """h(e) = ((1+e) ln(1+e) - e) / e^2 near 0, in 50-digit arithmetic.

    Hand reference: the same formula evaluated with mpmath-free exact
    decimals (Python's decimal module at 50 digits), so that neither the
    series nor the direct branch is checked against itself.
    """
    from decimal import Decimal, getcontext

    getcontext().prec = 50

    def exact(e: float) -> float:
        d = Decimal(e)
        u = 1 + d
        g = u * u.ln() - d
        return float(g / (d * d))

    es = [-0.0999, -0.05, -0.00999, -1e-5, 1e-12, 3e-3, 0.0999]
    got = _h_series(np.array(es))
    want = [exact(e) for e in es]
    np.testing.assert_allclose(got, want, rtol=1e-13)
    assert _h_series(np.array([0.0]))[0] == 0.5


def test_entropy_kernel_leaves_its_input_alone():
    """The kernel works on blocks and copies; Y is not modified."""
    Y = np.array([[0.0, 1.0, 7.5], [0.5, 0.2, 0.0], [1.0, 0.0, 1e-300]])
    before = Y.copy()
    _entropy_kernel(Y)
    np.testing.assert_array_equal(Y, before)


# ------------------------------------------------------------ pandas


def test_entropy_dataframe_gives_series_labelled_by_column():
    """A DataFrame in gives a Series indexed by the column names out."""
    df = pd.DataFrame({"rd": [1.0, 2.0, 4.0], "patents": [2.0, 2.5, 3.0]})
    w = entropy_weights(df, normalization="sum")
    assert isinstance(w, pd.Series)
    assert list(w.index) == ["rd", "patents"]
    np.testing.assert_allclose(w.to_numpy(), _entropy_by_hand(df))


def test_array_in_gives_ndarray_out():
    """An array (or nested list) in gives a numpy array out."""
    w = entropy_weights(np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 5.0]]))
    assert isinstance(w, np.ndarray)


# ------------------------------------------------------------ edge policy


@pytest.mark.parametrize("normalization", ["minmax", "sum"])
def test_entropy_constant_column_weight_zero_and_warning(normalization):
    """A constant column gets weight 0 and a warning naming it."""
    df = pd.DataFrame(
        {"a": [1.0, 2.0, 4.0], "flat": [5.0, 5.0, 5.0], "b": [3.0, 1, 2]}
    )
    with pytest.warns(DegenerateIndicatorWarning, match="'flat'"):
        w = entropy_weights(df, normalization=normalization)
    assert w["flat"] == 0.0
    assert w.sum() == pytest.approx(1.0)
    assert np.isfinite(w).all()


def test_entropy_peers_constant_column_reference():
    """peers.md 2.11 reference case: the constant column has weight 0."""
    X = np.array([[1.0, 1.0, 3.0], [2.0, 5.0, 3.0], [3.0, 2.0, 3.0]])
    with pytest.warns(DegenerateIndicatorWarning, match="column 2"):
        w = entropy_weights(X, normalization="sum")
    np.testing.assert_allclose(w[:2], _entropy_by_hand(X[:, :2]), rtol=1e-12)
    assert w[2] == 0.0


def test_entropy_sum_all_zero_column_is_constant():
    """Under 'sum' an all-zero column is constant: weight 0, warning."""
    X = np.array([[1.0, 0.0], [2.0, 0.0], [4.0, 0.0]])
    with pytest.warns(DegenerateIndicatorWarning, match="column 1"):
        w = entropy_weights(X, normalization="sum")
    np.testing.assert_array_equal(w, [1.0, 0.0])


ALL = [
    entropy_weights,
    lambda X, *a: entropy_weights(X, normalization="sum"),
    critic_weights,
    std_weights,
]


@pytest.mark.parametrize("fn", ALL)
def test_all_columns_constant_raises(fn):
    """Every column constant: DataError naming the columns."""
    df = pd.DataFrame({"a": [1.0, 1.0], "b": [2.0, 2.0]})
    with pytest.raises(DataError, match=r"every column.*'a', 'b'"):
        fn(df)


@pytest.mark.parametrize("fn", ALL)
def test_fewer_than_two_rows_raises(fn):
    """One row: DataError saying 2 rows are needed."""
    with pytest.raises(DataError, match=r"at least 2 rows.*got 1"):
        fn([[1.0, 2.0]])


@pytest.mark.parametrize("fn", ALL)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_raises_naming_column(fn, bad):
    """NaN or inf: DataError naming the column, never NaN weights."""
    df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, bad, 2.0]})
    with pytest.raises(DataError, match=r"finite.*'b'"):
        fn(df)


@pytest.mark.parametrize("fn", ALL)
def test_no_columns_raises(fn):
    """A table with rows but no columns is rejected."""
    with pytest.raises(DataError, match="no columns"):
        fn(np.empty((3, 0)))


def test_entropy_sum_negative_values_raise_naming_column():
    """'sum' with a negative value: DataError naming it, never abs()."""
    df = pd.DataFrame({"a": [1.0, 2.0, 3.0], "growth": [0.1, -0.2, 0.3]})
    with pytest.raises(DataError, match=r"non-negative.*'growth'"):
        entropy_weights(df, normalization="sum")


def test_entropy_minmax_accepts_negative_values():
    """'minmax' maps any finite column to [0, 1]: negatives are fine."""
    w = entropy_weights([[1.0, -0.2], [2.0, 0.1], [3.0, 0.5]])
    assert np.isfinite(w).all()
    assert w.sum() == pytest.approx(1.0)


def test_entropy_unknown_normalization_raises():
    """An unknown normalisation name lists the valid ones."""
    with pytest.raises(
        ParameterError,
        match=r"'normalization' must be one of \{'minmax', 'sum'\}; got 'mm'",
    ):
        entropy_weights([[1.0], [2.0]], normalization="mm")


@pytest.mark.parametrize("fn", [entropy_weights, critic_weights, std_weights])
def test_bad_directions_raise(fn):
    """A wrong number of directions or a bad word is a ParameterError."""
    X = [[1.0, 2.0], [2.0, 1.0], [3.0, 5.0]]
    with pytest.raises(ParameterError, match="one entry per criterion"):
        fn(X, ["benefit"])
    with pytest.raises(ParameterError, match="'up' at position 1"):
        fn(X, ["benefit", "up"])


def test_non_numeric_column_raises():
    """A text column in the DataFrame is named in the DataError."""
    df = pd.DataFrame({"name": ["x", "y"], "a": [1.0, 2.0]})
    with pytest.raises(DataError, match="not numeric: name"):
        entropy_weights(df)


# ------------------------------------------------------------ properties


def _col_scaled(X, factors):
    return X * np.asarray(factors)


@settings(max_examples=200)
@given(X=decision_matrices(), data=st.data())
def test_prop_entropy_sum_scale_invariant(X, data):
    """'sum': multiplying a column by c > 0 leaves the weights unchanged."""
    n = X.shape[1]
    c = data.draw(
        st.lists(st.floats(1e-3, 1e3), min_size=n, max_size=n), label="c"
    )
    a = entropy_weights(X, normalization="sum")
    b = entropy_weights(_col_scaled(X, c), normalization="sum")
    np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-9)


@settings(max_examples=200)
@given(X=decision_matrices(non_negative=False), data=st.data())
def test_prop_entropy_minmax_affine_invariant(X, data):
    """'minmax': x -> a x + b with a > 0 leaves the weights unchanged."""
    n = X.shape[1]
    a = np.asarray(
        data.draw(st.lists(st.floats(1e-2, 1e2), min_size=n, max_size=n))
    )
    b = np.asarray(
        data.draw(st.lists(st.floats(-1e3, 1e3), min_size=n, max_size=n))
    )
    np.testing.assert_allclose(
        entropy_weights(X), entropy_weights(X * a + b), rtol=1e-6, atol=1e-9
    )


@settings(max_examples=200)
@given(X=decision_matrices(non_negative=False))
def test_prop_entropy_minmax_cost_is_benefit_of_negated(X):
    """A cost column weighs like the same column negated as benefit."""
    n = X.shape[1]
    np.testing.assert_allclose(
        entropy_weights(X, ["cost"] * n),
        entropy_weights(-X),
        rtol=1e-9,
        atol=1e-12,
    )


@settings(max_examples=200)
@given(X=decision_matrices(constant_columns=True, min_cols=2))
def test_prop_constant_columns_weight_zero_never_nan(X):
    """Constant columns get exactly 0, the rest sum to 1, never NaN."""
    constant = X.max(axis=0) == X.min(axis=0)
    for fn in (entropy_weights, std_weights):
        with pytest.warns(DegenerateIndicatorWarning):
            w = fn(X)
        assert np.all(w[constant] == 0.0)
        assert np.isfinite(w).all()
        assert w.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("name", "fn", "scale_invariant", "rejects"),
    [
        ("entropy-minmax", entropy_weights, True, ()),
        (
            "entropy-sum",
            lambda X: entropy_weights(X, normalization="sum"),
            True,
            (),
        ),
        ("critic", critic_weights, True, (DataError,)),
        ("std", std_weights, True, ()),
    ],
)
def test_objective_methods_pass_weighting_axioms(
    name, fn, scale_invariant, rejects
):
    """Sum 1, >= 0, deterministic, permutation laws, scale invariance."""
    check_weighting_method(
        fn,
        kind="objective",
        scale_invariant=scale_invariant,
        max_examples=200,
        rejects=rejects,
    )


def test_weights_do_not_modify_the_callers_dataframe():
    """The input DataFrame is unchanged after the call."""
    df = pd.DataFrame({"a": [1.0, 2.0, 4.0], "b": [3.0, 1.0, 2.0]})
    before = df.copy()
    for fn in (entropy_weights, critic_weights, std_weights):
        fn(df, ["cost", "benefit"])
    pd.testing.assert_frame_equal(df, before)


def test_entropy_normalization_type_lists_the_option_names():
    """The Literal type of `normalization` names exactly the valid options."""
    import typing

    from clusterscore.weights import entropy

    assert typing.get_args(entropy.EntropyNormalization) == (
        entropy.ENTROPY_NORMALIZATIONS
    )


# --------------------------------------- huge, tiny and shifted (16.4)


def test_entropy_of_values_near_the_float_maximum_is_not_nan():
    """The issue's table: 'sum' shares of 1e308s, as of the unit table.

    By hand, column 0 has shares (1/2, 1/2, 0): e = ln 2 / ln 3, d =
    0.369070; column 1 (1/6, 1/3, 1/2): H = 1.011404, e = 0.920620, d =
    0.079380; w = d / sum(d) = (0.822990, 0.177010).
    """
    w = entropy_weights([[1e308, 1], [1e308, 2], [0, 3]], normalization="sum")
    np.testing.assert_allclose(w, [0.822990, 0.177010], atol=1e-6)
    tiny = entropy_weights(
        [[5e-324, 1], [5e-324, 2], [0, 3]], normalization="sum"
    )
    np.testing.assert_allclose(tiny, w, rtol=1e-12)


def test_a_huge_shift_gives_the_limit_not_nan():
    """Shift -> infinity: d_j ~ variance of the shifted column / s^2.

    By hand for min-max columns (0.5, 1, 0) and (0, 0.4, 1): population
    variances 1/6 and 0.168889, so the weights tend to
    (0.496689, 0.503311); shift=1e8 is already there to 1e-8, and so are
    1e20 and 1e308, where 1 - H/ln m would have cancelled to 0 or NaN.
    """
    X = [[1, 1], [2, 2], [0, 3.5]]
    for s in (1e8, 1e20, 1e308):
        np.testing.assert_allclose(
            entropy_weights(X, shift=s), [0.496689, 0.503311], atol=1e-6
        )


def test_a_span_beyond_the_float_range_is_no_nan():
    """Min-max of (1e308, -1e308, 0) is (1, 0, 1/2), as of (1, -1, 0)."""
    a = entropy_weights([[1e308, 1], [-1e308, 2], [0, 3.5]])
    b = entropy_weights([[1, 1], [-1, 2], [0, 3.5]])
    np.testing.assert_allclose(a, b, rtol=1e-12)


@st.composite
def _rescaled_column(draw):
    m = draw(st.integers(2, 7))
    n = draw(st.integers(2, 4))
    X = np.array(
        draw(
            st.lists(
                st.lists(
                    st.integers(0, 100).map(float), min_size=n, max_size=n
                ),
                min_size=m,
                max_size=m,
            )
        )
    )
    assume((X.max(axis=0) > X.min(axis=0)).all())
    j = draw(st.integers(0, n - 1))
    k = draw(st.integers(-300, 300))
    Z = X.copy()
    Z[:, j] *= 10.0**k
    return X, Z


@settings(max_examples=200)
@given(_rescaled_column(), st.sampled_from(["minmax", "sum"]))
def test_entropy_weights_are_invariant_under_rescaling_a_column(case, norm):
    """Shares and min-max are unit-free: a column times 10**k, same w."""
    X, Z = case
    np.testing.assert_allclose(
        entropy_weights(Z, normalization=norm),
        entropy_weights(X, normalization=norm),
        rtol=1e-9,
        atol=1e-12,
    )
