"""The fast path of the CSV reader agrees with the exact path, bit for bit.

`clusterscore.io.read._fast_columns` lets pandas' C parser convert the
indicator columns to float64; `_parse_csv` reads every cell as text and
`clusterscore.io.cells.parse_number_texts` reads the numbers by
`NUMBER_PATTERN`. Over generated cells (clean numbers, long significands,
exponents, signs, thousands separators, spaces, full-width digits,
missing tokens, junk, empty cells, overflow and underflow) and generated
files (line ends, blank lines, quotes, bad names and types), both paths
give the same table (the same float64 bits) or the same `DataError`
(message, problems and failure cases).
"""

from __future__ import annotations

import csv
import io
import re
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError
from clusterscore.io.cells import parse_number_texts
from clusterscore.io.read import _fast_columns, _read_csv, _skip_blank_lines

# the cells pandas converts: ASCII decimal numbers, ASCII space around
_PLAIN = re.compile(
    r"[ \t\r\n]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\r\n]*",
    re.ASCII,
)
_JUNK = [
    "",
    " ",
    "NA",
    "n/a",
    "-",
    "—",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e",
    ".",
    "+",
    "--1",
    "1_000",
    "0x10",
    "1d5",
    "\u2460",
    "2\u00b2",
    "\u0663",
    "1,23",
    "1,234e3",
    "12%",
    "abc",
    "1 000",
    "1e400",
    "-1e400",
    "1e-400",
    "0e999999999",
    "4.9e-324",
    "2.2250738585072011e-308",
    "9007199254740993",
    "1.7976931348623157e308",
    "1.7976931348623159e308",
    "0.1000000000000000055511151231257827021181583404541015625",
    "\u00a012",
    "12\u3000",
    "\uff11\uff12\uff0e\uff15",
    "\u22123",
    "(1+2j)",
    '"',
    "1\n2",
]


@st.composite
def _decimal(draw: st.DrawFn) -> str:
    """Draw a decimal number text: sign, digits, point, exponent."""
    sign = draw(st.sampled_from(["", "+", "-"]))
    whole = draw(st.text("0123456789", max_size=25))
    point = draw(st.sampled_from(["", "."]))
    frac = draw(st.text("0123456789", max_size=25)) if point else ""
    exp = draw(
        st.one_of(
            st.just(""),
            st.builds(
                lambda e, s, n: f"{e}{s}{n}",
                st.sampled_from("eE"),
                st.sampled_from(["", "+", "-"]),
                st.integers(0, 400),
            ),
        )
    )
    return f"{sign}{whole}{point}{frac}{exp}"


CELLS = st.one_of(
    st.floats(0, 100).map(repr),
    st.integers(0, 100).map(str),
    st.floats(allow_nan=False).map(repr),
    st.integers(-(10**30), 10**30).map(str),
    _decimal(),
    st.integers(1000, 10**12).map(lambda v: f"{v:,}"),  # thousands
    st.builds(
        lambda a, v, b: f"{a}{v}{b}",
        st.sampled_from(["", " ", "\t", "  "]),
        st.floats(0, 100).map(repr),
        st.sampled_from(["", " ", "\t", "\n"]),
    ),
    st.sampled_from(_JUNK),
    st.text("0123456789+-.eE, \uff10\uff19\uff0e\u2212\u00a0x", max_size=10),
)


def _csv(rows: list[list[str]], newline: str = "\n") -> str:
    """CSV text of `rows`, quoted as Excel and Python's csv module do."""
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(rows)
    return out.getvalue()


