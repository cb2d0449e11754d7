"""Tests of clusterscore.io.template: `make_template`."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import DataError, ParameterError
from clusterscore.io import make_template, read_clusters, validate


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
