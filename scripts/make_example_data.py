"""Write examples/national_clusters.csv and its provenance file.

The example table has the 25 national finalist clusters of Table 1 in Gan
Yong et al. (2022) (seed 000), plus Shaoxing Modern Textile (seed 000
§3.1.1) and an illustrative Tangshan steel row (seed 000 §3.1.2), so that
every cluster type has at least three rows.

Every value is one of:

* ``seed``: stated in a seed document (quoted in the provenance file);
* ``public``: stated by a named public source listed in the research note
  (shared/research/indicator-system.md §5.2);
* ``illustrative``: an estimate drawn, with a fixed random seed, inside a
  plausible range for the indicator and the cluster's type (the research
  note's §1 ranges, split by type), then rounded to a round number.

Illustrative values are NOT data and must not be cited. They are built so
that the example tells a believable story: each cluster has a general
strength and one factor per dimension (correlated with it), and the ranges
differ by type (basic clusters are large and less innovative, strategic
clusters strongest on the chain, cutting-edge clusters small but most
innovative). Clusters that the seeds describe qualitatively (Tangshan weak,
Shaoxing very large, Changsha's chain controllable, Hangzhou and Qingdao
rail weak on the "four basics") get factors or values that agree.

Run from the repository root: ``python scripts/make_example_data.py``.
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
from scipy.special import ndtr

SEED = 20220415  # fixed: the example must not change between runs
ROOT = Path(__file__).resolve().parents[1]
CSV_PATH = ROOT / "examples" / "national_clusters.csv"
PROVENANCE_PATH = ROOT / "examples" / "national_clusters.provenance.csv"

NOTE = "research note shared/research/indicator-system.md"

# name, type, region, province, type status/source, row note
# Region and province: seed 000 Table 1 (the Pearl River Delta row's
# province cell reads "Shenzhen and Guangzhou": the province is Guangdong).
T1 = "seed 000 Table 1"
TYPE_NOTE = f"type assigned by the {NOTE} §5.3 (estimate)"
CLUSTERS: list[tuple[str, str, str, str, str, str]] = [
    (
        "Shanghai Integrated Circuit",
        "strategic",
        "Yangtze River Delta",
        "Shanghai",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Zhangjiang Biomedical",
        "strategic",
        "Yangtze River Delta",
        "Shanghai",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Wuxi Internet of Things",
        "strategic",
        "Yangtze River Delta",
        "Jiangsu",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Nanjing Software and Information Service",
        "strategic",
        "Yangtze River Delta",
        "Jiangsu",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Changzhou New Carbon Materials",
        "cutting_edge",
        "Yangtze River Delta",
        "Jiangsu",
        "illustrative",
        TYPE_NOTE + "; graphene is a cutting-edge technology in seed 000 "
        "§3.3.1",
    ),
    (
        "Nanjing New Electric Power (Smart Grid) Equipment",
        "strategic",
        "Yangtze River Delta",
        "Jiangsu",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Suzhou Nano New Materials",
        "cutting_edge",
        "Yangtze River Delta",
        "Jiangsu",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Xuzhou Construction Machinery",
        "strategic",
        "Yangtze River Delta",
        "Jiangsu",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Hangzhou Digital Security",
        "strategic",
        "Yangtze River Delta",
        "Zhejiang",
        "seed",
        "seed 000 §3.2.2 uses it as a key strategic cluster example",
    ),
    (
        "Ningbo Magnetic Material",
        "strategic",
        "Yangtze River Delta",
        "Zhejiang",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Wenzhou Yueqing Electric",
        "basic",
        "Yangtze River Delta",
        "Zhejiang",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Hefei Intelligent Voice",
        "cutting_edge",
        "Yangtze River Delta",
        "Anhui",
        "illustrative",
        TYPE_NOTE + "; AI is a cutting-edge technology in seed 000 §3.3.1",
    ),
    (
        "Shenzhen Next-Generation Information and Communication",
        "strategic",
        "Pearl River Delta",
        "Guangdong",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Shenzhen Advanced Battery Materials",
        "strategic",
        "Pearl River Delta",
        "Guangdong",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Guangzhou-Shenzhen-Foshan-Dongguan Intelligent Equipment",
        "strategic",
        "Pearl River Delta",
        "Guangdong",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Guangzhou-Foshan-Huizhou Ultra HD Video and Smart Home Appliance",
        "strategic",
        "Pearl River Delta",
        "Guangdong",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Dongguan Intelligent Mobile Terminal",
        "strategic",
        "Pearl River Delta",
        "Guangdong",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Shenzhen-Guangzhou High-end Medical Device",
        "strategic",
        "Pearl River Delta",
        "Guangdong",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Qingdao Intelligent Home Appliance",
        "basic",
        "Bohai Rim",
        "Shandong",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Qingdao Rail Transit Equipment",
        "strategic",
        "Bohai Rim",
        "Shandong",
        "seed",
        "seed 000 §3.2.2 uses it as a key strategic cluster example",
    ),
    (
        "Zhuzhou Advanced Rail Transit Equipment",
        "strategic",
        "Central",
        "Hunan",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Changsha Construction Machinery",
        "strategic",
        "Central",
        "Hunan",
        "seed",
        "seed 000 §3.2.1 uses it as the key strategic cluster example",
    ),
    (
        "Chengdu Software and Information Service",
        "strategic",
        "Western",
        "Sichuan",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Chengdu and Deyang High-end Energy Equipment",
        "strategic",
        "Western",
        "Sichuan",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Xi'an Aviation",
        "strategic",
        "Western",
        "Shaanxi",
        "illustrative",
        TYPE_NOTE,
    ),
    (
        "Shaoxing Modern Textile",
        "basic",
        "Yangtze River Delta",
        "Zhejiang",
        "seed",
        "not in Table 1; seed 000 §3.1.1 gives textiles as a basic industry "
        "and this cluster as its example",
    ),
    (
        "Tangshan Steel",
        "basic",
        "Beijing-Tianjin-Hebei",
        "Hebei",
        "seed",
        "not in Table 1, not a national cluster; seed 000 §3.1.2 gives iron "
        "and steel as a basic industry and Tangshan as its example",
    ),
]
NOT_IN_TABLE_1 = {
    "Shaoxing Modern Textile": (
        'seed 000 §3.1.1: "the Shaoxing modern textile cluster in Zhejiang '
        'Province"; region: Table 1 groups Zhejiang in the Yangtze River '
        "Delta"
    ),
    "Tangshan Steel": (
        'seed 000 §3.1.2: "Tangshan City, Hebei Province"; region: seed '
        "000 §3 names the Beijing-Tianjin-Hebei region"
    ),
}

# Values stated by a seed or a named public source:
# (cluster, indicator) -> (value, status, source)
STATED: dict[tuple[str, str], tuple[float, str, str]] = {
    ("Changsha Construction Machinery", "output_value"): (
        200,
        "seed",
        'seed 000 §3.2.1: "the total output value of the cluster in 2019 '
        'exceeded 200 billion CNY" (a lower bound)',
    ),
    ("Changsha Construction Machinery", "national_share"): (
        23,
        "seed",
        'seed 000 §3.2.1: "approximately 23% of the national construction '
        'machinery industry"',
    ),
    ("Changsha Construction Machinery", "chain_leader_firms"): (
        4,
        "seed",
        "seed 000 §3.2.1 names four leading enterprises (Sany, Zoomlion, "
        "Railway Construction Heavy Industry, Shanhe Intelligent); a lower "
        "bound",
    ),
    ("Hangzhou Digital Security", "global_market_share"): (
        50,
        "seed",
        'seed 000 §3.2.2: core video surveillance products "have a global '
        'market share of approximately 50%"',
    ),
    ("Hangzhou Digital Security", "national_innovation_carriers"): (
        40,
        "seed",
        'seed 002: "over 40 national-level innovation carriers" (a lower '
        "bound)",
    ),
    (
        "Nanjing New Electric Power (Smart Grid) Equipment",
        "above_size_firms",
    ): (
        600,
        "seed",
        'seed 002: "a collection of over 600 large-scale industrial '
        'enterprises" (a lower bound)',
    ),
    (
        "Nanjing New Electric Power (Smart Grid) Equipment",
        "single_champion_firms",
    ): (
        17,
        "seed",
        'seed 002: "17 single-champion enterprises"',
    ),
    (
        "Nanjing New Electric Power (Smart Grid) Equipment",
        "little_giant_firms",
    ): (
        10,
        "seed",
        'seed 002: "10 specialized, refined, distinctive and innovative '
        "'little giant' enterprises\"",
    ),
    (
        "Nanjing New Electric Power (Smart Grid) Equipment",
        "chain_link_coverage",
    ): (
        100,
        "seed",
        'seed 002: firms "distributed across nine major links of the power '
        'equipment industry chain" (9 of 9 links on that chain map)',
    ),
    (
        "Nanjing New Electric Power (Smart Grid) Equipment",
        "local_supporting_rate",
    ): (
        80,
        "seed",
        'seed 002: "provided over 80% of local supporting services for a '
        'number of leading enterprises" (a lower bound)',
    ),
    ("Shaoxing Modern Textile", "above_size_firms"): (
        2858,
        "seed",
        'seed 000 §3.1.1: "2858 textile and related enterprises exceed the '
        'designated size"',
    ),
    ("Hefei Intelligent Voice", "guided_fund_size"): (
        5,
        "seed",
        'seed 002: "an intelligent voice and artificial intelligence '
        'industry development fund with a total scale of 5 billion yuan"',
    ),
    ("Hefei Intelligent Voice", "fiscal_support"): (
        2,
        "seed",
        'seed 002: "allocating nearly 2 billion yuan in support funds in '
        'total" (approximate; cumulative since 2012, not over 5 years)',
    ),
    ("Wenzhou Yueqing Electric", "chain_leader_firms"): (
        2,
        "seed",
        "seed 002 names two leading enterprises (Chint and Delixi); a lower "
        "bound",
    ),
    ("Shenzhen Advanced Battery Materials", "output_value"): (
        100,
        "public",
        "Zeng Kun et al., Bulletin of the Chinese Academy of Sciences "
        "2022(3): leading-industry output > 100 bn CNY a year (a lower "
        f"bound; {NOTE} §5.2)",
    ),
    ("Shenzhen Advanced Battery Materials", "national_share"): (
        70,
        "public",
        "Zeng Kun et al., Bulletin of the Chinese Academy of Sciences "
        "2022(3): > 70% of national corresponding output (a lower bound; "
        f"{NOTE} §5.2)",
    ),
    ("Ningbo Magnetic Material", "national_share"): (
        40,
        "public",
        "Zeng Kun et al., Bulletin of the Chinese Academy of Sciences "
        "2022(3): rare-earth magnetic material output 40% of national "
        f"({NOTE} §5.2)",
    ),
    ("Suzhou Nano New Materials", "output_value"): (
        100,
        "public",
        "jschemnet.cn 2021-04-12: 2020 output > 100 bn CNY (a lower bound; "
        f"{NOTE} §5.2)",
    ),
    ("Suzhou Nano New Materials", "public_service_platforms"): (
        20,
        "public",
        "jschemnet.cn 2021-04-12: > 20 public technical service platforms "
        f"(a lower bound; {NOTE} §5.2)",
    ),
    ("Changzhou New Carbon Materials", "output_value"): (
        98,
        "public",
        "handmsg.com 2023-11-21: output 98 bn CNY in January-September 2023 "
        f"(nine months, so a lower bound for the year; {NOTE} §5.2)",
    ),
    ("Changzhou New Carbon Materials", "cluster_policy_docs"): (
        36,
        "public",
        "handmsg.com 2023-11-21: 36 policy documents (city level, all "
        f"carbon-material policies; {NOTE} §5.2)",
    ),
    ("Changzhou New Carbon Materials", "guided_fund_size"): (
        1,
        "public",
        "handmsg.com 2023-11-21: a 1 bn CNY M&A fund, besides smaller "
        f"funds (a lower bound; {NOTE} §5.2)",
    ),
}

# Illustrative values with a qualitative anchor in a seed:
# (cluster, indicator) -> (value, why)
ANCHORED: dict[tuple[str, str], tuple[float, str]] = {
    ("Tangshan Steel", "industrial_concentration"): (
        15,
        "seed 000 §3.1.2: Tangshan's steel enterprises \"generally feature "
        'small scales, low industrial concentration" (no value given)',
    ),
    ("Tangshan Steel", "rd_intensity"): (
        1,
        'seed 000 §3.1.2: "insufficient R&D and innovation capabilities" '
        "(no value given)",
    ),
    ("Changsha Construction Machinery", "four_basics_autonomy"): (
        85,
        'seed 000 §3.2.1: "the industrial chain is independent, safe, and '
        'controllable" (no value given)',
    ),
    ("Changsha Construction Machinery", "rd_intensity"): (
        4,
        "consistent with R&D spending of 8.25 bn CNY in 2019 (ppjjr.com "
        "2021-03-30) on an output above 200 bn CNY: at most about 4.1% "
        f"(derived in the {NOTE} §5.2)",
    ),
    ("Changsha Construction Machinery", "cluster_org_maturity"): (
        3,
        "seed 000 §3.2.1: the industry association's functions \"as a "
        'coordination and management organization of related clusters" '
        "have been improved (level is an estimate)",
    ),
    ("Hangzhou Digital Security", "four_basics_autonomy"): (
        40,
        'seed 000 §3.2.2: its "market share of chips, key components, '
        'operating systems, and servers is low" (no value given)',
    ),
    ("Qingdao Rail Transit Equipment", "four_basics_autonomy"): (
        45,
        "seed 000 §3.2.2: \"lagging in the development of the 'four "
        "basics' and still relies on imported products\" (no value given)",
    ),
    ("Shaoxing Modern Textile", "chain_link_coverage"): (
        95,
        "seed 000 §3.1.1: a cluster that integrates PTA, chemical fibre, "
        "weaving, printing and dyeing, home textiles, machinery, design, "
        "markets, e-commerce and trade (no value given)",
    ),
    ("Dongguan Intelligent Mobile Terminal", "chain_link_coverage"): (
        90,
        "seed 002: the chain covers solution design, components and "
        "modules, batteries, complete machines and application services "
        "(no value given)",
    ),
    ("Hefei Intelligent Voice", "cluster_policy_docs"): (
        6,
        "seed 002 names Anhui-MIIT cooperation agreements of 2012 and 2018 "
        'and "a series of policies and measures" (at least 2)',
    ),
    ("Wenzhou Yueqing Electric", "public_service_platforms"): (
        8,
        'seed 002: the cluster built "a public technical service platform" '
        "(at least 1)",
    ),
}

# Qualitative factors (in standard deviations) set from the seeds' words.
GENERAL: dict[str, float] = {
    "Tangshan Steel": -1.5,  # seed 000 §3.1.2: small, weak R&D
    "Changsha Construction Machinery": 1.0,  # seed 000 §3.2.1
    "Hangzhou Digital Security": 1.0,  # seed 000 §3.2.2, seed 002
    "Shaoxing Modern Textile": 0.5,  # seed 000 §3.1.1
    # headed the first batch of the March 2021 list (ppjjr.com 2021-03-30,
    # research note §5.2); seed 002: "more than 50,000 enterprises"
    "Shenzhen Next-Generation Information and Communication": 1.0,
}
SCALE: dict[str, float] = {
    "Shaoxing Modern Textile": 1.5,  # "largest ... base in Asia"
    "Tangshan Steel": -1.0,  # "small scales"
    # seed 002: "more than 50,000 enterprises" in the chain
    "Shenzhen Next-Generation Information and Communication": 1.5,
}

DIMENSION = {
    "output_value": "scale",
    "national_share": "scale",
    "global_market_share": "scale",
    "above_size_firms": "scale",
    "industrial_concentration": "scale",
    "relative_energy_intensity": "scale",
    "rd_intensity": "innovation",
    "national_innovation_carriers": "innovation",
    "invention_patent_density": "innovation",
    "iur_collaboration_rate": "innovation",
    "smart_manufacturing_rate": "innovation",
    "chain_link_coverage": "chain",
    "local_supporting_rate": "chain",
    "four_basics_autonomy": "chain",
    "chain_leader_firms": "chain",
    "single_champion_firms": "chain",
    "little_giant_firms": "chain",
    "cluster_policy_docs": "policy",
    "fiscal_support": "policy",
    "guided_fund_size": "policy",
    "demonstration_projects": "policy",
    "public_service_platforms": "services",
    "incubation_transfer_orgs": "services",
    "cluster_org_maturity": "services",
    "industrial_internet_platforms": "services",
}
INDICATORS = list(DIMENSION)
DIMENSIONS = ("scale", "innovation", "chain", "policy", "services")

# Plausible ranges per type (basic, strategic, cutting_edge): estimates
# that split the research note's §1 "range (estimate)" column by type, in
# line with its §3.2 targets. (low, high, scale): "log" for quantities
# spanning orders of magnitude, "lin" otherwise; "cost" = lower is better.
RANGES: dict[str, tuple[tuple[float, float], ...]] = {
    # id: (basic, strategic, cutting_edge)
    "output_value": ((300, 1500), (150, 1000), (30, 150)),
    "national_share": ((4, 15), (8, 35), (10, 30)),
    "global_market_share": ((5, 25), (5, 30), (2, 10)),
    "above_size_firms": ((1000, 3000), (300, 1800), (100, 400)),
    "industrial_concentration": ((20, 45), (25, 60), (35, 65)),
    "relative_energy_intensity": ((0.85, 1.3), (0.65, 1.05), (0.6, 0.95)),
    "rd_intensity": ((1.5, 3.0), (2.5, 6.5), (4.0, 8.0)),
    "national_innovation_carriers": ((4, 15), (10, 50), (6, 30)),
    "invention_patent_density": ((0.3, 1.2), (1.0, 4.0), (2.0, 6.0)),
    "iur_collaboration_rate": ((10, 25), (20, 45), (35, 65)),
    "smart_manufacturing_rate": ((50, 75), (55, 80), (45, 70)),
    "chain_link_coverage": ((80, 95), (70, 95), (45, 70)),
    "local_supporting_rate": ((55, 85), (45, 80), (25, 45)),
    "four_basics_autonomy": ((65, 90), (40, 80), (30, 60)),
    "chain_leader_firms": ((3, 8), (2, 10), (1, 3)),
    "single_champion_firms": ((2, 8), (2, 12), (0, 4)),
    "little_giant_firms": ((10, 40), (30, 150), (15, 60)),
    "cluster_policy_docs": ((2, 6), (3, 10), (5, 12)),
    "fiscal_support": ((0.2, 1.0), (0.5, 3.0), (1.0, 3.0)),
    "guided_fund_size": ((0.5, 3.0), (2.0, 10.0), (2.0, 8.0)),
    "demonstration_projects": ((2, 8), (5, 20), (8, 25)),
    "public_service_platforms": ((5, 15), (10, 35), (8, 25)),
    "incubation_transfer_orgs": ((3, 8), (5, 20), (8, 25)),
    "cluster_org_maturity": ((2, 3), (2, 4), (2, 3)),
    "industrial_internet_platforms": ((2, 6), (1, 6), (0, 2)),
}
LOG_SCALE = {
    "output_value",
    "above_size_firms",
    "national_innovation_carriers",
    "little_giant_firms",
    "fiscal_support",
    "guided_fund_size",
}
COST = {"relative_energy_intensity"}
INTEGER = {
    "above_size_firms",
    "national_innovation_carriers",
    "chain_leader_firms",
    "single_champion_firms",
    "little_giant_firms",
    "cluster_policy_docs",
    "demonstration_projects",
    "public_service_platforms",
    "incubation_transfer_orgs",
    "cluster_org_maturity",
    "industrial_internet_platforms",
}
TYPE_INDEX = {"basic": 0, "strategic": 1, "cutting_edge": 2}


def round_nicely(indicator: str, value: float) -> float:
    """Round an illustrative value to a round number for its indicator."""
    if indicator in INTEGER:
        if value >= 1000:
            step = 100
        elif value >= 100:
            step = 10
        elif value >= 20:
            step = 5
        else:
            step = 1
    elif indicator in {"relative_energy_intensity"}:
        step = 0.05
    elif indicator in {
        "rd_intensity",
        "invention_patent_density",
        "fiscal_support",
        "guided_fund_size",
    }:
        step = 0.5 if value >= 1 else 0.1
    elif indicator == "output_value":
        step = 50 if value >= 300 else (10 if value >= 100 else 5)
    else:  # percentages
        step = 5 if value >= 15 else 1
    return round(round(value / step) * step, 6)


def illustrative_values(rng: np.random.Generator) -> np.ndarray:
    """Return the (clusters x indicators) matrix of illustrative values."""
    n = len(CLUSTERS)
    names = [c[0] for c in CLUSTERS]
    general = rng.normal(0.0, 0.8, size=n)
    for k, name in enumerate(names):
        general[k] = GENERAL.get(name, general[k])
    dims = general[:, None] + rng.normal(0.0, 0.6, size=(n, len(DIMENSIONS)))
    for k, name in enumerate(names):
        if name in SCALE:
            dims[k, 0] = SCALE[name]
    noise = rng.normal(0.0, 0.5, size=(n, len(INDICATORS)))
    d_index = [DIMENSIONS.index(DIMENSION[i]) for i in INDICATORS]
    q = ndtr((dims[:, d_index] + noise) / math.sqrt(0.64 + 0.36 + 0.25))
    lo = np.empty((n, len(INDICATORS)))
    hi = np.empty_like(lo)
    for j, ind in enumerate(INDICATORS):
        t = [TYPE_INDEX[c[1]] for c in CLUSTERS]
        lo[:, j] = [RANGES[ind][k][0] for k in t]
        hi[:, j] = [RANGES[ind][k][1] for k in t]
    cost = np.array([i in COST for i in INDICATORS])
    q = np.where(cost, 1.0 - q, q)
    log = np.array([i in LOG_SCALE for i in INDICATORS])
    linear = lo + (hi - lo) * q
    safe_lo = np.where(log, lo, 1.0)  # log-scale ranges all have lo > 0
    geometric = safe_lo * (hi / safe_lo) ** q
    return np.where(log, geometric, linear)


def fmt(indicator: str, value: float) -> str:
    """Format a value for the CSV: integers without a decimal point."""
    if indicator in INTEGER:
        return str(round(value))
    return f"{value:g}"


def build() -> tuple[str, str]:
    """Return the text of the example CSV and of its provenance CSV."""
    rng = np.random.default_rng(SEED)
    values = illustrative_values(rng)
    table = io.StringIO()
    prov = io.StringIO()
    tw = csv.writer(table, lineterminator="\n")
    pw = csv.writer(prov, lineterminator="\n")
    tw.writerow(["cluster", "type", "region", "province", *INDICATORS])
    pw.writerow(["cluster", "indicator", "value", "status", "source"])
    for k, (name, ctype, region, province, t_status, t_source) in enumerate(
        CLUSTERS
    ):
        row = [name, ctype, region, province]
        pw.writerow([name, "type", ctype, t_status, t_source])
        where = NOT_IN_TABLE_1.get(name, T1)
        pw.writerow([name, "region", region, "seed", where])
        pw.writerow([name, "province", province, "seed", where])
        for j, ind in enumerate(INDICATORS):
            key = (name, ind)
            if key in STATED:
                value, status, source = STATED[key]
            elif key in ANCHORED:
                value, why = ANCHORED[key]
                status = "illustrative"
                source = f"illustrative estimate; {why}"
            else:
                value = round_nicely(ind, values[k, j])
                status = "illustrative"
                low, high = RANGES[ind][TYPE_INDEX[ctype]]
                source = (
                    "illustrative estimate (seeded draw in the plausible "
                    f"range {low:g}-{high:g} for {ctype} clusters; "
                    "not data)"
                )
            text = fmt(ind, value)
            row.append(text)
            pw.writerow([name, ind, text, status, source])
        tw.writerow(row)
    return table.getvalue(), prov.getvalue()


def main(argv: list[str]) -> int:
    """Write the two files (or, with --check, compare them)."""
    table, prov = build()
    if "--check" in argv:
        same = (
            CSV_PATH.read_text(encoding="utf-8") == table
            and PROVENANCE_PATH.read_text(encoding="utf-8") == prov
        )
        print("up to date" if same else "STALE: run the script")
        return 0 if same else 1
    CSV_PATH.write_text(table, encoding="utf-8", newline="")
    PROVENANCE_PATH.write_text(prov, encoding="utf-8", newline="")
    print(
        f"wrote {CSV_PATH.relative_to(ROOT)} and "
        f"{PROVENANCE_PATH.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
