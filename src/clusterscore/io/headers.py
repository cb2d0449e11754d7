"""Header matching: which column of a table is which column of the system.

A header is compared after `header_key` normalises it (NFKC, so full-width
forms become half-width; BOM and zero-width characters removed; case
folded; whitespace and quote marks removed). An indicator column may be
headed by its id, its Chinese name or its English name; a text column by
any of its `TEXT_COLUMN_ALIASES`. An indicator header may end in its
unit in brackets (``主导产业产值（十亿元）``, ``R&D intensity (%)``): the
name before the brackets is matched as above and the unit must be one of
the indicator's `unit`, `unit_zh` or `unit_aliases` (`unit_keys`), else the
column is refused by name. `collect_columns` matches a table's
headers, `close_headers` finds the unknown headers that look like a
misspelt missing column.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from clusterscore._checks import short_repr
from clusterscore.system import Indicator, IndicatorSystem

__all__ = [
    "OPTIONAL_TEXT_COLUMNS",
    "REQUIRED_TEXT_COLUMNS",
    "TEXT_COLUMNS",
    "TEXT_COLUMN_ALIASES",
    "YEAR_COLUMN",
    "Columns",
    "close_headers",
    "collect_columns",
    "column_items",
    "header_key",
    "header_keys",
    "split_unit",
    "unit_keys",
]

REQUIRED_TEXT_COLUMNS: tuple[str, ...] = ("cluster", "type")
"""The text columns every input table must have."""

OPTIONAL_TEXT_COLUMNS: tuple[str, ...] = ("region", "province")
"""The text columns an input table may have."""

TEXT_COLUMNS: tuple[str, ...] = REQUIRED_TEXT_COLUMNS + OPTIONAL_TEXT_COLUMNS
"""Every text column, in the order of a validated table."""

YEAR_COLUMN = "year"
"""The optional integer column that makes a table a panel (one row per
cluster and year; ``(cluster, year)`` is then the unique key)."""

TEXT_COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "cluster": ("cluster", "cluster_name", "name", "集群", "集群名称", "名称"),
    "type": ("type", "cluster_type", "类型", "集群类型"),
    "region": ("region", "区域", "地区"),
    "province": ("province", "省份", "省", "省市"),
    YEAR_COLUMN: ("year", "年份", "年度", "年"),
}
"""Headers accepted for the text columns and the ``year`` column (matched
as `header_key` does)."""

_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"))
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
_QUOTES_AND_SPACE = re.compile(r"[\s\"'“”‘’「」『』]+")
_UNIT_SUFFIX = re.compile(
    r"^(.*?\S)\s*[(\[【〔]\s*([^()\[\]【】〔〕]*?)\s*[)\]】〕]$"
)


def header_key(header: Any) -> str:
    """Normalise a header for matching.

    NFKC (full-width -> half-width), invisible characters (BOM, zero-width)
    removed, case folded, whitespace and quote marks removed.
    """
    text = unicodedata.normalize("NFKC", str(header)).translate(_INVISIBLE)
    return _QUOTES_AND_SPACE.sub("", text.casefold())


def header_keys(text: pd.Series) -> pd.Series:
    """Return `header_key` of every text of `text` (vectorised)."""
    return (
        text.str.normalize("NFKC")
        .str.replace(_INVISIBLE_RE, "", regex=True)
        .str.casefold()
        .str.replace(_QUOTES_AND_SPACE, "", regex=True)
    )


def split_unit(header: Any) -> tuple[str, str] | None:
    """Split ``"name (unit)"`` into ``(name, unit)``; None without a unit.

    The unit is the text in the last pair of brackets ending the header:
    half-width ``()`` or ``[]``, full-width ``（）`` or ``［］`` (NFKC makes
    them half-width), or ``【】``; spaces around it are ignored. Empty
    brackets are no unit.
    """
    text = unicodedata.normalize("NFKC", str(header)).translate(_INVISIBLE)
    match = _UNIT_SUFFIX.match(text.strip())
    if match is None or not match.group(2):
        return None
    return match.group(1).strip(), match.group(2)


def unit_keys(indicator: Indicator) -> frozenset[str]:
    """Return the `header_key` of every unit a header may give."""
    units = (indicator.unit, indicator.unit_zh, *indicator.unit_aliases)
    return frozenset(header_key(u) for u in units if u)


def _header_lookup(system: IndicatorSystem) -> dict[str, str]:
    """Map normalised header keys to canonical column names."""
    lookup: dict[str, str] = {}
    for canonical, aliases in TEXT_COLUMN_ALIASES.items():
        for alias in aliases:
            lookup.setdefault(header_key(alias), canonical)
    for ind in system.indicators:
        for name in (ind.id, ind.name_zh, ind.name):
            if name:
                lookup.setdefault(header_key(name), ind.id)
    return lookup


def _is_blank(s: pd.Series) -> bool:
    """Whether every cell of `s` is missing or blank text."""
    if s.isna().all():
        return True
    return bool((s.astype("str").str.strip().fillna("") == "").all())


@dataclass
class Columns:
    """The columns of a table, matched to the system's."""

    found: dict[str, pd.Series] = field(default_factory=dict)
    """Canonical name -> the column's values (the first one found)."""
    extras: list[str] = field(default_factory=list)
    """Headers the system does not know (dropped with a warning)."""
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    """(canonical name, header, message) of a second header for a column."""
    unit_conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    """(indicator id, header, message) of a header whose bracketed unit is
    not the indicator's unit (the column is still matched)."""

    @property
    def unmatched(self) -> list[str]:
        """The named extras: candidates for a misspelt missing column."""
        return [e for e in self.extras if not e.startswith("<")]


