"""Tests of clusterscore.system.matrices: [[judgments]] to checked matrices."""

from __future__ import annotations

import copy
import importlib.util
import math
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clusterscore.system.matrices as matrices
from clusterscore.judgments.scales import MAX_CR
from clusterscore.system import MAX_CR as SYSTEM_MAX_CR
from clusterscore.system import load_system
from clusterscore.system.keys import Source

_HELPERS = Path(__file__).with_name("system_files.py")
_spec = importlib.util.spec_from_file_location("system_files", _HELPERS)
sf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sf)


def test_minimal_matrices_built_from_pairs():
    """Pairs give a[i,j] = v and a[j,i] = 1/v in system order (hand)."""
    s = load_system(sf.MINIMAL)
    j = s.judgments_for("scale", "basic")  # falls back to the default
    assert j.cluster_type == "default"
    assert j.elements == ("output", "firms", "energy")
    expected = np.array([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]])
    np.testing.assert_allclose(j.matrix, expected)
    np.testing.assert_allclose(
        s.judgments_for("dimensions").matrix, [[1, 2], [0.5, 1]]
    )


def test_single_indicator_dimension_needs_no_judgments():
    """A one-indicator dimension gets the 1x1 matrix [[1]] implicitly."""
    s = load_system(sf.MINIMAL)
    j = s.judgments_for("policy", "strategic")
    assert j.elements == ("funds",)
    np.testing.assert_array_equal(j.matrix, [[1.0]])


def test_group_judgments_aggregate_by_aij():
    """Two experts' matrices combine by element-wise geometric mean.

    Hand calculation (AIJ, Aczél & Saaty 1983): sqrt(2 * 8) = 4,
    sqrt(4 * 4) = 4, sqrt(2 * 1/2) = 1.
    """
    s = load_system(sf.DATA / "group.toml")
    j = s.judgments_for("scale", "basic")
    assert j.experts == ("A", "B")
    expected = np.array([[1, 4, 4], [1 / 4, 1, 1], [1 / 4, 1, 1]])
    np.testing.assert_allclose(j.matrix, expected)
    np.testing.assert_allclose(j.expert_matrices[1][0], [1, 8, 4])
    assert "expert A" in j.source
    assert "expert B" in j.source
    # the other type still uses the type-agnostic matrix
    assert s.judgments_for("scale", "strategic").cluster_type == "default"


def test_incomplete_judgments_are_completed():
    """A spanning set of pairs completes consistently: 2 * 3 = 6 (hand)."""
    s = load_system(sf.DATA / "incomplete.toml")
    j = s.judgments_for("scale", "strategic")
    assert np.isnan(j.expert_matrices[0][0, 2])
    np.testing.assert_allclose(j.matrix[0], [1, 2, 6], rtol=1e-9)
    np.testing.assert_allclose(j.matrix[2, 0], 1 / 6, rtol=1e-9)


def test_judgment_values_as_ratios_and_decimals(tmp_path):
    """Ratios, decimals and spaced ratios all mean the same judgment."""
    for raw in ("1/4", 0.25, "1 / 4", "0.25", "2/8"):
        doc = sf.minimal_doc()
        doc["judgments"][1]["pairs"][1] = ["energy", "output", raw]
        s = load_system(sf.write(tmp_path, doc))
        np.testing.assert_allclose(
            s.judgments_for("scale").matrix[0, 2], 16.0 / 4.0
        )


# --------------------------------------------------------------------------
# reordering cannot change a matrix
# --------------------------------------------------------------------------


def _flip(pair: list[Any]) -> list[Any]:
    """Write the same judgment the other way round: [b, a, 1/v]."""
    a, b, v = pair
    if isinstance(v, str) and v.startswith("1/"):
        return [b, a, float(v[2:])]
    return [b, a, f"1/{v}"]


