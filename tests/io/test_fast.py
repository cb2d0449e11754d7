"""Tests of clusterscore.io.fast: the fast path agrees with pandera.

`check_table(..., fast=False)` runs the pandera schema on every table (the
path taken before the fast path existed); the default runs
`table_passes` first and pandera only when it fails. On generated tables,
clean or with problems injected, both paths must give the same table or
the same error, line for line; and `table_passes` must say yes exactly
when ``system.schema()`` accepts the canonical frame.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError
from clusterscore.io.cells import parse_columns
from clusterscore.io.fast import (
    bound_vectors,
    matrix_passes,
    names_pass,
    table_passes,
)
from clusterscore.io.headers import collect_columns, column_items
from clusterscore.io.validate import check_table

# (column, value) injections, each a problem the schema refuses or, for
# the last few, a cell that is fine
INJECTIONS = [
    ("cluster", ""),
    ("cluster", None),
    ("cluster", "Wuxi IoT"),  # a duplicate of row 0
    ("cluster", "Wuxi\u00a0IoT\u200b"),  # the same name, invisibly
    ("type", "strategy"),
    ("type", None),
    ("output_value", -1.0),
    ("output_value", np.inf),
    ("output_value", np.nan),
    ("output_value", "about 300"),
    ("output_value", "1e400"),
    ("national_share", 100.5),
    ("national_share", "2\u00b2"),
    ("relative_energy_intensity", 0.0),
    ("relative_energy_intensity", 5e-324),  # the smallest float > 0: fine
    ("little_giant_firms", 2.5),
    ("little_giant_firms", "\u2460"),  # circled one
    ("industrial_concentration", 100.0),  # the closed upper bound: fine
    ("national_share", "１，２３４"),  # a number, but above 100
    ("output_value", " 1,234.5 "),  # fine
]


def _run(df, system, *, fast, allow_missing):
    """Return ('ok', table) or ('error', problems, failure cases)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = check_table(
                column_items(df),
                df.index,
                system,
                allow_missing=allow_missing,
                where="validate()",
                row_word="row",
                stacklevel=2,
                fast=fast,
            )
    except DataError as exc:
        return ("error", exc.problems, exc.failure_cases)
    return ("ok", out)


def _table(good_table, n_copies, injections):
    """Return `n_copies` stacked good tables with `injections` applied."""
    parts = []
    for k in range(n_copies):
        part = good_table()
        if k:
            part["cluster"] = part["cluster"] + f" {k}"
        parts.append(part)
    df = pd.concat(parts, ignore_index=True).astype(object)
    for row, (column, value) in injections:
        df.loc[row % len(df), column] = value
    return df


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    n_copies=st.integers(1, 3),
    injections=st.lists(
        st.tuples(st.integers(0, 8), st.sampled_from(INJECTIONS)),
        max_size=4,
    ),
    allow_missing=st.booleans(),
)
def test_fast_path_and_pandera_agree(
    system, good_table, n_copies, injections, allow_missing
):
    """Same table or same problems, with and without the fast path."""
    df = _table(good_table, n_copies, injections)
    fast = _run(df, system, fast=True, allow_missing=allow_missing)
    full = _run(df, system, fast=False, allow_missing=allow_missing)
    assert fast[0] == full[0]
    if fast[0] == "ok":
        pd.testing.assert_frame_equal(fast[1], full[1])
    else:
        assert fast[1] == full[1]
        pd.testing.assert_frame_equal(fast[2], full[2])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    injections=st.lists(
        st.tuples(st.integers(0, 2), st.sampled_from(INJECTIONS)),
        max_size=3,
    ),
    allow_missing=st.booleans(),
)
def test_table_passes_iff_schema_accepts(
    system, good_table, injections, allow_missing
):
    """`table_passes` is True exactly when pandera validates the frame."""
    df = _table(good_table, 1, injections)
    columns = collect_columns(column_items(df), system)
    frame, parsed = parse_columns(columns.found, system, len(df))
    passes = table_passes(
        frame, parsed, system, allow_missing=allow_missing, panel=False
    )
    bad_text = any(p.bad.any() for p in parsed.values())
    schema = system.schema(allow_missing=allow_missing)
    try:
        schema.validate(frame, lazy=True)
        accepted = not bad_text  # bad text is NaN in the frame
    except Exception:
        accepted = False
    assert passes == accepted


def test_clean_table_skips_pandera(system, good_table, monkeypatch):
    """A clean table never reaches the pandera schema."""
    import pandera.pandas as pa

    def refuse(*args, **kwargs):
        raise AssertionError("pandera ran on a clean table")

    monkeypatch.setattr(pa.DataFrameSchema, "validate", refuse)
    status, out = _run(good_table(), system, fast=True, allow_missing=False)
    assert status == "ok"
    assert out.shape == (3, 9)


