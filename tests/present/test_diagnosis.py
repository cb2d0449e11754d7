"""Tests for clusterscore.present.diagnosis: a Diagnosis laid out as text.

The crafted system and tables are those of tests/gaps/crafted.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from clusterscore.errors import (
    FallbackWarning,
    ParameterError,
)
from clusterscore.gaps import (
    diagnose,
)
from clusterscore.present import diagnosis_markdown, diagnosis_text


def _load_crafted():
    """Load tests/gaps/crafted.py once: the crafted system and tables."""
    name = "gaps_crafted"
    if name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "gaps" / "crafted.py"
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


crafted = _load_crafted()
CRAFTED = crafted.CRAFTED
SYSTEM = crafted.SYSTEM
WEIGHTS = crafted.WEIGHTS
EXPECTED_SEVERITY = crafted.EXPECTED_SEVERITY
quantile_table = crafted.quantile_table
TARGETS = crafted.TARGETS
make_system = crafted.make_system


def test_diagnosis_text_one_cluster():
    """str(d) lays out the header, weakest dimension and recommendations."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS, k=2)
    text = str(d)
    assert "Gap diagnosis: B2" in text
    assert "Weakest dimension (short board, 短板): Services (66.7%)" in text
    assert "Merge." in text
    assert "Source: seed 000 §4.1" in text
    assert "(the indicator file has no recommendation" in text


def test_diagnose_chinese():
    """to_text(lang='zh') uses Chinese names and text_zh."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS)
    text = d.to_text(lang="zh")
    assert "差距诊断: B2" in text
    assert "基础型" in text
    assert "兼并重组。" in text
    assert "促进机构成熟度" in text
    assert "较大" in text  # major
    md = d.to_markdown(lang="zh")
    assert md.startswith("## 差距诊断: B2")
    assert "| 规模 | 72.5% | 较大 | 2/2 |" in md


def test_diagnose_text_without_chinese_text_falls_back_to_english():
    """A recommendation with no text_zh shows its English text in zh."""
    d = diagnose(CRAFTED, SYSTEM, "S1", weights=WEIGHTS, min_severity="minor")
    assert "Build platforms." in d.to_text(lang="zh")


def test_diagnosis_text_no_gap():
    """A cluster meeting every target says so."""
    d = diagnose(CRAFTED, SYSTEM, "B1", weights=WEIGHTS)
    assert "none: every target is met" in d.to_text()


def test_diagnosis_text_quantile_provenance():
    """With a quantile benchmark the text says where targets came from."""
    with pytest.warns(FallbackWarning):
        d = diagnose(
            quantile_table(), SYSTEM, "S2", "quantile", weights=WEIGHTS
        )
    assert "Benchmark: quantile q=0.9 of 5 clusters" in d.to_text()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_methods_are_the_present_functions(lang):
    """to_text / to_markdown give what diagnosis_text / _markdown give."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS)
    assert d.to_text(lang=lang) == diagnosis_text(d, lang)
    assert d.to_text(lang=lang, width=40) == diagnosis_text(d, lang, 40)
    assert d.to_markdown(lang=lang) == diagnosis_markdown(d, lang)


def test_chinese_reasons_use_the_attainment_term():
    """Chinese reasons say 达标率 and list critical indicators with 、."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS)
    text = diagnosis_text(d, "zh")
    assert "维度达标率 72.5%" in text
    assert "促进机构成熟度达标率 66.7%" in text
    assert "达成度" not in text
    d = diagnose(
        CRAFTED, SYSTEM, "B2", weights=WEIGHTS, min_severity="critical"
    )
    assert "(较大; 严重差距指标：研发):" in diagnosis_text(d, "zh")
    assert "(major; critical indicator(s): rd):" in diagnosis_text(d)


def test_not_compared_indicators_are_listed():
    """Cells with no target or no data are listed at the end."""
    targets = {t: dict(v) for t, v in TARGETS.items()}
    del targets["strategic"]["rd"]
    d = diagnose(CRAFTED, make_system(targets), "S1", weights=WEIGHTS)
    assert diagnosis_text(d).endswith(
        "Not compared (no target or no data): R&D (no target)"
    )
    assert diagnosis_text(d, "zh").endswith(
        "未比较（无目标值或缺数据）: 研发 (无目标值)"
    )


def test_bad_lang():
    """An unknown language is a ParameterError naming the function."""
    d = diagnose(CRAFTED, SYSTEM, "B2", weights=WEIGHTS)
    with pytest.raises(ParameterError, match=r"diagnosis_text\(\)"):
        diagnosis_text(d, "fr")
    with pytest.raises(ParameterError, match=r"diagnosis_markdown\(\)"):
        diagnosis_markdown(d, "fr")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "none: the benchmark defines no targets for this cluster's type",
        ),
        ("zh", "无：对标基准没有为该集群类型定义目标值"),
    ],
)
def test_no_targets_is_not_every_target_met(lang, said):
    """16.17: a type without targets says so, not 'every target is met'."""
    system = make_system(targets={"strategic": TARGETS["strategic"]})
    d = diagnose(CRAFTED, system, "B2", weights=WEIGHTS)
    text, md = d.to_text(lang=lang), d.to_markdown(lang=lang)
    assert said in text
    assert said in md
    assert "every target is met" not in text
    assert "全部目标均已达成" not in text


def test_nothing_compared_says_so():
    """Targets exist but no indicator has both a target and a value."""
    system = make_system(targets={"basic": {"out": 100.0}})
    table = CRAFTED.copy()
    table.loc[table["cluster"] == "B2", "out"] = float("nan")
    d = diagnose(table, system, "B2", weights=WEIGHTS, allow_missing=True)
    assert set(d.gaps["severity"]) == {"no target", "no data"}
    assert (
        "none: no indicator could be compared (no target or no data)"
        in d.to_text()
    )
    assert "无：没有可比较的指标（无目标值或缺数据）" in d.to_text(lang="zh")


def test_top_gaps_show_the_unit_in_the_language():
    """The top-gap line gives the unit (unit_zh in Chinese), as English."""
    from clusterscore.io import read_clusters
    from clusterscore.system import load_system

    system = load_system()
    root = Path(__file__).resolve().parents[2]
    table = read_clusters(root / "examples" / "national_clusters.csv", system)
    name = "Changsha Construction Machinery"
    # its output value is 200 bn CNY/yr against the strategic target 400
    d = diagnose(table, system, name, k=25)
    assert "200 vs target 400 bn CNY/yr -> 50.0%" in d.to_text()
    zh = d.to_text(lang="zh")
    assert "主导产业产值 [集群规模]: 200，目标 400 十亿元 -> 50.0%" in zh
    assert "bn CNY" not in zh
