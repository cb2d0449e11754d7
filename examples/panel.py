"""Panel calls: the bundled clusters over three years (2021-2023).

Run from the repository root::

    python examples/panel.py

``examples/national_clusters_panel.csv`` has a ``year`` column, which
makes it a panel: one row per (cluster, year). **Every value in it is
illustrative** (see its provenance file and
``scripts/make_panel_example.py``): the gaps and rank changes illustrate
the method, not the clusters.

The script scores the panel with the global entropy method (one
normalisation and one set of entropy weights over all cluster-years, so
scores compare across years), prints who moved up and down in 2023,
compares with per-year scoring, diagnoses one cluster with the
attainment trend of each dimension, and reports rank intervals per year.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clusterscore.gaps import diagnose
from clusterscore.io import read_clusters
from clusterscore.scoring import evaluate
from clusterscore.system import load_system
from clusterscore.uncertainty import uncertainty

PANEL = Path(__file__).resolve().parent / "national_clusters_panel.csv"


def main() -> None:
    """Run the panel calls and print what they show."""
    pd.set_option("display.width", 120)
    system = load_system()
    table = read_clusters(PANEL, system)
    years = sorted(table["year"].unique())
    print(
        f"{len(table)} rows: {table['cluster'].nunique()} clusters in "
        f"years {', '.join(map(str, years))}\n"
    )

    # global (the default for a panel): scores comparable across years
    ev = evaluate(table, system)
    print(ev.summary(), "\n")
    latest = ev.ranking.loc[years[-1]]
    cols = ["rank", "rank_change", "score", "score_change"]
    print(f"Ranking {years[-1]} (top 5), changes against {years[-2]}:")
    print(latest[cols].head(5).round(2).to_string(), "\n")
    movers = latest.sort_values("rank_change", ascending=False)
    print("Biggest climbers:")
    print(movers[cols].head(3).round(2).to_string(), "\n")

    # per year: each year normalised and weighted on its own
    per_year = evaluate(table, system, panel="per_year")
    both = pd.DataFrame(
        {
            "global": ev.ranking.loc[years[-1], "rank"],
            "per_year": per_year.ranking.loc[years[-1], "rank"],
        }
    )
    moved = int((both["global"] != both["per_year"]).sum())
    print(
        f"{years[-1]}: {moved} clusters rank differently per year "
        "than with the global method.\n"
    )

    # the diagnosis of the latest year, with the trend of each dimension
    d = diagnose(table, system, "Hefei Intelligent Voice")
    print(d.to_text(), "\n")

    # rank intervals per year (few samples: this is an illustration)
    u = uncertainty(table, system, 200, rng=7)
    print("Rank intervals (5 %-95 %), year by year, top 3:")
    for year in years:
        s = u.summary.loc[year].head(3)
        print(f"{year}:")
        print(s[["nominal_rank", "rank_low", "rank_high"]].to_string())


if __name__ == "__main__":
    main()
