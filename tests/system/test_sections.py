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


# --------------------------------------------------------------------------
# [references] and citations (issue 11 item 7)
# --------------------------------------------------------------------------

_GAN = {
    "authors": ["Gan Yong", "Xie Man", "Lian Haiqiang"],
    "year": 2022,
    "title": "Construction of ...",
    "journal": "Strategic Study of CAE",
    "volume": 24,
    "issue": 2,
}


def _with_refs(**refs) -> dict:
    doc = sf.minimal_doc()
    doc["references"] = refs
    return doc


def test_citations_resolve_to_the_publication(tmp_path):
    """First mention: author, year, title, journal, section; later: short."""
    doc = _with_refs(gan2022=_GAN)
    doc["recommendation"][0]["source"] = (
        '[@gan2022 §4.1]: "merge"; [@gan2022 §4.2]: "platforms"'
    )
    s = load_system(sf.write(tmp_path, doc))
    assert s.recommendations[0].source == (
        "Gan Yong et al. 2022, \u201cConstruction of ...\u201d, Strategic "
        'Study of CAE 24(2), §4.1: "merge"; Gan Yong et al. 2022, §4.2: '
        '"platforms"'
    )
    (ref,) = s.references
    assert (ref.key, ref.volume, ref.issue) == ("gan2022", "24", "2")


def test_unknown_reference_key_is_refused(tmp_path):
    """An unknown key is a ConfigError naming the key and the entry."""
    doc = _with_refs(gan2022=_GAN)
    doc["indicator"][1]["source"] = "[@gan2023 §1]"
    err = sf.expect_error(
        sf.write(tmp_path, doc),
        "indicator.firms.source",
        r"unknown reference 'gan2023' in \[@gan2023\] \(did you mean "
        r"'gan2022'\?\)",
    )
    assert "[references.gan2023]" in str(err)


@pytest.mark.parametrize(
    ("mutate", "key", "pattern"),
    [
        pytest.param(
            sf.set_key("type", 0, "source", "[@ gan2022]"),
            "type.basic.source",
            "malformed citation",
            id="malformed-citation",
        ),
        pytest.param(
            sf.set_key("references", "gan2022", "journal", 5),
            "references.gan2022.journal",
            "'journal' must be a string",
            id="reference-field-type",
        ),
        pytest.param(
            sf.delete_key("references", "gan2022", "journal"),
            "references.gan2022",
            "needs a 'journal' or a 'publisher'",
            id="reference-without-venue",
        ),
        pytest.param(
            sf.set_key("references", "gan2022", "authors", ["", "X"]),
            "references.gan2022.authors",
            "array of names",
            id="reference-empty-author",
        ),
        pytest.param(
            sf.set_key("references", "gan2022", "pages", "1-2"),
            "references.gan2022.pages",
            "unknown field 'pages'",
            id="reference-unknown-field",
        ),
    ],
)
def test_reference_errors(tmp_path, mutate, key, pattern):
    """Malformed references and citations name the file and key."""
    doc = _with_refs(gan2022=dict(_GAN))
    mutate(doc)
    sf.expect_error(sf.write(tmp_path, doc), key, pattern)


# --------------------------------------------------------------------------
# type aliases (issue 11 item 8)
# --------------------------------------------------------------------------


def test_type_aliases_are_read(tmp_path):
    """`aliases` on a [[type]] are kept, stripped, in file order."""
    doc = sf.minimal_doc()
    doc["type"][0]["aliases"] = ["基础型", " basic industry "]
    s = load_system(sf.write(tmp_path, doc))
    assert s.types[0].aliases == ("基础型", "basic industry")
    assert s.types[1].aliases == ()


def test_alias_shared_by_two_types_is_refused(tmp_path):
    """An alias naming two types is a ConfigError naming both."""
    doc = sf.minimal_doc()
    doc["type"][0]["aliases"] = ["核心"]
    doc["type"][1]["aliases"] = ["核 心"]  # the same word once normalised
    sf.expect_error(
        sf.write(tmp_path, doc),
        "type.strategic.aliases",
        r"type word '核 心' also names type 'basic'",
    )


def test_alias_equal_to_another_types_name_is_refused(tmp_path):
    """An alias may not be another type's id or name either."""
    doc = sf.minimal_doc()
    doc["type"][1]["aliases"] = ["Basic"]
    sf.expect_error(
        sf.write(tmp_path, doc),
        "type.strategic.aliases",
        "also names type 'basic'",
    )


def test_aliases_must_be_strings(tmp_path):
    """A non-string alias (aliases = [1]) is refused."""
    doc = sf.minimal_doc()
    doc["type"][0]["aliases"] = [1]
    sf.expect_error(
        sf.write(tmp_path, doc), "type.basic.aliases", "array of non-empty"
    )


# --------------------------------------------------------------------------
# indicator units in Chinese and unit aliases (issue 11 item 8)
# --------------------------------------------------------------------------


def test_unit_zh_and_unit_aliases_are_read(tmp_path):
    """`unit_zh` and `unit_aliases` are kept, stripped; both optional."""
    doc = sf.minimal_doc()
    doc["indicator"][0]["unit_zh"] = " 十亿元 "
    doc["indicator"][0]["unit_aliases"] = ["bn CNY", " 十亿元/年 "]
    s = load_system(sf.write(tmp_path, doc))
    first = s.indicator(doc["indicator"][0]["id"])
    assert first.unit_zh == "十亿元"
    assert first.unit_aliases == ("bn CNY", "十亿元/年")
    other = s.indicator(doc["indicator"][1]["id"])
    assert (other.unit_zh, other.unit_aliases) == ("", ())


@pytest.mark.parametrize(
    ("field", "value", "pattern"),
    [
        ("unit_aliases", [1], "array of non-empty"),
        ("unit_aliases", [" "], "array of non-empty"),
        ("unit_aliases", "%", "array"),
        ("unit_zh", 3, "unit_zh"),
    ],
)
def test_bad_unit_fields_are_refused(tmp_path, field, value, pattern):
    """A non-string unit_zh or a bad unit_aliases names the key."""
    doc = sf.minimal_doc()
    doc["indicator"][0][field] = value
    key = f"indicator.{doc['indicator'][0]['id']}.{field}"
    sf.expect_error(sf.write(tmp_path, doc), key, pattern)
