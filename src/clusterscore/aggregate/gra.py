r"""Grey relational analysis (Deng 1982) on normalised arrays.

The kernels follow the conventions of `clusterscore.aggregate`: they take a
normalised, higher-is-better matrix ``Y`` of shape ``(m, n)`` (clusters x
indicators) and weights ``W`` of shape ``(n,)`` (summing to 1) or
``(k, n)`` (a batch), and do not validate.

The reference sequence is the ideal cluster, the best observed value of
every column, :math:`y_{0j} = \max_i y_{ij}` (1 for every column of a
min-max matrix with spread). With the absolute differences
:math:`\Delta_{ij} = |y_{0j} - y_{ij}|` and their two-level minimum and
maximum over all clusters and indicators,
:math:`\Delta_{\min} = \min_i \min_j \Delta_{ij}` and
:math:`\Delta_{\max} = \max_i \max_j \Delta_{ij}`, Deng's grey relational
coefficient and the weighted grey relational grade are

.. math::

    \xi_{ij} = \frac{\Delta_{\min} + \rho \Delta_{\max}}
                    {\Delta_{ij} + \rho \Delta_{\max}}, \qquad
    \gamma_i = \sum_j w_j \xi_{ij}

with the distinguishing coefficient :math:`\rho \in (0, 1]` (0.5 by
custom). Deng's grade is the plain mean :math:`\frac1n \sum_j \xi_{ij}`,
i.e. equal weights; multi-attribute decision making uses the weighted form
(Kuo, Yang and Huang 2008, eq. 7). A larger grade is better;
:math:`\gamma_i \in [\rho/(1+\rho), 1]` when :math:`\Delta_{\min} = 0`,
so with :math:`\rho = 0.5` the 0-100 score ``100 * grade`` lies in
[33.3, 100], not [0, 100]. When every difference is 0 (all clusters
identical) every coefficient is 1.

The grade is a weighted mean of per-indicator coefficients that do not
depend on the weights, so a dimension sub-score (the grade over the
dimension's indicators with within-dimension weights, same
:math:`\Delta_{\min}` and :math:`\Delta_{\max}`) decomposes the score as
the weighted sum does: :math:`\gamma_i = \sum_d W_d \gamma_{id}`.

References
----------
.. [1] Deng, J.-L. (1982). Control problems of grey systems. *Systems &
   Control Letters* 1(5), 288-294. doi:10.1016/S0167-6911(82)80025-X
.. [2] Deng, J.-L. (1989). Introduction to grey system theory. *The
   Journal of Grey System* 1(1), 1-24 (grey relational coefficient and
   grade, with rho = 0.5).
.. [3] Kuo, Y., Yang, T. and Huang, G.-W. (2008). The use of grey
   relational analysis in solving multiple attribute decision-making
   problems. *Computers & Industrial Engineering* 55(1), 80-93.
   doi:10.1016/j.cie.2007.12.002
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from clusterscore._checks import short_repr
from clusterscore.aggregate.products import weighted_rows
from clusterscore.errors import ParameterError

__all__ = [
    "DEFAULT_RHO",
    "check_rho",
    "gra_dimension_kernel",
    "gra_grade",
    "grey_relational_coefficients",
]

FloatArray = npt.NDArray[np.float64]

#: Default distinguishing coefficient (Deng 1989: rho = 0.5).
DEFAULT_RHO = 0.5


def check_rho(func: str, rho: Any) -> float:
    """Return `rho` as a float in (0, 1], else raise `ParameterError`."""
    number = isinstance(rho, int | float | np.number) and not isinstance(
        rho, bool
    )
    x = float(rho) if number else float("nan")
    if not 0.0 < x <= 1.0:
        raise ParameterError(
            f"{func}(): 'rho' (the distinguishing coefficient) must be a "
            f"number in (0, 1]; got {short_repr(rho)}.",
            parameter="rho",
            value=rho,
            allowed="(0, 1]",
        )
    return x


def grey_relational_coefficients(
    Y: FloatArray, rho: float = DEFAULT_RHO
) -> FloatArray:
    r"""Deng's grey relational coefficients against the ideal; no validation.

    .. math::

        \xi_{ij} = \frac{\Delta_{\min} + \rho \Delta_{\max}}
                        {\Delta_{ij} + \rho \Delta_{\max}}, \quad
        \Delta_{ij} = \max_k y_{kj} - y_{ij}

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; finite, not checked.
    rho : float, default 0.5
        The distinguishing coefficient, in (0, 1].

    Returns
    -------
    ndarray, shape (m, n)
        Coefficients in :math:`(0, 1]`; all 1 when every difference is 0.

    References
    ----------
    .. [1] Deng, J.-L. (1989). Introduction to grey system theory. *The
       Journal of Grey System* 1(1), 1-24.

    Examples
    --------
    >>> Y = np.array([[1.0, 0.0], [0.5, 1.0]])
    >>> grey_relational_coefficients(Y).round(4).tolist()
    [[1.0, 0.3333], [0.5, 1.0]]
    """
    Y = np.asarray(Y, dtype=float)
    delta: FloatArray = np.subtract(Y.max(axis=0), Y)
    if delta.size == 0:
        return np.ones_like(delta)
    dmin = float(delta.min())
    dmax = float(delta.max())
    if dmax <= 0.0:
        return np.ones_like(delta)
    # divided through by dmax first: the same ratio, and no underflow of
    # rho * dmax when the differences are subnormal
    return (dmin / dmax + rho) / (delta / dmax + rho)


def gra_grade(
    Y: FloatArray, W: FloatArray, rho: float = DEFAULT_RHO
) -> FloatArray:
    r"""Weighted grey relational grade of each row; no validation.

    .. math:: \gamma_i = \sum_j w_j \xi_{ij}

    The aggregation kernel (signature of `clusterscore.aggregate`
    kernels); larger is better. ``100 * grade`` is the 0-100 score.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows), each summing to 1.
    rho : float, default 0.5
        The distinguishing coefficient.

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        The grades, in :math:`(0, 1]`.

    References
    ----------
    .. [1] Kuo, Y., Yang, T. and Huang, G.-W. (2008). *Computers &
       Industrial Engineering* 55(1), 80-93, eq. 7.
       doi:10.1016/j.cie.2007.12.002

    Examples
    --------
    >>> Y = np.array([[1.0, 0.0], [0.5, 1.0]])
    >>> gra_grade(Y, np.array([0.5, 0.5])).round(4).tolist()
    [0.6667, 0.75]
    """
    xi = grey_relational_coefficients(Y, rho)
    return weighted_rows(xi, np.asarray(W, dtype=float))


def gra_dimension_kernel(
    Y: FloatArray,
    M: FloatArray,
    floor: float | None = None,
    *,
    rho: float = DEFAULT_RHO,
) -> FloatArray:
    """Dimension sub-scores of GRA: the grade over each dimension.

    `M` is the (n, n_dims) matrix of within-dimension weights of
    `clusterscore.aggregate.dimension_scores`. The coefficients use the
    two-level minimum and maximum over all indicators (not per dimension),
    so the overall grade is the dimension-weighted sum of the sub-scores.
    `floor` is accepted for the registry's signature and ignored.

    Returns
    -------
    ndarray, shape (m, n_dims)
    """
    xi = grey_relational_coefficients(Y, rho)
    return (M.T @ xi.T).T
