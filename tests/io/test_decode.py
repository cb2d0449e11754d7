"""Tests of clusterscore.io.decode: CSV bytes to text, unusable files.

UTF-8 with or without BOM, GB18030/GBK, LF or CRLF; missing, empty,
binary, UTF-16 and undecodable files (through `read_clusters`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clusterscore.errors import DataError
from clusterscore.io import read_clusters
from clusterscore.io.decode import decode, read_text

DATA = Path(__file__).parents[1] / "data" / "tables"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_read_clusters_encodings(
    system,
    good_table,
    write,
    csv_header,
    csv_rows,
    tmp_path,
    encoding,
    newline,
):
    """UTF-8 with/without BOM and GB18030/GBK, LF or CRLF, read the same."""
    path = write(
        tmp_path / "t.csv", [csv_header, *csv_rows], encoding, newline
    )
    out = read_clusters(path, system)
    assert out["cluster"].tolist() == [r.split(",")[0] for r in csv_rows]
    assert out["type"].tolist() == ["strategic", "strategic", "basic"]
    assert out["province"].tolist() == ["江苏", "湖南", "浙江"]
    assert out["national_share"].tolist() == [20.0, 23.0, 8.0]
    assert list(out.columns) == list(good_table().columns)


def test_read_clusters_gbk_that_is_also_valid_utf8(system, ids, tmp_path):
    """GBK '群' (C8 BA) is valid UTF-8 ('Ⱥ') but is read as GBK."""
    text = "cluster,type," + ",".join(ids) + "\n群,basic,1,1,1,1,1\n"
    path = tmp_path / "g.csv"
    path.write_bytes(text.encode("gbk"))
    assert path.read_bytes().decode("utf-8").splitlines()[1][0] == "Ⱥ"
    assert read_clusters(path, system)["cluster"].tolist() == ["群"]
    path.write_bytes(text.replace("群", "Zürich 群").encode("utf-8"))
    assert read_clusters(path, system)["cluster"].tolist() == ["Zürich 群"]


def test_read_clusters_missing_file(system, tmp_path):
    """A path that does not exist: 'file not found', naming the path."""
    path = tmp_path / "nope.csv"
    with pytest.raises(DataError, match=rf"^{re.escape(str(path))}: file not"):
        read_clusters(path, system)


def test_read_clusters_directory(system, tmp_path):
    """A directory: 'is a directory'."""
    with pytest.raises(DataError, match="is a directory, not a CSV file"):
        read_clusters(tmp_path, system)


def test_read_clusters_empty_file(system, tmp_path):
    """A 0-byte file: 'the file is empty (0 bytes)'."""
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError, match=r"empty\.csv: the file is empty \(0"):
        read_clusters(path, system)


def test_read_clusters_blank_file(system, tmp_path):
    """A file of blank lines: 'the file is empty (only blank lines)'."""
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\r\n\r\n  \n")
    with pytest.raises(DataError, match=r"empty \(only blank lines\)"):
        read_clusters(path, system)


def test_read_clusters_binary_nul(system, tmp_path):
    """NUL bytes: 'is a binary file'; a workbook named .csv gets a hint.

    (A file named .xlsx is read as a workbook: tests/io/test_excel.py.)
    """
    path = tmp_path / "book.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    with pytest.raises(DataError, match=r"binary file.*Excel \.xlsx"):
        read_clusters(path, system)


def test_read_clusters_binary_fixture(system):
    """The committed binary fixture is refused as binary."""
    with pytest.raises(DataError, match="is a binary file"):
        read_clusters(DATA / "binary.csv", system)


def test_read_clusters_undecodable(system, tmp_path):
    """Bytes valid in neither UTF-8 nor GB18030: 'undecodable byte'."""
    path = tmp_path / "latin.csv"
    path.write_bytes(b"cluster,type\n\xff\xff,basic\n")
    with pytest.raises(DataError, match=r"undecodable byte 0xff at offset"):
        read_clusters(path, system)


def test_read_clusters_control_characters(system, tmp_path):
    """Decodable text with control characters is refused as binary."""
    path = tmp_path / "ctl.csv"
    path.write_bytes(b"cluster,type\n\x01\x02,basic\n")
    with pytest.raises(DataError, match=r"U\+0001 on line 2"):
        read_clusters(path, system)


def test_read_clusters_utf16(system, tmp_path):
    """UTF-16 (Excel 'Unicode text') gets its own message."""
    path = tmp_path / "u16.csv"
    path.write_bytes("cluster,type\n".encode("utf-16"))
    with pytest.raises(DataError, match="is UTF-16 text"):
        read_clusters(path, system)


# --------------------------------------------------------------------------
# decode() on bytes
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"cluster,type\r\n", "cluster,type\r\n"),
        (b"\xef\xbb\xbfcluster", "cluster"),
        ("集群,类型".encode("utf-8-sig"), "集群,类型"),
        ("集群,类型".encode(), "集群,类型"),
        ("集群,类型".encode("gb18030"), "集群,类型"),
        ("群".encode("gbk"), "群"),
    ],
)
def test_decode_bytes(data, text):
    """UTF-8 (BOM dropped) first, GB18030 when UTF-8 fails or is unlikely."""
    assert decode(data) == text


def test_decode_undecodable_raises_unicode_error():
    """Bytes valid in neither encoding raise UnicodeDecodeError."""
    with pytest.raises(UnicodeDecodeError):
        decode(b"\xff\xff")


def test_read_text_returns_decoded_text(tmp_path):
    """read_text gives the file's text, line ends left as they are."""
    path = tmp_path / "t.csv"
    path.write_bytes("集群,类型\r\nA,basic\r\n".encode("gbk"))
    assert read_text(path) == "集群,类型\r\nA,basic\r\n"
