"""Tests of the CLI's table rendering."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from clusterscore.errors import DataError, ParameterError
from clusterscore.present import render_table, write_output
from clusterscore.present.tables import _width


def frame():
    return pd.DataFrame(
        {"type": ["basic", "strategic"], "score": [81.256, 7.0]},
        index=pd.Index(["常州碳材料", "B"], name="cluster"),
    )


def test_wide_characters_align():
    """Chinese characters count two columns, so rows line up."""
    text = render_table(frame())
    widths = {_width(line) for line in text.splitlines()}
    assert len(widths) == 1
    assert "81.26" in text
    assert "7.00" in text


def test_labels_translate_headers_and_values():
    """Labels rename columns and translate id cells."""
    text = render_table(
        frame(), "csv", "zh", labels={"type": "类型", "basic": "基础产业集群"}
    )
    assert text.splitlines()[0] == "cluster,类型,score"
    assert "基础产业集群" in text


def test_json_and_markdown():
    """JSON keeps full precision; Markdown right-aligns numbers."""
    rows = json.loads(render_table(frame(), "json"))
    assert rows[0] == {
        "cluster": "常州碳材料",
        "type": "basic",
        "score": 81.256,
    }
    md = render_table(frame(), "markdown")
    assert md.splitlines()[1] == "|---|---|---:|"


def test_bad_format():
    """An unknown format is a ParameterError listing the valid ones."""
    with pytest.raises(ParameterError, match="'fmt' must be one of"):
        render_table(frame(), "xml")


def test_write_output_to_directory_is_a_data_error(tmp_path):
    """Writing to a directory is refused with a clear message."""
    with pytest.raises(DataError, match="is a directory"):
        write_output("x", str(tmp_path))
