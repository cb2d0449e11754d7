"""A gap diagnosis laid out for a person: plain text and Markdown.

`diagnosis_text` and `diagnosis_markdown` lay out a
`clusterscore.gaps.Diagnosis` (data only) in English or Chinese, with the
words of `clusterscore.present.labels`. Importing this module registers
them as the renderers behind `Diagnosis.to_text` and
`Diagnosis.to_markdown` (gaps sits below present and cannot import it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from clusterscore._checks import check_option
from clusterscore.gaps import (
    SEVERITIES,
    Diagnosis,
    format_attainment,
    format_value,
    set_diagnosis_renderer,
)
from clusterscore.present.labels import (
    LANGS,
    describe_benchmark,
    label,
    severity_label,
)
from clusterscore.present.text import display_width, pad, wrap

__all__ = ["diagnosis_markdown", "diagnosis_text"]

_NOT_COMPARED = SEVERITIES[4:]  # "no target", "no data"

_TREND_WORDS = {
    # the panel words; to be moved into present.labels.TERMS, the one
    # catalogue, when that file is next edited (another helper's file)
    "year": {"en": "Year", "zh": "年份"},
    "trend": {
        "en": "Attainment trend by dimension (change: last year minus "
        "first, in points)",
        "zh": "各维度达标率趋势（变化：末年减首年，百分点）",
    },
    "change": {"en": "change", "zh": "变化"},
}


def _tw(key: str, lang: str) -> str:
    """Return a panel word (`_TREND_WORDS`) in `lang`."""
    return _TREND_WORDS[key][lang]


def _title(w: _Words) -> str:
    """Return the title: the cluster, and the year on a panel."""
    d = w.diagnosis
    year = "" if d.year is None else f" ({_tw('year', w.lang)} {d.year})"
    return f"{w('title')}: {d.cluster}{year}"


def _points(x: float) -> str:
    """Format a change of attainment in percentage points (+3.2 pp)."""
    if x != x or x in (float("inf"), float("-inf")):
        return "—"
    return f"{100 * x:+.1f} pp"


def _text_trend(w: _Words) -> list[str]:
    """Return the attainment trend of each dimension (a panel only)."""
    trend = w.diagnosis.trend
    if trend is None:
        return []
    years = [c for c in trend.columns if c != "change"]
    names = [w.dim[d] for d in trend.index]
    wname = max(map(display_width, names), default=0)
    head = "  " + pad("", wname) + "".join(f"  {y:>7}" for y in years)
    out = ["", _tw("trend", w.lang), head + f"  {_tw('change', w.lang)}"]
    for name, (_, row) in zip(names, trend.iterrows(), strict=True):
        cells = "".join(f"  {format_attainment(row[y]):>7}" for y in years)
        out.append(f"  {pad(name, wname)}{cells}  {_points(row['change'])}")
    return out


def _md_trend(w: _Words) -> list[str]:
    """Return the attainment trend as a Markdown table (a panel only)."""
    trend = w.diagnosis.trend
    if trend is None:
        return []
    years = [c for c in trend.columns if c != "change"]
    cols = " | ".join(str(y) for y in years)
    out = [
        "",
        f"### {_tw('trend', w.lang)}",
        "",
        f"| {w('dimension')} | {cols} | {_tw('change', w.lang)} |",
        "| --- |" + " ---: |" * (len(years) + 1),
    ]
    for d, row in trend.iterrows():
        cells = " | ".join(format_attainment(row[y]) for y in years)
        out.append(f"| {w.dim[str(d)]} | {cells} | {_points(row['change'])} |")
    return out


@dataclass(frozen=True)
class _Words:
    """The words of one diagnosis in one language."""

    diagnosis: Diagnosis
    lang: str
    ind: dict[str, str]
    dim: dict[str, str]
    typ: dict[str, str]

    @classmethod
    def of(cls, diagnosis: Diagnosis, lang: str) -> _Words:
        zh = lang == "zh"
        system = diagnosis.system

        def names(items: Iterable[Any]) -> dict[str, str]:
            return {x.id: (x.name_zh if zh else x.name) or x.id for x in items}

        return cls(
            diagnosis,
            lang,
            names(system.indicators),
            names(system.dimensions),
            names(system.types),
        )

    def __call__(self, key: str) -> str:
        return label(key, self.lang)

    def sev(self, severity: str) -> str:
        return severity_label(severity, self.lang)

    def bounds(self) -> str:
        """Describe the severity bounds."""
        upper, lower = self.diagnosis.bounds
        sev = self.sev
        return (
            f"{self('bounds')}: {sev('none')} >= 1, {sev('minor')} >= "
            f"{upper:g}, {sev('major')} >= {lower:g}, {sev('critical')} "
            f"< {lower:g}"
        )

    def cluster_type(self, code: str) -> str:
        """Name the cluster's type, its id in `code` quotes."""
        ctype = self.diagnosis.cluster_type
        return f"{self('cluster_type')}: {self.typ.get(ctype, ctype)} ({code})"

    def benchmark(self) -> str:
        """Say where the targets come from."""
        text = describe_benchmark(self.diagnosis.benchmark, self.lang)
        return f"{self('benchmark')}: {text}"

    def weakest(self) -> list[str]:
        """Name each dimension below target with its attainment."""
        dims = self.diagnosis.dimensions
        att = dict(zip(dims["dimension"], dims["attainment"], strict=True))
        return [
            f"{self.dim[d]} ({format_attainment(float(att[d]))})"
            for d in self.diagnosis.weakest
        ]

    def no_weak(self) -> str:
        """Say why no dimension is weak: all met, or nothing compared.

        "Every target is met" only where some indicator was compared;
        where the benchmark has no target at all for the cluster's type
        (or no indicator has both a target and a value) it says so.
        """
        severity = self.diagnosis.gaps["severity"]
        if not severity.isin(_NOT_COMPARED).all():
            return self("no_weak")
        if severity.eq("no target").all():
            return self("no_targets")
        return self("none_compared")

    def unit(self, indicator: str) -> str:
        """Return an indicator's unit in the language (`unit_zh` in zh)."""
        ind = self.diagnosis.system.indicator(indicator)
        return (ind.unit_zh or ind.unit) if self.lang == "zh" else ind.unit

    def rec_head(self, r: Any) -> str:
        """Name a recommendation row: dimension, and indicator if any."""
        head = self.dim.get(r.dimension, r.dimension)
        return f"{head} / {self.ind[r.indicator]}" if r.indicator else head

    def rec_text(self, r: Any) -> str:
        """Return a recommendation's text (English where zh is missing)."""
        text = (r.text_zh or r.text) if self.lang == "zh" else r.text
        return text if text else self("no_text")

    def reason(self, r: Any) -> str:
        """Say why a recommendation applies."""
        if self.lang != "zh":
            return str(r.reason)
        pct = format_attainment(r.attainment)
        if r.indicator:
            return self("reason_indicator").format(
                indicator=self.ind[r.indicator], attainment=pct
            )
        prefix = label("reason_critical", "en").format(names="")
        if r.reason.startswith(prefix):
            names = r.reason[len(prefix) :].split(label("list_sep", "en"))
            return self("reason_critical").format(
                names=self("list_sep").join(self.ind.get(n, n) for n in names)
            )
        return self("reason_dimension").format(attainment=pct)


