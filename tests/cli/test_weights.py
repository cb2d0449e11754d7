"""Tests of ``clusterscore weights`` (`clusterscore.cli.weights`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_default_and_type(cli):
    """Weights shows indicator weights and every matrix's CR."""
    proc = cli("weights")
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert "global_weight" in text
    assert "dimensions/default" in text
    proc = cli("weights", "--type", "basic", "--format", "json")
    data = json.loads(proc.stdout)
    assert data["type"] == "basic"
    total = sum(r["global_weight"] for r in data["weights"])
    assert total == pytest.approx(1.0)
    assert all(r["cr"] < 0.1 for r in data["consistency"])


def test_bad_type(cli):
    """An unknown --type is a clean error listing the valid types."""
    cli("weights", "--type", "huge").assert_clean_error(
        "basic, strategic, cutting_edge"
    )


ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


def test_weights_of_a_file(cli):
    """Item 13: weights FILE shows AHP, entropy and combined weights.

    Combined (multiplicative, the default of rank) is a_j e_j / sum a e.
    """
    doc = json.loads(cli("weights", EXAMPLE, "--format", "json").stdout)
    rows = doc["weights"]
    assert len(rows) == 25
    assert {"ahp", "entropy", "combined"} <= set(rows[0])
    for key in ("ahp", "entropy", "combined"):
        assert sum(r[key] for r in rows) == pytest.approx(1.0)
    total = sum(r["ahp"] * r["entropy"] for r in rows)
    for r in rows:
        assert r["combined"] == pytest.approx(r["ahp"] * r["entropy"] / total)
    assert doc["combine"] == "multiplicative"
    assert doc["game_theory"] is None
    # the same weights rank prints beside its rows
    ranked = json.loads(cli("rank", EXAMPLE, "--format", "json").stdout)
    used = {r["indicator"]: r["used"] for r in ranked["weights"]}
    assert used == pytest.approx({r["indicator"]: r["combined"] for r in rows})


def test_weights_linear_and_game_theory(cli):
    """--combine linear blends by --alpha; game_theory names coefficients."""
    doc = json.loads(
        cli(
            "weights",
            EXAMPLE,
            "--combine",
            "linear",
            "--alpha",
            "0.3",
            "--format",
            "json",
        ).stdout
    )
    for r in doc["weights"]:
        expected = 0.3 * r["ahp"] + 0.7 * r["entropy"]
        assert r["combined"] == pytest.approx(expected)
    proc = cli("weights", EXAMPLE, "--combine", "game_theory")
    assert proc.returncode == 0, proc.stderr
    assert "game-theory coefficients: AHP 0." in proc.stdout
    doc = json.loads(
        cli(
            "weights", EXAMPLE, "--combine", "game_theory", "--format", "json"
        ).stdout
    )
    c = doc["game_theory"]
    assert c["ahp"] + c["entropy"] == pytest.approx(1.0)
    for r in doc["weights"]:
        expected = c["ahp"] * r["ahp"] + c["entropy"] * r["entropy"]
        assert r["combined"] == pytest.approx(expected)


def test_weights_of_a_file_by_type(cli):
    """--type with FILE: that type's weights, from its own clusters."""
    doc = json.loads(
        cli(
            "weights", EXAMPLE, "--type", "strategic", "--format", "json"
        ).stdout
    )
    assert doc["type"] == "strategic"
    assert sum(r["entropy"] for r in doc["weights"]) == pytest.approx(1.0)


def test_weights_in_chinese(cli):
    """Item 9: --lang zh translates the heading and every column."""
    text = cli("weights", EXAMPLE, "--lang", "zh").stdout
    assert text.startswith("AHP权重，集群类型：通用（不分类型）")
    assert "客观权重数据：" in text
    assert "组合方式：multiplicative" in text
    header = text.splitlines()[4].split()
    assert header == [
        "指标",
        "维度",
        "维度权重",
        "局部权重",
        "AHP权重",
        "熵权",
        "组合权重",
    ]
    assert "判断矩阵" in text
    assert "最大特征值" in text


def test_weights_of_a_file_with_another_objective(cli):
    """Issue 11 item 11: --objective std shows std weights, combined."""
    doc = json.loads(
        cli(
            "weights", EXAMPLE, "--objective", "std", "--format", "json"
        ).stdout
    )
    rows = doc["weights"]
    assert "std" in rows[0]
    assert "entropy" not in rows[0]
    assert sum(r["std"] for r in rows) == pytest.approx(1.0)
    total = sum(r["ahp"] * r["std"] for r in rows)
    for r in rows:
        assert r["combined"] == pytest.approx(r["ahp"] * r["std"] / total)
    text = cli(
        "weights", EXAMPLE, "--objective", "critic", "--combine", "game_theory"
    ).stdout
    assert "critic" in text
    bad = cli("weights", EXAMPLE, "--objective", "gini")
    assert bad.returncode == 2
    assert "argument --objective: invalid choice" in bad.stderr
