"""CSV files to text: the encodings Excel writes, and unusable files.

`read_text` reads a file and `decode` turns its bytes into text, refusing
with a `DataError` naming the file what is not CSV text (missing, a
directory, empty, binary, undecodable, mixed encodings, control
characters). The encodings, in the order they are tried:

1. a byte-order mark decides: UTF-8 (``EF BB BF``) or UTF-16 (``FF FE``,
   ``FE FF``; Excel's "Unicode text"), each decoded strictly;
2. UTF-8, strictly: a file that is valid UTF-8 is UTF-8;
3. GB18030 (a superset of GBK, which Excel writes as "CSV (逗号分隔)" on
   Chinese Windows), only when UTF-8 fails and the GB18030 reading is
   plausibly Chinese text (see `decode`).

Anything else (Latin-1, Windows-1252, a file with UTF-8 and GBK lines) is
refused, naming the first line that is not UTF-8. Line ends (CRLF or LF)
are left to the CSV parser.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from clusterscore._checks import short_repr
from clusterscore.errors import DataError

__all__ = [
    "Decoded",
    "check_text",
    "decode",
    "decode_file",
    "read_bytes",
    "read_text",
]

# C0 controls other than tab, LF, CR; DEL; C1 controls (U+0085 would be
# taken as a line break by some readers)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHINESE = re.compile(f"[{_IDEOGRAPH}\u3000-\u303f\uff00-\uffef]")
# a CJK character with an ASCII letter on both sides: 'D眉sseldorf'
_SANDWICHED = re.compile(f"[A-Za-z][{_IDEOGRAPH}][A-Za-z]")
# a CJK character next to an ASCII letter (checked: outside GB2312)
_BY_A_LETTER = re.compile(
    f"(?<=[A-Za-z])[{_IDEOGRAPH}]|[{_IDEOGRAPH}](?=[A-Za-z])"
)
# a 3- or 4-byte UTF-8 sequence (a character from U+0800 up)
_UTF8_WIDE = re.compile(rb"[\xe0-\xf4][\x80-\xbf]{2}")
# a letter of Latin-1 or Latin Extended-A (U+00C0-U+017F: the letters of
# the Western and Central European languages) next to an ASCII letter
_EUROPEAN = re.compile(
    "(?<=[A-Za-z])[\u00c0-\u017f]|[\u00c0-\u017f](?=[A-Za-z])"
)
_SAVE_AS = "save it from Excel as 'CSV UTF-8 (Comma delimited)'"


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read in.

    Attributes
    ----------
    text : str
        The text, without a byte-order mark.
    encoding : str
        ``"UTF-8"``, ``"UTF-8 with BOM"``, ``"UTF-16"`` or ``"GB18030"``.
    note : str
        Empty for UTF-8; otherwise a sentence saying which encoding was
        used and why (the readers issue it as a `DataWarning`).
    utf8 : bytes or None
        The file's bytes when they are exactly `text` in UTF-8 (a UTF-8
        file without BOM), so that readers need not encode it again.
    """

    text: str
    encoding: str
    note: str = ""
    utf8: bytes | None = field(default=None, repr=False, compare=False)


def _line_of(data: bytes, offset: int) -> int:
    """Return the 1-based line of byte `offset` (LF, CRLF or CR line ends)."""
    head = data[:offset]
    breaks = head.count(b"\n")
    return breaks + 1 if breaks else head.count(b"\r") + 1


def _utf8_failure(data: bytes, exc: UnicodeDecodeError) -> str:
    """'line 3 is not UTF-8 (byte 0xfc at byte 2 of the line)'."""
    line = _line_of(data, exc.start)
    start = max(
        data.rfind(b"\n", 0, exc.start), data.rfind(b"\r", 0, exc.start)
    )
    return (
        f"line {line} is not UTF-8 (byte 0x{data[exc.start]:02x} at byte "
        f"{exc.start - start} of the line)"
    )


def _snippet(text: str, start: int) -> str:
    """Return the word around `start` in `text`, for a message."""
    lo = start
    while lo > 0 and text[lo - 1] not in ',;\t\r\n"':
        lo -= 1
    hi = start
    while hi < len(text) and text[hi] not in ',;\t\r\n"':
        hi += 1
    word = text[lo:hi].strip()
    return word if len(word) <= 30 else word[:30] + "..."


