"""Tests of clusterscore.present.compare: the method comparison layout."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from clusterscore.analysis import MethodComparison
from clusterscore.errors import ParameterError
from clusterscore.present.compare import render_comparison


def comparison() -> MethodComparison:
    """Three clusters, two variants; correlations by hand.

    Ranks (1, 2, 3) and (2, 1, 3): d^2 = 1 + 1 + 0, so Spearman's rho is
    1 - 6 * 2 / (3 * 8) = 0.5; of the three pairs two are concordant and
    one discordant, so Kendall's tau is (2 - 1) / 3.
    """
    idx = pd.Index(["A", "B", "C"], name="cluster")
    ranks = pd.DataFrame(
        {"ws/combined": [1, 2, 3], "tp/combined": [2, 1, 3]}, index=idx
    )
    scores = pd.DataFrame(
        {"ws/combined": [80.0, 70.0, 10.0], "tp/combined": [60.0, 65.0, 5.0]},
        index=idx,
    )
    names = list(ranks.columns)
    spearman = pd.DataFrame(
        [[1.0, 0.5], [0.5, 1.0]], index=names, columns=names
    )
    kendall = pd.DataFrame(
        [[1.0, 1 / 3], [1 / 3, 1.0]], index=names, columns=names
    )
    return MethodComparison(
        ranks=ranks,
        scores=scores,
        spearman=spearman,
        kendall=kendall,
        variants=(("ws", "combined"), ("tp", "combined")),
    )


def test_text_sections():
    """Ranks, then the two matrices, each under its heading."""
    text = render_comparison(comparison())
    lines = text.splitlines()
    assert lines[0] == "Ranks by method/weighting"
    assert lines[1].split() == ["cluster", "ws/combined", "tp/combined"]
    assert lines[3].split() == ["A", "1", "2"]
    at = lines.index("Spearman rank correlation")
    assert lines[at + 1].split() == ["variant", "ws/combined", "tp/combined"]
    assert lines[at + 3].split() == ["ws/combined", "1.000", "0.500"]
    at = lines.index("Kendall tau-b")
    assert lines[at + 3].split() == ["ws/combined", "1.000", "0.333"]


def test_types_column_and_markdown():
    """A types series becomes a column; Markdown gets ## headings."""
    types = pd.Series({"A": "basic", "B": "strategic", "C": "basic"})
    text = render_comparison(comparison(), "markdown", types=types)
    assert text.startswith("## Ranks by method/weighting\n")
    assert "| cluster | type | ws/combined | tp/combined |" in text
    assert "| B | strategic | 2 | 1 |" in text


def test_json_and_csv():
    """JSON: one document, nested correlations; CSV: the ranks alone."""
    doc = json.loads(render_comparison(comparison(), "json"))
    assert doc["variants"] == ["ws/combined", "tp/combined"]
    assert doc["ranks"][1] == {
        "cluster": "B",
        "ws/combined": 2,
        "tp/combined": 1,
    }
    assert doc["spearman"]["ws/combined"]["tp/combined"] == 0.5
    assert doc["kendall"]["tp/combined"]["ws/combined"] == pytest.approx(1 / 3)
    assert doc["scores"][2]["tp/combined"] == 5.0
    csv = render_comparison(comparison(), "csv")
    assert csv.splitlines()[0] == "cluster,ws/combined,tp/combined"
    assert len(csv.splitlines()) == 4


def test_nan_correlation_is_null():
    """A variant with all ranks tied has no correlation: JSON null."""
    cmp = comparison()
    cmp.spearman.iloc[0, 1] = float("nan")
    doc = json.loads(
        render_comparison(cmp, "json"),
        parse_constant=lambda c: pytest.fail(c),
    )
    assert doc["spearman"]["ws/combined"]["tp/combined"] is None


def test_chinese_headings_and_bad_format():
    """Zh headings; an unknown format is a ParameterError."""
    text = render_comparison(
        comparison(),
        lang="zh",
        labels={"cluster": "集群", "variant": "方法/权重"},
    )
    assert text.startswith("各方法/权重下的排名\n集群")
    assert "Kendall tau-b 相关系数" in text
    with pytest.raises(ParameterError, match="'fmt' must be one of"):
        render_comparison(comparison(), "xlsx")
