"""Tests of derived indicators computed from raw columns (io.derive).

The systems are small TOML files written to ``tmp_path``: one type, one
dimension, raw columns a..e, one plain indicator ``plain`` and one
derived indicator ``x`` whose ``derive`` table each test chooses.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import DataError
from clusterscore.io import make_template, read_clusters, validate
from clusterscore.io.derive import growth, location_quotient, ratio
from clusterscore.system import load_system

_HEAD = """
[meta]
format_version = 1
id = "t"
name = "T"
name_zh = "测试"

[[type]]
id = "basic"
name = "Basic"
name_zh = "基础"
source = "test"

[[dimension]]
id = "d"
name = "D"
name_zh = "维"
source = "test"
"""

_RAW = """
[[raw]]
id = "{id}"
name = "Raw {id}"
name_zh = "原始{id}"
unit = "u"
lower = 0
"""

_INDICATORS = """
[[indicator]]
id = "plain"
dimension = "d"
name = "Plain"
name_zh = "普通"
unit = "u"
direction = "benefit"
definition = "A plain indicator."
source = "test"

[[indicator]]
id = "x"
dimension = "d"
name = "Derived"
name_zh = "派生"
unit = "u"
direction = "benefit"
definition = "A derived indicator."
source = "test"
{bounds}
derive = {derive}

