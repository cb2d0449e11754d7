"""Fuzz the public numeric API with wrong types and extreme floats.

Issue 16 (done-means): every public numeric function, called with one of
its parameters replaced by a wrong type or an extreme value (inf, NaN,
1e308, 5e-324, -0.0, huge ints, strings, None, lists, DataFrames, complex
numbers), either returns a finite result or raises a ClusterScoreError:
never another exception, never a NaN, never a warning other than the
documented clusterscore warnings (a constant column, a fallback).

The ``ci`` hypothesis profile (tests/conftest.py) runs 300 examples per
test; the default profile fewer.
"""

from __future__ import annotations

import os
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clusterscore as cs
from clusterscore.aggregate import aggregate
from clusterscore.errors import ClusterScoreError, ClusterScoreWarning
from clusterscore.normalize import normalize
from clusterscore.weights import std_weights

EXAMPLES = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "ci" else 30

EXTREME_FLOATS = [
    float("inf"),
    float("-inf"),
    float("nan"),
    1e308,
    -1e308,
    5e-324,
    -5e-324,
    -0.0,
    0.0,
    1.7976931348623157e308,
    2.2250738585072014e-308,
]

#: Scalars of every wrong kind.
wild_scalars = st.one_of(
    st.sampled_from(EXTREME_FLOATS),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10**400, -(10**400), 2**63, -1, 0, 1, 3]),
    st.booleans(),
    st.none(),
    st.text(max_size=4),
    st.sampled_from(["minmax", "sum", "vector", "eigenvector", "cost"]),
    st.complex_numbers(max_magnitude=10, allow_nan=False),
    st.sampled_from([np.float64("nan"), np.int64(-3), np.complex128(1j)]),
)


def _frame(values: list[list[float]]) -> pd.DataFrame:
    return pd.DataFrame(
        values, columns=[f"c{j}" for j in range(len(values[0]))]
    )


#: Matrices: small, with extreme entries, or wrong shapes and kinds.
wild_matrices = st.one_of(
    st.integers(1, 4).flatmap(
        lambda n: st.lists(
            st.lists(
                st.one_of(
                    st.sampled_from(EXTREME_FLOATS),
                    st.floats(-1e3, 1e3),
                    st.integers(0, 9).map(float),
                ),
                min_size=n,
                max_size=n,
            ),
            min_size=1,
            max_size=4,
        )
    ),
    st.just([[1.0, 2.0], [3.0]]),  # ragged
    st.just([]),
    st.just([1.0, 2.0, 3.0]),  # 1-D
    st.just([[[1.0]]]),  # 3-D
    st.just([[1.0, 1 + 2j], [2.0, 3.0]]),
    st.just(pd.DataFrame({"a": ["x", "y"], "b": [1.0, 2.0]})),
    st.just(_frame([[1e308, 1.0], [-1e308, 2.0], [0.0, 3.0]])),
    wild_scalars,
)

#: Any argument at all: a scalar, a sequence, a matrix, a frame.
wild = st.one_of(
    wild_scalars,
    wild_matrices,
    st.lists(wild_scalars, max_size=4),
    st.dictionaries(st.text(max_size=2), wild_scalars, max_size=3),
    st.just(pd.Series([0.5, 0.5], index=["x", "y"])),
)

X = np.array([[1.0, 20.0, 3.0], [2.0, 10.0, 5.0], [4.0, 30.0, 1.0]])
W = [0.5, 0.3, 0.2]

#: (function, baseline keyword arguments); the fuzz replaces one of them.
CALLS = {
    "ahp": (
        cs.ahp,
        {
            "matrix": [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]],
            "method": "eigenvector",
            "ri": "saaty",
            "max_cr": None,
            "scale": "any",
            "labels": None,
            "name": None,
        },
    ),
    "entropy_weights": (
        cs.entropy_weights,
        {
            "X": X,
            "directions": None,
            "normalization": "minmax",
            "shift": 0.0,
        },
    ),
    "critic_weights": (
        cs.critic_weights,
        {"X": X, "directions": None, "normalization": "minmax"},
    ),
    "std_weights": (std_weights, {"X": X, "directions": None}),
    "combine_weights": (
        cs.combine_weights,
        {"a": W, "b": [0.2, 0.3, 0.5], "method": "linear", "alpha": 0.5},
    ),
    "topsis": (
        cs.topsis,
        {
            "X": X,
            "weights": W,
            "directions": None,
            "normalization": "vector",
        },
    ),
    "normalize": (
        normalize,
        {"X": X, "directions": None, "method": "minmax", "targets": None},
    ),
    "aggregate": (
        aggregate,
        {
            "Y": X / 30.0,
            "weights": W,
            "method": "weighted_sum",
            "floor": None,
            "rho": None,
            "v": None,
        },
    ),
}


