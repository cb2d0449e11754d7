"""The Chinese wording of the warnings the command line prints.

The library warns in English (`ClusterScoreWarning` and its kinds); with
``--lang zh`` the command line prints each warning it knows in Chinese,
read from its English form with the patterns of the one catalogue,
`clusterscore.present.messages.WARNING_PATTERNS`, and with indicator and
cluster-type ids given their Chinese names from the system. A warning no
pattern knows is printed as it is, after the Chinese word for "warning".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from clusterscore.present.messages import SEGMENT_WORDS, WARNING_PATTERNS

if TYPE_CHECKING:
    from clusterscore.system import IndicatorSystem

__all__ = ["zh_warning"]

_QUOTED = re.compile(r"'([^']*)'")
_SEGMENT = re.compile(
    r"^(?:cluster type '(?P<type>[^']*)')?(?: in )?(?:year (?P<year>\S+))?$"
)


def _named(text: str, names: dict[str, str]) -> str:
    """Give each quoted id its Chinese name: 「名称」（id）."""

    def one(m: re.Match[str]) -> str:
        zh = names.get(m[1])
        return f"「{zh}」（{m[1]}）" if zh else m[0]

    return _QUOTED.sub(one, text)


def _segment(text: str, types: dict[str, str]) -> str:
    """Word the rows a warning is about: the table, a type, a year."""
    if text == "the table":
        return SEGMENT_WORDS["table"]
    m = _SEGMENT.match(text)
    if m is None or not (m["type"] or m["year"]):
        return text
    name = types.get(m["type"] or "", m["type"] or "")
    if m["type"] and m["year"]:
        return SEGMENT_WORDS["year_type"].format(year=m["year"], name=name)
    if m["year"]:
        return SEGMENT_WORDS["year"].format(year=m["year"])
    return SEGMENT_WORDS["type"].format(name=name)


def zh_warning(text: str, system: IndicatorSystem | None = None) -> str:
    """Return the Chinese wording of the warning `text` (else `text`).

    Parameters
    ----------
    text : str
        The warning's English message.
    system : IndicatorSystem, optional
        Gives the Chinese names of the indicators and cluster types the
        warning names.

    Returns
    -------
    str
        The warning in Chinese, without the ``clusterscore: 警告：``
        prefix; the English text where no pattern knows the warning.
    """
    names: dict[str, str] = {}
    types: dict[str, str] = {}
    if system is not None:
        names = {i.id: i.name_zh for i in system.indicators if i.name_zh}
        types = {t.id: t.name_zh for t in system.types if t.name_zh}
    for pattern, template in WARNING_PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        fields = {k: v or "" for k, v in m.groupdict().items()}
        for key in ("columns", "shown"):
            if key in fields:
                named = _named(fields[key], names)
                fields[key] = named.replace(", ", SEGMENT_WORDS["list_sep"])
        if "more" in fields:
            n = fields["more"]
            fields["more"] = SEGMENT_WORDS["more"].format(n=n) if n else ""
        if "objective" in fields:
            o = fields["objective"]
            fields["objective"] = SEGMENT_WORDS.get(o, o)
        if "segment" in fields:
            fields["segment"] = _segment(fields["segment"], types)
            fields["reason"] = (
                SEGMENT_WORDS["single"]
                if fields.pop("single")
                else SEGMENT_WORDS["why"].format(detail=fields["why"])
            )
        return template.format(**fields)
    return text
