"""Shared test data of clusterscore.io: a small system, tables and CSVs.

The unit tests build a small `IndicatorSystem` by hand (`small_system`), so
that they do not depend on the default indicator file; tests of the default
system and of the example CSV are in ``tests/test_examples.py``. The
fixtures are session-scoped (the system is frozen, the others are
functions), so that hypothesis tests may use them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from clusterscore.errors import DataError
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
)

CHINESE_HEADER = (
    "集群,类型,地区,省份,主导产业产值,占全国同行业比重,"
    "单位增加值能耗相对值,专精特新“小巨人”企业数,"
    "产业集中度（前5家企业产值占比）"
)
ROWS = [
    "无锡市物联网集群,strategic,长江三角洲,江苏,300,20,0.9,40,30",
    "长沙市工程机械集群,关键战略型,中部,湖南,200,23,1.0,30,60",
    "绍兴现代纺织集群,基础型,长江三角洲,浙江,500,8,1.2,20,25",
]


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


def _good_table() -> pd.DataFrame:
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


def _bad(column: str, value: object, row: int = 0) -> pd.DataFrame:
    """Return the good table with one cell replaced."""
    df = _good_table().astype({column: object})
    df.loc[row, column] = value
    return df


def _problems_of(excinfo: pytest.ExceptionInfo[DataError]) -> tuple[str, ...]:
    """Return the problem lines of a raised DataError."""
    return excinfo.value.problems


def _write(path: Path, lines: list[str], encoding: str, newline: str) -> Path:
    """Write lines with the given encoding and line end; return path."""
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


@pytest.fixture(scope="session")
def system() -> IndicatorSystem:
    """Return the small 5-indicator system (`small_system`)."""
    return small_system()


@pytest.fixture(scope="session")
def ids(system: IndicatorSystem) -> list[str]:
    """Return the indicator ids of `system`, in order."""
    return list(system.indicator_ids)


@pytest.fixture(scope="session")
def good_table() -> Callable[[], pd.DataFrame]:
    """Make a valid 3-cluster table in canonical order (a new one a call)."""
    return _good_table


@pytest.fixture(scope="session")
def bad() -> Callable[..., pd.DataFrame]:
    """Make the good table with one cell replaced: ``bad(column, value)``."""
    return _bad


@pytest.fixture(scope="session")
def problems_of() -> Callable[[pytest.ExceptionInfo], tuple[str, ...]]:
    """Return the problem lines of a raised DataError."""
    return _problems_of


@pytest.fixture(scope="session")
def write() -> Callable[[Path, list[str], str, str], Path]:
    """Write lines: ``write(path, lines, encoding, newline)``; the path."""
    return _write


@pytest.fixture(scope="session")
def csv_header() -> str:
    """Return a Chinese CSV header line of `system` (curly quotes)."""
    return CHINESE_HEADER


@pytest.fixture(scope="session")
def csv_rows() -> list[str]:
    """Return three CSV lines of clusters under `csv_header`."""
    return list(ROWS)
