"""Gap diagnosis of the bundled national clusters against the benchmark.

Run from the repository root::

    python examples/gaps.py

It flags every cluster's gaps against the per-type targets of the default
indicator system, finds each cluster's weakest dimension (短板), diagnoses
one cluster in English and in Chinese, and repeats the comparison with the
two other kinds of benchmark: the top decile of the same-type clusters and
a named reference cluster. Values in ``examples/national_clusters.csv`` are
partly sourced and partly illustrative (see its provenance file), so the
gaps illustrate the method, not the clusters.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from clusterscore.errors import FallbackWarning
from clusterscore.gaps import (
    diagnose,
    dimension_gaps,
    flag_gaps,
    resolve_benchmark,
)
from clusterscore.io import read_clusters
from clusterscore.system import load_system

DATA = Path(__file__).resolve().parent / "national_clusters.csv"


def main() -> None:
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 10)
    pd.set_option("display.max_colwidth", 48)
    system = load_system()
    df = read_clusters(DATA, system)

    # 1. every (cluster, indicator) against the system targets of its type
    gaps = flag_gaps(df, system)
    counts = pd.crosstab(gaps["cluster"], gaps["severity"]).reindex(
        columns=["none", "minor", "major", "critical"], fill_value=0
    )
    print("Indicators per severity (system benchmark):")
    print(counts.sort_values(["critical", "major"], ascending=False))

    # 2. the short board of each cluster
    dims = dimension_gaps(df, system)
    weakest = dims[dims["weakest"]].set_index("cluster")
    print("\nWeakest dimension of each cluster:")
    print(weakest[["type", "dimension", "attainment", "severity"]])

    # 3. one cluster's diagnosis, in English and in Chinese
    diagnosis = diagnose(df, system, "Changsha Construction Machinery")
    print()
    print(diagnosis)
    print()
    print(diagnose(df, system, "Hefei Intelligent Voice").to_text(lang="zh"))

    # 4. the top decile of the same-type clusters (small types fall back)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FallbackWarning)
        bm = resolve_benchmark(df, system, "quantile")
    for w in caught:
        print(f"\nwarning: {w.message}")
    print("\nWhere each type's targets come from:")
    for cluster_type, provenance in bm.provenance.items():
        print(f"  {cluster_type}: {provenance}")
    quantile_gaps = flag_gaps(df, system, benchmark=bm)
    share = (
        (quantile_gaps["severity"] != "none")
        .groupby(quantile_gaps["type"])
        .mean()
    )
    print("\nShare of cells below the quantile benchmark, by type:")
    print(share.round(3))

    # 5. a named reference cluster: Xuzhou against Changsha
    ref = diagnose(
        df,
        system,
        "Xuzhou Construction Machinery",
        benchmark="Changsha Construction Machinery",
        k=3,
    )
    print("\nXuzhou against Changsha, top gaps:")
    print(ref.top_gaps[["rank", "indicator", "value", "target", "severity"]])


if __name__ == "__main__":
    main()
