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
from typing import TYPE_CHECKING, cast

from clusterscore._checks import check_option

if TYPE_CHECKING:
    from clusterscore.system import IndicatorSystem

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
        "year": ("year", "年份"),
        "rank_change": ("rank_change", "排名变化"),
        "score_change": ("score_change", "得分变化"),
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
        "no_targets": (
            "none: the benchmark defines no targets for this cluster's type",
            "无：对标基准没有为该集群类型定义目标值",
        ),
        "none_compared": (
            "none: no indicator could be compared (no target or no data)",
            "无：没有可比较的指标（无目标值或缺数据）",
        ),
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
        "colon": (": ", "："),
        # columns of the uncertainty report (``clusterscore sensitivity``)
        "nominal_rank": ("nominal_rank", "基准排名"),
        "median_rank": ("median_rank", "排名中位数"),
        "rank_low": ("rank_low", "排名下限"),
        "rank_high": ("rank_high", "排名上限"),
        "mean_rank": ("mean_rank", "平均排名"),
        "p_top": ("p_top{k}", "前{k}名概率"),
        "mean_abs_shift": ("mean_abs_shift", "平均排名变动"),
        "statistic": ("statistic", "统计量"),
        "spearman": ("spearman", "Spearman相关系数"),
        "kendall": ("kendall", "Kendall相关系数"),
        "mean_abs_rank_shift": ("mean_abs_rank_shift", "平均绝对排名变动"),
        "mean": ("mean", "均值"),
        "median": ("median", "中位数"),
        "q05": ("q05", "5%分位数"),
        "q95": ("q95", "95%分位数"),
        "min": ("min", "最小值"),
        "max": ("max", "最大值"),
        "group": ("group", "输入组"),
        "S": ("S", "一阶指数S"),
        "S_low": ("S_low", "S下限"),
        "S_high": ("S_high", "S上限"),
        "ST": ("ST", "总效应指数ST"),
        "ST_low": ("ST_low", "ST下限"),
        "ST_high": ("ST_high", "ST上限"),
        # the input groups of the uncertainty analysis
        "dimension_judgments": ("dimension_judgments", "维度判断"),
        "indicator_judgments": ("indicator_judgments", "指标判断"),
        "alpha": ("alpha", "AHP权重占比alpha"),
        "method": ("method", "集结方法"),
        "normalization": ("normalization", "标准化方法"),
        # the text of the uncertainty report
        "unc_title": (
            "Rank uncertainty ({used} of {n} samples; varied: {varied})",
            "排名不确定性（{n} 个样本中采用 {used} 个；扰动：{varied}）",
        ),
        "nothing": ("nothing", "无"),
        "nominal_options": (
            "nominal ranking: weighting={weighting} (combine={combine}"
            "{alpha}), method={method}, normalization={normalization}, "
            "missing={missing}",
            "基准排名：权重={weighting}（组合={combine}{alpha}），"
            "集结方法={method}，标准化={normalization}，缺失值={missing}",
        ),
        "unc_legend": (
            "rank_low / rank_high: the {lo} and {hi} quantiles of the "
            "sampled ranks; p_top{k}: probability of a rank <= {k}.",
            "排名下限 / 排名上限：抽样排名的 {lo} 与 {hi} 分位数；"
            "前{k}名概率：排名在前 {k} 名以内的概率。",
        ),
        "agreement_title": (
            "Agreement with the nominal ranking",
            "与基准排名的一致性",
        ),
        "cr_share": (
            "perturbed matrices above CR {max_cr}: {share} of draws on "
            "average (cr_rule={cr_rule}).",
            "一致性比率 CR 超过 {max_cr} 的扰动矩阵：平均占抽样的 {share}"
            "（处理方式 cr_rule={cr_rule}）。",
        ),
        "sobol_title": (
            "Sobol sensitivity of the mean absolute rank shift (N={n}, "
            "{runs} runs, {conf} bootstrap intervals)",
            "平均绝对排名变动的 Sobol 敏感性（N={n}，{runs} 次运行，"
            "{conf} 自助法置信区间）",
        ),
        # the summary under a ranking (`Evaluation.summary` in English)
        "ev_head": (
            "clusterscore {version}: {n} clusters, {k} weighted indicators",
            "clusterscore {version}：{n} 个集群，{k} 个有权重的指标",
        ),
        "ev_head_panel": (
            "clusterscore {version}: {n} cluster-years, {k} weighted "
            "indicators",
            "clusterscore {version}：{n} 个集群-年度记录，{k} 个有权重的指标",
        ),
        # the notes of a panel's summary (`scoring.panel.panel_notes`)
        "ev_panel_changes": (
            "rank_change = previous rank - rank (> 0: moved up), "
            "score_change = score - previous score, against the cluster's "
            "latest earlier year; NaN in its first year",
            "排名变化 = 上期排名 - 本期排名（> 0：名次上升），得分变化 = "
            "本期得分 - 上期得分，上期为该集群此前最近的年份；首个年份为空",
        ),
        "ev_panel_global": (
            "panel=global: one normalisation and one set of weights over "
            "all years; scores are comparable across years",
            "面板模式=global：所有年份统一标准化、统一权重；得分可跨年份比较",
        ),
        "ev_panel_per_year": (
            "panel=per_year: each year normalised and weighted on its own; "
            "scores are comparable only within a year",
            "面板模式=per_year：每个年份单独标准化、单独赋权；得分只能在同一"
            "年份内比较",
        ),
        "ev_objective": (
            "objective={objective}, ri={ri}, max_cr={max_cr}",
            "客观权重={objective}，随机一致性指标表={ri}，"
            "一致性比率上限={max_cr}",
        ),
        "ev_options": (
            "weighting={weighting} (combine={combine}, alpha={alpha}), "
            "method={method}{own}, normalization={normalization}, "
            "by_type={by_type}, missing={missing}",
            "权重={weighting}（组合={combine}，alpha={alpha}），"
            "集结方法={method}{own}，标准化={normalization}，"
            "分类型={by_type}，缺失值={missing}",
        ),
        "ev_matrices": ("AHP matrices: {crs}", "AHP判断矩阵：{crs}"),
        "ev_imputed": (
            "imputed {n} cell(s) by median",
            "以中位数填补 {n} 个缺失值",
        ),
        "ev_dropped": ("dropped indicator(s): {names}", "剔除的指标：{names}"),
        "note_imputed": (
            "imputed {cluster} / {indicator} = {value} (median of {basis})",
            "已填补 {cluster} / {indicator} = {value}（{basis}的中位数）",
        ),
        "basis_type": ("its type", "同类型集群"),
        "basis_all": ("all", "全部集群"),
        "note_dropped": (
            "dropped indicator(s) with missing values: {names}",
            "剔除了有缺失值的指标：{names}",
        ),
        # the weights command
        "weights_for": ("AHP weights for cluster type", "AHP权重，集群类型"),
        "default_type": ("default (type-agnostic)", "通用（不分类型）"),
        "weights_data": ("objective weights from", "客观权重数据"),
        "combine": ("combine", "组合方式"),
        "game_theory": ("game-theory coefficients", "博弈论组合系数"),
        # the compare command
        "compare_ranks": (
            "Ranks by method/weighting",
            "各方法/权重下的排名",
        ),
        "compare_spearman": (
            "Spearman rank correlation",
            "Spearman 秩相关系数",
        ),
        "compare_kendall": ("Kendall tau-b", "Kendall tau-b 相关系数"),
        "variant": ("variant", "方法/权重"),
        # the obstacles and coupling commands, the obstacles of a diagnosis
        "obstacle": ("obstacle", "障碍度"),
        "dimension_obstacle": ("dimension_obstacle", "维度障碍度"),
        "position": ("position", "位次"),
        "deviation": ("deviation", "偏离度"),
        "C": ("C", "耦合度 C"),
        "T": ("T", "综合发展指数 T"),
        "D": ("D", "耦合协调度 D"),
        "grade": ("grade", "协调等级"),
        "grade_name": ("grade_name", "协调等级名称"),
        "obstacles_title": (
            "Top obstacles (obstacle degree, % of the weighted shortfall)",
            "主要障碍因子（障碍度，占加权差距的百分比）",
        ),
        "dimension_obstacles_title": (
            "Dimension obstacles (%)",
            "维度障碍度（%）",
        ),
        "coupling_title": (
            "Coupling coordination of the dimensions ({form} form)",
            "各维度的耦合协调度（{form}形式）",
        ),
        "form_corrected": ("corrected", "修正"),
        "form_classic": ("classic", "经典"),
        "obstacles_vs_gaps": (
            "Obstacles measure the distance to the best observed cluster "
            "under the weights; gaps measure the distance to the benchmark "
            "targets.",
            "障碍度衡量在权重下与观测到的最优集群的距离；差距衡量与基准目标值"
            "的距离。",
        ),
        # the validate command
        "valid": (
            "{file}: valid: {n} clusters ({by_type}), {k} indicators{holes}",
            "{file}：有效：{n} 个集群（{by_type}），{k} 个指标{holes}",
        ),
        "holes": ("; {n} missing value(s)", "；{n} 个缺失值"),
        "error": ("error", "错误"),
        "warning": ("warning", "警告"),
    }
)
"""Every label: key -> (English, Chinese)."""

