"""Regenerate the generated sections of docs/gaps.md by running the code.

Run from anywhere::

    python scripts/gen_gaps_example.py          # rewrite docs/gaps.md
    python scripts/gen_gaps_example.py --check  # exit 1 if it is stale

Two sections are generated, each between its markers
``<!-- begin generated: NAME -->`` and ``<!-- end generated: NAME -->``:

* ``recommendation-map``: every recommendation of the default indicator
  file, by cluster type and dimension, with its source;
* ``worked-example``: the gap diagnosis of ``examples/national_clusters.csv``
  with each benchmark mode, computed now by clusterscore.

Everything else in docs/gaps.md is written by hand and left untouched.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

from clusterscore.errors import FallbackWarning
from clusterscore.gaps import (
    diagnose,
    dimension_gaps,
    flag_gaps,
    resolve_benchmark,
    top_gaps,
)
from clusterscore.io import read_clusters
from clusterscore.present import diagnosis_text, render_table
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "gaps.md"
DATA = ROOT / "examples" / "national_clusters.csv"
DATA_REL = "examples/national_clusters.csv"


def md(frame: pd.DataFrame, floatfmt: str = ".3f") -> str:
    """Render a DataFrame as a Markdown table."""
    return render_table(frame, "markdown", floatfmt=floatfmt).rstrip("\n")


def recommendation_map() -> str:
    system = load_system()
    types = {t.id: t for t in system.types}
    dims = {d.id: d for d in system.dimensions}
    out = [
        f"From `{Path(system.path).name}` ({len(system.recommendations)} "
        "entries). Each applies to the clusters of its type (`default` = "
        "every type) whose dimension is flagged; an entry with an indicator "
        "applies when that indicator is below its target.",
        "",
    ]
    order = [*system.cluster_types, "default"]
    for type_id in order:
        recs = [r for r in system.recommendations if r.cluster_type == type_id]
        if not recs:
            continue
        name = (
            f"{types[type_id].name} ({types[type_id].name_zh}), `{type_id}`"
            if type_id in types
            else "every type, `default`"
        )
        out += [f"### {name}", ""]
        for r in recs:
            head = f"`{r.dimension}`"
            if r.indicator:
                head += f" / `{r.indicator}` below target"
            out.append(f"- **{head}** ({dims[r.dimension].name_zh}): {r.text}")
            if r.text_zh:
                out.append(f"  {r.text_zh}")
            out.append(f"  *Source: {r.source}*")
        out.append("")
    return "\n".join(out).rstrip("\n")


def worked_example() -> str:
    system = load_system()
    df = read_clusters(DATA, system)
    n_types = df["type"].value_counts().reindex(list(system.cluster_types))
    out = [
        f"Data: `{DATA_REL}`, {len(df)} clusters ("
        + ", ".join(f"{n} {t}" for t, n in n_types.items())
        + "), 25 indicators of the default system. Its values are partly "
        "taken from the seeds and public sources and partly illustrative "
        "(see `examples/national_clusters.provenance.csv`): the gaps below "
        "illustrate the method, not the real clusters.",
        "",
        "### 1. System targets (the default benchmark)",
        "",
        "```python",
        "from clusterscore.gaps import flag_gaps, dimension_gaps",
        "gaps = flag_gaps(df, system)              # benchmark='system'",
        "dims = dimension_gaps(df, system)         # AHP local weights",
        "```",
        "",
    ]
    gaps = flag_gaps(df, system)
    counts = pd.crosstab(gaps["type"], gaps["severity"]).reindex(
        index=list(system.cluster_types),
        columns=["none", "minor", "major", "critical"],
        fill_value=0,
    )
    counts.index.name = "type"
    out += [
        "Cells (cluster x indicator) per severity and type:",
        "",
        md(counts.reset_index()),
        "",
    ]
    dims = dimension_gaps(df, system)
    weakest = dims[dims["weakest"]][
        ["cluster", "type", "dimension", "attainment", "severity"]
    ]
    top1 = top_gaps(df, system, k=1)[["cluster", "indicator", "severity"]]
    top1 = top1.rename(
        columns={"indicator": "top gap", "severity": "its severity"}
    )
    weak = weakest.merge(top1, on="cluster", how="left")
    weak = weak.rename(columns={"dimension": "weakest dimension"})
    no_gap = sorted(set(df["cluster"]) - set(weak["cluster"]))
    out += [
        "The weakest dimension (短板) of each cluster and its first gap by "
        "priority (global AHP weight x shortfall):",
        "",
        md(weak),
        "",
    ]
    if no_gap:
        out += [f"Clusters meeting every target: {', '.join(no_gap)}.", ""]
    name = "Changsha Construction Machinery"
    out += [
        f"One cluster's diagnosis, `clusterscore gaps {DATA_REL} "
        f'--cluster "{name}"`:',
        "",
        "```text",
        diagnosis_text(diagnose(df, system, name)),
        "```",
        "",
    ]
    name = "Hefei Intelligent Voice"
    out += [
        f"The same in Chinese for a cutting-edge cluster, "
        f'`clusterscore gaps {DATA_REL} --cluster "{name}" --lang zh`:',
        "",
        "```text",
        diagnosis_text(diagnose(df, system, name), lang="zh"),
        "```",
        "",
        "### 2. Quantile benchmark (top decile of the same type)",
        "",
        "```python",
        "gaps = flag_gaps(df, system, benchmark='quantile')   # q = 0.9",
        "```",
        "",
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FallbackWarning)
        bm = resolve_benchmark(df, system, "quantile")
    out += [f"> FallbackWarning: {w.message}" for w in caught]
    out += [
        "",
        "Where each type's targets come from:",
        "",
        md(
            pd.DataFrame(
                {
                    "type": list(bm.provenance),
                    "targets": list(bm.provenance.values()),
                }
            )
        ),
        "",
    ]
    system_t = resolve_benchmark(None, system).table.loc["strategic"]
    quant_t = bm.table.loc["strategic"]
    compare = pd.DataFrame(
        {
            "indicator": list(system.indicator_ids),
            "direction": list(system.directions),
            "system target": system_t.to_numpy(),
            "quantile target": quant_t.to_numpy(),
        }
    )
    out += [
        "Strategic targets, system vs the 0.9 quantile of the 20 strategic "
        "clusters (0.1 quantile for the cost indicator):",
        "",
        md(compare, ".2f"),
        "",
    ]
    qgaps = flag_gaps(df, system, benchmark=bm)
    share = pd.DataFrame(
        {
            "system": (gaps["severity"] != "none")
            .groupby(gaps["type"])
            .mean(),
            "quantile": (qgaps["severity"] != "none")
            .groupby(qgaps["type"])
            .mean(),
        }
    ).reindex(list(system.cluster_types))
    share.index.name = "type"
    out += [
        "Share of cells below target, by benchmark (basic and cutting-edge "
        "use the system targets in both, so they do not change):",
        "",
        md(share.reset_index()),
        "",
        "### 3. A named reference cluster",
        "",
        "```python",
        "d = diagnose(df, system, 'Xuzhou Construction Machinery',",
        "             benchmark='Changsha Construction Machinery', k=5)",
        "```",
        "",
    ]
    ref = diagnose(
        df,
        system,
        "Xuzhou Construction Machinery",
        benchmark="Changsha Construction Machinery",
        k=5,
    )
    out += [
        "Xuzhou's top gaps against Changsha's values:",
        "",
        md(
            ref.top_gaps[
                [
                    "rank",
                    "indicator",
                    "value",
                    "target",
                    "attainment",
                    "severity",
                    "priority",
                ]
            ]
        ),
        "",
        "Xuzhou's dimensions against Changsha:",
        "",
        md(ref.dimensions[["dimension", "attainment", "severity", "n_gaps"]]),
    ]
    return "\n".join(out)


SECTIONS = {
    "recommendation-map": recommendation_map,
    "worked-example": worked_example,
}


def render(text: str) -> str:
    for name, make in SECTIONS.items():
        begin = f"<!-- begin generated: {name} -->"
        end = f"<!-- end generated: {name} -->"
        pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
        if not pattern.search(text):
            sys.exit(f"{DOC}: markers for section {name!r} not found")
        body = f"{begin}\n<!-- generated by scripts/gen_gaps_example.py; "
        body += f"do not edit by hand -->\n\n{make()}\n\n{end}"
        text = pattern.sub(lambda _m, body=body: body, text)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if docs/gaps.md is out of date",
    )
    args = parser.parse_args()
    old = DOC.read_text(encoding="utf-8")
    new = render(old)
    if args.check:
        if new != old:
            print(f"{DOC} is out of date; run scripts/gen_gaps_example.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
