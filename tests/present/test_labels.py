"""Tests for clusterscore.present.labels: the one vocabulary catalogue."""

from __future__ import annotations

import pytest

from clusterscore.errors import ParameterError
from clusterscore.gaps import SEVERITIES
from clusterscore.present import describe_benchmark, label, severity_label
from clusterscore.present.labels import (
    SEVERITY_LABELS,
    TABLE_COLUMNS,
    TERMS,
)


def test_every_entry_has_english_and_chinese():
    """Each concept has one entry with a non-empty en and zh label."""
    for key, (en, zh) in TERMS.items():
        assert en, key
        assert zh, key


def test_attainment_is_one_term_everywhere():
    """Attainment is 达标率 in tables and in the diagnosis; 达成度 is gone."""
    assert label("attainment", "zh") == "达标率"
    assert "达标率" in label("dims_intro", "zh")
    assert label("reason_dimension", "zh").startswith("维度达标率")
    assert "{indicator}达标率" in label("reason_indicator", "zh")
    for _en, zh in TERMS.values():
        assert "达成度" not in zh


def test_table_columns_are_terms():
    """Every column the tables translate is an entry of the catalogue."""
    assert set(TABLE_COLUMNS) <= set(TERMS)
    assert len(set(TABLE_COLUMNS)) == len(TABLE_COLUMNS)
    for key in TABLE_COLUMNS:
        assert label(key, "en") == key  # English headers stay ids


def test_severity_labels_cover_every_severity():
    """Each severity of clusterscore.gaps has an English and Chinese label."""
    assert tuple(SEVERITY_LABELS) == SEVERITIES
    assert [severity_label(s) for s in SEVERITIES] == list(SEVERITIES)
    assert [severity_label(s, "zh") for s in SEVERITIES] == [
        "达标",
        "轻微",
        "较大",
        "严重",
        "无目标值",
        "缺数据",
    ]


def test_english_reasons_match_what_recommendations_write():
    """The English reason templates are the forms of the reason column."""
    assert label("reason_dimension").format(attainment="72.5%") == (
        "dimension attainment 72.5%"
    )
    assert label("reason_critical").format(names="rd, out") == (
        "critical indicator(s): rd, out"
    )


@pytest.mark.parametrize(
    ("provenance", "en", "zh"),
    [
        (
            "system",
            "system (the per-type targets of the indicator file)",
            "指标体系文件中的分类型目标值",
        ),
        (
            "quantile q=0.9 of 20 clusters",
            "quantile q=0.9 of 20 clusters",
            "同类型 20 个集群的 0.9 分位数",
        ),
        (
            "system (fallback: quantile needs >= 5 clusters of a type; 1 in "
            "the table)",
            "system (fallback: quantile needs >= 5 clusters of a type; 1 in "
            "the table)",
            "指标体系文件中的目标值（分位数基准要求同类型至少 5 个集群，"
            "表中只有 1 个）",
        ),
        ("cluster Changsha", "cluster Changsha", "对标集群：Changsha"),
        ("user", "user", "用户给定的目标值"),
        ("something else", "something else", "something else"),
    ],
)
def test_describe_benchmark(provenance, en, zh):
    """Every provenance form is described in English and Chinese."""
    assert describe_benchmark(provenance, "en") == en
    assert describe_benchmark(provenance, "zh") == zh


def test_bad_lang():
    """An unknown language is a ParameterError listing en and zh."""
    with pytest.raises(ParameterError, match="'lang' must be one of"):
        label("title", "fr")


def test_every_column_label_is_translated():
    """Item 9: each table column has a Chinese heading of its own."""
    from clusterscore.present.labels import TABLE_COLUMNS, TERMS

    for key in TABLE_COLUMNS:
        en, zh = TERMS[key]
        assert en == key
        assert (zh and zh != en) or key in {"ci", "cr", "S", "ST"}, key
    zh = [TERMS[k][1] for k in TABLE_COLUMNS]
    assert len(set(zh)) == len(zh)  # no two columns share a heading
