"""Tests of clusterscore.io.read: `read_clusters` on CSV files."""

from __future__ import annotations

import hashlib
import io
import os
import re
import string
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.io import make_template, read_clusters, validate

DATA = Path(__file__).parents[1] / "data" / "tables"


def test_read_clusters_leaves_file_unchanged(
    system, write, csv_header, csv_rows, tmp_path
):
    """Reading (even a failing read) never changes the file's bytes."""
    path = write(
        tmp_path / "t.csv", [csv_header, *csv_rows], "gb18030", "\r\n"
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = os.stat(path).st_mtime_ns
    with pytest.warns(DataWarning, match="read as GB18030/GBK"):
        read_clusters(path, system)
    bad_path = write(
        tmp_path / "bad.csv", [csv_header, csv_rows[0] + "0"], "utf-8", "\n"
    )
    bad_digest = hashlib.sha256(bad_path.read_bytes()).hexdigest()
    with pytest.raises(DataError):
        read_clusters(bad_path, system)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert os.stat(path).st_mtime_ns == mtime
    assert hashlib.sha256(bad_path.read_bytes()).hexdigest() == bad_digest


def test_read_clusters_problems_named_by_line(
    system, write, csv_header, csv_rows, tmp_path
):
    """Cell problems name the cluster; bad names name the file line."""
    lines = [
        csv_header,
        csv_rows[0].replace(",20,", ",120,"),
        "",
        ",basic,中部,湖南,200,23,1.0,30,60",
        csv_rows[2].replace(",500,", ",五百,"),
    ]
    path = write(tmp_path / "t.csv", lines, "utf-8", "\r\n")
    with pytest.raises(DataError) as excinfo:
        read_clusters(path, system)
    assert excinfo.value.problems == (
        "cluster '无锡市物联网集群', column 'national_share': 120.0 is above "
        "the valid maximum 100 (unit %)",
        "line 4, column 'cluster': the cluster name is empty; every row "
        "needs a non-empty, unique name",
        "cluster '绍兴现代纺织集群', column 'output_value': '五百' is not a "
        "number (unit bn CNY)",
    )
    assert str(excinfo.value).startswith(f"{path}: 3 problems")
    assert excinfo.value.failure_cases["row"].tolist() == [2, 4, 5]


def test_read_clusters_thousands_and_blank_rows(
    system, write, csv_header, tmp_path
):
    """Quoted '2,858' is 2858; rows with only empty cells are skipped."""
    lines = [
        csv_header,
        '绍兴现代纺织集群,basic,长江三角洲,浙江,"1,500",8,1.2,"2,858",25',
        ",,,,,,,,",
        "",
    ]
    path = write(tmp_path / "t.csv", lines, "utf-8", "\n")
    out = read_clusters(path, system)
    assert out["output_value"].tolist() == [1500.0]
    assert out["little_giant_firms"].tolist() == [2858.0]


def test_read_clusters_allow_missing(
    system, write, csv_header, csv_rows, tmp_path
):
    """Empty cells are NaN with allow_missing, an error without."""
    lines = [csv_header, csv_rows[0].replace(",20,", ",,"), *csv_rows[1:]]
    path = write(tmp_path / "t.csv", lines, "utf-8", "\n")
    out = read_clusters(path, system, allow_missing=True)
    assert np.isnan(out.loc[0, "national_share"])
    with pytest.raises(DataError, match="'national_share': the value is"):
        read_clusters(path, system)


def test_read_clusters_header_only(system, tmp_path):
    """A header without rows: 'has no data rows'."""
    path = tmp_path / "header.csv"
    make_template(system).to_csv(path, index=False)
    with pytest.raises(DataError, match=r"header\.csv: has no data rows"):
        read_clusters(path, system)


def test_read_clusters_ragged_row(
    system, write, csv_header, csv_rows, tmp_path
):
    """A line with more fields than the header is named."""
    path = write(
        tmp_path / "r.csv", [csv_header, csv_rows[0] + ",x,y"], "utf-8", "\n"
    )
    with pytest.raises(
        DataError, match="line 2 has 11 fields but the header line has 9"
    ):
        read_clusters(path, system)


def test_read_clusters_semicolons(
    system, write, csv_header, csv_rows, tmp_path
):
    """A semicolon-separated file is recognised and explained."""
    path = write(
        tmp_path / "s.csv",
        [csv_header.replace(",", ";"), csv_rows[0].replace(",", ";")],
        "utf-8",
        "\n",
    )
    with pytest.raises(DataError, match="contains ';'"):
        read_clusters(path, system)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("bad_cells.csv", r"column 'national_share': 130.0 is above"),
        ("missing_columns.csv", r"column 'type' is missing"),
        ("header_only.csv", r"has no data rows"),
        ("empty.csv", r"the file is empty \(0 bytes\)"),
    ],
)
def test_read_clusters_fixture_files(system, fixture, expected):
    """The committed bad-table fixtures fail with the expected message."""
    path = DATA / fixture
    before = path.read_bytes()
    with pytest.raises(DataError, match=expected):
        read_clusters(path, system)
    assert path.read_bytes() == before


