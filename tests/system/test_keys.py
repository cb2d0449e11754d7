"""Tests of clusterscore.system.keys: fields, arrays of tables, ids."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from typing import Any

import pytest

from clusterscore.errors import ConfigError
from clusterscore.system.keys import (
    Source,
    check_id,
    entries,
    fields,
    fmt,
    named_entries,
    suggest,
)

_HELPERS = Path(__file__).with_name("system_files.py")
_spec = importlib.util.spec_from_file_location("system_files", _HELPERS)
sf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sf)


def _dup_first_indicator(doc: dict[str, Any]) -> None:
    clone = copy.deepcopy(doc["indicator"][0])
    clone["name_zh"] = "另一个"
    doc["indicator"].append(clone)


ERROR_CASES = [
    pytest.param(
        sf.delete_key("meta", "name"),
        "meta.name",
        "missing required field 'name'",
        id="meta-no-name",
    ),
    pytest.param(
        sf.set_key("meta", "extra", 1),
        "meta.extra",
        "unknown field 'extra'",
        id="meta-unknown-field",
    ),
    pytest.param(
        sf.set_key("indicator", {"id": "x"}),
        "indicator",
        r"must be an array of tables, written \[\[indicator\]\]",
        id="table-not-array",
    ),
    pytest.param(
        sf.delete_key("type"),
        "type",
        r"missing required table \[\[type\]\]",
        id="no-types",
    ),
    pytest.param(
        sf.dup_first("type"),
        "type.basic.id",
        "duplicate type id 'basic' \\(entries 1 and 3\\)",
        id="duplicate-type",
    ),
    pytest.param(
        sf.set_key("type", 0, "id", "default"),
        "type.default.id",
        "id 'default' is reserved",
        id="reserved-type",
    ),
    pytest.param(
        sf.dup_first("dimension"),
        "dimension.scale.id",
        "duplicate dimension id 'scale'",
        id="duplicate-dimension",
    ),
    pytest.param(
        sf.set_key("dimension", 1, "id", "Policy Env"),
        "dimension[2].id",
        "must be snake_case",
        id="bad-id-syntax",
    ),
    pytest.param(
        _dup_first_indicator,
        "indicator.output.id",
        "duplicate indicator id 'output' \\(entries 1 and 5\\)",
        id="duplicate-indicator",
    ),
    pytest.param(
        sf.delete_key("indicator", 1, "unit"),
        "indicator.firms.unit",
        "missing required field 'unit'",
        id="missing-field",
    ),
    pytest.param(
        sf.set_key("indicator", 1, "integer", "yes"),
        "indicator.firms.integer",
        "'integer' must be a boolean \\(true/false\\); got 'yes'",
        id="wrong-type-bool",
    ),
    pytest.param(
        sf.set_key("indicator", 0, "lower", "0"),
        "indicator.output.lower",
        "'lower' must be a number",
        id="wrong-type-number",
    ),
    pytest.param(
        sf.set_key("indicator", 0, "lower", True),
        "indicator.output.lower",
        "'lower' must be a number",
        id="bool-is-not-a-number",
    ),
    pytest.param(
        sf.set_key("indicator", 0, "name", ""),
        "indicator.output.name",
        "'name' must not be empty",
        id="empty-string",
    ),
    pytest.param(
        sf.set_key("indicator", 0, "integr", True),
        "indicator.output.integr",
        r"unknown field 'integr'.*\(did you mean 'integer'\?\)",
        id="unknown-field-typo",
    ),
    pytest.param(
        sf.set_key("indicator", 0, "id", "cluster"),
        "indicator.cluster.id",
        "id 'cluster' is reserved",
        id="reserved-column",
    ),
]


@pytest.mark.parametrize(("mutate", "key", "pattern"), ERROR_CASES)
def test_config_errors(tmp_path, mutate, key, pattern):
    """Each malformed entry raises ConfigError naming the file and key."""
    doc = sf.minimal_doc()
    mutate(doc)
    sf.expect_error(sf.write(tmp_path, doc, "bad_system.toml"), key, pattern)


# --------------------------------------------------------------------------
# the helpers on their own
# --------------------------------------------------------------------------

SRC = Source("f.toml", {"thing": [{"id": "a"}, {"id": "a"}], "one": 3})
SPEC = {"id": (str, True), "size": (float, False), "on": (bool, False)}


def _fails(call, key: str | None, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        call()
    assert (info.value.path, info.value.key) == ("f.toml", key)
    assert str(info.value) == message


def test_fail_names_file_and_key():
    """``'<file>: <key>: <problem>'``, or no key part without a key."""
    err = SRC.fail("a.b", "bad.")
    assert (str(err), err.path, err.key) == (
        "f.toml: a.b: bad.",
        "f.toml",
        "a.b",
    )
    assert str(SRC.fail(None, "bad.")) == "f.toml: bad."


def test_fmt_and_suggest():
    """Values as messages show them; close matches are suggested."""
    assert [fmt(v) for v in ("x", True, False, {}, [], 1.5)] == [
        "'x'",
        "true",
        "false",
        "a table",
        "an array",
        "1.5",
    ]
    assert suggest("integr", ("integer", "id")) == " (did you mean 'integer'?)"
    assert suggest("zzz", ("integer",)) == ""


def test_fields_accepts_ints_as_floats_but_not_bools():
    """An integer is a number; true is neither a number nor a string."""
    assert fields(SRC, {"id": "a", "size": 2}, "k", SPEC, "[x]") == {
        "id": "a",
        "size": 2,
    }
    _fails(
        lambda: fields(SRC, {"id": "a", "size": True}, "k", SPEC, "[x]"),
        "k.size",
        "f.toml: k.size: 'size' must be a number; got true.",
    )
    _fails(
        lambda: fields(SRC, {"id": "a", "on": 1}, "k", SPEC, "[x]"),
        "k.on",
        "f.toml: k.on: 'on' must be a boolean (true/false); got 1.",
    )
    _fails(
        lambda: fields(SRC, "a", "k", SPEC, "[x]"),
        "k",
        "f.toml: k: must be a table; got 'a'.",
    )


def test_entries_and_check_id():
    """An absent optional table is empty; ids are snake_case, not reserved."""
    assert entries(SRC, "none", False) == []
    _fails(
        lambda: entries(SRC, "one", False),
        "one",
        "f.toml: one: must be an array of tables, written [[one]]; got 3.",
    )
    check_id(SRC, "k", "ok_1", ())
    _fails(
        lambda: check_id(SRC, "k", "x", ("x", "y")),
        "k",
        "f.toml: k: id 'x' is reserved; do not use 'x', 'y'.",
    )


def test_named_entries_keys_and_duplicates():
    """Entries are keyed by id; a repeated id names both entries."""
    _fails(
        lambda: named_entries(SRC, "thing", {"id": (str, True)}, ()),
        "thing.a.id",
        "f.toml: thing.a.id: duplicate thing id 'a' (entries 1 and 2).",
    )
    one = Source("f.toml", {"thing": [{"id": "a"}, {"id": "Bad"}]})
    _fails(
        lambda: named_entries(one, "thing", {"id": (str, True)}, ()),
        "thing[2].id",
        "f.toml: thing[2].id: id 'Bad' must be snake_case: a lower-case "
        "letter followed by lower-case letters, digits or '_'.",
    )
