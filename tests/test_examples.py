"""Tests of the bundled example table and its provenance file.

``examples/national_clusters.csv`` holds the 25 national finalist clusters
of Table 1 in Gan Yong et al. (2022), Strategic Study of CAE 24(2) (seed
000), plus Shaoxing Modern Textile and an illustrative Tangshan steel row.
``examples/national_clusters.provenance.csv`` says, cell by cell, whether a
value is stated by a seed, by a named public source, or illustrative.
"""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from clusterscore.io import make_template, read_clusters, validate
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
PROVENANCE = ROOT / "examples" / "national_clusters.provenance.csv"
SCRIPT = ROOT / "scripts" / "make_example_data.py"

# Table 1 of Gan Yong et al. (2022) (seed 000), names without "Cluster";
# "Guangdong-Foshan-Huizhou" is printed for 广佛惠 = Guangzhou (seed 002).
TABLE_1 = [
    "Shanghai Integrated Circuit",
    "Zhangjiang Biomedical",
    "Wuxi Internet of Things",
    "Nanjing Software and Information Service",
    "Changzhou New Carbon Materials",
    "Nanjing New Electric Power (Smart Grid) Equipment",
    "Suzhou Nano New Materials",
    "Xuzhou Construction Machinery",
    "Hangzhou Digital Security",
    "Ningbo Magnetic Material",
    "Wenzhou Yueqing Electric",
    "Hefei Intelligent Voice",
    "Shenzhen Next-Generation Information and Communication",
    "Shenzhen Advanced Battery Materials",
    "Guangzhou-Shenzhen-Foshan-Dongguan Intelligent Equipment",
    "Guangzhou-Foshan-Huizhou Ultra HD Video and Smart Home Appliance",
    "Dongguan Intelligent Mobile Terminal",
    "Shenzhen-Guangzhou High-end Medical Device",
    "Qingdao Intelligent Home Appliance",
    "Qingdao Rail Transit Equipment",
    "Zhuzhou Advanced Rail Transit Equipment",
    "Changsha Construction Machinery",
    "Chengdu Software and Information Service",
    "Chengdu and Deyang High-end Energy Equipment",
    "Xi'an Aviation",
]
EXTRA = ["Shaoxing Modern Textile", "Tangshan Steel"]


@pytest.fixture(scope="module")
def system():
    """Return the default indicator system."""
    return load_system()


@pytest.fixture(scope="module")
def table(system):
    """Return the validated example table."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return read_clusters(EXAMPLE, system)


@pytest.fixture(scope="module")
def raw():
    """Return the example CSV as text cells, exactly as written."""
    return pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def provenance():
    """Return the provenance file as text cells."""
    return pd.read_csv(PROVENANCE, dtype=str, keep_default_na=False)


def test_example_validates_against_default_system(table, system):
    """The example reads without error or warning; every cell is filled."""
    assert len(table) == 27
    assert list(table.columns) == [
        "cluster",
        "type",
        "region",
        "province",
        *system.indicator_ids,
    ]
    assert not table[list(system.indicator_ids)].isna().any().any()


def test_example_columns_are_canonical(raw, system):
    """The CSV's header is cluster, type, region, province, then the ids."""
    assert list(raw.columns) == [
        "cluster",
        "type",
        "region",
        "province",
        *system.indicator_ids,
    ]


def test_example_rows_are_table_1_plus_two(table):
    """The rows are Table 1's 25 finalists (seed 000), Shaoxing, Tangshan."""
    assert table["cluster"].tolist() == TABLE_1 + EXTRA


