"""The report's own vocabulary (present/report_text.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib", reason="the report extra is not installed")

from clusterscore.present import report_text


def test_labels_have_the_same_keys_in_both_languages():
    """Every English label has its Chinese twin, and the methodology too."""
    assert set(report_text.TEXT["en"]) == set(report_text.TEXT["zh"])
    assert len(report_text.METHODOLOGY["en"]) == len(
        report_text.METHODOLOGY["zh"]
    )
