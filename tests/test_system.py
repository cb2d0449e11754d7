"""Tests of the indicator-system loader (clusterscore.system.load_system).

Each ConfigError case writes a small TOML file into ``tmp_path`` (the
fixture ``tests/data/systems/minimal.toml``, changed in one place) and pins
the file name, the key and the key part of the message.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import ConfigError
from clusterscore.system import (
    DEFAULT_SYSTEM_FILE,
    IndicatorSystem,
    default_system_path,
    load_system,
)

DATA = Path(__file__).parent / "data" / "systems"
MINIMAL = DATA / "minimal.toml"

# Saaty's random index as commonly tabulated (Saaty 1980; the research note
# §2 uses the same values), n = 1..10. Kept here, not imported, so that the
# tests check the library independently.
SAATY_RI = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)


# --------------------------------------------------------------------------
# helpers: a tiny TOML writer for the fixture dictionaries
# --------------------------------------------------------------------------


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        inner = ", ".join(f"{k} = {_value(x)}" for k, x in v.items())
        return "{ " + inner + " }"
    raise TypeError(v)


def dump_toml(doc: dict[str, Any]) -> str:
    """Write `doc` ([table] and [[array of tables]] at the top) as TOML."""
    out = []
    for name, body in doc.items():
        if isinstance(body, dict):
            out.append(f"[{name}]")
            out += [f"{k} = {_value(v)}" for k, v in body.items()]
            out.append("")
        elif isinstance(body, list) and all(isinstance(x, dict) for x in body):
            for entry in body:
                out.append(f"[[{name}]]")
                out += [f"{k} = {_value(v)}" for k, v in entry.items()]
                out.append("")
        else:
            out.insert(0, f"{name} = {_value(body)}")
    return "\n".join(out)


def minimal_doc() -> dict[str, Any]:
    """Return a fresh copy of the minimal fixture as a dictionary."""
    with MINIMAL.open("rb") as fh:
        return copy.deepcopy(tomllib.load(fh))


def write(tmp_path: Path, doc: dict[str, Any], name: str = "sys.toml"):
    path = tmp_path / name
    path.write_text(dump_toml(doc), encoding="utf-8")
    return path


def eig_weights_cr(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Principal-eigenvector weights and Saaty's CR, computed here."""
    vals, vecs = np.linalg.eig(a)
    k = int(np.argmax(vals.real))
    w = np.abs(vecs[:, k].real)
    w = w / w.sum()
    n = a.shape[0]
    if n <= 2:
        return w, 0.0
    ci = (vals[k].real - n) / (n - 1)
    return w, ci / SAATY_RI[n - 1]


def expect_error(path: Path, key: str, pattern: str) -> ConfigError:
    """Load `path`, expect ConfigError naming the file and `key`."""
    with pytest.raises(ConfigError) as info:
        load_system(path)
    err = info.value
    msg = str(err)
    assert msg.startswith(f"{path}: "), msg
    assert err.path == str(path)
    assert err.key == key, msg
    assert key in msg
    assert re.search(pattern, msg), msg
    assert isinstance(err, ValueError)
    return err


# --------------------------------------------------------------------------
# the fixtures load
# --------------------------------------------------------------------------


def test_minimal_fixture_loads():
    """The minimal fixture loads with the documented structure."""
    s = load_system(MINIMAL)
    assert isinstance(s, IndicatorSystem)
    assert s.format_version == 1
    assert s.cluster_types == ("basic", "strategic")
    assert s.dimension_ids == ("scale", "policy")
    assert s.indicator_ids == ("output", "firms", "energy", "funds")
    assert s.directions == ("benefit", "benefit", "cost", "benefit")
    assert s.dimension("scale").indicators == ("output", "firms", "energy")
    e = s.indicator("energy")
    assert (e.lower, e.upper, e.lower_open, e.integer) == (
        0,
        None,
        True,
        False,
    )
    assert s.indicator("firms").integer
    assert s.indicator("funds").upper == 1000
    assert s.path == str(MINIMAL)


