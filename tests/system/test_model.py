"""Tests of clusterscore.system.model: the frozen records and lookups."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from clusterscore.system import (
    DEFAULT_TYPE,
    LEVEL_DIMENSIONS,
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    Recommendation,
    Target,
    load_system,
)

_HELPERS = Path(__file__).with_name("system_files.py")
_spec = importlib.util.spec_from_file_location("system_files", _HELPERS)
sf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sf)


def test_objects_are_frozen():
    """Every object is an immutable dataclass with read-only matrices."""
    s = load_system(sf.MINIMAL)
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
    doc = sf.minimal_doc()
    path = sf.write(tmp_path, doc)
    s = load_system(path)
    doc["judgments"][0]["pairs"] = [["scale", "policy", 5]]
    path.write_text(sf.dump_toml(doc), encoding="utf-8")
    assert s.judgments_for("dimensions").matrix[0, 1] == 2.0
    assert load_system(path).judgments_for("dimensions").matrix[0, 1] == 5


# --------------------------------------------------------------------------
# a system built in memory (the constructor does not validate)
# --------------------------------------------------------------------------


def _small() -> IndicatorSystem:
    ind = (
        Indicator("a", "A", "甲", "%", "benefit", "d"),
        Indicator("b", "B", "乙", "%", "cost", "d"),
    )
    one = np.ones((1, 1))
    return IndicatorSystem(
        id="s",
        name="S",
        name_zh="体系",
        format_version=1,
        dimensions=(Dimension("d", "D", "维", ("a", "b")),),
        indicators=ind,
        types=(ClusterType("t", "T", "型"), ClusterType("u", "U", "型二")),
        judgments=(
            Judgments(LEVEL_DIMENSIONS, DEFAULT_TYPE, ("d",), one),
            Judgments("d", DEFAULT_TYPE, ("a", "b"), np.ones((2, 2))),
            Judgments("d", "u", ("a", "b"), np.ones((2, 2))),
        ),
        targets=(Target("a", DEFAULT_TYPE, 5.0), Target("a", "u", 7.0)),
        recommendations=(
            Recommendation("t", "d", "Line for t."),
            Recommendation(DEFAULT_TYPE, "d", "Any type.", indicator="b"),
        ),
    )


def test_in_memory_lookups_and_fallbacks():
    """Ids, signs, names and the type-to-default fallbacks."""
    s = _small()
    assert (s.cluster_types, s.dimension_ids) == (("t", "u"), ("d",))
    assert s.indicator_ids == ("a", "b")
    assert s.directions == ("benefit", "cost")
    assert [i.sign for i in s.indicators] == [1, -1]
    assert s.judgments_for("d", "u").name == "d/u"
    assert s.judgments_for("d", "t").name == "d/default"
    assert s.judgments_for("d").name == "d/default"
    assert s.target("a", "u").value == 7.0
    assert s.target("a", "t").value == 5.0
    assert s.target("b", "t") is None
    assert {k: t.value for k, t in s.targets_for("t").items()} == {"a": 5.0}
    assert s.recommendation("t", "d").text == "Line for t."
    assert s.recommendation("u", "d") is None
    assert [r.text for r in s.recommendations_for("t", "d")] == [
        "Line for t.",
        "Any type.",
    ]
    assert s.path == ""


def test_in_memory_lookups_raise_key_error():
    """Unknown ids and levels without any matrix raise KeyError."""
    s = _small()
    with pytest.raises(KeyError):
        s.indicator("zz")
    with pytest.raises(KeyError):
        s.dimension("zz")
    with pytest.raises(KeyError, match="zz/t"):
        s.judgments_for("zz", "t")


def test_reference_short_and_citation_forms():
    """Author-year forms for 1, 2, 3+ and Chinese authors; no author."""
    from clusterscore.system import Reference

    def ref(*authors, **kw):
        return Reference("k", "T", 2022, tuple(authors), **kw)

    assert ref("A B", journal="J").short == "A B 2022"
    assert ref("A", "B", journal="J").short == "A and B 2022"
    assert ref("A", "B", "C", journal="J").short == "A et al. 2022"
    assert ref("干勇", "谢曼", "王慧", journal="J").short == "干勇等 2022"
    assert ref("干勇", "谢曼", journal="J").short == "干勇、谢曼 2022"
    web = ref(publisher="People's Daily, 2022-09-26", url="http://x")
    assert web.short == "People's Daily, 2022-09-26 2022"
    assert web.inline("p. 1") == (
        "\u201cT\u201d, People's Daily, 2022-09-26, p. 1"
    )
    assert web.citation() == "T (2022). People's Daily, 2022-09-26. http://x"
    paper = ref("A", "B", "C", journal="J", volume="24", issue="2", doi="d")
    assert (
        paper.inline("§4.1") == "A et al. 2022, \u201cT\u201d, J 24(2), §4.1"
    )
    assert paper.citation() == "A, B, C (2022). T. J 24(2). https://doi.org/d"


def test_indicator_units_default_and_default_file_has_chinese_units():
    """unit_zh/unit_aliases are optional; the default file gives unit_zh.

    The Chinese units follow each indicator's definition: money in
    十亿元 (bn CNY), firms in 家, projects in 项, policy documents in 件.
    """
    ind = Indicator("x", "X", "叉", "count", "benefit", "d")
    assert (ind.unit_zh, ind.unit_aliases) == ("", ())
    s = load_system()
    zh = {i.id: i.unit_zh for i in s.indicators}
    assert all(zh.values())
    assert zh["output_value"] == "十亿元"
    assert zh["fiscal_support"] == "十亿元"
    assert zh["national_share"] == "%"
    assert zh["above_size_firms"] == "家"
    assert zh["demonstration_projects"] == "项"
    assert zh["cluster_policy_docs"] == "件"
