"""Tests of clusterscore._checks: the one home of parameter checks.

Each check returns the value it accepts in canonical form and refuses the
rest with a ParameterError that names the function and the parameter, in
the form ``f(): 'p' must be ...; got ...``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore import _checks as c
from clusterscore.errors import ParameterError


def test_check_option_accepts_a_listed_name_and_refuses_others():
    """Only strings in the allowed set pass; the message lists the set."""
    assert c.check_option("f", "method", "a", ("a", "b")) == "a"
    with pytest.raises(
        ParameterError, match=r"f\(\): 'method' must be one of \{'a', 'b'\}"
    ) as err:
        c.check_option("f", "method", 1, ("a", "b"))
    assert (err.value.parameter, err.value.allowed) == ("method", ("a", "b"))


@pytest.mark.parametrize(
    ("check", "good", "expected", "bad"),
    [
        (c.check_unit_interval, 1, 1.0, 1.5),
        (c.check_unit_interval, 0.5, 0.5, True),
        (c.check_unit_interval, "0.25", 0.25, "x"),
        (c.check_non_negative, 0, 0.0, True),
        (c.check_non_negative, 2.5, 2.5, float("inf")),
        (c.check_open_unit, 0.5, 0.5, 1.0),
    ],
)
def test_number_checks(check, good, expected, bad):
    """Accepted values come back as floats; refused ones name 'p'."""
    assert check("f", "p", good) == expected
    with pytest.raises(ParameterError, match=r"f\(\): 'p' must be"):
        check("f", "p", bad)


def test_check_non_negative_refuses_strings_unlike_the_optional_form():
    """`check_non_negative` takes numbers only; the optional form None."""
    with pytest.raises(ParameterError):
        c.check_non_negative("f", "p", "1")
    assert c.as_optional_non_negative("f", "p", None) is None
    assert c.as_optional_non_negative("f", "p", "0.1") == 0.1
    with pytest.raises(ParameterError, match="a number >= 0 or None"):
        c.as_optional_non_negative("f", "p", float("nan"))


@pytest.mark.parametrize("bad", [0, -3, 2.0, True, "4"])
def test_check_count(bad):
    """Integers >= minimum pass (numpy ints too); bools and floats do not."""
    assert c.check_count("f", "k", np.int64(3)) == 3
    assert c.check_count("f", "k", 5, minimum=5) == 5
    with pytest.raises(ParameterError, match=r"'k' must be an integer >= 1"):
        c.check_count("f", "k", bad)


def test_check_range_and_choices():
    """A (low, high) pair in [0, 1]; a non-empty set of distinct names."""
    assert c.check_range("f", "r", (0.2, 0.8)) == (0.2, 0.8)
    with pytest.raises(ParameterError, match="0 <= low <= high <= 1"):
        c.check_range("f", "r", (0.8, 0.2))
    assert c.check_choices("f", "m", "a", ("a", "b")) == ("a",)
    assert c.check_choices("f", "m", ["b", "a"], ("a", "b")) == ("b", "a")
    for bad in ([], ["a", "a"]):
        with pytest.raises(ParameterError, match="distinct names"):
            c.check_choices("f", "m", bad, ("a", "b"))
    with pytest.raises(ParameterError, match="must be one of"):
        c.check_choices("f", "m", ["c"], ("a", "b"))


def test_check_bounds_and_quantile():
    """Severity bounds are (upper, lower) with 1 >= upper > lower > 0."""
    assert c.check_bounds("f", (0.8, 0.5)) == (0.8, 0.5)
    with pytest.raises(ParameterError, match="1 >= upper > lower > 0"):
        c.check_bounds("f", (0.5, 0.8))
    assert c.check_quantile("f", 1) == 1.0
    for bad in (0, 1.2, True):
        with pytest.raises(ParameterError, match="'quantile'"):
            c.check_quantile("f", bad)


def test_check_instance_names_the_type_received():
    """The message names what was expected and the type that came."""
    c.check_instance("f", "df", pd.DataFrame(), pd.DataFrame, "a DataFrame")
    with pytest.raises(
        ParameterError, match=r"'df' must be a DataFrame; got list"
    ):
        c.check_instance("f", "df", [], pd.DataFrame, "a DataFrame")


def test_as_directions():
    """Words and +1/-1 become an int8 array; None means all benefit."""
    out = c.as_directions("f", ["benefit", "COST", 1, -1], 4)
    assert out.tolist() == [1, -1, 1, -1]
    assert out.dtype == np.int8
    assert c.as_directions("f", None, 2).tolist() == [1, 1]
    assert c.as_directions("f", "cost", 3).tolist() == [-1, -1, -1]
    with pytest.raises(ParameterError, match="one entry per criterion"):
        c.as_directions("f", [1], 2)
    with pytest.raises(ParameterError, match="at position 1"):
        c.as_directions("f", [1, True], 2)


def test_as_weights_sums_to_one_or_is_refused():
    """A weight vector must be non-negative and sum to 1."""
    w = c.as_weights("f", [0.25, 0.75], 2)
    np.testing.assert_allclose(w, [0.25, 0.75])
    for bad in ([0.5, 0.6], [-0.5, 1.5], [1.0]):
        with pytest.raises(ParameterError):
            c.as_weights("f", bad, 2)


# --------------------------------------------------- short echoes, seeds


def test_short_repr_cuts_a_long_value_and_names_its_type():
    """An 80,000-character repr becomes one short line with the type."""

    class Big:
        def __repr__(self):
            return "Big(" + "x" * 80_000 + ")"

    text = c.short_repr(Big())
    assert len(text) < 100
    assert text.endswith("(Big)")
    assert "..." in text
    assert c.short_repr(1.5) == "1.5"
    assert c.short_repr("abc") == "'abc'"


def test_a_huge_value_as_alpha_gives_a_short_message():
    """Passing a whole table as a number parameter: a short message."""
    df = pd.DataFrame(np.zeros((2000, 20)))
    with pytest.raises(ParameterError, match=r"'alpha' must be a number") as e:
        c.check_unit_interval("f", "alpha", df)
    assert len(str(e.value)) < 200
    assert "(DataFrame)" in str(e.value)


@pytest.mark.parametrize(
    "bad", [1.5, "abc", -1, True, 1 + 2j, [1], float("nan"), np.float64(3)]
)
def test_check_rng_refuses_what_is_not_a_seed(bad):
    """Seeds are ints >= 0, Generators or None; the rest is refused."""
    with pytest.raises(
        ParameterError, match=r"f\(\): 'rng' must be a seed .*; got"
    ) as e:
        c.check_rng("f", "rng", bad)
    assert e.value.parameter == "rng"


def test_check_rng_accepts_seeds_generators_and_none():
    """The same seed gives the same stream; a Generator passes through."""
    g = np.random.default_rng(1)
    assert c.check_rng("f", "rng", g) is g
    a = c.check_rng("f", "rng", np.int64(7)).random()
    assert a == c.check_rng("f", "rng", 7).random()
    assert isinstance(c.check_rng("f", "rng", None), np.random.Generator)


@pytest.mark.parametrize(
    "bad", [1 + 2j, np.complex128(1), 10**400, float("inf")]
)
def test_number_checks_refuse_complex_and_overflowing_values(bad):
    """No ComplexWarning, no OverflowError: a ParameterError."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for check in (c.check_unit_interval, c.check_non_negative):
            with pytest.raises(ParameterError):
                check("f", "p", bad)