def _finite(result) -> bool:
    """Whether every number in a result is finite (no NaN, no inf)."""
    if isinstance(result, cs.AHPResult):
        return bool(
            np.isfinite(result.weights).all()
            and np.isfinite([result.lambda_max, result.ci, result.cr]).all()
        )
    if isinstance(result, tuple):
        return all(_finite(r) for r in result)
    if isinstance(result, pd.DataFrame | pd.Series):
        num = result.select_dtypes("number") if result.ndim == 2 else result
        return bool(np.isfinite(np.asarray(num, dtype=float)).all())
    return bool(np.isfinite(np.asarray(result, dtype=float)).all())


def _call_checked(func, kwargs):
    """Call; allow only a ClusterScoreError; return the result or None."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        message = ""
        try:
            result = func(**kwargs)
        except ClusterScoreError as exc:
            message = str(exc)
            result = None
    assert len(message) < 2000, "the message echoes too much"
    stray = [
        w for w in caught if not issubclass(w.category, ClusterScoreWarning)
    ]
    assert not stray, [f"{w.category.__name__}: {w.message}" for w in stray]
    if result is not None:
        assert _finite(result), result
    return result


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(max_examples=EXAMPLES, deadline=None)
@given(data=st.data())
def test_one_wrong_parameter_is_a_clusterscore_error_or_finite(name, data):
    """Replace one parameter by a wild value: finite or ClusterScoreError."""
    func, base = CALLS[name]
    param = data.draw(st.sampled_from(sorted(base)), label="parameter")
    value = data.draw(wild, label="value")
    _call_checked(func, {**base, param: value})


@pytest.mark.parametrize("name", sorted(set(CALLS) - {"combine_weights"}))
@settings(max_examples=EXAMPLES, deadline=None)
@given(matrix=wild_matrices)
def test_an_extreme_matrix_is_a_clusterscore_error_or_finite(name, matrix):
    """The matrix argument itself holds extreme values or the wrong shape."""
    func, base = CALLS[name]
    first = next(iter(base))
    _call_checked(func, {**base, first: matrix})


# ---------------------------------------------- the whole pipeline


@pytest.fixture(scope="module")
def table_and_system():
    system = cs.load_system()
    return cs.datasets.synthetic_clusters(system, n=6, rng=3), system


EVALUATE_OPTIONS = {
    "weighting": "combined",
    "method": "weighted_sum",
    "normalization": None,
    "combine": "multiplicative",
    "alpha": 0.5,
    "by_type": False,
    "missing": "refuse",
    "ahp_method": "eigenvector",
    "panel": None,
    "objective": "entropy",
    "ri": "saaty",
    "max_cr": 0.1,
}


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    param=st.sampled_from(sorted(EVALUATE_OPTIONS)),
    value=st.one_of(wild_scalars, st.lists(wild_scalars, max_size=2)),
)
def test_evaluate_options_are_checked(table_and_system, param, value):
    """evaluate() and rank_clusters(): a wild option is a ParameterError."""
    df, system = table_and_system
    kwargs = {**EVALUATE_OPTIONS, param: value}
    ev = _call_checked(
        lambda **kw: cs.evaluate(df, system, **kw).ranking, kwargs
    )
    if ev is not None:
        assert list(ev.columns[:3]) == ["type", "score", "rank"]


@pytest.mark.parametrize("value", [None, 1.5, "x", [1, 2], X])
def test_evaluate_refuses_a_wrong_table_or_system(table_and_system, value):
    """A table or system of the wrong type is a ClusterScoreError."""
    df, system = table_and_system
    _call_checked(lambda **kw: cs.rank_clusters(value, system), {})
    _call_checked(lambda **kw: cs.rank_clusters(df, value), {})


# ----------------------------------------- degenerate inputs (16.13)

DEGENERATE = {
    "identical rows": np.array([[2.0, 5.0, 1.0]] * 4),
    "zeros": np.zeros((3, 3)),
    "a single row": np.array([[1.0, 2.0, 3.0]]),
    "one varying column": np.array([[0.0, 1.0, 1.0], [0.0, 2.0, 1.0]]),
    "zeros and one value": np.array([[0.0, 0.0, 0.0], [0.0, 0.0, 7.0]]),
}


@pytest.mark.parametrize("case", sorted(DEGENERATE))
@pytest.mark.parametrize("name", sorted(set(CALLS) - {"combine_weights"}))
def test_degenerate_tables_raise_no_numpy_warning(case, name):
    """Under warnings-as-errors, degenerate tables give no RuntimeWarning.

    Identical rows, all zeros, a single row: each public function returns
    a finite result or a ClusterScoreError (documented clusterscore
    warnings allowed).
    """
    func, base = CALLS[name]
    first = next(iter(base))
    matrix = DEGENERATE[case]
    if name == "ahp":
        matrix = np.ones((3, 3))  # all judgments equal: weights 1/3
    _call_checked(func, {**base, first: matrix})
    if name in {"aggregate", "topsis"}:
        for method in ("geometric", "topsis", "gra", "vikor"):
            if name == "aggregate":
                _call_checked(func, {**base, first: matrix, "method": method})
    if name == "normalize":
        for method in ("zscore", "vector", "percentile"):
            _call_checked(func, {**base, first: matrix, "method": method})
