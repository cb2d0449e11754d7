"""Tests of ``clusterscore weights`` (`clusterscore.cli.weights`)."""

from __future__ import annotations

import json

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
