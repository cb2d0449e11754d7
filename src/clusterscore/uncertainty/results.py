"""The result records of `uncertainty` and `sensitivity`."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd

from clusterscore.errors import DataError

__all__ = ["MAX_RANK_COUNT_CELLS", "SensitivityResult", "UncertaintyResult"]

MAX_RANK_COUNT_CELLS = 2**27
"""The largest cluster x rank table `UncertaintyResult.rank_counts` builds
(1 GiB of int64 counts, about 11,585 clusters)."""


@dataclass(frozen=True)
class UncertaintyResult:
    """The outcome of `uncertainty`.

    Attributes
    ----------
    summary : pandas.DataFrame
        Indexed by ``cluster``, in nominal rank order: ``type``,
        ``nominal_rank``, ``median_rank``, ``rank_low`` and ``rank_high``
        (the `interval` quantiles of the sampled ranks), ``mean_rank``,
        ``p_top_k`` (probability of a rank <= `top_k`) and
        ``mean_abs_shift`` (mean of ``|rank - nominal_rank|``).
    agreement : pandas.DataFrame
        Rows ``spearman``, ``kendall`` and ``mean_abs_rank_shift``;
        columns ``mean``, ``median``, ``q05``, ``q95``, ``min``, ``max``
        over the used samples.
    samples : pandas.DataFrame
        One row per sample: ``alpha``, ``method``, ``normalization``,
        ``max_cr`` (largest CR of its perturbed matrices), ``accepted``,
        ``mean_abs_rank_shift``, ``spearman``, ``kendall``.
    consistency : pandas.DataFrame
        Per perturbed pairwise matrix: its ``nominal_cr``, how many
        perturbed ``draws`` were made, how many were ``above_max_cr``
        (and their ``share_above``), and how many samples fell back to
        the nominal matrix (`cr_rule` ``"resample"``).
    inputs : tuple of str
        The input groups that varied (see `GROUPS`).
    n : int
        Samples drawn.
    n_used : int
        Samples in the statistics (fewer than `n` only with
        ``cr_rule="reject"``).
    top_k : int
    interval : tuple of float
    options : dict
        The options after defaults were filled in.
    nominal : Evaluation
        The nominal evaluation; ``summary.nominal_rank`` is its ranking.
    ranks : numpy.ndarray or None
        The (n, m) sampled ranks (columns in ``sorted(cluster)`` order)
        when ``keep_ranks=True``.
    tally : RankTally
        The sampled ranks in the form `summary` was read from (see
        `clusterscore.uncertainty.ranks.RankTally`).
    labels : pandas.Index
        The row labels of the tally (clusters, or (year, cluster)).
    rank_counts : pandas.DataFrame
        (A property, built on request.) Clusters x ranks 1..m: how many
        used samples put the cluster at each rank, rows in `summary`
        order. It has m x m cells, so it is refused (`DataError`) above
        ``MAX_RANK_COUNT_CELLS``; `summary` never needs it.
    """

    summary: pd.DataFrame
    agreement: pd.DataFrame
    samples: pd.DataFrame
    consistency: pd.DataFrame
    inputs: tuple[str, ...]
    n: int
    n_used: int
    top_k: int
    interval: tuple[float, float]
    options: dict[str, Any]
    nominal: Any = field(repr=False)
    ranks: np.ndarray | None = field(default=None, repr=False)
    tally: Any = field(default=None, repr=False)
    labels: pd.Index | None = field(default=None, repr=False)

    @property
    def rank_counts(self) -> pd.DataFrame:
        """Clusters x ranks: the used samples at each rank (m x m cells)."""
        m = len(self.summary)
        if m * m > MAX_RANK_COUNT_CELLS:
            raise DataError(
                f"UncertaintyResult.rank_counts: the cluster x rank table of "
                f"{m} clusters has {m * m:,} cells "
                f"(about {8 * m * m / 2**30:.1f} GiB), more than the "
                f"{MAX_RANK_COUNT_CELLS:,} allowed; use 'summary', or "
                "uncertainty(keep_ranks=True) and the 'ranks' array."
            )
        return pd.DataFrame(
            self.tally.histogram(),
            index=self.labels,
            columns=pd.RangeIndex(1, m + 1, name="rank"),
        ).loc[self.summary.index]

    @property
    def rejection_rate(self) -> float:
        """Share of the drawn samples left out of the statistics."""
        return 1.0 - self.n_used / self.n

    def __repr__(self) -> str:
        """Return one line: samples, inputs, agreement, widest interval."""
        s = self.summary
        width = s["rank_high"] - s["rank_low"]
        widest: Any = width.idxmax() if len(s) else None
        rho = cast(float, self.agreement.loc["spearman", "mean"])
        wide = (
            f"; widest rank interval: {widest} "
            f"{int(s.loc[widest, 'rank_low'])}-"
            f"{int(s.loc[widest, 'rank_high'])}"
            if widest is not None
            else ""
        )
        return (
            f"UncertaintyResult({len(s)} clusters, {self.n_used} of "
            f"{self.n} samples, varied: {', '.join(self.inputs) or 'nothing'}"
            f"; mean Spearman rho {rho:.3f}{wide})"
        )

    def _repr_html_(self) -> str:
        """Return the per-cluster summary as HTML, for notebooks."""
        head = html.escape(repr(self))
        table = self.summary.to_html(float_format="{:.2f}".format)
        return f"<div><strong>{head}</strong>{table}</div>"


@dataclass(frozen=True)
class SensitivityResult:
    """The outcome of `sensitivity`.

    Attributes
    ----------
    indices : pandas.DataFrame
        Indexed by input ``group``: ``S`` (first-order index) with its
        bootstrap interval ``S_low``, ``S_high``, and ``ST`` (total
        effect) with ``ST_low``, ``ST_high``.
    f_a, f_b : numpy.ndarray, shape (N,)
        The target (`TARGET`) at the rows of the sample matrices A and B.
    f_ab : numpy.ndarray, shape (d, N)
        The target at :math:`A_B^{(i)}` for each group.
    variance, mean : float
        Variance and mean of the target over the 2N runs of A and B.
    n : int
        N, the rows of each sample matrix.
    n_runs : int
        Model evaluations: N (d + 2).
    consistency : pandas.DataFrame
        As in `UncertaintyResult`.
    options : dict
    nominal : Evaluation
    """

    indices: pd.DataFrame
    f_a: np.ndarray
    f_b: np.ndarray
    f_ab: np.ndarray
    variance: float
    mean: float
    n: int
    n_runs: int
    consistency: pd.DataFrame
    options: dict[str, Any]
    nominal: Any = field(repr=False)

    def __repr__(self) -> str:
        """Return one line: N, runs and the indices of each group."""
        groups = ", ".join(
            f"{g}: S={r.S:.3f} ST={r.ST:.3f}"
            for g, r in self.indices.iterrows()
        )
        return (
            f"SensitivityResult(N={self.n}, {self.n_runs} runs, "
            f"target variance {self.variance:.4g}; {groups})"
        )

    def _repr_html_(self) -> str:
        """Return the Sobol indices as HTML, for notebooks."""
        head = html.escape(
            f"SensitivityResult: N={self.n}, {self.n_runs} runs"
        )
        table = self.indices.to_html(float_format="{:.3f}".format)
        return f"<div><strong>{head}</strong>{table}</div>"
