"""Tests of clusterscore.io.decode: CSV bytes to text, unusable files.

UTF-8 with or without BOM, GB18030/GBK, LF or CRLF; missing, empty,
binary, UTF-16 and undecodable files (through `read_clusters`).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from clusterscore.errors import DataError, DataWarning
from clusterscore.io import read_clusters
from clusterscore.io.decode import decode, read_text

DATA = Path(__file__).parents[1] / "data" / "tables"


@pytest.mark.parametrize(
    ("encoding", "note"),
    [
        ("utf-8", None),
        ("utf-8-sig", None),
        ("gb18030", "read as GB18030/GBK"),
        ("gbk", "read as GB18030/GBK"),
        ("utf-16", "read as UTF-16"),
    ],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_read_clusters_encodings(
    system,
    good_table,
    write,
    csv_header,
    csv_rows,
    tmp_path,
    encoding,
    note,
    newline,
):
    """UTF-8 (BOM or not), GB18030/GBK, UTF-16 with BOM read the same.

    An encoding other than UTF-8 is named in a DataWarning (issue 16.1).
    """
    path = write(
        tmp_path / "t.csv", [csv_header, *csv_rows], encoding, newline
    )
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        out = read_clusters(path, system)
    notes = [str(w.message) for w in seen if w.category is DataWarning]
    if note is None:
        assert notes == []
    else:
        assert len(notes) == 1
        assert notes[0].startswith(f"{path}: {note}")
    assert out["cluster"].tolist() == [r.split(",")[0] for r in csv_rows]
    assert out["type"].tolist() == ["strategic", "strategic", "basic"]
    assert out["province"].tolist() == ["江苏", "湖南", "浙江"]
    assert out["national_share"].tolist() == [20.0, 23.0, 8.0]
    assert list(out.columns) == list(good_table().columns)


def _european(ids: list[str]) -> str:
    return (
        "cluster,type,region," + ",".join(ids) + "\n"
        "Düsseldorf,basic,Zone 2²,1,1,1,1,1\n"
        "São Paulo,basic,Zone 2²,1,1,1,1,1\n"
    )


def test_read_clusters_utf8_accented_letters(system, ids, tmp_path):
    """Issue 16.1: UTF-8 'Düsseldorf', 'São Paulo', '2²' read as UTF-8.

    They were read as GB18030 ('D眉sseldorf'): C3 BC is UTF-8 'ü' and
    also the GBK character '眉'. Valid UTF-8 is UTF-8, with no note.
    """
    path = tmp_path / "eu.csv"
    path.write_bytes(_european(ids).encode("utf-8"))
    out = read_clusters(path, system)  # a warning would be an error here
    assert out["cluster"].tolist() == ["Düsseldorf", "São Paulo"]
    assert out["region"].tolist() == ["Zone 2²", "Zone 2²"]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_read_clusters_latin1_is_refused(system, ids, tmp_path, encoding):
    """Latin-1 / Windows-1252 bytes are refused, naming the line.

    Latin-1 'Düsseldorf' decodes as GB18030 ('D黶seldorf', FC 73 being
    a rare GBK-extension character), so GB18030 alone cannot tell.
    """
    path = tmp_path / "latin.csv"
    path.write_bytes(_european(ids).replace("2²", "2").encode(encoding))
    with pytest.raises(DataError) as info:
        read_clusters(path, system)
    message = str(info.value)
    assert message.startswith(f"{path}: is neither UTF-8 nor GB18030/GBK:")
    assert "line 2 is not UTF-8 (byte 0xfc at byte 2 of the line)" in message
    assert "garbled text (read so, line 2 would say 'D黶seldorf')" in message
    assert "Latin-1 or Windows-1252" in message
    assert "'CSV UTF-8 (Comma delimited)'" in message


def test_read_clusters_latin1_not_gb18030_either(system, ids, tmp_path):
    """Latin-1 '2²' at a line end: B2 0A is not GB18030 either."""
    path = tmp_path / "latin.csv"
    path.write_bytes(b"cluster,type,region\nA,basic,2\xb2\n")
    with pytest.raises(
        DataError,
        match=r"line 2 is not UTF-8 \(byte 0xb2 at byte 10 of the line\), "
        r"and the bytes are not GB18030 either; the file may be Latin-1",
    ):
        read_clusters(path, system)


@pytest.mark.parametrize(
    ("utf8_line", "shown"),
    [
        (
            "长沙市工程机械集群,strategic,1,1,1,1,1",
            "'长沙市工程机械集群,strategic",
        ),
        ("Düsseldorf,basic,1,1,1,1,1", "'Düsseldorf,basic,1,1,1,1,1'"),
    ],
)
def test_read_clusters_mixed_encodings(
    system, ids, tmp_path, utf8_line, shown
):
    """A file with a UTF-8 line and a GBK line is refused, naming both."""
    header = "cluster,type," + ",".join(ids) + "\n"
    gbk_line = "无锡市物联网集群,strategic,1,1,1,1,1\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        header.encode()
        + gbk_line.encode("gbk")
        + (utf8_line + "\n").encode("utf-8")
    )
    with pytest.raises(DataError) as info:
        read_clusters(path, system)
    message = str(info.value)
    assert message.startswith(f"{path}: mixes encodings: line 3 is UTF-8 ")
    assert shown in message
    assert "but line 2 is not UTF-8 (byte 0xce at byte 1 of the line)" in (
        message
    )


def test_read_clusters_mixed_utf8_and_latin1(system, ids, tmp_path):
    """UTF-8 'Düsseldorf' then Latin-1 'São Paulo': mixed, both named."""
    header = "cluster,type," + ",".join(ids) + "\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        header.encode()
        + "Düsseldorf,basic,1,1,1,1,1\n".encode()
        + "São Paulo,basic,1,1,1,1,1\n".encode("latin-1")
    )
    with pytest.raises(
        DataError,
        match=r"mixes encodings: line 2 is UTF-8 \('Düsseldorf,.*but line 3 "
        r"is not UTF-8 \(byte 0xe3 at byte 2",
    ):
        read_clusters(path, system)


def test_read_clusters_gbk_rare_characters(system, ids, tmp_path):
    """GBK characters outside GB2312 (埇, GBK 88 AC) still read as GBK."""
    text = (
        "集群,类型,"
        + ",".join(ids)
        + "\r\n埇桥区智能制造集群,basic,1,1,1,1,1\r\n"
    )
    path = tmp_path / "g.csv"
    path.write_bytes(text.encode("gbk"))
    with pytest.warns(DataWarning, match="read as GB18030/GBK"):
        out = read_clusters(path, system)
    assert out["cluster"].tolist() == ["埇桥区智能制造集群"]


def test_read_clusters_gbk_that_is_also_valid_utf8(system, ids, tmp_path):
    """GBK '群' (C8 BA) is valid UTF-8 ('Ⱥ'): read as UTF-8 (documented).

    Only a file whose every non-ASCII byte happens to be valid UTF-8 is
    read so; any longer Chinese text in GBK is not valid UTF-8.
    """
    text = "cluster,type," + ",".join(ids) + "\n群,basic,1,1,1,1,1\n"
    path = tmp_path / "g.csv"
    path.write_bytes(text.encode("gbk"))
    assert read_clusters(path, system)["cluster"].tolist() == ["Ⱥ"]
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
    """Bytes valid in neither UTF-8 nor GB18030: the line and the byte."""
    path = tmp_path / "latin.csv"
    path.write_bytes(b"cluster,type\n\xff\xff,basic\n")
    with pytest.raises(
        DataError,
        match=r"latin\.csv: is neither UTF-8 nor GB18030/GBK: line 2 is not "
        r"UTF-8 \(byte 0xff at byte 1 of the line\)",
    ):
        read_clusters(path, system)


def test_read_clusters_bom_then_not_utf8(system, tmp_path):
    """A UTF-8 BOM followed by GBK bytes is refused, naming the line."""
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfcluster,type\n" + "集群".encode("gbk"))
    with pytest.raises(
        DataError,
        match=r"starts with a UTF-8 byte-order mark but line 2 is not UTF-8",
    ):
        read_clusters(path, system)


@pytest.mark.parametrize(
    ("data", "control"),
    [
        (b"cluster,type\n\x01\x02,basic\n", "U+0001"),
        ("A\u0085".encode(), "U+0085"),
    ],
)
def test_read_clusters_control_characters(system, tmp_path, data, control):
    """C0 and C1 control characters are refused as binary."""
    path = tmp_path / "ctl.csv"
    path.write_bytes(data)
    with pytest.raises(DataError, match=rf"{re.escape(control)} on line"):
        read_clusters(path, system)


def test_read_clusters_utf16_broken(system, tmp_path):
    """A UTF-16 BOM followed by a lone surrogate is refused."""
    path = tmp_path / "u16.csv"
    path.write_bytes(b"\xff\xfea\x00\x00\xd8b\x00")
    with pytest.raises(
        DataError, match="starts with a UTF-16 byte-order mark but is not"
    ):
        read_clusters(path, system)


def test_read_clusters_utf16_without_bom(system, tmp_path):
    """UTF-16 without BOM is binary to the reader; the message says UTF-16."""
    path = tmp_path / "u16.csv"
    path.write_bytes("cluster,type\n".encode("utf-16-le"))
    with pytest.raises(
        DataError, match="UTF-16 text without a byte-order mark"
    ):
        read_clusters(path, system)


def test_read_clusters_utf16_excel_unicode_text(system, ids, tmp_path):
    """Excel's 'Unicode text' (UTF-16, tabs) gets the separator message."""
    path = tmp_path / "u16.txt"
    text = "\t".join(["cluster", "type", *ids]) + "\r\nA\tbasic\t1\r\n"
    path.write_bytes(text.encode("utf-16"))
    with (
        pytest.warns(DataWarning, match="read as UTF-16"),
        pytest.raises(DataError, match="one field and contains tabs"),
    ):
        read_clusters(path, system)


