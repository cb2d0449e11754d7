"""Tests for clusterscore.present.text: display width, padding, wrapping."""

from __future__ import annotations

from clusterscore.present import display_width, pad, wrap


def test_display_width_counts_wide_characters_twice():
    """Chinese and full-width characters take two columns, ASCII one."""
    assert display_width("abc") == 3
    assert display_width("短板") == 4
    assert display_width("差距 A（1）") == 2 * 2 + 1 + 1 + 2 * 2 + 1
    assert display_width("") == 0


def test_pad_aligns_in_columns():
    """pad() fills up to the display width, never truncates."""
    assert pad("规模", 6) == "规模  "
    assert pad("scale", 6) == "scale "
    assert pad("too long", 3) == "too long"


def test_wrap_keeps_lines_within_the_width():
    """Wrapped Chinese text stays within about `width` columns."""
    text = "加大研发投入，建设公共技术服务平台，" * 6
    lines = wrap(text, 40, "    ", "    ")
    assert len(lines) > 1
    assert all(display_width(line) <= 40 for line in lines)
    english = wrap("word " * 30, 30, "- ", "  ")
    assert english[0].startswith("- word")
    assert all(len(line) <= 30 for line in english)


def test_md_cell_keeps_a_cell_in_its_row():
    """A pipe is escaped and a line break becomes a space."""
    from clusterscore.present.text import md_cell

    assert md_cell("a|b") == "a\\|b"
    assert md_cell("line 1\nline 2\r\nline 3") == "line 1 line 2 line 3"
    assert md_cell(2.5) == "2.5"


def test_markdown_table_with_a_newline_in_a_name_has_one_row_per_cluster():
    """A quoted cluster name with a line break does not break the table."""
    import pandas as pd

    from clusterscore.present import render_table

    df = pd.DataFrame({"score": [1.0]}, index=pd.Index(["A\nB"], name="c"))
    lines = render_table(df, "markdown", "en").splitlines()
    assert len(lines) == 3
    assert "A B" in lines[2]
