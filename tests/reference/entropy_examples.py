"""Published worked examples of objective weighting methods (golden values).

Each entry gives the source, the decision matrix, the normalisation the
source used and the weights as printed there (to the printed precision),
with a ``status`` as in ``ahp_examples.py``: ``"stored-copy"`` (read in a
stored copy of the publication: ``stored_copy`` says where) or
``"transcription"`` (taken from a third party's transcription).

Stored copies (``WANG_QIAN_2023``, ``ZHAO_LI_2022``, ``LIU_2022``): full
texts of the papers stored as text files (PDF-to-markdown conversions with
the journal's running heads, DOI and page markers) in the search tool's
GitHub file index, which names a file by an id (and, where it could be
recovered, by repository and path). All three come from one public
collection of converted evaluation-method papers,
Leo-loong/Mathematical-Modeling-Competition-Work-Area.

Transcriptions (the five examples from Xu 2004 on). The matrices
and printed weights were taken from the reference tests of the crispyn
package, read in the stored copy energyinpython/crispyn
``tests/test_weighting_methods.py`` (commit 0464efd8): each test there
cites the paper (author, year, journal, DOI) and compares against the
paper's printed weights at the precision used below; the numbers here are
identical to that file. No stored copy of any of the five papers could be
read (searches of the stored web pages for Xu 2004 and the others found
none), so these are transcriptions, not re-reads of the papers. Every
example is reproduced by clusterscore to the last printed digit, which
cross-checks the transcription (a typo would show up as a mismatch). Note
that crispyn calls its CRITIC with no criterion types, i.e. on un-reversed
data, which is how the Tus & Aytac Adali numbers are reproduced below.

All four entropy sources compute the shares from the raw values
(``normalization="sum"``) and use the raw shares for cost criteria too;
the weights they print are reproduced with or without directions, as
clusterscore documents for ``"sum"``.
"""

from __future__ import annotations

from dataclasses import dataclass

BENEFIT, COST = "benefit", "cost"


@dataclass(frozen=True)
class Example:
    """One published example."""

    source: str
    where: str
    matrix: tuple[tuple[float, ...], ...]
    directions: tuple[str, ...]
    normalization: str
    weights: tuple[float, ...]
    decimals: int
    status: str = "transcription"
    stored_copy: str = ""
    shift: float = 0.0
    #: printed weights that differ from the exact computation, by index,
    #: with the reason; checked at ``tolerance``, every other exactly
    deviations: tuple[tuple[int, str], ...] = ()
    tolerance: float = 0.0


#: 王凤山, 钱津 (2023). 基于变权TOPSIS模型的围岩质量评价方法研究. 舰船电子
#: 工程 (Ship Electronic Engineering), 43(1), 134-137, 191.
#: doi:10.3969/j.issn.1672-9730.2023.01.028. Table 1 (围岩稳定性质量评价
#: 样本集: sections s1-s4; Rc, RQD, Kv, groundwater A, V, theta) and the
#: entropy column alpha of Table 2. Method (eqs. 2-6): range
#: standardisation, then p_ij = (1 + s'_ij) / sum_i (1 + s'_ij) (eq. 5),
#: k = 1 / ln m. The paper does not list the directions; groundwater A (a
#: worse state is a larger value) as cost and the rest as benefit is, of
#: the 64 assignments, the one that reproduces the column (theta's own
#: direction is immaterial: its min-max values are symmetric under
#: reversal, so reversing it gives the same weights).
WANG_QIAN_2023 = Example(
    source="Wang & Qian (2023), 舰船电子工程 43(1), 134-137",
    where="Table 1 data, Table 2 entropy weights (alpha)",
    matrix=(
        (127, 81, 0.68, 47, 5200, 63),
        (106, 68, 0.57, 73, 3500, 54),
        (78, 51, 0.62, 112, 2900, 41),
        (83, 49, 0.45, 105, 3200, 32),
    ),
    directions=(BENEFIT, BENEFIT, BENEFIT, COST, BENEFIT, BENEFIT),
    normalization="minmax",
    shift=1.0,
    weights=(0.17672, 0.18779, 0.13247, 0.17699, 0.17516, 0.15089),
    decimals=5,
    status="stored-copy",
    stored_copy="GitHub file index id 68915301627 (full text of the paper)",
)

