"""Run the docstring examples of the installed modules as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import clusterscore

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(clusterscore.__path__, "clusterscore.")
    if m.name != "clusterscore.testing"
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    """The module's >>> examples give the outputs they show."""
    module = importlib.import_module(name)
    result = doctest.testmod(
        module,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        verbose=False,
    )
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
