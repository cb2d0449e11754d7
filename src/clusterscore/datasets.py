"""Synthetic input tables, for trying the library and for benchmarks.

The bundled example of real clusters is ``examples/national_clusters.csv``
in the source repository (read it with `read_clusters`); this module makes
tables of any size that pass `validate` for a given indicator system.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from clusterscore._checks import (
    as_float,
    check_instance,
    check_rng,
    short_repr,
)
from clusterscore.errors import ParameterError
from clusterscore.system import IndicatorSystem, load_system

__all__ = ["synthetic_clusters"]


def synthetic_clusters(
    system: IndicatorSystem | None = None,
    n: int = 100,
    rng: np.random.Generator | int | None = None,
    *,
    spread: tuple[float, float] = (0.2, 1.5),
) -> pd.DataFrame:
    """Return a valid input table of `n` synthetic clusters.

    Each cluster gets a type drawn uniformly from the system's types, and
    each indicator the value ``target * u`` with ``u ~ U(spread)`` and
    ``target`` the system's benchmark target for that type (1 where there
    is none), clipped to the indicator's valid bounds and rounded where the
    indicator is an integer. Names are ``C0000001``, ``C0000002``, ...

    Parameters
    ----------
    system : IndicatorSystem, optional
        The indicator system; the default system when omitted.
    n : int
        Number of clusters (rows), at least 1.
    rng : numpy.random.Generator, int or None
        The random source (a seed gives reproducible tables).
    spread : (float, float)
        Range of the multiplier of the targets, ``0 <= low < high``.

    Returns
    -------
    pandas.DataFrame
        Columns ``cluster``, ``type`` and one per indicator id.

    Examples
    --------
    >>> from clusterscore.system import load_system
    >>> df = synthetic_clusters(load_system(), n=3, rng=1)
    >>> df.shape
    (3, 27)
    """
    if system is None:
        system = load_system()
    check_instance(
        "synthetic_clusters",
        "system",
        system,
        IndicatorSystem,
        "an IndicatorSystem or None",
    )
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise ParameterError(
            f"synthetic_clusters(): 'n' must be a whole number >= 1; "
            f"got {short_repr(n)}.",
            parameter="n",
            value=n,
        )
    try:
        low, high = (as_float(v) for v in spread)
    except (TypeError, ValueError):  # not a pair
        low = high = float("nan")
    if not 0.0 <= low < high:
        raise ParameterError(
            "synthetic_clusters(): 'spread' must be (low, high) with "
            f"0 <= low < high; got {short_repr(spread)}.",
            parameter="spread",
            value=spread,
        )
    gen = check_rng("synthetic_clusters", "rng", rng)
    types = system.cluster_types
    codes = gen.integers(0, len(types), n)
    targets = np.array(
        [
            [
                t.value if (t := system.target(ind.id, ty)) else 1.0
                for ind in system.indicators
            ]
            for ty in types
        ]
    )  # (types, indicators): loops over a handful of types only
    values = targets[codes] * gen.uniform(low, high, (n, targets.shape[1]))
    for k, ind in enumerate(system.indicators):
        col = values[:, k]
        if ind.integer:
            np.round(col, out=col)
        lo = 0.0 if ind.lower is None else float(ind.lower)
        if ind.lower_open:
            lo = np.nextafter(lo, np.inf) if lo != 0.0 else 0.01
        np.clip(col, lo, np.inf if ind.upper is None else ind.upper, out=col)
    width = max(7, len(str(n)))
    frame = pd.DataFrame(values, columns=list(system.indicator_ids))
    frame.insert(0, "type", np.asarray(types, dtype=object)[codes])
    frame.insert(0, "cluster", [f"C{k:0{width}d}" for k in range(1, n + 1)])
    return frame
