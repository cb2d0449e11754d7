"""Tests of clusterscore.io.read: `read_clusters` on CSV files."""

from __future__ import annotations

import hashlib
import os
import string
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError, DataWarning
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