def _mojibake(text: str) -> int | None:
    """Offset of the first mark of non-Chinese bytes read as GB18030.

    The marks: a character GBK cannot encode (GB18030 four-byte
    sequences, the private-use area), a CJK character with ASCII letters
    on both sides, or a CJK character outside GB2312 (the 6763 common
    hanzi) next to an ASCII letter. Latin-1 'Düsseldorf' read as GB18030
    is 'D黶seldorf' (FC 73 is a rare GBK-extension character);
    UTF-8 'Düsseldorf' is 'D眉sseldorf'.
    """
    for k, ch in enumerate(text):
        if ch.isascii():
            continue
        if "\ue000" <= ch <= "\uf8ff":
            return k
        try:
            ch.encode("gbk")
        except UnicodeEncodeError:
            return k
    found = _SANDWICHED.search(text)
    if found:
        return found.start() + 1
    for found in _BY_A_LETTER.finditer(text):
        try:
            found.group().encode("gb2312")
        except UnicodeEncodeError:
            return found.start()
    return None


def _utf8_line(data: bytes) -> tuple[int, str] | None:
    """Return the first line that is clearly UTF-8 (the file is not).

    A line counts when its bytes are valid UTF-8 and hold a character
    from U+0800 up (Chinese, curly quotes, the euro sign) or a Latin
    letter with a diacritic next to an ASCII letter ('Düsseldorf'): a GBK
    line is almost never valid UTF-8, and then not like that.
    """
    for k, line in enumerate(re.split(rb"\r\n|\r|\n", data)):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _UTF8_WIDE.search(line) or _EUROPEAN.search(text):
            return k + 1, text.strip()
    return None


