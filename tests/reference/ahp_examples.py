"""Published AHP worked examples: matrices and the numbers their sources print.

Each example is a dict with the matrix (upper triangle written out, lower
triangle = reciprocals), the printed results, the precision they are printed
to, the random-index table the source used, and where the numbers come from
and how they were checked. The tests in ``tests/weights/test_ahp.py`` and
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


# ---------------------------------------------------------------------------
# 1. Saaty (1990), "How to make a decision: The Analytic Hierarchy Process",
#    European Journal of Operational Research 48(1), 9-26,
#    doi:10.1016/0377-2217(90)90057-I. The house example: the comparison of
#    the eight criteria (size of house, location to bus lines, neighbourhood,
#    age of house, yard space, modern facilities, general condition,
#    financing). The same example is in Saaty (1980), The Analytic Hierarchy
#    Process, ch. 2.
#    Printed: priority vector .173 .054 .188 .018 .031 .036 .167 .333,
#    lambda_max = 9.669, C.I. = 0.238, C.R. = 0.169 (Saaty's RI(8) = 1.41).
#    Provenance: the printed numbers are those of the paper (as widely
#    reproduced); the matrix was cross-checked against an independent public
#    transcription of the same example (the Russian edition of Saaty's book,
#    GitHub file "house_ahp.py", criteria "Размеры дома ... Финансовые
#    условия"). The paper itself could not be re-read from a stored copy in
#    this session: treat the printed values as transcribed, not re-verified.
SAATY_1990_HOUSE = {
    "source": "Saaty (1990) EJOR 48:9-26, house example, criteria matrix",
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
    "ri": "saaty",
}

# ---------------------------------------------------------------------------
# 2. Saaty (2008), "Decision making with the analytic hierarchy process",
#    Int. J. Services Sciences 1(1), 83-98, doi:10.1504/IJSSCI.2008.017590,
#    Table 2: "Which drink is consumed more in the U.S.?" (coffee, wine, tea,
#    beer, sodas, milk, water).
#    Printed derived scale: .177 .019 .042 .116 .190 .129 .327 (the actual
#    consumption shares .180 .010 .040 .120 .180 .140 .330 are printed
#    beside it). The paper prints no CR for this matrix; the CR 0.022 is the
#    one printed by the AHPy README for the same matrix with Saaty's random
#    index (PhilipGriffith/AHPy README.md, "Relative consumption of drinks in
#    the United States"), which also transcribes the matrix and the derived
#    scale. 0.022 holds with RI(7) = 1.32 (Saaty 1980) and 1.35 (Saaty 2005).
SAATY_2008_DRINKS = {
    "source": "Saaty (2008) Int. J. Services Sciences 1(1):83-98, Table 2",
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
    "ri": "saaty",
}

# ---------------------------------------------------------------------------
# 3. The "leader" example of the English Wikipedia ("Analytic hierarchy
#    process - leader example"): four criteria (experience, education,
#    charisma, age) and three candidates, with the results printed by the
#    AHPy README (PhilipGriffith/AHPy README.md, "Choosing a leader"; the
#    README renames Tom/Dick/Harry to Moll/Nell/Sue). AHPy uses the
#    eigenvector method; its "saaty" RI is Saaty's 2005 table (RI(4) = 0.89);
#    the criteria CR prints 0.044 with RI(4) = 0.89 and with 0.90 (Saaty
#    1980) alike. Printed: criteria weights experience 0.548, education
#    0.127, charisma 0.27, age 0.056, CR 0.044; experience local weights
#    Moll 0.217, Nell 0.717, Sue 0.066; target (global) weights Nell 0.493,
#    Moll 0.358, Sue 0.15.
LEADER_CANDIDATES = ("Moll", "Nell", "Sue")
LEADER = {
    "source": "Wikipedia AHP leader example, results as printed by AHPy",
    "criteria_labels": ("experience", "education", "charisma", "age"),
    "criteria": from_upper(4, "4 3 7 1/3 3 5"),
    "criteria_weights": (0.548, 0.127, 0.27, 0.056),
    "criteria_cr": 0.044,
    "alternatives": {
        "experience": from_upper(3, "1/4 4 9"),
        "education": from_upper(3, "3 1/5 1/7"),
        "charisma": from_upper(3, "5 9 4"),
        "age": from_upper(3, "1/3 5 9"),
    },
    "experience_weights": (0.217, 0.717, 0.066),
    "target_weights": (0.358, 0.493, 0.15),
    "decimals": 3,
    "ri": "saaty",
}

# ---------------------------------------------------------------------------
# 4. The default indicator system's dimension judgments
#    (/work/shared/research/indicator-system.md §2.1-2.4, computed there with
#    numpy's dense eigen-solver and Saaty's RI, script in its Appendix B).
#    Order: scale, innovation, chain, policy, services. Counts as ONE source.
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