def collect_columns(
    items: Sequence[tuple[Any, pd.Series]], system: IndicatorSystem
) -> Columns:
    """Match the headers of (header, values) pairs to canonical columns.

    An empty column with an empty header (Excel leaves these) is skipped.
    A header that matches no column whole but is an indicator's name with
    a unit in brackets (`split_unit`) gives that indicator; a unit that is
    not the indicator's is recorded in `Columns.unit_conflicts`.
    """
    lookup = _header_lookup(system)
    columns = Columns()
    header_of: dict[str, str] = {}
    for position, (header, series) in enumerate(items, start=1):
        canonical = lookup.get(header_key(header))
        if canonical is None:
            canonical = _unit_header(header, lookup, system, columns)
        if canonical is None:
            if header_key(header) == "" and _is_blank(series):
                continue  # an empty, unnamed column (Excel leaves these)
            columns.extras.append(
                str(header).strip() or f"<unnamed column {position}>"
            )
            continue
        if canonical in columns.found:
            columns.duplicates.append(
                (
                    canonical,
                    str(header),
                    f"columns {short_repr(header_of[canonical])} and "
                    f"{short_repr(str(header))} "
                    f"both give column {canonical!r}; keep only one of them "
                    f"(the first is used)",
                )
            )
            continue
        columns.found[canonical] = series
        header_of[canonical] = str(header)
    return columns


def _unit_header(
    header: Any,
    lookup: dict[str, str],
    system: IndicatorSystem,
    columns: Columns,
) -> str | None:
    """Return the indicator a ``name (unit)`` header names, or None.

    A unit contradicting the indicator's is added to `columns`.
    """
    parts = split_unit(header)
    if parts is None:
        return None
    name, unit = parts
    canonical = lookup.get(header_key(name))
    if canonical is None or canonical not in system.indicator_ids:
        return None
    ind = system.indicator(canonical)
    if header_key(unit) not in unit_keys(ind):
        units = (ind.unit, ind.unit_zh, *ind.unit_aliases)
        expected = list(dict.fromkeys(u for u in units if u))
        columns.unit_conflicts.append(
            (
                canonical,
                str(header),
                f"column {short_repr(str(header))} gives unit "
                f"{short_repr(unit)}, but "
                f"indicator {canonical!r} is measured in "
                f"{' / '.join(repr(u) for u in expected)}; convert the "
                f"values and write one of these units (or none)",
            )
        )
    return canonical


def close_headers(
    canonical: str, system: IndicatorSystem, unmatched: Sequence[str]
) -> list[str]:
    """Headers in the table that look like a misspelt `canonical`."""
    if canonical in TEXT_COLUMN_ALIASES:
        targets = list(TEXT_COLUMN_ALIASES[canonical])
    else:
        ind = system.indicator(canonical)
        targets = [ind.id, ind.name_zh, ind.name]
    keys = {header_key(h): h for h in unmatched}
    close: list[str] = []
    for target in targets:
        for key in difflib.get_close_matches(
            header_key(target), list(keys), n=3, cutoff=0.75
        ):
            if keys[key] not in close:
                close.append(keys[key])
    return close


def column_items(df: pd.DataFrame) -> list[tuple[Any, pd.Series]]:
    """Return the (header, values) pairs of `df`'s columns.

    When `df` has no cluster column but its index is named like one
    (``cluster``, ``集群``, ...), the index comes first as ``cluster``.
    """
    items: list[tuple[Any, pd.Series]] = list(df.items())
    keys = {header_key(h) for h, _ in items}
    cluster_keys = {header_key(a) for a in TEXT_COLUMN_ALIASES["cluster"]}
    index_name = df.index.name
    if (
        index_name is not None
        and header_key(index_name) in cluster_keys
        and not keys & cluster_keys
    ):
        items.insert(0, ("cluster", df.index.to_series()))
    return items
