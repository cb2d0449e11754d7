r"""One evaluation as a function of its uncertain inputs, batched.

`Model` holds what stays fixed across samples (the prepared table, the
pairwise matrices, the entropy weights, the matrix each method
aggregates) and scores a `Design` of k samples with the stages of
`clusterscore.scoring` that `evaluate` runs: `hierarchy_weights` for the
AHP weights of the perturbed matrices, the combination kernels of
`clusterscore.weights.combine`, `scoring_matrix` and `aggregate_scores`,
each on a ``(k, n)`` batch of weights instead of one vector.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from clusterscore._checks import check_option
from clusterscore.errors import ClusterScoreWarning, DataError
from clusterscore.scoring import (
    OBJECTIVES,
    Prepared,
    RunOptions,
    aggregate_scores,
    evaluate_prepared,
    hierarchy_weights,
    method_options,
    normalised,
    objective_weights,
    prepare,
    resolve_normalization,
    scoring_matrix,
)
from clusterscore.system import LEVEL_DIMENSIONS, IndicatorSystem, load_system

if TYPE_CHECKING:
    from clusterscore.scoring import Evaluation
from clusterscore.uncertainty.ranks import (
    TARGET,
    RankTally,
    batched_ranks,
    kendall_tau_b,
    spearman_rho,
)
from clusterscore.uncertainty.sampling import (
    Design,
    Matrix,
    Perturbation,
    check_perturbation,
    draw_design,
    local_weights,
    slice_design,
)
from clusterscore.weights.combine import COMBINE_METHODS

__all__ = [
    "Model",
    "build_model",
    "consistency_table",
    "rank_shifts",
    "sample_ranks",
    "setup",
]


@dataclass
class Model:
    """Everything fixed across samples, and the sampling rules.

    Attributes
    ----------
    m, n_ind : int
        Clusters and kept indicators.
    groups : numpy.ndarray of int
        The dimension of each kept indicator (as in `Prepared`).
    signs : numpy.ndarray
        +1/-1 per kept indicator.
    matrices : list of Matrix
        The dimension matrix first, then one per kept dimension.
    w_ent : numpy.ndarray or None
        The entropy weights (None with ``weighting="ahp"``).
    run : RunOptions
        The nominal run.
    pert : Perturbation
        How the inputs vary.
    payload : dict
        ``(method, normalisation)`` -> the matrix the method aggregates.
    years : numpy.ndarray or None
        On a panel, the year of each row: clusters are ranked within
        their year (the scores are global: one normalisation and one set
        of entropy weights over all cluster-years).
    """

    m: int
    n_ind: int
    groups: np.ndarray
    signs: np.ndarray
    matrices: list[Matrix]
    w_ent: np.ndarray | None
    run: RunOptions
    pert: Perturbation
    payload: dict[tuple[str, str], Any]
    years: np.ndarray | None = None

    def ranks(self, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Batched (competition, average) ranks; within year on a panel."""
        if self.years is None:
            return batched_ranks(scores)
        rank = np.empty(scores.shape, dtype=np.int64)
        avg = np.empty(scores.shape)
        for y in np.unique(self.years):  # loop over the few years
            cols = np.flatnonzero(self.years == y)
            rank[:, cols], avg[:, cols] = batched_ranks(scores[:, cols])
        return rank, avg

    def resolved(self, method: str, norm: str | None) -> str:
        """Return the normalisation a (method, normalization) pair uses."""
        return resolve_normalization(method, norm)

    # --- which inputs are uncertain ---------------------------------------
    def uncertain(self) -> tuple[str, ...]:
        """Return the input groups that vary under the options."""
        out = []
        uses_ahp = self.run.weighting != "entropy"
        for g in ("dimension_judgments", "indicator_judgments"):
            if (
                uses_ahp
                and self.pert.steps > 0
                and any(
                    mt.group == g and mt.n_judgments > 0
                    for mt in self.matrices
                )
            ):
                out.append(g)
        lo, hi = self.pert.alpha_range
        if self.alpha_matters() and hi > lo:
            out.append("alpha")
        if len(self.pert.methods) > 1:
            out.append("method")
        if len(self.pert.normalizations) > 1:
            out.append("normalization")
        return tuple(out)

    def alpha_matters(self) -> bool:
        """Return whether the weights depend on alpha (linear combination)."""
        return self.run.weighting == "combined" and self.run.combine == (
            "linear"
        )

    # --- sampling and evaluation -------------------------------------------
    def draw(
        self,
        k: int,
        rng: np.random.Generator,
        vary: Sequence[str],
        stats: dict[str, np.ndarray],
    ) -> Design:
        """Draw k samples of the inputs in `vary` (see `draw_design`)."""
        return draw_design(self.matrices, self.pert, k, rng, vary, stats)

    def weights(self, d: Design) -> np.ndarray:
        """Return the (k, n_ind) indicator weights of the samples.

        The AHP weights compose the sampled local and dimension weights
        with `clusterscore.scoring.hierarchy_weights`; the combination
        uses the kernel of `clusterscore.weights.combine` that
        `combine_weights` uses, one weight pair per row (a game-theory
        sample whose coefficients hit the constraint uses one of the two
        vectors, without a warning per sample).
        """
        k = len(d)
        if self.run.weighting == "entropy":
            assert self.w_ent is not None  # None only with weighting="ahp"
            return np.broadcast_to(self.w_ent, (k, self.n_ind))
        dim_mt, *ind_mts = self.matrices
        local = np.empty((k, self.n_ind))
        for mt in ind_mts:  # loop over the few dimensions
            local[:, mt.cols] = d.weights[mt.name]
        wa = hierarchy_weights(local, d.weights[dim_mt.name], self.groups)
        if self.run.weighting == "ahp":
            return wa
        # each row of wa and w_ent sums to 1, and so does every kernel's
        combine = COMBINE_METHODS[self.run.combine]
        assert self.w_ent is not None  # None only with weighting="ahp"
        return combine(wa, self.w_ent, d.alpha[:, None])

    def scores(self, d: Design, w: np.ndarray) -> np.ndarray:
        """Return the (k, m) scores of the samples (higher is better)."""
        k = len(d)
        out = np.empty((k, self.m))
        norms = self.pert.normalizations
        cfg = d.method * len(norms) + d.norm
        for c in np.unique(cfg):  # loop over the few method choices
            rows = np.flatnonzero(cfg == c)
            method = self.pert.methods[c // len(norms)]
            norm = self.resolved(method, norms[c % len(norms)])
            out[rows] = aggregate_scores(
                method,
                self.payload[method, norm],
                w[rows],
                self.signs,
                norm,
                rho=self.run.rho,
                v=self.run.v,
            )
        return out


def _matrices(prep: Prepared, system: IndicatorSystem) -> list[Matrix]:
    """Return the dimension matrix and one matrix per kept dimension."""
    names = list(prep.indicators)
    j = system.judgments_for(LEVEL_DIMENSIONS, None)
    keep = np.array([j.elements.index(d) for d in prep.dimensions])
    mats = [
        Matrix(
            j.name,
            "dimension_judgments",
            np.asarray(j.matrix),
            tuple(j.elements),
            keep,
        )
    ]
    for di, d in enumerate(prep.dimensions):
        cols = np.flatnonzero(prep.groups == di)
        kept = [names[c] for c in cols]
        try:
            j = system.judgments_for(d, None)
            matrix, elements, name = np.asarray(j.matrix), j.elements, j.name
        except KeyError:
            if len(system.dimension(d).indicators) != 1:
                raise
            matrix, elements, name = np.ones((1, 1)), tuple(kept), d
        keep = np.array([elements.index(i) for i in kept])
        mats.append(
            Matrix(
                name,
                "indicator_judgments",
                matrix,
                tuple(elements),
                keep,
                cols=cols,
                dim=di,
            )
        )
    return mats


def build_model(
    prep: Prepared,
    system: IndicatorSystem,
    run: RunOptions,
    pert: Perturbation,
) -> Model:
    """Collect the fixed parts of the evaluation and the nominal inputs.

    Parameters
    ----------
    prep : Prepared
        The validated table (`clusterscore.scoring.prepare`).
    system : IndicatorSystem
        Its system.
    run : RunOptions
        The nominal run (weighting and combination).
    pert : Perturbation
        The checked options of the perturbation.

    Returns
    -------
    Model
    """
    mats = _matrices(prep, system)
    for mt in mats:
        w, cr = local_weights(mt.nominal[None], pert.ri)
        mt.nominal_cr = float(cr[0])
        mt.nominal_weights_full = w[0]
        mt.nominal_weights = w[0, mt.keep]
    X, signs, names = prep.X, prep.signs, list(prep.indicators)
    minmax = normalised(X, signs, "minmax", system, prep.types, names)
    w_ent = None
    if run.weighting != "ahp":
        # the nominal evaluate() of the same table has already warned about
        # these weights (a constant indicator gets 0): say it once only
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ClusterScoreWarning)
            w_ent = objective_weights(
                minmax, names, None, run.weighting, run.objective
            )
    payload = {}
    for meth in pert.methods:
        for nm in pert.normalizations:
            res = resolve_normalization(meth, nm)
            if (meth, res) not in payload:
                payload[meth, res] = scoring_matrix(
                    X,
                    signs,
                    meth,
                    res,
                    system,
                    prep.types,
                    names,
                    minmax=minmax,
                )
    return Model(
        m=X.shape[0],
        n_ind=X.shape[1],
        groups=prep.groups,
        signs=signs,
        matrices=mats,
        w_ent=w_ent,
        run=run,
        pert=pert,
        payload=payload,
        years=prep.years,
    )


