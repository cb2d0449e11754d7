r"""Rank statistics of many rankings at once: ranks, Spearman, Kendall.

Each sampled ranking is a row of a ``(k, m)`` array. Ranks come from
`clusterscore.scoring.competition_ranks` (the ranks `evaluate` gives,
batched); Spearman's rho and Kendall's tau-b compare each row with a
reference ranking in whole-array operations.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from clusterscore.scoring import competition_ranks

if TYPE_CHECKING:
    pass

__all__ = [
    "TARGET",
    "RankTally",
    "agreement_table",
    "batched_ranks",
    "kendall_tau_b",
    "rank_summary",
    "spearman_rho",
]

TARGET = "mean_abs_rank_shift"
"""The scalar output of `sensitivity`: mean over clusters of
``|rank - nominal rank|`` (COINr's ``get_sensitivity`` target)."""


def batched_ranks(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Competition ranks and average ranks of each row of `scores`.

    Kernel: no validation. The ranks of
    `clusterscore.scoring.competition_ranks` with ``average=True``: higher
    scores rank first; equal scores share the smaller rank (``rank``) or
    the mean of the ranks they span (``average``, used by Spearman's rho).

    Parameters
    ----------
    scores : numpy.ndarray, shape (k, m)

    Returns
    -------
    rank : numpy.ndarray of int64, shape (k, m)
    average : numpy.ndarray of float, shape (k, m)
    """
    return competition_ranks(scores, average=True)


def spearman_rho(ref_avg: np.ndarray, avg: np.ndarray) -> np.ndarray:
    r"""Spearman's rho of each row of `avg` with the reference ranks.

    Kernel: no validation. Pearson correlation of average ranks (the
    tie-corrected rho),
    :math:`\rho = \sum (x_i - \bar x)(y_i - \bar y) /
    \sqrt{\sum (x_i - \bar x)^2 \sum (y_i - \bar y)^2}`; NaN for a row of
    all-equal ranks.

    References
    ----------
    .. [1] Spearman, C. (1904). The proof and measurement of association
       between two things. American Journal of Psychology 15, 72-101.
    """
    x = ref_avg - ref_avg.mean()
    y = avg - avg.mean(axis=1, keepdims=True)
    den = np.sqrt((x @ x) * np.einsum("ij,ij->i", y, y))
    with np.errstate(invalid="ignore", divide="ignore"):
        return cast(np.ndarray, (y @ x) / den)


def _tied_pairs(sorted_rows: np.ndarray) -> np.ndarray:
    """Pairs of equal values per row of an ascending-sorted int array."""
    k, m = sorted_rows.shape
    pos = np.broadcast_to(np.arange(m), (k, m))
    start = np.ones((k, m), dtype=bool)
    start[:, 1:] = sorted_rows[:, 1:] != sorted_rows[:, :-1]
    first = np.maximum.accumulate(np.where(start, pos, 0), axis=1)
    return cast(np.ndarray, (pos - first).sum(axis=1))


def _rank_ties(ranks: np.ndarray) -> np.ndarray:
    """Pairs of equal values per row of integer ranks in 1..m."""
    k, m = ranks.shape
    idx = (ranks - 1) + (np.arange(k) * m)[:, None]
    c = np.bincount(idx.ravel(), minlength=k * m).reshape(k, m)
    return cast(np.ndarray, (c * (c - 1) // 2).sum(axis=1))


def _inversions(y: np.ndarray, b0: int = 8) -> np.ndarray:
    """Pairs i < j with y[:, i] > y[:, j], per row (batched merge sort).

    Kernel: `y` holds non-negative integers. Blocks of `b0` are counted by
    direct comparison and sorted; then, at each of the remaining
    log2(m / b0) levels, adjacent sorted blocks of length b are merged by
    one sort of keys ``2 y + (1 if right block)``. Right-block elements
    then sit after every left-block element not greater than them, so the
    left elements greater than them number, over a block,
    ``b**2 + b (b - 1) / 2 - sum(merged positions of right elements)``.
    """
    k, m = y.shape
    size = max(1 << max(m - 1, 0).bit_length(), b0)
    big = int(y.max(initial=0)) + 1
    dt = np.int32 if 2 * (big + size) < 2**31 else np.int64
    arr = np.empty((k, size), dtype=dt)
    arr[:, :m] = y
    arr[:, m:] = big + np.arange(size - m)  # increasing pad: no inversions
    blk = arr.reshape(k, size // b0, b0)
    upper = np.triu(np.ones((b0, b0), dtype=bool), 1)
    inv = (blk[..., :, None] > blk[..., None, :])[..., upper].sum(axis=(1, 2))
    arr = np.sort(blk, axis=-1).reshape(k, size)
    b = b0
    while b < size:  # loop over the log2(m) merge levels
        nb = size // (2 * b)
        keys = arr.reshape(k, nb, 2 * b) << 1
        keys[..., b:] |= 1
        keys.sort(axis=-1)
        # positions summed in int64: up to size * 2b, past int32 at m ~ 2**16
        pos = (keys & 1).reshape(k, -1) @ np.tile(
            np.arange(2 * b, dtype=np.int64), nb
        )
        inv += nb * (b * b + b * (b - 1) // 2) - pos
        arr = (keys >> 1).reshape(k, size)
        b *= 2
    return cast(np.ndarray, inv.astype(np.int64))


def kendall_tau_b(ref: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    r"""Kendall's tau-b of each row of `ranks` with the reference ranks.

    Kernel: no validation; `ref` (m,) and `ranks` (k, m) hold integer
    ranks in 1..m. With :math:`n_0 = m(m-1)/2`, :math:`n_1, n_2` the pairs
    tied in the reference and in the sample, :math:`n_3` the pairs tied in
    both, and :math:`D` the discordant pairs,

    .. math:: \tau_b = \frac{n_0 - n_1 - n_2 + n_3 - 2D}
              {\sqrt{(n_0 - n_1)(n_0 - n_2)}}.

    :math:`D` is counted in :math:`O(m \log m)` per row (Knight 1966): sort
    by (reference, sample) and count the inversions of the sample ranks.

    References
    ----------
    .. [1] Kendall, M. G. (1945). The treatment of ties in ranking
       problems. Biometrika 33(3), 239-251.
    .. [2] Knight, W. R. (1966). A computer method for calculating
       Kendall's tau with ungrouped data. JASA 61(314), 436-439.

    Examples
    --------
    >>> kendall_tau_b(np.array([1, 2, 3]), np.array([[1, 2, 3], [3, 2, 1]]))
    array([ 1., -1.])
    """
    m = ranks.shape[1]
    ref = np.asarray(ref, dtype=np.int64)
    ranks = np.asarray(ranks, dtype=np.int64)
    n0 = m * (m - 1) // 2
    n1 = _tied_pairs(np.sort(ref)[None, :])[0]
    n2 = _rank_ties(ranks)
    if n1 == 0:  # order by the reference alone: a fixed permutation
        y = ranks[:, np.argsort(ref)]
        n3: int | np.ndarray = 0
    else:
        key = ref * (m + 1) + ranks
        order = np.argsort(key, axis=1)  # ties in key: no inversion
        y = np.take_along_axis(ranks, order, axis=1)
        n3 = _tied_pairs(np.take_along_axis(key, order, axis=1))
    d = _inversions(y)
    with np.errstate(invalid="ignore", divide="ignore"):
        return cast(
            np.ndarray,
            (n0 - n1 - n2 + n3 - 2 * d) / np.sqrt(float(n0 - n1) * (n0 - n2)),
        )


class RankTally:
    """The sampled ranks of a run, kept in the smaller of two forms.

    Per-cluster rank statistics need, for each cluster, the distribution of
    its rank over the used samples. Two exact forms hold it:

    - the ``(m, m)`` histogram (cluster x rank counts): ``8 m^2`` bytes,
      independent of the number of samples n;
    - the ``(n, m)`` ranks themselves as int32: ``4 n m`` bytes.

    The tally keeps the histogram only when it is the smaller
    (``2 m < n``) and the full ranks are not wanted (`keep`), so memory
    is at most ``4 m min(n, 2 m)`` bytes: linear in the clusters for a
    given n, never ``m^2`` when n is smaller than m.

    Parameters
    ----------
    n, m : int
        Samples and clusters.
    keep : bool
        Keep every sample's ranks (`ranks`), accepted or not.
    """

    def __init__(self, n: int, m: int, keep: bool = False) -> None:
        self.n, self.m, self.keep = n, m, keep
        self.dense = not keep and 2 * m < n
        self.counts: np.ndarray | None = None
        self.ranks: np.ndarray | None = None
        if self.dense:
            self.counts = np.zeros((m, m), dtype=np.int64)
        else:
            self.ranks = np.empty((n, m), dtype=np.int32)
        self.ok = np.zeros(n, dtype=bool)

    @staticmethod
    def nbytes(n: int, m: int, keep: bool = False) -> int:
        """Return the bytes the tally of n samples of m clusters holds."""
        return 8 * m * m if (not keep and 2 * m < n) else 4 * n * m

    def add(self, start: int, rank: np.ndarray, ok: np.ndarray) -> None:
        """Record the (k, m) ranks of samples ``start .. start + k - 1``."""
        k = rank.shape[0]
        self.ok[start : start + k] = ok
        if self.counts is not None:
            m = self.m
            codes = rank[ok] + (np.arange(m, dtype=np.int64) * m - 1)
            np.add.at(self.counts.reshape(-1), codes.ravel(), 1)
        else:
            assert self.ranks is not None
            self.ranks[start : start + k] = rank

    def histogram(self) -> np.ndarray:
        """Return the (m, m) counts of the accepted samples."""
        if self.counts is not None:
            return self.counts
        assert self.ranks is not None
        m = self.m
        codes = self.ranks[self.ok] + (np.arange(m, dtype=np.int64) * m - 1)
        return np.bincount(codes.ravel(), minlength=m * m).reshape(m, m)

    def statistics(
        self,
        nominal: np.ndarray,
        top_k: int,
        levels: Sequence[float],
    ) -> dict[str, np.ndarray]:
        r"""Per cluster: quantiles at `levels`, mean, P(top-k), mean shift.

        A quantile at level q is the inverted empirical CDF, the smallest
        rank r with :math:`F(r) \ge q`, i.e. the t-th smallest sampled
        rank with :math:`t = \max(1, \lceil (q - 10^{-12}) n \rceil)`
        (integer arithmetic, so both forms give the same ranks).
        """
        used = int(self.ok.sum())
        t = [
            max(1, min(used, int(np.ceil((q - 1e-12) * used)))) for q in levels
        ]
        nom = np.asarray(nominal, dtype=np.int64)
        out: dict[str, np.ndarray] = {}
        if self.counts is not None:
            c = self.counts
            cum = np.cumsum(c, axis=1)
            r = np.arange(1, self.m + 1)
            for q, ti in zip(levels, t, strict=True):
                out[f"q{q}"] = np.argmax(cum >= ti, axis=1) + 1
            out["mean"] = c @ r / used
            out["p_top"] = cum[:, min(top_k, self.m) - 1] / used
            out["shift"] = (c * np.abs(r - nom[:, None])).sum(axis=1) / used
            return out
        assert self.ranks is not None
        if not self.ok.all():
            sub = self.ranks[self.ok]
        else:  # sort in place unless the caller keeps the sample order
            sub = self.ranks.copy() if self.keep else self.ranks
        sub.sort(axis=0)
        for q, ti in zip(levels, t, strict=True):
            out[f"q{q}"] = sub[ti - 1].astype(np.int64)
        out["mean"] = sub.mean(axis=0, dtype=np.float64)
        out["p_top"] = (sub <= top_k).mean(axis=0)
        out["shift"] = np.abs(sub - nom).mean(axis=0, dtype=np.float64)
        return out


def rank_summary(
    tally: RankTally,
    nominal: np.ndarray,
    prep: Any,
    top_k: int,
    interval: tuple[float, float],
    n_used: int,
) -> pd.DataFrame:
    """Per-cluster statistics of the sampled ranks (see `RankTally`)."""
    del n_used  # the tally knows its accepted samples
    levels = (0.5, interval[0], interval[1])
    st = tally.statistics(nominal, top_k, levels)
    summary = pd.DataFrame(
        {
            "type": prep.types,
            "nominal_rank": nominal,
            "median_rank": st[f"q{levels[0]}"],
            "rank_low": st[f"q{levels[1]}"],
            "rank_high": st[f"q{levels[2]}"],
            "mean_rank": st["mean"],
            "p_top_k": st["p_top"],
            "mean_abs_shift": st["shift"],
        },
        index=pd.Index(list(prep.clusters), name="cluster"),
    )
    order = np.lexsort((np.asarray(prep.clusters, dtype=str), nominal))
    return summary.iloc[order]


def agreement_table(used: pd.DataFrame) -> pd.DataFrame:
    """Mean, median, 5/95 % quantiles, min and max of the agreement.

    A statistic with no defined value (Spearman's rho and Kendall's tau
    are NaN for samples that tie every cluster) is NaN, silently.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN slices
        return _agreement(used)


def _agreement(used: pd.DataFrame) -> pd.DataFrame:
    """`agreement_table` without the warnings filter."""
    return pd.DataFrame(
        {
            stat: [
                getattr(np, f"nan{stat}")(used[c].to_numpy())
                if stat in ("mean", "median", "min", "max")
                else np.nanquantile(used[c].to_numpy(), cast(float, q))
                for c in ("spearman", "kendall", TARGET)
            ]
            for stat, q in (
                ("mean", None),
                ("median", None),
                ("q05", 0.05),
                ("q95", 0.95),
                ("min", None),
                ("max", None),
            )
        },
        index=pd.Index(["spearman", "kendall", TARGET], name="statistic"),
    )
