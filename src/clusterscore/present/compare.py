"""A method comparison laid out for a person to read.

`render_comparison` turns a `~clusterscore.analysis.MethodComparison`
into what ``clusterscore compare`` prints: the rankings of every
method/weighting side by side, then the Spearman and Kendall rank
correlation matrices between them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pandas as pd

from clusterscore._checks import check_option
from clusterscore.analysis import MethodComparison
from clusterscore.present.labels import label
from clusterscore.present.tables import (
    FORMATS,
    LANGS,
    json_text,
    render_table,
)

__all__ = ["render_comparison"]


def _matrix(corr: pd.DataFrame) -> pd.DataFrame:
    """Return a correlation matrix with its rows named ``variant``."""
    out = corr.copy()
    out.index = pd.Index([str(v) for v in corr.index], name="variant")
    out.columns = [str(c) for c in corr.columns]
    return out


def render_comparison(
    cmp: MethodComparison,
    fmt: str = "table",
    lang: str = "en",
    *,
    labels: Mapping[str, str] | None = None,
    types: pd.Series | None = None,
) -> str:
    """Lay out a method comparison as text.

    Parameters
    ----------
    cmp : MethodComparison
        The outcome of `clusterscore.analysis.compare_methods`.
    fmt : {"table", "csv", "json", "markdown"}
        ``"table"`` and ``"markdown"``: the ranks side by side, then the
        Spearman and the Kendall matrix, each under a heading. ``"csv"``:
        the ranks alone (one table). ``"json"``: one document with
        ``variants``, ``ranks``, ``scores`` (lists of records, one per
        cluster) and ``spearman``, ``kendall`` (nested objects,
        ``doc["spearman"][a][b]``); ids whatever `lang`.
    lang : {"en", "zh"}
        Headings and column labels (with `labels`).
    labels : mapping, optional
        Translations of ids to names (`clusterscore.present.system_labels`).
    types : pandas.Series, optional
        The cluster types, by cluster, shown as a column after the name.

    Returns
    -------
    str
        The text, ending in a newline.
    """
    check_option("render_comparison", "fmt", fmt, FORMATS)
    check_option("render_comparison", "lang", lang, LANGS)
    ranks = cmp.ranks.copy()
    if types is not None:
        ranks.insert(0, "type", types.reindex(ranks.index))
    spearman, kendall = _matrix(cmp.spearman), _matrix(cmp.kendall)
    if fmt == "json":
        return json_text(
            {
                "variants": [f"{m}/{w}" for m, w in cmp.variants],
                "ranks": json.loads(render_table(ranks, "json")),
                "scores": json.loads(render_table(cmp.scores, "json")),
                "spearman": spearman.to_dict(orient="index"),
                "kendall": kendall.to_dict(orient="index"),
            }
        )
    if fmt == "csv":
        return render_table(ranks, "csv", lang, labels=labels)
    head = "## " if fmt == "markdown" else ""
    parts = [
        f"{head}{label('compare_ranks', lang)}\n",
        render_table(ranks, fmt, lang, labels=labels),
        f"\n{head}{label('compare_spearman', lang)}\n",
        render_table(spearman, fmt, lang, labels=labels, floatfmt=".3f"),
        f"\n{head}{label('compare_kendall', lang)}\n",
        render_table(kendall, fmt, lang, labels=labels, floatfmt=".3f"),
    ]
    return "".join(parts)
