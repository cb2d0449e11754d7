"""Benchmark scoring: evaluate() at scale, and entropy + TOPSIS vs peers.

Run from the repository root::

    python benchmarks/bench_rank.py            # full table (10^2..10^6)
    python benchmarks/bench_rank.py --quick    # up to 10^5 clusters
    python benchmarks/bench_rank.py --validation   # only table 0

Prints three tables:

0. `rank_clusters` split into validate (`validate` on the DataFrame),
   score (the rest of the call) and total, against the numpy floor (one
   log pass plus one matrix product over the same matrix, timed in the
   same rounds: floor, validate and total run in turn, ``--repeat``
   rounds; ``paired`` is the median of the total/floor ratios within a
   round), at 10^3 .. 10^6 rows, with the peak memory growth of the
   whole call (tracemalloc) relative to the input's indicator matrix, and
   `read_clusters` of the same table written as CSV (up to 10^5 rows
   with ``--quick``).

1. `evaluate` (combined weights, weighted sum) for 10^2 .. 10^6 clusters x
   the default system's indicators: wall time of the whole call, of the
   scoring stage alone (weights + normalise + aggregate + rank on prepared
   arrays), peak memory growth (tracemalloc) relative to the input table,
   and the ratio of the scoring stage to the numpy floor.
2. On one 10^5 x 30 matrix: entropy weights + TOPSIS in clusterscore, in
   pymcdm (its fastest path, validation off) and in scikit-criteria, as
   times and ratios (and the largest difference of their closeness from
   ours), the fastest peer entropy step plus the fastest peer TOPSIS step,
   and the numpy floor (one log pass and one matrix product over the
   matrix). The peers compute entropy on raw shares, so ours is called
   with ``normalization="sum"`` here to compare the same computation.
   Peers that are not installed are reported as such
   (``pip install pymcdm scikit-criteria``).

Times are the best of several repeats (``--repeat``).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import tempfile
import time
import tracemalloc
import warnings

import numpy as np
import pandas as pd

import clusterscore as cs
from clusterscore import scoring
from clusterscore.datasets import synthetic_clusters
from clusterscore.scoring.options import RunOptions
from clusterscore.weights.entropy import entropy_weights

# the module (`clusterscore.scoring.evaluate` as an attribute is the function)
scoring_evaluate = importlib.import_module("clusterscore.scoring.evaluate")


def best_time(fn, repeat):
    best = float("inf")
    out = None
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def peak_memory(fn):
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    fn()
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    return peak


def numpy_floor(X, w):
    """Do one log pass and one matrix product over X.

    That is the least any entropy + aggregation can do.
    """
    logs = np.log(X)
    return logs.sum(axis=0), X @ w


# the defaults `evaluate` runs with (combined, weighted sum, min-max)
SCORING_OPTIONS = RunOptions().as_dict()


def scoring_stage(prep, system):
    """Weights + normalise + aggregate + rank on prepared arrays.

    The same code `evaluate` runs after validation (one segment, pooled).
    """
    rows = np.arange(prep.X.shape[0])
    score, _, _ = scoring_evaluate._score_segment(
        prep, system, rows, None, SCORING_OPTIONS, {}
    )
    return scoring.competition_ranks(score)


def table_evaluate(sizes, repeat, system, rng):
    rows = []
    for m in sizes:
        df = synthetic_clusters(system, m, rng)
        input_bytes = df[list(system.indicator_ids)].to_numpy().nbytes
        reps = repeat if m <= 10**5 else 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t_eval, _ = best_time(lambda df=df: cs.evaluate(df, system), reps)
            prep = scoring.prepare(df, system)
            t_score, _ = best_time(
                lambda p=prep: scoring_stage(p, system), max(reps, 3)
            )
            mem_eval = peak_memory(lambda df=df: cs.evaluate(df, system))
            mem_score = peak_memory(lambda p=prep: scoring_stage(p, system))
        w = np.full(prep.X.shape[1], 1.0 / prep.X.shape[1])
        Xp = np.abs(prep.X) + 1.0
        t_floor, _ = best_time(lambda X=Xp, w=w: numpy_floor(X, w), 3)
        rows.append(
            {
                "clusters": m,
                "indicators": len(system.indicators),
                "evaluate s": t_eval,
                "scoring s": t_score,
                "floor s": t_floor,
                "scoring/floor": t_score / t_floor,
                "evaluate peak / input": mem_eval / input_bytes,
                "scoring peak / input": mem_score / input_bytes,
            }
        )
        del df, prep
    return pd.DataFrame(rows)


def paired_times(fns, repeat):
    """Time each of `fns` `repeat` times, in turn (a, b, c, a, b, c, ...).

    Returns one list of times per function. Run in alternation, a slow
    spell of the machine (a shared virtual machine has them) falls on
    every function alike, so the ratio of two times taken in the same
    round is steadier than the ratio of two best times.
    """
    times = [[] for _ in fns]
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            gc.collect()
            t0 = time.perf_counter()
            fn()
            times[k].append(time.perf_counter() - t0)
    return times


def table_validation(sizes, system, rng, tmpdir, csv_max, repeat):
    """Table 0: validate / score / total of rank_clusters vs the floor.

    Times are the best of `repeat` rounds in which the floor, `validate`
    and `rank_clusters` run in turn; ``total/floor`` is the ratio of the
    best times and ``paired`` the median of the ratios within a round.
    """
    rows = []
    for m in sizes:
        df = synthetic_clusters(system, m, rng)
        X = df[list(system.indicator_ids)].to_numpy()
        input_bytes = X.nbytes
        w = np.full(X.shape[1], 1.0 / X.shape[1])
        Xp = np.abs(X) + 1.0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # the first round at a new size pays the machine's first touch
            # of fresh memory (and is one of the `repeat`)
            t_floor, t_val, t_all = paired_times(
                [
                    lambda X=Xp, w=w: numpy_floor(X, w),
                    lambda df=df: cs.validate(df, system),
                    lambda df=df: cs.rank_clusters(df, system),
                ],
                repeat,
            )
            mem = peak_memory(lambda df=df: cs.rank_clusters(df, system))
            t_csv = float("nan")
            if m <= csv_max:
                path = f"{tmpdir}/clusters_{m}.csv"
                df.to_csv(path, index=False)
                t_csv, _ = best_time(
                    lambda p=path: cs.read_clusters(p, system),
                    3 if m <= 10**5 else 1,
                )
        floor, val, total = min(t_floor), min(t_val), min(t_all)
        paired = np.median(np.divide(t_all, t_floor))
        rows.append(
            {
                "rows": m,
                "validate s": val,
                "score s": max(total - val, 0.0),
                "total s": total,
                "floor s": floor,
                "validate/floor": val / floor,
                "total/floor": total / floor,
                "paired": paired,
                "peak / input": mem / input_bytes,
                "read_clusters(CSV) s": t_csv,
            }
        )
        del df, X, Xp
    return pd.DataFrame(rows)


def ours(X, signs):
    """Entropy weights (raw shares, as the peers do) + TOPSIS."""
    w = entropy_weights(X, signs, normalization="sum")
    return cs.topsis(X, np.asarray(w), signs, normalization="vector")


def peer_steps(X, signs):
    """Each installed peer's entropy step and TOPSIS step.

    Returns ``{name: (entropy(), topsis(weights))}``; the whole pipeline
    is ``topsis(entropy())``. Both peers compute entropy on raw shares and
    TOPSIS with vector normalisation, as `ours` does.
    """
    steps = {}
    try:
        from pymcdm.methods import TOPSIS as PmTopsis
        from pymcdm.normalizations import vector_normalization
        from pymcdm.weights import entropy_weights as pm_entropy

        pm_topsis = PmTopsis(normalization_function=vector_normalization)
        steps["pymcdm"] = (
            lambda: pm_entropy(X),
            lambda w: pm_topsis(X, w, signs, validation=False),
        )
    except ImportError:
        pass
    try:
        import skcriteria as skc
        from skcriteria.agg.topsis import TOPSIS as SkTopsis
        from skcriteria.preprocessing.scalers import SumScaler, VectorScaler
        from skcriteria.preprocessing.weighters import EntropyWeighter

        objectives = [max if s > 0 else min for s in signs]
        dm = skc.mkdm(X, objectives=objectives)

        def sk_entropy():
            shares = SumScaler(target="matrix").transform(dm)
            return EntropyWeighter().transform(shares).weights.to_numpy()

        def sk_topsis(w):
            weighted = skc.mkdm(X, objectives=objectives, weights=w)
            scaled = VectorScaler(target="matrix").transform(weighted)
            return SkTopsis().evaluate(scaled).e_["similarity"]

        steps["scikit-criteria"] = (sk_entropy, sk_topsis)
    except ImportError:
        pass
    return steps


def table_peers(repeat, rng):
    m, n = 10**5, 30
    X = rng.uniform(1.0, 100.0, size=(m, n))
    signs = np.where(np.arange(n) % 5 == 4, -1, 1).astype(np.int8)
    w = np.full(n, 1.0 / n)
    results, diffs = {}, {}
    results["numpy floor"], _ = best_time(lambda: numpy_floor(X, w), repeat)
    results["clusterscore"], mine = best_time(lambda: ours(X, signs), repeat)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # peers' deprecation warnings
        steps = peer_steps(X, signs)
        entropy_times, topsis_times = [], []
        for name, (entropy, topsis) in steps.items():
            results[name], theirs = best_time(
                lambda e=entropy, t=topsis: t(e()), repeat
            )
            diffs[name] = np.max(np.abs(np.asarray(theirs) - mine))
            weights = entropy()
            entropy_times.append(best_time(entropy, repeat)[0])
            topsis_times.append(
                best_time(lambda t=topsis, w=weights: t(w), repeat)[0]
            )
    for name in ("pymcdm", "scikit-criteria"):
        results.setdefault(name, "not installed")
    if steps:
        results["fastest peer steps combined"] = min(entropy_times) + min(
            topsis_times
        )
    ref = results["clusterscore"]
    rows = []
    for name, t in results.items():
        row = {
            "implementation": name,
            "seconds": t,
            "ratio": "",
            "max |closeness diff|": "",
        }
        if not isinstance(t, str):
            row["seconds"] = f"{t:.4f}"
            row["ratio"] = f"{t / ref:.2f}"
        if name in diffs:
            row["max |closeness diff|"] = f"{diffs[name]:.1e}"
        rows.append(row)
    return pd.DataFrame(rows), (m, n)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="stop at 10^5 clusters"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--validation", action="store_true", help="print only table 0"
    )
    args = parser.parse_args()
    rng = np.random.default_rng(20261121)
    system = cs.load_system()
    sizes = [10**k for k in range(2, 6 if args.quick else 7)]
    pd.set_option("display.width", 200)
    pd.set_option("display.float_format", lambda v: f"{v:.4f}")
    print(
        "rank_clusters(): validate, score and total against the numpy "
        "floor (default system)"
    )
    with tempfile.TemporaryDirectory() as tmpdir:
        table = table_validation(
            sizes[1:],
            system,
            rng,
            tmpdir,
            10**5 if args.quick else 10**6,
            args.repeat,
        )
    print(table.to_string(index=False))
    print()
    if args.validation:
        return
    print("evaluate(): combined weights (AHP x entropy), weighted sum")
    print(
        table_evaluate(sizes, args.repeat, system, rng).to_string(index=False)
    )
    print()
    peers, shape = table_peers(args.repeat, rng)
    print(
        f"entropy weights + TOPSIS on one {shape[0]} x {shape[1]} matrix "
        f"(best of {args.repeat})"
    )
    print(peers.to_string(index=False))


if __name__ == "__main__":
    main()
