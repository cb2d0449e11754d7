"""Tests of ``clusterscore gaps`` (`clusterscore.cli.gaps`).

The command runs on a crafted five-indicator system (`SYSTEM_TOML`) and
the crafted tables of tests/test_benchmark.py, repeated here: the expected
severities are the hand calculations explained there (attainment = value /
target for benefit indicators, target / value for cost ones; severity
bounds 0.8 and 0.5).
"""

from __future__ import annotations

import csv
import io
import json
import statistics
from pathlib import Path

import pandas as pd
import pytest

from clusterscore.gaps import GAP_COLUMNS

IDS = ("out", "energy", "rd", "carriers", "cluster_org_maturity")


def table(rows):
    """Build a table from {cluster: (type, out, energy, rd, carriers, org)}."""
    return pd.DataFrame(
        [(name, *vals) for name, vals in rows.items()],
        columns=["cluster", "type", *IDS],
    )


# the crafted table of tests/test_benchmark.py and its expected severities
CRAFTED = table(
    {
        "B1": ("basic", 100, 0.8, 2.0, 10, 3),
        "B2": ("basic", 80, 1.6, 0.98, 50, 2),
        "B3": ("basic", 0, 0.0, 1.99, 5, 4),
        "S1": ("strategic", 150, 2.5, 4.4, 19, 0),
    }
)
EXPECTED_SEVERITY = {
    "B1": ("none", "none", "none", "none", "none"),
    "B2": ("minor", "major", "critical", "none", "major"),
    "B3": ("critical", "none", "minor", "major", "none"),
    "S1": ("major", "critical", "none", "minor", "critical"),
}


def quantile_table():
    """5 strategic clusters (values 10..50) and one basic cluster."""
    rows = {
        f"S{k}": ("strategic", 10 * k, 10.0 * k, 4.0, 20, 3)
        for k in range(1, 6)
    }
    rows["B1"] = ("basic", 100, 0.8, 2.0, 10, 3)
    return table(rows)


SYSTEM_TOML = """
[meta]
format_version = 1
id = "gaps_test"
name = "Gap test system"
name_zh = "差距测试体系"

[[type]]
id = "basic"
name = "Basic"
name_zh = "基础型"
source = "test fixture"

[[type]]
id = "strategic"
name = "Key strategic"
name_zh = "关键战略型"
source = "test fixture"

[[dimension]]
id = "scale"
name = "Scale"
name_zh = "规模"
source = "test fixture"

[[dimension]]
id = "innovation"
name = "Innovation"
name_zh = "创新"
source = "test fixture"

[[dimension]]
id = "services"
name = "Services"
name_zh = "服务"
source = "test fixture"

[[indicator]]
id = "out"
dimension = "scale"
name = "Output"
name_zh = "产值"
unit = "bn CNY"
direction = "benefit"
definition = "test fixture"
lower = 0
source = "test fixture"

[[indicator]]
id = "energy"
dimension = "scale"
name = "Energy"
name_zh = "能耗"
unit = "ratio"
direction = "cost"
definition = "test fixture"
lower = 0
source = "test fixture"

[[indicator]]
id = "rd"
dimension = "innovation"
name = "R&D"
name_zh = "研发"
unit = "%"
direction = "benefit"
definition = "test fixture"
lower = 0
source = "test fixture"

[[indicator]]
id = "carriers"
dimension = "innovation"
name = "Carriers"
name_zh = "载体"
unit = "count"
direction = "benefit"
definition = "test fixture"
lower = 0
source = "test fixture"

[[indicator]]
id = "cluster_org_maturity"
dimension = "services"
name = "Org maturity"
name_zh = "促进机构成熟度"
unit = "0-4"
direction = "benefit"
definition = "test fixture"
lower = 0
source = "test fixture"

[[judgments]]
level = "dimensions"
type = "default"
source = "test fixture: consistent, w = (0.4, 0.4, 0.2)"
pairs = [
  ["scale", "innovation", 1],
  ["scale", "services", 2],
  ["innovation", "services", 2],
]

[[judgments]]
level = "scale"
type = "default"
source = "test fixture: w = (0.75, 0.25)"
pairs = [["out", "energy", 3]]

[[judgments]]
level = "innovation"
type = "default"
source = "test fixture: w = (0.5, 0.5)"
pairs = [["rd", "carriers", 1]]

[[target]]
indicator = "out"
values = { basic = 100, strategic = 200 }
estimate = false
source = "test fixture"

[[target]]
indicator = "energy"
values = { basic = 0.8, strategic = 1.0 }
estimate = false
source = "test fixture"

[[target]]
indicator = "rd"
values = { basic = 2.0, strategic = 4.0 }
estimate = false
source = "test fixture"

[[target]]
indicator = "carriers"
values = { basic = 10, strategic = 20 }
estimate = false
source = "test fixture"

[[target]]
indicator = "cluster_org_maturity"
values = { basic = 3, strategic = 3 }
estimate = false
source = "test fixture"

[[recommendation]]
type = "basic"
dimension = "scale"
text = "Merge."
text_zh = "兼并重组。"
source = "seed 000 §4.1"

[[recommendation]]
type = "basic"
dimension = "innovation"
text = "Raise R&D."
text_zh = "加大研发。"
source = "seed 000 §4.1"

[[recommendation]]
type = "default"
dimension = "services"
indicator = "cluster_org_maturity"
text = "Professionalise the promotion organisation."
text_zh = "做强促进机构。"
source = "seed 002"
"""


