"""The result records of uncertainty() and sensitivity() (issue 11, item 14).

They print one informative line, as scipy's result objects do, instead of
kilobytes of dataclass repr, and have a ``_repr_html_`` for notebooks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import clusterscore as cs

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "national_clusters.csv"
)


@pytest.fixture(scope="module")
def ev():
    system = cs.load_system()
    return cs.evaluate(cs.read_clusters(EXAMPLE, system), system)


def test_uncertainty_and_sensitivity_repr(ev):
    """The Monte Carlo results: counts, inputs, agreement, indices."""
    res = cs.uncertainty(ev.table, ev.system, 10, 1)
    text = repr(res)
    assert text.startswith("UncertaintyResult(27 clusters, 10 of 10 samples")
    assert "mean Spearman rho" in text
    assert len(text) < 400
    assert "<table" in res._repr_html_()
    sens = cs.sensitivity(ev.table, ev.system, 4, 1, n_boot=2)
    text = repr(sens)
    assert text.startswith("SensitivityResult(N=4, ")
    assert "dimension_judgments: S=" in text
    assert len(text) < 400
    assert "<table" in sens._repr_html_()