#: 赵洪山, 李静璇 (2022). 基于PSR和改进灰色TOPSIS的园区客户能效评估模型.
#: 中国电力 (Electric Power), 55(3). doi:10.11930/j.issn.1004-9649.202010084.
#: Table 2 (标准化能效指标数据, 10 customers, already made benefit-type and
#: vector-normalised) without the power-factor column, which section 5.1
#: drops, and the weights printed in section 5.1: "W=[0.0734, 0.0813,
#: 0.1044, 0.3278, 0.2106, 0.1002, 0.1023]". The printed weights are the
#: min-max entropy weights of the table (the paper's eq. 13 describes raw
#: shares, which give quite different numbers). Min-max is invariant to the
#: affine vector normalisation, so this is min-max entropy of the benefit-
#: type data. One weight differs in the last digit; see ``deviations``.
ZHAO_LI_2022 = Example(
    source="Zhao & Li (2022), 中国电力 55(3)",
    where="Table 2 data (7 indicators kept), weights W of section 5.1",
    matrix=(
        (0.0000, 0.3619, 0.3279, 0.1582, 0.0921, 0.3978, 0.2981),
        (0.3771, 0.3655, 0.4392, 0.5742, 0.2866, 0.2428, 0.4472),
        (0.2963, 0.3645, 0.2156, 0.1601, 0.4912, 0.4578, 0.2981),
        (0.2107, 0.3541, 0.2380, 0.4563, 0.0461, 0.3950, 0.1491),
        (0.2489, 0.3197, 0.5087, 0.4487, 0.4503, 0.3744, 0.2981),
        (0.3567, 0.3725, 0.4075, 0.2243, 0.4912, 0.3835, 0.4472),
        (0.3796, 0.0000, 0.1247, 0.2491, 0.0870, 0.2890, 0.0000),
        (0.3719, 0.1359, 0.2996, 0.2444, 0.0000, 0.1431, 0.1491),
        (0.3662, 0.3723, 0.0000, 0.1350, 0.4503, 0.1611, 0.4472),
        (0.3463, 0.2813, 0.2574, 0.1407, 0.1075, 0.0000, 0.2981),
    ),
    directions=(BENEFIT,) * 7,
    normalization="minmax",
    weights=(0.0734, 0.0813, 0.1044, 0.3278, 0.2106, 0.1002, 0.1023),
    decimals=4,
    status="stored-copy",
    stored_copy="GitHub file index id 68989290615 (full text of the paper)",
    deviations=(
        (
            1,
            "0.081356 from the table as printed (4 decimals); moving the "
            "inputs within their rounding (+-0.00005) moves it over "
            "0.08131-0.08140, so the printed 0.0813 is within the input's "
            "precision",
        ),
    ),
    tolerance=1e-4,
)

#: 柳庆芳, 王以宪, 左兆迎, 兰盈盈 (2022). 基于熵权-Topsis法的加油站综合
#: 服务质量评价研究. 中国检验检测 (China Inspection Body & Laboratory),
#: 2022(6), 87-89, 83. doi:10.16428/j.cnki.cn10-1469/tb.2022.06.024.
#: Ten petrol stations scored on seven management indicators (A-G, out of
#: 100, all benefit). Method as printed: min-max ("Y1A = (75 - 75)/(100 -
#: 75) = 0"), shares, e_j = -(ln n)^-1 sum p ln p with 0 ln 0 = 0, and
#: "(WA, WB, ..., WG) = (0.21 0.12 0.20 0.12 0.11 0.12 0.13)"; then TOPSIS
#: on the weighted min-max matrix with Euclidean distances, closeness
#: "C" printed for the ten stations (checked in tests/test_aggregate.py).
#: Low precision (2 decimals) but every printed number is reproduced.
LIU_2022 = Example(
    source="Liu, Wang, Zuo & Lan (2022), 中国检验检测 2022(6), 87-89",
    where="station scores and the weights W_A..W_G (section 2)",
    matrix=(
        (75, 100, 85, 85, 75, 85, 85),
        (80, 85, 70, 95, 85, 70, 95),
        (100, 85, 95, 80, 95, 95, 80),
        (95, 95, 70, 85, 80, 75, 75),
        (85, 85, 75, 70, 85, 95, 85),
        (95, 95, 80, 95, 95, 85, 70),
        (75, 80, 90, 75, 85, 85, 95),
        (85, 75, 85, 95, 70, 95, 75),
        (90, 95, 75, 85, 95, 80, 95),
        (80, 85, 85, 100, 85, 80, 85),
    ),
    directions=(BENEFIT,) * 7,
    normalization="minmax",
    weights=(0.21, 0.12, 0.20, 0.12, 0.11, 0.12, 0.13),
    decimals=2,
    status="stored-copy",
    stored_copy=(
        "Leo-loong/Mathematical-Modeling-Competition-Work-Area @ 7c6f909, "
        "kb/source/第二批提取后/数学建模国赛速成资料汇总！/数学建模各类创新型"
        "算法汇总！/【评价模型】改进或组合评价模型汇总（2）/【模型】基于熵权-"
        "Topsis法的评价模型研究 (2)【公众号：数学建模老哥】.md (full text of "
        "the paper; file index id 69268886070)"
    ),
)