TABLE_COLUMNS = (
    "rank",
    "cluster",
    "type",
    "score",
    "year",
    "rank_change",
    "score_change",
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
    "nominal_rank",
    "median_rank",
    "rank_low",
    "rank_high",
    "mean_rank",
    "mean_abs_shift",
    "statistic",
    "spearman",
    "kendall",
    "mean_abs_rank_shift",
    "mean",
    "median",
    "q05",
    "q95",
    "min",
    "max",
    "group",
    "S",
    "S_low",
    "S_high",
    "ST",
    "ST_low",
    "ST_high",
    "dimension_judgments",
    "indicator_judgments",
    "alpha",
    "method",
    "normalization",
    "variant",
    "obstacle",
    "position",
    "deviation",
    "C",
    "T",
    "D",
    "grade",
    "grade_name",
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
            en_zh = cast("tuple[str, str]", tuple(texts))
            return pattern.sub(_pick(en_zh, lang), provenance)
    return provenance


def system_labels(system: IndicatorSystem, lang: str) -> dict[str, str]:
    """Column and value labels for `lang` from the system's names.

    English keeps ids as they are (stable, scriptable headers); Chinese
    uses the column labels of this catalogue (`TABLE_COLUMNS`) and the
    system's Chinese names for dimensions, indicators and types.
    """
    if lang != "zh":
        return {}
    labels = {key: label(key, "zh") for key in TABLE_COLUMNS}
    labels.update({d.id: d.name_zh for d in system.dimensions})
    labels.update({i.id: i.name_zh for i in system.indicators})
    labels.update({t.id: t.name_zh for t in system.types})
    return labels