def test_minimal_matrices_built_from_pairs():
    """Pairs give a[i,j] = v and a[j,i] = 1/v in system order (hand)."""
    s = load_system(MINIMAL)
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
    s = load_system(MINIMAL)
    j = s.judgments_for("policy", "strategic")
    assert j.elements == ("funds",)
    np.testing.assert_array_equal(j.matrix, [[1.0]])


def test_indicator_order_is_grouped_by_dimension(tmp_path):
    """Indicators are grouped by dimension even when the file interleaves."""
    doc = minimal_doc()
    ind = doc["indicator"]
    doc["indicator"] = [ind[3], ind[0], ind[1], ind[2]]
    s = load_system(write(tmp_path, doc))
    assert s.indicator_ids == ("output", "firms", "energy", "funds")


def test_targets_and_recommendations(tmp_path):
    """Targets expand per type; lookups fall back to the default type."""
    doc = minimal_doc()
    doc["target"].append(
        {
            "indicator": "firms",
            "values": {"default": 50},
            "estimate": False,
            "source": "published",
        }
    )
    doc["recommendation"].append(
        {
            "type": "default",
            "dimension": "scale",
            "indicator": "firms",
            "text": "Attract firms.",
            "source": "test",
        }
    )
    s = load_system(write(tmp_path, doc))
    t = s.target("output", "strategic")
    assert (t.value, t.estimate, t.source) == (200.0, True, "test fixture")
    assert s.target("firms", "basic").value == 50.0
    assert not s.target("firms", "basic").estimate
    assert s.target("energy", "basic") is None
    assert set(s.targets_for("basic")) == {"output", "firms"}
    assert s.recommendation("basic", "scale").text == "Grow."
    assert s.recommendation("strategic", "scale") is None
    lines = s.recommendations_for("basic", "scale")
    assert [r.text for r in lines] == ["Grow.", "Attract firms."]
    assert lines[1].indicator == "firms"
    assert lines[0].text_zh == "做大。"


def test_group_judgments_aggregate_by_aij():
    """Two experts' matrices combine by element-wise geometric mean.

    Hand calculation (AIJ, Aczél & Saaty 1983): sqrt(2 * 8) = 4,
    sqrt(4 * 4) = 4, sqrt(2 * 1/2) = 1.
    """
    s = load_system(DATA / "group.toml")
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
    s = load_system(DATA / "incomplete.toml")
    j = s.judgments_for("scale", "strategic")
    assert np.isnan(j.expert_matrices[0][0, 2])
    np.testing.assert_allclose(j.matrix[0], [1, 2, 6], rtol=1e-9)
    np.testing.assert_allclose(j.matrix[2, 0], 1 / 6, rtol=1e-9)


def test_judgment_values_as_ratios_and_decimals(tmp_path):
    """Ratios, decimals and spaced ratios all mean the same judgment."""
    for raw in ("1/4", 0.25, "1 / 4", "0.25", "2/8"):
        doc = minimal_doc()
        doc["judgments"][1]["pairs"][1] = ["energy", "output", raw]
        s = load_system(write(tmp_path, doc))
        np.testing.assert_allclose(
            s.judgments_for("scale").matrix[0, 2], 16.0 / 4.0
        )


def test_bom_is_accepted(tmp_path):
    """A UTF-8 file with a byte-order mark (Windows Notepad) loads."""
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    assert load_system(path).id == "minimal"


def same_system(a: IndicatorSystem, b: IndicatorSystem) -> bool:
    """Compare two systems field by field (matrices by value)."""
    plain = ("dimensions", "indicators", "types", "targets", "recommendations")
    if any(getattr(a, f) != getattr(b, f) for f in plain):
        return False
    return len(a.judgments) == len(b.judgments) and all(
        (x.name, x.elements, x.experts) == (y.name, y.elements, y.experts)
        and np.array_equal(x.matrix, y.matrix)
        for x, y in zip(a.judgments, b.judgments, strict=True)
    )


