"""csv_text writes what pandas' to_csv writes, byte for byte.

pandas (``DataFrame.to_csv(index=False)`` with line feeds) is the
reference: every generated frame, with floats at the edges of the range,
missing values, and text that needs quoting, must give the same text.
"""

from __future__ import annotations

import io
from unittest.mock import patch

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.present import csv_text as csv_text_module
from clusterscore.present.csv_text import csv_text, float_texts


def pandas_csv(df: pd.DataFrame) -> str:
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


_FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [0.0, -0.0, 1e16, 1e-5, 1e-4, 123456789012345680.0, 5e-324, 400.0]
    ),
)
_TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(list("ab ,\"\n\r市;\t'")), max_size=5),
    st.none(),
)


@st.composite
def frames(draw):
    rows = draw(st.integers(0, 6))
    kinds = draw(
        st.lists(
            st.sampled_from(["float", "int", "bool", "text", "str"]),
            min_size=2,
            max_size=5,
        )
    )
    data = {}
    for k, kind in enumerate(kinds):
        name = draw(st.sampled_from(["a", "b,c", 'q"', "类型", " s"])) + str(k)
        if kind == "float":
            values = draw(st.lists(_FLOATS, min_size=rows, max_size=rows))
            data[name] = pd.Series(values, dtype="float64")
        elif kind == "int":
            values = draw(
                st.lists(
                    st.integers(-(2**63), 2**63 - 1),
                    min_size=rows,
                    max_size=rows,
                )
            )
            data[name] = pd.Series(values, dtype="int64")
        elif kind == "bool":
            values = draw(
                st.lists(st.booleans(), min_size=rows, max_size=rows)
            )
            data[name] = pd.Series(values, dtype=bool)
        else:
            values = draw(st.lists(_TEXT, min_size=rows, max_size=rows))
            dtype = object if kind == "text" else "str"
            data[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data)


@settings(max_examples=300, deadline=None)
@given(frames())
def test_csv_text_is_what_pandas_writes(df):
    """Same bytes as to_csv, whatever the kinds of columns and cells.

    Also when the rows are written two at a time (chunks end mid-table).
    """
    expected = pandas_csv(df)
    assert csv_text(df) == expected
    with patch.object(csv_text_module, "CHUNK_ROWS", 2):
        assert csv_text(df) == expected


@pytest.mark.parametrize(
    "df",
    [
        pd.DataFrame({"a": ["x"]}),  # one column: left to pandas
        pd.DataFrame({"a": [""]}),  # ('""' for an empty single field)
        pd.DataFrame({"a": [1, 2], "b": [1.5, 2.5]}).astype({"a": "Int64"}),
        pd.DataFrame({"a": [1.5], "b": [np.float32(0.1)]}),  # float32
        pd.DataFrame({"a": ["x", 5], "b": [1.0, 2.0]}),  # mixed objects
        pd.DataFrame({0: [1.0], 1: [2.0]}),  # names that are not text
        pd.DataFrame(
            [[1.0, 2.0]],
            columns=pd.MultiIndex.from_tuples([("a", "x"), ("a", "y")]),
        ),
    ],
)
def test_frames_left_to_pandas_still_match(df):
    """Kinds csv_text does not build itself go to pandas: same text."""
    assert csv_text(df) == pandas_csv(df)


def test_quoted_and_missing_cells():
    """A comma, a quote or a line break quotes the field; missing is empty."""
    df = pd.DataFrame(
        {
            "cluster": ['Wuxi, "IoT"', "two\nlines", None, "plain"],
            "score": [1.0, float("nan"), 0.1, -0.0],
        }
    )
    assert csv_text(df) == (
        'cluster,score\n"Wuxi, ""IoT""",1.0\n"two\nlines",\n,0.1\nplain,-0.0\n'
    )


def test_repeated_values_and_signed_zeros():
    """A column of few values (formatted once each) keeps -0.0 apart."""
    df = pd.DataFrame(
        {
            "target": [400.0, 25.0, float("nan")] * 10,
            "zero": [0.0, -0.0, 0.0, 0.0, 0.0, -0.0] * 5,
            "name": ["a"] * 30,
        }
    )
    text = csv_text(df)
    assert text == pandas_csv(df)
    assert text.splitlines()[2] == "25.0,-0.0,a"


def test_float_texts_by_repr_or_by_a_format():
    """Repr keeps full precision; a spec rounds; NaN is empty either way."""
    x = np.array([0.1, 81.256, float("nan"), -0.0, 1e16])
    assert float_texts(x) == ["0.1", "81.256", "", "-0.0", "1e+16"]
    assert float_texts(x, ".2f") == [
        "0.10",
        "81.26",
        "",
        "-0.00",
        "10000000000000000.00",
    ]
