"""Terminal text layout: display width, padding and wrapping.

East Asian wide and full-width characters (``unicodedata`` classes W and
F, e.g. Chinese) take two terminal columns, so widths are counted in
columns, not characters. One definition for the tables
(`clusterscore.present.tables`) and the diagnosis text
(`clusterscore.present.diagnosis`).
"""

from __future__ import annotations

import textwrap
import unicodedata

__all__ = ["display_width", "md_cell", "pad", "wrap"]


def display_width(text: str) -> int:
    """Return the terminal columns taken by `text` (wide characters: 2).

    Parameters
    ----------
    text : str
        The text (one line).

    Returns
    -------
    int
        ``sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)``
        (Unicode Standard Annex #11, East Asian Width).
    """
    if text.isascii():  # (no ASCII character is wide)
        return len(text)
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def pad(text: str, width: int) -> str:
    """Left-align `text` in `width` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Wrap `text` to about `width` terminal columns (wide chars count 2).

    `textwrap` counts characters; the width it is given is shrunk by the
    share of extra columns the wide characters of `text` take (at least
    20 characters).

    Parameters
    ----------
    text : str
        The paragraph.
    width : int
        Target line width in terminal columns.
    first, rest : str
        Indent of the first line and of the following lines.

    Returns
    -------
    list of str
        The lines.
    """
    share = (display_width(text) - len(text)) / max(len(text), 1)
    return textwrap.wrap(
        text,
        width=max(20, int(width / (1 + share))),
        initial_indent=first,
        subsequent_indent=rest,
    )


def md_cell(text: object) -> str:
    """Return `text` safe inside one Markdown table cell.

    A ``|`` would end the cell and a line break the row: the first is
    escaped, the second becomes a space. One rule for the Markdown tables
    (`clusterscore.present.tables`) and the Markdown report.
    """
    text = str(text).replace("|", "\\|")
    return text.replace("\r\n", " ").replace("\n", " ")
