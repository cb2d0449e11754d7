"""Benchmark start-up: ``import clusterscore`` and ``clusterscore --help``.

Run from the repository root::

    python benchmarks/bench_startup.py              # 10 runs per row
    python benchmarks/bench_startup.py --runs 20
    python benchmarks/bench_startup.py --src /tmp/old/src   # another tree

Every row is a fresh interpreter (a subprocess), timed from start to exit
by the wall clock; after one unmeasured warm-up run (the file cache warm)
the median of ``--runs`` runs is printed. The baseline,
``python -c "import pandas, pandera.pandas"``, is measured in the same run
so that the targets (issue 15 item 1) hold on any machine:

- ``import clusterscore`` and resolving its whole public API (every name
  of ``__all__``) cost no more than the baseline + 0.15 s;
- ``clusterscore --help`` and ``clusterscore rank --help`` take under
  0.3 s (they import argparse and the package's option names only).

The command is run as ``python -m clusterscore.cli`` (what the console
script runs, without its launcher). ``--src DIR`` puts DIR first on the
subprocesses' ``PYTHONPATH``, to measure another checkout (before/after).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

PY = sys.executable

ROWS: tuple[tuple[str, list[str]], ...] = (
    ("python -c pass (interpreter)", [PY, "-c", "pass"]),
    (
        "import pandas, pandera.pandas",
        [PY, "-c", "import pandas, pandera.pandas"],
    ),
    ("import clusterscore", [PY, "-c", "import clusterscore"]),
    (
        "import clusterscore + all of __all__",
        [
            PY,
            "-c",
            "import clusterscore as cs\nfor n in cs.__all__: getattr(cs, n)",
        ],
    ),
    ("clusterscore --help", [PY, "-m", "clusterscore.cli", "--help"]),
    (
        "clusterscore rank --help",
        [PY, "-m", "clusterscore.cli", "rank", "--help"],
    ),
)

IMPORT_SLACK = 0.15
HELP_LIMIT = 0.3


def _time(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of `runs` runs of `cmd` after one warm-up."""
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--src", default=None, help="source tree to measure")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (args.src, env.get("PYTHONPATH", "")) if p
        )
    where = subprocess.run(
        [PY, "-c", "import clusterscore; print(clusterscore.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout.strip()
    print(f"clusterscore from {where}")
    print(f"median of {args.runs} warm runs, each a fresh interpreter\n")
    times = {label: _time(cmd, args.runs, env) for label, cmd in ROWS}
    base = times["import pandas, pandera.pandas"]
    targets = {
        "import clusterscore": base + IMPORT_SLACK,
        "import clusterscore + all of __all__": base + IMPORT_SLACK,
        "clusterscore --help": HELP_LIMIT,
        "clusterscore rank --help": HELP_LIMIT,
    }
    width = max(len(label) for label, _ in ROWS)
    print(f"{'what':<{width}}  {'median s':>8}  {'target s':>8}  result")
    print(f"{'-' * width}  {'-' * 8}  {'-' * 8}  ------")
    failed = 0
    for label, _ in ROWS:
        t = times[label]
        if label in targets:
            ok = t <= targets[label]
            failed += not ok
            verdict = f"{targets[label]:8.3f}  {'pass' if ok else 'FAIL'}"
        else:
            verdict = (
                f"{'':8}  (baseline)" if label.startswith("import p") else ""
            )
        print(f"{label:<{width}}  {t:8.3f}  {verdict}".rstrip())
    print(
        f"\ntargets: imports <= baseline + {IMPORT_SLACK:g} s; "
        f"--help < {HELP_LIMIT:g} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
