"""Tests of the ``[[raw]]`` and ``derive`` declarations (system.derived).

Each refusal writes ``examples/derived_system.toml`` changed in one place
and pins the ConfigError's key.
"""

from __future__ import annotations

import copy
import importlib.util
import tomllib
from pathlib import Path

import pytest

from clusterscore.system import load_system

_HELPERS = Path(__file__).with_name("system_files.py")
_spec = importlib.util.spec_from_file_location("system_files", _HELPERS)
sf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sf)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples"
SYSTEM = EXAMPLE / "derived_system.toml"
with SYSTEM.open("rb") as _fh:
    _DOC = tomllib.load(_fh)


def _doc():
    return copy.deepcopy(_DOC)


def _indicator(doc, ind_id):
    return next(e for e in doc["indicator"] if e["id"] == ind_id)


def test_example_declares_raw_columns_and_derivations():
    system = load_system(SYSTEM)
    assert [r.id for r in system.raw] == [
        "output",
        "firms",
        "cluster_employment",
        "region_employment",
    ]
    assert all(r.dimension == "" for r in system.raw)
    # indicator_ids is unchanged: the derived indicators are indicators
    assert system.indicator_ids == (
        "output_per_firm",
        "lq_employment",
        "export_share",
        "rd_intensity",
        "patents",
    )
    lq = system.indicator("lq_employment").derive
    assert lq.kind == "lq"
    assert lq.operand("local_total") == "region_employment"
    assert lq.operand("national_total") == 200000.0
    assert lq.raw_ids == ("cluster_employment", "region_employment")
    ratio = system.indicator("output_per_firm").derive
    assert (ratio.kind, ratio.scale) == ("ratio", 1.0)
    assert system.indicator("export_share").derive is None
    # the input columns: plain indicators, then the raw columns
    assert [c.id for c in system.input_columns] == [
        "export_share",
        "rd_intensity",
        "patents",
        "output",
        "firms",
        "cluster_employment",
        "region_employment",
    ]


@pytest.mark.parametrize(
    ("kind", "operands", "scale"),
    [
        ("share", {"part": "output", "whole": "firms"}, 100.0),
        ("per_capita", {"numerator": "output", "population": "firms"}, 1.0),
        ("per_area", {"numerator": "output", "area": "firms"}, 1.0),
        ("growth", {"new": "output", "old": "firms"}, 100.0),
        ("ratio", {"numerator": "output", "denominator": "firms"}, 1.0),
    ],
)
def test_each_kind_loads(tmp_path, kind, operands, scale):
    doc = _doc()
    _indicator(doc, "output_per_firm")["derive"] = {"kind": kind, **operands}
    system = load_system(sf.write(tmp_path, doc))
    d = system.indicator("output_per_firm").derive
    assert d.kind == kind
    assert d.operands == tuple(operands.items())
    assert d.scale == scale


def test_ratio_takes_a_scale(tmp_path):
    doc = _doc()
    _indicator(doc, "output_per_firm")["derive"]["scale"] = 1000
    system = load_system(sf.write(tmp_path, doc))
    assert system.indicator("output_per_firm").derive.scale == 1000.0


KEY = "indicator.output_per_firm.derive"


@pytest.mark.parametrize(
    ("derive", "key", "pattern"),
    [
        (
            {"kind": "ratio", "numerator": "outptu", "denominator": "firms"},
            f"{KEY}.numerator",
            r"unknown raw column 'outptu'.*did you mean 'output'",
        ),
        (
            {"kind": "quotient", "numerator": "output"},
            f"{KEY}.kind",
            r"unknown kind 'quotient'.*'ratio'",
        ),
        ({"numerator": "output"}, f"{KEY}.kind", r"missing 'kind'"),
        (
            {"kind": "ratio", "numerator": "output"},
            f"{KEY}.denominator",
            r"missing operand 'denominator'",
        ),
        (
            {"kind": "ratio", "numerator": "output", "denominator": "patents"},
            f"{KEY}.denominator",
            r"'patents' is an indicator, not a raw column",
        ),
        (
            {
                "kind": "ratio",
                "numerator": "output",
                "denominator": "lq_employment",
            },
            f"{KEY}.denominator",
            r"'lq_employment' is an indicator, not a raw column",
        ),
        (
            {"kind": "share", "part": "output", "whole": "firms", "scale": 2},
            f"{KEY}.scale",
            r"unknown field 'scale' for kind 'share'",
        ),
        (
            {"kind": "ratio", "numerator": "output", "denominator": 5},
            f"{KEY}.denominator",
            r"must be a \[\[raw\]\] id",
        ),
        (
            {
                "kind": "ratio",
                "numerator": "output",
                "denominator": "firms",
                "scale": 0,
            },
            f"{KEY}.scale",
            r"scale must be a positive number",
        ),
        ("ratio", KEY, r"must be a table"),
    ],
)
def test_bad_derivation_is_refused_by_key(tmp_path, derive, key, pattern):
    doc = _doc()
    _indicator(doc, "output_per_firm")["derive"] = derive
    sf.expect_error(sf.write(tmp_path, doc), key, pattern)


def test_lq_national_constant_must_be_positive(tmp_path):
    doc = _doc()
    _indicator(doc, "lq_employment")["derive"]["national_total"] = 0
    key = "indicator.lq_employment.derive.national_total"
    sf.expect_error(sf.write(tmp_path, doc), key, r"positive number")


def test_raw_id_clashing_with_an_indicator_id(tmp_path):
    doc = _doc()
    doc["raw"][0]["id"] = "patents"
    _indicator(doc, "output_per_firm")["derive"]["numerator"] = "patents"
    sf.expect_error(
        sf.write(tmp_path, doc), "raw.patents.id", r"also an indicator id"
    )


def test_raw_entry_is_checked_like_an_indicator(tmp_path):
    doc = _doc()
    doc["raw"][1]["colour"] = "red"
    sf.expect_error(
        sf.write(tmp_path, doc), "raw.firms.colour", r"unknown field 'colour'"
    )
    doc = _doc()
    doc["raw"][1]["id"] = "type"
    sf.expect_error(sf.write(tmp_path, doc), "raw.type.id", r"reserved")
    doc = _doc()
    doc["raw"][1]["lower"] = 10
    doc["raw"][1]["upper"] = 1
    sf.expect_error(
        sf.write(tmp_path, doc), "raw.firms.lower", r"lower must be below"
    )
    doc = _doc()
    doc["raw"][1]["id"] = "output"
    sf.expect_error(sf.write(tmp_path, doc), "raw.output.id", r"duplicate")


def test_a_system_without_raw_columns_is_unchanged():
    system = load_system()
    assert system.raw == ()
    assert system.input_columns == system.indicators
    assert all(i.derive is None for i in system.indicators)