# --------------------------------------------------------------------------
# plain text
# --------------------------------------------------------------------------


def _text_dimensions(w: _Words) -> list[str]:
    dims = w.diagnosis.dimensions
    names = [w.dim[d] for d in dims["dimension"]]
    wname = max(map(display_width, names), default=0)
    wsev = max(display_width(w.sev(x)) for x in SEVERITIES)
    return [
        f"  {pad(name, wname)}  {format_attainment(r.attainment):>7}  "
        f"{pad(w.sev(r.severity), wsev)}  {r.n_gaps}/{r.n_indicators}"
        f" {w('short')}"
        for name, r in zip(
            names,
            cast("Iterable[Any]", dims.itertuples(index=False)),
            strict=True,
        )
    ]


def _text_weakest(w: _Words) -> list[str]:
    weak = w.weakest()
    out = ["", f"{w('weakest')}: " + (weak[0] if weak else w.no_weak())]
    if len(weak) > 1:
        out.append(f"{w('also')}: " + ", ".join(weak[1:]))
    return out


def _text_top(w: _Words) -> list[str]:
    top = w.diagnosis.top_gaps
    out = ["", w("top")]
    if not len(top):
        out.append(f"  {w('no_top')}")
    for r in cast("Iterable[Any]", top.itertuples(index=False)):
        unit = w.unit(r.indicator)
        out.append(
            f"  {r.rank}. {w.ind[r.indicator]} [{w.dim[r.dimension]}]: "
            f"{format_value(r.value)}{w('vs')}{format_value(r.target)} "
            f"{unit} -> {format_attainment(r.attainment)} "
            f"({w.sev(r.severity)}), {w('priority')} {r.priority:.4f}"
        )
    return out


def _text_recommendations(w: _Words, width: int) -> list[str]:
    recs = w.diagnosis.recommendations
    out = ["", w("recs")]
    if not len(recs):
        out.append(f"  {w('no_recs')}")
    for r in cast("Iterable[Any]", recs.itertuples(index=False)):
        out.append(
            f"  - {w.rec_head(r)} ({w.sev(r.severity)}; {w.reason(r)}):"
        )
        out += wrap(w.rec_text(r), width, "    ", "    ")
        if r.source:
            out += wrap(f"{w('source')}: {r.source}", width, "    ", "      ")
    return out


def _text_missing(w: _Words) -> list[str]:
    gaps = w.diagnosis.gaps
    missing = gaps[gaps["severity"].isin(_NOT_COMPARED)]
    if not len(missing):
        return []
    cells = zip(missing["indicator"], missing["severity"], strict=True)
    return [
        "",
        f"{w('missing')}: "
        + ", ".join(f"{w.ind[i]} ({w.sev(s)})" for i, s in cells),
    ]


