"""Tests of clusterscore.io.cells: text, type words and numbers in cells."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError
from clusterscore.io import validate
from clusterscore.io.cells import (
    MISSING_TOKENS,
    NUMBER_PATTERN,
    ascii_number_text,
    name_column,
    normalize_name,
    normalize_names,
    numeric_column,
    parse_number_texts,
    text_column,
    type_column,
    type_lookup,
)


def test_validate_does_not_mutate_input(system, good_table):
    """The caller's DataFrame is unchanged, even when cells are parsed."""
    df = good_table().astype({"output_value": object})
    df.loc[0, "output_value"] = " 1,300.5 "
    df.loc[1, "cluster"] = "  Changsha CM  "
    before = df.copy(deep=True)
    out = validate(df, system)
    pd.testing.assert_frame_equal(df, before)
    assert out.loc[0, "output_value"] == 1300.5
    assert out.loc[1, "cluster"] == "Changsha CM"


def test_validate_thousands_separators_and_missing_tokens(system, good_table):
    """'1,234.5' is a number; 'N/A' and '' are missing when allowed."""
    df = good_table().astype({"output_value": object})
    df["output_value"] = ["1,234.5", "N/A", ""]
    out = validate(df, system, allow_missing=True)
    assert out.loc[0, "output_value"] == 1234.5
    assert out["output_value"].isna().tolist() == [False, True, True]


def test_numeric_column_full_width_and_grouped_text():
    """Full-width digits and commas, signs and spaces parse; '1,23' not."""
    cells = ["１２３", "+1,234", "１，２３４", " 7 ", "1,23", "NULL", "—"]
    parsed = numeric_column(pd.Series([*cells, None], dtype=object))
    assert parsed.values.tolist()[:4] == [123.0, 1234.0, 1234.0, 7.0]
    assert parsed.values.iloc[4:].isna().all()
    assert parsed.bad.tolist() == [False] * 4 + [True] + [False] * 3
    assert parsed.original.iloc[4] == "1,23"


def test_numeric_column_numbers_and_booleans():
    """Numbers pass through as float64; booleans are bad text."""
    numbers = numeric_column(pd.Series([1, 2], index=[5, 9]))
    assert numbers.values.dtype == np.float64
    assert numbers.values.tolist() == [1.0, 2.0]
    assert not numbers.bad.any()
    flags = numeric_column(pd.Series([True, False]))
    assert flags.bad.tolist() == [True, True]


@pytest.mark.parametrize("token", sorted(MISSING_TOKENS))
def test_missing_tokens_are_missing(token):
    """Every missing token, in any case, is missing, not bad."""
    parsed = numeric_column(pd.Series([token.upper(), token], dtype=object))
    assert parsed.values.isna().all()
    assert not parsed.bad.any()


def test_type_column_maps_words_and_keeps_missing(system):
    """Ids, English and Chinese type names map to ids; NaN stays NaN."""
    words = pd.Series(
        [" Basic ", "关键战略型", None, "cutting_edge", "other"],
        dtype=object,
        index=[3, 1, 4, 1, 5],
    )
    out = type_column(words, type_lookup(system))
    assert out.iloc[[0, 1, 3, 4]].tolist() == [
        "basic",
        "strategic",
        "cutting_edge",
        "other",
    ]
    assert pd.isna(out.iloc[2])
    assert isinstance(out.index, pd.RangeIndex)


def test_text_column_strips_and_keeps_missing():
    """Text is stripped; missing stays missing; the index is reset."""
    out = text_column(pd.Series(["  a ", None], index=[7, 8]))
    assert out.iloc[0] == "a"
    assert pd.isna(out.iloc[1])
    assert out.index.tolist() == [0, 1]


# --------------------------------------------------------------------------
# numbers a person means (issue 16.2, 16.17)
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12.0),
        ("-12.5", -12.5),
        ("+.5", 0.5),
        ("5.", 5.0),
        ("1.5e3", 1500.0),
        ("1E-2", 0.01),
        ("1,234,567.25", 1234567.25),
        ("１２．５", 12.5),  # full-width digits and point
        ("－３", -3.0),  # full-width minus
        ("\u22123", -3.0),  # the minus sign U+2212
        ("\u00a012\u3000", 12.0),  # no-break and ideographic space around
        ("\u200b7\ufeff", 7.0),  # zero-width space and BOM around
    ],
)
def test_numbers_a_person_means_are_read(text, value):
    """ASCII/full-width digits, sign, point, exponent, grouping commas."""
    parsed = numeric_column(pd.Series([text], dtype=object))
    assert not parsed.bad.any()
    assert parsed.values.iloc[0] == value


@pytest.mark.parametrize(
    "text",
    [
        "\u2460",  # circled digit one (NFKC would make it 1)
        "2\u00b2",  # superscript two (NFKC would make it 22)
        "\u00bd",  # vulgar fraction one half
        "\u0663",  # Arabic-Indic digit three (float() takes it)
        "\u2167",  # Roman numeral eight
        "1_000",  # float() takes underscores
        "inf",
        "Infinity",
        "1 000",  # inner space
        "1,23",
        "1,234e3",  # grouping with an exponent
        "1e",
        "--1",
        ".",
        "1.2.3",
        "0x10",
        "(1+2j)",
    ],
)
def test_other_number_like_text_is_refused(text):
    """Anything else that might be read as a number is refused by cell."""
    parsed = numeric_column(pd.Series(["1", text], dtype=object))
    assert parsed.bad.tolist() == [False, True]
    assert np.isnan(parsed.values.iloc[1])