@settings(max_examples=50)
@given(data=st.data())
def test_reordering_pairs_does_not_change_matrix(tmp_path_factory, data):
    """Shuffling pairs and writing some as [col, row, 1/v] is harmless."""
    doc = sf.minimal_doc()
    pairs = doc["judgments"][1]["pairs"]
    perm = data.draw(st.permutations(range(len(pairs))))
    flips = data.draw(
        st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs))
    )
    doc["judgments"][1]["pairs"] = [
        _flip(pairs[k]) if f else pairs[k]
        for k, f in zip(perm, flips, strict=True)
    ]
    doc["judgments"].reverse()
    path = sf.write(tmp_path_factory.mktemp("reorder"), doc)
    got = load_system(path).judgments_for("scale").matrix
    want = load_system(sf.MINIMAL).judgments_for("scale").matrix
    np.testing.assert_allclose(got, want, rtol=1e-12)


# --------------------------------------------------------------------------
# ConfigError: each malformed entry
# --------------------------------------------------------------------------


def _second_scale_matrix(doc: dict[str, Any]) -> None:
    doc["judgments"].append(copy.deepcopy(doc["judgments"][1]))


def _same_expert_twice(doc: dict[str, Any]) -> None:
    for _ in range(2):
        entry = copy.deepcopy(doc["judgments"][1])
        entry["expert"] = "Li"
        entry["type"] = "basic"
        doc["judgments"].append(entry)


ERROR_CASES = [
    pytest.param(
        sf.replace_pair(0, ["output", "firmz", 2]),
        "judgments[2].pairs[1]",
        r"\(scale/default\) unknown element 'firmz' "
        r"\(did you mean 'firms'\?\)",
        id="unknown-element",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "funds", 2]),
        "judgments[2].pairs[1]",
        "unknown element 'funds'.*compares output, firms, energy",
        id="element-of-other-dimension",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "output", 2]),
        "judgments[2].pairs[1]",
        "compares 'output' with itself",
        id="same-element-twice",
    ),
    pytest.param(
        sf.replace_pair(2, ["output", "firms", 2]),
        "judgments[2].pairs[3]",
        r"duplicated judgment between 'output' and 'firms': "
        r"already given in pairs\[1\]",
        id="duplicate-pair",
    ),
    pytest.param(
        sf.replace_pair(2, ["firms", "output", "1/2"]),
        "judgments[2].pairs[3]",
        "duplicated judgment between 'firms' and 'output'",
        id="duplicate-pair-reversed",
    ),
    pytest.param(
        sf.set_key(
            "judgments",
            1,
            "pairs",
            [["output", "firms", 2], ["output", "energy", 4]],
        ),
        "judgments[2].pairs",
        r"missing judgment\(s\) \['firms', 'energy'\].*needs all 3",
        id="missing-pair",
    ),
    pytest.param(
        sf.delete_key("judgments", 1, "pairs"),
        "judgments[2].pairs",
        "missing required field 'pairs'",
        id="no-pairs",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", 10]),
        "judgments[2].pairs[1]",
        "outside the Saaty scale 1/9..9",
        id="value-above-9",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", "1/10"]),
        "judgments[2].pairs[1]",
        "outside the Saaty scale",
        id="value-below-1-9",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", 0]),
        "judgments[2].pairs[1]",
        "must be positive",
        id="value-zero",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", -2]),
        "judgments[2].pairs[1]",
        "must be positive",
        id="value-negative",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", math.nan]),
        "judgments[2].pairs[1]",
        "must be positive and finite",
        id="value-nan",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", "three"]),
        "judgments[2].pairs[1]",
        "cannot read judgment value 'three'",
        id="value-unparsable",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", "1/0"]),
        "judgments[2].pairs[1]",
        "divides by zero",
        id="value-division-by-zero",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms", True]),
        "judgments[2].pairs[1]",
        "must be a number or a string",
        id="value-bool",
    ),
    pytest.param(
        sf.replace_pair(0, ["output", "firms"]),
        "judgments[2].pairs[1]",
        r"each pair must be \[row, column, value\]",
        id="pair-too-short",
    ),
    pytest.param(
        sf.set_key("judgments", 1, "level", "scal"),
        "judgments[2].level",
        r"unknown level 'scal' \(did you mean 'scale'\?\)",
        id="unknown-level",
    ),
    pytest.param(
        sf.set_key("judgments", 1, "type", "advanced"),
        "judgments[2].type",
        "unknown cluster type 'advanced'",
        id="unknown-judgment-type",
    ),
    pytest.param(
        sf.set_key("judgments", 1, "type", "basic"),
        "judgments.scale",
        "no judgments for level 'scale'.*missing: strategic",
        id="level-without-default-or-all-types",
    ),
    pytest.param(
        _second_scale_matrix,
        "judgments[2].expert",
        r"duplicated judgments for scale/default \(also entries 3\)",
        id="duplicate-judgment-entries",
    ),
    pytest.param(
        _same_expert_twice,
        "judgments[4].expert",
        "expert 'Li' appears in entries 3 and 4",
        id="same-expert-twice",
    ),
    pytest.param(
        sf.set_key("judgments", 1, "pairs", [["output", "firms", 2]]),
        "judgments[2].pairs",
        r"missing judgment\(s\).*or set incomplete = true",
        id="incomplete-flag-needed",
    ),
]