def test_as_matrix_refuses_complex_values_naming_the_cell():
    """A complex table is a DataError, never a silent truncation."""
    from clusterscore.errors import DataError

    with pytest.raises(DataError, match=r"real numbers; complex .*\[0, 1\]"):
        c.as_matrix("f", np.array([[1.0, 2 + 1j], [3.0, 4.0]]))
    with pytest.raises(DataError, match=r"complex: b"):
        c.as_matrix("f", pd.DataFrame({"a": [1.0], "b": [1 + 1j]}))


# ------------------------------------------------------ the label rule


def test_align_labels_orders_by_label_and_refuses_a_mismatch():
    """Series and mappings by label; a missing or unknown label refused."""
    cols = ["a", "b"]
    s = pd.Series({"b": "cost", "a": "benefit"})
    assert c.align_labels("f", "directions", s, cols) == ["benefit", "cost"]
    assert c.align_labels("f", "directions", s, None) == ["cost", "benefit"]
    with pytest.raises(ParameterError, match=r"missing: \['b'\].*'c'"):
        c.align_labels("f", "directions", {"a": 1, "c": 1}, cols)
    with pytest.raises(ParameterError, match="mapping"):
        c.align_labels("f", "directions", {"a": 1}, None)
    with pytest.raises(ParameterError, match="repeated labels"):
        c.align_labels("f", "w", pd.Series([1, 2], index=["a", "a"]), cols)


