"""Tests of clusterscore.judgments.scales: RI tables and Saaty's scale."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from clusterscore.judgments.ahp import ahp
from clusterscore.judgments.scales import (
    RI_TABLES,
    SAATY_SCALE,
    cr_acceptable,
    judgment_text,
)

_SUPPORT = Path(__file__).with_name("_support.py")
_support_spec = importlib.util.spec_from_file_location(
    "judgments_support", _SUPPORT
)
support = importlib.util.module_from_spec(_support_spec)
_support_spec.loader.exec_module(support)
ref = support.ref


@pytest.mark.parametrize("name", sorted(ref.RI_PRINTED))
def test_ri_tables_match_printed_sources(name):
    """Each RI table equals its source's printed values for n = 3..15."""
    table = RI_TABLES[name]
    assert table.values[:2] == (0.0, 0.0)
    assert table.values[2:] == ref.RI_PRINTED[name]
    assert table.n_max == 15
    assert table.source


def test_ri_tables_give_different_cr_for_one_matrix():
    """The same matrix gets CR = CI / RI(n) from each table (n = 5)."""
    a = ref.RESEARCH_NOTE["basic"]["matrix"]
    ci = ahp(a).ci
    for name, ri5 in (
        ("saaty", 1.12),
        ("alonso_lamata", 1.1086),
        ("tummala_ling", 1.1159),
    ):
        r = ahp(a, ri=name)
        assert r.ri == ri5
        assert r.ri_table == name
        assert r.cr == pytest.approx(ci / ri5, rel=1e-12)


def test_saaty_scale_is_1_9_and_reciprocals():
    """SAATY_SCALE holds 1/9..1/2, 1..9 in increasing order, with source."""
    vals = SAATY_SCALE.values
    assert len(vals) == 17
    assert list(vals) == sorted(vals)
    assert vals[0] == pytest.approx(1 / 9)
    assert vals[-1] == 9.0
    assert "Saaty" in SAATY_SCALE.source


def test_nearest_saaty_value_on_the_log_scale():
    """SAATY_SCALE.nearest picks the nearest value by |ln x - ln s|."""
    x = np.array([[1.0, 0.34, 2.9], [8.6, 0.1, 1.3]])
    near = SAATY_SCALE.nearest(x)
    np.testing.assert_array_equal(near, [[1.0, 1 / 3, 3.0], [9.0, 1 / 9, 1.0]])
    idx = SAATY_SCALE.nearest_index(x)
    np.testing.assert_array_equal(SAATY_SCALE.array[idx], near)


def test_cr_acceptable_passes_the_threshold_itself():
    """CR <= max_cr (+1e-12) passes; a larger CR does not."""
    assert cr_acceptable(0.1)
    assert cr_acceptable(0.1 + 1e-13)
    assert not cr_acceptable(0.1 + 1e-9)
    np.testing.assert_array_equal(
        cr_acceptable(np.array([0.0, 0.2, 0.3]), 0.2), [True, True, False]
    )


def test_ri_table_type_lists_the_tables():
    """The Literal type of ``ri=`` names exactly the keys of `RI_TABLES`."""
    import typing

    from clusterscore.judgments import scales

    assert typing.get_args(scales.RITable) == tuple(scales.RI_TABLES)


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (1.0, "1"),
        (9.0, "9"),
        (1 / 3, "1/3"),
        (1 / 9, "1/9"),
        (0.3, "0.3"),  # 1/0.3 = 3.33...: not a Saaty fraction
        (2.3456, "2.35"),
        (1 / 2.5, "0.4"),
    ],
)
def test_judgment_text_writes_saaty_fractions(x, text):
    """Whole numbers and 1/k as Saaty writes them, else 3 digits."""
    assert judgment_text(x) == text
