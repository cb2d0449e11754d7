"""The uncertainty and sensitivity report, laid out for a person to read.

`render_uncertainty` turns an `~clusterscore.uncertainty.UncertaintyResult`
(and optionally a `~clusterscore.uncertainty.SensitivityResult`) into the
text, Markdown, CSV or JSON that ``clusterscore sensitivity`` prints: per
cluster the nominal and median rank, the rank interval and the
probability of a top-k place; the rank agreement of the samples with the
nominal ranking; the share of perturbed matrices above the CR threshold;
and the first-order and total-effect Sobol indices of each input group.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd

from clusterscore._checks import check_option
from clusterscore.errors import ParameterError
from clusterscore.present.tables import FORMATS, LANGS, render_table
from clusterscore.uncertainty import SensitivityResult, UncertaintyResult

__all__ = ["render_uncertainty", "uncertainty_summary"]


def uncertainty_summary(res: UncertaintyResult) -> pd.DataFrame:
    """Return the per-cluster summary with ``p_top_k`` named ``p_top<k>``.

    Parameters
    ----------
    res : UncertaintyResult
        The outcome of `clusterscore.uncertainty.uncertainty`.

    Returns
    -------
    pandas.DataFrame
        ``res.summary`` with its column ``p_top_k`` renamed after
        ``res.top_k`` (``p_top3`` for the default k = 3).
    """
    return res.summary.rename(columns={"p_top_k": f"p_top{res.top_k}"})


def render_uncertainty(
    res: UncertaintyResult,
    sens: SensitivityResult | None = None,
    fmt: str = "table",
    lang: str = "en",
    *,
    labels: Mapping[str, str] | None = None,
) -> str:
    """Lay out an uncertainty (and sensitivity) analysis as text.

    Parameters
    ----------
    res : UncertaintyResult
        The Monte Carlo rank uncertainty.
    sens : SensitivityResult, optional
        The Sobol sensitivity indices, shown after the rank tables.
    fmt : {"table", "csv", "json", "markdown"}
        ``"table"`` and ``"markdown"`` give a report with headings and
        notes; ``"csv"`` the per-cluster summary alone (so `sens` must be
        None); ``"json"`` one document with the options, the inputs, the
        sample counts and every table (English ids whatever `lang`).
    lang : {"en", "zh"}
        Labels of the per-cluster table (with `labels`).
    labels : mapping, optional
        Translations of ids to names (`clusterscore.present.system_labels`).

    Returns
    -------
    str
        The text, ending in a newline.
    """
    check_option("render_uncertainty", "fmt", fmt, FORMATS)
    check_option("render_uncertainty", "lang", lang, LANGS)
    summary = uncertainty_summary(res)
    if fmt == "json":
        return _json_document(res, sens, summary)
    if fmt == "csv":
        if sens is not None:
            raise ParameterError(
                "render_uncertainty(): 'fmt' csv holds one table; with a "
                "sensitivity result use 'table', 'markdown' or 'json'.",
                parameter="fmt",
                value=fmt,
            )
        return render_table(summary, "csv", lang, labels=labels)
    return _report(res, sens, summary, fmt, lang, labels)


def _json_document(
    res: UncertaintyResult,
    sens: SensitivityResult | None,
    summary: pd.DataFrame,
) -> str:
    """Return the JSON document of the analysis (ids, full precision)."""
    doc = {
        "options": _jsonable(res.options),
        "inputs": list(res.inputs),
        "n": res.n,
        "n_used": res.n_used,
        "clusters": json.loads(render_table(summary, "json")),
        "agreement": json.loads(render_table(res.agreement, "json")),
        "consistency": json.loads(render_table(res.consistency, "json")),
    }
    if sens is not None:
        doc["sensitivity"] = json.loads(render_table(sens.indices, "json"))
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _jsonable(options: Mapping[str, Any]) -> dict[str, Any]:
    """Options with tuples as lists and None kept."""
    return {
        k: list(v) if isinstance(v, tuple) else v for k, v in options.items()
    }


def _report(
    res: UncertaintyResult,
    sens: SensitivityResult | None,
    summary: pd.DataFrame,
    fmt: str,
    lang: str,
    labels: Mapping[str, str] | None,
) -> str:
    """Build the text or Markdown report: headings, tables, notes."""
    md = fmt == "markdown"
    head = "## " if md else ""
    lo, hi = res.interval
    varied = ", ".join(res.inputs) or "nothing"
    rej = res.consistency["share_above"]
    parts = [
        f"{head}Rank uncertainty ({res.n_used} of {res.n} samples; "
        f"varied: {varied})\n",
        f"rank_low / rank_high: the {lo:.0%} and {hi:.0%} quantiles of "
        f"the sampled ranks; p_top{res.top_k}: probability of a rank <= "
        f"{res.top_k}.\n",
        render_table(summary, fmt, lang, labels=labels, floatfmt=".2f"),
        f"\n{head}Agreement with the nominal ranking\n",
        render_table(res.agreement, fmt, lang, floatfmt=".3f"),
        f"\nperturbed matrices above CR {res.options['max_cr']}: "
        f"{rej.mean():.1%} of draws on average (cr_rule="
        f"{res.options['cr_rule']}).\n",
    ]
    if sens is not None:
        parts += [
            f"\n{head}Sobol sensitivity of the mean absolute rank shift "
            f"(N={sens.n}, {sens.n_runs} runs, "
            f"{sens.options['conf']:.0%} bootstrap intervals)\n",
            render_table(sens.indices, fmt, lang, floatfmt=".3f"),
        ]
    return "".join(parts)
