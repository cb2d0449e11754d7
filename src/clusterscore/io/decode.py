"""CSV files to text: the encodings Excel writes, and unusable files.

`read_text` reads a file and refuses, with a `DataError` naming the file,
what is not CSV text (missing, a directory, empty, UTF-16, binary,
undecodable, control characters). `decode` turns the bytes into text:
UTF-8 with or without BOM, else GB18030 (a superset of GBK, which Excel
writes as "CSV" on Chinese Windows). Line ends (CRLF or LF) are left to
the CSV parser.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from clusterscore.errors import DataError

__all__ = ["decode", "read_text"]

_BEYOND_U07FF = re.compile("[\u0800-\U0010ffff]")
_CHINESE_TEXT = re.compile(
    "[\x00-\x7f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (BOM or not), else GB18030 (GBK).

    Short GBK texts can also be valid UTF-8 (GBK '群' = C8 BA = UTF-8
    'Ⱥ'). Bytes that are valid UTF-8 but decode to no character beyond
    U+07FF (no Chinese at all), while their GB18030 reading is Chinese
    text, are read as GB18030.

    Parameters
    ----------
    data : bytes
        The file's bytes.

    Returns
    -------
    str
        The text, without a UTF-8 BOM.

    Raises
    ------
    UnicodeDecodeError
        If the bytes are neither UTF-8 nor GB18030.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")
    if text.isascii() or _BEYOND_U07FF.search(text):
        return text
    try:
        other = data.decode("gb18030")
    except UnicodeDecodeError:
        return text
    return other if _CHINESE_TEXT.fullmatch(other) else text


def _read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Return the bytes of a regular, non-empty file; DataError if not."""
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise DataError(f"{where}: file not found.")
    if p.is_dir():
        raise DataError(f"{where}: is a directory, not a CSV file.")
    if not p.is_file():
        raise DataError(f"{where}: is not a regular file.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DataError(f"{where}: cannot be read ({exc.strerror}).") from None
    if not data:
        raise DataError(
            f"{where}: the file is empty (0 bytes); expected a header line "
            "and one line per cluster."
        )
    return data


def _refuse_binary(data: bytes, where: str) -> None:
    """Raise DataError for UTF-16 text and for bytes with NUL in them."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(
            f"{where}: the file is UTF-16 text; save it as 'CSV UTF-8' or "
            "'CSV (comma delimited)' (UTF-8 or GB18030/GBK)."
        )
    if b"\x00" in data:
        hint = (
            " (it looks like an Excel .xlsx workbook; save it as CSV)"
            if data.startswith(b"PK\x03\x04")
            else ""
        )
        raise DataError(
            f"{where}: is a binary file, not CSV text: it contains NUL "
            f"bytes{hint}."
        )


def read_text(path: str | os.PathLike[str]) -> str:
    """Return the decoded text of a CSV file; DataError if unusable.

    Parameters
    ----------
    path : str or path-like
        The CSV file. Only read, never modified.

    Returns
    -------
    str
        The text (see `decode`), with at least one non-blank character.

    Raises
    ------
    DataError
        If the path is missing, a directory or not a regular file, cannot
        be read, is empty or only blank lines, is UTF-16, binary (NUL bytes
        or control characters) or neither UTF-8 nor GB18030; the message
        starts with the path.
    """
    where = str(path)
    data = _read_bytes(path)
    _refuse_binary(data, where)
    try:
        text = decode(data)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{where}: is not a text file in UTF-8 or GB18030/GBK: "
            f"undecodable byte 0x{exc.object[exc.start]:02x} at offset "
            f"{exc.start}."
        ) from None
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise DataError(
            f"{where}: is a binary file, not CSV text: control character "
            f"U+{ord(bad.group()):04X} on line {line}."
        )
    if not text.strip():
        raise DataError(
            f"{where}: the file is empty (only blank lines); expected a "
            "header line and one line per cluster."
        )
    return text