@pytest.fixture(scope="module")
def cli_files(tmp_path_factory):
    """Write the test system, the crafted table and the quantile table."""
    d = tmp_path_factory.mktemp("gaps_cli")
    (d / "system.toml").write_text(SYSTEM_TOML, encoding="utf-8")
    CRAFTED.to_csv(d / "crafted.csv", index=False)
    quantile_table().to_csv(d / "quantile.csv", index=False)
    return d


@pytest.fixture
def run_cli(cli, cli_files):
    """Return ``run(*args)``: `clusterscore gaps` with the test system."""

    def run(*args):
        return cli("gaps", *args, "--system", cli_files / "system.toml")

    return run


def csv_rows(proc):
    """Parse a CSV on the command's standard output."""
    assert proc.returncode == 0, proc.stderr
    return pd.read_csv(io.StringIO(proc.stdout))


def test_cli_system_benchmark(run_cli, cli_files):
    """`gaps FILE` (system benchmark) gives the hand-computed severities."""
    got = csv_rows(run_cli(cli_files / "crafted.csv", "--format", "csv"))
    assert list(got.columns) == list(GAP_COLUMNS)
    for cluster, expected in EXPECTED_SEVERITY.items():
        mine = got[got["cluster"] == cluster]
        assert mine["severity"].tolist() == list(expected)


def test_cli_quantile_benchmark(run_cli, cli_files):
    """`--benchmark quantile` warns about the small type on stderr."""
    proc = run_cli(
        cli_files / "quantile.csv",
        "--benchmark",
        "quantile",
        "--format",
        "csv",
    )
    got = csv_rows(proc)
    assert "clusterscore: warning:" in proc.stderr
    assert "'basic' has 1 ('B1')" in proc.stderr
    s1 = got[(got["cluster"] == "S1") & (got["indicator"] == "out")]
    assert s1["target"].iloc[0] == pytest.approx(46.0)


def test_cli_quantile_q(run_cli, cli_files):
    """`--quantile 0.75` moves the benefit target to 40."""
    got = csv_rows(
        run_cli(
            cli_files / "quantile.csv",
            "--benchmark",
            "quantile",
            "--quantile",
            "0.75",
            "--format",
            "csv",
        )
    )
    s1 = got[(got["cluster"] == "S1") & (got["indicator"] == "out")]
    assert s1["target"].iloc[0] == pytest.approx(40.0)


def test_cli_cluster_benchmark(run_cli, cli_files):
    """`--benchmark S1` uses S1's values as everyone's targets."""
    got = csv_rows(
        run_cli(
            cli_files / "crafted.csv",
            "--benchmark",
            "S1",
            "--format",
            "csv",
        )
    )
    b2 = got[(got["cluster"] == "B2") & (got["indicator"] == "out")]
    assert b2["attainment"].iloc[0] == pytest.approx(80 / 150)
    assert b2["severity"].iloc[0] == "major"


def test_cli_unknown_benchmark_cluster(run_cli, cli_files):
    """An unknown benchmark cluster: exit 2, one error with close names."""
    proc = run_cli(cli_files / "crafted.csv", "--benchmark", "S11")
    text = proc.stderr
    assert proc.returncode == 2
    assert "clusterscore: error:" in text
    assert "close names: 'S1'" in text
    assert "Traceback" not in text


def test_cli_bad_quantile(run_cli, cli_files):
    """`--quantile 2` is a clean error."""
    proc = run_cli(
        cli_files / "quantile.csv",
        "--benchmark",
        "quantile",
        "--quantile",
        "2",
    )
    assert proc.returncode == 2
    assert "argument --quantile: must be a number in (0, 1]" in proc.stderr


def test_cli_diagnosis_text(run_cli, cli_files):
    """`--cluster B2` prints a readable one-cluster diagnosis."""
    proc = run_cli(cli_files / "crafted.csv", "--cluster", "B2")
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert "Gap diagnosis: B2" in text
    assert "Weakest dimension (short board, 短板): Services (66.7%)" in text
    assert (
        "1. R&D [Innovation]: 0.98 vs target 2 % -> 49.0% (critical)" in text
    )
    assert "Merge." in text
    assert "Source: seed 002" in text


