"""Published AHP worked examples: matrices and the numbers their sources print.

Each example records the matrix (upper triangle written out, lower
triangle = reciprocals), the printed results exactly as printed, the
printed precision, the prioritisation method and random-index table the
source used, the full citation, WHERE the printed numbers were read (the
stored copy: a URL or a repository path) and a ``status``:

``"stored-copy"``
    Matrix and printed results were read in the stored copy named in
    ``stored_copy`` (the source itself or a faithful reproduction of it).
``"stored-copy-partial"``
    Some of the printed numbers were read in a stored copy (listed in
    ``checked``); the others come from a transcription (``transcribed``).
``"transcription"``
    The numbers come from a third party's transcription of the source,
    not from a stored copy of the source; kept as a regression check, not
    counted as a verified golden example.
``"internal"``
    Our own research note, not a publication.

Printed numbers that a stored copy gets wrong (misprints), or that the
source's own arithmetic does not reproduce to the last digit, are listed
in ``deviations`` with the reason; the tests check them to the stated
tolerance and every other printed number exactly at the printed precision.

The tests in ``tests/weights/test_ahp.py`` and
``tests/weights/test_hierarchy.py`` compare clusterscore against these
numbers, never against its own output.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np


def from_upper(n: int, upper: str) -> np.ndarray:
    """Build a reciprocal matrix from its upper triangle, row by row.

    ``upper`` lists a_12, a_13, ..., a_1n, a_23, ... as text fractions
    ("1/3"), exactly as printed in the sources.
    """
    vals = [float(Fraction(v)) for v in upper.split()]
    assert len(vals) == n * (n - 1) // 2, "wrong number of judgments"
    a = np.ones((n, n))
    iu = np.triu_indices(n, 1)
    a[iu] = vals
    a[(iu[1], iu[0])] = 1.0 / np.asarray(vals)
    return a


SAATY_1990_CITATION = (
    "Saaty, T. L. (1990). How to make a decision: The Analytic Hierarchy "
    "Process. European Journal of Operational Research, 48(1), 9-26. "
    "doi:10.1016/0377-2217(90)90057-I (the house example; also Saaty 1980, "
    "The Analytic Hierarchy Process, McGraw-Hill, ch. 2)"
)

# ---------------------------------------------------------------------------
# 1. Saaty (1990), house example, level 1: the eight criteria (size of
#    house, location to bus lines, neighbourhood, age of house, yard space,
#    modern facilities, general condition, financing).
#    Printed (as transcribed): priority vector .173 .054 .188 .018 .031 .036
#    .167 .333, lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169 (Saaty's
#    RI(8) = 1.41, principal eigenvector).
#    STATUS: transcription. No stored copy of the paper's Table 2 could be
#    read (the stored copies of the paper, e.g. dokumen.tips/documents/
#    thomas-l-saaty.html and scribd.com/doc/152351928, are only searchable
#    from their first page). What WAS checked in stored copies:
#    - the matrix: the Russian edition of Saaty's book as reproduced on
#      studopedia.info/4-100870.html ("Покупка дома: матрица попарных
#      сравнений для уровня 2") shows every fractional judgment of this
#      matrix in the same cells (the integer cells are lost in that copy;
#      they are the reciprocals of the fractions below the diagonal);
#    - the printed numbers: two independent public GitHub transcriptions
#      (a decision-matrix script's self-test citing "Saaty 1990 Table 2",
#      and a pytest file with "published_weights") give the same matrix and
#      the same printed values. Neither is the paper.
SAATY_1990_HOUSE = {
    "source": "Saaty (1990) EJOR 48:9-26, house example, criteria matrix",
    "citation": SAATY_1990_CITATION,
    "status": "transcription",
    "stored_copy": "studopedia.info/4-100870.html (matrix fractions only)",
    "labels": (
        "size",
        "bus",
        "neighbourhood",
        "age",
        "yard",
        "facilities",
        "condition",
        "financing",
    ),
    "matrix": from_upper(
        8,
        "5 3 7 6 6 1/3 1/4 "
        "1/3 5 3 3 1/5 1/7 "
        "6 3 4 6 1/5 "
        "1/3 1/4 1/7 1/8 "
        "1/2 1/5 1/6 "
        "1/5 1/6 "
        "1/2",
    ),
    "weights": (0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333),
    "lambda_max": 9.669,
    "ci": 0.238,
    "cr": 0.169,
    "decimals": 3,
    "method": "eigenvector",
    "ri": "saaty",
}

# ---------------------------------------------------------------------------
# 2. Saaty (1990), house example, level 2: the three houses A, B, C
#    compared under each of the eight criteria (EJOR 1990 Table 3; Saaty
#    1980 ch. 2). STATUS: stored-copy. Read in the Russian edition's table
#    as reproduced on studopedia.net/21_112795_reshenie-i-soglasovannost.html
#    (matrices, "Вектор приоритетов", lmax, ИС = C.I., ОС = C.R.); the same
#    eight matrices are on studopedia.net/21_112793 (matrices only). The
#    printed values below are those of that copy, digit for digit. Method:
#    principal eigenvector; RI(3) = 0.58 (Saaty 1980).
#    Deviations (each also in the entry's "deviations"):
#    - bus: the copy prints ".005" for house B, a misprint for Saaty's .055
#      (the three printed priorities must sum to 1: .233 + .055 + .713 =
#      1.001). Saaty's .055 and .713 are themselves one unit off the exact
#      eigenvector (.05445, .71249); C.I. .124 is (3.247 - 3)/2 computed
#      from the ROUNDED lambda (exact .12348).
#    - financing: Saaty prints .650 .278, the exact eigenvector is .64912
#      .27895 (one unit in the last digit); lambda, C.I., C.R. are exact.
#    - neighbourhood: the copy prints .745 and lmax 3,130; its own C.I.
#      .068 and C.R. .117 are those of lambda = 3.136 and the matrix is a
#      permutation of the size matrix (.754, 3.136): transposed digits in
#      the copy.
#    - yard: the copy prints lmax "3,06"; its C.I. .043 and C.R. .074 are
#      those of 3.086 (exact 3.08577): a dropped digit in the copy.
SAATY_1990_HOUSES = {
    "source": "Saaty (1990) EJOR 48:9-26, house example, Table 3",
    "citation": SAATY_1990_CITATION,
    "status": "stored-copy",
    "stored_copy": (
        "https://studopedia.net/21_112795_reshenie-i-soglasovannost.html"
    ),
    "decimals": 3,
    "method": "eigenvector",
    "ri": "saaty",
    "matrices": {
        "size": {
            "matrix": from_upper(3, "6 8 4"),
            "weights": (0.754, 0.181, 0.065),
            "lambda_max": 3.136,
            "ci": 0.068,
            "cr": 0.117,
            "deviations": {},
        },
        "bus": {
            "matrix": from_upper(3, "7 1/5 1/8"),
            "weights": (0.233, 0.005, 0.713),
            "lambda_max": 3.247,
            "ci": 0.124,
            "cr": 0.213,
            "deviations": {
                "weights": "copy misprints .055 as .005; Saaty's .055 and "
                ".713 are one unit off the exact .05445 and .71249",
                "ci": "computed from the rounded lambda 3.247",
            },
        },
        "neighbourhood": {
            "matrix": from_upper(3, "8 6 1/4"),
            "weights": (0.745, 0.065, 0.181),
            "lambda_max": 3.130,
            "ci": 0.068,
            "cr": 0.117,
            "deviations": {
                "weights": "copy prints .745 for .754 (transposed digits)",
                "lambda_max": "copy prints 3,130 for 3.136; its CI and CR "
                "are those of 3.136",
            },
        },
        "age": {
            "matrix": from_upper(3, "1 1 1"),
            "weights": (0.333, 0.333, 0.333),
            "lambda_max": 3.000,
            "ci": 0.000,
            "cr": 0.000,
            "deviations": {},
        },
        "yard": {
            "matrix": from_upper(3, "5 4 1/3"),
            "weights": (0.674, 0.101, 0.226),
            "lambda_max": 3.06,
            "ci": 0.043,
            "cr": 0.074,
            "deviations": {
                "lambda_max": "copy prints 3,06; its CI .043 and CR .074 "
                "are those of 3.086",
            },
        },
        "facilities": {
            "matrix": from_upper(3, "8 6 1/5"),
            "weights": (0.747, 0.060, 0.193),
            "lambda_max": 3.197,
            "ci": 0.099,
            "cr": 0.170,
            "deviations": {},
        },
        "condition": {
            "matrix": from_upper(3, "1/2 1/2 1"),
            "weights": (0.200, 0.400, 0.400),
            "lambda_max": 3.000,
            "ci": 0.000,
            "cr": 0.000,
            "deviations": {},
        },
        "financing": {
            "matrix": from_upper(3, "1/7 1/5 3"),
            "weights": (0.072, 0.650, 0.278),
            "lambda_max": 3.065,
            "ci": 0.032,
            "cr": 0.056,
            "deviations": {
                "weights": "Saaty's .650 .278 are one unit off the exact "
                ".64912 .27895",
            },
        },
    },
}

# ---------------------------------------------------------------------------
# 3. Jiang Qiyuan, Xie Jinxing & Ye Jun, 《数学模型》 (Mathematical
#    Models), Higher Education Press, section 8.1 层次分析模型, example
#    "选择旅游地" (choosing a tourist destination): criteria 景色 scenery,
#    费用 cost, 居住 lodging, 饮食 food, 旅途 travel; destinations P1..P3.
#    STATUS: stored-copy. Read in the book's courseware as stored at
#    http://www.hezhiquan.com/docs/view/d94c382a1d6b4e67b7520f30c5cc37dd_3.html
#    (slides headed 数学模型): the criteria matrix A, "最大特征根 λ=5.073",
#    "权向量(特征向量) w=(0.263,0.475,0.055,0.090,0.110)", "CI=0.018",
#    "RI=1.12(查表)", "CR=0.018/1.12=0.016"; the level-3 matrices B1
#    (景色) and B2 (费用) and the table of level-3 results (w_k, λ_k,
#    CI_k for k = 1..5); the composite "0.595×0.263+…=0.300" for P1.
#    Why the last digit differs (the reason it was left out before):
#    - CI and CR are reproduced exactly with the principal eigenvalue.
#    - The printed λ = 5.073 is NOT the principal eigenvalue (5.0721) but
#      the "和法" (sum-method) estimate mean_i (A w)_i / w_i with w the
#      normalised-column-mean weights (5.0729), the approximate method the
#      same chapter teaches.
#    - The printed weights agree with those 和法 weights (clusterscore
#      method="arithmetic": .2623 .4744 .0545 .0985 .1103) to within
#      0.0008, and with the eigenvector (.2636 .4758 .0538 .0981 .1087)
#      only to within 0.0013; no standard method reproduces all five to
#      the last digit (0.263 and 0.475 look hand-rounded), so the test
#      compares them at one unit of the last printed digit (0.001).
#    - The 4th weight is printed 0.090 in this copy, a misprint for 0.099:
#      the printed weights then sum to 0.993 instead of 1.002, and the
#      printed composite 0.595×0.263 + 0.082×0.475 + 0.429×0.055 +
#      0.633×w4 + 0.166×0.110 = 0.300 holds with w4 = 0.099 (0.29996),
#      not with 0.090 (0.294).
JIANG_TOURIST = {
    "source": "Jiang, Xie & Ye, 数学模型, §8.1 选择旅游地, criteria",
    "citation": (
        "姜启源, 谢金星, 叶俊. 数学模型. 北京: 高等教育出版社 (第三版 "
        "2003; 第四版 2011), 第8章 离散模型, 8.1 层次分析模型, example "
        "选择旅游地"
    ),
    "status": "stored-copy",
    "stored_copy": (
        "http://www.hezhiquan.com/docs/view/"
        "d94c382a1d6b4e67b7520f30c5cc37dd_3.html"
    ),
    "labels": ("scenery", "cost", "lodging", "food", "travel"),
    "matrix": from_upper(5, "1/2 4 3 3 7 5 5 1/2 1/3 1"),
    "weights_printed": (0.263, 0.475, 0.055, 0.090, 0.110),
    "weights": (0.263, 0.475, 0.055, 0.099, 0.110),
    "lambda_max": 5.073,
    "ci": 0.018,
    "ri_value": 1.12,
    "cr": 0.016,
    "decimals": 3,
    "method": "arithmetic",
    "ri": "saaty",
    "deviations": {
        "weights": "hand-rounded 和法 weights: compared at 0.001; 4th "
        "printed 0.090 is a misprint for 0.099 (see the composite)",
        "lambda_max": "和法 estimate mean((A w)/w), not the eigenvalue",
    },
    # level 3 (destinations under each criterion), as printed
    "level3_weights": {
        "scenery": (0.595, 0.277, 0.129),
        "cost": (0.082, 0.236, 0.682),
        "lodging": (0.429, 0.429, 0.142),
        "food": (0.633, 0.193, 0.175),
        "travel": (0.166, 0.166, 0.668),
    },
    "composite_p1": 0.300,
    # printed "(0.300,0.246,0.456)T" (hezhiquan copy, slide of the
    # synthesis); a second stored copy, the student derivative at
    # https://m.qiqiwenku.com/ppt/545757.html ("层次分析法例题"), prints
    # the same composite "{0.3, 0.246, 0.456}" and w4 = 0.099, confirming
    # the misprint above.
    "composite": (0.300, 0.246, 0.456),
    # the two level-3 matrices whose judgments the stored copy shows
    "level3": {
        "scenery": {
            "matrix": from_upper(3, "2 5 2"),
            "weights": (0.595, 0.277, 0.129),
            "lambda_max": 3.005,
            "ci": 0.003,
            "deviations": {
                "weights": "eigenvector .59538 .27635 .12827, 和法 .59489 "
                ".27661 .12850: printed .277 .129 one unit off",
                "lambda_max": "exact 3.00554 (both methods): printed "
                "3.005 is truncated",
            },
        },
        "cost": {
            "matrix": from_upper(3, "1/3 1/8 1/3"),
            "weights": (0.082, 0.236, 0.682),
            "lambda_max": 3.002,
            "ci": 0.001,
            "deviations": {},
        },
    },
}

# ---------------------------------------------------------------------------
# 4. Saaty (2008), "Decision making with the analytic hierarchy process",
#    Int. J. Services Sciences 1(1), 83-98, doi:10.1504/IJSSCI.2008.017590,
#    Table 2: "Which drink is consumed more in the U.S.?" (coffee, wine, tea,
#    beer, sodas, milk, water).
#    STATUS: transcription. The matrix was checked against the stored
#    AHPy README (PhilipGriffith/AHPy README.md at commit 0139ea6e, the
#    "drinks" dictionary). The derived scale .177 .019 .042 .116 .190 .129
#    .327 and the CR 0.022 are those printed by a later version of the same
#    README (not re-read in a stored copy); no stored copy of the paper was
#    found. The paper prints no CR; 0.022 is AHPy's, and holds with RI(7) =
#    1.32 (Saaty 1980) and 1.35 (Saaty 2005).
SAATY_2008_DRINKS = {
    "source": "Saaty (2008) Int. J. Services Sciences 1(1):83-98, Table 2",
    "citation": (
        "Saaty, T. L. (2008). Decision making with the analytic hierarchy "
        "process. International Journal of Services Sciences, 1(1), 83-98. "
        "doi:10.1504/IJSSCI.2008.017590"
    ),
    "status": "transcription",
    "stored_copy": "PhilipGriffith/AHPy README.md (matrix only)",
    "labels": ("coffee", "wine", "tea", "beer", "sodas", "milk", "water"),
    "matrix": from_upper(
        7,
        "9 5 2 1 1 1/2 "
        "1/3 1/9 1/9 1/9 1/9 "
        "1/3 1/4 1/3 1/9 "
        "1/2 1 1/3 "
        "2 1/2 "
        "1/3",
    ),
    "weights": (0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327),
    "cr": 0.022,
    "decimals": 3,
    "method": "eigenvector",
    "ri": "saaty",
}

# ---------------------------------------------------------------------------
# 5. The "leader" example of the English Wikipedia ("Analytic hierarchy
#    process - leader example"): four criteria (experience, education,
#    charisma, age) and three candidates (Tom, Dick, Harry; the AHPy README
#    renames them Moll, Nell, Sue).
#    STATUS: stored-copy-partial. Read in stored copies of the article
#    (https://everything.explained.today/Analytic_hierarchy_process_%e2%80%93_leader_example/
#    and the 2016 snapshot at the-uncensored-wiki.com, same text): "Dick
#    ... priority of .493 ... Tom, whose priority is .358 ... Harry ...
#    .149"; criteria "weighted .547, .270, .127, and .056" (experience,
#    charisma, education, age). The matrices (figures in the article) and
#    the CR 0.044 and experience local weights .217 .717 .066 come from the
#    AHPy README transcription ("Choosing a leader"). The exact eigenvector
#    of the transcribed criteria matrix gives experience .54757, printed
#    .547 by Wikipedia and 0.548 by AHPy: one unit in the last digit. The
#    three target weights are reproduced exactly at 3 decimals, which
#    cross-checks the transcribed matrices.
LEADER_CANDIDATES = ("Moll", "Nell", "Sue")
LEADER = {
    "source": "Wikipedia AHP leader example (stored copies), AHPy matrices",
    "citation": (
        "Wikipedia contributors, 'Analytic hierarchy process - leader "
        "example', English Wikipedia (text as of 2016-2024 snapshots)"
    ),
    "status": "stored-copy-partial",
    "stored_copy": (
        "https://everything.explained.today/"
        "Analytic_hierarchy_process_%e2%80%93_leader_example/"
    ),
    "checked": ("criteria_weights_wikipedia", "target_weights"),
    "transcribed": ("matrices", "criteria_cr", "experience_weights"),
    "criteria_labels": ("experience", "education", "charisma", "age"),
    "criteria": from_upper(4, "4 3 7 1/3 3 5"),
    "criteria_weights": (0.548, 0.127, 0.27, 0.056),
    "criteria_weights_wikipedia": (0.547, 0.127, 0.270, 0.056),
    "criteria_cr": 0.044,
    "alternatives": {
        "experience": from_upper(3, "1/4 4 9"),
        "education": from_upper(3, "3 1/5 1/7"),
        "charisma": from_upper(3, "5 9 4"),
        "age": from_upper(3, "1/3 5 9"),
    },
    "experience_weights": (0.217, 0.717, 0.066),
    "target_weights": (0.358, 0.493, 0.149),
    "target_weights_ahpy": (0.358, 0.493, 0.15),
    "decimals": 3,
    "method": "eigenvector",
    "ri": "saaty",
}

# ---------------------------------------------------------------------------
# 6. van Dyck & Ismael (2015), port competitiveness in West Africa, Table 6:
#    the six criteria (cargo volume, port location, port efficiency and
#    performance, port infrastructure, port costs, political stability).
#    STATUS: stored-copy. Read in the publisher's table page
#    https://html.scirp.org/file/_10-2120589_6.htm: the matrix, the weight
#    column 0.0385 0.0385 0.4975 0.0954 0.0954 0.2348 and "Consistency
#    Ratio (CR): 0.02; Consistency Index (CI): 0.06; Eigenvalue Lambda:
#    6.109". The table page has no caption; it is tied to the paper by its
#    sibling page _10-2120589_8.htm, whose port ranking (Abidjan, Lome,
#    Tema, Dakar, Lagos, Cotonou) is the one stated in the paper's abstract
#    (scirp.org/journal/paperinformation?paperid=57493).
#    Method: principal eigenvector (the geometric and arithmetic methods
#    miss the 4th decimal), RI(6) = 1.24.
#    Deviation: the printed "CI 0.06" is not Saaty's CI (0.0217): the
#    "Eigenvalue Lambda / CR / CI" layout is that of Goepel's BPMSG AHP
#    template, whose CI slot holds the geometric consistency index of
#    Aguaron & Moreno-Jimenez (2003), GCI = 2/((n-1)(n-2)) sum_{i<j}
#    ln^2(a_ij w_j / w_i) = 0.0645 here; the test checks that reading.
VAN_DYCK_ISMAEL_2015 = {
    "source": "van Dyck & Ismael (2015) AJIBM 5:432-446, Table 6",
    "citation": (
        "van Dyck, G. K., & Ismael, H. M. (2015). Multi-criteria evaluation "
        "of port competitiveness in West Africa using Analytic Hierarchy "
        "Process (AHP). American Journal of Industrial and Business "
        "Management, 5, 432-446. doi:10.4236/ajibm.2015.56043"
    ),
    "status": "stored-copy",
    "stored_copy": "https://html.scirp.org/file/_10-2120589_6.htm",
    "labels": (
        "cargo volume",
        "port location",
        "efficiency and performance",
        "infrastructure",
        "port costs",
        "political stability",
    ),
    "matrix": from_upper(
        6,
        "1 1/9 1/3 1/3 1/6 1/9 1/3 1/3 1/6 6 6 3 1 1/3 1/3",
    ),
    "weights": (0.0385, 0.0385, 0.4975, 0.0954, 0.0954, 0.2348),
    "weights_decimals": 4,
    "lambda_max": 6.109,
    "lambda_decimals": 3,
    "cr": 0.02,
    "cr_decimals": 2,
    "ci_printed": 0.06,
    "method": "eigenvector",
    "ri": "saaty",
    "deviations": {
        "ci": "the printed 0.06 is the geometric consistency index (BPMSG "
        "template), not (lambda - n)/(n - 1) = 0.0217",
    },
}

# ---------------------------------------------------------------------------
# 7. Esri, ArcGIS Pro 3.5 documentation, "计算一致性比率" (Calculate the
#    consistency ratio), the companion page of the tool "Assign Weights By
#    Pairwise Comparison": five site-suitability criteria (Solar_Gain,
#    aspect, elevation, Dist_to_Road, Dist_to_Elect).
#    STATUS: stored-copy-partial. Read at
#    https://pro.arcgis.com/zh-cn/pro-app/3.5/tool-reference/analysis/calculate-the-consistency-ratio.htm
#    : the matrix, printed in decimals (0.333, 0.5, 0.2 as printed), and
#    the weight column 0.235 0.089 0.136 0.247 0.294. The page goes on to
#    compute lambda, CI and CR, but the stored copy stops before them, so
#    only the weights are checked. The page's weights are column-normalised
#    row means (its text: normalise each column, average each row), i.e.
#    method="arithmetic"; the eigenvector misses four of the five. The
#    matrix must be used as printed: with 1/3 for 0.333 the last weight is
#    0.293500, on the rounding edge.
ESRI_ARCGIS_CR = {
    "source": "Esri ArcGIS Pro 3.5 docs, 计算一致性比率 (zh-cn)",
    "citation": (
        "Esri (2025). ArcGIS Pro 3.5 documentation, Tool reference, "
        "Analysis: Calculate the consistency ratio (计算一致性比率), "
        "Chinese edition"
    ),
    "status": "stored-copy-partial",
    "stored_copy": (
        "https://pro.arcgis.com/zh-cn/pro-app/3.5/tool-reference/analysis/"
        "calculate-the-consistency-ratio.htm"
    ),
    "checked": ("matrix", "weights"),
    "transcribed": (),
    "labels": (
        "Solar_Gain",
        "aspect",
        "elevation",
        "Dist_to_Road",
        "Dist_to_Elect",
    ),
    "matrix": np.array(
        [
            [1, 3, 2, 2, 0.333],
            [0.333, 1, 0.5, 1, 0.2],
            [0.5, 2, 1, 1, 0.5],
            [0.5, 1, 1, 1, 5],
            [3, 5, 2, 0.2, 1],
        ]
    ),
    "weights": (0.235, 0.089, 0.136, 0.247, 0.294),
    "decimals": 3,
    "method": "arithmetic",
}

# ---------------------------------------------------------------------------
# Examples 8-11 were read in full texts of the papers stored as text files
# in the public GitHub file index of the search tool (markdown conversions
# of the PDFs). The index names such a file by an id, not by repository and
# path; the id is given, with what the file itself says about its origin.
GITHUB_INDEX_NOTE = (
    "full text of the paper stored as a text file in the search tool's "
    "GitHub file index (read_file id given; repository not named by the "
    "index)"
)

# ---------------------------------------------------------------------------
# 8. 邓晓衡, 曾德天, 基于AHP和混合Apriori-Genetic算法的交通事故成因分析
#    模型 (traffic-accident causation), 计算机应用研究, online first,
#    doi:10.3969/j.issn.1001-3695.2017.12.0818. STATUS: stored-copy (file
#    id 7104183324, a markdown conversion of the ChinaXiv preprint; the
#    copy prints no volume or pages). Method: "矩阵的最大特征值 ... 和其对应
#    的特征向量" (principal eigenvector), RI 0.58 (n=3) and 0.90 (n=4)
#    (Saaty). Tables 1-5 give the matrices, table 6 "部分计算的结果及中间值"
#    the weights, lambda_max, CI and CR of tables 1-4, the text
#    "λmax5 = 3.0385" and table 7 the weights of table 5. At 4 decimals the
#    geometric and arithmetic methods differ for every 4x4 matrix.
#    Deviations: C1-S prints CR 0.039 for 0.03977 (truncated); C3-S prints
#    CR 0.0011 for 0.01148 (a dropped digit: its own CI 0.0103 / RI 0.90 =
#    0.0114); C4-S prints 0.6369 for 0.63699 (truncated; the three printed
#    weights then sum to 0.9999).
DENG_ZENG = {
    "source": "Deng & Zeng, 计算机应用研究 (2017 online first), tables 1-7",
    "citation": (
        "邓晓衡, 曾德天. 基于AHP和混合Apriori-Genetic算法的交通事故成因分析"
        "模型. 计算机应用研究, online first. "
        "doi:10.3969/j.issn.1001-3695.2017.12.0818"
    ),
    "status": "stored-copy",
    "stored_copy": "GitHub file index id 7104183324; " + GITHUB_INDEX_NOTE,
    "decimals": 4,
    "method": "eigenvector",
    "ri": "saaty",
    "matrices": {
        "G-C": {
            "matrix": from_upper(4, "5 3 2 1/2 1/4 1/2"),
            "weights": (0.4773, 0.0809, 0.1539, 0.2880),
            "lambda_max": 4.0211,
            "ci": 0.007,
            "cr": 0.0078,
            "deviations": {},
        },
        "C1-S": {
            "matrix": from_upper(4, "5 3 2 1/3 1/2 2"),
            "weights": (0.4909, 0.0863, 0.2483, 0.1745),
            "lambda_max": 4.1074,
            "ci": 0.0358,
            "cr": 0.039,
            "deviations": {"cr": "printed truncated: 0.03977 as 0.039"},
        },
        "C2-S": {
            "matrix": from_upper(4, "1 1/2 1/3 1/3 1/3 1/2"),
            "weights": (0.1377, 0.1258, 0.2879, 0.4486),
            "lambda_max": 4.0458,
            "ci": 0.0153,
            "cr": 0.017,
            "deviations": {},
        },
        "C3-S": {
            "matrix": from_upper(4, "3 2 4 1/2 2 3"),
            "weights": (0.4673, 0.1601, 0.2772, 0.0954),
            "lambda_max": 4.0310,
            "ci": 0.0103,
            "cr": 0.0011,
            "deviations": {
                "cr": "misprint 0.0011 for 0.0115 (its CI 0.0103 / 0.90)"
            },
        },
        "C4-S": {
            "matrix": from_upper(3, "5 3 1/3"),
            "weights": (0.6369, 0.1047, 0.2583),
            "lambda_max": 3.0385,
            "deviations": {"weights": "0.63699 printed truncated, 0.6369"},
        },
    },
}

# ---------------------------------------------------------------------------
# 9. 胡志言, 杜学绘, 曹利峰, 软件定义天地一体化网络接入认证架构与方法,
#    计算机应用研究, online first, doi:10.3969/j.issn.1001-3695.2017.09.0944,
#    eq. (18): seven network attributes (计算资源, 存储资源, 信号强度, 带宽,
#    传输时延, 丢包率, 覆盖时间). STATUS: stored-copy (file id 7049341291, a
#    markdown conversion of the ChinaXiv preprint; no volume or pages in the
#    copy). Printed: "λmax=7.1825 ... CR=0.023<0.1 ... 利用本征向量法求解各
#    属性权重 ω=[0.2483,0.0686,0.1740,0.0427,0.1351,0.0831,0.2483]". The
#    copy drops the diagonal 1 of row 4; the other six cells of that row are
#    the reciprocals of column 4. RI from 岳超源《决策理论与方法》(Saaty's).
HU_DU_CAO = {
    "source": "Hu, Du & Cao, 计算机应用研究 (2017 online first), eq. (18)",
    "citation": (
        "胡志言, 杜学绘, 曹利峰. 软件定义天地一体化网络接入认证架构与方法. "
        "计算机应用研究, online first. "
        "doi:10.3969/j.issn.1001-3695.2017.09.0944"
    ),
    "status": "stored-copy",
    "stored_copy": "GitHub file index id 7049341291; " + GITHUB_INDEX_NOTE,
    "matrix": from_upper(
        7,
        "3 2 5 2 3 1 1/2 2 1/3 1/2 1/3 4 2 3 1/2 1/3 1/2 1/5 2 1/2 1/3",
    ),
    "weights": (0.2483, 0.0686, 0.1740, 0.0427, 0.1351, 0.0831, 0.2483),
    "weights_decimals": 4,
    "lambda_max": 7.1825,
    "lambda_decimals": 4,
    "cr": 0.023,
    "cr_decimals": 3,
    "method": "eigenvector",
    "ri": "saaty",
}

# ---------------------------------------------------------------------------
# 10. Wang, Y.-M., Chin, K.-S., & Poon, G. K. K. (2008). A data
#     envelopment analysis method with assurance region for weight
#     generation in the analytic hierarchy process. Decision Support
#     Systems, 45, 913-921. doi:10.1016/j.dss.2008.03.002.
#     STATUS: stored-copy (file id 66947128254, a markdown conversion
#     whose front matter gives title, authors, year, journal and DOI; the
#     volume and pages are not in the copy). The paper's "EM" rows are the
#     principal eigenvector, "EM (rescaled)" the same divided by its
#     maximum. Example 1 (Tables 2 and 4): matrices A (6x6, "CR = 0.3409
#     > 0.1"), B, C, D. Example 2 (Tables 6-8, recruiting a research
#     fellow): the criteria (5x5, "Consistency ratio (CR)=0.012") and the
#     three candidates under each criterion, and the synthesis: EM global
#     weights 0.256 0.378 0.367 and, with rescaled weights, 1.433 2.039
#     1.981, normalised by the maximum 0.703 1.000 0.972. Every printed
#     number is reproduced; the 5x5 and 6x6 matrices rule out the
#     geometric and arithmetic methods. RI as Saaty's (0.58, 1.12, 1.24 fit
#     every printed CR).
WANG_CHIN_POON_2008 = {
    "source": "Wang, Chin & Poon (2008) DSS 45, Tables 2, 4, 6-8",
    "citation": (
        "Wang, Y.-M., Chin, K.-S., & Poon, G. K. K. (2008). A data "
        "envelopment analysis method with assurance region for weight "
        "generation in the analytic hierarchy process. Decision Support "
        "Systems, 45, 913-921. doi:10.1016/j.dss.2008.03.002"
    ),
    "status": "stored-copy",
    "stored_copy": "GitHub file index id 66947128254; " + GITHUB_INDEX_NOTE,
    "method": "eigenvector",
    "ri": "saaty",
    "decimals": 3,
    # name: (matrix, EM weights, EM rescaled, CR, CR decimals)
    "matrices": {
        "A": (
            from_upper(6, "4 1 1 3 4 7 3 1/5 1 1/5 1/5 1/6 1 1/3 3"),
            (0.289, 0.147, 0.057, 0.128, 0.236, 0.144),
            (1, 0.509, 0.198, 0.441, 0.816, 0.498),
            0.3409,
            4,
        ),
        "B": (
            from_upper(3, "2 5 3"),
            (0.582, 0.309, 0.109),
            (1, 0.531, 0.188),
            0.0032,
            4,
        ),
        "C": (
            from_upper(3, "5 5 3"),
            (0.701, 0.202, 0.097),
            (1, 0.288, 0.139),
            0.1169,
            4,
        ),
        "D": (
            from_upper(3, "9 5 3"),
            (0.764, 0.149, 0.087),
            (1, 0.195, 0.114),
            0.2797,
            4,
        ),
        "criteria": (
            from_upper(5, "1/2 1/3 1/4 1/2 1/2 1/2 1 1/2 2 2"),
            (0.081, 0.153, 0.255, 0.357, 0.153),
            (0.226, 0.429, 0.715, 1, 0.429),
            0.012,
            3,
        ),
        "C1": (
            from_upper(3, "2 1 1/2"),
            (0.4, 0.2, 0.4),
            (1, 0.5, 1),
            0.0,
            3,
        ),
        "C2": (
            from_upper(3, "1/2 3 4"),
            (0.320, 0.558, 0.122),
            (0.572, 1, 0.218),
            0.016,
            3,
        ),
        "C3": (
            from_upper(3, "1/3 1/5 1/2"),
            (0.109, 0.309, 0.582),
            (0.188, 0.531, 1),
            0.003,
            3,
        ),
        "C4": (
            from_upper(3, "1/2 1/2 2"),
            (0.196, 0.493, 0.311),
            (0.397, 1, 0.630),
            0.046,
            3,
        ),
        "C5": (
            from_upper(3, "5 1 1/2"),
            (0.498, 0.135, 0.367),
            (1, 0.271, 0.737),
            0.081,
            3,
        ),
    },
    "criteria": ("C1", "C2", "C3", "C4", "C5"),
    "global_weights": (0.256, 0.378, 0.367),
    "global_rescaled": (1.433, 2.039, 1.981),
    "global_rescaled_normalised": (0.703, 1.000, 0.972),
}

# ---------------------------------------------------------------------------
# 11. Wang, Y.-M., & Elhag, T. M. S. (2006). An approach to avoiding rank
#     reversal in AHP. Decision Support Systems, 42, 1474-1480.
#     doi:10.1016/j.dss.2005.12.002. STATUS: stored-copy (file id
#     66696121793; front matter with title, authors, year, journal, DOI).
#     The paper re-works the classic rank-reversal examples of Belton &
#     Gear (1983, Omega 11, 228-230) and Saaty & Vargas (1984, Omega 12,
#     513-516): three equally weighted criteria, perfectly consistent
#     matrices (local EM weights printed as fractions, e.g. 1/11, 9/11,
#     8/18), and the distributive-mode composite weights (Tables 2, 4, 6,
#     8; e.g. "EM | A | 1/11 | 9/11 | 8/18 | 0.4512"). A test of the
#     synthesis and of the rank reversal it shows, not of inconsistency.
WANG_ELHAG_2006 = {
    "source": "Wang & Elhag (2006) DSS 42, Belton-Gear and Saaty-Vargas",
    "citation": (
        "Wang, Y.-M., & Elhag, T. M. S. (2006). An approach to avoiding "
        "rank reversal in AHP. Decision Support Systems, 42, 1474-1480. "
        "doi:10.1016/j.dss.2005.12.002"
    ),
    "status": "stored-copy",
    "stored_copy": "GitHub file index id 66696121793; " + GITHUB_INDEX_NOTE,
    "decimals": 4,
    "method": "eigenvector",
    "cases": {
        "belton_gear_ABC": (
            (
                from_upper(3, "1/9 1 9"),
                from_upper(3, "9 9 1"),
                from_upper(3, "8/9 8 9"),
            ),
            (0.4512, 0.4697, 0.0791),
        ),
        "belton_gear_ABCD": (
            (
                from_upper(4, "1/9 1 1/9 9 1 1/9"),
                from_upper(4, "9 9 9 1 1 1"),
                from_upper(4, "8/9 8 8/9 9 1 1/9"),
            ),
            (0.3654, 0.2889, 0.0568, 0.2889),
        ),
        "saaty_vargas_AB": (
            (from_upper(2, "1/2"), from_upper(2, "7/6"), from_upper(2, "3")),
            (0.5406, 0.4594),
        ),
        "saaty_vargas_ABC": (
            (
                from_upper(3, "1/2 1/2 1"),
                from_upper(3, "7/6 1 6/7"),
                from_upper(3, "3 1/2 1/6"),
            ),
            (0.2833, 0.2667, 0.4500),
        ),
    },
    "local_fractions": {"belton_gear_ABC": ((1, 11), (9, 11), (1, 11))},
}

# ---------------------------------------------------------------------------
# 12. The default indicator system's dimension judgments
#    (/work/shared/research/indicator-system.md §2.1-2.4, computed there with
#    numpy's dense eigen-solver and Saaty's RI, script in its Appendix B).
#    Order: scale, innovation, chain, policy, services. STATUS: internal
#    (our own note, not a publication; checks the pipeline, not the method).
DIMENSIONS = ("scale", "innovation", "chain", "policy", "services")
RESEARCH_NOTE = {
    "basic": {
        "matrix": from_upper(5, "2 4 3 3 3 2 2 1 1/2 1/2"),
        "weights": (0.4023, 0.2448, 0.0899, 0.1045, 0.1585),
        "lambda_max": 5.0718,
        "ci": 0.0180,
        "cr": 0.0160,
    },
    "strategic": {
        "matrix": from_upper(5, "1/2 1/3 2 1/2 1/2 3 2 4 2 1/2"),
        "weights": (0.1215, 0.2494, 0.3748, 0.0796, 0.1748),
        "lambda_max": 5.0848,
        "ci": 0.0212,
        "cr": 0.0189,
    },
    "cutting_edge": {
        "matrix": from_upper(5, "1/5 1 1/3 1/2 4 2 2 1/2 1/2 1"),
        "weights": (0.0865, 0.4079, 0.0977, 0.2126, 0.1953),
        "lambda_max": 5.0185,
        "ci": 0.0046,
        "cr": 0.0041,
    },
    "default": {
        "matrix": from_upper(5, "1/2 1 2 2 2 3 2 2 2 1"),
        "weights": (0.2094, 0.3487, 0.2094, 0.1105, 0.1220),
        "lambda_max": 5.0522,
        "ci": 0.0131,
        "cr": 0.0117,
    },
}
RESEARCH_NOTE_DECIMALS = 4

# ---------------------------------------------------------------------------
# Random-index tables as printed by their sources, for n = 3..15.
# Saaty (1980), p. 21: as given in the issue and reproduced widely.
# Alonso & Lamata (2006), Table (100,000 matrices per n): cross-checked
#   against two independent public transcriptions (an R "findRI" function,
#   "Alonso-Lamata RI values (100,000 matrices)", and a pyDecision-era
#   "inc_rat" array).
# Tummala & Ling (1998): as printed in pymcdm's AHP.RI_M, which cites the
#   paper (kotbaton/pymcdm, pymcdm/weights/subjective/ahp.py).
RI_PRINTED = {
    "saaty": (
        0.58,
        0.90,
        1.12,
        1.24,
        1.32,
        1.41,
        1.45,
        1.49,
        1.51,
        1.48,
        1.56,
        1.57,
        1.59,
    ),
    "alonso_lamata": (
        0.5245,
        0.8815,
        1.1086,
        1.2479,
        1.3417,
        1.4056,
        1.4499,
        1.4854,
        1.5141,
        1.5365,
        1.5551,
        1.5713,
        1.5838,
    ),
    "tummala_ling": (
        0.5799,
        0.8921,
        1.1159,
        1.2358,
        1.3322,
        1.3952,
        1.4537,
        1.4882,
        1.5117,
        1.5356,
        1.5571,
        1.5714,
        1.5831,
    ),
}
