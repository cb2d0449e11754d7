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
