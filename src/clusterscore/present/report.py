"""The evaluation report: one self-contained HTML file, or Markdown.

``report(ev, "report.html")`` writes a page that opens from a USB stick:
every figure inline as SVG (text kept as text, so the browser renders
Chinese with its own fonts), the style sheet and the script inline, and a
Content-Security-Policy that forbids every network request. Sections: a
summary (what, how, when, version, the input's SHA-256), the ranking
table (sortable), the ranking and weights figures, the what-if weighting
(a slider for the AHP share alpha, and the dimension weights, recomputing
scores and ranks in the page), the judgment matrices with their CR, the
gap heat map, one section per cluster (radar, top gaps, recommendations
with their sources), the uncertainty of the ranking, and the methodology
with its references. ``format="markdown"`` writes the same content as
Markdown with the figures as PNG files beside it.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from clusterscore import plot as _plot
from clusterscore._atomic import write_text_atomic
from clusterscore._checks import check_instance, check_option, short_repr
from clusterscore._choices import DEFAULT_SAMPLES, REPORT_FORMATS
from clusterscore.errors import ClusterScoreError, ParameterError
from clusterscore.gaps import recommendations, top_gaps
from clusterscore.judgments import MAX_CR
from clusterscore.present import report_md
from clusterscore.present.report_data import (
    fraction,
    judgment_matrices,
    sha256_of,
    whatif_payload,
)
from clusterscore.present.report_text import METHODOLOGY, REFERENCES, TEXT
from clusterscore.uncertainty import sensitivity, uncertainty

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from clusterscore.scoring import Evaluation
    from clusterscore.uncertainty.results import (
        SensitivityResult,
        UncertaintyResult,
    )

__all__ = [
    "DEFAULT_SAMPLES",
    "REPORT_FORMATS",
    "Context",
    "build_html",
    "report",
    "run_uncertainty",
]

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:; font-src data:"
)
"""No request to any address: everything the page needs is in it."""

e = html.escape


class Context:
    """Everything one report shows, computed once for HTML and Markdown."""

    def __init__(
        self,
        ev: Evaluation,
        *,
        lang: str,
        samples: int,
        seed: int,
        sobol: int,
        source: str | os.PathLike[str] | None,
        date: str | None,
        top_k: int = 5,
    ) -> None:
        self.ev = ev
        self.lang = lang
        self.t = TEXT[lang]
        self.names = _plot.Names(ev.system, lang)
        self.source = None if source is None else str(source)
        self.sha, self.sha_is_file = sha256_of(source, ev.table)
        self.date = date or _dt.datetime.now(_dt.UTC).strftime(
            "%Y-%m-%d %H:%M UTC"
        )
        self.samples, self.seed, self.sobol = samples, seed, sobol
        self.matrices = judgment_matrices(ev)
        self.top = top_gaps(
            ev.table,
            ev.system,
            k=top_k,
            allow_missing=ev.options["missing"] != "refuse",
        )
        self.recs = recommendations(
            ev.table,
            ev.system,
            allow_missing=ev.options["missing"] != "refuse",
        )
        self.payload, self.whatif_reason = whatif_payload(ev)
        self.unc, self.sens, self.unc_reason = run_uncertainty(
            ev, samples, seed, sobol
        )

    def type_name(self, t: str) -> str:
        """Return the cluster type's name in the report's language."""
        return self.names.type(t)

    def sev(self, s: str) -> str:
        """Return a severity in the report's language."""
        return self.t.get(s, s)


def run_uncertainty(
    ev: Evaluation, samples: int, seed: int, sobol: int
) -> tuple[UncertaintyResult | None, SensitivityResult | None, str]:
    """Run `uncertainty` (and `sensitivity`) with the evaluation's options.

    Returns (UncertaintyResult or None, SensitivityResult or None, reason).
    """
    if samples <= 0:
        return None, None, "--samples 0"
    o = ev.options
    if o["by_type"]:
        return None, None, "by_type=True"
    kw: dict[str, Any] = {
        "weighting": o["weighting"],
        "combine": o["combine"],
        "methods": (o["method"],),
        "normalizations": (o["normalization"],),
        "missing": o["missing"],
    }
    # the objective, RI table, CR threshold and the method's own option
    # (GRA's rho, VIKOR's v) the ranking used
    own = ("objective", "ri", "max_cr", "rho", "v")
    kw.update({k: o[k] for k in own if k in o})
    if o["combine"] == "linear":
        a = float(o["alpha"])
        kw["alpha"] = a
        kw["alpha_range"] = (max(0.0, a - 0.2), min(1.0, a + 0.2))
    try:
        u = uncertainty(ev.table, ev.system, samples, seed, **kw)
    except ClusterScoreError as exc:
        return None, None, str(exc)
    sens = None
    if sobol > 0:
        try:
            sens = sensitivity(
                ev.table, ev.system, sobol, seed, n_boot=200, **kw
            )
        except ClusterScoreError:
            sens = None
    return u, sens, ""