def _gb18030(data: bytes, where: str, exc: UnicodeDecodeError) -> Decoded:
    """Read `data` (not UTF-8) as GB18030 if it is plausibly Chinese."""
    failure = _utf8_failure(data, exc)
    clear = _utf8_line(data)
    if clear is not None:
        line, text = clear
        raise DataError(
            f"{where}: mixes encodings: line {line} is UTF-8 "
            f"({text[:40]!r}) but {failure}; the whole file must be in one "
            f"encoding: {_SAVE_AS}."
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DataError(
            f"{where}: is neither UTF-8 nor GB18030/GBK: {failure}, and "
            "the bytes are not GB18030 either; the file may be Latin-1 or "
            f"Windows-1252: {_SAVE_AS}."
        ) from None
    mark = _mojibake(text)
    if mark is not None or not _CHINESE.search(text):
        shown = (
            f" (read so, line {text.count(chr(10), 0, mark) + 1} would say "
            f"{_snippet(text, mark)!r})"
            if mark is not None
            else " (read so, it has no Chinese text)"
        )
        raise DataError(
            f"{where}: is neither UTF-8 nor GB18030/GBK: {failure}, and "
            f"reading it as GB18030/GBK gives garbled text{shown}; the file "
            f"may be Latin-1 or Windows-1252: {_SAVE_AS}."
        )
    return Decoded(
        text,
        "GB18030",
        f"{where}: read as GB18030/GBK (as Excel saves 'CSV (逗号分隔)' on "
        f"Chinese Windows), not UTF-8: {failure}",
    )


def decode(data: bytes, where: str = "<bytes>") -> Decoded:
    """Decode CSV bytes: by BOM, else UTF-8, else GB18030 if Chinese.

    A byte-order mark decides the encoding (UTF-8 or UTF-16). Otherwise
    bytes that are valid UTF-8 are UTF-8, strictly. Only when they are
    not are they read as GB18030, and only when that reading is plausibly
    Chinese: it has CJK characters or full-width punctuation, no
    character outside GBK, no CJK character between two ASCII letters
    and no rare (non-GB2312) one next to an ASCII letter, and no line of
    the file is clearly UTF-8 (a mixed file). Latin-1 text read as GB18030
    fails these checks (Latin-1 'Düsseldorf' would be 'D黶seldorf').

    Parameters
    ----------
    data : bytes
        The file's bytes.
    where : str, default "<bytes>"
        The file, for messages.

    Returns
    -------
    Decoded
        The text, the encoding and, when it is not UTF-8, a note naming it.

    Raises
    ------
    DataError
        If the bytes are in none of these encodings (the message names the
        first line that is not UTF-8), or mix UTF-8 and other lines.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(data[3:].decode("utf-8"), "UTF-8 with BOM")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"{where}: starts with a UTF-8 byte-order mark but "
                f"{_utf8_failure(data[3:], exc)}; {_SAVE_AS}."
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        try:
            text = data[2:].decode(codec)
        except UnicodeDecodeError as exc:
            raise DataError(
                f"{where}: starts with a UTF-16 byte-order mark but is not "
                f"UTF-16 (bytes {exc.start + 2}-{exc.end + 1}: {exc.reason}); "
                f"{_SAVE_AS}."
            ) from None
        return Decoded(text, "UTF-16", f"{where}: read as UTF-16 (its BOM)")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8", utf8=data)
    except UnicodeDecodeError as exc:
        return _gb18030(data, where, exc)


def read_bytes(path: str | os.PathLike[str], what: str = "CSV file") -> bytes:
    """Return the bytes of a regular, non-empty file; DataError if not.

    `what` names the expected file in messages ("is a directory, not a
    CSV file").
    """
    where = str(path)
    try:
        p = Path(path)
        exists, is_dir, is_file = p.exists(), p.is_dir(), p.is_file()
    except (OSError, ValueError) as exc:  # NUL in the name, name too long
        raise DataError(
            f"{short_repr(where)}: is not a usable file name "
            f"({getattr(exc, 'strerror', None) or exc})."
        ) from None
    if not exists:
        raise DataError(f"{where}: file not found.")
    if is_dir:
        raise DataError(f"{where}: is a directory, not a {what}.")
    if not is_file:
        raise DataError(
            f"{where}: is not a regular file (a pipe, socket or device); "
            f"expected a {what}."
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DataError(
            f"{where}: cannot be read ({exc.strerror or exc})."
        ) from None
    if not data:
        raise DataError(
            f"{where}: the file is empty (0 bytes); expected a header line "
            "and one line per cluster."
        )
    return data


def _refuse_binary(data: bytes, where: str) -> None:
    """Raise DataError for bytes with NUL in them (not UTF-16 with BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data:
        return
    if data.startswith(b"PK\x03\x04"):
        hint = " (it looks like an Excel .xlsx workbook; save it as CSV)"
    elif (
        data[1::2].count(0) > len(data) // 4
        or data[::2].count(0) > len(data) // 4
    ):
        hint = (
            " (it looks like UTF-16 text without a byte-order mark; "
            f"{_SAVE_AS})"
        )
    else:
        hint = ""
    raise DataError(
        f"{where}: is a binary file, not CSV text: it contains NUL "
        f"bytes{hint}."
    )


# every byte but the C0 controls of `_CONTROL`, DEL and 0xC2 (the lead
# byte of the UTF-8 form of U+0080..U+00BF, the C1 controls among them)
_PLAIN_BYTES = bytes(
    b
    for b in range(256)
    if not (b <= 0x1F and b not in b"\t\n\r") and b not in (0x7F, 0xC2)
)
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _may_have_control(text: str, utf8: bytes | None = None) -> bool:
    """Whether `text` may hold a character of `_CONTROL` (False: it has none).

    Decided on the UTF-8 bytes of `text` (`utf8`, when the caller has
    them), which C code scans far faster than the regular expression: the
    control characters are the bytes 0x00-0x1F (but tab, LF, CR) and 0x7F,
    or 0xC2 0x80-0x9F (U+0080 to U+009F); no other UTF-8 sequence holds
    these bytes.
    """
    data = utf8
    if data is None:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: let the regex decide
            return True
    rest = data.translate(None, _PLAIN_BYTES)
    if not rest:
        return False
    return rest.count(0xC2) < len(rest) or bool(_C1_UTF8.search(data))


def check_text(text: str, where: str, utf8: bytes | None = None) -> None:
    """Raise DataError if `text` has control characters or is blank.

    `utf8`, if given, must be `text` encoded in UTF-8 (it saves encoding
    the text again).
    """
    bad = _CONTROL.search(text) if _may_have_control(text, utf8) else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise DataError(
            f"{where}: is a binary file, not CSV text: control character "
            f"U+{ord(bad.group()):04X} on line {line}."
        )
    if not text or text.isspace():  # (text.strip() would copy the text)
        raise DataError(
            f"{where}: the file is empty (only blank lines); expected a "
            "header line and one line per cluster."
        )


def decode_file(data: bytes, where: str) -> Decoded:
    """`decode` the bytes of a CSV file after refusing binary ones.

    Raises
    ------
    DataError
        As `read_text`, for bytes already read.
    """
    if not data:
        raise DataError(
            f"{where}: the file is empty (0 bytes); expected a header line "
            "and one line per cluster."
        )
    _refuse_binary(data, where)
    decoded = decode(data, where)
    check_text(decoded.text, where, decoded.utf8)
    return decoded


def read_text(path: str | os.PathLike[str]) -> Decoded:
    """Return the decoded text of a CSV file; DataError if unusable.

    Parameters
    ----------
    path : str or path-like
        The CSV file. Only read, never modified.

    Returns
    -------
    Decoded
        The text (see `decode`), with at least one non-blank character,
        its encoding and the note for an encoding other than UTF-8.

    Raises
    ------
    DataError
        If the path is missing, a directory or not a regular file, cannot
        be read, is empty or only blank lines, binary (NUL bytes or control
        characters), in none of the encodings of `decode` or mixes them;
        the message starts with the path.
    """
    return decode_file(read_bytes(path), str(path))
