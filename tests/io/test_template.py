"""Tests of clusterscore.io.template: `make_template`."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import DataError, ParameterError
from clusterscore.io import (
    describe_indicators,
    make_template,
    read_clusters,
    validate,
)


def test_make_template_columns_and_dtypes(system, ids, good_table):
    """The template has every column, no rows, float indicator columns."""
    template = make_template(system)
    assert list(template.columns) == list(good_table().columns)
    assert len(template) == 0
    assert all(template[c].dtype == np.float64 for c in ids)


def test_make_template_filled_in_reads_back(system, good_table, tmp_path):
    """The template's CSV, filled in with rows, reads back unchanged."""
    path = tmp_path / "template.csv"
    make_template(system).to_csv(path, index=False)
    header = path.read_text(encoding="utf-8").strip()
    rows = good_table().to_csv(index=False, header=False)
    path.write_text(header + "\n" + rows, encoding="utf-8")
    pd.testing.assert_frame_equal(
        read_clusters(path, system), validate(good_table(), system)
    )


def test_make_template_rejects_non_system():
    """make_template() refuses something that is not an IndicatorSystem."""
    with pytest.raises(ParameterError, match="'system' must be"):
        make_template(None)


def test_validate_template_has_no_rows(system):
    """The empty template itself fails only for having no rows."""
    with pytest.raises(DataError, match="no data rows"):
        validate(make_template(system), system)


def test_describe_indicators(system):
    """One row per indicator: names, unit, direction, bounds, definition."""
    out = describe_indicators(system)
    assert out["indicator"].tolist() == list(system.indicator_ids)
    share = out.set_index("indicator").loc["national_share"]
    assert share["name_zh"] == "占全国同行业比重"
    assert (share["unit"], share["direction"]) == ("%", "benefit")
    assert (share["lower"], share["upper"]) == (0.0, 100.0)
    energy = out.set_index("indicator").loc["relative_energy_intensity"]
    assert bool(energy["lower_open"])
    assert np.isnan(energy["upper"])
    assert out.set_index("indicator").loc["little_giant_firms", "integer"]
    with pytest.raises(ParameterError, match="describe_indicators"):
        describe_indicators("system")
