"""Write a file all at once or not at all: a temporary file, then a rename.

Every file clusterscore writes (text, CSV, JSON, Markdown, the workbook,
the HTML report, figures) goes through `atomic_path` or
`write_text_atomic`: the content is written to a temporary file in the
target's directory and renamed over the target only when it is complete
(`os.replace`, atomic on POSIX and Windows within one file system). An
interrupted or failed run leaves the old file as it was, or no file, never
half a file; the temporary file is removed on failure.

A target that exists but is not a regular file (``/dev/null``, a FIFO, a
terminal) cannot be replaced, and must not be: renaming over
``/dev/null`` as root would turn the device into a plain file. Such a
target is written in place, from a temporary file in the system's
temporary directory, once the content is complete.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "write_text_atomic"]


def _reserve(target: Path) -> Path:
    """Create an empty, unused temporary file beside `target`.

    It is created with mode 0o666 less the umask (as ``open(..., "w")``
    would), or with the permission bits of `target` when that exists.
    """
    while True:
        tmp = target.with_name(
            f".{target.name}.{secrets.token_hex(4)}.tmp{target.suffix}"
        )
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 2**-32 per try
            continue
        os.close(fd)
        with contextlib.suppress(OSError):
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        return tmp


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; rename it to `path` on success.

    The temporary file lies in the directory of `path` (after following
    a symbolic link, so the link's target is replaced) and keeps its
    suffix, for writers that look at it. If the block raises, the
    temporary file is removed and `path` is untouched.

    Parameters
    ----------
    path : str or os.PathLike
        The file to write.

    Yields
    ------
    pathlib.Path
        Where to write the content (an empty file that exists).

    Raises
    ------
    OSError
        If the directory cannot be written (raised before the block runs),
        or the rename fails.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with atomic_path(d / "a.txt") as tmp:
    ...     _ = tmp.write_text("done")
    >>> (d / "a.txt").read_text(), sorted(p.name for p in d.iterdir())
    ('done', ['a.txt'])
    """
    target = Path(os.path.realpath(path))
    if _special(target):
        with _in_place(target) as tmp:
            yield tmp
        return
    tmp = _reserve(target)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:  # on disk before the rename
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _special(target: Path) -> bool:
    """Whether `target` exists and is not a regular file (a device...)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def _in_place(target: Path) -> Iterator[Path]:
    """Yield a temporary file; copy it into the device `target` at the end."""
    fd, name = tempfile.mkstemp(suffix=target.suffix, prefix="clusterscore-")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


_ENCODE_CHARS = 1 << 22
"""Characters encoded at a time by `write_text_atomic`: a long text (the
CSV of millions of gap rows) is never held encoded in full beside it."""


def write_text_atomic(
    path: str | os.PathLike[str],
    text: str,
    *,
    encoding: str = "utf-8",
    bom: bool = False,
) -> None:
    """Write `text` to `path` through `atomic_path`; newlines as given.

    The text is encoded and written in pieces of `_ENCODE_CHARS`
    characters (a str never splits a character).

    Parameters
    ----------
    path : str or os.PathLike
        The file to write.
    text : str
        The content; no newline translation (as ``newline=""``).
    encoding : str
        The text encoding (default UTF-8).
    bom : bool
        Start the file with the byte-order mark (U+FEFF) in `encoding`,
        without adding it to `text` (which would copy it, and widen an
        ASCII text to two bytes per character in memory).
    """
    codec = codecs.lookup(encoding)
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        if bom:
            f.write("\ufeff".encode(codec.name))
        encoder = codec.incrementalencoder()
        for start in range(0, len(text), _ENCODE_CHARS):
            f.write(encoder.encode(text[start : start + _ENCODE_CHARS]))
        f.write(encoder.encode("", final=True))
