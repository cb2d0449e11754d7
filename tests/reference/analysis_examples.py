"""Published worked examples for the analyses (VIKOR, GRA, coupling, obstacle).

Each entry records the citation, where its numbers were read and a
``status`` as in ``ahp_examples.py`` and ``entropy_examples.py``:

``"stored-copy"``
    Read in a stored copy of the publication (``where`` says which).
``"transcription"``
    Taken from a third party's transcription of the publication (here:
    the reference tests of pymcdm, which cite the papers), not from a
    stored copy of the publication itself; kept as a golden test because
    the numbers are reproduced to the last printed digit, which
    cross-checks the transcription.
``"not found"``
    No published worked example with both the inputs and the printed
    results could be read in any stored copy; the tests use the hand
    calculation recorded here instead (``hand``), never invented
    published numbers.

Sources searched with the search tool (corpora pages, code, docs;
``find_string``, ``read_file``, ``fetch``) on 2026-12-02:

- Opricovic & Tzeng (2004): the stored web copies (moam.info, scribd)
  show only the paper's first page; the VIKOR steps were read in
  transcriptions of the paper's section 3 (tickerdossier.com/wiki/
  vikor-method, owiki.org/wiki/VIKOR_method, a scribd "vicor-Method"
  page); the numerical example's data and Q were read in pymcdm's test
  suite (repository kotbaton/pymcdm, ``test/test_mcdm.py``, class
  ``TestVIKOR``, commit 76e77351), which cites the paper.
- Deng (1982, 1989), Kuo et al. (2008): no stored copy found; the GRA
  formulas were read in the stored copies of Wikipedia's "Grey
  relational analysis" and of Materials 14(4):808 (2021), Algorithm 1
  (pmc.ncbi.nlm.nih.gov/articles/PMC7914686), which state Deng's
  coefficient with the two-level min/max and rho = 0.5, and in
  pyDecision (Valdecy/pyDecision ``pyDecision/algorithm/gra.py``, commit
  56cd81d6). No worked example with printed grades was found.
- 王淑佳 et al. (2021): the journal's stored pages show the abstract
  (jnr.ac.cn/article/2021/1000-3037/1000-3037-36-3-793.shtml) and Table 8
  (.../T7.html: C of the original and the modified model, 13 cities,
  2008-2015), but not the main text with the formulas nor the
  subsystem scores U behind Table 8, so Table 8 cannot be reproduced; it
  serves for a consistency check instead (``WANG_2021_TABLE8``).
  The modified formula was read in transcriptions that cite the paper:
  the vignette of the R package ``coupling`` (stscl.github.io/coupling/
  articles/ccd.html and CRAN mirrors) and the documentation of the R
  package mathmodels (zhjx19.github.io/mathmodels). The ten grades of D
  were read in the stored copy of 田深圳 et al. (2021) 地理学报 76(4),
  Table 1 (geog.com.cn/article/2021/0375-5444/0375-5444-76-4-781/T1.html).
- Obstacle degree: the formula was read in the stored full text of
  奥勇 et al., 基于格网GIS的黄河流域土地生态质量综合评价, 干旱区地理,
  section 2.6.2 (GitHub file index id 7246099545); like every other
  study found, it prints mean obstacle degrees (its Table 4) but not the
  normalised values of a unit together with its obstacles, so no golden.

Searched again on 2026-12-02 (a second session), for stored full texts
with printed inputs and results. What the tools reach: the ``pages``
corpus holds web pages from their beginning (with a few further chunks),
so a table deep in an article is out of reach unless the journal serves
it as a page of its own (PMC ``/table/...`` pages, Chinese journals'
``.../T<n>.html`` pages, as for Wang et al. Table 8); the GitHub index
(``find_string``, ``read_file``) holds code and a few converted papers.
Queries: GRA coefficient/grade tables (English and 灰色关联), VIKOR S/R/Q
tables, obstacle-degree tables (障碍度, 因子贡献度, 指标偏离度), coupling
tables with U, C, T and D (耦合度, 协调度, 综合评价指数). Seen, but with only
the first page or the abstract stored, so no table could be read:
Kadirvel & Hariharan (2014), Materiali in tehnologije 48(1), 27 (Taguchi
GRA; the dlib.si full-text stream); Lin & Lin (2002), Int. J. Machine
Tools & Manufacture 42, 237-244 (moam.info); Processes 12(6):1212
(2024, weighted GRA; a mirror's first page); Chatterjee & Chakraborty
(2016), Decision Science Letters 5, 469-486 (VIKOR variants; 1library);
Materials 14(4):808 (only its Algorithm 1 page); 王淑佳 et al. (2021)
(only Table 8 and the abstract, as before); a provincial coupling thesis
on 751com.cn (U values of one subsystem, not the pairs with C and D).
Found and added: Opricovic & Tzeng (2007), four weight sets with S, R, Q,
conditions and compromise sets, and the S, R, conditions and compromise
of Opricovic & Tzeng (2004), both in scikit-criteria's tests (a second
transcription, independent of pymcdm's, that agrees with it): still
``"transcription"``. GRA, the obstacle degree and the coupling forms stay
``"not found"``: no stored copy with a unit's inputs and its printed
results was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BENEFIT, COST = "benefit", "cost"


@dataclass(frozen=True)
class Example:
    """One worked example (published or, if none was found, by hand)."""

    source: str
    where: str
    status: str
    matrix: tuple[tuple[float, ...], ...]
    directions: tuple[str, ...]
    weights: tuple[float, ...]
    #: the printed (or hand-calculated) results, by name
    results: dict[str, tuple[float, ...]]
    decimals: int
    parameters: dict[str, float]
    deviations: tuple[str, ...] = ()
    hand: str = ""
    #: further printed results that are not vectors (VIKOR's conditions
    #: and compromise set, as 0-based alternative indices)
    checks: dict[str, object] = field(default_factory=dict)


#: Opricovic, S. and Tzeng, G.-H. (2004). Compromise solution by MCDM
#: methods: A comparative analysis of VIKOR and TOPSIS. European Journal
#: of Operational Research 156(2), 445-455.
#: doi:10.1016/S0377-2217(03)00020-1. Numerical example (section 5): three
#: alternatives, f1 a cost and f2 a benefit criterion, equal weights,
#: v = 0.5; Q = (1, 0, 1), A2 the compromise solution.
OPRICOVIC_TZENG_2004 = Example(
    source="Opricovic & Tzeng (2004), EJOR 156(2), 445-455, numerical example",
    where="pymcdm test/test_mcdm.py TestVIKOR.test_output_opricovic "
    "(kotbaton/pymcdm commit 76e77351), citing the paper; S, R, Q, both "
    "conditions and the compromise set also in scikit-criteria "
    "tests/agg/test_vikor.py::test_VIKOR_opricovic2004compromise "
    "(quatrope/scikit-criteria commit 102c04f7), a second, independent "
    "transcription that agrees",
    status="transcription",
    matrix=((1, 3000), (2, 3750), (5, 4500)),
    directions=(COST, BENEFIT),
    weights=(0.5, 0.5),
    results={
        "S": (0.5, 0.375, 0.5),
        "R": (0.5, 0.25, 0.5),
        "Q": (1.0, 0.0, 1.0),
    },
    checks={"advantage": True, "stability": True, "compromise": (1,)},
    decimals=12,
    parameters={"v": 0.5},
    hand="f1: best 1, worst 5; f2: best 4500, worst 3000. Regrets "
    "d = w (f* - f)/(f* - f-): A1 (0, 0.5), A2 (0.125, 0.25), A3 (0.5, 0). "
    "S = (0.5, 0.375, 0.5), R = (0.5, 0.25, 0.5); Q = 0.5 (S - 0.375)/0.125 "
    "+ 0.5 (R - 0.25)/0.25 = (1, 0, 1). C1: Q(A1) - Q(A2) = 1 >= DQ = 0.5; "
    "C2: A2 best by S and R; compromise {A2}.",
)

#: Yang, W. and Wu, Y. (2020). A new improvement method to avoid rank
#: reversal in VIKOR. IEEE Access 8, 21261-21271.
#: doi:10.1109/ACCESS.2020.2969681. Five alternatives, four benefit
#: criteria, equal weights, v = 0.5.
YANG_WU_2020 = Example(
    source="Yang & Wu (2020), IEEE Access 8, 21261-21271",
    where="pymcdm test/test_mcdm.py TestVIKOR.test_output_yang and the "
    "VIKOR docstring example (kotbaton/pymcdm commit 76e77351), citing "
    "the paper",
    status="transcription",
    matrix=(
        (78, 56, 34, 6),
        (4, 45, 3, 97),
        (18, 2, 50, 63),
        (9, 14, 11, 92),
        (85, 9, 100, 29),
    ),
    directions=(BENEFIT,) * 4,
    weights=(0.25, 0.25, 0.25, 0.25),
    results={"Q": (0.5679, 0.7667, 1.0, 0.7493, 0.0)},
    decimals=4,
    parameters={"v": 0.5},
)

#: Opricovic, S. and Tzeng, G.-H. (2007). Extended VIKOR method in
#: comparison with outranking methods. European Journal of Operational
#: Research 178(2), 514-529. The hydropower example: six alternatives
#: (reservoir systems), eight criteria (profit, energy, peak energy and
#: the environmental-protection grade are benefits; cost, homes to be
#: relocated, reservoir area and villages to displace are costs), four
#: weight sets W1-W4 (relative weights 1, 2 or 3.2, normalised to sum 1),
#: v = 0.5; S, R and Q printed to three decimals. STATUS: transcription:
#: no stored copy of the paper was found; the data and the printed S, R,
#: Q, conditions and compromise sets were read in scikit-criteria's test
#: tests/agg/test_vikor.py::test_VIKOR_opricovic2007extended
#: (quatrope/scikit-criteria commit 102c04f7), which cites the paper and
#: checks them to 1e-3. Every printed value is reproduced at the printed
#: precision; the compromise sets are compared as sets (the transcription
#: lists them by alternative number, clusterscore by Q).
_OT2007_MATRIX = (
    (4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41),
    (5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41),
    (5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42),
    (5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36),
    (5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04),
    (4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36),
)
_OT2007_DIRECTIONS = (
    BENEFIT,
    COST,
    BENEFIT,
    BENEFIT,
    COST,
    COST,
    COST,
    BENEFIT,
)


def _ot2007(name, relative, S, R, Q, advantage, compromise):
    total = sum(relative)
    return Example(
        source=f"Opricovic & Tzeng (2007), EJOR 178(2), 514-529, {name}",
        where="scikit-criteria tests/agg/test_vikor.py::"
        "test_VIKOR_opricovic2007extended (quatrope/scikit-criteria commit "
        "102c04f7), citing the paper",
        status="transcription",
        matrix=_OT2007_MATRIX,
        directions=_OT2007_DIRECTIONS,
        weights=tuple(x / total for x in relative),
        results={"S": S, "R": R, "Q": Q},
        decimals=3,
        parameters={"v": 0.5},
        checks={
            "advantage": advantage,
            "stability": True,
            "compromise": compromise,
        },
    )


OPRICOVIC_TZENG_2007 = (
    _ot2007(
        "W1",
        (1, 1, 1, 1, 1, 1, 1, 1),
        (0.692, 0.7, 0.29, 0.423, 0.28, 0.346),
        (0.125, 0.125, 0.121, 0.125, 0.067, 0.125),
        (0.991, 1.0, 0.473, 0.670, 0.0, 0.578),
        True,
        (4,),
    ),
    _ot2007(
        "W2",
        (2, 2, 2, 2, 1, 1, 1, 1),
        (0.701, 0.6, 0.386, 0.365, 0.317, 0.459),
        (0.167, 0.114, 0.161, 0.167, 0.089, 0.167),
        (1.0, 0.533, 0.552, 0.563, 0.0, 0.686),
        True,
        (4,),
    ),
    _ot2007(
        "W3",
        (1, 1, 1, 1, 2, 2, 2, 2),
        (0.683, 0.8, 0.193, 0.48, 0.243, 0.232),
        (0.113, 0.167, 0.08, 0.122, 0.044, 0.083),
        (0.684, 1.0, 0.147, 0.554, 0.041, 0.191),
        False,
        (2, 4, 5),
    ),
    _ot2007(
        "W4",
        (1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2),
        (0.678, 0.857, 0.138, 0.513, 0.222, 0.167),
        (0.129, 0.190, 0.057, 0.139, 0.042, 0.060),
        (0.668, 1.0, 0.051, 0.588, 0.058, 0.078),
        False,
        (2, 4, 5),
    ),
)

#: Grey relational analysis: no published worked example found (see the
#: module docstring). Hand calculation on a small min-max matrix.
GRA_HAND = Example(
    source="hand calculation (Deng's coefficient, weighted grade)",
    where="no stored copy of a published example was found",
    status="not found",
    matrix=((1.0, 0.0, 0.5), (0.5, 1.0, 0.0), (0.0, 0.5, 1.0)),
    directions=(BENEFIT,) * 3,
    weights=(0.5, 0.3, 0.2),
    results={
        # xi = (0 + 0.5)/(delta + 0.5) with delta in {0, 0.5, 1}:
        # delta 0 -> 1, 0.5 -> 0.5, 1 -> 1/3
        "xi": (1.0, 1 / 3, 0.5, 0.5, 1.0, 1 / 3, 1 / 3, 0.5, 1.0),
        "grade": (
            0.5 + 0.3 / 3 + 0.2 * 0.5,
            0.5 * 0.5 + 0.3 + 0.2 / 3,
            0.5 / 3 + 0.3 * 0.5 + 0.2,
        ),
    },
    decimals=12,
    parameters={"rho": 0.5},
    hand="y0 = (1, 1, 1); delta = 1 - Y; delta_min = 0, delta_max = 1; "
    "xi = (0 + 0.5 * 1)/(delta + 0.5); grade = sum_j w_j xi_ij.",
)

#: Coupling coordination: no reproducible published example (Table 8 of
#: Wang et al. 2021 prints C but not the subsystem scores). Hand
#: calculation for two and three subsystems.
COUPLING_HAND = Example(
    source="hand calculation (classic and corrected forms of Wang et al. "
    "2021)",
    where="formulas: R package coupling vignette and mathmodels docs "
    "(transcriptions citing Wang et al. 2021); no published U and C pair",
    status="not found",
    matrix=((0.4, 0.6), (0.3, 0.6, 0.9)),
    directions=(),
    weights=(0.5, 0.5),
    results={
        # classic: 2 sqrt(0.24)/1.0; 3 (0.162)^(1/3)/1.8
        "C_classic": (0.9797958971132712, 0.9085602964160700),
        # corrected: sqrt((1 - 0.2) * (0.4/0.6)); for three:
        # pairs 0.3, 0.6, 0.3 -> mean 0.4; (1/3 * 2/3)^(1/2) = 0.4714
        "C_corrected": (0.7302967433402214, 0.5318295896944988),
    },
    decimals=12,
    parameters={},
    hand="two: classic 2 sqrt(U1 U2)/(U1 + U2) = 2 sqrt(0.24) = 0.97980; "
    "corrected sqrt((1 - |U1 - U2|) U_min/U_max) = sqrt(0.8 * 2/3) = "
    "0.73030. three (0.3, 0.6, 0.9): classic 3 (0.162)^(1/3)/1.8 = "
    "0.90856; corrected sqrt((1 - 1.2/3) (1/3 * 2/3)^(1/2)) = "
    "sqrt(0.6 * 0.47140) = 0.53183.",
)

#: Obstacle degree: no published example found; hand calculation.
OBSTACLE_HAND = Example(
    source="hand calculation (obstacle degree model)",
    where="formula: 奥勇 et al., 干旱区地理, section 2.6.2 (GitHub file "
    "index id 7246099545); no unit with both y and O printed",
    status="not found",
    matrix=((1.0, 0.5, 0.0, 0.2),),
    directions=(BENEFIT,) * 4,
    weights=(0.1, 0.2, 0.3, 0.4),
    results={
        # shortfalls w (1 - y): 0, 0.1, 0.3, 0.32; total 0.72
        "O": (0.0, 100 * 0.1 / 0.72, 100 * 0.3 / 0.72, 100 * 0.32 / 0.72),
    },
    decimals=12,
    parameters={},
    hand="w (1 - y) = (0, 0.1, 0.3, 0.32), sum 0.72; O = 100 x / 0.72 = "
    "(0, 13.889, 41.667, 44.444).",
)


#: 王淑佳, 孔伟, 任亮, 治丹丹, 戴彬婷 (2021). 国内耦合协调度模型的误区及修正.
#: 自然资源学报 36(3), 793-810. doi:10.31497/zrzyxb.20210319. Table 8
#: (原模型与修正后模型计算京津冀13市生态—经济耦合协调度C): for each city and
#: year the coupling degree of the original (classic) model, then of the
#: modified (corrected) model, two subsystems (ecology, economy). Read in
#: the stored copy jnr.ac.cn/article/2021/1000-3037/1000-3037-36-3-793/
#: T7.html; the years 2008-2014 (the stored excerpt breaks off in 2015).
#: The subsystem scores U behind the table are not in a stored table, so
#: this is a CONSISTENCY check, not a reproduction: for two subsystems the
#: classic C fixes the ratio r = U_min/U_max (C = 2 sqrt(r)/(1 + r)) and the
#: corrected C then fixes U_max (C^2 = (1 - U_max (1 - r)) r); the test
#: infers (U_min, U_max) from each printed pair, requires
#: 0 <= U_min <= U_max <= 1, and recomputes both printed values to four
#: decimals with clusterscore's formulas. A form without the outer square
#: root would need U_max < 0 for every pair. 石家庄 2012 (classic C printed
#: 1.0000, which does not determine r) is left out.
WANG_2021_CITIES = (
    "北京",
    "天津",
    "石家庄",
    "唐山",
    "秦皇岛",
    "邯郸",
    "邢台",
    "保定",
    "张家口",
    "承德",
    "沧州",
    "廊坊",
    "衡水",
)
WANG_2021_TABLE8 = (
    # 2008: original C, then modified C, cities in the order of CITIES
    (
        2008,
        (
            0.9989,
            0.9935,
            0.8868,
            0.9073,
            0.6821,
            0.8328,
            0.6816,
            0.7789,
            0.6871,
            0.6101,
            0.8017,
            0.7867,
            0.7191,
        ),
        (
            0.9404,
            0.8660,
            0.5440,
            0.5769,
            0.3006,
            0.4780,
            0.3344,
            0.4171,
            0.3278,
            0.2700,
            0.4374,
            0.4196,
            0.3738,
        ),
    ),
    # 2009: original C, then modified C, cities in the order of CITIES
    (
        2009,
        (
            0.9984,
            0.9997,
            0.8912,
            0.9079,
            0.6790,
            0.8114,
            0.6839,
            0.7786,
            0.7180,
            0.6377,
            0.8018,
            0.7587,
            0.7396,
        ),
        (
            0.9238,
            0.9675,
            0.5435,
            0.5716,
            0.2946,
            0.4445,
            0.3224,
            0.4117,
            0.3533,
            0.2731,
            0.4352,
            0.3821,
            0.3906,
        ),
    ),
    # 2010: original C, then modified C, cities in the order of CITIES
    (
        2010,
        (
            0.9999,
            0.9920,
            0.9071,
            0.9224,
            0.6957,
            0.8309,
            0.7044,
            0.7992,
            0.7556,
            0.6212,
            0.8277,
            0.7707,
            0.7109,
        ),
        (
            0.9835,
            0.8497,
            0.5659,
            0.5942,
            0.3041,
            0.4593,
            0.3385,
            0.4245,
            0.3857,
            0.2533,
            0.4574,
            0.3908,
            0.3529,
        ),
    ),
    # 2011: original C, then modified C, cities in the order of CITIES
    (
        2011,
        (
            0.9939,
            0.9848,
            0.9373,
            0.9468,
            0.7446,
            0.8488,
            0.7437,
            0.8114,
            0.7806,
            0.6469,
            0.8601,
            0.8162,
            0.7560,
        ),
        (
            0.8485,
            0.7896,
            0.6271,
            0.6503,
            0.3454,
            0.4767,
            0.3720,
            0.4332,
            0.4123,
            0.2600,
            0.4994,
            0.4361,
            0.3951,
        ),
    ),
    # 2012: original C, then modified C, cities in the order of CITIES
    (
        2012,
        (
            0.9992,
            0.9913,
            1.0000,
            0.9276,
            0.6720,
            0.8527,
            0.7674,
            0.8211,
            0.7859,
            0.6561,
            0.8749,
            0.8133,
            0.7577,
        ),
        (
            0.9445,
            0.8342,
            0.9949,
            0.5937,
            0.2497,
            0.4816,
            0.3967,
            0.4433,
            0.4134,
            0.2615,
            0.5164,
            0.4243,
            0.3931,
        ),
    ),
    # 2013: original C, then modified C, cities in the order of CITIES
    (
        2013,
        (
            0.9858,
            0.9280,
            0.9867,
            0.9866,
            0.7442,
            0.9215,
            0.8259,
            0.8680,
            0.7819,
            0.6619,
            0.9183,
            0.9025,
            0.7773,
        ),
        (
            0.7757,
            0.5868,
            0.8169,
            0.8135,
            0.3519,
            0.6125,
            0.4721,
            0.5160,
            0.4043,
            0.2746,
            0.6006,
            0.5692,
            0.4184,
        ),
    ),
    # 2014: original C, then modified C, cities in the order of CITIES
    (
        2014,
        (
            0.9942,
            0.9488,
            0.9834,
            0.9815,
            0.6713,
            0.8995,
            0.8283,
            0.8917,
            0.7556,
            0.6955,
            0.9270,
            0.9064,
            0.8257,
        ),
        (
            0.8523,
            0.6353,
            0.7939,
            0.7829,
            0.2532,
            0.5627,
            0.4708,
            0.5540,
            0.3797,
            0.3067,
            0.6191,
            0.5750,
            0.4723,
        ),
    ),
)
WANG_2021_TABLE8_STATUS = "stored-copy"
WANG_2021_TABLE8_SKIP = ((2012, "石家庄"),)

VIKOR_EXAMPLES = (OPRICOVIC_TZENG_2004, YANG_WU_2020, *OPRICOVIC_TZENG_2007)