# --------------------------------------------------------------------------
# decode() on bytes
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"cluster,type\r\n", "cluster,type\r\n", "UTF-8"),
        (b"\xef\xbb\xbfcluster", "cluster", "UTF-8 with BOM"),
        ("集群,类型".encode("utf-8-sig"), "集群,类型", "UTF-8 with BOM"),
        ("集群,类型".encode(), "集群,类型", "UTF-8"),
        ("集群,类型".encode("gb18030"), "集群,类型", "GB18030"),
        ("D\u00fcsseldorf".encode(), "Düsseldorf", "UTF-8"),
        ("群".encode("gbk"), "Ⱥ", "UTF-8"),
        ("集群,类型".encode("utf-16"), "集群,类型", "UTF-16"),
        (b"\xfe\xff" + "集群".encode("utf-16-be"), "集群", "UTF-16"),
    ],
)
def test_decode_bytes(data, text, encoding):
    """A BOM decides; else UTF-8 strictly; GB18030 only when UTF-8 fails."""
    decoded = decode(data, "f.csv")
    assert (decoded.text, decoded.encoding) == (text, encoding)
    assert (decoded.note == "") == encoding.startswith("UTF-8")


def test_decode_note_names_the_encoding_and_the_line():
    """The GB18030 note says why: the first line that is not UTF-8."""
    data = b"cluster,type\n" + "集群,basic\n".encode("gbk")
    assert decode(data, "f.csv").note == (
        "f.csv: read as GB18030/GBK (as Excel saves 'CSV (逗号分隔)' on "
        "Chinese Windows), not UTF-8: line 2 is not UTF-8 (byte 0xbc at "
        "byte 1 of the line)"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xff",  # in no encoding
        "Düsseldorf".encode("latin-1"),  # a rare hanzi next to letters
        b"x \x81\x30\x81\x30",  # a GB18030 four-byte sequence (U+0080)
        b"x \xaa\xa1",  # the GB18030 private-use area (U+E000)
        b"x \xa6\xa1",  # Greek capital alpha: GBK, but no Chinese text
    ],
)
def test_decode_refuses_what_is_not_chinese(data):
    """Undecodable, Latin-1, four-byte GB18030 and private-use readings."""
    with pytest.raises(DataError, match=r"f\.csv: is neither UTF-8 nor"):
        decode(data, "f.csv")


def test_read_text_returns_decoded_text(tmp_path):
    """read_text gives the file's text, line ends left as they are."""
    path = tmp_path / "t.csv"
    path.write_bytes("集群,类型\r\nA,basic\r\n".encode("gbk"))
    decoded = read_text(path)
    assert decoded.text == "集群,类型\r\nA,basic\r\n"
    assert decoded.encoding == "GB18030"
