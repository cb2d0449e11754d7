"""Exceptions and warnings raised by clusterscore.

Every failure a user can cause raises a subclass of `ClusterScoreError`.
Each subclass is also a `ValueError`, so existing ``except ValueError``
clauses keep working. Messages name the file, column, row or matrix cell at
fault and say what would be valid; the structured attributes carry the same
facts for programs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ClusterScoreError",
    "ClusterScoreWarning",
    "ConfigError",
    "DataError",
    "DataWarning",
    "DegenerateIndicatorWarning",
    "FallbackWarning",
    "JudgmentError",
    "ParameterError",
]


class ClusterScoreError(Exception):
    """Base class of every error clusterscore raises on purpose."""


class DataError(ClusterScoreError, ValueError):
    """A table (CSV file or DataFrame) cannot be used as it is.

    Parameters
    ----------
    message : str
        The whole message, listing every problem.
    problems : sequence of str, optional
        One line per problem (cluster, column, value found, what is allowed).
    failure_cases : pandas.DataFrame, optional
        The problems as a table, one row per problem.
    """

    def __init__(
        self,
        message: str,
        problems: Sequence[str] = (),
        failure_cases: Any = None,
    ) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems)
        self.failure_cases = failure_cases


class JudgmentError(ClusterScoreError, ValueError):
    """A pairwise comparison matrix is malformed or too inconsistent.

    Parameters
    ----------
    message : str
        The message.
    cells : sequence of tuple, optional
        The cells at fault, as ``(i, j)`` index pairs (or label pairs).
    cr : float, optional
        The consistency ratio found, when the error is about consistency.
    threshold : float, optional
        The largest consistency ratio that was allowed.
    matrix_name : str, optional
        The matrix's name, when it has one (e.g. ``"dimensions/basic"``).
    """

    def __init__(
        self,
        message: str,
        *,
        cells: Sequence[Any] = (),
        cr: float | None = None,
        threshold: float | None = None,
        matrix_name: str | None = None,
        suggestions: Sequence[Any] = (),
    ) -> None:
        super().__init__(message)
        self.cells = tuple(cells)
        self.cr = cr
        self.threshold = threshold
        self.matrix_name = matrix_name
        self.suggestions = tuple(suggestions)


class ConfigError(ClusterScoreError, ValueError):
    """An indicator-system file is malformed.

    Parameters
    ----------
    message : str
        The message; it starts with the file and the key at fault.
    path : str, optional
        The file.
    key : str, optional
        The key (dotted TOML path or entry id) at fault.
    """

    def __init__(
        self, message: str, *, path: str | None = None, key: str | None = None
    ) -> None:
        super().__init__(message)
        self.path = path
        self.key = key


class ParameterError(ClusterScoreError, ValueError):
    """A function argument is out of its allowed set or range.

    Parameters
    ----------
    message : str
        The message, in the form ``f(): 'p' must be ...; got ...``.
    parameter : str, optional
        The parameter's name.
    value : object, optional
        The value that was given.
    allowed : object, optional
        What would have been accepted.
    """

    def __init__(
        self,
        message: str,
        *,
        parameter: str | None = None,
        value: Any = None,
        allowed: Any = None,
    ) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.value = value
        self.allowed = allowed


class ClusterScoreWarning(UserWarning):
    """Base class of the warnings clusterscore issues."""


class DataWarning(ClusterScoreWarning):
    """Something in a table was ignored or changed (e.g. extra columns)."""


class DegenerateIndicatorWarning(ClusterScoreWarning):
    """An indicator carries no information (constant column): weight 0."""


class FallbackWarning(ClusterScoreWarning):
    """A requested method could not apply, and a documented fallback did."""
