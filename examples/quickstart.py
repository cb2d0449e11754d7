"""The library calls a user starts with, on the bundled example data.

Run from the repository root::

    python examples/quickstart.py
"""

from pathlib import Path

import clusterscore as cs

HERE = Path(__file__).resolve().parent

# 1. The indicator system: 5 dimensions, their indicators, AHP judgments,
#    benchmark targets and development recommendations, each with a source.
system = cs.load_system()
print(
    f"{system.name}: {len(system.dimensions)} dimensions, "
    f"{len(system.indicators)} indicators, types {system.cluster_types}"
)
first = system.indicators[0]
print(f"  e.g. {first.id} ({first.name_zh}), {first.unit}, {first.direction}")

# 2. Read and validate a table (UTF-8 or GBK CSV; ids or Chinese headers).
df = cs.read_clusters(HERE / "national_clusters.csv", system)
print(
    f"\n{len(df)} clusters read; types: {df['type'].value_counts().to_dict()}"
)

# 3. AHP on one matrix: weights and consistency.
r = cs.ahp([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]])
print(f"\nAHP weights {r.weights.round(4)}, CR = {r.cr:.4f}")

# 4. Score and rank: combined AHP x entropy weights, weighted sum.
ev = cs.evaluate(df, system)
print("\nTop five:")
print(ev.ranking.head().round(1).to_string())
print("\nWeights (first five indicators):")
print(ev.weights.head().round(4).to_string())

# 5. Where does a cluster fall short of the advanced-cluster benchmark?
gaps = cs.flag_gaps(df, system, benchmark="system")
worst = gaps[gaps["severity"] == "critical"]
print(f"\n{len(worst)} critical indicator gaps in all; the first three:")
print(worst.head(3).to_string(index=False))
