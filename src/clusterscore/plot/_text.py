"""Figure labels in English and Chinese, and the system's names by language.

The words drawn on the figures (titles, axis labels, legends) live here;
the names of dimensions, indicators and cluster types come from the
indicator system (``name`` / ``name_zh``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from clusterscore.system import IndicatorSystem

__all__ = ["TEXT", "Names"]

TEXT = {
    "en": {
        "score": "Score (0-100)",
        "ranking": "Ranking: score and the dimensions' contributions",
        "ranking_topsis": "Ranking: TOPSIS score (marker) and dimension "
        "sub-scores side by side",
        "ranking_caption_sum": "Each bar is the score; its segments are "
        "the dimensions' contributions W_d x S_d (they add up to it).",
        "ranking_caption_geo": "Each bar is the score; its segments split "
        "it in proportion to W_d ln S_d (the geometric mean's exact "
        "decomposition in logs).",
        "ranking_caption_topsis": "TOPSIS does not decompose: the bars are "
        "the dimension sub-scores, the marker is the score.",
        "type": "Cluster type",
        "dimension": "Dimension",
        "profile": "Profile: dimension sub-scores and benchmark attainment",
        "subscore": "sub-score",
        "attainment": "attainment (100 % = every target met)",
        "benchmark": "benchmark (100 %)",
        "gaps": "Gaps against the benchmark targets",
        "severity": "Severity",
        "none": "target met",
        "minor": "minor",
        "major": "major",
        "critical": "critical",
        "no data": "no data / no target",
        "weights": "Indicator weights",
        "weight": "Weight",
        "ahp": "AHP",
        "entropy": "entropy",
        "combined": "combined",
        "intervals": "Rank with its {lo:.0f}-{hi:.0f} % interval "
        "({n} Monte Carlo samples)",
        "rank": "Rank (1 = best)",
        "nominal": "nominal rank",
        "median": "median rank",
        "sobol": "Sobol indices of the mean rank shift",
        "S": "first order S",
        "ST": "total effect ST",
        "dimension_judgments": "dimension judgments",
        "indicator_judgments": "indicator judgments",
        "alpha": "AHP share alpha",
        "method": "aggregation method",
        "normalization": "normalisation",
    },
    "zh": {
        "score": "得分（0-100）",
        "ranking": "排名：得分及各维度贡献",
        "ranking_topsis": "排名：TOPSIS得分（标记）与各维度分项得分",
        "ranking_caption_sum": "条长为得分，各段为维度贡献 W_d×S_d"
        "（相加即得分）。",
        "ranking_caption_geo": "条长为得分，各段按 W_d ln S_d 分配"
        "（几何平均的对数精确分解）。",
        "ranking_caption_topsis": "TOPSIS得分不可分解：条为各维度分项"
        "得分，标记为总得分。",
        "type": "集群类型",
        "dimension": "维度",
        "profile": "画像：维度分项得分与标杆达成度",
        "subscore": "分项得分",
        "attainment": "达成度（100% = 全部达标）",
        "benchmark": "标杆（100%）",
        "gaps": "对照标杆目标的差距",
        "severity": "差距等级",
        "none": "达标",
        "minor": "轻度",
        "major": "较大",
        "critical": "严重",
        "no data": "无数据/无目标",
        "weights": "指标权重",
        "weight": "权重",
        "ahp": "AHP",
        "entropy": "熵权",
        "combined": "组合",
        "intervals": "排名及其{lo:.0f}-{hi:.0f}%区间（{n}次蒙特卡洛抽样）",
        "rank": "排名（1为最优）",
        "nominal": "名义排名",
        "median": "排名中位数",
        "sobol": "平均排名变动的Sobol指数",
        "S": "一阶指数 S",
        "ST": "总效应指数 ST",
        "dimension_judgments": "维度判断",
        "indicator_judgments": "指标判断",
        "alpha": "AHP占比 alpha",
        "method": "集成方法",
        "normalization": "标准化方法",
    },
}
"""Words on the figures, by language."""


class Names:
    """The system's names of dimensions, indicators and types in `lang`."""

    def __init__(self, system: IndicatorSystem, lang: str) -> None:
        self.system = system
        self.lang = lang

    def _name(self, obj: Any, fallback: str) -> str:
        if obj is None:
            return fallback
        if self.lang == "zh" and getattr(obj, "name_zh", None):
            return str(obj.name_zh)
        return str(getattr(obj, "name", "") or fallback)

    def dimension(self, did: str) -> str:
        """Return the dimension's name."""
        dims = {d.id: d for d in self.system.dimensions}
        return self._name(dims.get(did), did)

    def indicator(self, iid: str) -> str:
        """Return the indicator's name."""
        inds = {i.id: i for i in self.system.indicators}
        return self._name(inds.get(iid), iid)

    def type(self, tid: str) -> str:
        """Return the cluster type's name."""
        types = {t.id: t for t in self.system.types}
        return self._name(types.get(tid), tid)

    def text(self, key: str, **fmt: Any) -> str:
        """Return a figure word in the language, formatted with `fmt`."""
        s = TEXT[self.lang][key]
        return s.format(**fmt) if fmt else s
