"""Tests for clusterscore.present.tables: the CLI's table rendering."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError, ParameterError
from clusterscore.present import (
    display_width,
    label,
    render_table,
    system_labels,
    write_output,
)
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]


def frame():
    return pd.DataFrame(
        {"type": ["basic", "strategic"], "score": [81.256, 7.0]},
        index=pd.Index(["常州碳材料", "B"], name="cluster"),
    )


def test_wide_characters_align():
    """Chinese characters count two columns, so rows line up."""
    text = render_table(frame())
    widths = {display_width(line) for line in text.splitlines()}
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


def test_system_labels_chinese_columns_and_names():
    """Chinese labels: the catalogue's column words and the system's names."""
    system = load_system()
    labels = system_labels(system, "zh")
    assert labels["attainment"] == "达标率"
    assert labels["severity"] == "差距等级"
    assert labels["cluster"] == "集群"
    assert labels[system.indicators[0].id] == system.indicators[0].name_zh
    assert system_labels(system, "en") == {}


def test_chinese_gap_table_header():
    """A gap table in Chinese heads its attainment column 达标率."""
    gaps = pd.DataFrame({"attainment": [0.5], "severity": ["major"]})
    text = render_table(
        gaps, "csv", "zh", labels=system_labels(load_system(), "zh")
    )
    assert text.splitlines()[0] == "达标率,差距等级"


def test_json_infinity_is_null():
    """Item 3: infinities are null, as NaN is; the text is strict JSON."""
    from clusterscore.present import json_text

    df = pd.DataFrame({"a": [float("inf"), -float("inf"), float("nan"), 1.5]})
    text = render_table(df, "json")
    assert "Infinity" not in text
    assert "NaN" not in text
    assert [r["a"] for r in json.loads(text)] == [None, None, None, 1.5]
    doc = json_text({"x": (1, float("inf")), "y": {"z": np.float64("nan")}})
    assert json.loads(doc) == {"x": [1, None], "y": {"z": None}}


def test_evaluation_summary_in_both_languages():
    """English is ev.summary() word for word; Chinese from the catalogue."""
    import clusterscore as cs
    from clusterscore.present import evaluation_summary

    system = load_system()
    df = cs.datasets.synthetic_clusters(n=8, rng=1)
    ev = cs.evaluate(df, system)
    assert evaluation_summary(ev, "en") == ev.summary()
    zh = evaluation_summary(ev, "zh")
    assert zh.splitlines()[0].endswith("8 个集群，25 个有权重的指标")
    assert "权重=combined（组合=multiplicative" in zh
    assert "客观权重=entropy，随机一致性指标表=saaty，一致性比率上限=0.1" in zh
    assert "AHP判断矩阵：dimensions/default CR=" in zh
    assert " clusters" not in zh
    assert "weighting=" not in zh


@pytest.mark.parametrize("panel", ["global", "per_year"])
def test_panel_summary_carries_the_english_notes(panel):
    """A panel's Chinese summary has a line for each English one."""
    import clusterscore as cs
    from clusterscore.present import evaluation_summary
    from clusterscore.scoring.panel import panel_notes

    system = load_system()
    df = pd.read_csv(ROOT / "examples" / "national_clusters_panel.csv")
    ev = cs.evaluate(cs.validate(df, system), system, panel=panel)
    en, zh = (
        ev.summary().splitlines(),
        evaluation_summary(ev, "zh").splitlines(),
    )
    assert len(zh) == len(en)
    # the catalogue's English is what the library writes
    notes = panel_notes(panel)
    assert notes == [
        label("ev_panel_changes", "en"),
        label(f"ev_panel_{panel}", "en"),
    ]
    assert en[-2:] == notes
    k = en[0].split(", ")[1].split()[0]  # weighted indicators (per year)
    assert zh[0].endswith(f"{len(df)} 个集群-年度记录，{k} 个有权重的指标")
    assert zh[-2].startswith("排名变化 = 上期排名 - 本期排名（> 0：名次上升）")
    assert zh[-1].startswith(f"面板模式={panel}：")
    assert ("可跨年份比较" in zh[-1]) == (panel == "global")


def test_chinese_summary_names_rho_and_v_like_the_english_one():
    """GRA's rho and VIKOR's v show in the Chinese options line too."""
    import clusterscore as cs
    from clusterscore.present.tables import evaluation_summary

    df = cs.synthetic_clusters(n=6, rng=2)
    gra = evaluation_summary(cs.evaluate(df, method="gra", rho=0.25), "zh")
    assert "集结方法=gra (rho=0.25)，" in gra
    vikor = evaluation_summary(cs.evaluate(df, method="vikor"), "zh")
    assert "集结方法=vikor (v=0.5)，" in vikor
    plain = evaluation_summary(cs.evaluate(df), "zh")
    assert "集结方法=weighted_sum，" in plain


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.sampled_from(list("ab 集群Ｗ")), max_size=6),
            st.floats(-1e6, 1e6),
            st.integers(-(10**6), 10**6),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_text_table_columns_line_up(rows):
    """Every line of a text table is as wide as the header line.

    Text (Chinese counted twice) is padded on the right, numbers on the
    left, and the last column is numeric, so no line is shortened.
    """
    df = pd.DataFrame(rows, columns=["name", "score", "rank"])
    lines = render_table(df).splitlines()
    assert len(lines) == len(rows) + 2
    assert {display_width(line) for line in lines} == {display_width(lines[0])}
    for line, (name, score, rank) in zip(lines[2:], rows, strict=True):
        assert line.startswith(name)
        assert line.endswith(str(rank))
        assert f"{score:.2f}" in line


@pytest.mark.parametrize("dtype", [object, "str"])
def test_labels_translate_each_distinct_cell_as_map_would(dtype):
    """Translated cells (looked up once per value) equal Series.map's."""
    labels = {"basic": "基础产业集群", "type": "类型"}
    column = pd.Series(["basic", None, "strategic", "basic"] * 3, dtype=dtype)
    df = pd.DataFrame({"type": column, "score": np.arange(12.0)})
    by_map = df.assign(
        type=column.map(
            lambda v: labels.get(v, v) if isinstance(v, str) else v
        )
    ).rename(columns=labels)
    for fmt in ("csv", "json", "table"):
        assert render_table(df, fmt, "zh", labels=labels) == render_table(
            by_map, fmt
        )
    missing = pd.DataFrame({"type": [None, None], "score": [1.0, 2.0]})
    assert render_table(missing, "json", labels=labels) == render_table(
        missing.rename(columns=labels), "json"
    )