def test_example_types_and_regions(table):
    """Types follow the research note §5.3 (20/3/2 + two basic extras)."""
    counts = table["type"].value_counts().to_dict()
    assert counts == {"strategic": 20, "cutting_edge": 3, "basic": 4}
    by_name = table.set_index("cluster")
    # seed 000 §3.2.1/§3.2.2 use these three as key strategic examples
    for name in (
        "Changsha Construction Machinery",
        "Hangzhou Digital Security",
        "Qingdao Rail Transit Equipment",
    ):
        assert by_name.loc[name, "type"] == "strategic"
    # seed 000 Table 1: the Pearl River Delta clusters are in Guangdong
    prd = by_name[by_name["region"] == "Pearl River Delta"]
    assert len(prd) == 6
    assert set(prd["province"]) == {"Guangdong"}
    assert set(table["region"]) == {
        "Yangtze River Delta",
        "Pearl River Delta",
        "Bohai Rim",
        "Central",
        "Western",
        "Beijing-Tianjin-Hebei",
    }


@pytest.mark.parametrize(
    ("cluster", "indicator", "value"),
    [
        # seed 000 §3.2.1 (Gan Yong et al. 2022): "exceeded 200 billion CNY",
        # "approximately 23% of the national construction machinery industry"
        ("Changsha Construction Machinery", "output_value", 200),
        ("Changsha Construction Machinery", "national_share", 23),
        # seed 000 §3.2.2: "global market share of approximately 50%"
        ("Hangzhou Digital Security", "global_market_share", 50),
        # seed 002: "over 40 national-level innovation carriers"
        ("Hangzhou Digital Security", "national_innovation_carriers", 40),
        # seed 002: "over 600 large-scale industrial enterprises, 17
        # single-champion enterprises and 10 ... 'little giant'", nine of
        # nine chain links, "over 80% of local supporting services"
        (
            "Nanjing New Electric Power (Smart Grid) Equipment",
            "above_size_firms",
            600,
        ),
        (
            "Nanjing New Electric Power (Smart Grid) Equipment",
            "single_champion_firms",
            17,
        ),
        (
            "Nanjing New Electric Power (Smart Grid) Equipment",
            "little_giant_firms",
            10,
        ),
        (
            "Nanjing New Electric Power (Smart Grid) Equipment",
            "chain_link_coverage",
            100,
        ),
        (
            "Nanjing New Electric Power (Smart Grid) Equipment",
            "local_supporting_rate",
            80,
        ),
        # seed 000 §3.1.1: "2858 textile and related enterprises exceed the
        # designated size"
        ("Shaoxing Modern Textile", "above_size_firms", 2858),
        # seed 002: "a total scale of 5 billion yuan"; "nearly 2 billion
        # yuan in support funds in total"
        ("Hefei Intelligent Voice", "guided_fund_size", 5),
        ("Hefei Intelligent Voice", "fiscal_support", 2),
    ],
)
def test_example_seed_values_as_stated(
    table, provenance, cluster, indicator, value
):
    """Values the seeds state are used as stated and marked 'seed'."""
    assert table.set_index("cluster").loc[cluster, indicator] == value
    row = provenance[
        (provenance["cluster"] == cluster)
        & (provenance["indicator"] == indicator)
    ]
    assert row["status"].tolist() == ["seed"]
    assert row["source"].iloc[0].startswith("seed 00")


def test_provenance_covers_every_cell_exactly(raw, provenance):
    """One provenance row per CSV cell (but the name), and no other rows."""
    columns = [c for c in raw.columns if c != "cluster"]
    cells = {(c, col) for c in raw["cluster"] for col in columns}
    keys = list(
        zip(provenance["cluster"], provenance["indicator"], strict=True)
    )
    assert len(keys) == len(set(keys)), "duplicate provenance rows"
    assert set(keys) == cells
    assert list(provenance.columns) == [
        "cluster",
        "indicator",
        "value",
        "status",
        "source",
    ]


def test_provenance_agrees_with_values(raw, provenance):
    """Each provenance value is exactly the text in the CSV cell."""
    long = raw.melt(id_vars="cluster", var_name="indicator", value_name="csv")
    merged = long.merge(provenance, on=["cluster", "indicator"])
    assert len(merged) == len(long)
    mismatched = merged[merged["csv"] != merged["value"]]
    assert mismatched.empty, mismatched.to_string()