[[judgments]]
level = "d"
type = "default"
source = "test"
pairs = [["plain", "x", 1]]
"""


def _system(tmp_path, derive: str, bounds: str = ""):
    text = _HEAD + "".join(_RAW.format(id=r) for r in "abcde")
    text += _INDICATORS.format(derive=derive, bounds=bounds)
    path = tmp_path / "sys.toml"
    path.write_text(text, encoding="utf-8")
    return load_system(path)


def _table(**columns) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    names = ["A", "B", "C", "D"][:n]
    return pd.DataFrame(
        {"cluster": names, "type": "basic", "plain": 1.0, **columns}
    )


def test_location_quotient_of_a_hand_made_table(tmp_path):
    """LQ = (e_ir / e_r) / (E_i / E), worked by hand.

    National: E_i = 50, E = 1000, so E_i / E = 0.05.

    ======= ===== ===== ================ =====
    cluster e_ir  e_r   e_ir / e_r       LQ
    ======= ===== ===== ================ =====
    A       10    100   0.100            2.0
    B       5     200   0.025            0.5
    C       30    400   0.075            1.5
    ======= ===== ===== ================ =====
    """
    system = _system(
        tmp_path,
        '{ kind = "lq", local_industry = "a", local_total = "b", '
        'national_industry = "c", national_total = "d" }',
    )
    df = _table(
        a=[10, 5, 30], b=[100, 200, 400], c=[50] * 3, d=[1000] * 3, e=[1] * 3
    )
    out = validate(df, system)
    assert out["x"].dtype == np.float64
    np.testing.assert_allclose(out["x"], [2.0, 0.5, 1.5])
    # the kernel alone, national totals as constants
    np.testing.assert_allclose(
        location_quotient([10, 5, 30], [100, 200, 400], 50, 1000),
        [2.0, 0.5, 1.5],
    )


def test_lq_with_national_constants(tmp_path):
    system = _system(
        tmp_path,
        '{ kind = "lq", local_industry = "a", local_total = "b", '
        "national_industry = 50, national_total = 1000 }",
    )
    df = _table(a=[10, 5], b=[100, 200], c=[1, 1], d=[1, 1], e=[1, 1])
    np.testing.assert_allclose(validate(df, system)["x"], [2.0, 0.5])


@pytest.mark.parametrize(
    ("derive", "expected"),
    [
        # a = [6, 3], b = [3, 12]
        ('{ kind = "ratio", numerator = "a", denominator = "b" }', [2, 0.25]),
        (
            '{ kind = "ratio", numerator = "a", denominator = "b", '
            "scale = 100 }",
            [200, 25],
        ),
        ('{ kind = "share", part = "b", whole = "a" }', [50, 400]),
        (
            '{ kind = "per_capita", numerator = "a", population = "b" }',
            [2, 0.25],
        ),
        ('{ kind = "per_area", numerator = "a", area = "b" }', [2, 0.25]),
        # (6 - 3) / 3 = 100 %; (3 - 12) / 12 = -75 %
        ('{ kind = "growth", new = "a", old = "b" }', [100, -75]),
    ],
)
def test_each_kind(tmp_path, derive, expected):
    system = _system(tmp_path, derive)
    df = _table(a=[6, 3], b=[3, 12], c=[1, 1], d=[1, 1], e=[1, 1])
    out = validate(df, system)
    np.testing.assert_allclose(out["x"], expected)
    assert list(out.columns[:4]) == ["cluster", "type", "plain", "x"]
    assert list(out.columns[4:]) == list("abcde")


def test_kernels():
    np.testing.assert_allclose(ratio([1, 2], [4, 8], 100), [25, 25])
    np.testing.assert_allclose(growth([110], [100]), [10])
    assert np.isnan(ratio([1.0], [0.0])[0])  # never inf


@pytest.mark.parametrize(
    ("derive", "zero", "role"),
    [
        ('{ kind = "ratio", numerator = "a", denominator = "b" }', "b", ""),
        ('{ kind = "growth", new = "a", old = "b" }', "b", "old"),
        (
            '{ kind = "lq", local_industry = "a", local_total = "b", '
            'national_industry = "c", national_total = "d" }',
            "c",
            "national_industry",
        ),
    ],
)
def test_zero_denominator_is_refused_by_name(tmp_path, derive, zero, role):
    system = _system(tmp_path, derive)
    cols = {r: [2.0, 4.0] for r in "abcde"}
    cols[zero] = [2.0, 0.0]
    with pytest.raises(DataError) as info:
        validate(_table(**cols), system)
    msg = str(info.value)
    assert "cluster 'B'" in msg
    assert f"raw column {zero!r}" in msg
    assert "derived indicator 'x'" in msg
    assert role in msg
    assert "inf" not in msg
    assert len(info.value.problems) == 1


def test_bad_raw_value_names_the_raw_column(tmp_path):
    system = _system(
        tmp_path, '{ kind = "ratio", numerator = "a", denominator = "b" }'
    )
    cols = {r: [2.0, 4.0] for r in "abcde"}
    cols["a"] = [2.0, -1.0]  # raw a has lower = 0
    with pytest.raises(DataError, match=r"cluster 'B'.*column 'a'.*minimum"):
        validate(_table(**cols), system)
    del cols["a"]
    with pytest.raises(DataError, match=r"column 'a' \(原始a\) is missing"):
        validate(_table(**cols), system)


def test_derived_value_is_checked_against_its_bounds(tmp_path):
    system = _system(
        tmp_path,
        '{ kind = "share", part = "a", whole = "b" }',
        bounds="upper = 100",
    )
    cols = {r: [1.0, 1.0] for r in "abcde"}
    cols["a"] = [1.0, 3.0]  # 300 % > 100
    with pytest.raises(DataError) as info:
        validate(_table(**cols), system)
    msg = str(info.value)
    assert "cluster 'B', derived indicator 'x' (from a, b)" in msg
    assert "300 is above the valid maximum 100" in msg


def test_template_and_schema_ask_for_raw_columns(tmp_path):
    system = _system(
        tmp_path, '{ kind = "ratio", numerator = "a", denominator = "b" }'
    )
    numeric = list(make_template(system).columns[4:])
    assert numeric == ["plain", *"abcde"]
    assert "x" not in system.schema().columns
    assert set("abcde") <= set(system.schema().columns)


def test_revalidating_the_output_recomputes_silently(tmp_path, recwarn):
    system = _system(
        tmp_path, '{ kind = "ratio", numerator = "a", denominator = "b" }'
    )
    cols = {r: [2.0, 4.0] for r in "abcde"}
    once = validate(_table(**cols), system)
    twice = validate(once, system)
    pd.testing.assert_frame_equal(once, twice)
    assert not [w for w in recwarn if "ignored" in str(w.message)]


def test_read_clusters_computes_derived_columns(tmp_path):
    system = _system(
        tmp_path, '{ kind = "ratio", numerator = "a", denominator = "b" }'
    )
    csv = tmp_path / "t.csv"
    csv.write_text(
        "集群,类型,普通,原始a,b,c,d,e\nA,basic,1,6,3,1,1,1\n", encoding="utf-8"
    )
    out = read_clusters(csv, system)
    assert out.loc[0, "x"] == 2.0
    csv.write_text(
        "cluster,type,plain,a,b,c,d,e\nA,basic,1,6,0,1,1,1\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"(?s)t\.csv.*raw column 'b'.*'x'"):
        read_clusters(csv, system)
