r"""Coupling coordination degree (耦合协调度) among the dimensions.

Each dimension's sub-score :math:`U_d \in [0, 1]` (``ev.ranking[d] / 100``)
is one "subsystem". For :math:`n \ge 2` subsystems:

- coupling degree :math:`C` (耦合度), in one of two forms (below);
- comprehensive development index :math:`T = \sum_d \alpha_d U_d`
  (综合协调指数), :math:`\alpha_d` the dimension weights of the
  evaluation (the sums of the used indicator weights per dimension);
- coordination degree :math:`D = \sqrt{C \, T}` (耦合协调度), in [0, 1],
  with the customary ten-grade class (`GRADES`).

Forms of :math:`C` (``form=``):

``"classic"``
    The normative traditional model as restated by Wang et al. (2021):
    :math:`C = \left[\prod_d U_d \big/ \left(\frac1n \sum_d U_d\right)^n
    \right]^{1/n} = n \left(\prod_d U_d\right)^{1/n} \big/ \sum_d U_d`,
    the ratio of the geometric to the arithmetic mean (for two
    subsystems :math:`2\sqrt{U_1 U_2}/(U_1 + U_2)`).
``"corrected"`` (default)
    Wang et al.'s (2021) modified model,
    :math:`C = \sqrt{\left[1 - \frac{\sum_{i > j} |U_i - U_j|}
    {\sum_{m=1}^{n-1} m}\right] \left(\prod_d \frac{U_d}{\max U}
    \right)^{1/(n-1)}}`.

Why they differ: the classic C depends only on the ratios of the
sub-scores, so it is 1 whenever they are equal (however low) and it
crowds near 1 for moderately unequal ones (:math:`U = (0.4, 0.6)` gives
0.98); with the five dimensions of the default system almost every
cluster has C > 0.9 and D is then close to :math:`\sqrt{T}`. Wang et al.
show this lack of discrimination (their "model failure"; Table 8 compares
the two forms on the Beijing-Tianjin-Hebei data, and every printed pair is
consistent with the two formulas here for some U in [0, 1], a test of
``tests/analysis/test_coupling.py``) and correct it: the
first factor penalises the mean absolute gap between subsystems, the
second their ratio to the leading one, so C spreads over [0, 1]. The
corrected form is the default because the classic one cannot tell a
balanced cluster from a moderately unbalanced one; use ``"classic"`` to
compare with studies that report the traditional model.

Edge rules (both forms; sub-scores must lie in [0, 1]):

- a sub-score of 0 makes the product 0, so C = 0 and D = 0: a subsystem
  with no development cannot be coupled;
- all sub-scores 0 (0/0 in both forms): C = 0, T = 0, D = 0;
- fewer than two dimensions: refused (coupling needs two subsystems).

References
----------
.. [1] 王淑佳, 孔伟, 任亮, 治丹丹, 戴彬婷 (2021). 国内耦合协调度模型的误区
   及修正 (Research on misuses and modification of coupling coordination
   degree model in China). 自然资源学报 (Journal of Natural Resources)
   36(3), 793-810. doi:10.31497/zrzyxb.20210319
.. [2] 廖重斌 (1999). 环境与经济协调发展的定量评判及其分类体系——以珠江
   三角洲城市群为例. 热带地理 19(2), 171-177 (the coordination degree
   and its grading).
.. [3] 田深圳, 李雪铭, 杨俊, 张威, 郭建科 (2021). 东北三省城市拟态与现实
   人居环境时空耦合协调特征与机制. 地理学报 76(4), 781-798, Table 1
   (the ten grades of D used here).
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd

from clusterscore._checks import check_instance, check_option
from clusterscore._choices import COUPLING_FORMS
from clusterscore.errors import DataError
from clusterscore.scoring import Evaluation

__all__ = [
    "COUPLING_FORMS",
    "DEFAULT_FORM",
    "GRADES",
    "coordination_grade",
    "coupling_coordination",
    "coupling_degree",
]

DEFAULT_FORM = "corrected"

#: The ten grades of the coordination degree D: (upper bound, Chinese
#: name, English name), each class (previous bound, upper bound], the first
#: including 0 (田深圳 et al. 2021, Table 1, after 廖重斌 1999).
GRADES: tuple[tuple[float, str, str], ...] = (
    (0.1, "极度失调", "extreme imbalance"),
    (0.2, "严重失调", "serious imbalance"),
    (0.3, "中度失调", "moderate imbalance"),
    (0.4, "轻度失调", "mild imbalance"),
    (0.5, "濒临失调", "on the verge of imbalance"),
    (0.6, "勉强协调", "barely coordinated"),
    (0.7, "初级协调", "primary coordination"),
    (0.8, "中级协调", "intermediate coordination"),
    (0.9, "良好协调", "good coordination"),
    (1.0, "优质协调", "high-quality coordination"),
)


def _as_subscores(func: str, U: Any) -> np.ndarray:
    """Sub-scores as an (m, n) float array in [0, 1], n >= 2."""
    try:
        arr = np.asarray(U, dtype=float)
    except (TypeError, ValueError):
        raise DataError(
            f"{func}(): 'U' must be numbers (sub-scores in [0, 1])."
        ) from None
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2 or arr.shape[1] < 2:
        raise DataError(
            f"{func}(): coupling needs at least two subsystems (dimensions) "
            f"per row; got shape {np.shape(U)}."
        )
    bad = ~(np.isfinite(arr) & (arr >= 0) & (arr <= 1))
    if bad.any():
        r, c = np.argwhere(bad)[0]
        raise DataError(
            f"{func}(): sub-scores must lie in [0, 1]; row {r}, column {c} "
            f"holds {arr[r, c]!r}."
        )
    return arr


def _classic(U: np.ndarray) -> np.ndarray:
    """N (prod U)^(1/n) / sum U; 0 where the sum is 0."""
    n = U.shape[1]
    total = U.sum(axis=1)
    geo = np.prod(U, axis=1) ** (1.0 / n)
    out = np.zeros(U.shape[0])
    np.divide(n * geo, total, out=out, where=total > 0)
    return np.minimum(out, 1.0)  # AM-GM; rounding may exceed 1 by an ulp


def _corrected(U: np.ndarray) -> np.ndarray:
    """Wang et al. (2021): sqrt((1 - mean|Ui - Uj|) (prod U/max)^(1/(n-1)))."""
    n = U.shape[1]
    pairs = n * (n - 1) / 2  # sum_{m=1}^{n-1} m
    i, j = np.triu_indices(n, k=1)
    spread = np.abs(U[:, i] - U[:, j]).sum(axis=1) / pairs
    top = U.max(axis=1, keepdims=True)
    ratio = np.zeros_like(U)
    np.divide(U, top, out=ratio, where=top > 0)
    balance = np.prod(ratio, axis=1) ** (1.0 / (n - 1))
    return cast(
        np.ndarray, np.sqrt(np.clip((1.0 - spread) * balance, 0.0, 1.0))
    )


def coupling_degree(U: Any, form: str = DEFAULT_FORM) -> np.ndarray:
    r"""Coupling degree C of each row of sub-scores.

    Parameters
    ----------
    U : array_like, shape (m, n) or (n,)
        Sub-scores in [0, 1], n >= 2 subsystems.
    form : {"corrected", "classic"}
        See the module docstring.

    Returns
    -------
    ndarray, shape (m,)
        C in [0, 1].

    Raises
    ------
    DataError
        Fewer than two subsystems; a value outside [0, 1] (named by row
        and column).
    ParameterError
        Unknown `form`.

    Examples
    --------
    >>> coupling_degree([[0.4, 0.6]], "classic").round(4).tolist()
    [0.9798]
    >>> coupling_degree([[0.4, 0.6]], "corrected").round(4).tolist()
    [0.7303]
    """
    func = "coupling_degree"
    check_option(func, "form", form, COUPLING_FORMS)
    arr = _as_subscores(func, U)
    return _corrected(arr) if form == "corrected" else _classic(arr)


def coordination_grade(D: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the grade (1-10) of each coordination degree and its names.

    Class k is (0.1 (k - 1), 0.1 k], class 1 including 0 (`GRADES`).

    Returns
    -------
    grade, name_zh, name_en : ndarray
    """
    d = np.asarray(D, dtype=float)
    bounds = np.array([g[0] for g in GRADES])
    k = np.searchsorted(bounds, d, side="left")  # (lo, hi] classes
    k = np.clip(k, 0, len(GRADES) - 1)
    # bounds such as 0.3 are not exact in binary: a D computed as 0.3
    # must fall in (0.2, 0.3], so compare with a tolerance of 1e-12
    below = (k > 0) & (d <= bounds[np.maximum(k - 1, 0)] + 1e-12)
    k = np.where(below, k - 1, k)
    zh = np.array([g[1] for g in GRADES], dtype=object)[k]
    en = np.array([g[2] for g in GRADES], dtype=object)[k]
    return k + 1, zh, en