def test_provenance_status_and_sources(provenance):
    """Status is seed, public or illustrative; every row names a source."""
    assert set(provenance["status"]) == {"seed", "public", "illustrative"}
    assert (provenance["source"].str.len() > 10).all()
    illustrative = provenance[provenance["status"] == "illustrative"]
    indicators = illustrative[
        ~illustrative["indicator"].isin(["type", "region", "province"])
    ]
    assert indicators["source"].str.startswith("illustrative").all()
    public = provenance[provenance["status"] == "public"]
    assert public["source"].str.contains(r"20\d\d").all()


def test_provenance_counts(provenance):
    """Most values are illustrative; the stated ones are few and listed."""
    cells = provenance[
        ~provenance["indicator"].isin(["type", "region", "province"])
    ]
    counts = cells["status"].value_counts().to_dict()
    assert counts == {"illustrative": 653, "seed": 14, "public": 8}
    assert sum(counts.values()) == 27 * 25


def test_example_integers_written_as_integers(raw, system):
    """Count columns are written without a decimal point."""
    for ind in system.indicators:
        if ind.integer:
            assert raw[ind.id].str.fullmatch(r"\d+").all(), ind.id


def test_example_story_by_type(table):
    """Illustrative values differ by type as the seeds describe them.

    Basic clusters are the largest by firm count (seed 000 §3.1.1 "large
    production capacity"); strategic clusters have the most complete chains
    (§3.2.1 "the upstream and downstream ... closely matched"); cutting-
    edge clusters are small but the most research-intensive (§3.3.1).
    """
    mean = table.groupby("type").mean(numeric_only=True)
    assert (
        mean.loc["basic", "above_size_firms"]
        > mean.loc["strategic", "above_size_firms"]
    )
    assert (
        mean.loc["cutting_edge", "output_value"]
        < mean.loc["strategic", "output_value"]
    )
    for ind in ("rd_intensity", "iur_collaboration_rate"):
        assert (
            mean.loc["cutting_edge", ind]
            > mean.loc["strategic", ind]
            > mean.loc["basic", ind]
        )
    assert (
        mean.loc["strategic", "chain_link_coverage"]
        > mean.loc["cutting_edge", "chain_link_coverage"]
    )
    assert (
        mean.loc["basic", "relative_energy_intensity"]
        > mean.loc["strategic", "relative_energy_intensity"]
    )
    # seed 000 §3.1.2: Tangshan has "low industrial concentration"
    assert (
        table["industrial_concentration"].idxmin()
        == (table.index[table["cluster"] == "Tangshan Steel"][0])
    )


