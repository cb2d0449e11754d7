r"""How robust is a ranking? Monte Carlo uncertainty and Sobol sensitivity.

`uncertainty` perturbs the uncertain inputs of an evaluation -- every AHP
judgment along Saaty's scale, the AHP/entropy combination share
:math:`\alpha`, and optionally the aggregation method and the
normalisation -- and reports, per cluster, the nominal rank, the median
rank, a rank interval and the probability of a top-k place, plus how well
each sampled ranking agrees with the nominal one (Spearman, Kendall).

`sensitivity` apportions the variance of the mean absolute rank shift
(COINr's target) to groups of those inputs with first-order and
total-effect Sobol indices (Saltelli et al. 2010; Jansen 1999), with
bootstrap confidence intervals, as COINr's ``get_sensitivity`` does.

Every sample is computed in batched array operations: the perturbed
pairwise matrices form a ``(k, n, n)`` stack whose principal eigenvectors
come from one batched power iteration (`sampling`), the weights form
a ``(k, n)`` matrix scored by the stages of `clusterscore.scoring`
(`model`), and ranks come from one sort along an axis (`ranks`). The
table is validated once; samples are processed in chunks so that memory
stays bounded; randomness enters through one ``rng`` argument.

See ``docs/uncertainty.md`` for the method and a worked example.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from clusterscore._checks import (
    check_choices,
    check_count,
    check_flag,
    check_open_unit,
    check_option,
    check_progress,
    check_range,
    check_rng,
)
from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.system import IndicatorSystem
from clusterscore.uncertainty.model import (
    Model,
    consistency_table,
    rank_shifts,
    sample_ranks,
    setup,
)
from clusterscore.uncertainty.ranks import (
    TARGET,
    RankTally,
    agreement_table,
    rank_summary,
)
from clusterscore.uncertainty.results import (
    SensitivityResult,
    UncertaintyResult,
)
from clusterscore.uncertainty.sampling import (
    CR_RULES,
    GROUPS,
    mix_designs,
)
from clusterscore.uncertainty.sobol import sobol_indices

if TYPE_CHECKING:
    from clusterscore.scoring import Prepared

__all__ = [
    "CR_RULES",
    "GROUPS",
    "TARGET",
    "SensitivityResult",
    "UncertaintyResult",
    "sensitivity",
    "uncertainty",
]


# ==========================================================================
# shared set-up
# ==========================================================================


def _chunk(fn: str, chunk_size: Any, m: int) -> int:
    """Return the samples per chunk: about 2**20 score cells by default."""
    if chunk_size is None:
        return max(1, 2**20 // max(m, 1))
    return check_count(fn, "chunk_size", chunk_size, minimum=1)


def _available_memory() -> int | None:
    """Return the bytes the system can still give (Linux), else None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _check_memory(
    fn: str, model: Model, n: int, chunk: int, keep_ranks: bool
) -> None:
    """Refuse a run whose estimated memory exceeds what is available.

    Estimate: the rank tally (`RankTally.nbytes`: ``min(4 n m, 8 m^2)``
    bytes, or ``4 n m`` with `keep_ranks`), about 16 float arrays of a
    chunk of scores (``16 * 8 * chunk * m``) and the per-sample columns
    (about 64 bytes a sample).
    """
    m = model.m
    need = (
        RankTally.nbytes(n, m, keep_ranks) + 128 * min(chunk, n) * m + 64 * n
    )
    have = _available_memory()
    if have is not None and need > have:
        raise DataError(
            f"{fn}(): {n:,} samples of {m:,} clusters need about "
            f"{need / 2**30:.1f} GiB (the sampled ranks take 4 bytes per "
            "cluster and sample, the working arrays 128 bytes per cluster "
            f"and sample of a chunk), more than the {have / 2**30:.1f} GiB "
            "available; use fewer samples 'n', a smaller 'chunk_size'"
            + (" or keep_ranks=False" if keep_ranks else "")
            + "."
        )


def _new_stats(model: Model) -> dict[str, np.ndarray]:
    """Per matrix: [draws, draws above max_cr, fallbacks to nominal]."""
    return {mt.name: np.zeros(3, dtype=np.int64) for mt in model.matrices}


def _options(kw: dict[str, Any]) -> dict[str, Any]:
    """Return the options `setup` reads from a driver's arguments."""
    keys = (
        "weighting",
        "objective",
        "combine",
        "cr_rule",
        "ri",
        "judgment_steps",
        "alpha_range",
        "alpha",
        "methods",
        "normalizations",
        "max_cr",
        "missing",
        "rho",
        "v",
    )
    return {k: kw[k] for k in keys}