def diagnosis_text(
    diagnosis: Diagnosis, lang: str = "en", width: int = 78
) -> str:
    """Lay out a diagnosis as readable text (``Diagnosis.to_text``).

    Parameters
    ----------
    diagnosis : clusterscore.gaps.Diagnosis
        One cluster's diagnosis (`clusterscore.gaps.diagnose`).
    lang : {"en", "zh"}
        English names and texts, or Chinese names and ``text_zh``
        (the English text where the file has no Chinese one).
    width : int
        Wrap recommendation texts at this width (terminal columns; wide
        characters count two).

    Returns
    -------
    str
        Header (type, benchmark, severity bounds; the year on a panel),
        the dimensions with their weighted attainment, on a panel the
        attainment trend of each dimension over the years, the weakest
        dimensions, the top gaps,
        the recommendations and the indicators not compared; no final
        newline.
    """
    check_option("diagnosis_text", "lang", lang, LANGS)
    w = _Words.of(diagnosis, lang)
    out = [
        _title(w),
        w.cluster_type(diagnosis.cluster_type),
        w.benchmark(),
        w.bounds(),
        "",
        w("dims_intro"),
        *_text_dimensions(w),
        *_text_trend(w),
        *_text_weakest(w),
        *_text_top(w),
        *_text_recommendations(w, width),
        *_text_missing(w),
    ]
    return "\n".join(out)


# --------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------


def _md_dimensions(w: _Words) -> list[str]:
    out = [
        "",
        f"### {w('dims_heading')}",
        "",
        f"| {w('dimension')} | {w('attainment')} | {w('severity_heading')} "
        f"| {w('n_short')} |",
        "| --- | ---: | --- | ---: |",
    ]
    out += [
        f"| {w.dim[r.dimension]} | {format_attainment(r.attainment)} | "
        f"{w.sev(r.severity)} | {r.n_gaps}/{r.n_indicators} |"
        for r in cast(
            "Iterable[Any]", w.diagnosis.dimensions.itertuples(index=False)
        )
    ]
    return out


def _md_top(w: _Words) -> list[str]:
    top = w.diagnosis.top_gaps
    out = ["", f"### {w('top')}", ""]
    if not len(top):
        return [*out, w("no_top")]
    out += [
        f"| # | {w('indicator')} | {w('dimension')} | "
        f"{w('value')} | {w('target')} | {w('attainment')} | "
        f"{w('severity_heading')} | {w('priority')} |",
        "| ---: | --- | --- | ---: | ---: | ---: | --- | ---: |",
    ]
    out += [
        f"| {r.rank} | {w.ind[r.indicator]} | {w.dim[r.dimension]} | "
        f"{format_value(r.value)} | {format_value(r.target)} | "
        f"{format_attainment(r.attainment)} | {w.sev(r.severity)} | "
        f"{r.priority:.4f} |"
        for r in cast("Iterable[Any]", top.itertuples(index=False))
    ]
    return out


def _md_recommendations(w: _Words) -> list[str]:
    recs = w.diagnosis.recommendations
    out = ["", f"### {w('recs')}", ""]
    if not len(recs):
        out.append(w("no_recs"))
    for r in cast("Iterable[Any]", recs.itertuples(index=False)):
        line = (
            f"- **{w.rec_head(r)}** ({w.sev(r.severity)}; {w.reason(r)}): "
            f"{w.rec_text(r)}"
        )
        if r.source:
            line += f" *{w('source')}: {r.source}*"
        out.append(line)
    return out


def diagnosis_markdown(diagnosis: Diagnosis, lang: str = "en") -> str:
    """Lay out a diagnosis as Markdown (``Diagnosis.to_markdown``).

    Parameters
    ----------
    diagnosis : clusterscore.gaps.Diagnosis
        One cluster's diagnosis (`clusterscore.gaps.diagnose`).
    lang : {"en", "zh"}
        As in `diagnosis_text`.

    Returns
    -------
    str
        A level-2 heading, a list (type, benchmark, bounds, weakest
        dimensions), tables of the dimensions and the top gaps, and the
        recommendations as a list; ends with a newline.
    """
    check_option("diagnosis_markdown", "lang", lang, LANGS)
    w = _Words.of(diagnosis, lang)
    weak = w.weakest()
    out = [
        f"## {_title(w)}",
        "",
        "- " + w.cluster_type(f"`{diagnosis.cluster_type}`"),
        "- " + w.benchmark(),
        "- " + w.bounds(),
        f"- {w('weakest')}: " + (", ".join(weak) if weak else w.no_weak()),
        *_md_dimensions(w),
        *_md_trend(w),
        *_md_top(w),
        *_md_recommendations(w),
    ]
    return "\n".join(out) + "\n"


set_diagnosis_renderer("text", diagnosis_text)
set_diagnosis_renderer("markdown", diagnosis_markdown)