def test_read_clusters_good_fixture_gbk_crlf(system):
    """The committed GBK/CRLF fixture (as Excel writes it) reads."""
    raw = (DATA / "good_gbk_crlf.csv").read_bytes()
    assert b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    with pytest.warns(DataWarning, match=r"good_gbk_crlf\.csv: read as GB18"):
        out = read_clusters(DATA / "good_gbk_crlf.csv", system)
    assert len(out) == 3
    assert out["cluster"].iloc[1] == "长沙市工程机械集群"


# Names as cluster names are: Latin letters, then a Chinese word. (A lone
# '群' in GBK, C8 BA, is also valid UTF-8, and a hanzi between two Latin
# letters reads as mojibake: see test_decode.py and docs/data-format.md.)
_NAMES = st.builds(
    "{}{}{}".format,
    st.text(string.ascii_letters, max_size=6),
    st.sampled_from(["", " "]),
    st.sampled_from(["", "集群", "中文集群", "产业集群群"]),
)


@settings(max_examples=50)
@given(
    names=st.lists(
        _NAMES.map(str.strip).filter(bool),
        min_size=1,
        max_size=5,
        unique=True,
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_read_clusters_round_trip(
    system, ids, tmp_path_factory, names, encoding
):
    """A validated table written as CSV reads back identical."""
    n = len(names)
    df = pd.DataFrame(
        {
            "cluster": names,
            "type": ["basic"] * n,
            **{c: [1.0] * n for c in ids},
        }
    )
    path = tmp_path_factory.mktemp("rt") / "t.csv"
    path.write_bytes(df.to_csv(index=False).encode(encoding))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", ".*read as GB18030", DataWarning)
        out = read_clusters(path, system)
    pd.testing.assert_frame_equal(out, validate(df, system))


def test_read_clusters_panel_names_cluster_year_and_line(
    tmp_path, system, write, csv_header, csv_rows, problems_of
):
    """A CSV panel (Chinese year header) names cluster, year and lines."""
    rows = [f"{r},2021" for r in csv_rows] + [f"{r},2022" for r in csv_rows]
    rows[4] = rows[4].replace(",200,", ",-1,")  # Changsha, 2022
    rows.append(csv_rows[0] + ",2022")  # Wuxi twice in 2022
    path = write(
        tmp_path / "p.csv", [csv_header + ",年份", *rows], "utf-8", "\n"
    )
    with pytest.raises(DataError) as info:
        read_clusters(path, system)
    lines = problems_of(info)
    assert len(lines) == 2
    assert "year 2022 (lines 5, 8): the pair is used 2 times" in lines[0]
    assert lines[1].startswith(
        "cluster '长沙市工程机械集群', year 2022, column"
    )
    ok = read_clusters(
        write(
            tmp_path / "q.csv",
            [csv_header + ",年份", *rows[:4]],
            "utf-8",
            "\n",
        ),
        system,
    )
    assert ok["year"].tolist() == [2021, 2021, 2021, 2022]


@pytest.mark.parametrize("lead", ["\n", "\r\n", "\n \n", ",,\r\n"])
def test_read_clusters_blank_lines_above_header(
    system, write, csv_header, csv_rows, tmp_path, lead
):
    """Blank lines above the header are skipped (issue 11, item 1).

    pandas raised EmptyDataError ("No columns to parse from file") for a
    first line that is blank, as Excel and hand edits leave it.
    """
    good = write(tmp_path / "g.csv", [csv_header, *csv_rows], "utf-8", "\n")
    path = tmp_path / "t.csv"
    path.write_bytes(lead.encode() + good.read_bytes())
    pd.testing.assert_frame_equal(
        read_clusters(path, system), read_clusters(good, system)
    )


def test_read_clusters_blank_line_keeps_file_line_numbers(
    system, write, csv_header, csv_rows, tmp_path
):
    """After a blank first line, a ragged row is named by its file line."""
    path = write(
        tmp_path / "t.csv",
        ["", csv_header, csv_rows[0], csv_rows[1] + ",9"],
        "utf-8",
        "\n",
    )
    with pytest.raises(DataError, match=r"t\.csv: .*line 4 has"):
        read_clusters(path, system)


@pytest.mark.parametrize(
    "content", [b'cluster,type\n"unclosed,strategic\n', b"\n,\n \n"]
)
def test_read_clusters_parser_failures_are_data_errors(
    system, tmp_path, content
):
    """Whatever pandas' reader refuses is a DataError naming the file."""
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(DataError, match=r"bad\.csv: "):
        read_clusters(path, system)


# --------------------------------------------------------------------------
# Issue 16.11: argument types; file objects
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "got"),
    [
        (5, "got int"),
        (None, "got NoneType"),
        (b"clusters.csv", "got bytes (to read a file's contents, pass"),
        ("", "got an empty string"),
        (["a.csv"], "got list"),
    ],
)
def test_read_clusters_wrong_path_types(system, value, got):
    """Not a path nor a file object: ParameterError naming 'path'.

    ``read_clusters(5)``, ``(None)`` and bytes raised TypeError from
    inside pathlib.
    """
    with pytest.raises(ParameterError) as info:
        read_clusters(value, system)
    message = str(info.value)
    assert message.startswith(
        "read_clusters(): 'path' must be a file path (str or os.PathLike) "
        "or a file object opened for reading; "
    )
    assert got in message
    assert info.value.parameter == "path"


