"""Time and peak memory of the uncertainty analyses as clusters grow.

Issue 16 item 15: rank statistics must not hold a clusters x clusters
array (20,000 clusters took 12.7 GB, 200,000 asked for 298 GiB); target:
200,000 clusters x 100 samples in under 2 GB. Issue 15 item 3: the
sensitivity analysis with ``--saltelli 5000`` and three methods (830 MB)
must stay under 300 MB.

Each case runs in a fresh subprocess so that its peak resident memory
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``, which includes the
interpreter, numpy and pandas, about 100 MB) is its own. The table is
`clusterscore.datasets.synthetic_clusters` (valid for the default
system). Times are wall clock, table generation excluded.

Run: ``python benchmarks/bench_uncertainty_memory.py [--sizes 2000 20000
200000] [--samples 100] [--saltelli 5000]``; prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, time
from clusterscore.datasets import synthetic_clusters
from clusterscore.system import load_system
from clusterscore.uncertainty import sensitivity, uncertainty
kind, size, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
system = load_system()
df = synthetic_clusters(system, size, rng=0)
three = ("weighted_sum", "geometric", "topsis")
t0 = time.perf_counter()
if kind == "uncertainty":
    uncertainty(df, system, n, 1)
else:
    sensitivity(df, system, n, 1, methods=three, n_boot=1000,
                combine="multiplicative")
t = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": t, "peak_mb": rss}))
"""


def run_case(kind: str, size: int, n: int) -> dict[str, object]:
    """Run one case in a subprocess; return its time and peak memory."""
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(size), str(n)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"seconds": None, "peak_mb": None, "error": last[:120]}
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Run the cases and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[2000, 20000, 200000]
    )
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--saltelli", type=int, default=5000)
    parser.add_argument("--saltelli-clusters", type=int, default=27)
    args = parser.parse_args()
    cases = [("uncertainty", s, args.samples) for s in args.sizes]
    if args.saltelli:
        cases.append(("sensitivity", args.saltelli_clusters, args.saltelli))
    print("| case | clusters | samples | seconds | peak MB |")
    print("|---|---:|---:|---:|---:|")
    for kind, size, n in cases:
        r = run_case(kind, size, n)
        if r.get("error"):
            print(f"| {kind} | {size:,} | {n:,} | failed: {r['error']} | |")
            continue
        print(
            f"| {kind} | {size:,} | {n:,} | {r['seconds']:.2f} "
            f"| {r['peak_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