def test_superscript_and_circled_digits_refused_in_a_csv(
    system, tmp_path, csv_header, csv_rows, problems_of
):
    """'①' in a CSV and '2²' in a DataFrame are problems, not 1 and 22."""
    from clusterscore.io import read_clusters

    rows = list(csv_rows)
    rows[0] = rows[0].replace(",40,30", ",\u2460,30")
    path = tmp_path / "c.csv"
    path.write_text("\n".join([csv_header, *rows]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_clusters(path, system)
    (line,) = problems_of(info)
    assert line == (
        "cluster '无锡市物联网集群', column 'little_giant_firms': '①' is "
        "not a number; '①' is not a digit a number is written with (only "
        "0-9, half- or full-width) (unit count)"
    )


def test_superscript_in_a_dataframe_refused(system, bad, problems_of):
    """'2²' (which NFKC reads as 22) is refused naming the cell."""
    with pytest.raises(DataError) as info:
        validate(bad("national_share", "2\u00b2"), system)
    (line,) = problems_of(info)
    assert line.startswith(
        "cluster 'Wuxi IoT', column 'national_share': '2²' is not a number"
    )


def test_complex_column_refused_by_cell(system, good_table, problems_of):
    """A complex column is not silently truncated: each cell is refused."""
    df = good_table()
    df["output_value"] = df["output_value"] + 1j
    with pytest.raises(DataError) as info:
        validate(df, system)
    lines = problems_of(info)
    assert len(lines) == 3
    assert lines[0] == (
        "cluster 'Wuxi IoT', column 'output_value': '(300+1j)' is a "
        "complex number; write a real number (unit bn CNY)"
    )


def test_complex_object_cell_refused(system, bad, problems_of):
    """A complex number in an object column is refused as well."""
    with pytest.raises(DataError) as info:
        validate(bad("output_value", complex(1, 2)), system)
    (line,) = problems_of(info)
    assert "'(1+2j)' is a complex number" in line


def test_overflow_reported_as_written(system, bad, problems_of):
    """'1e400' is reported as written, saying it overflows (not 'inf')."""
    with pytest.raises(DataError) as info:
        validate(bad("output_value", "1e400"), system)
    (line,) = problems_of(info)
    assert line == (
        "cluster 'Wuxi IoT', column 'output_value': '1e400' overflows: it "
        "is beyond the largest number a float64 holds (about 1.8e308) "
        "(unit bn CNY)"
    )


@pytest.mark.parametrize("text", ["1e400", "1620000000001e312", "-9"])
def test_overflow_flagged_without_a_numpy_warning(text):
    """A number beyond float64 is flagged; no RuntimeWarning escapes.

    ('1620000000001e312' made numpy warn "overflow encountered in cast",
    an error under -W error.)
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parsed = numeric_column(pd.Series(["1", text], dtype=object))
    big = text != "-9"
    assert parsed.overflow.tolist() == [False, big]
    assert parsed.bad.tolist() == [False, big]


_NUMBER_CHARS = "0123456789+-.eE, ０１９．－，\u2212\u00a0\u3000\u200bx²"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=_NUMBER_CHARS, max_size=12),
            st.floats(allow_nan=False).map(repr),
            st.text(alphabet="0123456789,", max_size=60),  # long cells too
        ),
        min_size=1,
        max_size=20,
    )
)
def test_automaton_agrees_with_the_grammar(texts):
    """The vectorised automaton reads exactly what NUMBER_PATTERN reads."""
    values, number, blank = parse_number_texts(np.array(texts, dtype=object))
    for k, text in enumerate(texts):
        ascii_text = ascii_number_text(text)
        match = NUMBER_PATTERN.fullmatch(ascii_text) is not None
        assert number[k] == match, text
        assert blank[k] == (ascii_text.strip(" ") == ""), text
        if match:
            expected = float(ascii_text.replace(",", ""))
            assert values[k] == expected, text
        else:
            assert np.isnan(values[k])


@st.composite
def _plain_text(draw):
    """Draw a text of the characters 0-9 + - . e E (often a number)."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.text(alphabet="0123456789+-.eE", max_size=14))
    sign = draw(st.sampled_from(["", "+", "-"]))
    whole = draw(st.text("0123456789", max_size=30))
    frac = draw(
        st.one_of(st.just(""), st.text("0123456789").map(lambda d: "." + d))
    )
    exp = draw(
        st.one_of(st.just(""), st.integers(-400, 400).map("e{}".format))
    )
    return f"{sign}{whole}{frac}{exp}"


@settings(max_examples=300, deadline=None)
@given(st.lists(_plain_text(), min_size=1, max_size=20))
def test_plain_numbers_agree_with_the_automaton(texts):
    """A column read by float() has the automaton's bits, or is left to it.

    Plain columns (only 0-9 + - . e E, every cell a finite number) are
    read by `float`; the values must be the automaton's, bit for bit, and
    a column the automaton finds anything wrong with must not be plain.
    """
    from clusterscore.io.cells import _automaton_numbers, _plain_numbers

    cells = np.array(texts, dtype=object)
    plain = _plain_numbers(cells)
    values, number, _ = _automaton_numbers(cells)
    fine = number.all() and np.isfinite(values).all()
    assert (plain is not None) == bool(fine)
    event("automaton" if plain is None else "plain")
    if plain is not None:
        assert (plain.view(np.int64) == values.view(np.int64)).all()
        got = parse_number_texts(cells)
        assert (got[0].view(np.int64) == values.view(np.int64)).all()
        assert got[1].all()
        assert not got[2].any()


@pytest.mark.parametrize(
    "column",
    [["1", ""], ["1", "1e400"], ["1", "１"], ["1", " 1"], ["1", "1_0"]],
)
def test_plain_numbers_leave_other_columns_to_the_automaton(column):
    """Empty, overflowing, full-width, spaced or underscored: not plain."""
    from clusterscore.io.cells import _plain_numbers

    assert _plain_numbers(np.array(column, dtype=object)) is None


# --------------------------------------------------------------------------
# names: one normalisation rule (issue 16.3)
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Wuxi IoT", "Wuxi IoT"),
        ("  Wuxi IoT\t", "Wuxi IoT"),
        ("Wuxi\u00a0IoT", "Wuxi IoT"),  # no-break space
        ("Wuxi\u200b IoT", "Wuxi IoT"),  # zero-width space
        ("\ufeffWuxi  IoT\u3000", "Wuxi IoT"),  # BOM, double, ideographic
        ("无锡市\u200d物联网集群", "无锡市物联网集群"),  # zero-width joiner
        ("\u200b \u00a0", ""),
        ("Ｗuxi", "Ｗuxi"),  # full-width letters are left alone
    ],
)
def test_normalize_name(name, expected):
    """Invisible characters go, white-space runs become one space."""
    assert normalize_name(name) == expected
    assert normalize_names(np.array([name, "x"], dtype=object)).tolist() == [
        expected,
        "x",
    ]


