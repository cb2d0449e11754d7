"""Checking the keys of an indicator file: the helpers every section uses.

A `Source` is a parsed file with the label its messages start with; every
check raises the `ConfigError` that `Source.fail` builds, so that each
message names the file and the dotted key at fault
(``'<file>: judgments[3].pairs[2]: <problem>'``). `fields` checks one
table against a ``{field: (type, required)}`` spec, `entries` returns an
array of tables, `named_entries` checks the entries of a table of things
with unique ids.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from clusterscore._checks import ECHO_LIMIT, short_repr
from clusterscore.errors import ConfigError
from clusterscore.system.model import Reference

__all__ = [
    "CITE_RE",
    "ID_RE",
    "Source",
    "Spec",
    "check_id",
    "entries",
    "fields",
    "fmt",
    "named_entries",
    "suggest",
]

Spec = Mapping[str, tuple[type, bool]]
"""``{field: (type, required)}``: the fields a table may have."""

ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
"""An id: snake_case, a lower-case letter first."""

CITE_RE = re.compile(r"\[@([^\]\s]+)(?:\s+([^\]]*?))?\s*\]")
"""A citation in a source: ``[@key]`` or ``[@key locator]``."""

_TYPE_NAMES = {
    str: "a string",
    bool: "a boolean (true/false)",
    int: "an integer",
    float: "a number",
    list: "an array",
    dict: "a table",
}


@dataclass(frozen=True)
class Source:
    """A parsed indicator file.

    Attributes
    ----------
    label : str
        The file as messages name it (``str()`` of the path).
    doc : Mapping
        The parsed TOML document.
    refs : Mapping
        The file's ``[references]``, by key, once read.
    """

    label: str
    doc: Mapping[str, Any]
    refs: Mapping[str, Reference] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def fail(self, key: str | None, problem: str) -> ConfigError:
        """Build the ConfigError ``'<file>: <key>: <problem>'``.

        A key longer than a message echoes (a table named by 10^5
        characters) is shown cut and quoted (`short_repr`).
        """
        shown = (
            key if key is None or len(key) <= ECHO_LIMIT else short_repr(key)
        )
        where = f"{self.label}: {shown}: " if key else f"{self.label}: "
        return ConfigError(where + problem, path=self.label, key=key)

    def cite(self, key: str, text: str) -> str:
        """Resolve every ``[@ref locator]`` of a source text.

        The first citation of a reference in `text` names the publication
        (author, year, title, journal) and the locator; later ones give
        author, year and locator. An unknown or malformed reference key
        raises, naming it.
        """
        seen: set[str] = set()

        def resolve(m: re.Match[str]) -> str:
            ref_key, locator = m.group(1), (m.group(2) or "").strip()
            ref = self.refs.get(ref_key)
            if ref is None:
                known = tuple(self.refs)
                listed = ", ".join(known) if known else "none"
                raise self.fail(
                    key,
                    f"unknown reference {short_repr(ref_key)} in [@{ref_key}]"
                    f"{suggest(ref_key, known)}; add "
                    f"[references.{ref_key or 'key'}] to the file "
                    f"(known references: {listed}).",
                )
            if ref_key in seen:
                return f"{ref.short}, {locator}" if locator else ref.short
            seen.add(ref_key)
            return ref.inline(locator)

        out = CITE_RE.sub(resolve, text)
        if "[@" in out:
            raise self.fail(
                key,
                "malformed citation: write [@key] or [@key locator], "
                "e.g. [@gan2022 §4.1].",
            )
        return out


def fmt(value: Any) -> str:
    """Format a TOML value for a message (a long one cut, `short_repr`)."""
    if isinstance(value, str):
        return short_repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return short_repr(value)


def suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` when a close match exists."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _type_ok(value: Any, kind: type) -> bool:
    """Whether `value` has the TOML type `kind`.

    Integers are accepted where a float is asked for; booleans are never
    accepted as numbers.
    """
    if kind is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, kind) and not (
        kind is not bool and isinstance(value, bool)
    )


def fields(
    src: Source, entry: Any, key: str, spec: Spec, what: str
) -> dict[str, Any]:
    """Check one table against ``{field: (type, required)}``.

    Unknown fields, missing required fields and wrong types raise, as do
    empty required strings. Return the fields present.
    """
    if not isinstance(entry, dict):
        raise src.fail(key, f"must be a table; got {fmt(entry)}.")
    for name in entry:
        if name not in spec:
            raise src.fail(
                f"{key}.{name}",
                f"unknown field {short_repr(name)} in {what}"
                f"{suggest(name, tuple(spec))}; allowed: "
                f"{', '.join(spec)}.",
            )
    out: dict[str, Any] = {}
    for name, (kind, required) in spec.items():
        if name not in entry:
            if required:
                raise src.fail(
                    f"{key}.{name}",
                    f"missing required field {short_repr(name)} in {what}.",
                )
            continue
        value = entry[name]
        if not _type_ok(value, kind):
            raise src.fail(
                f"{key}.{name}",
                f"{short_repr(name)} must be {_TYPE_NAMES[kind]}; got "
                f"{fmt(value)}.",
            )
        if kind is str and required and not value.strip():
            raise src.fail(
                f"{key}.{name}", f"{short_repr(name)} must not be empty."
            )
        out[name] = value
    return out


def entries(src: Source, table: str, required: bool) -> list[Any]:
    """Return the array of tables `table` (``[[table]]``)."""
    value = src.doc.get(table)
    if value is None:
        if required:
            raise src.fail(
                table,
                f"missing required table [[{table}]] (at least one "
                f"entry is needed).",
            )
        return []
    if not isinstance(value, list):
        raise src.fail(
            table,
            f"must be an array of tables, written [[{table}]]; got "
            f"{fmt(value)}.",
        )
    return value


def check_id(
    src: Source, key: str, value: str, reserved: tuple[str, ...]
) -> None:
    """Check an id's syntax and that it is not a reserved word."""
    if not ID_RE.match(value):
        raise src.fail(
            key,
            f"id {short_repr(value)} must be snake_case: a lower-case letter "
            f"followed by lower-case letters, digits or '_'.",
        )
    if value in reserved:
        raise src.fail(
            key,
            f"id {short_repr(value)} is reserved; do not use "
            f"{', '.join(map(repr, reserved))}.",
        )


def named_entries(
    src: Source, table: str, spec: Spec, reserved: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Check the entries of a required table of things with unique ids.

    Each entry's key is ``<table>.<id>`` when its id is well formed, else
    ``<table>[<n>]``; it is returned under ``"_key"``.
    """
    seen: dict[str, int] = {}
    out = []
    for n, entry in enumerate(entries(src, table, True), 1):
        raw_id = entry.get("id") if isinstance(entry, dict) else None
        key = (
            f"{table}.{raw_id}"
            if isinstance(raw_id, str) and ID_RE.match(raw_id)
            else f"{table}[{n}]"
        )
        f = fields(src, entry, key, spec, f"[[{table}]] entry {n}")
        check_id(src, f"{key}.id", f["id"], reserved)
        if f["id"] in seen:
            raise src.fail(
                f"{key}.id",
                f"duplicate {table} id {short_repr(f['id'])} (entries "
                f"{seen[f['id']]} and {n}).",
            )
        seen[f["id"]] = n
        f["_key"] = key
        out.append(f)
    return out
