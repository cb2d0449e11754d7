"""Figures of an evaluation (matplotlib, the ``clusterscore[report]`` extra).

Five figures, each a function that returns a `matplotlib.figure.Figure`:

- `ranking`: the scores as horizontal bars split into the dimensions'
  contributions, cluster names coloured by type;
- `profile`: a radar of clusters' dimension sub-scores against their
  benchmark attainment;
- `gap_heatmap`: clusters x indicators coloured by gap severity;
- `weights`: AHP, entropy and combined weight per indicator;
- `rank_intervals`: nominal ranks with their Monte Carlo intervals from
  `clusterscore.uncertainty`, and Sobol indices when computed.

``plot(kind, ...)`` dispatches by name (`KINDS`) and `save_figure` writes
PNG, SVG (text kept as text) or PDF. This package imports without
matplotlib; drawing without it raises `MissingExtraError`.

Examples
--------
>>> import clusterscore as cs
>>> import clusterscore.plot as csp
>>> system = cs.load_system()
>>> ev = cs.evaluate(cs.synthetic_clusters(system, 12, 0), system)
>>> fig = csp.ranking(ev, lang="zh")
>>> csp.save_figure(fig, "ranking.svg")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from clusterscore._checks import short_repr
from clusterscore.errors import ParameterError
from clusterscore.plot._base import (
    FontWarning,
    MissingExtraError,
    check_output_path,
    cjk_font,
    save_figure,
    svg_text,
)
from clusterscore.plot._text import Names
from clusterscore.plot.heatmap import (
    SEVERITY_CODES,
    gap_heatmap,
    severity_matrix,
)
from clusterscore.plot.intervals import rank_intervals
from clusterscore.plot.radar import profile
from clusterscore.plot.scores import contributions, ranking
from clusterscore.plot.weightbars import weights

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "KINDS",
    "SEVERITY_CODES",
    "FontWarning",
    "MissingExtraError",
    "Names",
    "check_output_path",
    "cjk_font",
    "contributions",
    "gap_heatmap",
    "plot",
    "profile",
    "rank_intervals",
    "ranking",
    "save_figure",
    "severity_matrix",
    "svg_text",
    "weights",
]

KINDS: dict[str, Callable[..., Figure]] = {
    "ranking": ranking,
    "profile": profile,
    "gaps": gap_heatmap,
    "weights": weights,
    "intervals": rank_intervals,
}
"""The figure kinds by name (the CLI's ``clusterscore plot KIND``)."""


def plot(kind: str, obj: Any, *args: Any, **kwargs: Any) -> Figure:
    """Draw the figure `kind` (a key of `KINDS`) of `obj`.

    Parameters
    ----------
    kind : {"ranking", "profile", "gaps", "weights", "intervals"}
        Which figure.
    obj
        An `Evaluation` (an `UncertaintyResult` for ``"intervals"``).
    *args, **kwargs
        Passed on to the figure's function.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        An unknown `kind`.
    """
    if kind not in KINDS:
        raise ParameterError(
            f"plot(): unknown figure kind {short_repr(kind)}; choose one of "
            f"{{{', '.join(KINDS)}}}.",
            parameter="kind",
            value=kind,
            allowed=tuple(KINDS),
        )
    return KINDS[kind](obj, *args, **kwargs)
