"""Aggregation kernels: weighted sum, weighted geometric mean, TOPSIS.

Kernels take a normalised, higher-is-better matrix ``Y`` of shape
``(m, n)`` and weights ``W`` of shape ``(n,)`` or ``(k, n)`` (a batch),
giving scores of shape ``(m,)`` or ``(k, m)``. They do not validate; the
public functions in `clusterscore.aggregate.api` do. Large matrices are
processed in row blocks of about 2**15 elements.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from clusterscore._checks import short_repr
from clusterscore.aggregate.products import weighted_rows
from clusterscore.errors import ParameterError
from clusterscore.normalize import (
    FloatArray,
    SignArray,
    _block_rows,
    _column_norms,
    _column_stats,
)

#: Floor of the weighted geometric mean: a normalised value below 1 % of
#: the best attainable (1.0) counts as 1 %. A min-max zero (the worst
#: cluster on one indicator) then costs a factor 0.01**w_j instead of
#: annihilating the score; this is the floor that COINr users obtain by
#: rescaling min-max to [1, 100] before a geometric mean (COINr issues 47
#: and 65), applied only to the values below it.
DEFAULT_FLOOR = 0.01

#: Normalisations that `topsis` accepts: Hwang and Yoon's vector
#: normalisation (the default) and min-max.
TOPSIS_NORMALIZATIONS = ("vector", "minmax")
TopsisNormalization = Literal["vector", "minmax"]
"""The names in `TOPSIS_NORMALIZATIONS`, as a type (kept in step)."""


def _floats(func: str, name: str, value: Any) -> FloatArray:
    """Return `value` as a float array; no other check (kernels trust).

    Only a value that is no array of numbers at all (text, an object) is
    refused, with a `ParameterError` naming `name` and echoing the value
    short, instead of numpy's own error. A float64 array passes as is.
    """
    if isinstance(value, np.ndarray) and value.dtype == np.float64:
        return value
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{func}(): {name!r} must be an array of numbers; got "
            f"{short_repr(value)}.",
            parameter=name,
            value=value,
        ) from None


def _output(W: FloatArray, m: int) -> FloatArray:
    """Allocate scores: (m,) for one weight vector, (k, m) for k of them."""
    return np.empty(m) if W.ndim == 1 else np.empty((W.shape[0], m))


def weighted_sum(Y: FloatArray, W: FloatArray) -> FloatArray:
    r"""Weighted arithmetic mean of each row; no validation.

    .. math:: S_i = \sum_j w_j \, y_{ij}

    Fully compensatory: a unit lost on one indicator is made up by
    :math:`w_j / w_k` units on another.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows), each summing to 1.

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        The scores; in [0, 1] (up to rounding) when `Y` is.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 6 (linear aggregation).
       doi:10.1787/9789264043466-en
    """
    Y = _floats("weighted_sum", "Y", Y)
    W = _floats("weighted_sum", "W", W)
    return weighted_rows(Y, W)


def weighted_geometric(
    Y: FloatArray, W: FloatArray, floor: float = DEFAULT_FLOOR
) -> FloatArray:
    r"""Weighted geometric mean of each row with a floor; no validation.

    .. math::

        S_i = \prod_j \max(y_{ij}, f)^{w_j}
            = \exp\Big(\sum_j w_j \log \max(y_{ij}, f)\Big)

    computed as one log pass and one matrix product. Partly compensatory:
    a low value costs more than a high value elsewhere gives back. The
    floor :math:`f > 0` keeps one zero (the worst cluster on one indicator
    after min-max) from collapsing the whole score to 0; with `Y` in
    [0, 1] the score lies in :math:`[f, 1]`. ``max(y, f)`` is
    non-decreasing in ``y``, so raising an indicator never lowers a score.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values >= 0, larger is better; not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows), each summing to 1.
    floor : float, default 0.01
        The floor :math:`f`, > 0 (see `DEFAULT_FLOOR`).

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        The scores.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 6 (geometric aggregation,
       which needs strictly positive values).
       doi:10.1787/9789264043466-en
    .. [2] Becker, W. et al. (2022). COINr: an R package for developing
       composite indicators. *Journal of Open Source Software* 7(78),
       4567; issues bluefoxr/COINr#47 and #65 (geometric mean after
       min-max). doi:10.21105/joss.04567
    """
    Y = _floats("weighted_geometric", "Y", Y)
    W = _floats("weighted_geometric", "W", W)
    m, n = Y.shape
    out = _output(W, m)
    step = _block_rows(n)
    buf = np.empty((min(step, m), n))
    for start in range(0, m, step):
        stop = min(start + step, m)
        b = buf[: stop - start]
        np.maximum(Y[start:stop], floor, out=b)
        np.log(b, out=b)
        weighted_rows(b, W, out=out[..., start:stop])
    np.exp(out, out=out)
    return out


def _closeness(
    X: FloatArray,
    W: FloatArray,
    origin: FloatArray,
    divisor: FloatArray | None,
    gap: FloatArray,
) -> FloatArray:
    r"""TOPSIS closeness from per-column affine maps; the shared core.

    With :math:`u_{ij} = (x_{ij} - o_j) / c_j \in [0, g_j]` the distance of
    cluster i's normalised value from the anti-ideal (so :math:`g_j - u_{ij}`
    is its distance from the ideal), the weighted Euclidean distances are

    .. math::

        d^-_i = \sqrt{\textstyle\sum_j w_j^2 u_{ij}^2}, \qquad
        d^+_i = \sqrt{\textstyle\sum_j w_j^2 (g_j - u_{ij})^2}

    which is two squared blocks and two matrix products per row block
    (for a batch of weights too), with no cancellation. The closeness is
    :math:`C_i = d^-_i / (d^+_i + d^-_i)`, and 0.5 where both distances
    are 0 (every alternative identical on every weighted criterion).
    """
    W2 = np.square(np.asarray(W, dtype=float))
    m, n = X.shape
    dminus = _output(W2, m)
    dplus = _output(W2, m)
    step = _block_rows(n)
    rows = min(step, m)
    ubuf = np.empty((rows, n))
    qbuf = np.empty((rows, n))
    for start in range(0, m, step):
        stop = min(start + step, m)
        u = ubuf[: stop - start]
        q = qbuf[: stop - start]
        np.subtract(X[start:stop], origin, out=u)
        if divisor is not None:
            np.divide(u, divisor, out=u)
        np.subtract(gap, u, out=q)
        np.multiply(u, u, out=u)
        np.multiply(q, q, out=q)
        weighted_rows(u, W2, out=dminus[..., start:stop])
        weighted_rows(q, W2, out=dplus[..., start:stop])
    # In place, so that a large batch needs two (k, m) arrays, not four.
    np.sqrt(dminus, out=dminus)
    np.sqrt(dplus, out=dplus)
    total = np.add(dplus, dminus, out=dplus)
    np.divide(dminus, total, out=dminus, where=total > 0)
    np.copyto(dminus, 0.5, where=total == 0)
    return dminus


def topsis_closeness(Y: FloatArray, W: FloatArray) -> FloatArray:
    r"""TOPSIS relative closeness of a normalised matrix; no validation.

    `Y` is already normalised with every column oriented so that larger is
    better (the output of `clusterscore.normalize.normalize`). Per column,
    the ideal is :math:`y^+_j = \max_i y_{ij}` and the anti-ideal
    :math:`y^-_j = \min_i y_{ij}`; with weighted values
    :math:`v_{ij} = w_j y_{ij}`,

    .. math::

        d^+_i = \sqrt{\textstyle\sum_j w_j^2 (y^+_j - y_{ij})^2}, \quad
        d^-_i = \sqrt{\textstyle\sum_j w_j^2 (y_{ij} - y^-_j)^2}, \quad
        C_i = \frac{d^-_i}{d^+_i + d^-_i} \in [0, 1]

    and :math:`C_i = 0.5` when :math:`d^+_i = d^-_i = 0` (all alternatives
    identical). For a normalisation that is affine per column (vector,
    with cost columns flipped as :math:`1 - r`, or min-max) the distances
    are those of the classical method on the raw matrix, so
    ``topsis_closeness(normalize(X, d, method="vector"), w)`` equals
    ``topsis(X, w, d)``.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; finite, not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows).

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        The closeness coefficients, in [0, 1].

    References
    ----------
    .. [1] Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision
       Making: Methods and Applications*. Lecture Notes in Economics and
       Mathematical Systems 186. Springer, pp. 128-134.
       doi:10.1007/978-3-642-48318-9
    """
    lo, hi, _ = _column_stats(Y)
    return _closeness(Y, W, lo, None, hi - lo)


def _topsis_raw(
    X: FloatArray,
    W: FloatArray,
    signs: SignArray,
    normalization: str,
    stats: tuple[FloatArray, FloatArray, FloatArray | None] | None = None,
) -> FloatArray:
    """TOPSIS on a raw decision matrix; no validation.

    The normalisation, the weighting, the ideal and anti-ideal and the
    direction are folded into one affine map per column, so the matrix is
    read twice: once for the column statistics (min, max, sum of squares)
    and once, block by block, for the distances. `stats` lets the caller
    pass statistics it already computed while validating.
    """
    n = X.shape[1]
    lo, hi, ss = stats or _column_stats(X, sumsq=normalization == "vector")
    spread = hi - lo
    if normalization == "vector":
        assert ss is not None
        scale = _column_norms(X, lo, hi, ss)
    else:
        scale = spread
    # u = (x - anti-ideal) / (s * scale) >= 0, for benefit and cost alike.
    # A column with scale 0 is constant: dividing by inf makes it add
    # nothing (and a division, unlike multiplying by 1/scale, cannot
    # overflow for subnormal scales).
    flat = scale == 0
    divisor = np.where(flat, np.inf, scale * signs)
    gap = np.divide(spread, scale, out=np.zeros(n), where=~flat)
    origin = np.where(signs > 0, lo, hi)
    return _closeness(X, W, origin, divisor, gap)
