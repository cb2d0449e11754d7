"""Weighted row sums that give identical rows identical results.

A matrix product by BLAS (``Y @ w``, ``W @ Y.T``) does not promise that
two identical rows of ``Y`` get the same sum to the last bit: the kernels
take the rows in tiles, and a row that falls in a remainder tile is
summed in another order. On one common machine (OpenBLAS's Haswell
kernels) about one set of identical rows in six came out one ulp apart,
so identical clusters got different ranks. The scores are therefore
summed by `numpy.einsum`'s own loop (never BLAS without ``optimize``),
which sums every row over the same sequence of columns; a hypothesis test
holds it to that (``tests/aggregate/test_products.py``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["weighted_rows"]

FloatArray = npt.NDArray[np.float64]


def weighted_rows(
    A: FloatArray, W: FloatArray, out: FloatArray | None = None
) -> FloatArray:
    r"""Weighted sums of the rows of `A`, the same for identical rows.

    .. math:: S_i = \sum_j w_j a_{ij} \quad\text{or}\quad
              S_{ki} = \sum_j w_{kj} a_{ij}

    Kernel: no validation.

    Parameters
    ----------
    A : ndarray, shape (m, n)
        The rows (any memory layout).
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows).
    out : ndarray, optional
        Where to write the result, shape (m,) or (k, m) (a view will do).

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        `out` when given.
    """
    if W.ndim == 1 and not A.flags.f_contiguous:
        # a row-major A: one reduction per row (copying it column-major
        # first would cost more than the sums)
        return np.einsum("ij,j->i", A, W, out=out)
    # the rows as contiguous columns (a column-major A already is; a
    # batch's copy is small against its k products): each output row is
    # built by scalar-times-row updates, about twice as fast as a
    # reduction per row
    columns = np.ascontiguousarray(A.T)
    if W.ndim == 1:
        return np.einsum("j,ji->i", W, columns, out=out)
    return np.einsum("kj,ji->ki", W, columns, out=out)
