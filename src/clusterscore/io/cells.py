"""Cell parsing: text columns, cluster-type words and numbers.

Text cells are stripped. A ``type`` cell may be a type id, the type's
English or Chinese name, or one of the ``aliases`` the indicator file
declares for it (``"基础型"``, ``"前沿"``, ...; matched as headers are, see
`clusterscore.io.headers.header_key`). Indicator cells are numbers, or
text parsed as one: NFKC-normalised (full-width digits become ASCII),
stripped, commas accepted only as thousands separators (``1,234.5``), and
the texts in `MISSING_TOKENS` read as missing. Cells that are text but not
a number are reported by `add_number_problems`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from clusterscore.io.headers import TEXT_COLUMNS, header_key, header_keys
from clusterscore.io.problems import ProblemTable
from clusterscore.system import IndicatorSystem

__all__ = [
    "MISSING_TOKENS",
    "Parsed",
    "add_number_problems",
    "numeric_column",
    "parse_columns",
    "text_column",
    "type_column",
    "type_lookup",
]

MISSING_TOKENS: frozenset[str] = frozenset(
    {"", "na", "n/a", "#n/a", "nan", "null", "none", "-", "--", "—"}
)
"""Cell texts read as a missing value (compared case-insensitively)."""

_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def type_lookup(system: IndicatorSystem) -> dict[str, str]:
    """Map normalised type words (id, names, aliases) to type ids.

    The aliases come from the indicator file (``aliases = [...]`` in each
    ``[[type]]``); the reader refuses an alias shared by two types.
    """
    lookup: dict[str, str] = {}
    for t in system.types:
        for word in (t.id, t.name, t.name_zh, *t.aliases):
            if word:
                lookup.setdefault(header_key(word), t.id)
    return lookup


def text_column(s: pd.Series) -> pd.Series:
    """Return stripped text, NaN where missing, on a RangeIndex."""
    values = s.reset_index(drop=True)
    missing = values.isna().to_numpy()
    text = values.astype("str").str.strip()
    return text.where(~missing, np.nan)


def type_column(s: pd.Series, lookup: Mapping[str, str]) -> pd.Series:
    """Return the type column with English/Chinese names mapped to ids.

    A table has a handful of distinct type words, so the words are
    normalised once each (`pandas.factorize`), not once per row.
    """
    codes, words = pd.factorize(s.reset_index(drop=True), sort=False)
    text = text_column(pd.Series(words, dtype=object))
    mapped = header_keys(text).map(lookup)
    per_word = mapped.where(mapped.notna(), text).to_numpy(dtype=object)
    # numpy's stubs do not take None as the fill of an object array
    out = np.where(  # type: ignore[call-overload]
        codes >= 0, per_word[np.maximum(codes, 0)], None
    )
    return pd.Series(out, dtype="str").where(codes >= 0, np.nan)


@dataclass
class Parsed:
    """A numeric column: values, and the text of cells that are not."""

    values: pd.Series
    original: pd.Series  # the cell as found (text), for messages
    bad: np.ndarray  # True where the cell is text that is not a number


def numeric_column(s: pd.Series) -> Parsed:
    """Parse a column into float64 (vectorised).

    Numbers pass through. Text is NFKC-normalised and stripped; a text in
    `MISSING_TOKENS` is missing; commas are accepted only as thousands
    separators (``1,234.5``); anything else that is not a number is bad.
    """
    values = s.reset_index(drop=True)
    if pd.api.types.is_bool_dtype(values):
        values = values.astype("object")
    if pd.api.types.is_numeric_dtype(values):
        out = values.to_numpy(dtype=float, na_value=np.nan)
        series = pd.Series(out, dtype="float64")
        return Parsed(series, series, np.zeros(len(series), dtype=bool))
    missing = values.isna().to_numpy()
    text = values.astype("str").str.normalize("NFKC").str.strip()
    text = text.where(~missing, "")
    is_missing = text.str.casefold().isin(MISSING_TOKENS).to_numpy()
    grouped = text.str.fullmatch(_THOUSANDS).to_numpy(dtype=bool)
    clean = text.where(~grouped, text.str.replace(",", "", regex=False))
    # pandas-stubs: a str Series' where() takes str only; NaN is valid
    clean = clean.where(~is_missing, np.nan)  # type: ignore[arg-type]
    numbers = pd.to_numeric(clean, errors="coerce").astype("float64")
    bad = numbers.isna().to_numpy() & ~is_missing
    original = values.astype("object").where(~missing, np.nan)
    return Parsed(numbers, original, bad)


def parse_columns(
    found: Mapping[str, pd.Series], system: IndicatorSystem, n_rows: int
) -> tuple[pd.DataFrame, dict[str, Parsed]]:
    """Parse the columns found into a canonical frame.

    Returns the frame (text columns, then indicator columns, those found;
    a RangeIndex of `n_rows`) and the parsed indicator columns.
    """
    frame: dict[str, pd.Series] = {}
    parsed: dict[str, Parsed] = {}
    for name in TEXT_COLUMNS:
        if name not in found:
            continue
        if name == "type":
            frame[name] = type_column(found[name], type_lookup(system))
        else:
            frame[name] = text_column(found[name]).astype("str")
    for ind_id in system.indicator_ids:
        if ind_id not in found:
            continue
        p = numeric_column(found[ind_id])
        parsed[ind_id] = p
        frame[ind_id] = p.values
    return pd.DataFrame(frame, index=pd.RangeIndex(n_rows)), parsed


def add_number_problems(
    table: ProblemTable, parsed: Mapping[str, Parsed]
) -> None:
    """Add one problem per cell that is text but not a number."""
    for ind_id, p in parsed.items():
        unit = table.system.indicator(ind_id).unit
        for pos in np.flatnonzero(p.bad):
            text = str(p.original.iloc[pos])
            hint = ""
            if "," in text:
                hint = (
                    "; use '.' as the decimal mark (',' is accepted only "
                    "between groups of three digits, as in 1,234.5)"
                )
            elif text.rstrip().endswith(("%", "％")):
                hint = "; write the number without the % sign"
            table.add(
                int(pos),
                ind_id,
                text,
                "numeric",
                f"{table.who(int(pos))}, column {ind_id!r}: {text!r} is not "
                f"a number{hint} (unit {unit})",
            )