#: Liu et al. (2022): the TOPSIS closeness C of the ten stations, printed.
LIU_2022_CLOSENESS = (
    0.45,
    0.39,
    0.72,
    0.44,
    0.43,
    0.58,
    0.47,
    0.46,
    0.55,
    0.49,
)

#: The examples read in stored copies of the publications.
VERIFIED_ENTROPY_EXAMPLES = (WANG_QIAN_2023, ZHAO_LI_2022, LIU_2022)


#: Xu, X. (2004). A note on the subjective and objective integrated
#: approach to determine attribute weights. European Journal of Operational
#: Research, 156(2), 530-532. https://doi.org/10.1016/S0377-2217(03)00146-2
#: Column 4 is almost constant (29, 29, 28.9, 29): entropy weight 0.0000.
XU_2004 = Example(
    source="Xu (2004), EJOR 156(2), 530-532",
    where="numerical example, entropy weights",
    matrix=(
        (30, 30, 38, 29),
        (19, 54, 86, 29),
        (19, 15, 85, 28.9),
        (68, 70, 60, 29),
    ),
    directions=(BENEFIT,) * 4,
    normalization="sum",
    weights=(0.4630, 0.3992, 0.1378, 0.0000),
    decimals=4,
)

#: Zavadskas, E. K., & Podvezko, V. (2016). Integrated determination of
#: objective criteria weights in MCDM. International Journal of Information
#: Technology & Decision Making, 15(2), 267-283.
#: https://doi.org/10.1142/S0219622016500036
#: Criteria 1 and 3 are cost criteria; the entropy weights use raw shares.
ZAVADSKAS_PODVEZKO_2016 = Example(
    source="Zavadskas & Podvezko (2016), IJITDM 15(2), 267-283",
    where="illustrative example, entropy weights",
    matrix=(
        (3.0, 100, 10, 7),
        (2.5, 80, 8, 5),
        (1.8, 50, 20, 11),
        (2.2, 70, 12, 9),
    ),
    directions=(COST, BENEFIT, COST, BENEFIT),
    normalization="sum",
    weights=(0.1146, 0.1981, 0.4185, 0.2689),
    decimals=4,
)

#: Ersoy, Y. (2021). Equipment selection for an e-commerce company using
#: entropy-based TOPSIS, EDAS and CODAS methods during the COVID-19.
#: LogForum, 17(3). https://doi.org/10.17270/J.LOG.2021.603
ERSOY_2021 = Example(
    source="Ersoy (2021), LogForum 17(3)",
    where="entropy weights of the six equipment criteria",
    matrix=(
        (256, 8, 41, 1.6, 1.77, 7347.16),
        (256, 8, 32, 1.0, 1.8, 6919.99),
        (256, 8, 53, 1.6, 1.9, 8400),
        (256, 8, 41, 1.0, 1.75, 6808.9),
        (512, 8, 35, 1.6, 1.7, 8479.99),
        (256, 4, 35, 1.6, 1.7, 7499.99),
    ),
    directions=(BENEFIT,) * 6,
    normalization="sum",
    weights=(0.405, 0.221, 0.134, 0.199, 0.007, 0.034),
    decimals=3,
)