def _label_calls():
    """Every public function that takes per-column directions or weights.

    Each entry: (name, call(X, directions, weights)).
    """
    from clusterscore.aggregate import aggregate, topsis
    from clusterscore.normalize import normalize
    from clusterscore.weights import (
        critic_weights,
        entropy_weights,
        std_weights,
    )

    return [
        ("entropy_weights", lambda X, d, w: entropy_weights(X, d)),
        ("critic_weights", lambda X, d, w: critic_weights(X, d)),
        ("std_weights", lambda X, d, w: std_weights(X, d)),
        ("normalize", lambda X, d, w: normalize(X, d)),
        ("topsis", lambda X, d, w: topsis(X, w, d)),
        (
            "topsis/minmax",
            lambda X, d, w: topsis(X, w, d, normalization="minmax"),
        ),
        ("aggregate", lambda X, d, w: aggregate(normalize(X, d), w)),
        (
            "aggregate/topsis",
            lambda X, d, w: aggregate(normalize(X, d), w, "topsis"),
        ),
    ]


_LABEL_X = pd.DataFrame(
    {"a": [1.0, 4.0, 2.0, 8.0], "b": [3.0, 1.0, 5.0, 2.0], "c": [9, 2, 4, 1]},
    index=["p", "q", "r", "s"],
)


@pytest.mark.parametrize(("name", "call"), _label_calls())
def test_every_function_aligns_directions_and_weights_by_label(name, call):
    """A Series in another order means the same as the list in order."""
    d_list = ["benefit", "cost", "cost"]
    w_list = [0.5, 0.3, 0.2]
    d_series = pd.Series({"c": "cost", "a": "benefit", "b": "cost"})
    w_series = pd.Series({"b": 0.3, "c": 0.2, "a": 0.5})
    want = call(_LABEL_X, d_list, w_list)
    got = call(_LABEL_X, d_series, w_series)
    np.testing.assert_allclose(np.asarray(got), np.asarray(want))


@pytest.mark.parametrize(("name", "call"), _label_calls())
def test_every_function_refuses_a_label_mismatch(name, call):
    """Labels that do not match the columns are refused, not positional."""
    d_list = ["benefit", "cost", "cost"]
    w_list = [0.5, 0.3, 0.2]
    bad_d = pd.Series(d_list, index=["a", "b", "x"])
    with pytest.raises(ParameterError, match="matched by label"):
        call(_LABEL_X, bad_d, w_list)
    if name.startswith(("topsis", "aggregate")):
        bad_w = pd.Series(w_list, index=[0, 1, 2])
        with pytest.raises(ParameterError, match="matched by label"):
            call(_LABEL_X, d_list, bad_w)


def test_combine_weights_aligns_two_series_by_label():
    """combine_weights: Series are matched by label, mismatches refused."""
    from clusterscore.weights import combine_weights

    a = pd.Series({"x": 0.6, "y": 0.4})
    b = pd.Series({"y": 0.7, "x": 0.3})
    got = combine_weights(a, b, method="linear")
    # by hand: 0.5 * (0.6, 0.4) + 0.5 * (0.3, 0.7) = (0.45, 0.55)
    np.testing.assert_allclose(got.loc[["x", "y"]], [0.45, 0.55])
    with pytest.raises(ParameterError, match="same labels"):
        combine_weights(a, pd.Series({"x": 0.5, "z": 0.5}))


def test_aggregate_aligns_a_dataframe_batch_of_weights_by_column():
    """A (k, n) batch as a DataFrame is matched to Y's columns by label."""
    from clusterscore.aggregate import aggregate

    Y = pd.DataFrame({"a": [1.0, 0.0], "b": [0.0, 1.0]})
    W = pd.DataFrame([[0.25, 0.75]], columns=["b", "a"])
    got = aggregate(Y, W)
    np.testing.assert_allclose(np.asarray(got), [[0.75, 0.25]])
    with pytest.raises(ParameterError, match="matched by label"):
        aggregate(Y, pd.DataFrame([[0.25, 0.75]], columns=["b", "z"]))


@pytest.mark.parametrize("value", [True, False, np.True_, 0, 1])
def test_check_flag_accepts_yes_and_no(value):
    """Booleans, numpy booleans and the integers 0 and 1."""
    assert c.check_flag("f", "flag", value) is bool(value)


@pytest.mark.parametrize("value", ["yes", None, 2, 0.0, [True], np.array([1])])
def test_check_flag_refuses_everything_else(value):
    """Anything else names the flag (bool() would raise or guess)."""
    with pytest.raises(ParameterError, match="'flag' must be True or False"):
        c.check_flag("f", "flag", value)