def consistency_table(
    model: Model, stats: dict[str, np.ndarray]
) -> pd.DataFrame:
    """Per matrix: size, nominal CR and how often draws exceeded max_cr."""
    rows = []
    for mt in model.matrices:
        draws, above, fallback = (int(v) for v in stats[mt.name])
        rows.append(
            {
                "matrix": mt.name,
                "group": mt.group,
                "size": mt.nominal.shape[0],
                "nominal_cr": mt.nominal_cr,
                "draws": draws,
                "above_max_cr": above,
                "share_above": above / draws if draws else 0.0,
                "fallback_to_nominal": fallback,
            }
        )
    return pd.DataFrame(rows).set_index("matrix")


def setup(
    fn: str,
    df: pd.DataFrame,
    system: IndicatorSystem | None,
    o: dict[str, Any],
) -> tuple[Model, Prepared, Evaluation, np.ndarray, dict[str, Any]]:
    """Check the options, validate the table once, score the nominal case.

    Returns the model, the prepared table, the nominal `Evaluation`, the
    nominal ranks (in the prepared, sorted cluster order) and the options
    dict of the result.
    """
    pert = check_perturbation(fn, o)
    check_option(fn, "objective", o["objective"], OBJECTIVES)
    if system is None:
        system = load_system()
    prep = prepare(df, system, missing=o["missing"])
    if len(prep.clusters) < 2:
        raise DataError(
            f"{fn}(): ranks need at least 2 clusters; the table has "
            f"{len(prep.clusters)}."
        )
    method = pert.methods[0]
    run = RunOptions(
        weighting=o["weighting"],
        method=method,
        normalization=resolve_normalization(method, pert.normalizations[0]),
        combine=o["combine"],
        alpha=pert.alpha,
        missing=o["missing"],
        objective=o["objective"],
        ri=pert.ri,
        max_cr=pert.max_cr,
        system=system.path or system.id,
    )
    own = method_options(fn, pert.methods, o)
    run = replace(run, rho=own.get("rho", run.rho), v=own.get("v", run.v))
    if prep.years is not None:  # a panel: the global method only
        run = replace(run, panel="global")
    ev = evaluate_prepared(prep, system, run)
    model = build_model(prep, system, run, pert)
    rows = (
        pd.Index(list(prep.clusters))
        if prep.years is None
        else pd.MultiIndex.from_arrays([prep.years, prep.clusters])
    )
    nominal = ev.ranking["rank"].reindex(rows).to_numpy(dtype=np.int64)
    options = {
        "weighting": run.weighting,
        "objective": run.objective,
        "combine": run.combine,
        "alpha": pert.alpha,
        "alpha_range": pert.alpha_range,
        "judgment_steps": pert.steps,
        "methods": pert.methods,
        "normalizations": pert.normalizations,
        "nominal_method": run.method,
        "nominal_normalization": run.normalization,
        "max_cr": pert.max_cr,
        "cr_rule": pert.cr_rule,
        "ri": pert.ri,
        "missing": run.missing,
    }
    if prep.years is not None:
        options["panel"] = "global"
    return model, prep, ev, nominal, options


