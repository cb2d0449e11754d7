"""The evaluation report as Markdown, figures as PNG files beside it.

For people who paste into Word or a wiki: the same sections as the HTML
report except the in-page what-if slider (a static page cannot
recompute), tables as Markdown pipe tables, figures written to
``<stem>_files/`` and linked relatively.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from clusterscore import plot as _plot
from clusterscore.judgments import MAX_CR
from clusterscore.present.report_data import fraction
from clusterscore.present.report_text import METHODOLOGY, REFERENCES
from clusterscore.present.tables import render_table
from clusterscore.present.text import md_cell

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from clusterscore.present.report import Context

__all__ = ["build_markdown"]


def _table(df: pd.DataFrame) -> str:
    return render_table(df, "markdown", "en", floatfmt=".2f").rstrip() + "\n"


class _Figures:
    """Writes figures to a folder beside the report; returns links."""

    def __init__(self, out: Path) -> None:
        self.dir = out.parent / f"{out.stem}_files"
        self.dir.mkdir(exist_ok=True)
        self.rel = self.dir.name

    def __call__(self, fig: Figure, name: str, alt: str) -> str:
        _plot.save_figure(fig, self.dir / f"{name}.png", dpi=130)
        return f"![{md_cell(alt)}]({self.rel}/{name}.png)\n"


def build_markdown(c: Context, out: Path) -> str:
    """Return the Markdown report of context `c`; write its figures."""
    t, ev, lang = c.t, c.ev, c.lang
    fig = _Figures(out)
    n = c.names
    dims = list(ev.system.dimension_ids)
    parts = [f"# {t['title']}\n", f"## {t['summary']}\n"]
    opts = ", ".join(
        f"{k}={v}" for k, v in ev.options.items() if k != "system"
    )
    sha_note = "" if c.sha_is_file else " " + t["sha_table"]
    parts.append(
        f"- {t['when']}: {c.date}\n- {t['version']}: {ev.version}\n"
        f"- {t['input']}: {c.source or '-'}\n"
        f"- {t['sha256']}: `{c.sha}`{sha_note}\n- {t['how']}: `{opts}`\n"
    )
    r = ev.ranking.reset_index()
    table = pd.DataFrame(
        {
            t["rank"]: r["rank"],
            t["cluster"]: r["cluster"],  # render_table escapes the cells
            t["type"]: r["type"].map(c.type_name),
            t["score"]: r["score"].map("{:.2f}".format),
            **{n.dimension(d): r[d].map("{:.1f}".format) for d in dims},
        }
    )
    parts += [f"## {t['ranking']}\n", _table(table)]
    parts += [
        f"## {t['figures']}\n",
        fig(_plot.ranking(ev, lang=lang), "ranking", t["ranking"]),
        fig(_plot.weights(ev, lang=lang), "weights", t["weight"]),
        f"## {t['judgments']}\n",
        t["judgments_text"].format(max_cr=MAX_CR) + "\n",
    ]
    for m in c.matrices:
        level = m.name.split("/")[0]
        name = n.dimension if level == "dimensions" else n.indicator
        labels = [md_cell(name(x)) for x in m.labels]
        mat = pd.DataFrame(
            [[fraction(v) for v in row] for row in m.matrix],
            index=pd.Index(labels, name=t["matrix"]),
            columns=labels,
        )
        mat[t["priority"]] = [f"{w:.4f}" for w in m.weights]
        verdict = t["consistent"] if m.acceptable else t["inconsistent"]
        parts += [
            f"### `{m.name}`\n",
            _table(mat),
            f"lambda_max = {m.lambda_max:.4f}, CI = {m.ci:.4f}, "
            f"CR = {m.cr:.4f}: {verdict}\n",
        ]
    parts += [
        f"## {t['gaps']}\n",
        fig(_plot.gap_heatmap(ev, lang=lang), "gaps", t["gaps"]),
        f"## {t['clusters']}\n",
    ]
    for k, (cname, row) in enumerate(ev.ranking.iterrows()):
        parts += _cluster_md(c, fig, k, str(cname), row)
    parts.append(f"## {t['uncertainty']}\n")
    if c.unc is None:
        parts.append(t["uncertainty_off"].format(reason=c.unc_reason) + "\n")
    else:
        f = _plot.rank_intervals(c.unc, c.sens, lang=lang)
        parts.append(fig(f, "intervals", t["uncertainty"]))
    parts.append(f"## {t['methodology']}\n")
    parts += [p + "\n" for p in METHODOLOGY[lang]]
    parts.append(f"### {t['references']}\n")
    parts += [f"{i}. {ref}" for i, ref in enumerate(REFERENCES, 1)]
    return "\n".join(parts) + "\n"


def _cluster_md(
    c: Context, fig: _Figures, k: int, name: str, row: pd.Series[Any]
) -> list[str]:
    t, n = c.t, c.names
    out = [
        f"### {int(row['rank'])}. {md_cell(name)} "
        f"({c.type_name(row['type'])}, {t['score']} {row['score']:.1f})\n",
        fig(_plot.profile(c.ev, name, lang=c.lang), f"profile_{k + 1}", name),
    ]
    gaps = c.top[c.top["cluster"] == name]
    out.append(f"**{t['top_gaps']}**\n")
    if gaps.empty:
        out.append(t["no_gaps"] + "\n")
    else:
        out.append(
            _table(
                pd.DataFrame(
                    {
                        t["indicator"]: gaps["indicator"].map(n.indicator),
                        t["value"]: gaps["value"].map("{:g}".format),
                        t["target"]: gaps["target"].map("{:g}".format),
                        t["attainment"]: (100 * gaps["attainment"]).map(
                            "{:.0f} %".format
                        ),
                        t["severity"]: gaps["severity"].map(c.sev),
                    }
                )
            )
        )
    recs = c.recs[c.recs["cluster"] == name]
    out.append(f"**{t['recommendations']}**\n")
    if recs.empty:
        out.append(t["no_recs"] + "\n")
    for r in cast("Iterable[Any]", recs.itertuples(index=False)):
        text = r.text_zh if c.lang == "zh" and r.text_zh else r.text
        src = f" ({t['source']}: {r.source})" if r.source else ""
        text = str(r.reason) if text is None else text
        out.append(f"- **{n.dimension(r.dimension)}**: {text}{src}")
    out.append("")
    return out
