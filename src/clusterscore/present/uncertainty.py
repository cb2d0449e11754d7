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
from clusterscore.present.labels import label
from clusterscore.present.tables import (
    FORMATS,
    LANGS,
    json_text,
    render_table,
)
from clusterscore.uncertainty import SensitivityResult, UncertaintyResult

__all__ = ["nominal_options", "render_uncertainty", "uncertainty_summary"]


def nominal_options(res: UncertaintyResult, lang: str = "en") -> str:
    """Say which options the nominal ranking was scored with.

    The nominal ranking is ``evaluate`` with these options (what
    ``clusterscore rank`` prints with the same flags), so a reader can
    check ``nominal_rank`` against it.
    """
    o = res.nominal.options
    alpha = f", alpha={o['alpha']:g}" if o["combine"] == "linear" else ""
    return label("nominal_options", lang).format(
        weighting=o["weighting"],
        combine=o["combine"],
        alpha=alpha,
        method=o["method"],
        normalization=o["normalization"],
        missing=o["missing"],
    )


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
        "nominal": _jsonable(dict(res.nominal.options)),
        "inputs": list(res.inputs),
        "n": res.n,
        "n_used": res.n_used,
        "clusters": json.loads(render_table(summary, "json")),
        "agreement": json.loads(render_table(res.agreement, "json")),
        "consistency": json.loads(render_table(res.consistency, "json")),
    }
    if sens is not None:
        doc["sensitivity"] = json.loads(render_table(sens.indices, "json"))
    return json_text(doc)


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
    k = res.top_k
    sep = label("list_sep", lang)
    varied = sep.join(label(g, lang) for g in res.inputs)
    rej = res.consistency["share_above"]
    names = dict(labels or {})
    if lang == "zh":
        names[f"p_top{k}"] = label("p_top", lang).format(k=k)
        names.update({g: label(g, lang) for g in res.inputs})
    title = label("unc_title", lang).format(
        used=res.n_used, n=res.n, varied=varied or label("nothing", lang)
    )
    agreement = res.agreement.rename_axis("statistic")
    parts = [
        f"{head}{title}\n",
        nominal_options(res, lang) + "\n",
        label("unc_legend", lang).format(lo=f"{lo:.0%}", hi=f"{hi:.0%}", k=k)
        + "\n",
        render_table(summary, fmt, lang, labels=names, floatfmt=".2f"),
        f"\n{head}{label('agreement_title', lang)}\n",
        render_table(agreement, fmt, lang, labels=names, floatfmt=".3f"),
        "\n"
        + label("cr_share", lang).format(
            max_cr=res.options["max_cr"],
            share=f"{rej.mean():.1%}",
            cr_rule=res.options["cr_rule"],
        )
        + "\n",
    ]
    if sens is not None:
        sobol = label("sobol_title", lang).format(
            n=sens.n, runs=sens.n_runs, conf=f"{sens.options['conf']:.0%}"
        )
        parts += [
            f"\n{head}{sobol}\n",
            render_table(
                sens.indices, fmt, lang, labels=names, floatfmt=".3f"
            ),
        ]
    return "".join(parts)
