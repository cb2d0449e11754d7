"""Tests of `clusterscore._atomic`: a file is written whole or not at all."""

from __future__ import annotations

import os
import stat

import pytest

import clusterscore._atomic
from clusterscore._atomic import atomic_path, write_text_atomic


def test_writes_the_file_and_leaves_no_temporary(tmp_path):
    """The content arrives under the name; nothing else is left."""
    target = tmp_path / "out.csv"
    write_text_atomic(target, "a,b\r\n1,2\n")
    assert target.read_bytes() == b"a,b\r\n1,2\n"  # newlines as given
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_failure_keeps_the_old_file_and_removes_the_temporary(tmp_path):
    """An exception in the block (an interrupt) leaves the old content."""
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def interrupted():
        with atomic_path(target) as tmp:
            tmp.write_text("half a fi", encoding="utf-8")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_rename_keeps_the_old_file(tmp_path, monkeypatch):
    """Even a failing rename leaves the old file and no temporary."""
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="No space left"):
        write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_the_temporary_keeps_the_suffix_and_directory(tmp_path):
    """Writers that look at the suffix (figures, workbooks) see it."""
    target = tmp_path / "fig.svg"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp.suffix == ".svg"
        assert tmp.exists()
        tmp.write_text("<svg/>", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "<svg/>"


def test_mode_of_a_new_file_follows_the_umask(tmp_path):
    """A new file gets 0o666 less the umask, as open(..., 'w') gives."""
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    mode = stat.S_IMODE((tmp_path / "new.txt").stat().st_mode)
    assert mode == 0o644


def test_mode_of_a_replaced_file_is_kept(tmp_path):
    """Overwriting keeps the permission bits the file had."""
    target = tmp_path / "kept.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "new"


def test_a_symbolic_link_is_written_through(tmp_path):
    """The link stays a link; the file it points to gets the content."""
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_a_missing_directory_raises_before_writing(tmp_path):
    """No directory: FileNotFoundError, and nothing is created."""
    with pytest.raises(FileNotFoundError):
        write_text_atomic(tmp_path / "no" / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_a_device_is_written_in_place_never_replaced():
    """-o /dev/null must leave /dev/null a device.

    Renaming a temporary file over /dev/null (which root may do) turned
    the machine's /dev/null into a plain file that then kept whatever was
    written to it. A device or FIFO is written in place instead.
    """
    before = os.stat(os.devnull)
    assert stat.S_ISCHR(before.st_mode)
    write_text_atomic(os.devnull, "discarded\n")
    with atomic_path(os.devnull) as tmp:
        tmp.write_bytes(b"also discarded")
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode)
    assert after.st_rdev == before.st_rdev
    assert not tmp.exists()  # the temporary file is gone


def test_a_fifo_receives_the_content(tmp_path):
    """A FIFO target gets the whole content and stays a FIFO."""
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_text_atomic(fifo, "a,b\n1,2\n")
    reader.join(timeout=10)
    assert got == [b"a,b\n1,2\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_long_text_is_written_in_pieces_with_a_bom(tmp_path, monkeypatch):
    """Pieces of a few characters join into the exact UTF-8 bytes.

    Chinese and astral characters fall on piece boundaries; the BOM is
    written before the text, not added to it.
    """
    monkeypatch.setattr(clusterscore._atomic, "_ENCODE_CHARS", 3)
    text = "集群,分数\n长沙工程机械,1.5\n𠀀x\n"
    target = tmp_path / "out.csv"
    write_text_atomic(target, text, bom=True)
    assert target.read_bytes() == b"\xef\xbb\xbf" + text.encode("utf-8")
    write_text_atomic(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    write_text_atomic(target, "")
    assert target.read_bytes() == b""
