"""Tests of clusterscore.system.targets: [[target]], [[recommendation]]."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from clusterscore.system import Indicator, load_system
from clusterscore.system.targets import _bounds_text, _within

_HELPERS = Path(__file__).with_name("system_files.py")
_spec = importlib.util.spec_from_file_location("system_files", _HELPERS)
sf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sf)


def test_targets_and_recommendations(tmp_path):
    """Targets expand per type; lookups fall back to the default type."""
    doc = sf.minimal_doc()
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
    s = load_system(sf.write(tmp_path, doc))
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


_TARGET = {
    "indicator": "output",
    "values": {"default": 1},
    "estimate": True,
    "source": "x",
}


_REC = {"type": "basic", "dimension": "policy", "text": "t", "source": "x"}


ERROR_CASES = [
    pytest.param(
        sf.set_key("target", 0, "indicator", "outpt"),
        "target[1].indicator",
        r"unknown indicator 'outpt' \(did you mean 'output'\?\)",
        id="target-unknown-indicator",
    ),
    pytest.param(
        sf.set_key("target", 0, "values", {"frontier": 3}),
        "target.output.values.frontier",
        "unknown cluster type 'frontier'",
        id="target-unknown-type",
    ),
    pytest.param(
        sf.set_key("target", 0, "values", {"basic": 0}),
        "target.output.values.basic",
        "must be a finite number > 0",
        id="target-zero",
    ),
    pytest.param(
        sf.set_key("target", 0, "values", {"basic": -5}),
        "target.output.values.basic",
        "got -5",
        id="target-negative",
    ),
    pytest.param(
        sf.set_key("target", 0, "values", {"basic": "100"}),
        "target.output.values.basic",
        "target must be a number",
        id="target-not-number",
    ),
    pytest.param(
        sf.append_entry(
            "target", dict(_TARGET, indicator="funds", values={"basic": 2000})
        ),
        "target.funds.values.basic",
        r"outside the valid bounds of 'funds' \[0, 1000\]",
        id="target-out-of-bounds",
    ),
    pytest.param(
        sf.append_entry("target", dict(_TARGET, values={"basic": 5})),
        "target.output.values.basic",
        "duplicate target for 'output' and type 'basic' "
        r"\(entries 1 and 2\)",
        id="target-duplicate",
    ),
    pytest.param(
        sf.delete_key("target", 0, "estimate"),
        "target[1].estimate",
        "missing required field 'estimate'",
        id="target-without-estimate-flag",
    ),
    pytest.param(
        sf.set_key("target", 0, "values", {}),
        "target[1].values",
        "no values",
        id="target-empty-values",
    ),
    pytest.param(
        sf.set_key("recommendation", 0, "type", "advanced"),
        "recommendation[1].type",
        "unknown cluster type 'advanced'",
        id="recommendation-unknown-type",
    ),
    pytest.param(
        sf.set_key("recommendation", 0, "dimension", "chain"),
        "recommendation[1].dimension",
        "unknown dimension 'chain'",
        id="recommendation-unknown-dimension",
    ),
    pytest.param(
        sf.set_key("recommendation", 0, "indicator", "funds"),
        "recommendation[1].indicator",
        "indicator 'funds' is not in dimension 'scale'",
        id="recommendation-indicator-elsewhere",
    ),
    pytest.param(
        sf.dup_first("recommendation"),
        "recommendation[2]",
        "duplicate recommendation for type 'basic', dimension 'scale'",
        id="recommendation-duplicate",
    ),
    pytest.param(
        sf.append_entry("recommendation", dict(_REC, text=" ")),
        "recommendation[2].text",
        "must not be empty",
        id="recommendation-empty-text",
    ),
]


@pytest.mark.parametrize(("mutate", "key", "pattern"), ERROR_CASES)
def test_config_errors(tmp_path, mutate, key, pattern):
    """Each malformed entry raises ConfigError naming the file and key."""
    doc = sf.minimal_doc()
    mutate(doc)
    sf.expect_error(sf.write(tmp_path, doc, "bad_system.toml"), key, pattern)


@pytest.mark.parametrize(
    ("lower", "upper", "lower_open", "text", "inside", "outside"),
    [
        (0.0, None, True, "(0, inf)", [1e-9, 5.0], [0.0, -1.0]),
        (0.0, 100.0, False, "[0, 100]", [0.0, 100.0], [-1e-9, 100.5]),
        (None, None, False, "(-inf, inf)", [-5.0, 5.0], []),
    ],
)
def test_bounds_of_a_target(lower, upper, lower_open, text, inside, outside):
    """A target must lie in its indicator's bounds, written as intervals."""
    ind = Indicator(
        "x",
        "X",
        "十",
        "%",
        "benefit",
        "d",
        lower=lower,
        upper=upper,
        lower_open=lower_open,
    )
    assert _bounds_text(ind) == text
    assert all(_within(ind, v) for v in inside)
    assert not any(_within(ind, v) for v in outside)