def _bits(values: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(values, dtype=np.float64).view(np.int64)


@settings(max_examples=300, deadline=None)
@given(st.lists(CELLS, min_size=1, max_size=30))
def test_fast_numbers_are_the_grammars(system, cells):
    """What pandas converts is a number by the grammar, with its bits.

    The fast read of a column is either refused (None) or every cell is
    empty (NaN) or a number `parse_number_texts` reads to the same float64
    bits; and a column of plain decimal numbers (no space, finite) is
    never refused.
    """
    rows = [["cluster", "type", "output_value"]]
    rows += [[f"C{k}", "basic", c] for k, c in enumerate(cells)]
    read = _fast_columns(_csv(rows), 0, system, allow_missing=True, utf8=None)
    values, number, _ = parse_number_texts(np.array(cells, dtype=object))
    plain = [
        c == "" or (_PLAIN.fullmatch(c) is not None and np.isfinite(v))
        for c, v in zip(cells, values, strict=True)
    ]
    if read is None:
        event("refused")
        assert not all(plain)
        return
    event("read")
    assert all(plain)
    items, lines, _ = read
    assert [h for h, _ in items] == rows[0]
    assert lines == list(range(2, len(cells) + 2))
    column = items[2][1].to_numpy()
    empty = np.array([c == "" for c in cells])
    assert np.isnan(column[empty]).all()
    assert number[~empty].all()
    assert (_bits(column[~empty]) == _bits(values[~empty])).all()


def _outcome(text, system, allow_missing, *, fast):
    """Return the table read from `text` or the DataError; the warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = _read_csv(
                text, "t.csv", system, allow_missing=allow_missing, fast=fast
            )
        except DataError as exc:
            out = exc
    return out, [str(w.message) for w in caught]


def _assert_same(fast, exact):
    (a, warned_a), (b, warned_b) = fast, exact
    assert warned_a == warned_b
    assert type(a) is type(b)
    if isinstance(b, DataError):
        assert str(a) == str(b)
        assert a.problems == b.problems
        pd.testing.assert_frame_equal(a.failure_cases, b.failure_cases)
        return
    pd.testing.assert_frame_equal(a, b)
    numbers = b.select_dtypes("float64").columns
    assert (_bits(a[numbers]) == _bits(b[numbers])).all()


# cells every indicator of the small system takes (most files then read)
VALID = st.one_of(
    st.integers(1, 100).map(str),
    st.sampled_from(["7", " 8", "9 ", "+10", "1e1", "20.0", "3.", "0012"]),
)


def _rows(cells: st.SearchStrategy[str]) -> st.SearchStrategy:
    return st.lists(
        st.tuples(
            st.sampled_from(["Wuxi", "无锡", "a,b", 'q"x', "A", "B", "C", ""]),
            st.sampled_from(["basic", "strategic", "前沿技术型"] * 3 + ["x"]),
            st.sampled_from(["", "Central", "Central", "长江\n三角洲"]),
            st.lists(cells, min_size=5, max_size=5),
        ),
        min_size=1,
        max_size=6,
    )


# clean files (most take the fast path), files with a few odd cells, and
# files with any cells
ROWS = st.one_of(
    _rows(VALID),
    _rows(VALID),
    _rows(st.one_of(VALID, VALID, VALID, VALID, CELLS)),
    _rows(CELLS),
)


@settings(max_examples=300, deadline=None)
@given(
    rows=ROWS,
    numbered=st.sampled_from([True, True, True, False]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    lead=st.sampled_from(["", "\n", ",,\n"]),
    blank=st.sampled_from([None] * 9 + [0, 1, -1]),
    allow_missing=st.booleans(),
)
def test_fast_and_exact_paths_agree(
    system, ids, rows, numbered, newline, lead, blank, allow_missing
):
    """Any file: the same table or the same DataError by both paths."""
    header = ["cluster", "type", "region", *ids]
    table = [
        [f"{name}{k}" if numbered and name else name, kind, region, *cells]
        for k, (name, kind, region, cells) in enumerate(rows)
    ]
    if blank is not None:  # a blank line: removed, lines keep counting
        table.insert(blank % (len(table) + 1), [""] * len(header))
    text = lead.replace("\n", newline) + _csv([header, *table], newline)
    fast = _outcome(text, system, allow_missing, fast=True)
    exact = _outcome(text, system, allow_missing, fast=False)
    event("read" if isinstance(exact[0], pd.DataFrame) else "refused")
    start, skip = _skip_blank_lines(text, "t.csv")
    taken = _fast_columns(
        start, skip, system, allow_missing=allow_missing, utf8=None
    )
    event(
        "exact path"
        if taken is None
        else f"fast path, {'final' if taken[2] else 'checked again'}"
    )
    _assert_same(fast, exact)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("allow_missing", [False, True])
def test_clean_files_take_the_fast_path(system, ids, newline, allow_missing):
    """A clean file is read by pandas' float parser, lines exact.

    The fast read is final (a DataError on it is the exact path's).
    """
    header = ["cluster", "type", *ids]
    rows = [
        [f"C{k}", "basic", "1", "2.5", "0.5", "3", "4e1"] for k in range(4)
    ]
    text = "\n" + _csv([header, *rows], newline)
    read = _fast_columns(
        text[1:], 1, system, allow_missing=allow_missing, utf8=None
    )
    assert read is not None
    items, lines, final = read
    assert lines == [3, 4, 5, 6]
    assert final
    assert items[6][1].dtype == np.float64
    assert items[6][1].tolist() == [40.0] * 4


def test_fast_path_problems_name_the_file_line(system, ids, problems_of):
    """A clean-looking file refused by the fast path names lines as ever."""
    header = ["cluster", "type", *ids]
    rows = [[f"C{k}", "basic", "1", "2.5", "0.5", "3", "4"] for k in range(3)]
    rows[1][0] = "C0"  # a duplicate name
    rows[2][3] = "200"  # above the maximum of national_share
    text = "\n" + _csv([header, *rows])
    assert _fast_columns(text[1:], 1, system, allow_missing=False, utf8=None)
    for fast in (True, False):
        with pytest.raises(DataError) as info:
            _read_csv(text, "t.csv", system, allow_missing=False, fast=fast)
        assert problems_of(info) == (
            "cluster 'C0' (lines 3, 4), column 'cluster': the name is used 2 "
            "times; cluster names must be unique",
            "cluster 'C2', column 'national_share': 200.0 is above the valid "
            "maximum 100 (unit %)",
        )


@pytest.mark.parametrize(
    ("cell", "why"),
    [
        ("1,234", "a thousands separator"),
        ("\uff11", "a full-width digit"),
        ("NA", "a missing token"),
        ("inf", "an infinite value"),
        ("1e400", "an overflow"),
        (" ", "a blank cell"),
    ],
)
def test_fast_path_refuses_what_only_the_grammar_reads(system, cell, why):
    """Cells beyond plain ASCII decimals go to the exact path (None)."""
    text = _csv([["cluster", "type", "output_value"], ["A", "basic", cell]])
    assert (
        _fast_columns(text, 0, system, allow_missing=True, utf8=None) is None
    ), why


@pytest.mark.parametrize(
    "text",
    [
        '"cluster",type,output_value\nA,basic,1\n',  # a quote in the header
        "\ufeffcluster,type,output_value\nA,basic,1\n",  # a second BOM
        "cluster,type,output_value\n,basic,1\n",  # a blank first cell
        "cluster,type,output_value\nA,basic,1\n,,\n",  # a blank line
        "cluster,type,region\nA,basic,x\n",  # no indicator column
        "cluster,type,output_value\n",  # no line below the header
    ],
)
def test_fast_path_leaves_odd_files_to_the_exact_path(system, text):
    """Anything whose lines or cells need the exact reader gives None."""
    assert (
        _fast_columns(text, 0, system, allow_missing=True, utf8=None) is None
    )


def test_fast_path_with_missing_values_is_not_final(system):
    """With allow_missing, an empty or absent cell is NaN, and not final.

    (A refusal is checked again: its message may quote the cell as found,
    which only the exact path has.) Without allow_missing, such a file is
    left to the exact path, which refuses it.
    """
    text = "cluster,type,output_value\nA,basic,1\nB,basic\nC,basic,\n"
    read = _fast_columns(text, 0, system, allow_missing=True, utf8=None)
    assert read is not None
    items, _, final = read
    assert not final
    assert np.isnan(items[2][1].to_numpy()[1:]).all()
    assert (
        _fast_columns(text, 0, system, allow_missing=False, utf8=None) is None
    )
