"""Tests of ``clusterscore compare`` (`clusterscore.cli.compare`)."""

from __future__ import annotations

import csv
import io
import json
from itertools import combinations
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


def _strict(text: str):
    def refuse(constant):
        raise ValueError(constant)

    return json.loads(text, parse_constant=refuse)


def _spearman_by_hand(a: list[int], b: list[int]) -> float:
    """1 - 6 sum d^2 / (n (n^2 - 1)), Spearman's formula without ties."""
    n = len(a)
    d2 = sum((x - y) ** 2 for x, y in zip(a, b, strict=True))
    return 1 - 6 * d2 / (n * (n * n - 1))


def _kendall_by_hand(a: list[int], b: list[int]) -> float:
    """(concordant - discordant) / (n (n - 1) / 2), without ties."""
    pairs = list(combinations(range(len(a)), 2))
    s = sum(1 if (a[i] - a[j]) * (b[i] - b[j]) > 0 else -1 for i, j in pairs)
    return s / len(pairs)


def test_json_rankings_and_correlations(cli):
    """Ranks side by side; Spearman and Kendall as by hand (no ties)."""
    proc = cli("compare", EXAMPLE, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = _strict(proc.stdout)
    variants = [
        "weighted_sum/combined",
        "geometric/combined",
        "topsis/combined",
    ]
    assert doc["variants"] == variants
    assert len(doc["ranks"]) == 27
    assert doc["ranks"][0]["weighted_sum/combined"] == 1
    cols = {v: [r[v] for r in doc["ranks"]] for v in variants}
    assert all(len(set(c)) == 27 for c in cols.values())  # no ties
    for a, b in combinations(variants, 2):
        rho = _spearman_by_hand(cols[a], cols[b])
        tau = _kendall_by_hand(cols[a], cols[b])
        assert doc["spearman"][a][b] == pytest.approx(rho)
        assert doc["kendall"][b][a] == pytest.approx(tau)
    assert all(doc["spearman"][v][v] == 1.0 for v in variants)


def test_table_layout_and_options(cli):
    """The text output has the three sections; --weightings multiplies."""
    proc = cli(
        "compare",
        EXAMPLE,
        "--methods",
        "weighted_sum,topsis",
        "--weightings",
        "ahp,entropy",
    )
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    for heading in (
        "Ranks by method/weighting",
        "Spearman rank correlation",
        "Kendall tau-b",
    ):
        assert heading in text
    header = text.splitlines()[1].split()
    assert header == [
        "cluster",
        "type",
        "weighted_sum/ahp",
        "weighted_sum/entropy",
        "topsis/ahp",
        "topsis/entropy",
    ]


def test_csv_file_and_chinese(cli, tmp_path):
    """CSV is the ranks table (with a BOM in a file); zh translates."""
    target = tmp_path / "cmp.csv"
    proc = cli(
        "compare", EXAMPLE, "--format", "csv", "--lang", "zh", "-o", target
    )
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    assert rows[0][:2] == ["集群", "类型"]
    assert len(rows) == 28
    text = cli("compare", EXAMPLE, "--lang", "zh").stdout
    assert "各方法/权重下的排名" in text
    assert "Spearman 秩相关系数" in text
    assert "方法/权重" in text


def test_bad_names_are_clean_errors(cli):
    """An unknown method or weighting names the flag."""
    cli("compare", EXAMPLE, "--methods", "best").assert_clean_error(
        "--methods must be one of", "'best'"
    )
    cli("compare", EXAMPLE, "--weightings", "ahp,ahp").assert_clean_error(
        "--weightings names an option twice"
    )


def test_gra_rho_and_vikor_v_go_to_their_methods(cli):
    """The flags --gra-rho and --vikor-v reach GRA and VIKOR only.

    They are refused when --methods lacks their method.
    """
    args = ("compare", EXAMPLE, "--methods", "weighted_sum,gra,vikor")
    base = cli(*args, "--format", "csv")
    other = cli(*args, "--gra-rho", "1", "--vikor-v", "0", "--format", "csv")
    assert base.returncode == 0, base.stderr
    assert other.returncode == 0, other.stderr
    assert base.stdout != other.stdout
    cli(
        "compare", EXAMPLE, "--methods", "weighted_sum,gra",
        "--vikor-v", "0.3",
    ).assert_clean_error("only applies to", "vikor")  # fmt: skip
