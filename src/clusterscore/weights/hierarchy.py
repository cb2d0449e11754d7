"""Hierarchical AHP synthesis: indicator weights of an indicator system.

The system has two levels below the goal: dimensions, and the indicators of
each dimension. One pairwise comparison matrix ranks the dimensions, one per
dimension ranks its indicators; an indicator's global weight is its
dimension's weight times its local weight (Saaty 1980, ch. 3, hierarchic
composition).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from clusterscore._checks import (
    as_optional_non_negative,
    check_instance,
    check_option,
    short_repr,
)
from clusterscore.errors import ConfigError, JudgmentError
from clusterscore.judgments import (
    MAX_CR,
    RI_TABLES,
    cr_acceptable,
    diagnose_inconsistency,
)
from clusterscore.judgments.ahp import METHODS, AHPResult, ahp
from clusterscore.system import (
    DEFAULT_TYPE,
    LEVEL_DIMENSIONS,
    IndicatorSystem,
    Judgments,
    describe_revisit,
)

if TYPE_CHECKING:
    from clusterscore.judgments.priorities import AHPMethod
    from clusterscore.judgments.scales import RITable

__all__ = ["HierarchyWeights", "system_weights"]

COLUMNS = ("dimension", "dimension_weight", "local_weight", "global_weight")
"""The columns of `HierarchyWeights.table`, in order."""


@dataclass(frozen=True)
class HierarchyWeights:
    """The AHP weights of every indicator of a system, for one cluster type.

    Attributes
    ----------
    table : pandas.DataFrame
        Indexed by indicator id (system order), with the columns
        ``dimension``, ``dimension_weight``, ``local_weight`` and
        ``global_weight`` (``dimension_weight * local_weight``; sums to 1).
    judgments : Mapping[str, AHPResult]
        Every matrix used, by its name (``"dimensions/basic"``,
        ``"innovation/default"``, ...), read-only.
    cr : pandas.Series
        The CR of every matrix used, indexed by matrix name.
    cluster_type : str
        The type asked for (``"default"`` for the type-agnostic weights).
    equal_weight_dimensions : tuple of str
        Dimensions with several indicators but no judgments in the system:
        their indicators got equal local weights 1/k.
    """

    table: pd.DataFrame
    judgments: Mapping[str, AHPResult]
    cr: pd.Series
    cluster_type: str
    equal_weight_dimensions: tuple[str, ...] = ()

    @property
    def weights(self) -> pd.Series:
        """The global weights, indexed by indicator id."""
        return self.table["global_weight"].copy()


def _find(
    system: IndicatorSystem, level: str, cluster_type: str
) -> Judgments | None:
    """Return the judgments of a level for a type (or default), or None."""
    try:
        return system.judgments_for(level, cluster_type)
    except KeyError:
        return None


def _where(system: IndicatorSystem) -> str:
    """Return the file (or id) a message about the system starts with."""
    return system.path or system.id or "indicator system"


def _priorities(
    system: IndicatorSystem,
    judgments: Judgments,
    method: AHPMethod,
    ri: RITable | float,
    max_cr: float | None,
) -> AHPResult:
    """Return `ahp` of a matrix, refusing one whose CR exceeds `max_cr`.

    A matrix larger than the chosen RI table uses the ``ri`` the file
    gives for it.
    """
    n = len(judgments.elements)
    if (
        judgments.ri is not None
        and isinstance(ri, str)
        and ri in RI_TABLES
        and n > RI_TABLES[ri].n_max
    ):
        ri = judgments.ri
    result = ahp(
        judgments.matrix,
        method,
        ri,
        labels=judgments.elements,
        name=judgments.name,
    )
    if max_cr is not None and not cr_acceptable(result.cr, max_cr):
        key = judgments.key or judgments.name
        revisit = judgments.revisit or describe_revisit(
            judgments.matrix, judgments.elements
        )
        # the matrix's facts (CR, threshold, the pairs to revisit) for
        # programs and for the Chinese wording of the CLI
        pairs = diagnose_inconsistency(
            judgments.matrix, top=3, labels=judgments.elements
        )
        cause = JudgmentError(
            f"judgments {short_repr(judgments.name)}: CR={result.cr:.4f} > "
            f"{max_cr:.2f}",
            cr=result.cr,
            threshold=max_cr,
            matrix_name=judgments.name,
            suggestions=list(pairs.itertuples(index=False)),
        )
        raise ConfigError(
            f"{_where(system)}: {key}: the judgments "
            f"{short_repr(judgments.name)} "
            f"are inconsistent: CR={result.cr:.4f} > {max_cr:.2f} "
            f"(RI table {result.ri_table!r}), so the weights of cluster "
            f"type {short_repr(judgments.cluster_type)} cannot be derived "
            "from them."
            f" Revisit: {revisit}. Or pass max_cr=None (or a higher "
            f"max_cr) to accept them.",
            path=system.path or None,
            key=key,
        ) from cause
    return result


def _local(
    system: IndicatorSystem,
    judgments: Judgments,
    expected: tuple[str, ...],
    method: AHPMethod,
    ri: RITable | float,
    max_cr: float | None = MAX_CR,
) -> tuple[np.ndarray, AHPResult]:
    """Weights of `expected` elements from a Judgments, in that order."""
    where = _where(system)
    if set(judgments.elements) != set(expected) or len(
        judgments.elements
    ) != len(expected):
        raise ConfigError(
            f"{where}: judgments {short_repr(judgments.name)} compare "
            f"{list(judgments.elements)}, but the level has "
            f"{list(expected)}.",
            path=system.path or None,
            key=judgments.name,
        )
    result = _priorities(system, judgments, method, ri, max_cr)
    pos = {e: k for k, e in enumerate(judgments.elements)}
    w = np.asarray(result.weights)[[pos[e] for e in expected]]
    return w, result


def system_weights(
    system: IndicatorSystem,
    cluster_type: str | None = None,
    *,
    method: AHPMethod = "eigenvector",
    ri: RITable | float = "saaty",
    max_cr: float | None = MAX_CR,
) -> HierarchyWeights:
    r"""Return every indicator's AHP weight for a cluster type.

    Parameters
    ----------
    system : IndicatorSystem
        The indicator system with its judgments.
    cluster_type : str, optional
        A cluster type id of the system; None (or ``"default"``) asks for
        the type-agnostic weights. A level without judgments for the type
        uses the ``"default"`` judgments (`IndicatorSystem.judgments_for`).
    method : {"eigenvector", "geometric", "arithmetic"}
        The prioritisation method of every matrix (see `ahp`).
    ri : str or float
        The random-index table (see `ahp`). A matrix larger than the
        table uses the ``ri`` its ``[[judgments]]`` entry gives.
    max_cr : float or None
        Refuse a matrix whose CR exceeds this (default 0.10, Saaty 1980);
        None accepts every matrix. The system loads with inconsistent
        matrices (`IndicatorSystem.inconsistent`); only the cluster types
        that use one are refused.

    Returns
    -------
    HierarchyWeights
        The per-indicator table, every AHPResult used and their CRs.

    Raises
    ------
    ParameterError
        An unknown cluster type, method or RI table.
    ConfigError
        The system has no dimension matrix for the type nor a default one,
        a matrix compares other elements than its level holds, or a
        matrix used has CR above `max_cr` (the message names the file,
        the entry, the CR and the judgments to revisit).
    JudgmentError
        A malformed matrix (see `ahp`).

    Notes
    -----
    With :math:`v_d` the weight of dimension :math:`d` (from the
    ``"dimensions"`` matrix) and :math:`u_{i}` the local weight of indicator
    :math:`i` within its dimension (from the dimension's matrix), the global
    weight is :math:`w_i = v_{d(i)} u_i`; since both levels sum to 1, so do
    the :math:`w_i` (Saaty 1980, ch. 3). A dimension with one indicator has
    :math:`u_i = 1`; a dimension with several indicators but no matrix in
    the system gets equal local weights :math:`1/k` (the default of the
    research note behind the default system) and is listed in
    ``equal_weight_dimensions``.

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process. New York:
       McGraw-Hill, ch. 3 (composition of priorities in a hierarchy).
    """
    func = "system_weights"
    check_instance(
        func, "system", system, IndicatorSystem, "an IndicatorSystem"
    )
    empty = cluster_type is None or (
        isinstance(cluster_type, str) and not cluster_type
    )
    wanted = check_option(
        func,
        "cluster_type",
        DEFAULT_TYPE if empty else cluster_type,
        (*system.cluster_types, DEFAULT_TYPE),
    )
    check_option(func, "method", method, METHODS)
    max_cr = as_optional_non_negative(func, "max_cr", max_cr)
    results: dict[str, AHPResult] = {}
    dims = system.dimension_ids
    top = _find(system, LEVEL_DIMENSIONS, wanted)
    if top is None:
        where = _where(system)
        raise ConfigError(
            f"{where}: no judgments between the dimensions for cluster type "
            f"{short_repr(wanted)} and no {DEFAULT_TYPE!r} ones; add a "
            f"'{LEVEL_DIMENSIONS}' matrix.",
            path=system.path or None,
            key=f"{LEVEL_DIMENSIONS}/{wanted}",
        )
    if len(dims) == 1:
        dim_w = np.ones(1)
        results[top.name] = _priorities(system, top, method, ri, max_cr)
    else:
        dim_w, res = _local(system, top, dims, method, ri, max_cr)
        results[res.name or top.name] = res
    rows: list[tuple[str, str, float, float, float]] = []
    equal: list[str] = []
    for d, v in zip(system.dimensions, dim_w, strict=True):
        ids = d.indicators
        judg = _find(system, d.id, wanted) if len(ids) > 1 else None
        if len(ids) == 1:
            local = np.ones(1)
        elif judg is None:
            local = np.full(len(ids), 1.0 / len(ids))
            equal.append(d.id)
        else:
            local, res = _local(system, judg, ids, method, ri, max_cr)
            results[judg.name] = res
        rows.extend(
            (i, d.id, float(v), float(u), float(v * u))
            for i, u in zip(ids, local, strict=True)
        )
    table = pd.DataFrame.from_records(
        rows, columns=["indicator", *COLUMNS], index="indicator"
    )
    order = [i for i in system.indicator_ids if i in table.index]
    table = table.loc[order]
    cr = pd.Series(
        {name: r.cr for name, r in results.items()}, name="cr", dtype=float
    )
    cr.index.name = "matrix"
    return HierarchyWeights(
        table=table,
        judgments=MappingProxyType(results),
        cr=cr,
        cluster_type=wanted,
        equal_weight_dimensions=tuple(equal),
    )