def test_path_may_be_str_or_pathlike():
    """load_system accepts str and os.PathLike paths."""
    assert same_system(load_system(str(MINIMAL)), load_system(MINIMAL))


# --------------------------------------------------------------------------
# frozen objects
# --------------------------------------------------------------------------


def test_objects_are_frozen():
    """Every object is an immutable dataclass with read-only matrices."""
    s = load_system(MINIMAL)
    objects = [
        s,
        s.indicators[0],
        s.dimensions[0],
        s.types[0],
        s.judgments[0],
        s.targets[0],
        s.recommendations[0],
    ]
    for obj in objects:
        field = dataclasses.fields(obj)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, "changed")
    for name in ("dimensions", "indicators", "types", "judgments"):
        assert isinstance(getattr(s, name), tuple)
    j = s.judgments_for("scale")
    assert not j.matrix.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        j.matrix[0, 1] = 9.0
    for m in j.expert_matrices:
        assert not m.flags.writeable
    with pytest.raises(TypeError):
        s._by_id["x"] = s.indicators[0]  # a read-only mapping


def test_system_is_independent_of_later_file_changes(tmp_path):
    """The loaded system keeps its values after the file is rewritten."""
    doc = minimal_doc()
    path = write(tmp_path, doc)
    s = load_system(path)
    doc["judgments"][0]["pairs"] = [["scale", "policy", 5]]
    path.write_text(dump_toml(doc), encoding="utf-8")
    assert s.judgments_for("dimensions").matrix[0, 1] == 2.0
    assert load_system(path).judgments_for("dimensions").matrix[0, 1] == 5


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
    doc = minimal_doc()
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
    path = write(tmp_path_factory.mktemp("reorder"), doc)
    got = load_system(path).judgments_for("scale").matrix
    want = load_system(MINIMAL).judgments_for("scale").matrix
    np.testing.assert_allclose(got, want, rtol=1e-12)


# --------------------------------------------------------------------------
# ConfigError: the file itself
# --------------------------------------------------------------------------


def test_missing_file(tmp_path):
    """A path that does not exist raises ConfigError naming it."""
    path = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match=r"nope\.toml: no such indicator"):
        load_system(path)


def test_directory_instead_of_file(tmp_path):
    """A directory raises ConfigError saying so."""
    with pytest.raises(ConfigError, match="is a directory"):
        load_system(tmp_path)