#: Lee, H. C., & Chang, C. T. (2018). Comparative analysis of MCDM methods
#: for ranking renewable energy sources in Taiwan. Renewable and Sustainable
#: Energy Reviews, 92, 883-896. https://doi.org/10.1016/j.rser.2018.05.007
LEE_CHANG_2018 = Example(
    source="Lee & Chang (2018), RSER 92, 883-896",
    where="entropy weights of the ten criteria",
    matrix=(
        (4550, 30, 6.74, 20, 15, 5, 85, 150, 0.87, 4.76),
        (3005, 60.86, 2.4, 35, 27, 4, 26, 200, 0.17, 4.51),
        (2040, 14.85, 1.7, 90, 25, 5, 26, 500, 0.27, 4.19),
        (3370, 99.4, 3.25, 25.3, 54, 3, 45, 222, 0.21, 3.78),
        (3920, 112.6, 4.93, 11.4, 71.7, 2, 50, 100, 0.25, 4.11),
    ),
    directions=(
        COST,
        COST,
        COST,
        BENEFIT,
        BENEFIT,
        BENEFIT,
        COST,
        COST,
        BENEFIT,
        BENEFIT,
    ),
    normalization="sum",
    weights=(
        0.026,
        0.154,
        0.089,
        0.199,
        0.115,
        0.04,
        0.08,
        0.123,
        0.172,
        0.002,
    ),
    decimals=3,
)

ENTROPY_EXAMPLES = (
    XU_2004,
    ZAVADSKAS_PODVEZKO_2016,
    ERSOY_2021,
    LEE_CHANG_2018,
)

#: Tus, A., & Aytac Adali, E. (2019). The new combination with CRITIC and
#: WASPAS methods for the time and attendance software selection problem.
#: Opsearch, 56(2), 528-538. https://doi.org/10.1007/s12597-019-00371-6
#: Criterion 1 (price) is a cost criterion. The printed CRITIC weights are
#: reproduced when the correlations are taken on the un-reversed data,
#: i.e. ``critic_weights(X)`` with all-benefit directions (sigma does not
#: depend on the reversal, the correlation's sign does). With the cost
#: column reversed as Diakoulaki et al. (1995) prescribe, the weights differ
#: (see the test). Documented in docs/methodology.md.
TUS_AYTAC_ADALI_2019 = Example(
    source="Tus & Aytac Adali (2019), Opsearch 56(2), 528-538",
    where="CRITIC weights of the six software-selection criteria",
    matrix=(
        (5000, 3, 3, 4, 3, 2),
        (680, 5, 3, 2, 2, 1),
        (2000, 3, 2, 3, 4, 3),
        (600, 4, 3, 1, 2, 2),
        (800, 2, 4, 3, 3, 4),
    ),
    directions=(BENEFIT,) * 6,
    normalization="minmax",
    weights=(0.157, 0.249, 0.168, 0.121, 0.154, 0.151),
    decimals=3,
)


# --------------------------------------------------------------- CRITIC
# Two CRITIC applications read in stored full texts (same collection as
# the entropy examples above). Both skip the min-max step of Diakoulaki et
# al. (1995); ``critic_weights(normalization=...)`` expresses each.