def test_matrix_passes_bounds():
    """Closed, open and missing bounds; whole numbers; NaN; infinity."""
    from clusterscore.system import Indicator

    inds = [
        Indicator("a", "A", "甲", "u", "benefit", "d", lower=0, upper=1),
        Indicator(
            "b", "B", "乙", "u", "benefit", "d", lower=0, lower_open=True
        ),
        Indicator("c", "C", "丙", "u", "benefit", "d", integer=True),
    ]
    lo, hi, whole = bound_vectors(inds)

    def ok(row, allow_missing=False):
        X = np.array([row], dtype=float).T  # (columns, rows)
        return matrix_passes(X, lo, hi, whole, allow_missing=allow_missing)

    assert ok([0.0, 5e-324, -3.0])
    assert ok([1.0, 1e300, 4.0])
    assert not ok([1.0000000000000002, 1.0, 1.0])  # above 1
    assert not ok([0.5, 0.0, 1.0])  # not above the open bound 0
    assert not ok([0.5, 1.0, 1.5])  # not whole
    assert not ok([0.5, np.inf, 1.0])  # no upper bound, still not finite
    assert not ok([0.5, 1.0, -np.inf])
    assert not ok([np.nan, 1.0, 1.0])
    assert ok([np.nan, 1.0, np.nan], allow_missing=True)
    assert not ok([np.nan, 1.0, np.inf], allow_missing=True)


_CELL = st.sampled_from([0.0, 0.5, 1.0, 2.0, -1.0, 3.0, np.nan, np.inf])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_CELL, min_size=3, max_size=3), min_size=1, max_size=6),
    st.booleans(),
)
def test_matrix_passes_is_the_cell_by_cell_rule(rows, allow_missing):
    """By extremes (no NaN) or cell by cell (NaN): the same answer.

    The rule, written out per cell: within [lower, upper], whole where
    declared, or NaN when missing values are allowed.
    """
    lo = np.array([0.0, -1.0, -np.finfo(float).max])
    hi = np.array([1.0, 3.0, np.finfo(float).max])
    whole = np.array([False, True, True])
    X = np.array(rows, dtype=float).T  # (columns, rows)

    def cell_ok(x, k):
        if np.isnan(x):
            return allow_missing
        return lo[k] <= x <= hi[k] and (not whole[k] or float(x).is_integer())

    expected = all(cell_ok(x, k) for k in range(3) for x in X[k])
    got = matrix_passes(X, lo, hi, whole, allow_missing=allow_missing)
    assert got is expected


@pytest.mark.parametrize("rows", [1, 16384, 16385, 40000])
def test_matrix_passes_finds_a_bad_cell_in_any_block(rows):
    """The blocks of rows cover every row (first, last, block edges)."""
    lo, hi = np.array([0.0]), np.array([1.0])
    whole = np.array([False])
    for bad in {0, rows // 2, rows - 1, min(16384, rows - 1)}:
        X = np.full((1, rows), 0.5)
        assert matrix_passes(X, lo, hi, whole, allow_missing=False)
        X[0, bad] = 2.0
        assert not matrix_passes(X, lo, hi, whole, allow_missing=False)


# --------------------------------------------------------------------------
# names_pass: present, non-empty, unique
# --------------------------------------------------------------------------
_NAME = st.one_of(
    st.text(alphabet="ab \x00市", max_size=3),
    st.just(np.nan),
    st.none(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME, max_size=8), st.booleans(), st.booleans())
def test_names_pass_is_the_schema_rule(names, unique, presort):
    """names_pass says yes exactly for present, non-empty (unique) names.

    Sorted lists take the neighbour comparison, the others the hash; a
    name holding NUL is a name like any other.
    """
    if presort:
        texts = sorted(x for x in names if isinstance(x, str))
        names = texts + [x for x in names if not isinstance(x, str)]
    arr = np.array(names, dtype=object)
    texts = [x for x in names if isinstance(x, str)]
    expected = (
        len(texts) == len(names)
        and "" not in texts
        and (not unique or len(set(texts)) == len(texts))
    )
    assert names_pass(arr, unique=unique) is expected


@pytest.mark.parametrize(
    ("names", "unique", "expected"),
    [
        (["A", "B", "C"], True, True),  # sorted: neighbours only
        (["C", "A", "B"], True, True),  # unsorted: hashed
        (["A", "B", "B"], True, False),  # sorted duplicate
        (["B", "A", "B"], True, False),  # unsorted duplicate
        (["B", "A", "B"], False, True),  # a panel: names repeat
        ([""], True, False),
        (["", "A"], True, False),
        (["A", ""], True, False),
        (["A", "", "B"], True, False),
        (["A", np.nan], True, False),
        ([], True, True),
    ],
)
def test_names_pass_cases(names, unique, expected):
    """Each way names fail is seen wherever it stands."""
    assert names_pass(np.array(names, dtype=object), unique=unique) is expected
