"""Obstacle degrees and coupling coordination laid out for a person.

`render_obstacles` and `render_coupling` turn the outcomes of
`clusterscore.analysis.obstacle_degree` and
`clusterscore.analysis.coupling_coordination` into what ``clusterscore
obstacles`` and ``clusterscore coupling`` print; `obstacle_block` is the
section ``clusterscore gaps --cluster`` adds beside the benchmark gaps,
with the line saying how obstacles and gaps differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, overload

import pandas as pd

from clusterscore._checks import check_option
from clusterscore.analysis import ObstacleDegree
from clusterscore.present.labels import label
from clusterscore.present.tables import (
    FORMATS,
    LANGS,
    json_text,
    jsonable,
    render_table,
)
from clusterscore.present.text import wrap

__all__ = [
    "obstacle_block",
    "obstacle_rows",
    "render_coupling",
    "render_obstacles",
]

_FORMS = ("corrected", "classic")


def obstacle_rows(
    od: ObstacleDegree, top: int, cluster: str | None = None
) -> pd.DataFrame:
    """Return the `top` obstacles of each cluster (of `cluster` alone).

    The rows of ``od.top(top)``: ``cluster``, ``type``, ``position``,
    ``indicator``, ``obstacle`` (%), ``dimension``, ``deviation``.
    """
    rows = od.top(top)
    if cluster is not None:
        rows = rows[rows["cluster"] == cluster].reset_index(drop=True)
    return rows


def _heading(text: str, fmt: str) -> str:
    return f"## {text}\n\n" if fmt == "markdown" else f"{text}\n"


def render_obstacles(
    od: ObstacleDegree,
    fmt: str = "table",
    lang: str = "en",
    *,
    top: int = 5,
    cluster: str | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """Lay out obstacle degrees as text.

    Parameters
    ----------
    od : ObstacleDegree
        The outcome of `clusterscore.analysis.obstacle_degree`.
    fmt : {"table", "csv", "json", "markdown"}
        ``"table"`` and ``"markdown"``: the top obstacles of each cluster,
        then the dimension obstacles, each under a heading. ``"csv"``: the
        top obstacles alone. ``"json"``: one document with ``top`` (list
        of records), ``indicators`` and ``dimensions`` (one record per
        cluster: ``cluster``, ``type`` and a percentage per indicator or
        dimension; each row sums to 100); ids whatever `lang`.
    lang : {"en", "zh"}
        Headings and column labels (with `labels`).
    top : int
        Obstacles shown per cluster.
    cluster : str, optional
        Show this cluster alone.
    labels : mapping, optional
        Translations of ids (`clusterscore.present.system_labels`).

    Returns
    -------
    str
        The text, ending in a newline.
    """
    check_option("render_obstacles", "fmt", fmt, FORMATS)
    check_option("render_obstacles", "lang", lang, LANGS)
    rows = obstacle_rows(od, top, cluster)
    keep = od.indicators.index if cluster is None else [cluster]
    dims = od.dimensions.loc[keep]
    dims.insert(0, "type", od.types.loc[keep].to_numpy())
    if fmt == "json":
        inds = od.indicators.loc[keep]
        inds.insert(0, "type", od.types.loc[keep].to_numpy())
        doc = {
            "normalization": od.normalization,
            "top": rows.to_dict(orient="records"),
            "indicators": inds.reset_index().to_dict(orient="records"),
            "dimensions": dims.reset_index().to_dict(orient="records"),
        }
        return json_text(doc)
    body = render_table(rows, fmt, lang, labels=labels, floatfmt=".2f")
    if fmt == "csv":
        return body
    parts = [
        _heading(label("obstacles_title", lang), fmt),
        body.rstrip("\n") + "\n",
        "\n",
        _heading(label("dimension_obstacles_title", lang), fmt),
        render_table(dims, fmt, lang, labels=labels).rstrip("\n") + "\n",
    ]
    return "".join(parts)


def render_coupling(
    cc: pd.DataFrame,
    fmt: str = "table",
    lang: str = "en",
    *,
    form: str = "corrected",
    labels: Mapping[str, str] | None = None,
) -> str:
    """Lay out coupling coordination degrees as text.

    Parameters
    ----------
    cc : pandas.DataFrame
        The outcome of `clusterscore.analysis.coupling_coordination`
        (indexed by ``cluster``; ``type``, ``C``, ``T``, ``D``, ``grade``,
        ``grade_zh``, ``grade_en``).
    fmt : {"table", "csv", "json", "markdown"}
        One table; ``"table"`` and ``"markdown"`` under a heading naming
        the form. JSON: ``{"form": ..., "clusters": [records]}`` with both
        grade names, ids whatever `lang`.
    lang : {"en", "zh"}
        The grade name shown (``grade_name``) and the labels.
    form : str
        The coupling form the degrees were computed with (the heading).
    labels : mapping, optional
        Translations of ids (`clusterscore.present.system_labels`).

    Returns
    -------
    str
        The text, ending in a newline.
    """
    check_option("render_coupling", "fmt", fmt, FORMATS)
    check_option("render_coupling", "lang", lang, LANGS)
    if fmt == "json":
        return json_text(
            {"form": form, "clusters": cc.reset_index().to_dict("records")}
        )
    out = cc.drop(columns=["grade_zh", "grade_en"])
    out["grade_name"] = cc["grade_zh" if lang == "zh" else "grade_en"]
    body = render_table(out, fmt, lang, labels=labels, floatfmt=".4f")
    if fmt == "csv":
        return body
    name = label(f"form_{form}", lang) if form in _FORMS else form
    title = label("coupling_title", lang).format(form=name)
    return _heading(title, fmt) + body.rstrip("\n") + "\n"


@overload
def obstacle_block(
    rows: pd.DataFrame,
    fmt: Literal["json"],
    lang: str = "en",
    *,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]: ...
@overload
def obstacle_block(
    rows: pd.DataFrame,
    fmt: Literal["table", "markdown"] = "table",
    lang: str = "en",
    *,
    labels: Mapping[str, str] | None = None,
) -> str: ...
def obstacle_block(
    rows: pd.DataFrame,
    fmt: str = "table",
    lang: str = "en",
    *,
    labels: Mapping[str, str] | None = None,
) -> str | dict[str, Any]:
    """Return the obstacles section of a one-cluster gap diagnosis.

    Parameters
    ----------
    rows : pandas.DataFrame
        The cluster's top obstacles (`obstacle_rows` with a cluster).
    fmt : {"table", "markdown", "json"}
        Text and Markdown: a heading, the table of ``position``,
        ``indicator``, ``dimension``, ``obstacle`` (%), and the line on
        how obstacles differ from gaps. JSON: a dict with
        ``top_obstacles`` (records) and ``obstacles_vs_gaps`` (the line),
        for the caller to merge into the diagnosis document.
    lang : {"en", "zh"}
        The language.
    labels : mapping, optional
        Translations of ids.
    """
    note = label("obstacles_vs_gaps", lang)
    cols = ["position", "indicator", "dimension", "obstacle"]
    if fmt == "json":
        return {
            "top_obstacles": jsonable(rows[cols].to_dict(orient="records")),
            "obstacles_vs_gaps": note,
        }
    table = render_table(rows[cols], fmt, lang, labels=labels)
    head = label("obstacles_title", lang)
    if fmt == "markdown":
        return f"## {head}\n\n{table.rstrip()}\n\n{note}\n"
    lines = wrap(note, 78, "", "")
    return f"{head}\n{table.rstrip()}\n" + "\n".join(lines) + "\n"
