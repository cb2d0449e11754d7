"""What the report carries (present/report_data.py), against the library.

The what-if payload is the normalised matrix and the two weight vectors;
the page's linear blend of them must give `rank_clusters(combine="linear",
alpha=a)`'s scores.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

import clusterscore as cs
from clusterscore.present.report_data import (
    judgment_matrices,
    sha256_of,
    whatif_payload,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


@pytest.fixture(scope="module")
def ev():
    system = cs.load_system()
    return cs.evaluate(cs.read_clusters(EXAMPLE, system), system)


def test_whatif_payload_blends_to_the_librarys_linear_scores(ev):
    """100 Y (a w_ahp + (1 - a) w_entropy) is the linear ranking's score."""
    data, reason = whatif_payload(ev)
    assert data is not None, reason
    Y = np.array(data["Y"])
    for a in (0.0, 0.5, 1.0):
        w = a * np.array(data["ahp"]) + (1 - a) * np.array(data["entropy"])
        ref = cs.rank_clusters(
            ev.table, ev.system, combine="linear", alpha=a
        ).loc[data["clusters"]]
        np.testing.assert_allclose(100 * Y @ w, ref["score"], rtol=1e-12)


def test_no_whatif_for_by_type(ev):
    """Per-type weights cannot be one slider: the payload says why."""
    by_type = cs.evaluate(ev.table, ev.system, by_type=True)
    data, reason = whatif_payload(by_type)
    assert data is None
    assert "by_type" in reason


def test_judgment_matrices_carry_the_evaluations_crs(ev):
    """One entry per judgment matrix used, with its CR and verdict."""
    mats = judgment_matrices(ev)
    assert {m.name for m in mats} == set(ev.judgments)
    for m in mats:
        assert m.cr == pytest.approx(ev.judgments[m.name].cr)
        assert m.acceptable


def test_sha256_of_the_file_or_of_the_table(ev, tmp_path):
    """The input file's digest when there is one, else the table's CSV."""
    digest, from_file = sha256_of(EXAMPLE, ev.table)
    assert from_file
    assert digest == hashlib.sha256(EXAMPLE.read_bytes()).hexdigest()
    digest, from_file = sha256_of(None, ev.table)
    assert not from_file
    text = ev.table.to_csv(index=False, lineterminator="\n")
    assert digest == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_whatif_payload_with_critic_weights(ev):
    """With objective='critic' the page blends AHP and CRITIC weights."""
    critic = cs.evaluate(ev.table, ev.system, objective="critic")
    data, reason = whatif_payload(critic)
    assert data is not None, reason
    np.testing.assert_allclose(data["entropy"], critic.weights["critic"])
    ref = cs.rank_clusters(
        ev.table, ev.system, objective="critic", combine="linear", alpha=0.3
    ).loc[data["clusters"]]
    w = 0.3 * np.array(data["ahp"]) + 0.7 * np.array(data["entropy"])
    np.testing.assert_allclose(
        100 * np.array(data["Y"]) @ w, ref["score"], rtol=1e-12
    )
