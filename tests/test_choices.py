"""The light option-name module agrees with the library's registries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clusterscore import _choices


def test_mirrored_names_match_their_registries():
    """Each mirrored tuple lists the registry's keys in its order."""
    from clusterscore.aggregate import AGGREGATIONS
    from clusterscore.judgments import RI_TABLES
    from clusterscore.plot import KINDS
    from clusterscore.present.labels import LANGS
    from clusterscore.uncertainty.sampling import CR_RULES
    from clusterscore.weights.combine import COMBINE_METHODS

    assert tuple(AGGREGATIONS) == _choices.AGGREGATIONS
    assert tuple(COMBINE_METHODS) == _choices.COMBINATIONS
    assert tuple(RI_TABLES) == _choices.RI_TABLE_NAMES
    assert tuple(CR_RULES) == _choices.CR_RULES
    assert tuple(LANGS) == _choices.LANGS
    assert tuple(KINDS) == _choices.PLOT_KINDS


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("clusterscore.present.tables", "FORMATS"),
        ("clusterscore.present", "FORMATS"),
        ("clusterscore.scoring", "MISSING_POLICIES"),
        ("clusterscore.scoring", "OBJECTIVES"),
        ("clusterscore.scoring", "WEIGHTINGS"),
        ("clusterscore.scoring", "PANEL_MODES"),
        ("clusterscore.judgments", "MAX_CR"),
        ("clusterscore.gaps", "SEVERITIES"),
        ("clusterscore.gaps", "DEFAULT_QUANTILE"),
        ("clusterscore.analysis", "COUPLING_FORMS"),
        ("clusterscore.present.report", "REPORT_FORMATS"),
        ("clusterscore.present.report", "DEFAULT_SAMPLES"),
    ],
)
def test_library_constants_are_the_one_definition(module, name):
    """The library modules re-export the constant defined in _choices."""
    import importlib

    value = getattr(importlib.import_module(module), name)
    assert value is getattr(_choices, name)


def test_values_the_documents_fix():
    """Spot checks against DESIGN.md and Saaty (1980): CR cut-off 0.10."""
    assert _choices.MAX_CR == 0.10
    assert _choices.FORMATS == ("table", "csv", "json", "markdown")
    assert _choices.WEIGHTINGS == ("ahp", "entropy", "combined")


def test_module_imports_nothing():
    """Importing it loads no third-party module (the parser needs it)."""
    code = (
        "import sys; before = set(sys.modules); "
        "import clusterscore._choices; "
        "new = set(sys.modules) - before; "
        "print(sorted(m for m in new if not m.startswith('clusterscore')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for heavy in ("numpy", "pandas", "scipy", "pandera"):
        assert heavy not in out, out
