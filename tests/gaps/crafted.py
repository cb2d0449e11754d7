"""The crafted system and tables shared by the gap tests.

3 dimensions, 5 indicators (one cost), 2 types; loaded by the test
modules of tests/gaps, tests/present and tests/test_cli_gaps.py.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import strategies as st

from clusterscore.gaps import SEVERITIES
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Recommendation,
    Target,
)

RANK = {s: k for k, s in enumerate(SEVERITIES)}

IDS = ("out", "energy", "rd", "carriers", "cluster_org_maturity")


TARGETS = {
    "basic": {
        "out": 100.0,
        "energy": 0.8,
        "rd": 2.0,
        "carriers": 10.0,
        "cluster_org_maturity": 3.0,
    },
    "strategic": {
        "out": 200.0,
        "energy": 1.0,
        "rd": 4.0,
        "carriers": 20.0,
        "cluster_org_maturity": 3.0,
    },
}


# explicit global weights: scale 0.4 (out 0.3, energy 0.1), innovation 0.4
# (rd 0.2, carriers 0.2), services 0.2; local: 0.75/0.25, 0.5/0.5, 1
WEIGHTS = pd.Series(
    {
        "out": 0.3,
        "energy": 0.1,
        "rd": 0.2,
        "carriers": 0.2,
        "cluster_org_maturity": 0.2,
    }
)


def _consistent(w):
    """Return the consistent pairwise matrix a_ij = w_i / w_j."""
    w = np.asarray(w, dtype=float)
    return w[:, None] / w[None, :]


def make_system(targets=TARGETS, recs=None, judgments=()):
    """Build the crafted system (no AHP judgments unless given)."""
    dims = (
        Dimension("scale", "Scale", "规模", ("out", "energy")),
        Dimension("innovation", "Innovation", "创新", ("rd", "carriers")),
        Dimension("services", "Services", "服务", ("cluster_org_maturity",)),
    )
    inds = (
        Indicator("out", "Output", "产值", "bn CNY", "benefit", "scale"),
        Indicator("energy", "Energy", "能耗", "ratio", "cost", "scale"),
        Indicator("rd", "R&D", "研发", "%", "benefit", "innovation"),
        Indicator(
            "carriers", "Carriers", "载体", "count", "benefit", "innovation"
        ),
        Indicator(
            "cluster_org_maturity",
            "Org maturity",
            "促进机构成熟度",
            "0-4",
            "benefit",
            "services",
        ),
    )
    types = (
        ClusterType("basic", "Basic", "基础型"),
        ClusterType("strategic", "Key strategic", "关键战略型"),
    )
    tgts = tuple(
        Target(i, t, v) for t, row in targets.items() for i, v in row.items()
    )
    if recs is None:
        recs = (
            Recommendation(
                "basic", "scale", "Merge.", "兼并重组。", "seed 000 §4.1"
            ),
            Recommendation(
                "basic",
                "innovation",
                "Raise R&D.",
                "加大研发。",
                "seed 000 §4.1",
            ),
            Recommendation(
                "strategic",
                "innovation",
                "Build platforms.",
                "",
                "seed 000 §4.2",
            ),
            Recommendation(
                "default",
                "services",
                "Professionalise the promotion organisation.",
                "做强促进机构。",
                "seed 002",
                indicator="cluster_org_maturity",
            ),
        )
    return IndicatorSystem(
        "t",
        "Test",
        "测试",
        1,
        dims,
        inds,
        types,
        judgments=judgments,
        targets=tgts,
        recommendations=recs,
    )


SYSTEM = make_system()


def table(rows):
    """Build a table from {cluster: (type, out, energy, rd, carriers, org)}."""
    return pd.DataFrame(
        [(name, *vals) for name, vals in rows.items()],
        columns=["cluster", "type", *IDS],
    )


# crafted table: the expected severity of every cell (system targets)
CRAFTED = table(
    {
        # equal to its type's targets: no gap anywhere
        "B1": ("basic", 100, 0.8, 2.0, 10, 3),
        # out 80/100 = 0.8 (bound, minor); energy 0.8/1.6 = 0.5 (bound,
        # major); rd 0.98/2 = 0.49 critical; carriers 50/10 = 5 none;
        # org 2/3 major
        "B2": ("basic", 80, 1.6, 0.98, 50, 2),
        # out 0 against 100: 0, critical; energy value 0 (cost): inf, none;
        # rd 1.99/2 = 0.995 minor; carriers 5/10 = 0.5 (bound) major; org
        # 4/3 none
        "B3": ("basic", 0, 0.0, 1.99, 5, 4),
        # out 150/200 = 0.75 major; energy 1/2.5 = 0.4 critical; rd
        # 4.4/4 = 1.1 none; carriers 19/20 = 0.95 minor; org 0/3 critical
        "S1": ("strategic", 150, 2.5, 4.4, 19, 0),
    }
)


EXPECTED_ATTAINMENT = {
    "B1": (1.0, 1.0, 1.0, 1.0, 1.0),
    "B2": (0.8, 0.5, 0.49, 5.0, 2 / 3),
    "B3": (0.0, math.inf, 0.995, 0.5, 4 / 3),
    "S1": (0.75, 0.4, 1.1, 0.95, 0.0),
}


EXPECTED_SEVERITY = {
    "B1": ("none", "none", "none", "none", "none"),
    "B2": ("minor", "major", "critical", "none", "major"),
    "B3": ("critical", "none", "minor", "major", "none"),
    "S1": ("major", "critical", "none", "minor", "critical"),
}


def cell(gaps, cluster, indicator):
    """Return the flag_gaps row of one (cluster, indicator)."""
    row = gaps[(gaps["cluster"] == cluster) & (gaps["indicator"] == indicator)]
    assert len(row) == 1
    return row.iloc[0]


def quantile_table():
    """5 strategic clusters (values 10..50) and one basic cluster."""
    rows = {
        f"S{k}": ("strategic", 10 * k, 10.0 * k, 4.0, 20, 3)
        for k in range(1, 6)
    }
    rows["B1"] = ("basic", 100, 0.8, 2.0, 10, 3)
    return table(rows)


finite = st.floats(min_value=0, max_value=1e6, allow_nan=False)


positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)


rows = st.lists(
    st.tuples(
        st.sampled_from(["basic", "strategic"]),
        finite,
        finite,
        finite,
        finite,
        finite,
    ),
    min_size=1,
    max_size=8,
)
