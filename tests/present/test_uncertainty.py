"""Tests of the sensitivity report layout (`clusterscore.present.uncertainty`).

The numbers come from `clusterscore.uncertainty` (tested in
tests/test_uncertainty.py); here only where they go on the page.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from clusterscore.datasets import synthetic_clusters
from clusterscore.errors import ParameterError
from clusterscore.present import render_table, system_labels
from clusterscore.present.uncertainty import (
    render_uncertainty,
    uncertainty_summary,
)
from clusterscore.system import load_system
from clusterscore.uncertainty import sensitivity, uncertainty


@pytest.fixture(scope="module")
def system():
    """Return the default indicator system."""
    return load_system()


@pytest.fixture(scope="module")
def table(system):
    """Return a 10-cluster synthetic table valid for the default system."""
    return synthetic_clusters(system, 10, rng=3)


@pytest.fixture(scope="module")
def res(system, table):
    """Return a small Monte Carlo uncertainty result (top-2 probability)."""
    return uncertainty(table, system, 30, 5, top_k=2)


@pytest.fixture(scope="module")
def sens(system, table):
    """Return a small Sobol sensitivity result without bootstrap."""
    return sensitivity(table, system, 8, 5, n_boot=0)


def test_summary_names_the_top_k_column(res):
    """p_top_k is named after k; every other column is the summary's."""
    summary = uncertainty_summary(res)
    assert "p_top2" in summary.columns
    assert "p_top_k" not in summary.columns
    assert summary["p_top2"].tolist() == res.summary["p_top_k"].tolist()
    assert len(summary.columns) == len(res.summary.columns)


def test_text_report_sections(res, sens):
    """The text report: rank table, agreement, CR note, then Sobol."""
    text = render_uncertainty(res, fmt="table")
    assert text.startswith(
        f"Rank uncertainty ({res.n_used} of {res.n} samples; varied: "
    )
    assert "p_top2: probability of a rank <= 2." in text
    assert "\nAgreement with the nominal ranking\n" in text
    assert "(cr_rule=resample)." in text
    assert "Sobol" not in text
    assert "## " not in text
    both = render_uncertainty(res, sens, "table")
    assert both.startswith(text)
    assert f"(N={sens.n}, {sens.n_runs} runs, 95% bootstrap intervals)" in (
        both
    )
    assert both.endswith("\n")


def test_markdown_report_has_headings(res, sens):
    """Markdown: one '## ' heading per section, tables in Markdown."""
    md = render_uncertainty(res, sens, "markdown")
    headings = [ln for ln in md.splitlines() if ln.startswith("## ")]
    assert [h.split(" (")[0] for h in headings] == [
        "## Rank uncertainty",
        "## Agreement with the nominal ranking",
        "## Sobol sensitivity of the mean absolute rank shift",
    ]
    assert "|---|" in md


def test_csv_is_the_cluster_summary(system, res, sens):
    """CSV holds the per-cluster table alone, labelled for the language."""
    labels = system_labels(system, "zh")
    text = render_uncertainty(res, fmt="csv", lang="zh", labels=labels)
    summary = uncertainty_summary(res)
    assert text == render_table(summary, "csv", "zh", labels=labels)
    back = pd.read_csv(io.StringIO(text))
    assert len(back) == len(summary)
    with pytest.raises(ParameterError, match=r"'fmt' csv holds one table"):
        render_uncertainty(res, sens, "csv")


def test_json_document(system, res, sens):
    """JSON: options (tuples as lists), inputs, counts and every table."""
    labels = system_labels(system, "zh")
    doc = json.loads(
        render_uncertainty(res, sens, "json", "zh", labels=labels)
    )
    assert list(doc) == [
        "options",
        "nominal",
        "inputs",
        "n",
        "n_used",
        "clusters",
        "agreement",
        "consistency",
        "sensitivity",
    ]
    assert doc["options"]["alpha_range"] == list(res.options["alpha_range"])
    assert (doc["n"], doc["n_used"]) == (res.n, res.n_used)
    assert len(doc["clusters"]) == len(res.summary)
    assert "p_top2" in doc["clusters"][0]  # ids, whatever the language
    assert "sensitivity" not in json.loads(
        render_uncertainty(res, None, "json")
    )


def test_bad_format_or_language(res):
    """An unknown format or language is a ParameterError."""
    with pytest.raises(ParameterError, match=r"'fmt' must be one of"):
        render_uncertainty(res, fmt="html")
    with pytest.raises(ParameterError, match=r"'lang' must be one of"):
        render_uncertainty(res, lang="fr")
