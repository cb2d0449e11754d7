"""Write examples/national_clusters_panel.csv and its provenance file.

The panel example is the bundled example table
(``examples/national_clusters.csv``) over three years, 2021-2023, to show
the panel calls (``year`` column, global entropy weights, rank changes,
trends). **Every value in it is illustrative**, and its provenance file
says so cell by cell:

* 2023 is the bundled example itself: its values (seed, public or
  illustrative there, see ``national_clusters.provenance.csv``) are
  placed in 2023 for the illustration, which they were not measured in;
* 2022 and 2021 are back-cast from 2023: each (cluster, indicator) gets a
  yearly change drawn with a fixed random seed (a cluster-wide trend plus
  noise, so that some clusters climb and some fall), applied once for
  2022 and twice for 2021 (benefit indicators shrink going back, cost
  indicators grow); counts are rounded to whole numbers, other values to
  3 significant digits, and everything is kept inside the indicator's
  valid bounds.

Illustrative values are NOT data and must not be cited.

Run from the repository root: ``python scripts/make_panel_example.py``.
The output is deterministic (seeded); a test checks that the committed
files match what this script writes.
"""

from __future__ import annotations

import csv
import io
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from clusterscore.system import load_system  # noqa: E402

SEED = 20231231  # fixed: the example must not change between runs
BASE = ROOT / "examples" / "national_clusters.csv"
BASE_PROVENANCE = ROOT / "examples" / "national_clusters.provenance.csv"
CSV_PATH = ROOT / "examples" / "national_clusters_panel.csv"
PROVENANCE_PATH = ROOT / "examples" / "national_clusters_panel.provenance.csv"
YEARS = (2021, 2022, 2023)
TEXT = ("cluster", "type", "region", "province")


def _round(x: float, integer: bool) -> float:
    """Whole numbers for counts, else 3 significant digits."""
    if integer:
        return float(round(x))
    if x == 0:
        return 0.0
    digits = 2 - math.floor(math.log10(abs(x)))
    return round(x, max(digits, 0))


def _clip(x: float, ind) -> float:
    """Keep `x` inside the indicator's valid bounds."""
    if ind.upper is not None:
        x = min(x, ind.upper)
    if ind.lower is not None:
        floor = ind.lower + (1e-2 if ind.lower_open else 0.0)
        x = max(x, floor)
    return x


def _fmt(x: float) -> str:
    return format(x, ".10g")


def build() -> tuple[str, str]:
    """Return the text of the panel table and of its provenance file."""
    system = load_system()
    with BASE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with BASE_PROVENANCE.open(encoding="utf-8", newline="") as f:
        status = {
            (r["cluster"], r["indicator"]): r["status"]
            for r in csv.DictReader(f)
        }
    rng = np.random.default_rng(SEED)
    ids = list(system.indicator_ids)
    trend = rng.normal(0.06, 0.05, size=len(rows))  # per cluster
    noise = rng.normal(0.0, 0.04, size=(len(rows), len(ids)))
    header = [*TEXT, "year", *ids]
    table = io.StringIO()
    out = csv.writer(table, lineterminator="\n")
    out.writerow(header)
    prov = io.StringIO()
    pout = csv.writer(prov, lineterminator="\n")
    pout.writerow(
        ["cluster", "year", "indicator", "value", "status", "source"]
    )
    for year in YEARS:
        back = YEARS[-1] - year  # years back from 2023
        for i, row in enumerate(rows):
            values = []
            for j, ind_id in enumerate(ids):
                ind = system.indicator(ind_id)
                x = float(row[ind_id])
                growth = trend[i] + noise[i, j]
                factor = (1.0 + growth) ** (-back * ind.sign)
                v = (
                    x
                    if back == 0
                    else _clip(_round(x * factor, ind.integer), ind)
                )
                values.append(_fmt(v))
                if back == 0:
                    was = status.get((row["cluster"], ind_id), "illustrative")
                    source = (
                        "illustrative: the bundled example's value "
                        f"(status '{was}' there) placed in 2023; not data"
                    )
                else:
                    source = (
                        f"illustrative: back-cast {back} year(s) from the "
                        f"2023 value with a seeded yearly change of "
                        f"{growth:+.3f}; not data"
                    )
                pout.writerow(
                    [
                        row["cluster"],
                        year,
                        ind_id,
                        _fmt(v),
                        "illustrative",
                        source,
                    ]
                )
            out.writerow([*(row[c] for c in TEXT), year, *values])
    return table.getvalue(), prov.getvalue()


def main() -> None:
    """Write both files."""
    table_text, provenance_text = build()
    CSV_PATH.write_text(table_text, encoding="utf-8")
    PROVENANCE_PATH.write_text(provenance_text, encoding="utf-8")
    print(f"wrote {CSV_PATH} and {PROVENANCE_PATH}")


if __name__ == "__main__":
    main()