# ==========================================================================
# uncertainty analysis
# ==========================================================================


def uncertainty(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    n: int = 1000,
    rng: np.random.Generator | int | None = None,
    *,
    judgment_steps: int = 1,
    alpha_range: tuple[float, float] = (0.3, 0.7),
    alpha: float | None = None,
    methods: Sequence[str] | None = None,
    normalizations: Sequence[str] | None = None,
    weighting: str = "combined",
    objective: str = "entropy",
    combine: str = "linear",
    top_k: int = 3,
    interval: tuple[float, float] = (0.05, 0.95),
    max_cr: float | None = 0.10,
    cr_rule: str = "resample",
    ri: str = "saaty",
    missing: str = "refuse",
    rho: float | None = None,
    v: float | None = None,
    chunk_size: int | None = None,
    keep_ranks: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> UncertaintyResult:
    r"""Monte Carlo uncertainty of the ranking.

    Draws `n` samples of the uncertain inputs, ranks the clusters under
    each, and summarises the distribution of each cluster's rank.

    Parameters
    ----------
    df : pandas.DataFrame
        The input table (as for `clusterscore.scoring.evaluate`).
    system : IndicatorSystem, optional
        The indicator system; the default one when omitted.
    n : int
        Number of samples (>= 1).
    rng : numpy.random.Generator, int or None
        The source of randomness, passed once through
        `numpy.random.default_rng`. The same seed (with the same data,
        options and `chunk_size`) gives identical results.
    judgment_steps : int
        Each upper-triangle judgment :math:`a_{ij}` of every AHP matrix
        moves by :math:`s_{ij}` steps along Saaty's 17-value scale
        :math:`1/9, \dots, 1/2, 1, 2, \dots, 9`, with :math:`s_{ij}`
        uniform on the integers :math:`-K, \dots, K`,
        :math:`K` = `judgment_steps`, independently per judgment and
        sample (see `perturb_judgments`). 0 keeps every judgment.
    alpha_range : (float, float)
        The AHP share of the linear combination
        :math:`w = \alpha w^{AHP} + (1 - \alpha) w^{ent}` is uniform on
        this range. It varies only with ``weighting="combined"`` and
        ``combine="linear"``.
    alpha : float, optional
        The nominal alpha; the midpoint of `alpha_range` by default.
    methods : sequence of str, optional
        Aggregation methods drawn uniformly per sample
        (``"weighted_sum"``, ``"geometric"``, ``"topsis"``); the first is
        the nominal one. Default: ``("weighted_sum",)``, no variation.
    normalizations : sequence of str, optional
        Normalisations drawn uniformly per sample (``"minmax"``,
        ``"target"``, ``"percentile"``, ``"vector"``); the first is the
        nominal one. A normalisation the sampled method does not accept
        (TOPSIS takes ``"vector"`` or ``"minmax"``, the means take
        ``"minmax"``, ``"target"`` or ``"percentile"``) is replaced by the
        method's default, as `evaluate` does with ``normalization=None``.
        Default: each method's default, no variation.
    weighting : {"combined", "ahp", "entropy"}
        As for `evaluate`. Entropy weights depend on the data only and are
        not perturbed.
    objective : {"entropy", "critic", "std"}
        The objective weights, as for `evaluate` (entropy, CRITIC or
        standard deviation); fixed by the data, not perturbed.
    combine : {"linear", "multiplicative", "game_theory"}
        How AHP and entropy weights are combined, as in `evaluate`. With
        ``"game_theory"`` the coefficients are solved afresh for every
        sample's AHP weights; a sample whose coefficients hit the
        constraint uses one of the two vectors, as `combine_weights` does
        (without a warning per sample).
    top_k : int
        ``p_top_k`` is the probability of a rank <= `top_k`.
    interval : (float, float)
        Quantile levels of the rank interval.
    max_cr : float or None
        The consistency-ratio threshold, of the nominal matrices as in
        `evaluate` (a system matrix above it is refused with the same
        `ConfigError`) and of every perturbed matrix (see `cr_rule`).
        None accepts every matrix, nominal or perturbed.
    cr_rule : {"resample", "reject", "keep"}
        What happens to a perturbed matrix with :math:`CR > ` `max_cr`.
        ``"resample"`` (default) redraws that matrix's judgments (only
        that matrix, of only those samples) until it passes, so every
        sample uses acceptably consistent judgments, and reports how often
        draws failed; after 100 rounds a still-failing matrix falls back
        to the nominal one (counted in `consistency`). ``"reject"`` drops
        every sample in which any matrix fails (the statistics use the
        ``n_used`` remaining samples). ``"keep"`` uses every sample and
        only reports the failures. A matrix left at its nominal judgments
        is never rejected.
    ri : str
        The random-index table of the CR (see `clusterscore.judgments.ahp`).
    missing : {"refuse", "median", "drop_indicator"}
        As for `evaluate`.
    rho, v : float, optional
        GRA's distinguishing coefficient and VIKOR's group-utility weight
        (as for `evaluate`; default 0.5), used by every sample of that
        method; refused unless `methods` holds it.
    chunk_size : int, optional
        Samples per batch; the working memory grows with
        ``chunk_size x clusters``. Default: about :math:`2^{20}` /
        clusters. No array is clusters x clusters unless that is smaller
        than the samples x clusters ranks (see `RankTally`).
    keep_ranks : bool
        Keep the full (n, m) array of sampled ranks in the result.
    progress : callable, optional
        Called as ``progress(done, total)`` after each chunk.

    Returns
    -------
    UncertaintyResult

    Raises
    ------
    ParameterError
        A bad `n`, range, option name or count.
    DataError
        An invalid table, fewer than 2 clusters, every sample rejected, or
        a run whose estimated memory (the sampled ranks, ``min(4 n m,
        8 m^2)`` bytes for m clusters, plus the working arrays of a chunk)
        exceeds the memory available; the message gives the estimate.

    Notes
    -----
    The nominal ranking is ``evaluate(df, system, weighting=weighting,
    method=methods[0], normalization=<nominal>, combine=combine,
    alpha=alpha, missing=missing, objective=objective, ri=ri).ranking``
    (with ``by_type=False``). A sample's weights are the AHP
    hierarchy's global weights
    :math:`w_j = v_{d(j)} u_j` from the perturbed dimension matrix
    (:math:`v`) and indicator matrices (:math:`u`), combined with the
    (fixed) entropy weights. Ranks are competition ranks (ties share the
    smaller rank). Quantiles use the inverted empirical CDF, so the rank
    interval and the median are ranks that occurred. Spearman's rho and
    Kendall's tau-b compare each sample's ranking with the nominal one
    (see `spearman_rho`, `kendall_tau_b`).

    References
    ----------
    .. [1] OECD/JRC (2008). Handbook on Constructing Composite Indicators:
       Methodology and User Guide. OECD Publishing, step 7.
    .. [2] Saisana, M., Saltelli, A. & Tarantola, S. (2005). Uncertainty
       and sensitivity analysis techniques as tools for the quality
       assessment of composite indicators. J. R. Statist. Soc. A 168(2),
       307-323.
    .. [3] Saaty, T. L. (1980). The Analytic Hierarchy Process.
       McGraw-Hill (the 1-9 scale and the consistency ratio).
    """
    fn = "uncertainty"
    n = check_count(fn, "n", n, minimum=1)
    top_k = check_count(fn, "top_k", top_k, minimum=1)
    q_lo, q_hi = check_range(fn, "interval", interval)
    gen = check_rng(fn, "rng", rng)
    progress = check_progress(fn, progress)
    keep_ranks = check_flag(fn, "keep_ranks", keep_ranks)
    model, prep, ev, nominal, options = setup(
        fn, df, system, _options(locals())
    )
    chunk = _chunk(fn, chunk_size, model.m)
    _check_memory(fn, model, n, chunk, keep_ranks)
    vary = model.uncertain()
    stats = _new_stats(model)
    cols, tally = sample_ranks(
        model, n, chunk, gen, vary, stats, nominal, keep_ranks, progress
    )
    n_used = int(cols["accepted"].sum())
    if n_used == 0:
        raise DataError(
            f"{fn}(): every one of the {n} samples was rejected by "
            f"cr_rule='reject' (a perturbed matrix had CR > {max_cr}); "
            "use cr_rule='resample' or fewer judgment_steps."
        )
    kept = tally.ranks if keep_ranks else None
    summary, labels = _summary(
        tally, nominal, prep, top_k, (q_lo, q_hi), n_used
    )
    samples = _samples_frame(model, cols)
    return UncertaintyResult(
        summary=summary,
        agreement=agreement_table(samples[samples["accepted"]]),
        samples=samples,
        consistency=consistency_table(model, stats),
        inputs=vary,
        n=n,
        n_used=n_used,
        top_k=top_k,
        interval=(q_lo, q_hi),
        options={**options, "n": n, "top_k": top_k},
        nominal=ev,
        ranks=kept,
        tally=tally,
        labels=labels,
    )


def _summary(
    counts: RankTally,
    nominal: np.ndarray,
    prep: Prepared,
    top_k: int,
    interval: tuple[float, float],
    n_used: int,
) -> tuple[pd.DataFrame, pd.Index]:
    """Return the rank summary and its row labels (year, cluster on a panel).

    On a panel the ranks are within each year: the summary is indexed by
    ``(year, cluster)`` and sorted by year, then nominal rank and name.
    """
    if prep.years is None:
        summary = rank_summary(counts, nominal, prep, top_k, interval, n_used)
        return summary, pd.Index(list(prep.clusters), name="cluster")
    positions = replace(prep, clusters=np.arange(len(prep.clusters)))
    summary = rank_summary(counts, nominal, positions, top_k, interval, n_used)
    labels = pd.MultiIndex.from_arrays(
        [prep.years, prep.clusters], names=["year", "cluster"]
    )
    pos = summary.index.to_numpy(dtype=int)
    summary.index = labels[pos]
    order = np.lexsort(
        (prep.clusters[pos].astype(str), nominal[pos], prep.years[pos])
    )
    return summary.iloc[order], labels


def _samples_frame(model: Model, cols: dict[str, np.ndarray]) -> pd.DataFrame:
    """One row per sample: its inputs and its agreement statistics."""
    pert = model.pert
    meth = np.asarray(pert.methods, dtype=object)[cols["method"]]
    norm_table = np.array(
        [
            [model.resolved(mm, nm) for nm in pert.normalizations]
            for mm in pert.methods
        ],
        dtype=object,
    )
    samples = pd.DataFrame(
        {
            "alpha": cols["alpha"],
            "method": meth,
            "normalization": norm_table[cols["method"], cols["norm"]],
            "max_cr": cols["max_cr"],
            "accepted": cols["accepted"],
            TARGET: cols[TARGET],
            "spearman": cols["spearman"],
            "kendall": cols["kendall"],
        }
    )
    if not model.alpha_matters():
        samples["alpha"] = np.nan
    return samples


# ==========================================================================
# sensitivity analysis
# ==========================================================================


def sensitivity(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    n: int = 1000,
    rng: np.random.Generator | int | None = None,
    *,
    groups: Sequence[str] | None = None,
    n_boot: int = 1000,
    conf: float = 0.95,
    judgment_steps: int = 1,
    alpha_range: tuple[float, float] = (0.3, 0.7),
    alpha: float | None = None,
    methods: Sequence[str] | None = None,
    normalizations: Sequence[str] | None = None,
    weighting: str = "combined",
    objective: str = "entropy",
    combine: str = "linear",
    max_cr: float | None = 0.10,
    cr_rule: str = "resample",
    ri: str = "saaty",
    missing: str = "refuse",
    rho: float | None = None,
    v: float | None = None,
    chunk_size: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SensitivityResult:
    r"""Variance-based sensitivity of the ranking to groups of inputs.

    The model output is the mean absolute rank shift
    :math:`Y = \frac{1}{m} \sum_c |r_c - r_c^{nom}|` (COINr's target).
    Two independent sample matrices :math:`A` and :math:`B` of N rows are
    drawn as in `uncertainty`; for each group i, :math:`A_B^{(i)}` takes
    group i's inputs from :math:`B` and all others from :math:`A`.
    :math:`Y` is evaluated on the N (d + 2) rows, and `sobol_indices`
    gives the first-order index :math:`S_i` (the share of
    :math:`\operatorname{Var} Y` that group i explains alone) and the
    total effect :math:`S_{Ti}` (its share including interactions).

    Parameters
    ----------
    df, system, judgment_steps, alpha_range, alpha, methods,
    normalizations, weighting, objective, combine, max_cr, ri, missing,
    chunk_size, progress
        As for `uncertainty`.
    n : int
        N, the rows of each sample matrix (>= 2).
    rng : numpy.random.Generator, int or None
        The source of randomness (design and bootstrap).
    groups : sequence of str, optional
        The input groups, from `GROUPS`: ``"dimension_judgments"`` (the
        matrix between dimensions), ``"indicator_judgments"`` (the
        matrices within dimensions), ``"alpha"``, ``"method"``,
        ``"normalization"``. Every group named must vary under the
        options. Inputs outside `groups` stay at their nominal values.
        Default: every group that varies.
    n_boot : int
        Bootstrap replicates for the confidence intervals.
    conf : float
        Confidence level of the intervals.
    cr_rule : {"resample", "keep"}
        As for `uncertainty`; ``"reject"`` is not allowed here because it
        would break the pairing of the rows of A, B and
        :math:`A_B^{(i)}`. Since a group holds whole matrices, every row of
        :math:`A_B^{(i)}` inherits matrices that passed in A or B.

    Returns
    -------
    SensitivityResult

    Raises
    ------
    ParameterError
        An unknown or non-varying group, a bad `n`, `n_boot`, `conf`,
        range or option.
    DataError
        An invalid table or fewer than 2 clusters.

    Warns
    -----
    DataWarning
        When the target never varies (the indices are then NaN).

    Notes
    -----
    See `sobol_indices` for the estimators. Groups of inputs are treated
    as single factors (Saltelli et al. 2008, ch. 4), so the indices do not
    depend on how many judgments a group holds.

    References
    ----------
    .. [1] Saltelli, A. et al. (2010). Variance based sensitivity analysis
       of model output. Computer Physics Communications 181(2), 259-270.
    .. [2] Jansen, M. J. W. (1999). Analysis of variance designs for model
       output. Computer Physics Communications 117(1-2), 35-43.
    .. [3] Saltelli, A. et al. (2008). Global Sensitivity Analysis. The
       Primer. Wiley.
    .. [4] OECD/JRC (2008). Handbook on Constructing Composite Indicators.
    .. [5] Becker, W. (2022). COINr, ``get_sensitivity()`` (R package).
    """
    fn = "sensitivity"
    n = check_count(fn, "n", n, minimum=2)
    n_boot = check_count(fn, "n_boot", n_boot, minimum=0)
    conf = check_open_unit(fn, "conf", conf)
    check_option(fn, "cr_rule", cr_rule, ("resample", "keep"))
    gen = check_rng(fn, "rng", rng)
    progress = check_progress(fn, progress)
    model, _, ev, nominal, options = setup(fn, df, system, _options(locals()))
    groups = _sensitivity_groups(fn, groups, model.uncertain())
    stats = _new_stats(model)
    a = model.draw(n, gen, groups, stats)
    b = model.draw(n, gen, groups, stats)
    designs = [a, b, *(mix_designs(model.matrices, a, b, g) for g in groups)]
    chunk = _chunk(fn, chunk_size, model.m)
    f = rank_shifts(model, designs, n, chunk, nominal, progress)
    f_a, f_b, f_ab = f[0], f[1], f[2:]
    var = float(np.var(np.concatenate([f_a, f_b])))
    if var == 0.0:
        warnings.warn(
            f"{fn}(): the mean absolute rank shift was the same in all "
            f"{2 * n} runs of A and B, so its variance is 0 and the "
            "sensitivity indices are undefined (NaN); the ranking does not "
            "move under these perturbations.",
            DataWarning,
            stacklevel=2,
        )
    indices = sobol_indices(f_a, f_b, f_ab, n_boot=n_boot, conf=conf, rng=gen)
    indices.index = pd.Index(groups, name="group")
    return SensitivityResult(
        indices=indices,
        f_a=f_a,
        f_b=f_b,
        f_ab=f_ab,
        variance=var,
        mean=float(np.mean(np.concatenate([f_a, f_b]))),
        n=n,
        n_runs=f.size,
        consistency=consistency_table(model, stats),
        options={
            **options,
            "n": n,
            "groups": groups,
            "n_boot": n_boot,
            "conf": conf,
        },
        nominal=ev,
    )


def _sensitivity_groups(
    fn: str, groups: Any, varying: Sequence[str]
) -> tuple[str, ...]:
    """Return the groups to apportion: the given ones, if they all vary."""
    if groups is None:
        if not varying:
            raise ParameterError(
                f"{fn}(): no input varies under these options; raise "
                "'judgment_steps', widen 'alpha_range' or give two or more "
                "'methods' or 'normalizations'.",
                parameter="groups",
            )
        return tuple(varying)
    groups = check_choices(fn, "groups", groups, GROUPS)
    idle = [g for g in groups if g not in varying]
    if idle:
        raise ParameterError(
            f"{fn}(): group(s) {', '.join(map(repr, idle))} do not "
            "vary under these options (varying: "
            f"{', '.join(map(repr, varying)) or 'none'}).",
            parameter="groups",
            value=tuple(groups),
            allowed=varying,
        )
    return tuple(groups)
