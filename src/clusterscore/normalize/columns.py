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
