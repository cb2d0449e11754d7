"""How the result records show themselves (issue 11, item 14).

`Evaluation` and `AHPResult` (the uncertainty records are tested in
tests/uncertainty/test_results.py) printed as kilobytes of dataclass repr
(whole DataFrames and arrays); they now print one informative line, as
scipy's result objects do, and have a ``_repr_html_`` for notebooks.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import clusterscore as cs

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "national_clusters.csv"
)


@pytest.fixture(scope="module")
def ev():
    system = cs.load_system()
    return cs.evaluate(cs.read_clusters(EXAMPLE, system), system)


def test_evaluation_repr(ev):
    """Size, options and the top three, in one short line."""
    text = repr(ev)
    assert len(text) < 400
    assert "\n" not in text
    assert text.startswith("Evaluation(27 clusters, 25 indicator weights")
    assert "method='weighted_sum'" in text
    first = ev.ranking.index[0]
    assert f"top: {first} ({ev.ranking['score'].iloc[0]:.1f})" in text
    html = ev._repr_html_()
    assert html.startswith("<div>")
    assert "<table" in html
    assert len(html) < 20_000


def test_ahp_result_repr():
    """Saaty's 3 x 3 example: weights, lambda_max, CI, CR in one line."""
    r = cs.ahp(np.array([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]))
    text = repr(r)
    assert text.startswith("AHPResult(n=3, weights=[0.6370, 0.2583, 0.1047]")
    assert "cr=0.0332 (acceptable)" in text
    assert "<table" in r._repr_html_()


def test_ahp_result_repr_names_labels(ev):
    """A named matrix shows its name and labelled weights."""
    text = repr(ev.judgments["dimensions/default"])
    assert text.startswith("AHPResult('dimensions/default', n=5, weights=[")
    assert "scale=0." in text