# --------------------------------------------------------------------------
# HTML pieces
# --------------------------------------------------------------------------


def _svg(fig: Figure) -> str:
    return _plot.svg_text(fig)


def _figure(fig: Figure, caption: str = "", fid: str = "") -> str:
    ident = f' id="{e(fid)}"' if fid else ""
    cap = f"<figcaption>{e(caption)}</figcaption>" if caption else ""
    return f'<figure class="cs-figure"{ident}>{_svg(fig)}{cap}</figure>'


def _num(x: Any, fmt: str = ".2f") -> str:
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return '<td class="num" data-v="">-</td>'
    return f'<td class="num" data-v="{float(x)!r}">{format(x, fmt)}</td>'


def _summary(c: Context) -> str:
    ev, t = c.ev, c.t
    types = ev.ranking["type"].value_counts()
    type_text = ", ".join(
        f"{types[k]} {c.type_name(k)}"
        for k in ev.system.cluster_types
        if k in types
    )
    system = ev.system.name or ev.system.id
    if c.lang == "zh" and getattr(ev.system, "name_zh", None):
        system = ev.system.name_zh
    what = t["evaluated_text"].format(
        n=len(ev.ranking),
        types=type_text,
        k=len(ev.weights.index.unique()),
        d=len(ev.system.dimensions),
        system=system,
    )
    opts = ", ".join(
        f"{k}={v}" for k, v in ev.options.items() if k != "system"
    )
    sha_note = "" if c.sha_is_file else " " + t["sha_table"]
    rows = [
        (t["evaluated"], e(what)),
        (t["how"], f"<code>{e(opts)}</code>"),
        (t["when"], e(c.date)),
        (t["version"], e(ev.version)),
        (t["input"], e(c.source or "-")),
        (t["sha256"], f"<code>{c.sha}</code>{e(sha_note)}"),
    ]
    items = "".join(f"<dt>{e(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<section id="summary"><h2>{e(t["summary"])}</h2>' + (
        f'<dl class="facts">{items}</dl></section>'
    )


def _ranking_table(c: Context) -> str:
    ev, t = c.ev, c.t
    dims = list(ev.system.dimension_ids)
    head = [t["rank"], t["cluster"], t["type"], t["score"]] + [
        c.names.dimension(d) for d in dims
    ]
    cls = ["num", "", "", "num"] + ["num"] * len(dims)
    ths = "".join(
        f'<th class="{k}" scope="col">{e(h)}</th>'
        for h, k in zip(head, cls, strict=True)
    )
    body = []
    for name, row in ev.ranking.iterrows():
        cells = [
            f'<td class="num" data-v="{int(row["rank"])}">'
            f"{int(row['rank'])}</td>",
            f'<td class="name">{e(str(name))}</td>',
            f'<td class="type">{e(c.type_name(row["type"]))}</td>',
            _num(row["score"]),
            *(_num(row[d], ".1f") for d in dims),
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<section id="ranking"><h2>{e(t["ranking"])}</h2>'
        f'<p class="note">{e(t["ranking_note"])}</p><div class="scroll">'
        f'<table class="sortable" id="cs-ranking"><thead><tr>{ths}</tr>'
        f"</thead><tbody>{''.join(body)}</tbody></table></div></section>"
    )


def _figures(c: Context) -> str:
    ev, lang = c.ev, c.lang
    return (
        f'<section id="figures"><h2>{e(c.t["figures"])}</h2>'
        + _figure(_plot.ranking(ev, lang=lang), fid="fig-ranking")
        + _figure(_plot.weights(ev, lang=lang), fid="fig-weights")
        + "</section>"
    )


