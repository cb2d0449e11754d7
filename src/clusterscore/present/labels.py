"""The vocabulary clusterscore lays out for people, in English and Chinese.

One catalogue, one entry per concept: the column headers of the tables
(`clusterscore.present.tables`), the words of the gap diagnosis
(`clusterscore.present.diagnosis`), the severity labels and the
descriptions of where benchmark targets come from. Dimension, indicator
and type names are not here: they come from the indicator system.

Attainment (value / target, or target / value for cost indicators) is
达标率 everywhere: the severity words are built on 达标 ("target met",
``"none"``) and 未达标 ("short of target"), and 达标率 names how far a
value goes towards 达标. (达成度 was used in the tables before; one term
now serves both.)

Two wordings of one concept remain on purpose and are marked "kept
apart" below; unifying them would change output beyond the attainment
term.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from clusterscore._checks import check_option

__all__ = [
    "LANGS",
    "SEVERITY_LABELS",
    "TABLE_COLUMNS",
    "TERMS",
    "describe_benchmark",
    "label",
    "severity_label",
]

LANGS = ("en", "zh")
"""The languages of the catalogue."""

TERMS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        # columns of the tables (English keeps the ids as headers)
        "rank": ("rank", "排名"),
        "cluster": ("cluster", "集群"),
        "type": ("type", "类型"),
        "score": ("score", "得分"),
        "region": ("region", "区域"),
        "province": ("province", "省份"),
        "indicator": ("indicator", "指标"),
        "dimension": ("dimension", "维度"),
        "value": ("value", "数值"),
        "target": ("target", "目标值"),
        "attainment": ("attainment", "达标率"),
        # kept apart: a gap table's column is 差距等级, the diagnosis says
        # 严重程度 ("severity_heading", "bounds")
        "severity": ("severity", "差距等级"),
        "dimension_weight": ("dimension_weight", "维度权重"),
        "local_weight": ("local_weight", "局部权重"),
        "global_weight": ("global_weight", "全局权重"),
        "ahp": ("ahp", "AHP权重"),
        "entropy": ("entropy", "熵权"),
        "combined": ("combined", "组合权重"),
        "used": ("used", "采用权重"),
        "matrix": ("matrix", "判断矩阵"),
        "n": ("n", "阶数"),
        "lambda_max": ("lambda_max", "最大特征值"),
        "ci": ("ci", "CI"),
        "cr": ("cr", "CR"),
        # the gap diagnosis
        "title": ("Gap diagnosis", "差距诊断"),
        # kept apart: the column header "type" is 类型
        "cluster_type": ("Type", "集群类型"),
        "benchmark": ("Benchmark", "对标基准"),
        "bounds": ("Severity bounds", "严重程度分界"),
        "severity_heading": ("severity", "严重程度"),
        "dims_intro": (
            "Dimensions (weighted attainment of the benchmark; "
            "100% = every target met)",
            "各维度（加权达标率；100% 即全部目标达成）",
        ),
        "dims_heading": ("Dimensions", "各维度"),
        "short": ("short of target", "未达标"),
        "n_short": ("short of target", "未达标指标"),
        "weakest": ("Weakest dimension (short board, 短板)", "短板维度"),
        "also": ("Also below target", "其他未达标维度"),
        "no_weak": ("none: every target is met", "无：全部目标均已达成"),
        "top": (
            "Top gaps (priority = global weight x shortfall)",
            "主要差距（优先度 = 全局权重 × 缺口）",
        ),
        "no_top": ("none", "无"),
        "recs": ("Recommendations", "发展建议"),
        "no_recs": ("none: no dimension is flagged", "无：没有维度被标记"),
        "no_text": (
            "(the indicator file has no recommendation for this type and "
            "dimension)",
            "（指标文件中没有该类型与维度的建议）",
        ),
        "source": ("Source", "出处"),
        "missing": (
            "Not compared (no target or no data)",
            "未比较（无目标值或缺数据）",
        ),
        "vs": (" vs target ", "，目标 "),
        "priority": ("priority", "优先度"),
        # why a recommendation applies; the English forms are the ones
        # `clusterscore.gaps.recommendations` writes in its `reason` column
        "reason_dimension": (
            "dimension attainment {attainment}",
            "维度达标率 {attainment}",
        ),
        "reason_indicator": (
            "{indicator} {value} of target {target}",
            "{indicator}达标率 {attainment}",
        ),
        "reason_critical": (
            "critical indicator(s): {names}",
            "严重差距指标：{names}",
        ),
        "list_sep": (", ", "、"),
    }
)
"""Every label: key -> (English, Chinese)."""

TABLE_COLUMNS = (
    "rank",
    "cluster",
    "type",
    "score",
    "region",
    "province",
    "indicator",
    "dimension",
    "value",
    "target",
    "attainment",
    "severity",
    "dimension_weight",
    "local_weight",
    "global_weight",
    "ahp",
    "entropy",
    "combined",
    "used",
    "matrix",
    "n",
    "lambda_max",
    "ci",
    "cr",
)
"""The keys of `TERMS` that name table columns (`system_labels`)."""

SEVERITY_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "none": ("none", "达标"),
        "minor": ("minor", "轻微"),
        "major": ("major", "较大"),
        "critical": ("critical", "严重"),
        "no target": ("no target", "无目标值"),
        "no data": ("no data", "缺数据"),
    }
)
"""Each severity of `clusterscore.gaps.SEVERITIES`: (English, Chinese)."""

_PROVENANCE = (
    (
        re.compile(
            r"^system \(fallback: quantile needs >= (\d+) clusters "
            r"of a type; (\d+) in the table\)$"
        ),
        r"system (fallback: quantile needs >= \1 clusters of a type; \2 in "
        r"the table)",
        r"指标体系文件中的目标值（分位数基准要求同类型至少 \1 个集群，"
        r"表中只有 \2 个）",
    ),
    (
        re.compile(r"^system$"),
        "system (the per-type targets of the indicator file)",
        "指标体系文件中的分类型目标值",
    ),
    (
        re.compile(r"^quantile q=(\S+) of (\d+) clusters$"),
        r"quantile q=\1 of \2 clusters",
        r"同类型 \2 个集群的 \1 分位数",
    ),
    (re.compile(r"^cluster (.*)$"), r"cluster \1", r"对标集群：\1"),
    (re.compile(r"^user$"), "user", "用户给定的目标值"),
)
"""A benchmark provenance (`Benchmark.provenance`) -> (English, Chinese)."""


def _pick(entry: tuple[str, str], lang: str) -> str:
    return entry[LANGS.index(lang)]


def label(key: str, lang: str = "en") -> str:
    """Return the label of `key` in `lang`.

    Parameters
    ----------
    key : str
        A key of `TERMS`.
    lang : {"en", "zh"}
        The language.

    Returns
    -------
    str
        The label (a template with ``{...}`` fields for the ``reason_*``
        keys).
    """
    check_option("label", "lang", lang, LANGS)
    return _pick(TERMS[key], lang)


def severity_label(severity: str, lang: str = "en") -> str:
    """Return a severity label (one of `SEVERITIES`) in `lang`."""
    return _pick(SEVERITY_LABELS[severity], lang)


def describe_benchmark(provenance: str, lang: str) -> str:
    """Say in `lang` where a type's targets come from.

    Parameters
    ----------
    provenance : str
        A value of `Benchmark.provenance`, such as ``"system"`` or
        ``"quantile q=0.9 of 20 clusters"``.
    lang : {"en", "zh"}
        The language.

    Returns
    -------
    str
        The description; a provenance of no known form is returned as it
        is.
    """
    for pattern, *texts in _PROVENANCE:
        if pattern.match(provenance):
            return pattern.sub(_pick(tuple(texts), lang), provenance)
    return provenance
