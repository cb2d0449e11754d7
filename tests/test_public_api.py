"""The public surface: __all__ resolves, DESIGN's contract names exist."""

from __future__ import annotations

import inspect

import pytest

import clusterscore as cs

CONTRACT = [
    "load_system",
    "read_clusters",
    "validate",
    "ahp",
    "entropy_weights",
    "critic_weights",
    "combine_weights",
    "topsis",
    "rank_clusters",
    "flag_gaps",
    "evaluate",
    "ClusterScoreError",
    "DataError",
    "JudgmentError",
    "ConfigError",
    "ParameterError",
    # the second wave's names
    "obstacle_degree",
    "coupling_coordination",
    "compare_methods",
]


@pytest.mark.parametrize("name", cs.__all__)
def test_all_names_resolve(name):
    """Every name in clusterscore.__all__ exists."""
    assert hasattr(cs, name), name


@pytest.mark.parametrize("name", CONTRACT)
def test_design_contract_names(name):
    """The names DESIGN.md fixes are exported."""
    assert name in cs.__all__


@pytest.mark.parametrize(
    "name", [n for n in cs.__all__ if callable(getattr(cs, n, None))]
)
def test_public_callables_are_documented(name):
    """Every public callable has a docstring."""
    assert inspect.getdoc(getattr(cs, name)), name


@pytest.mark.parametrize(
    "name",
    [
        "ahp",
        "entropy_weights",
        "critic_weights",
        "combine_weights",
        "topsis",
        "evaluate",
        "aggregate_judgments",
        "obstacle_degree",
        "coupling_coordination",
    ],
)
def test_published_methods_cite_references(name):
    """Functions implementing a published method cite it."""
    assert "References" in inspect.getdoc(getattr(cs, name))


def test_errors_are_value_errors():
    """Each error class is a ClusterScoreError and a ValueError."""
    for cls in (
        cs.DataError,
        cs.JudgmentError,
        cs.ConfigError,
        cs.ParameterError,
    ):
        assert issubclass(cls, cs.ClusterScoreError)
        assert issubclass(cls, ValueError)


def test_import_does_not_need_hypothesis():
    """`import clusterscore` does not import hypothesis."""
    import subprocess
    import sys

    code = (
        "import sys; import clusterscore; print('hypothesis' in sys.modules)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.strip() == "False"


def test_names_are_imported_lazily_and_listed_by_dir():
    """`dir()` lists every public name; an unknown one is AttributeError."""
    assert set(cs.__all__) <= set(dir(cs))
    with pytest.raises(AttributeError, match="no attribute 'rank_cluster'"):
        cs.rank_cluster  # noqa: B018


def test_uncertainty_stays_the_function():
    """Importing the sub-package does not replace the public function."""
    import importlib
    import types

    module = importlib.import_module("clusterscore.uncertainty")
    assert isinstance(module, types.ModuleType)
    assert callable(cs.uncertainty)
    assert cs.uncertainty is module.uncertainty


def test_sub_packages_are_attributes():
    """`clusterscore.normalize` and the others are reachable as before."""
    import types

    for name in ("normalize", "aggregate", "plot", "present", "io"):
        assert isinstance(getattr(cs, name), types.ModuleType), name


def test_fresh_import_resolves_a_diagnosis_text():
    """`cs.diagnose(...).to_text()` works without importing present first."""
    import subprocess
    import sys

    code = (
        "import clusterscore as cs\n"
        "s = cs.load_system()\n"
        "df = cs.synthetic_clusters(s, 12, 1)\n"
        "d = cs.diagnose(df, s, df['cluster'].iloc[0])\n"
        "print(d.to_text()[:40] != '')\n"
        "import clusterscore.present.report\n"
        "print(callable(cs.uncertainty))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.split() == ["True", "True"]


def test_diagnosis_text_from_the_sub_package_alone():
    """`from clusterscore.gaps import diagnose` renders without present."""
    import subprocess
    import sys

    code = (
        "from clusterscore.datasets import synthetic_clusters\n"
        "from clusterscore.gaps import diagnose\n"
        "from clusterscore.system import load_system\n"
        "s = load_system()\n"
        "df = synthetic_clusters(s, 12, 1)\n"
        "d = diagnose(df, s, df['cluster'].iloc[0])\n"
        "print(bool(d.to_text()) and bool(d.to_markdown()))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout.strip() == "True"