@pytest.mark.parametrize(("mutate", "key", "pattern"), ERROR_CASES)
def test_config_errors(tmp_path, mutate, key, pattern):
    """Each malformed entry raises ConfigError naming the file and key."""
    doc = sf.minimal_doc()
    mutate(doc)
    sf.expect_error(sf.write(tmp_path, doc, "bad_system.toml"), key, pattern)


_CYCLE = [
    ["output", "firms", 9],
    ["firms", "energy", 9],
    ["output", "energy", "1/9"],
]


def test_inconsistent_matrix_loads_and_is_recorded(tmp_path):
    """CR > 0.10 no longer blocks loading (issue 11 item 12).

    The matrix is recorded with its CR, its key and the judgment to
    revisit.
    """
    doc = sf.minimal_doc()
    doc["judgments"][1]["pairs"] = _CYCLE
    system = load_system(sf.write(tmp_path, doc))
    (bad,) = system.inconsistent
    assert bad.name == "scale/default"
    assert bad.key == "judgments[2]"
    # hand check with this file's own eigen computation
    a = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    assert bad.cr == pytest.approx(sf.eig_weights_cr(a)[1], abs=5e-4)
    assert bad.cr > 0.10
    # a perfect 3-cycle: every pair contributes a third; each one's
    # consistent value is 1 (equal weights)
    assert bad.revisit.count("consistent value 1 ") == 3
    assert "['output', 'firms'] = 9" in bad.revisit
    assert system.judgments_for("dimensions").revisit == ""


def test_group_that_is_inconsistent_is_recorded(tmp_path):
    """The aggregated group matrix is checked; its key names the matrix."""
    doc = sf.minimal_doc()
    for who, v in (("A", 9), ("B", 9)):
        doc["judgments"].append(
            {
                "level": "scale",
                "type": "strategic",
                "expert": who,
                "source": "x",
                "pairs": [
                    ["output", "firms", v],
                    ["firms", "energy", v],
                    ["output", "energy", "1/9"],
                ],
            }
        )
    system = load_system(sf.write(tmp_path, doc))
    (bad,) = system.inconsistent
    assert bad.key == "judgments.scale/strategic"
    assert bad.cr > 0.10


