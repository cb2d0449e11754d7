"""Speed of the uncertainty and sensitivity analyses; prints a table.

Targets (issue 6, tightened by issue 15 item 3): 10,000 Monte Carlo
samples for 500 clusters x 25 indicators in under 1 s; a Saltelli design
with N = 1,000 over 4 input groups in under 5 s. The table is
synthetic: every indicator is its benchmark target for the cluster's
type times U(0.2, 1.5), clipped to the indicator's valid range, so it
validates against the default system.

Run: ``python benchmarks/bench_uncertainty.py [--repeat R]``. Each row is
the best of R runs of the public function, validation and the nominal
`evaluate` included, as wall clock and as processor time (the steadier
measure on a shared machine). Memory as the clusters grow:
``benchmarks/bench_uncertainty_memory.py``.
"""

from __future__ import annotations

import argparse
import time

from clusterscore.datasets import synthetic_clusters
from clusterscore.system import load_system
from clusterscore.uncertainty import sensitivity, uncertainty


def best_of(repeat: int, fn) -> tuple[float, float]:
    """Return the fastest wall-clock and processor times of `fn()`."""
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return min(wall), min(cpu)


def main() -> None:
    """Time the cases and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    system = load_system()
    df = synthetic_clusters(system, 500, rng=0)
    three = ("weighted_sum", "geometric", "topsis")
    cases = [
        (
            "uncertainty n=10,000 (judgments + alpha)",
            1.0,
            lambda: uncertainty(df, system, 10_000, 1),
        ),
        (
            "uncertainty n=10,000 (+ method: ws/geo/topsis)",
            None,
            lambda: uncertainty(df, system, 10_000, 1, methods=three),
        ),
        (
            "sensitivity N=1,000, 4 groups (6,000 runs)",
            5.0,
            lambda: sensitivity(
                df, system, 1_000, 1, methods=three, n_boot=1000
            ),
        ),
    ]
    print(f"500 clusters x {len(system.indicators)} indicators; best of "
          f"{args.repeat} runs\n")  # fmt: skip
    print("| case | seconds | CPU seconds | target | ok |")
    print("|---|---:|---:|---:|---|")
    for name, target, fn in cases:
        t, c = best_of(args.repeat, fn)
        tgt = "" if target is None else f"< {target:.0f} s"
        ok = "" if target is None else ("yes" if t < target else "NO")
        print(f"| {name} | {t:.2f} | {c:.2f} | {tgt} | {ok} |")


if __name__ == "__main__":
    main()