def test_invalid_toml_names_line_and_column(tmp_path):
    """Broken TOML raises ConfigError with tomllib's line and column."""
    path = tmp_path / "broken.toml"
    path.write_text("[meta]\nformat_version = 1\nid = \n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_system(path)
    msg = str(info.value)
    assert msg.startswith(f"{path}: not valid TOML")
    assert "line 3" in msg
    assert "column" in msg


def test_not_utf8(tmp_path):
    """A file in another encoding raises ConfigError (UTF-8 required)."""
    path = tmp_path / "gbk.toml"
    path.write_bytes("[meta]\nname_zh = '集群'\n".encode("gbk"))
    with pytest.raises(ConfigError, match=r"gbk\.toml: not UTF-8"):
        load_system(path)


# --------------------------------------------------------------------------
# ConfigError: each malformed entry
# --------------------------------------------------------------------------

Mutator = Callable[[dict[str, Any]], None]


def _set(*path_and_value: Any) -> Mutator:
    *path, value = path_and_value

    def mutate(doc: dict[str, Any]) -> None:
        node = doc
        for p in path[:-1]:
            node = node[p]
        node[path[-1]] = value

    return mutate


def _delete(*path: Any) -> Mutator:
    def mutate(doc: dict[str, Any]) -> None:
        node = doc
        for p in path[:-1]:
            node = node[p]
        del node[path[-1]]

    return mutate


def _append(table: str, entry: dict[str, Any]) -> Mutator:
    def mutate(doc: dict[str, Any]) -> None:
        doc.setdefault(table, []).append(copy.deepcopy(entry))

    return mutate


def _pair(k: int, value: list[Any]) -> Mutator:
    """Replace pair k (0-based) of the scale judgments."""
    return _set("judgments", 1, "pairs", k, value)


def _dup_first(table: str) -> Mutator:
    def mutate(doc: dict[str, Any]) -> None:
        doc[table].append(copy.deepcopy(doc[table][0]))

    return mutate


def _dup_first_indicator(doc: dict[str, Any]) -> None:
    clone = copy.deepcopy(doc["indicator"][0])
    clone["name_zh"] = "另一个"
    doc["indicator"].append(clone)


def _second_scale_matrix(doc: dict[str, Any]) -> None:
    doc["judgments"].append(copy.deepcopy(doc["judgments"][1]))


def _same_expert_twice(doc: dict[str, Any]) -> None:
    for _ in range(2):
        entry = copy.deepcopy(doc["judgments"][1])
        entry["expert"] = "Li"
        entry["type"] = "basic"
        doc["judgments"].append(entry)


_TARGET = {
    "indicator": "output",
    "values": {"default": 1},
    "estimate": True,
    "source": "x",
}
_REC = {"type": "basic", "dimension": "policy", "text": "t", "source": "x"}

ERROR_CASES = [
    # ---- meta and format version -----------------------------------------
    pytest.param(
        _delete("meta"),
        "meta",
        r"missing required table \[meta\]",
        id="no-meta",
    ),
    pytest.param(
        _delete("meta", "format_version"),
        "meta.format_version",
        "missing required field 'format_version'",
        id="no-format-version",
    ),
    pytest.param(
        _set("meta", "format_version", 2),
        "meta.format_version",
        r"unsupported format_version 2; this clusterscore reads \{1\}",
        id="format-version-2",
    ),
    pytest.param(
        _set("meta", "format_version", "1"),
        "meta.format_version",
        "must be an integer; got '1'",
        id="format-version-str",
    ),
    pytest.param(
        _delete("meta", "name"),
        "meta.name",
        "missing required field 'name'",
        id="meta-no-name",
    ),
    pytest.param(
        _set("meta", "extra", 1),
        "meta.extra",
        "unknown field 'extra'",
        id="meta-unknown-field",
    ),
    pytest.param(
        _set("indicators", [{"id": "x"}]),
        "indicators",
        "unknown top-level table 'indicators' "
        r"\(did you mean 'indicator'\?\)",
        id="unknown-table",
    ),
    pytest.param(
        _set("indicator", {"id": "x"}),
        "indicator",
        r"must be an array of tables, written \[\[indicator\]\]",
        id="table-not-array",
    ),
    pytest.param(
        _delete("type"),
        "type",
        r"missing required table \[\[type\]\]",
        id="no-types",
    ),
    # ---- types and dimensions ---------------------------------------------
    pytest.param(
        _dup_first("type"),
        "type.basic.id",
        "duplicate type id 'basic' \\(entries 1 and 3\\)",
        id="duplicate-type",
    ),
    pytest.param(
        _set("type", 0, "id", "default"),
        "type.default.id",
        "id 'default' is reserved",
        id="reserved-type",
    ),
    pytest.param(
        _dup_first("dimension"),
        "dimension.scale.id",
        "duplicate dimension id 'scale'",
        id="duplicate-dimension",
    ),
    pytest.param(
        _set("dimension", 1, "id", "Policy Env"),
        "dimension[2].id",
        "must be snake_case",
        id="bad-id-syntax",
    ),
    pytest.param(
        _append(
            "dimension",
            {"id": "empty", "name": "E", "name_zh": "空", "source": "x"},
        ),
        "dimension.empty",
        "dimension 'empty' \\(entry 3\\) has no indicators",
        id="dimension-without-indicators",
    ),
    # ---- indicators ---------------------------------------------------------
    pytest.param(
        _set("indicator", 0, "dimension", "scal"),
        "indicator.output.dimension",
        r"unknown dimension 'scal' \(did you mean 'scale'\?\)",
        id="unknown-dimension",
    ),
    pytest.param(
        _dup_first_indicator,
        "indicator.output.id",
        "duplicate indicator id 'output' \\(entries 1 and 5\\)",
        id="duplicate-indicator",
    ),
    pytest.param(
        _set("indicator", 1, "name_zh", "产值"),
        "indicator.firms.name_zh",
        "duplicate name_zh '产值' \\(also indicator 'output'\\)",
        id="duplicate-name-zh",
    ),
    pytest.param(
        _set("indicator", 0, "direction", "up"),
        "indicator.output.direction",
        'direction must be "benefit" or "cost"; got \'up\'',
        id="bad-direction",
    ),
    pytest.param(
        _delete("indicator", 1, "unit"),
        "indicator.firms.unit",
        "missing required field 'unit'",
        id="missing-field",
    ),
    pytest.param(
        _set("indicator", 1, "integer", "yes"),
        "indicator.firms.integer",
        "'integer' must be a boolean \\(true/false\\); got 'yes'",
        id="wrong-type-bool",
    ),
    pytest.param(
        _set("indicator", 0, "lower", "0"),
        "indicator.output.lower",
        "'lower' must be a number",
        id="wrong-type-number",
    ),
    pytest.param(
        _set("indicator", 0, "lower", True),
        "indicator.output.lower",
        "'lower' must be a number",
        id="bool-is-not-a-number",
    ),
    pytest.param(
        _set("indicator", 0, "name", ""),
        "indicator.output.name",
        "'name' must not be empty",
        id="empty-string",
    ),
    pytest.param(
        _set("indicator", 0, "integr", True),
        "indicator.output.integr",
        r"unknown field 'integr'.*\(did you mean 'integer'\?\)",
        id="unknown-field-typo",
    ),
    pytest.param(
        _set("indicator", 3, "lower", 5000),
        "indicator.funds.lower",
        r"bounds \[5000, 1000\] are empty",
        id="lower-above-upper",
    ),
    pytest.param(
        _set("indicator", 1, "lower", math.inf),
        "indicator.firms.lower",
        "must be a finite number",
        id="infinite-bound",
    ),
    pytest.param(
        _delete("indicator", 2, "lower"),
        "indicator.energy.lower_open",
        "lower_open = true needs a 'lower' bound",
        id="open-without-lower",
    ),
    pytest.param(
        _set("indicator", 0, "id", "cluster"),
        "indicator.cluster.id",
        "id 'cluster' is reserved",
        id="reserved-column",
    ),
    # ---- judgments ----------------------------------------------------------
    pytest.param(
        _pair(0, ["output", "firmz", 2]),
        "judgments[2].pairs[1]",
        r"\(scale/default\) unknown element 'firmz' "
        r"\(did you mean 'firms'\?\)",
        id="unknown-element",
    ),
    pytest.param(
        _pair(0, ["output", "funds", 2]),
        "judgments[2].pairs[1]",
        "unknown element 'funds'.*compares output, firms, energy",
        id="element-of-other-dimension",
    ),
    pytest.param(
        _pair(0, ["output", "output", 2]),
        "judgments[2].pairs[1]",
        "compares 'output' with itself",
        id="same-element-twice",
    ),
    pytest.param(
        _pair(2, ["output", "firms", 2]),
        "judgments[2].pairs[3]",
        r"duplicated judgment between 'output' and 'firms': "
        r"already given in pairs\[1\]",
        id="duplicate-pair",
    ),
    pytest.param(
        _pair(2, ["firms", "output", "1/2"]),
        "judgments[2].pairs[3]",
        "duplicated judgment between 'firms' and 'output'",
        id="duplicate-pair-reversed",
    ),
    pytest.param(
        _set(
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
        _delete("judgments", 1, "pairs"),
        "judgments[2].pairs",
        "missing required field 'pairs'",
        id="no-pairs",
    ),
    pytest.param(
        _pair(0, ["output", "firms", 10]),
        "judgments[2].pairs[1]",
        "outside the Saaty scale 1/9..9",
        id="value-above-9",
    ),
    pytest.param(
        _pair(0, ["output", "firms", "1/10"]),
        "judgments[2].pairs[1]",
        "outside the Saaty scale",
        id="value-below-1-9",
    ),
    pytest.param(
        _pair(0, ["output", "firms", 0]),
        "judgments[2].pairs[1]",
        "must be positive",
        id="value-zero",
    ),
    pytest.param(
        _pair(0, ["output", "firms", -2]),
        "judgments[2].pairs[1]",
        "must be positive",
        id="value-negative",
    ),
    pytest.param(
        _pair(0, ["output", "firms", math.nan]),
        "judgments[2].pairs[1]",
        "must be positive and finite",
        id="value-nan",
    ),
    pytest.param(
        _pair(0, ["output", "firms", "three"]),
        "judgments[2].pairs[1]",
        "cannot read judgment value 'three'",
        id="value-unparsable",
    ),
    pytest.param(
        _pair(0, ["output", "firms", "1/0"]),
        "judgments[2].pairs[1]",
        "divides by zero",
        id="value-division-by-zero",
    ),
    pytest.param(
        _pair(0, ["output", "firms", True]),
        "judgments[2].pairs[1]",
        "must be a number or a string",
        id="value-bool",
    ),
    pytest.param(
        _pair(0, ["output", "firms"]),
        "judgments[2].pairs[1]",
        r"each pair must be \[row, column, value\]",
        id="pair-too-short",
    ),
    pytest.param(
        _set(
            "judgments",
            1,
            "pairs",
            [
                ["output", "firms", 9],
                ["firms", "energy", 9],
                ["output", "energy", "1/9"],
            ],
        ),
        "judgments[2]",
        r"judgments for 'scale/default' are inconsistent: "
        r"CR=\d\.\d+ > 0\.10.*\(output, firms\).*CR <= 0\.10",
        id="inconsistent",
    ),
    pytest.param(
        _set("judgments", 1, "level", "scal"),
        "judgments[2].level",
        r"unknown level 'scal' \(did you mean 'scale'\?\)",
        id="unknown-level",
    ),
    pytest.param(
        _set("judgments", 1, "type", "advanced"),
        "judgments[2].type",
        "unknown cluster type 'advanced'",
        id="unknown-judgment-type",
    ),
    pytest.param(
        _set("judgments", 1, "type", "basic"),
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
        _set("judgments", 1, "pairs", [["output", "firms", 2]]),
        "judgments[2].pairs",
        r"missing judgment\(s\).*or set incomplete = true",
        id="incomplete-flag-needed",
    ),
    # ---- targets ------------------------------------------------------------
    pytest.param(
        _set("target", 0, "indicator", "outpt"),
        "target[1].indicator",
        r"unknown indicator 'outpt' \(did you mean 'output'\?\)",
        id="target-unknown-indicator",
    ),
    pytest.param(
        _set("target", 0, "values", {"frontier": 3}),
        "target.output.values.frontier",
        "unknown cluster type 'frontier'",
        id="target-unknown-type",
    ),
    pytest.param(
        _set("target", 0, "values", {"basic": 0}),
        "target.output.values.basic",
        "must be a finite number > 0",
        id="target-zero",
    ),
    pytest.param(
        _set("target", 0, "values", {"basic": -5}),
        "target.output.values.basic",
        "got -5",
        id="target-negative",
    ),
    pytest.param(
        _set("target", 0, "values", {"basic": "100"}),
        "target.output.values.basic",
        "target must be a number",
        id="target-not-number",
    ),
    pytest.param(
        _append(
            "target", dict(_TARGET, indicator="funds", values={"basic": 2000})
        ),
        "target.funds.values.basic",
        r"outside the valid bounds of 'funds' \[0, 1000\]",
        id="target-out-of-bounds",
    ),
    pytest.param(
        _append("target", dict(_TARGET, values={"basic": 5})),
        "target.output.values.basic",
        "duplicate target for 'output' and type 'basic' "
        r"\(entries 1 and 2\)",
        id="target-duplicate",
    ),
    pytest.param(
        _delete("target", 0, "estimate"),
        "target[1].estimate",
        "missing required field 'estimate'",
        id="target-without-estimate-flag",
    ),
    pytest.param(
        _set("target", 0, "values", {}),
        "target[1].values",
        "no values",
        id="target-empty-values",
    ),
    # ---- recommendations ----------------------------------------------------
    pytest.param(
        _set("recommendation", 0, "type", "advanced"),
        "recommendation[1].type",
        "unknown cluster type 'advanced'",
        id="recommendation-unknown-type",
    ),
    pytest.param(
        _set("recommendation", 0, "dimension", "chain"),
        "recommendation[1].dimension",
        "unknown dimension 'chain'",
        id="recommendation-unknown-dimension",
    ),
    pytest.param(
        _set("recommendation", 0, "indicator", "funds"),
        "recommendation[1].indicator",
        "indicator 'funds' is not in dimension 'scale'",
        id="recommendation-indicator-elsewhere",
    ),
    pytest.param(
        _dup_first("recommendation"),
        "recommendation[2]",
        "duplicate recommendation for type 'basic', dimension 'scale'",
        id="recommendation-duplicate",
    ),
    pytest.param(
        _append("recommendation", dict(_REC, text=" ")),
        "recommendation[2].text",
        "must not be empty",
        id="recommendation-empty-text",
    ),
]


@pytest.mark.parametrize(("mutate", "key", "pattern"), ERROR_CASES)
def test_config_errors(tmp_path, mutate, key, pattern):
    """Each malformed entry raises ConfigError naming the file and key."""
    doc = minimal_doc()
    mutate(doc)
    expect_error(write(tmp_path, doc, "bad_system.toml"), key, pattern)


def test_inconsistent_matrix_reports_cr_and_cells(tmp_path):
    """The CR error carries the CR, the 0.10 threshold and the cells."""
    doc = minimal_doc()
    doc["judgments"][1]["pairs"] = [
        ["output", "firms", 9],
        ["firms", "energy", 9],
        ["output", "energy", "1/9"],
    ]
    path = write(tmp_path, doc)
    err = expect_error(path, "judgments[2]", "inconsistent")
    cr = float(re.search(r"CR=(\d\.\d+)", str(err)).group(1))
    # hand check with this file's own eigen computation
    a = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    assert cr == pytest.approx(eig_weights_cr(a)[1], abs=5e-4)
    assert cr > 0.10


def test_group_that_is_inconsistent_is_refused(tmp_path):
    """The aggregated group matrix is checked; its key names the matrix."""
    doc = minimal_doc()
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
    expect_error(
        write(tmp_path, doc), "judgments.scale/strategic", "inconsistent"
    )


def test_incomplete_that_does_not_connect(tmp_path):
    """Incomplete pairs that leave an element unconnected are refused."""
    doc = minimal_doc()
    doc["judgments"][1]["incomplete"] = True
    doc["judgments"][1]["pairs"] = [["output", "firms", 2]]
    expect_error(
        write(tmp_path, doc),
        "judgments[2].pairs",
        r"\(scale/default\) cannot complete the incomplete judgments",
    )


# --------------------------------------------------------------------------
# the default system
# --------------------------------------------------------------------------


def test_default_path_is_found():
    """default_system_path() points at an existing advanced_manufacturing."""
    path = default_system_path()
    assert path.is_file()
    assert path.name == DEFAULT_SYSTEM_FILE


def test_default_system_equals_its_file():
    """load_system() and load_system(<repo>/indicators/...) agree."""
    repo_file = (
        Path(__file__).resolve().parents[1]
        / "indicators"
        / DEFAULT_SYSTEM_FILE
    )
    assert same_system(load_system(), load_system(repo_file))