def _big_dimension(n: int, ri: float | None = None) -> dict:
    """Return the minimal file with an n-indicator dimension 'wide'."""
    doc = sf.minimal_doc()
    doc["dimension"].append(
        {"id": "wide", "name": "W", "name_zh": "宽", "source": "x"}
    )
    ids = [f"w{k}" for k in range(n)]
    for k, i in enumerate(ids):
        doc["indicator"].append(
            {
                "id": i,
                "dimension": "wide",
                "name": f"W{k}",
                "name_zh": f"宽{k}",
                "unit": "count",
                "direction": "benefit",
                "definition": "x",
                "source": "x",
            }
        )
    entry = {
        "level": "wide",
        "type": "default",
        "source": "x",
        "pairs": [
            [ids[i], ids[j], 1] for i in range(n) for j in range(i + 1, n)
        ],
    }
    if ri is not None:
        entry["ri"] = ri
    doc["judgments"].append(entry)
    # the dimension matrix now compares three dimensions
    doc["judgments"][0]["pairs"] = [
        ["scale", "policy", 2],
        ["scale", "wide", 1],
        ["policy", "wide", 1],
    ]
    return doc


def test_dimension_beyond_the_ri_table_names_the_way_out(tmp_path):
    """16 indicators: a ConfigError naming the dimension (issue 16 item 9).

    Not the RI error of `ahp`, without file or key.
    """
    err = sf.expect_error(
        sf.write(tmp_path, _big_dimension(16)),
        "judgments[3]",
        r"dimension 'wide' has 16 elements.*at most n = 15.*Split "
        r"dimension 'wide'.*ri = ",
    )
    assert "random-index" in str(err)


def test_ri_in_the_file_lets_a_big_dimension_load(tmp_path):
    """With `ri` given for the matrix, the 16-indicator file loads."""
    system = load_system(sf.write(tmp_path, _big_dimension(16, ri=1.59)))
    j = system.judgments_for("wide")
    assert j.ri == 1.59
    assert j.cr == pytest.approx(0.0, abs=1e-9)


def test_ri_for_a_small_matrix_is_refused(tmp_path):
    """`ri` is only for matrices beyond the tables (n > 15)."""
    sf.expect_error(
        sf.write(tmp_path, _big_dimension(3, ri=0.58)),
        "judgments[3].ri",
        r"only for matrices larger than the random-index tables",
    )


def test_incomplete_that_does_not_connect(tmp_path):
    """Incomplete pairs that leave an element unconnected are refused."""
    doc = sf.minimal_doc()
    doc["judgments"][1]["incomplete"] = True
    doc["judgments"][1]["pairs"] = [["output", "firms", 2]]
    sf.expect_error(
        sf.write(tmp_path, doc),
        "judgments[2].pairs",
        r"\(scale/default\) cannot complete the incomplete judgments",
    )


# --------------------------------------------------------------------------
# one definition of the scale and the CR cut-off
# --------------------------------------------------------------------------


def test_scale_and_cut_off_come_from_judgments():
    """The Saaty bounds are SAATY_SCALE's ends; MAX_CR is judgments'."""
    assert matrices._SAATY_LOW == 1 / 9
    assert matrices._SAATY_HIGH == 9.0
    assert SYSTEM_MAX_CR is MAX_CR
    assert MAX_CR == 0.10


@pytest.mark.parametrize(
    ("cr", "ok"),
    [(0.0, True), (MAX_CR, True), (MAX_CR + 1e-13, True), (0.1001, False)],
)
def test_cr_equal_to_the_cut_off_passes(monkeypatch, cr, ok):
    """cr_acceptable is the rule: CR <= 0.10 (+1e-12 rounding) passes.

    `ahp` is replaced by a stub returning the CR, to reach the edge.
    """
    monkeypatch.setattr(
        matrices, "ahp", lambda *a, **k: SimpleNamespace(cr=cr)
    )
    src = Source("f.toml", {})
    m = np.array([[1, 2, 4], [1 / 2, 1, 3], [1 / 4, 1 / 3, 1]])
    got, revisit = matrices.check_consistency(
        src, "judgments[1]", "scale/basic", ("a", "b", "c"), m
    )
    assert got == cr
    assert (revisit == "") is ok
