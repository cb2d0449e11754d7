"""Benchmark the command line at scale: ``rank`` and ``gaps`` on a CSV.

Run from the repository root::

    python benchmarks/bench_gaps.py                 # 200,000 clusters
    python benchmarks/bench_gaps.py --rows 20000

Writes a synthetic table (`clusterscore.datasets.synthetic_clusters`, the
default system) as CSV, then runs ``clusterscore rank FILE`` and
``clusterscore gaps FILE`` (``--format csv -o OUT``), each in a fresh
Python process, and prints the wall time and the peak resident memory
(``ru_maxrss``) of each, with the time of `read_clusters` and
`flag_gaps` alone, and the number of rows of the gap table. Run it with
the tree to measure first on ``PYTHONPATH``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

_CHILD = """
import resource, sys, time, warnings
warnings.simplefilter("ignore")
t0 = time.perf_counter()
from clusterscore.cli import main
status = main(sys.argv[1:])
wall = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{wall:.3f} {peak:.1f} {status}")
"""


def run_cli(args):
    """Run the CLI in a fresh process; return (seconds, peak MB)."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ.copy(),
    )
    wall, peak, status = out.stdout.split()[-3:]
    if status != "0":
        raise SystemExit(f"clusterscore {args[0]} failed:\n{out.stderr}")
    return float(wall), float(peak)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    import warnings

    import clusterscore as cs
    from clusterscore.datasets import synthetic_clusters

    system = cs.load_system()
    df = synthetic_clusters(system, args.rows, np.random.default_rng(7))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "clusters.csv")
        df.to_csv(path, index=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            table = cs.read_clusters(path, system)
            t_read = time.perf_counter() - t0
            t0 = time.perf_counter()
            gaps = cs.flag_gaps(table, system)
            t_gaps = time.perf_counter() - t0
        rows.append({"step": "read_clusters", "seconds": t_read})
        rows.append({"step": "flag_gaps", "seconds": t_gaps})
        for command in ("rank", "gaps"):
            out = os.path.join(tmp, f"{command}.csv")
            wall, peak = run_cli([command, path, "--format", "csv", "-o", out])
            rows.append(
                {
                    "step": f"clusterscore {command}",
                    "seconds": wall,
                    "peak MB": peak,
                }
            )
    print(
        f"{args.rows} clusters x {len(system.indicators)} indicators "
        f"(gap table: {len(gaps)} rows)"
    )
    pd.set_option("display.float_format", lambda v: f"{v:.2f}")
    print(pd.DataFrame(rows).to_string(index=False, na_rep=""))


if __name__ == "__main__":
    main()
