"""Tests of the pandera schema of input tables.

`clusterscore.system.schema.table_schema` builds it (``system.schema()``
returns it) and `clusterscore.io.build_schema` wraps it. The tests build a
small `IndicatorSystem` by hand (`small_system`), so that they do not
depend on the default indicator file.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import ParameterError
from clusterscore.io import build_schema
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
)
from clusterscore.system.schema import (
    already_normal,
    joined_names,
    names_sorted,
    normalize_name,
    normalize_names,
    table_schema,
)


def small_system() -> IndicatorSystem:
    """Return a 5-indicator system covering every kind of bound."""
    inds = (
        Indicator(
            "output_value",
            "Leading-industry output value",
            "主导产业产值",
            "bn CNY",
            "benefit",
            "scale",
            lower=0,
        ),
        Indicator(
            "national_share",
            "Share of national industry",
            "占全国同行业比重",
            "%",
            "benefit",
            "scale",
            lower=0,
            upper=100,
        ),
        Indicator(
            "relative_energy_intensity",
            "Relative energy intensity",
            "单位增加值能耗相对值",
            "ratio",
            "cost",
            "scale",
            lower=0,
            lower_open=True,
        ),
        Indicator(
            "little_giant_firms",
            "National little giant SMEs",
            '专精特新"小巨人"企业数',
            "count",
            "benefit",
            "chain",
            lower=0,
            integer=True,
        ),
        Indicator(
            "industrial_concentration",
            "Industrial concentration (CR5)",
            "产业集中度（前5家企业产值占比）",
            "%",
            "benefit",
            "chain",
            lower=0,
            upper=100,
        ),
    )
    dims = (
        Dimension(
            "scale",
            "Scale",
            "集群规模",
            ("output_value", "national_share", "relative_energy_intensity"),
        ),
        Dimension(
            "chain",
            "Chain",
            "产业链",
            ("little_giant_firms", "industrial_concentration"),
        ),
    )
    types = (
        ClusterType("basic", "Basic", "基础型"),
        ClusterType("strategic", "Key strategic", "关键战略型"),
        ClusterType("cutting_edge", "Cutting-edge", "前沿技术型"),
    )
    return IndicatorSystem("test", "Test", "测试", 1, dims, inds, types)


SYSTEM = small_system()
IDS = list(SYSTEM.indicator_ids)


def good_table() -> pd.DataFrame:
    """Return a valid 3-cluster table in canonical order."""
    return pd.DataFrame(
        {
            "cluster": ["Wuxi IoT", "Changsha CM", "Shaoxing Textile"],
            "type": ["strategic", "strategic", "basic"],
            "region": [
                "Yangtze River Delta",
                "Central",
                "Yangtze River Delta",
            ],
            "province": ["Jiangsu", "Hunan", "Zhejiang"],
            "output_value": [300.0, 200.0, 500.0],
            "national_share": [20.0, 23.0, 8.0],
            "relative_energy_intensity": [0.9, 1.0, 1.2],
            "little_giant_firms": [40.0, 30.0, 20.0],
            "industrial_concentration": [30.0, 60.0, 25.0],
        }
    )


def test_build_schema_columns_and_checks():
    """The text columns, the optional year, one float per indicator."""
    schema = build_schema(SYSTEM)
    assert isinstance(schema, pa.DataFrameSchema)
    assert list(schema.columns) == [
        "cluster",
        "type",
        "region",
        "province",
        "year",
        *IDS,
    ]
    assert schema.strict is True
    assert not schema.columns["region"].required
    assert not schema.columns["year"].required
    assert [k.name for k in schema.columns["year"].checks] == [
        "finite",
        "integer",
    ]
    checks = {c: [k.name for k in schema.columns[c].checks] for c in IDS}
    assert checks["national_share"] == ["finite", "min", "max"]
    assert checks["relative_energy_intensity"] == ["finite", "min_exclusive"]
    assert checks["little_giant_firms"] == ["finite", "min", "integer"]
    assert not schema.columns["output_value"].nullable
    assert (
        build_schema(SYSTEM, allow_missing=True)
        .columns["output_value"]
        .nullable
    )


def test_system_schema_is_build_schema():
    """IndicatorSystem.schema() returns the schema build_schema makes."""
    assert list(SYSTEM.schema().columns) == list(build_schema(SYSTEM).columns)


def test_schema_alone_rejects_bad_values():
    """The pandera schema used on its own catches a bound violation."""
    df = good_table()
    df.loc[0, "national_share"] = 130.0
    with pytest.raises(pa.errors.SchemaErrors) as excinfo:
        SYSTEM.schema().validate(df, lazy=True)
    cases = excinfo.value.failure_cases
    assert cases.loc[0, "check"] == "max"
    assert cases.loc[0, "failure_case"] == 130.0


def test_build_schema_rejects_non_system():
    """build_schema() refuses something that is not an IndicatorSystem."""
    with pytest.raises(ParameterError, match="'system' must be an Indic"):
        build_schema({"indicators": []})


def test_table_schema_is_what_build_schema_returns():
    """table_schema(system) is the schema build_schema and .schema() give."""
    for allow_missing in (False, True):
        direct = table_schema(SYSTEM, allow_missing=allow_missing)
        wrapped = build_schema(SYSTEM, allow_missing=allow_missing)
        assert direct.name == wrapped.name == "clusterscore input table (test)"
        assert {
            c: (col.nullable, [k.name for k in col.checks])
            for c, col in direct.columns.items()
        } == {
            c: (col.nullable, [k.name for k in col.checks])
            for c, col in wrapped.columns.items()
        }


def test_schema_compares_names_by_normalize_name():
    """The schema's own unique check sees invisible-character duplicates."""
    from clusterscore.system.schema import normalize_name

    system = small_system()
    schema = system.schema()
    frame = pd.DataFrame(
        {
            "cluster": ["Wuxi IoT", "Wuxi\u00a0IoT\u200b"],
            "type": ["basic", "basic"],
            **{i: [1.0, 1.0] for i in system.indicator_ids},
        }
    )
    assert normalize_name(frame.loc[1, "cluster"]) == "Wuxi IoT"
    with pytest.raises(pa.errors.SchemaErrors) as info:
        schema.validate(frame, lazy=True)
    checks = set(info.value.failure_cases["check"])
    assert checks == {"unique"}
    frame.loc[1, "cluster"] = "\u200b "
    with pytest.raises(pa.errors.SchemaErrors) as info:
        schema.validate(frame, lazy=True)
    assert set(info.value.failure_cases["check"]) == {"non_empty"}


