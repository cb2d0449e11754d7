"""Reading ``[meta]``, ``[[type]]``, ``[[dimension]]`` and ``[[indicator]]``.

One function per section of an indicator file, over the helpers of
`clusterscore.system.keys`; each raises `ConfigError` naming the file and
the dotted key at fault.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from clusterscore._checks import short_repr
from clusterscore.system.keys import (
    ID_RE,
    Source,
    check_id,
    fields,
    fmt,
    named_entries,
    suggest,
)
from clusterscore.system.model import (
    DEFAULT_TYPE,
    FORMAT_VERSION,
    LEVEL_DIMENSIONS,
    RESERVED_COLUMNS,
    SUPPORTED_FORMAT_VERSIONS,
    ClusterType,
    Dimension,
    Indicator,
    Reference,
)

__all__ = [
    "read_dimensions",
    "read_indicators",
    "read_meta",
    "read_references",
    "read_types",
    "with_indicators",
]

_META = {
    "format_version": (int, True),
    "id": (str, True),
    "name": (str, True),
    "name_zh": (str, True),
    "description": (str, False),
    "source": (str, False),
}
_TYPE = {
    "id": (str, True),
    "name": (str, True),
    "name_zh": (str, True),
    "description": (str, False),
    "source": (str, True),
    "aliases": (list, False),
}
_REFERENCE = {
    "title": (str, True),
    "year": (int, True),
    "authors": (list, False),
    "journal": (str, False),
    "publisher": (str, False),
    "volume": (str, False),
    "issue": (str, False),
    "doi": (str, False),
    "url": (str, False),
    "note": (str, False),
}
_DIMENSION = {
    "id": (str, True),
    "name": (str, True),
    "name_zh": (str, True),
    "source": (str, True),
}
_INDICATOR = {
    "id": (str, True),
    "dimension": (str, True),
    "name": (str, True),
    "name_zh": (str, True),
    "unit": (str, True),
    "unit_zh": (str, False),
    "unit_aliases": (list, False),
    "direction": (str, True),
    "definition": (str, True),
    "lower": (float, False),
    "upper": (float, False),
    "lower_open": (bool, False),
    "integer": (bool, False),
    "source": (str, True),
    "derive": (dict, False),
}


def read_meta(src: Source) -> dict[str, Any]:
    """Check ``[meta]``; the format version first."""
    meta = src.doc.get("meta")
    if meta is None:
        raise src.fail(
            "meta",
            "missing required table [meta] (with format_version = "
            f"{FORMAT_VERSION}, id, name, name_zh).",
        )
    if not isinstance(meta, dict):
        raise src.fail("meta", f"must be a table [meta]; got {fmt(meta)}.")
    version = meta.get("format_version")
    if version is None:
        raise src.fail(
            "meta.format_version",
            f"missing required field 'format_version' in [meta] "
            f"(this clusterscore reads format_version = "
            f"{FORMAT_VERSION}).",
        )
    if not isinstance(version, int) or isinstance(version, bool):
        raise src.fail(
            "meta.format_version",
            f"'format_version' must be an integer; got {fmt(version)}.",
        )
    if version not in SUPPORTED_FORMAT_VERSIONS:
        supported = ", ".join(map(str, SUPPORTED_FORMAT_VERSIONS))
        raise src.fail(
            "meta.format_version",
            f"unsupported format_version {version}; this clusterscore "
            f"reads {{{supported}}}.",
        )
    out = fields(src, meta, "meta", _META, "[meta]")
    check_id(src, "meta.id", out["id"], ())
    return out


def read_references(src: Source) -> tuple[Reference, ...]:
    """Check ``[references.<key>]``: the publications sources cite."""
    table = src.doc.get("references", {})
    if not isinstance(table, dict):
        raise src.fail(
            "references",
            f"must be a table of tables, written [references.<key>]; got "
            f"{fmt(table)}.",
        )
    out = []
    for ref_key, entry in table.items():
        key = f"references.{ref_key}"
        if not ID_RE.match(ref_key):
            raise src.fail(
                key,
                f"reference key {short_repr(ref_key)} must be snake_case: a "
                f"lower-case letter followed by lower-case letters, digits "
                f"or '_'.",
            )
        if isinstance(entry, dict):  # volume = 24 is as good as "24"
            entry = {
                k: str(v) if k in ("volume", "issue") and type(v) is int else v
                for k, v in entry.items()
            }
        f = fields(src, entry, key, _REFERENCE, f"[{key}]")
        authors = f.get("authors", [])
        if not all(isinstance(a, str) and a.strip() for a in authors):
            raise src.fail(
                f"{key}.authors",
                'authors must be an array of names, e.g. ["Gan Yong", '
                '"Xie Man"].',
            )
        if not (f.get("journal") or f.get("publisher")):
            raise src.fail(
                key,
                "a reference needs a 'journal' or a 'publisher' (the web "
                "site or institution that issued it).",
            )
        out.append(
            Reference(
                key=ref_key,
                title=f["title"],
                year=f["year"],
                authors=tuple(a.strip() for a in authors),
                **{
                    k: f.get(k, "")
                    for k in (
                        "journal",
                        "publisher",
                        "volume",
                        "issue",
                        "doi",
                        "url",
                        "note",
                    )
                },
            )
        )
    return tuple(out)


def read_types(src: Source) -> tuple[ClusterType, ...]:
    """Check ``[[type]]``; no type word may name two types."""
    out = []
    words: dict[str, str] = {}
    for t in named_entries(src, "type", _TYPE, (DEFAULT_TYPE,)):
        aliases = t.get("aliases", [])
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            raise src.fail(
                f"{t['_key']}.aliases",
                "aliases must be an array of non-empty strings, e.g. "
                '["基础", "基础型"].',
            )
        for field_name, word in (
            ("id", t["id"]),
            ("name", t["name"]),
            ("name_zh", t["name_zh"]),
            *(("aliases", a) for a in aliases),
        ):
            norm = _type_word(word)
            other = words.get(norm)
            if other is not None and other != t["id"]:
                raise src.fail(
                    f"{t['_key']}.{field_name}",
                    f"type word {short_repr(word)} also names type "
                    f"{short_repr(other)}; a "
                    f"type cell must name one type, so an alias may "
                    f"belong to one type only.",
                )
            words[norm] = t["id"]
        out.append(
            ClusterType(
                id=t["id"],
                name=t["name"],
                name_zh=t["name_zh"],
                description=t.get("description", ""),
                source=src.cite(f"{t['_key']}.source", t["source"]),
                aliases=tuple(a.strip() for a in aliases),
            )
        )
    return tuple(out)


def _type_word(word: str) -> str:
    """Normalise a type word as type cells are matched (case, widths)."""
    text = unicodedata.normalize("NFKC", word).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def read_dimensions(src: Source) -> list[dict[str, Any]]:
    """Check ``[[dimension]]`` (indicators are attached by `with_indicators`).

    Return the checked fields of each entry, in file order.
    """
    return named_entries(src, "dimension", _DIMENSION, (LEVEL_DIMENSIONS,))


def read_indicators(
    src: Source, dims: list[dict[str, Any]]
) -> tuple[Indicator, ...]:
    """Check ``[[indicator]]``; return them grouped by dimension."""
    dim_ids = tuple(d["id"] for d in dims)
    by_dim: dict[str, list[Indicator]] = {d: [] for d in dim_ids}
    names_zh: dict[str, str] = {}
    for f in named_entries(src, "indicator", _INDICATOR, RESERVED_COLUMNS):
        key = f["_key"]
        if f["dimension"] not in dim_ids:
            raise src.fail(
                f"{key}.dimension",
                f"unknown dimension {short_repr(f['dimension'])}"
                f"{suggest(f['dimension'], dim_ids)}; the "
                f"[[dimension]] ids are {', '.join(dim_ids)}.",
            )
        if f["direction"] not in ("benefit", "cost"):
            raise src.fail(
                f"{key}.direction",
                f'direction must be "benefit" or "cost"; got '
                f"{short_repr(f['direction'])}.",
            )
        zh = f["name_zh"]
        if zh in names_zh:
            raise src.fail(
                f"{key}.name_zh",
                f"duplicate name_zh {short_repr(zh)} (also indicator "
                f"{short_repr(names_zh[zh])}); Chinese names must be unique "
                f"because input headers may use them.",
            )
        names_zh[zh] = f["id"]
        _check_bounds(src, key, f)
        aliases = f.get("unit_aliases", [])
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            raise src.fail(
                f"{key}.unit_aliases",
                "unit_aliases must be an array of non-empty strings, "
                'e.g. ["%", "百分比"].',
            )
        lower, upper = f.get("lower"), f.get("upper")
        by_dim[f["dimension"]].append(
            Indicator(
                id=f["id"],
                name=f["name"],
                name_zh=zh,
                unit=f["unit"],
                direction=f["direction"],
                dimension=f["dimension"],
                definition=f["definition"],
                lower=None if lower is None else float(lower),
                upper=None if upper is None else float(upper),
                lower_open=f.get("lower_open", False),
                integer=f.get("integer", False),
                source=src.cite(f"{key}.source", f["source"]),
                unit_zh=f.get("unit_zh", "").strip(),
                unit_aliases=tuple(a.strip() for a in aliases),
            )
        )
    return tuple(i for d in dim_ids for i in by_dim[d])


def _check_bounds(src: Source, key: str, f: dict[str, Any]) -> None:
    """Check an indicator's bounds: finite, ordered, a lower if open."""
    lower, upper = f.get("lower"), f.get("upper")
    for bound in ("lower", "upper"):
        v = f.get(bound)
        if v is not None and not math.isfinite(v):
            raise src.fail(
                f"{key}.{bound}",
                f"{bound!r} must be a finite number (leave it out "
                f"for no bound); got {short_repr(v)}.",
            )
    lower_open = f.get("lower_open", False)
    if lower_open and lower is None:
        raise src.fail(
            f"{key}.lower_open",
            "lower_open = true needs a 'lower' bound.",
        )
    if (
        lower is not None
        and upper is not None
        and (lower > upper or (lower_open and lower == upper))
    ):
        interval = (
            f"({lower}, {upper}]" if lower_open else f"[{lower}, {upper}]"
        )
        raise src.fail(
            f"{key}.lower",
            f"bounds {interval} are empty: lower must be below upper.",
        )


def with_indicators(
    src: Source,
    dims: list[dict[str, Any]],
    indicators: tuple[Indicator, ...],
) -> tuple[Dimension, ...]:
    """Return the dimensions with their indicators; none may be empty."""
    out = tuple(
        Dimension(
            id=d["id"],
            name=d["name"],
            name_zh=d["name_zh"],
            indicators=tuple(
                i.id for i in indicators if i.dimension == d["id"]
            ),
            source=src.cite(f"{d['_key']}.source", d["source"]),
        )
        for d in dims
    )
    for n, d in enumerate(out, 1):
        if not d.indicators:
            raise src.fail(
                f"dimension.{d.id}",
                f"dimension {short_repr(d.id)} (entry {n}) has no indicators; "
                f"every dimension needs at least one [[indicator]] "
                f"with dimension = {short_repr(d.id)}.",
            )
    return out