def test_cli_diagnosis_chinese(run_cli, cli_files):
    """`--cluster B2 --lang zh` uses Chinese names and text_zh."""
    proc = run_cli(
        cli_files / "crafted.csv", "--cluster", "B2", "--lang", "zh"
    )
    text = proc.stdout
    assert "差距诊断: B2" in text
    assert "短板维度: 服务 (66.7%)" in text
    assert "兼并重组。" in text
    assert "做强促进机构。" in text


@pytest.mark.parametrize("benchmark", ["system", "quantile", "S3"])
def test_cli_diagnosis_json_each_mode(run_cli, cli_files, benchmark):
    """`--cluster --format json` works with each benchmark mode."""
    proc = run_cli(
        cli_files / "quantile.csv",
        "--cluster",
        "S2",
        "--benchmark",
        benchmark,
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["cluster"] == "S2"
    expected = {
        "system": "system",
        "quantile": "quantile q=0.9 of 5 clusters",
        "S3": "cluster S3",
    }[benchmark]
    assert data["benchmark"] == expected


def test_cli_markdown_and_output_file(run_cli, cli_files, tmp_path):
    """`--format markdown -o FILE` writes a UTF-8 Markdown diagnosis."""
    target = tmp_path / "b3.md"
    proc = run_cli(
        cli_files / "crafted.csv",
        "--cluster",
        "B3",
        "--format",
        "markdown",
        "-o",
        target,
    )
    assert proc.returncode == 0, proc.stderr
    md = target.read_text(encoding="utf-8")
    assert md.startswith("## Gap diagnosis: B3")
    assert "| Scale | 25.0% | critical | 1/2 |" in md


def test_cli_gaps_table_chinese(cli_process, cli_files):
    """`gaps FILE --lang zh` prints Chinese headers and severity words.

    A real process: its standard output must be UTF-8 bytes whatever the
    locale's encoding (`Result` decodes them strictly).
    """
    proc = cli_process(
        "gaps",
        cli_files / "crafted.csv",
        "--lang",
        "zh",
        "--system",
        cli_files / "system.toml",
    )
    text = proc.stdout
    assert proc.returncode == 0, proc.stderr
    assert "差距等级" in text
    assert "严重" in text
    assert "产值" in text


def test_cli_gaps_missing_policies(cli, tmp_path):
    """Item 2: gaps --missing; an empty cell is "no data" or the median.

    The hole is in the first cluster's rd_intensity; with --missing
    median its value is the median of the other clusters of its type.
    """
    root = Path(__file__).resolve().parents[2]
    rows = list(
        csv.reader(
            (root / "examples" / "national_clusters.csv")
            .read_text(encoding="utf-8")
            .splitlines()
        )
    )
    col = rows[0].index("rd_intensity")
    name, kind = rows[1][0], rows[1][1]
    rows[1][col] = ""
    path = tmp_path / "holes.csv"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    cli("gaps", path).assert_clean_error("rd_intensity", "--missing median")

    def cell(policy):
        proc = cli("gaps", path, "--missing", policy, "--format", "json")
        assert proc.returncode == 0, proc.stderr
        (row,) = [
            r
            for r in json.loads(proc.stdout)
            if r["cluster"] == name and r["indicator"] == "rd_intensity"
        ]
        return row

    dropped = cell("drop_indicator")
    assert dropped["value"] is None
    assert dropped["severity"] == "no data"
    same_type = [float(r[col]) for r in rows[2:] if r[1] == kind]
    assert cell("median")["value"] == pytest.approx(
        statistics.median(same_type)
    )


def test_cli_diagnosis_shows_top_obstacles(cli):
    """A diagnosis (gaps --cluster) lists obstacle_degree's top K, and why."""
    from clusterscore.analysis import obstacle_degree
    from clusterscore.io import read_clusters
    from clusterscore.scoring import evaluate
    from clusterscore.system import load_system

    root = Path(__file__).resolve().parents[2]
    example = root / "examples" / "national_clusters.csv"
    name = "Xi'an Aviation"
    system = load_system(None)
    od = obstacle_degree(evaluate(read_clusters(example, system), system))
    want = od.top(3)
    want = want[want["cluster"] == name]

    doc = json.loads(
        cli(
            "gaps",
            example,
            "--cluster",
            name,
            "--top",
            "3",
            "--format",
            "json",
        ).stdout
    )
    got = doc["top_obstacles"]
    assert [r["indicator"] for r in got] == list(want["indicator"])
    assert [r["obstacle"] for r in got] == pytest.approx(
        list(want["obstacle"])
    )
    assert "best observed cluster" in doc["obstacles_vs_gaps"]
    assert doc["top_gaps"]  # the gaps are still there

    text = cli("gaps", example, "--cluster", name, "--top", "3").stdout
    assert "Top obstacles" in text
    assert want["indicator"].iloc[0] in text.split("Top obstacles")[1]
    assert "benchmark targets" in text
    md = cli(
        "gaps",
        example,
        "--cluster",
        name,
        "--format",
        "markdown",
        "--lang",
        "zh",
    ).stdout
    assert "## 主要障碍因子" in md
    assert "障碍度" in md