# ==========================================================================
# the sample loops (chunks of samples, bounded memory)
# ==========================================================================


def sample_ranks(
    model: Model,
    n: int,
    chunk: int,
    gen: np.random.Generator,
    vary: Sequence[str],
    stats: dict[str, np.ndarray],
    nominal: np.ndarray,
    keep_ranks: bool,
    progress: Callable[[int, int], None] | None,
) -> tuple[dict[str, np.ndarray], RankTally]:
    """Draw and rank `n` samples in chunks.

    Returns the per-sample columns (dict of arrays) and the `RankTally`
    of the sampled ranks (every sample's ranks with `keep_ranks`).
    """
    m = model.m
    tally = RankTally(n, m, keep_ranks)
    # average ranks of the nominal ranking: rank the ranks (ties stay ties)
    _, ref_avg = model.ranks(-nominal[None, :].astype(float))
    ref_avg = ref_avg[0]
    parts: list[dict[str, np.ndarray]] = []
    for start in range(0, n, chunk):  # loop over chunks of samples
        k = min(chunk, n - start)
        d = model.draw(k, gen, vary, stats)
        rank, avg = model.ranks(model.scores(d, model.weights(d)))
        tally.add(start, rank, d.ok)
        parts.append(
            {
                "alpha": d.alpha,
                "method": d.method,
                "norm": d.norm,
                "max_cr": np.max(np.stack(list(d.cr.values())), axis=0),
                "accepted": d.ok,
                TARGET: np.abs(rank - nominal).mean(axis=1),
                "spearman": spearman_rho(ref_avg, avg),
                "kendall": kendall_tau_b(nominal, rank),
            }
        )
        if progress is not None:
            progress(start + k, n)
    cols = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    return cols, tally


def rank_shifts(
    model: Model,
    designs: Sequence[Design],
    n: int,
    chunk: int,
    nominal: np.ndarray,
    progress: Callable[[int, int], None] | None,
) -> np.ndarray:
    """Return the mean absolute rank shift of every row of each design.

    Returns shape (len(designs), n); each design is scored in chunks.
    """
    total = n * len(designs)
    out = np.empty(total)
    done = 0
    for d in designs:  # the d + 2 blocks, each in chunks
        for start in range(0, n, chunk):
            part = slice_design(d, slice(start, start + chunk))
            rank, _ = model.ranks(model.scores(part, model.weights(part)))
            k = len(part)
            out[done : done + k] = np.abs(rank - nominal).mean(axis=1)
            done += k
            if progress is not None:
                progress(done, total)
    return out.reshape(len(designs), n)