def test_example_script_reproduces_files():
    """scripts/make_example_data.py (seeded) writes the committed files."""
    spec = importlib.util.spec_from_file_location("make_example", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table_text, provenance_text = module.build()
    assert EXAMPLE.read_text(encoding="utf-8") == table_text
    assert PROVENANCE.read_text(encoding="utf-8") == provenance_text


def test_example_as_excel_gbk_crlf(tmp_path, system, table):
    """The example saved as Excel does on Chinese Windows reads the same."""
    path = tmp_path / "gbk.csv"
    text = EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(text.encode("gb18030"))
    pd.testing.assert_frame_equal(read_clusters(path, system), table)


def test_example_with_chinese_headers(system, table):
    """The example with Chinese indicator headers validates the same."""
    zh = table.rename(
        columns={i.id: i.name_zh for i in system.indicators}
        | {"cluster": "集群", "type": "类型"}
    )
    pd.testing.assert_frame_equal(validate(zh, system), table)


def test_default_template_reads_back(tmp_path, system, table):
    """The default system's template, filled with the example, reads back."""
    path = tmp_path / "template.csv"
    template = make_template(system)
    template.to_csv(path, index=False)
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        for row in table.itertuples(index=False):
            writer.writerow(row)
    out = read_clusters(path, system)
    pd.testing.assert_frame_equal(out, table)
    assert list(template.columns) == list(table.columns)
    assert all(template[c].dtype == np.float64 for c in system.indicator_ids)


def test_gaps_example_script_runs():
    """examples/gaps.py runs from the repository root on the bundled data."""
    proc = subprocess.run(
        [sys.executable, "examples/gaps.py"],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode("utf-8")
    assert "Gap diagnosis: Changsha Construction Machinery" in text
    assert "差距诊断: Hefei Intelligent Voice" in text
    assert "strategic: quantile q=0.9 of 20 clusters" in text


# --------------------------------------------------------------------------
# the panel example: three years, every value illustrative
# --------------------------------------------------------------------------
PANEL = ROOT / "examples" / "national_clusters_panel.csv"
PANEL_PROVENANCE = ROOT / "examples" / "national_clusters_panel.provenance.csv"
PANEL_SCRIPT = ROOT / "scripts" / "make_panel_example.py"


def test_panel_script_reproduces_files():
    """scripts/make_panel_example.py (seeded) writes the committed files."""
    spec = importlib.util.spec_from_file_location("make_panel", PANEL_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table_text, provenance_text = module.build()
    assert PANEL.read_text(encoding="utf-8") == table_text
    assert PANEL_PROVENANCE.read_text(encoding="utf-8") == provenance_text


def test_panel_example_is_the_bundled_clusters_over_three_years(system):
    """27 clusters x 2021-2023; 2023 is the bundled example itself."""
    panel = read_clusters(PANEL, system)
    assert sorted(panel["year"].unique()) == [2021, 2022, 2023]
    assert len(panel) == 3 * 27
    base = read_clusters(EXAMPLE, system)
    last = panel[panel["year"] == 2023].drop(columns="year")
    pd.testing.assert_frame_equal(last.reset_index(drop=True), base)


def test_panel_provenance_marks_every_value_illustrative(system):
    """One provenance row per indicator cell, every one illustrative."""
    with PANEL_PROVENANCE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 3 * 27 * len(system.indicator_ids)
    assert {r["status"] for r in rows} == {"illustrative"}
    assert all("not data" in r["source"] for r in rows)


def test_panel_example_script_runs():
    """examples/panel.py runs from the repository root."""
    proc = subprocess.run(
        [sys.executable, "examples/panel.py"],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode("utf-8")
    assert "81 rows: 27 clusters in years 2021, 2022, 2023" in text
    assert "Gap diagnosis: Hefei Intelligent Voice (Year 2023)" in text
    assert "Attainment trend by dimension" in text
    assert "Rank intervals" in text


def test_derived_example_loads_validates_and_ranks():
    """``examples/derived_system.toml`` with its CSV: LQ and ratio by hand.

    E_i / E = 4000 / 200000 = 0.02; Alpha's LQ = (60 / 1000) / 0.02 = 3,
    Beta's (30 / 1500) / 0.02 = 1, Gamma's (90 / 2000) / 0.02 = 2.25,
    Delta's (20 / 2000) / 0.02 = 0.5. Output per firm: 120 / 300 = 0.4,
    80 / 400 = 0.2, 200 / 250 = 0.8, 50 / 500 = 0.1.
    """
    import clusterscore as cs

    system = load_system(ROOT / "examples" / "derived_system.toml")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = read_clusters(ROOT / "examples" / "derived_clusters.csv", system)
        ranking = cs.rank_clusters(df, system)
    np.testing.assert_allclose(df["lq_employment"], [3, 1, 2.25, 0.5])
    np.testing.assert_allclose(df["output_per_firm"], [0.4, 0.2, 0.8, 0.1])
    assert list(make_template(system).columns[4:]) == [
        "export_share",
        "rd_intensity",
        "patents",
        "output",
        "firms",
        "cluster_employment",
        "region_employment",
    ]
    # Gamma leads four of the five indicators (Alpha has the higher LQ)
    assert ranking.index[0] == "Gamma Batteries"
    assert sorted(ranking["rank"]) == [1, 2, 3, 4]