@pytest.mark.parametrize("value", [5, None, "default", object()])
def test_read_clusters_wrong_system_types(tmp_path, value):
    """A system that is not an IndicatorSystem: ParameterError 'system'."""
    with pytest.raises(
        ParameterError,
        match=r"read_clusters\(\): 'system' must be an IndicatorSystem "
        rf"\(see load_system\(\)\); got {type(value).__name__}\.",
    ):
        read_clusters(tmp_path / "t.csv", value)


def test_read_clusters_wrong_sheet_type(system, tmp_path):
    """sheet=3 is a ParameterError for CSV files as for workbooks."""
    with pytest.raises(ParameterError, match="'sheet' must be a sheet name"):
        read_clusters(tmp_path / "t.csv", system, sheet=3)


def test_read_clusters_file_objects(
    system, write, csv_header, csv_rows, tmp_path
):
    """StringIO, BytesIO and open() files (text or binary) read as paths."""
    path = write(tmp_path / "t.csv", [csv_header, *csv_rows], "utf-8", "\n")
    expected = read_clusters(path, system)
    text = path.read_text(encoding="utf-8")
    with open(path, "rb") as binary:
        pd.testing.assert_frame_equal(read_clusters(binary, system), expected)
    with open(path, encoding="utf-8") as handle:
        pd.testing.assert_frame_equal(read_clusters(handle, system), expected)
    for obj in (io.StringIO(text), io.BytesIO(path.read_bytes())):
        pd.testing.assert_frame_equal(read_clusters(obj, system), expected)
    gbk = io.BytesIO(text.encode("gbk"))
    with pytest.warns(DataWarning, match=r"^<BytesIO>: read as GB18030"):
        pd.testing.assert_frame_equal(read_clusters(gbk, system), expected)


def test_read_clusters_file_object_problems_name_it(system, tmp_path):
    """Problems of a file object start with its name (or <StringIO>)."""
    with pytest.raises(DataError, match=r"^<StringIO>: the file is empty"):
        read_clusters(io.StringIO(""), system)
    with pytest.raises(DataError, match=r"^<BytesIO>: is a binary file"):
        read_clusters(io.BytesIO(b"\x00\x01"), system)
    path = tmp_path / "bad.csv"
    path.write_bytes(b"cluster,type\n")
    with (
        open(path, "rb") as handle,
        pytest.raises(DataError, match=rf"^{re.escape(str(path))}: has no"),
    ):
        read_clusters(handle, system)
    with pytest.raises(ParameterError, match="'sheet' applies to Excel"):
        read_clusters(io.StringIO("cluster,type\n"), system, sheet="x")


