"""Blocked column statistics shared by the normalisation and aggregation.

One pass over a matrix gives each column's minimum, maximum and sum of
squares; the blocks of about 2**15 (statistics: 2**17) elements stay in
the CPU cache. Nothing here validates.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
SignArray = npt.NDArray[np.int8]

# Rows per block in the blocked column reductions: about 2**15 elements,
# so that a block stays in the CPU cache while several statistics are
# taken from it.
_BLOCK_ELEMENTS = 1 << 15
# The column statistics (min, max, sum of squares) take larger blocks.
_STATS_BLOCK_ELEMENTS = 1 << 17
# Element-wise kernels that write a new matrix (min-max) take blocks of
# about 2**19 elements: small enough that the three operations on a block
# run in cache, large enough that each of a column-major matrix's column
# pieces is long (short pieces cost more in numpy's loop overhead than
# the cache saves).
_MAP_BLOCK_ELEMENTS = 1 << 19


def _block_rows(n: int) -> int:
    """Rows per block for a matrix with `n` columns."""
    return max(1, _BLOCK_ELEMENTS // max(n, 1))


def _fold(block: FloatArray, op: np.ufunc, buf: FloatArray) -> FloatArray:
    """Column-wise reduction of `block` by `op` (np.minimum or np.maximum).

    numpy's ``block.min(axis=0)`` on a C-ordered matrix with few columns
    runs about five times slower than element-wise ufuncs, so the block is
    folded in halves (``op(top, bottom)``) until a few rows remain. The
    result is exact, and NaN propagates as in ``np.minimum``.
    """
    m = block.shape[0]
    if m <= 8:
        return cast(FloatArray, op.reduce(block, axis=0))
    h = m // 2
    out = buf[:h]
    op(block[:h], block[h : 2 * h], out=out)
    if m % 2:
        op(out[0], block[2 * h], out=out[0])
    m = h
    while m > 8:
        h = m // 2
        op(out[:h], out[h : 2 * h], out=out[:h])
        if m % 2:
            op(out[0], out[2 * h], out=out[0])
        m = h
    return cast(FloatArray, op.reduce(out[:m], axis=0))


def _column_stats(
    X: FloatArray, *, sumsq: bool = False
) -> tuple[FloatArray, FloatArray, FloatArray | None]:
    """Column minimum, maximum and (optionally) sum of squares; no checks.

    One blocked pass over `X`: each block is read from memory once and the
    statistics are taken while it is in cache. NaN propagates into the
    minimum and maximum, and an infinity shows in one of them, so the
    caller can test finiteness on these (n,) vectors instead of on `X`.
    """
    m, n = X.shape
    if X.flags.f_contiguous and m > 1 and not sumsq:
        # each column is contiguous (a DataFrame's values are laid out so):
        # numpy's own reductions run at memory speed down a column, and a
        # minimum or maximum is exact whatever the order (the sums of
        # squares keep the blocked pass, so that they do not depend on the
        # layout)
        return X.min(axis=0), X.max(axis=0), None
    step = max(1, _STATS_BLOCK_ELEMENTS // max(n, 1))
    lo = np.full(n, np.inf)
    hi = np.full(n, -np.inf)
    ss = np.zeros(n) if sumsq else None
    buf = np.empty((min(step, m) // 2 + 1, n))
    for start in range(0, m, step):
        block = X[start : start + step]
        np.minimum(lo, _fold(block, np.minimum, buf), out=lo)
        np.maximum(hi, _fold(block, np.maximum, buf), out=hi)
        if ss is not None:
            ss += np.einsum("ij,ij->j", block, block)
    return lo, hi, ss


def _column_norms(
    X: FloatArray, lo: FloatArray, hi: FloatArray, sumsq: FloatArray
) -> FloatArray:
    """Euclidean column norms sqrt(sum_i x_ij^2), safe from over/underflow.

    `sumsq` is the plain sum of squares. Where it overflowed (|x| > ~1e154)
    or underflowed to a value that loses precision (|x| < ~1e-154) while
    the column is not all zero, the norm is recomputed on the column
    scaled by its largest magnitude.
    """
    norms = np.sqrt(sumsq)
    amax = np.maximum(np.abs(lo), np.abs(hi))
    redo = ~np.isfinite(norms) | ((amax > 0) & (sumsq < 1e-290))
    if redo.any():
        cols = np.flatnonzero(redo)
        scaled = X[:, cols] / amax[cols]
        norms[cols] = amax[cols] * np.sqrt(
            np.einsum("ij,ij->j", scaled, scaled)
        )
    return norms


#: Columns whose largest magnitude is above ``2**SAFE_EXPONENT`` or, when
#: not 0, below ``2**-SAFE_EXPONENT`` are rescaled by a power of two before
#: a scale-invariant method works on them (`_pow2_rescale`): within this
#: range squares, sums of squares over any realistic number of rows and
#: column spreads neither overflow nor lose precision to subnormals.
SAFE_EXPONENT = 400


def _pow2_rescale(
    X: FloatArray, lo: FloatArray, hi: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, npt.NDArray[np.int64]]:
    """Rescale extreme columns by powers of two; no validation.

    Column ``j`` with largest magnitude ``a_j = f 2**e_j`` (``f`` in
    [0.5, 1)) outside the safe range of `SAFE_EXPONENT` is multiplied by
    ``2**-e_j`` (``np.ldexp``): its largest magnitude becomes ``f``, and
    the scaling is exact (no rounding: subnormal values gain exponent
    bits without changing, and values that are negligible against the
    column's maximum stay negligible). Every other column is left as it
    is, so for ordinary data nothing is copied and results are the same
    to the last bit. Methods that do not depend on a column's unit (min-
    max, z-scores, vector normalisation, TOPSIS, entropy shares, CRITIC
    correlations) then give the same result for a column of 1e300s or
    1e-300s as for the same column in ordinary units.

    Returns
    -------
    X, lo, hi : ndarray
        The (possibly copied) matrix and its column minima and maxima.
    exps : ndarray of int64, shape (n,)
        The exponents ``e_j`` divided out (0 for untouched columns):
        ``X_in[:, j] = X[:, j] * 2**exps[j]``.
    """
    amax = np.maximum(np.abs(lo), np.abs(hi))
    _, e = np.frexp(amax)
    extreme = (amax > 0) & ((e > SAFE_EXPONENT) | (e < -SAFE_EXPONENT))
    exps = np.where(extreme, e, 0).astype(np.int64)
    if not extreme.any():
        return X, lo, hi, exps
    cols = np.flatnonzero(extreme)
    X = np.array(X, dtype=float, copy=True)
    X[:, cols] = np.ldexp(X[:, cols], -exps[cols])
    return X, np.ldexp(lo, -exps), np.ldexp(hi, -exps), exps