def test_names_differing_by_invisible_characters_are_duplicates(
    system, good_table, problems_of
):
    """A name with a no-break and a zero-width space is a duplicate."""
    df = good_table()
    df.loc[2, "cluster"] = "Wuxi\u00a0IoT\u200b"
    with pytest.raises(DataError) as info:
        validate(df, system)
    assert problems_of(info) == (
        "cluster 'Wuxi IoT' (rows 0, 2), column 'cluster': the name is "
        "used 2 times; cluster names must be unique",
    )


def test_only_invisible_name_is_empty(system, bad, problems_of):
    """A name of only invisible characters and spaces is empty."""
    with pytest.raises(DataError) as info:
        validate(bad("cluster", "\u200b\u00a0"), system)
    assert problems_of(info) == (
        "row 0, column 'cluster': the cluster name is empty; every row "
        "needs a non-empty, unique name",
    )


def test_validated_names_are_normalised(system, good_table):
    """The validated table holds the normalised names."""
    df = good_table()
    df.loc[0, "cluster"] = "\u200bWuxi\u00a0\u00a0IoT "
    assert validate(df, system).loc[0, "cluster"] == "Wuxi IoT"


# --------------------------------------------------------------------------
# an empty type column (issue 16.7)
# --------------------------------------------------------------------------
@pytest.mark.parametrize("empty", [None, np.nan])
def test_all_missing_type_column(system, good_table, problems_of, empty):
    """A type column with no value is a DataError naming the column."""
    df = good_table()
    df["type"] = empty
    with pytest.raises(DataError) as info:
        validate(df, system)
    lines = problems_of(info)
    assert len(lines) == 3
    assert lines[0] == (
        "cluster 'Wuxi IoT', column 'type': the cluster type is missing; "
        "valid: 'basic', 'strategic', 'cutting_edge'"
    )


# --------------------------------------------------------------------------
# name_column: every cell by normalize_name, missing stays missing
# --------------------------------------------------------------------------
_NAME_CELL = st.one_of(
    st.text(alphabet="ab \u00a0\u200b市", max_size=4),
    st.none(),
    st.just(np.nan),
    st.integers(-5, 5),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NAME_CELL, max_size=6), st.booleans())
def test_name_column_normalizes_each_cell(cells, as_str):
    """The all-str shortcut and the general path give the per-cell rule.

    A str Series (pandas' "str" dtype) or an object Series; a missing
    cell comes back missing, any other cell as normalize_name of its text.
    """
    s = pd.Series(cells, dtype="str" if as_str else object)
    got = name_column(s).tolist()
    expected = [
        np.nan if pd.isna(c) else normalize_name(str(c)) for c in s.tolist()
    ]
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        if isinstance(e, float):
            assert isinstance(g, float)
            assert np.isnan(g)
        else:
            assert g == e