def test_read_clusters_text_file_object_of_binary_bytes(system, tmp_path):
    """A workbook opened in text mode: 'open the file in binary mode'."""
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"PK\x03\x04\xff\xfe\x00")
    with (
        open(path, encoding="utf-8") as handle,
        pytest.raises(DataError, match=r"open\(path, 'rb'\)"),
    ):
        read_clusters(handle, system)
    closed = io.StringIO("x")
    closed.close()
    with pytest.raises(DataError, match=r"^<StringIO>: cannot be read"):
        read_clusters(closed, system)


# --------------------------------------------------------------------------
# Issue 16.17 / 11.1: file-level failures
# --------------------------------------------------------------------------
def test_read_clusters_european_excel_csv(system, ids, tmp_path):
    """';' between fields and decimal commas: the separator message.

    Issue 16.17: the file got 'line 2 has 5 fields but the header line has
    1' (the decimal commas split the data lines), not the documented
    message. Built here as Excel in a German locale saves 'CSV'.
    """
    lines = [
        ";".join(["cluster", "type", *ids]),
        "Düsseldorf;basic;12,5;3,25;0,9;40;30",
        "Köln;basic;8,75;2,5;1,1;20;25",
    ]
    path = tmp_path / "eu.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    with pytest.raises(DataError) as info:
        read_clusters(path, system)
    message = str(info.value)
    assert message.startswith(
        f"{path}: the header line has one field and contains ';'; "
        "clusterscore reads comma-separated files (save as CSV with commas)."
    )
    assert "',' as the decimal mark (Excel in a European locale)" in message
    assert "pandas.read_csv(path, sep=';', decimal=',')" in message
    assert "fields but the header" not in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_read_clusters_fifo(system, tmp_path):
    """A named pipe is refused without being read (which would block)."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match=r"pipe\.csv: is not a regular file"):
        read_clusters(fifo, system)


def test_read_clusters_permission_denied(system, tmp_path, monkeypatch):
    """A file that cannot be read: 'cannot be read (Permission denied)'.

    The tests may run as root, who reads any file, so the denial is
    simulated where pathlib reads.
    """
    path = tmp_path / "secret.csv"
    path.write_bytes(b"cluster,type\n")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(
        DataError, match=r"secret\.csv: cannot be read \(Permission denied\)"
    ):
        read_clusters(path, system)


@pytest.mark.parametrize("error", [MemoryError(), OverflowError("big")])
def test_read_clusters_pandas_failures_are_data_errors(
    system, tmp_path, monkeypatch, error
):
    """Whatever pandas.read_csv raises besides ParserError is a DataError."""
    path = tmp_path / "t.csv"
    path.write_bytes(b"cluster,type\nA,basic\n")

    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(pd, "read_csv", failing)
    with pytest.raises(DataError, match=r"t\.csv: is not a valid CSV table"):
        read_clusters(path, system)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_read_clusters_line_numbers_after_a_quoted_line_break(
    system, csv_header, csv_rows, tmp_path, newline
):
    """A quoted cell with a line break: later lines keep their file line.

    The region of the first cluster spans lines 2-3, so the nameless row
    is line 5 and the ragged one line 6 (they were called 4 and 5).
    """
    first = csv_rows[0].replace("长江三角洲", '"长江\n三角洲"')
    nameless = ",basic,中部,湖南,200,23,1.0,30,60"
    path = tmp_path / "q.csv"
    lines = [csv_header, first, csv_rows[1], nameless]
    path.write_bytes((newline.join(lines) + newline).encode())
    with pytest.raises(DataError) as info:
        read_clusters(path, system)
    assert info.value.problems == (
        "line 5, column 'cluster': the cluster name is empty; every row "
        "needs a non-empty, unique name",
    )
    path.write_bytes(
        (newline.join([*lines, csv_rows[2] + ",x"]) + newline).encode()
    )
    with pytest.raises(
        DataError, match="line 6 has 10 fields but the header line has 9"
    ):
        read_clusters(path, system)


def test_parse_csv_keeps_a_line_whose_first_cell_is_blank():
    """Blank lines go; a line with an empty name but other cells stays.

    Lines 3 and 5 are white space only (spaces, tabs, commas); line 4 has
    no name but a value, so it is kept (validation then names it).
    """
    from clusterscore.io.read import _parse_csv

    text = "cluster,x\nA,1\n  , \t\n ,2\n,\nB,3\n"
    header, body = _parse_csv(text, "t.csv")
    assert header == ["cluster", "x"]
    assert body.index.tolist() == [1, 3, 5]
    assert body.iloc[:, 1].str.strip().tolist() == ["1", "2", "3"]