#: 胥明, 许杰, 万友生, 覃君, 吴波, 谢云杰 (2022). 基于CRITIC法与TOPSIS地铁
#: 车站施工安全评价. 自然灾害学报 (Journal of Natural Disasters), 31(3),
#: 157-166. doi:10.13577/j.jnd.2022.0316. Stored copy: file index id
#: 69233581048 (full text). The evaluation matrix Q has, per indicator,
#: the expert-mean score / 100 (Table 5) and the four grade nodes 0.2,
#: 0.4, 0.6, 0.8 (the same in every column); CRITIC on Q as given
#: (``normalization="none"``). Table 6 prints the weights in percent (2
#: decimals) and the group sums A 10.83, B 33.26, C 46.03, D 9.89
#: (groups of 3, 7, 7, 3 indicators). Deviations: B6 is printed 4.03,
#: but its score equals B1's (84.8), so its column and weight equal B1's
#: 4.09 (and the printed B sum 33.26 needs 4.09): a misprint. C2 is
#: printed 3.73 for 3.744 (the printed C sum 46.03 holds with 3.744).
XU_2022_SCORES = (
    81.6, 81, 85.2, 84.8, 89, 82.8, 89, 89.2, 84.8, 89.2,
    62.4, 63.4, 45.4, 62.4, 54.8, 51.2, 62.6, 76.6, 79.6, 85.2,
)  # fmt: skip
XU_2022_WEIGHTS_PERCENT = (
    3.37, 3.26, 4.20, 4.09, 5.33, 3.62, 5.33, 5.39, 4.03, 5.39,
    4.03, 3.73, 13.73, 4.03, 7.19, 9.35, 3.97, 2.66, 3.02, 4.20,
)  # fmt: skip
XU_2022_GROUPS = (
    ("A", 3, 10.83),
    ("B", 7, 33.26),
    ("C", 7, 46.03),
    ("D", 3, 9.89),
)
XU_2022_DEVIATIONS = {
    8: "B6 printed 4.03; its column equals B1's, so its weight is B1's 4.09",
    11: "C2 printed 3.73 for 3.744 (the printed C sum 46.03 needs 3.744)",
}


def xu_2022_matrix() -> tuple[tuple[float, ...], ...]:
    """Return the 5 x 20 matrix Q of Xu et al. (2022)."""
    first = tuple(v / 100 for v in XU_2022_SCORES)
    nodes = tuple((g,) * len(first) for g in (0.2, 0.4, 0.6, 0.8))
    return (first, *nodes)


#: 王平义, 张帆, 牟萍, 赵聪聪 (2022). 基于改进CRITIC法的整治建筑物服役状态
#: 综合评价. 水道港口 (Journal of Waterway and Harbor), 43(1), 59-67.
#: Stored copy: file index id 69002976299 (full text). "Improved CRITIC"
#: (eqs. 1-8): C_j = V_j sum_k (1 - r_kj) with V_j = S_j / mean_j, the
#: coefficient of variation in place of sigma (``normalization="mean"``),
#: applied within each of four groups of sub-criteria (Table 3, samples
#: 1-9; sample 10 is held out) and again to the group scores
#: Y_p = X_p w_p. Printed (section 3.2, 4 decimals): W1 .. W4 and the
#: criterion weights W.
WANG_2022_GROUPS = (
    (
        (100, 80, 60, 80, 80),
        (80, 80, 100, 100, 80),
        (100, 100, 40, 60, 80),
        (100, 100, 80, 80, 80),
        (80, 40, 80, 80, 60),
        (100, 100, 60, 60, 80),
        (100, 100, 80, 80, 80),
        (100, 100, 80, 80, 80),
        (100, 100, 60, 40, 80),
    ),
    (
        (80, 80, 60, 100),
        (80, 40, 80, 100),
        (80, 80, 80, 60),
        (80, 80, 40, 80),
        (80, 60, 60, 80),
        (20, 40, 40, 40),
        (60, 60, 60, 100),
        (60, 60, 80, 100),
        (60, 40, 40, 100),
    ),
    (
        (60, 60, 100, 60),
        (80, 60, 100, 60),
        (80, 80, 40, 60),
        (60, 60, 60, 60),
        (80, 60, 80, 60),
        (20, 40, 40, 40),
        (60, 80, 100, 60),
        (60, 60, 60, 80),
        (60, 40, 100, 60),
    ),
    (
        (40, 60, 60),
        (60, 60, 60),
        (60, 60, 60),
        (80, 80, 60),
        (80, 80, 80),
        (60, 60, 40),
        (100, 100, 80),
        (60, 80, 60),
        (60, 60, 60),
    ),
)
WANG_2022_GROUP_WEIGHTS = (
    (0.1015, 0.2028, 0.3215, 0.3035, 0.0708),
    (0.1952, 0.2836, 0.2686, 0.2526),
    (0.2184, 0.2301, 0.4012, 0.1502),
    (0.3736, 0.2588, 0.3675),
)
WANG_2022_CRITERION_WEIGHTS = (0.1917, 0.2520, 0.2445, 0.3119)
