r"""Sobol first-order and total-effect indices from a Saltelli design.

The estimators of Saltelli et al. (2010) and Jansen (1999), with
percentile-bootstrap intervals, batched over the bootstrap replicates.
`clusterscore.uncertainty.sensitivity` applies them to the ranking.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import (
    as_real_array,
    check_count,
    check_open_unit,
    check_rng,
)
from clusterscore.errors import ParameterError

__all__ = ["sobol_indices"]


def _sobol_kernel(
    f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """First-order (Saltelli 2010) and total (Jansen 1999) indices.

    Kernel: no validation. ``f_a`` and ``f_b`` have shape (..., N),
    ``f_ab`` (d, ..., N); the leading ``...`` axes (bootstrap replicates)
    are batched.
    """
    both = np.concatenate([f_a, f_b], axis=-1)
    var = both.var(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.mean(f_b * (f_ab - f_a), axis=-1) / var
        st = 0.5 * np.mean((f_a - f_ab) ** 2, axis=-1) / var
    return s, st


_BOOT_CELLS = 2**20  # resampled values per bootstrap chunk (~8 MB each)


def _bootstrap(
    fa: np.ndarray,
    fb: np.ndarray,
    fab: np.ndarray,
    n_boot: int,
    gen: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray]:
    """Return the (d, n_boot) bootstrap replicates of S and ST.

    The replicates are drawn and evaluated in chunks of about
    ``_BOOT_CELLS / (N (d + 2))`` resamples, so memory stays bounded
    (a few times ``_BOOT_CELLS`` floats) whatever N and `n_boot`; the
    index draws consume the stream exactly as one (n_boot, N) draw would.
    """
    n = fa.size
    step = max(1, _BOOT_CELLS // (n * (fab.shape[0] + 2)))
    bs = np.empty((fab.shape[0], n_boot))
    bst = np.empty_like(bs)
    for start in range(0, n_boot, step):  # chunks of replicates
        k = min(step, n_boot - start)
        idx = gen.integers(0, n, size=(k, n))
        part = _sobol_kernel(fa[idx], fb[idx], fab[:, idx])
        bs[:, start : start + k], bst[:, start : start + k] = part
    return bs, bst


def sobol_indices(
    f_a: Any,
    f_b: Any,
    f_ab: Any,
    *,
    n_boot: int = 1000,
    conf: float = 0.95,
    rng: np.random.Generator | int | None = None,
) -> pd.DataFrame:
    r"""Sobol first-order and total-effect indices from a Saltelli design.

    The estimator behind `sensitivity`, exposed on arrays so that it can be
    checked on any model.

    Parameters
    ----------
    f_a, f_b : array_like, shape (N,)
        The model at the N rows of the independent sample matrices
        :math:`A` and :math:`B`.
    f_ab : array_like, shape (d, N)
        Row i: the model at :math:`A_B^{(i)}`, the matrix :math:`A` whose
        columns of input (group) i are taken from :math:`B`.
    n_boot : int
        Bootstrap replicates for the confidence intervals (0: none, the
        interval columns are NaN).
    conf : float
        Confidence level of the percentile bootstrap intervals.
    rng : numpy.random.Generator, int or None
        Randomness of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row per input (0..d-1): ``S``, ``S_low``, ``S_high``, ``ST``,
        ``ST_low``, ``ST_high``.

    Raises
    ------
    ParameterError
        Shapes that do not fit, N < 2, a bad `n_boot` or `conf`.

    Notes
    -----
    With :math:`V = \operatorname{Var}[f(A), f(B)]` (the variance of the
    2N pooled runs),

    .. math::
        S_i = \frac{1}{N V} \sum_{j=1}^N f(B)_j
              \left(f(A_B^{(i)})_j - f(A)_j\right)
        \qquad \text{(Saltelli et al. 2010, Table 2 (b))}

    .. math::
        S_{Ti} = \frac{1}{2 N V} \sum_{j=1}^N
                 \left(f(A)_j - f(A_B^{(i)})_j\right)^2
        \qquad \text{(Jansen 1999; Saltelli et al. 2010, Table 2 (f))}

    The intervals are percentile bootstrap intervals: the N rows are
    resampled with replacement `n_boot` times and both estimators are
    recomputed on each resample. When :math:`V = 0` the indices are NaN.

    References
    ----------
    .. [1] Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M.
       & Tarantola, S. (2010). Variance based sensitivity analysis of model
       output. Design and estimator for the total sensitivity index.
       Computer Physics Communications 181(2), 259-270.
       doi:10.1016/j.cpc.2009.09.018
    .. [2] Jansen, M. J. W. (1999). Analysis of variance designs for model
       output. Computer Physics Communications 117(1-2), 35-43.
       doi:10.1016/S0010-4655(98)00154-4
    .. [3] Becker, W. (2022). COINr: Composite Indicator Construction and
       Analysis, ``get_sensitivity()`` (R package).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> A, B = rng.random((2, 4000, 2))
    >>> f = lambda x: x[..., 0] + 2 * x[..., 1]  # S = (0.2, 0.8)
    >>> AB = np.stack([np.where([True, False], B, A),
    ...                np.where([False, True], B, A)])
    >>> out = sobol_indices(f(A), f(B), f(AB), n_boot=0)
    >>> out["ST"].round(1).tolist()
    [0.2, 0.8]
    """
    fn = "sobol_indices"
    fa = as_real_array(fn, "f_a", f_a, ParameterError)
    fb = as_real_array(fn, "f_b", f_b, ParameterError)
    fab = as_real_array(fn, "f_ab", f_ab, ParameterError)
    if fab.ndim == 1:
        fab = fab[None, :]
    if fa.ndim != 1 or fb.shape != fa.shape or fab.shape[1:] != fa.shape:
        raise ParameterError(
            f"{fn}(): 'f_a' and 'f_b' must have shape (N,) and 'f_ab' "
            f"shape (d, N); got {fa.shape}, {fb.shape} and {fab.shape}.",
            parameter="f_ab",
        )
    if fa.size < 2:
        raise ParameterError(
            f"{fn}(): the design needs N >= 2 rows; got N={fa.size}.",
            parameter="f_a",
        )
    n_boot = check_count(fn, "n_boot", n_boot, minimum=0)
    conf = check_open_unit(fn, "conf", conf)
    gen = check_rng(fn, "rng", rng)
    s, st = _sobol_kernel(fa, fb, fab)
    lo = np.full_like(s, np.nan)
    hi_s, lo_t, hi_t = lo.copy(), lo.copy(), lo.copy()
    lo_s = lo
    if n_boot > 0:
        bs, bst = _bootstrap(fa, fb, fab, n_boot, gen)
        q = [(1 - conf) / 2, (1 + conf) / 2]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN
            lo_s, hi_s = np.nanquantile(bs, q, axis=1)
            lo_t, hi_t = np.nanquantile(bst, q, axis=1)
    return pd.DataFrame(
        {
            "S": s,
            "S_low": lo_s,
            "S_high": hi_s,
            "ST": st,
            "ST_low": lo_t,
            "ST_high": hi_t,
        }
    )
