"""Tests for clusterscore.present.messages: the Chinese error catalogue.

The check codes are read from the validator's source, not copied; the
rendering of whole errors is tested in test_zh_errors.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import clusterscore as cs
from clusterscore.errors import (
    DataError,
)
from clusterscore.present.messages import (
    CHECKS,
    DATA_PATTERNS,
    MESSAGES,
    YEAR_CHECKS,
)

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "clusterscore"
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
PANEL = ROOT / "examples" / "national_clusters_panel.csv"
SYSTEM = cs.load_system()


def _add_codes(path: Path) -> set[str]:
    """Return the codes given as constants to ``table.add(...)``."""
    codes = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "add"
            and len(node.args) >= 4
            and isinstance(node.args[3], ast.Constant)
        ):
            codes.add(node.args[3].value)
    return codes


def _compared_codes(path: Path) -> set[str]:
    """Return the codes a module compares its pandera ``check`` name with."""
    codes = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Compare)
            and isinstance(node.left, ast.Name)
            and node.left.id == "check"
        ):
            continue
        for right in node.comparators:
            for c in ast.walk(right):
                if isinstance(c, ast.Constant) and isinstance(c.value, str):
                    codes.add(c.value)
    return codes


def _schema_codes(path: Path) -> set[str]:
    """Return the names of the pandera checks the schema module builds."""
    codes = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        for kw in node.keywords:
            if kw.arg == "name" and isinstance(kw.value, ast.Constant):
                codes.add(kw.value.value)
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id == "_bound_check"
            and isinstance(node.args[0], ast.Constant)
        ):
            codes.add(node.args[0].value)
    return codes


def _validator_codes() -> set[str]:
    io = SRC / "io"
    return (
        _add_codes(io / "validate.py")
        | _add_codes(io / "cells.py")
        | _compared_codes(io / "validate.py")
        | _schema_codes(SRC / "system" / "schema.py")
    )


def test_every_check_code_has_a_chinese_template():
    """Each code the validator can emit (read from its source) has a line."""
    codes = _validator_codes()
    # the enumeration itself finds the codes a reader knows are there
    assert {"numeric", "min", "max", "unique", "no_rows"} <= codes
    assert {"not_nullable", "min_exclusive"} <= codes
    assert codes <= set(CHECKS), codes - set(CHECKS)


def test_every_year_check_has_a_year_template():
    """The year column's checks (schema and parser) are worded for years."""
    schema = cs.build_schema(SYSTEM)
    year = {c.name for c in schema.columns["year"].checks}
    year |= {"not_nullable", "numeric", "unique"}
    assert year <= set(YEAR_CHECKS)


def test_catalogue_is_chinese():
    """Every template has Chinese words or Chinese punctuation in it."""
    chinese = re.compile(r"[\u2026\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    for table in (MESSAGES, CHECKS, YEAR_CHECKS):
        for key, text in table.items():
            assert chinese.search(text) or text == "{detail}", key


def test_file_patterns_match_the_library(tmp_path):
    """The patterns match what the reader really says."""
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "head.csv").write_text("cluster,type\n", encoding="utf-8")
    for name in ("missing.csv", "empty.csv", "head.csv"):
        with pytest.raises(DataError) as info:
            cs.read_clusters(tmp_path / name, SYSTEM)
        text = str(info.value)
        assert any(p.match(text) for p, _ in DATA_PATTERNS), text
