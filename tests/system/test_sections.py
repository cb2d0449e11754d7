"""Tests of clusterscore.system.sections: [meta] to [[indicator]]."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

from clusterscore.system import load_system

_HELPERS = Path(__file__).with_name("system_files.py")
_spec = importlib.util.spec_from_file_location("system_files", _HELPERS)
sf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sf)


def test_indicator_order_is_grouped_by_dimension(tmp_path):
    """Indicators are grouped by dimension even when the file interleaves."""
    doc = sf.minimal_doc()
    ind = doc["indicator"]
    doc["indicator"] = [ind[3], ind[0], ind[1], ind[2]]
    s = load_system(sf.write(tmp_path, doc))
    assert s.indicator_ids == ("output", "firms", "energy", "funds")


ERROR_CASES = [
    pytest.param(
        sf.delete_key("meta"),
        "meta",
        r"missing required table \[meta\]",
        id="no-meta",
    ),
    pytest.param(
        sf.delete_key("meta", "format_version"),
        "meta.format_version",
        "missing required field 'format_version'",
        id="no-format-version",
    ),
    pytest.param(
        sf.set_key("meta", "format_version", 2),
        "meta.format_version",
        r"unsupported format_version 2; this clusterscore reads \{1\}",
        id="format-version-2",
    ),
    pytest.param(
        sf.set_key("meta", "format_version", "1"),
        "meta.format_version",
        "must be an integer; got '1'",
        id="format-version-str",
    ),
    pytest.param(
        sf.append_entry(
            "dimension",
            {"id": "empty", "name": "E", "name_zh": "空", "source": "x"},
        ),
        "dimension.empty",
        "dimension 'empty' \\(entry 3\\) has no indicators",
        id="dimension-without-indicators",
    ),
    pytest.param(
        sf.set_key("indicator", 0, "dimension", "scal"),
        "indicator.output.dimension",
        r"unknown dimension 'scal' \(did you mean 'scale'\?\)",
        id="unknown-dimension",
    ),
    pytest.param(
        sf.set_key("indicator", 1, "name_zh", "产值"),
        "indicator.firms.name_zh",
        "duplicate name_zh '产值' \\(also indicator 'output'\\)",
        id="duplicate-name-zh",
    ),
    pytest.param(
        sf.set_key("indicator", 0, "direction", "up"),
        "indicator.output.direction",
        'direction must be "benefit" or "cost"; got \'up\'',
        id="bad-direction",
    ),
    pytest.param(
        sf.set_key("indicator", 3, "lower", 5000),
        "indicator.funds.lower",
        r"bounds \[5000, 1000\] are empty",
        id="lower-above-upper",
    ),
    pytest.param(
        sf.set_key("indicator", 1, "lower", math.inf),
        "indicator.firms.lower",
        "must be a finite number",
        id="infinite-bound",
    ),
    pytest.param(
        sf.delete_key("indicator", 2, "lower"),
        "indicator.energy.lower_open",
        "lower_open = true needs a 'lower' bound",
        id="open-without-lower",
    ),
]


@pytest.mark.parametrize(("mutate", "key", "pattern"), ERROR_CASES)
def test_config_errors(tmp_path, mutate, key, pattern):
    """Each malformed entry raises ConfigError naming the file and key."""
    doc = sf.minimal_doc()
    mutate(doc)
    sf.expect_error(sf.write(tmp_path, doc, "bad_system.toml"), key, pattern)