def coupling_coordination(
    ev: Evaluation, form: str = DEFAULT_FORM
) -> pd.DataFrame:
    r"""Coupling coordination of each cluster's dimensions.

    .. math::

        T = \sum_d \alpha_d U_d, \qquad D = \sqrt{C \, T}

    with :math:`U_d` the dimension sub-scores of the evaluation (0-100
    divided by 100), :math:`\alpha_d` the dimension weights (the used
    indicator weights summed per dimension, per type with
    ``by_type=True``, over the dimensions that were scored) and C the
    coupling degree of `form`.

    Parameters
    ----------
    ev : Evaluation
        The result of `clusterscore.evaluate`.
    form : {"corrected", "classic"}
        The coupling degree's form (default ``"corrected"``, Wang et al.
        2021); see the module docstring for why they differ.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``cluster`` in the ranking's order: ``type``, ``C``,
        ``T``, ``D``, ``grade`` (1-10), ``grade_zh``, ``grade_en``.

    Raises
    ------
    ParameterError
        Unknown `form`.
    DataError
        Fewer than two scored dimensions.

    References
    ----------
    .. [1] 王淑佳 等 (2021). 国内耦合协调度模型的误区及修正. 自然资源学报
       36(3), 793-810. doi:10.31497/zrzyxb.20210319

    Examples
    --------
    >>> import clusterscore as cs
    >>> ev = cs.evaluate(cs.datasets.synthetic_clusters(n=8, rng=1))
    >>> cc = coupling_coordination(ev)
    >>> list(cc.columns)
    ['type', 'C', 'T', 'D', 'grade', 'grade_zh', 'grade_en']
    """
    func = "coupling_coordination"
    check_instance(func, "ev", ev, Evaluation, "an Evaluation")
    check_option(func, "form", form, COUPLING_FORMS)
    dims = [d for d in ev.system.dimension_ids if ev.ranking[d].notna().all()]
    if len(dims) < 2:
        raise DataError(
            f"{func}(): coupling needs at least two scored dimensions; the "
            f"evaluation has {len(dims)} ({', '.join(dims) or 'none'})."
        )
    U = np.clip(ev.ranking[dims].to_numpy(dtype=float) / 100.0, 0.0, 1.0)
    alpha = _dimension_weights(ev, dims)
    C = coupling_degree(U, form)
    T = np.clip((U * alpha).sum(axis=1), 0.0, 1.0)
    D = np.sqrt(C * T)
    grade, zh, en = coordination_grade(D)
    return pd.DataFrame(
        {
            "type": ev.ranking["type"].to_numpy(),
            "C": C,
            "T": T,
            "D": D,
            "grade": grade,
            "grade_zh": zh,
            "grade_en": en,
        },
        index=ev.ranking.index,
    )


def _dimension_weights(ev: Evaluation, dims: list[str]) -> np.ndarray:
    """Per-row dimension weights (m, n_dims), each row summing to 1."""
    w = ev.weights
    if ev.options["by_type"]:
        per_type = {
            t: _weights_of(cast(pd.DataFrame, w.xs(t, level="type")), dims)
            for t in w.index.get_level_values("type").unique()
        }
        return np.array([per_type[t] for t in ev.ranking["type"]])
    return np.tile(_weights_of(w, dims), (len(ev.ranking), 1))


def _weights_of(table: pd.DataFrame, dims: list[str]) -> np.ndarray:
    """Dimension weights of one weight table, normalised over `dims`."""
    sums = table.groupby("dimension")["used"].sum().reindex(dims).fillna(0)
    a = sums.to_numpy(dtype=float)
    total = a.sum()
    return a / total if total > 0 else np.full(len(dims), 1.0 / len(dims))
