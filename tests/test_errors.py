"""The error tree: every library error is a ClusterScoreError and ValueError.

Callers rely on two things: ``except ValueError`` keeps catching what
clusterscore raises for bad input, and the structured attributes carry the
facts the message states.
"""

import warnings

import pytest

from clusterscore.errors import (
    ClusterScoreError,
    ClusterScoreWarning,
    ConfigError,
    DataError,
    DataWarning,
    DegenerateIndicatorWarning,
    FallbackWarning,
    JudgmentError,
    ParameterError,
)


@pytest.mark.parametrize(
    "cls", [DataError, JudgmentError, ConfigError, ParameterError]
)
def test_each_error_is_a_clusterscore_and_value_error(cls):
    """The four subclasses sit under both bases."""
    assert issubclass(cls, ClusterScoreError)
    assert issubclass(cls, ValueError)


def test_structured_attributes_carry_the_facts():
    """Each error keeps what it was given, as tuples where it is a list."""
    e = DataError("bad", problems=["a", "b"], failure_cases="frame")
    assert (str(e), e.problems, e.failure_cases) == (
        "bad",
        ("a", "b"),
        "frame",
    )
    j = JudgmentError(
        "cr", cells=[(0, 1)], cr=0.2, threshold=0.1, matrix_name="m"
    )
    assert (j.cells, j.cr, j.threshold, j.matrix_name) == (
        ((0, 1),),
        0.2,
        0.1,
        "m",
    )
    assert j.suggestions == ()
    c = ConfigError("f.toml: key", path="f.toml", key="a.b")
    assert (c.path, c.key) == ("f.toml", "a.b")
    p = ParameterError("f(): 'x'", parameter="x", value=3, allowed=(1, 2))
    assert (p.parameter, p.value, p.allowed) == ("x", 3, (1, 2))


@pytest.mark.parametrize(
    "cls", [DataWarning, DegenerateIndicatorWarning, FallbackWarning]
)
def test_warnings_share_one_base(cls):
    """A caller can silence every clusterscore warning with one filter."""
    assert issubclass(cls, ClusterScoreWarning)
    assert issubclass(cls, UserWarning)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ClusterScoreWarning)
        warnings.warn("quiet", cls, stacklevel=1)