def _whatif(c: Context) -> str:
    t = c.t
    head = f'<section id="whatif"><h2>{e(t["whatif"])}</h2>'
    if c.payload is None:
        msg = t["whatif_off"].format(reason=c.whatif_reason)
        return head + f'<p class="note">{e(msg)}</p></section>'
    p = dict(c.payload)
    p["type_names"] = {k: c.type_name(k) for k in c.ev.system.cluster_types}
    data = json.dumps(p, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")
    a = p["alpha"]
    dims = "".join(
        f'<label>{e(c.names.dimension(d))} <output class="cs-dim-value">'
        f'</output></label><input type="range" class="cs-dim" min="0" '
        f'max="1" step="0.005" value="0.2" data-dim="{k}" disabled>'
        for k, d in enumerate(p["dimensions"])
    )
    manual = ""
    if p["method"] == "weighted_sum":
        manual = (
            '<label><input type="checkbox" id="cs-dims-manual"> '
            f"{e(t['whatif_dims'])}</label>{dims}"
        )
    controls = (
        f'<div class="controls"><label for="cs-alpha">{e(t["alpha"])} = '
        f'<output id="cs-alpha-value">{a:.2f}</output></label>'
        f'<input type="range" id="cs-alpha" min="0" max="1" step="0.01" '
        f'value="{a}">{manual}</div>'
    )
    heads = [t["rank"], t["cluster"], t["type"], t["score"], t["rank_change"]]
    ths = "".join(f'<th scope="col">{e(h)}</th>' for h in heads)
    rows = "".join(
        f"<tr><td class='num'>{int(r['rank'])}</td>"
        f"<td class='name'>{e(str(n))}</td>"
        f"<td class='type'>{e(c.type_name(r['type']))}</td>"
        f"<td class='num'>{r['score']:.2f}</td><td>=</td></tr>"
        for n, r in c.ev.ranking.iterrows()
    )
    table = (
        f'<div class="scroll"><table class="sortable" id="cs-whatif-table">'
        f"<thead><tr>{ths}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
    return (
        head
        + f"<p>{e(t['whatif_text'])}</p>"
        + f'<div class="whatif">{controls}{table}</div>'
        + f'<script type="application/json" id="cs-whatif-data">{data}'
        + "</script></section>"
    )


def _judgments(c: Context) -> str:
    t = c.t
    out = [
        f'<section id="judgments"><h2>{e(t["judgments"])}</h2>',
        f"<p>{e(t['judgments_text'].format(max_cr=MAX_CR))}</p>",
    ]
    for m in c.matrices:
        level = m.name.split("/")[0]
        label = (
            c.names.dimension if level == "dimensions" else (c.names.indicator)
        )
        title = (
            t["dimension"] if level == "dimensions"
            else c.names.dimension(level)
        )  # fmt: skip
        labels = [label(x) for x in m.labels]
        ths = "".join(f'<th scope="col">{e(x)}</th>' for x in labels)
        body = "".join(
            f'<tr><th scope="row">{e(labels[i])}</th>'
            + "".join(f"<td>{fraction(v)}</td>" for v in m.matrix[i])
            + f'<td class="num">{m.weights[i]:.4f}</td></tr>'
            for i in range(m.n)
        )
        ok = (
            f'<span class="ok">{e(t["consistent"])}</span>'
            if m.acceptable
            else f'<span class="bad">{e(t["inconsistent"])}</span>'
        )
        out.append(
            f"<h3>{e(title)} <code>{e(m.name)}</code></h3>"
            f'<div class="scroll"><table class="matrix"><thead><tr><th></th>'
            f"{ths}<th>{e(t['priority'])}</th></tr></thead><tbody>{body}"
            f"</tbody></table></div><p>λ<sub>max</sub> = {m.lambda_max:.4f}"
            f", CI = {m.ci:.4f}, CR = {m.cr:.4f}: {ok}</p>"
        )
    out.append("</section>")
    return "".join(out)


def _gaps(c: Context) -> str:
    return (
        f'<section id="gaps"><h2>{e(c.t["gaps"])}</h2>'
        + _figure(_plot.gap_heatmap(c.ev, lang=c.lang), fid="fig-gaps")
        + "</section>"
    )


def _cluster_sections(c: Context) -> str:
    t, ev = c.t, c.ev
    out = [f'<section id="clusters"><h2>{e(t["clusters"])}</h2>']
    cap = c.names.text("profile")
    for k, (name, row) in enumerate(ev.ranking.iterrows()):
        gaps = c.top[c.top["cluster"] == name]
        recs = c.recs[c.recs["cluster"] == name]
        fig = _plot.profile(
            ev, str(name), lang=c.lang, size=(4.6, 4.4), title=False
        )
        out.append(
            f'<section class="cluster" id="cluster-{k + 1}">'
            f"<h3>{int(row['rank'])}. {e(str(name))} "
            f'<span class="muted">({e(c.type_name(row["type"]))}, '
            f"{e(t['score'])} {row['score']:.1f})</span></h3>"
            f'<div class="cluster-grid">{_figure(fig, cap)}<div>'
            f"{_gap_table(c, gaps)}{_rec_list(c, recs)}</div></div></section>"
        )
    out.append("</section>")
    return "".join(out)


def _gap_table(c: Context, gaps: pd.DataFrame) -> str:
    t = c.t
    if gaps.empty:
        return f"<h4>{e(t['top_gaps'])}</h4><p>{e(t['no_gaps'])}</p>"
    heads = [t["indicator"], t["value"], t["target"], t["attainment"]]
    heads.append(t["severity"])
    ths = "".join(f"<th>{e(h)}</th>" for h in heads)
    rows = "".join(
        f"<tr><td>{e(c.names.indicator(g.indicator))}</td>"
        f'<td class="num">{g.value:g}</td><td class="num">{g.target:g}</td>'
        f'<td class="num">{100 * g.attainment:.0f} %</td>'
        f'<td class="sev-{e(g.severity)}">{e(c.sev(g.severity))}</td></tr>'
        # a row's fields are str and float (the stubs: any scalar)
        for g in cast("Iterable[Any]", gaps.itertuples(index=False))
    )
    return (
        f"<h4>{e(t['top_gaps'])}</h4><table><thead><tr>{ths}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _rec_list(c: Context, recs: pd.DataFrame) -> str:
    t = c.t
    head = f"<h4>{e(t['recommendations'])}</h4>"
    if recs.empty:
        return head + f"<p>{e(t['no_recs'])}</p>"
    items = []
    for r in cast("Iterable[Any]", recs.itertuples(index=False)):
        text = r.text_zh if c.lang == "zh" and r.text_zh else r.text
        dim = c.names.dimension(r.dimension)
        src = f'<span class="src">{e(t["source"])}: {e(r.source)}</span>'
        if text is None:
            text, src = str(r.reason), ""
        items.append(
            f"<li><strong>{e(dim)}</strong> "
            f'<span class="sev-{e(str(r.severity))}">'
            f"{e(c.sev(str(r.severity)))}</span>: {e(str(text))}{src}</li>"
        )
    return head + f'<ul class="recs">{"".join(items)}</ul>'


def _uncertainty_section(c: Context) -> str:
    t = c.t
    head = f'<section id="uncertainty"><h2>{e(t["uncertainty"])}</h2>'
    if c.unc is None:
        msg = t["uncertainty_off"].format(reason=c.unc_reason)
        return head + f'<p class="note">{e(msg)}</p></section>'
    u = c.unc
    a = ""
    if "alpha" in u.inputs:
        lo_a, hi_a = u.options["alpha_range"]
        a = t["uncertainty_alpha"].format(a=lo_a, b=hi_a)
    text = t["uncertainty_text"].format(
        n=u.n,
        seed=c.seed,
        alpha=a,
        lo=round(100 * u.interval[0]),
        hi=round(100 * u.interval[1]),
    )
    ag = u.agreement["mean"]
    agree = t["agreement"].format(
        rho=ag["spearman"],
        tau=ag["kendall"],
        shift=ag["mean_abs_rank_shift"],
    )
    sob = ""
    if c.sens is not None:
        d = len(c.sens.indices)
        sob = f"<p>{e(t['sobol_text'].format(n=c.sens.n, d=d + 2))}</p>"
    fig = _plot.rank_intervals(u, c.sens, lang=c.lang)
    return (
        head
        + f"<p>{e(text)}</p><p>{e(agree)}</p>{sob}"
        + _figure(fig, fid="fig-intervals")
        + "</section>"
    )


def _methodology(c: Context) -> str:
    paras = "".join(f"<p>{e(p)}</p>" for p in METHODOLOGY[c.lang])
    refs = "".join(f"<li>{e(r)}</li>" for r in REFERENCES)
    return (
        f'<section id="methodology"><h2>{e(c.t["methodology"])}</h2>{paras}'
        f"<h3>{e(c.t['references'])}</h3><ol>{refs}</ol></section>"
    )


def _asset(name: str) -> str:
    return (
        resources.files("clusterscore.present")
        .joinpath("assets", name)
        .read_text(encoding="utf-8")
    )


def build_html(c: Context) -> str:
    """Return the whole report page for the prepared context `c`."""
    t = c.t
    toc_items = [
        ("summary", t["summary"]),
        ("ranking", t["ranking"]),
        ("figures", t["figures"]),
        ("whatif", t["whatif"]),
        ("judgments", t["judgments"]),
        ("gaps", t["gaps"]),
        ("clusters", t["clusters"]),
        ("uncertainty", t["uncertainty"]),
        ("methodology", t["methodology"]),
    ]
    toc = "".join(f'<li><a href="#{k}">{e(v)}</a></li>' for k, v in toc_items)
    body = "".join(
        (
            _summary(c),
            _ranking_table(c),
            _figures(c),
            _whatif(c),
            _judgments(c),
            _gaps(c),
            _cluster_sections(c),
            _uncertainty_section(c),
            _methodology(c),
        )
    )
    footer = t["generated"].format(version=c.ev.version, date=c.date)
    lang_attr = "zh-CN" if c.lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang_attr}"><head>'
        '<meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(t['title'])}</title><style>{_asset('report.css')}"
        f"</style></head><body><main><h1>{e(t['title'])}</h1>"
        f'<noscript><p class="note">{e(t["no_js"])}</p></noscript>'
        f'<nav class="toc"><h2>{e(t["contents"])}</h2><ol>{toc}</ol></nav>'
        f'{body}<p class="note">{e(footer)}</p></main>'
        f"<script>{_asset('report.js')}</script></body></html>\n"
    )


def report(
    evaluation: Evaluation,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    format: str = "html",
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    sobol: int = 0,
    source: str | os.PathLike[str] | None = None,
    date: str | None = None,
) -> Path:
    """Write the evaluation report to `path` (HTML or Markdown).

    Parameters
    ----------
    evaluation : Evaluation
        From `clusterscore.evaluate`.
    path : str or path-like
        The output file; its directory must exist.
    lang : {"en", "zh"}
        The report's language (Chinese: every heading, label and name).
    format : {"html", "markdown"}
        One self-contained HTML file, or Markdown with the figures as PNG
        files in ``<stem>_files/`` beside it.
    samples : int
        Monte Carlo samples of the uncertainty section; 0 leaves it out.
    seed : int
        Seed of the Monte Carlo samples (the same seed, the same report).
    sobol : int
        Rows N of the Saltelli design for the Sobol indices (N x (d + 2)
        model runs); 0 (default) leaves them out.
    source : path-like, optional
        The input file, for the summary's SHA-256 (without it the digest
        is of the scored table as CSV, and said so).
    date : str, optional
        The date printed in the summary (default: now, UTC).

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ParameterError
        A bad option, or a directory of `path` that does not exist.
    MissingExtraError
        matplotlib is not installed (``pip install 'clusterscore[report]'``).
    """
    from clusterscore.scoring import Evaluation  # at run time (typing above)

    check_instance(
        "report", "evaluation", evaluation, Evaluation, "an Evaluation"
    )
    check_option("report", "lang", lang, ("en", "zh"))
    check_option("report", "format", format, REPORT_FORMATS)
    for name, value in (("samples", samples), ("sobol", sobol)):
        _check_count(name, value)
    out = _plot.check_output_path("report", path)
    c = Context(
        evaluation,
        lang=lang,
        samples=int(samples),
        seed=seed,
        sobol=int(sobol),
        source=source,
        date=date,
    )
    if format == "markdown":
        text = report_md.build_markdown(c, out)
    else:
        text = build_html(c)
    write_text_atomic(out, text)
    return out


def _check_count(name: str, value: Any) -> None:
    """`value` must be an integer >= 0 (a count of samples)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ParameterError(
            f"report(): {name!r} must be an integer >= 0; got "
            f"{short_repr(value)}.",
            parameter=name,
            value=value,
        )
    if value < 0:
        raise ParameterError(
            f"report(): {name!r} must be >= 0; got {value}.",
            parameter=name,
            value=value,
        )