# --------------------------------------------------------------------------
# the names' fast path: already_normal
# --------------------------------------------------------------------------
# ASCII letters, spaces and controls; no-break, zero-width and ideographic
# spaces, BOM, soft hyphen; a Chinese and a full-width letter
_NAME_CHARS = "Ab z9 \t\n\x00\x01\u00a0\u200b\u3000\ufeff\u00ad市Ｗ"
_NAME_TEXT = st.text(
    alphabet=st.sampled_from(list(_NAME_CHARS)),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_TEXT, max_size=8))
def test_already_normal_only_when_normalize_name_keeps_every_name(names):
    """already_normal is never wrong: True only for names left as they are.

    And normalize_names (which takes the fast path when it answers True)
    gives what normalize_name gives one by one.
    """
    arr = np.array(names, dtype=object)
    if already_normal(arr):
        assert all(normalize_name(x) == x for x in names)
    assert normalize_names(arr).tolist() == [normalize_name(x) for x in names]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Wuxi IoT", "长沙工程机械", "Ｗuxi"], True),
        ([], True),
        ([""], True),  # empty is normal (the schema refuses it, not this)
        (["A", ""], True),
        (["Wuxi  IoT"], False),  # two spaces
        ([" Wuxi"], False),  # a leading space
        (["Wuxi "], False),  # a trailing space
        (["A", "Wuxi ", "B"], False),  # trailing, mid-list
        (["A", " Wuxi"], False),  # leading, mid-list
        (["Wuxi\u00a0IoT"], False),  # no-break space
        (["Wuxi\u200bIoT"], False),  # zero-width space
        (["Wu\x00xi"], False),  # NUL inside a name
        (["Wuxi", 5], False),  # not a str
        (["Wuxi", None], False),
    ],
)
def test_already_normal_cases(names, expected):
    """Each way a name can need rewriting is seen, wherever it stands."""
    assert already_normal(np.array(names, dtype=object)) is expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["A", "B"], "A\x00B"),
        ([], ""),
        ([""], ""),
        (["A", np.nan], None),  # a missing name
        (["A", 5], None),  # not text
        (["A\x00B"], None),  # NUL inside a name
    ],
)
def test_joined_names(names, expected):
    """One string with NUL between the names, or None when it can't be."""
    assert joined_names(np.array(names, dtype=object)) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["A", "B", "C"], True),
        (["A"], True),
        ([], True),
        (["A", "A"], False),  # equal neighbours: not strictly increasing
        (["B", "A"], False),
    ],
)
def test_names_sorted(names, expected):
    """Strictly increasing only (sorted and unique)."""
    assert names_sorted(np.array(names, dtype=object)) is expected
