"""Tests of clusterscore.judgments.validate: malformed matrices."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from clusterscore.errors import JudgmentError
from clusterscore.judgments.ahp import ahp
from clusterscore.judgments.validate import validate_judgments

_SUPPORT = Path(__file__).with_name("_support.py")
_support_spec = importlib.util.spec_from_file_location(
    "judgments_support", _SUPPORT
)
support = importlib.util.module_from_spec(_support_spec)
_support_spec.loader.exec_module(support)
NAN = support.NAN


# ---------------------------------------------------------------------------
# errors: validation


@pytest.mark.parametrize(
    ("matrix", "pattern"),
    [
        (
            [[1, 2, 3], [0.5, 1, 2]],
            r"must be square \(n x n\); got shape "
            r"\(2, 3\)",
        ),
        ([1, 2, 3], r"must be square \(n x n\); got shape \(3,\)"),
        (np.empty((0, 0)), r"is empty; it needs at least one element"),
        ([["a", "b"], ["c", "d"]], r"must be a square numeric matrix"),
        (
            [[1, NAN], [1, 1]],
            r"must hold finite numbers \(complete_matrix"
            r"\(\) fills gaps\); found: \[0, 1\] = nan",
        ),
        ([[1, np.inf], [0, 1]], r"must hold finite numbers.*\[0, 1\] = inf"),
        (
            [[1, -2], [-0.5, 1]],
            r"must hold positive numbers; found: "
            r"\[0, 1\] = -2; \[1, 0\] = -0\.5",
        ),
        (
            [[1, 0], [0, 1]],
            r"must hold positive numbers; found: \[0, 1\] = "
            r"0",
        ),
        (
            [[1, 2], [0.5, 2]],
            r"must have 1 on the diagonal; found: "
            r"\[1, 1\] = 2",
        ),
        (
            [[1, 3, 1], [0.5, 1, 1], [1, 1, 1]],
            r"is not reciprocal \(a_ji "
            r"must be 1/a_ij\): cell \[0, 1\]: a\[0,1\]=3 but a\[1,0\]=0\.5 "
            r"\(expected 0\.3333\)",
        ),
    ],
)
def test_validation_errors_name_cells(matrix, pattern):
    """Each malformed matrix raises JudgmentError naming the cell/value."""
    with pytest.raises(
        JudgmentError, match=r"^ahp\(\): pairwise matrix " + ".*" + pattern
    ):
        ahp(matrix)


def test_validation_error_uses_name_and_labels():
    """Messages carry the matrix name and the labels of the cell."""
    a = np.array([[1, 3, 1], [1 / 3, 1, 2], [1, 1, 1]])
    with pytest.raises(JudgmentError) as info:
        ahp(a, name="innovation", labels=["x", "y", "z"])
    assert str(info.value) == (
        "ahp(): pairwise matrix 'innovation' is not reciprocal (a_ji must "
        "be 1/a_ij): cell [1, 2] (y, z): a[1,2]=2 but a[2,1]=1 (expected "
        "0.5000)."
    )
    assert info.value.cells == ((1, 2),)
    assert info.value.matrix_name == "innovation"


def test_reciprocal_tolerance_accepts_three_decimals():
    """0.333 for 1/3 passes; 0.3 for 1/3 does not (1% tolerance)."""
    ahp([[1, 3], [0.333, 1]])
    with pytest.raises(JudgmentError, match="not reciprocal"):
        ahp([[1, 3], [0.3, 1]])


def test_scale_saaty_rejects_off_scale_values():
    """scale='saaty' names each off-scale entry, e.g. an AIJ value 2.449."""
    a = [[1, 2.449], [1 / 2.449, 1]]
    ahp(a)  # fine with scale="any"
    with pytest.raises(
        JudgmentError,
        match=r"must hold values of Saaty's scale \(1/9, \.\.\., 1/2, 1, 2, "
        r"\.\.\., 9\) with scale='saaty'; found: \[0, 1\] = 2\.449; "
        r"\[1, 0\] = 0\.4083",
    ):
        ahp(a, scale="saaty")
    with pytest.raises(JudgmentError, match=r"\[0, 1\] = 12"):
        ahp([[1, 12], [1 / 12, 1]], scale="saaty")


def test_many_bad_cells_are_counted():
    """More than ten bad cells: ten are listed and the rest counted."""
    a = -np.ones((4, 4))
    np.fill_diagonal(a, 1.0)
    with pytest.raises(JudgmentError, match=r"; and 2 more\.$"):
        ahp(a)


def test_validate_judgments_returns_copy_and_labels():
    """validate_judgments returns a float copy and the labels."""
    a = [[1, 2], [0.5, 1]]
    out, labels = validate_judgments(a, labels=["p", "q"])
    assert out.dtype == float
    assert labels == ("p", "q")


# ---------------------------------------------------------------------------
# complex judgments and labelled rows (issue 16, items 2 and 5)


@pytest.mark.parametrize(
    "matrix",
    [
        [[1, 3 + 1j], [1 / 3, 1]],
        np.array([[1, 3 + 1j], [1 / 3, 1]]),
        np.array([[1, 3], [1 / 3 + 0.5j, 1]], dtype=np.complex64),
    ],
)
def test_a_complex_judgment_is_refused_naming_its_cell(matrix):
    """The imaginary part is never dropped silently (numpy would warn)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(JudgmentError, match=r"real numbers; complex") as e:
            ahp(matrix)
    assert len(e.value.cells) == 1


def test_a_huge_int_or_a_string_is_a_judgment_error():
    """float() overflow and text are JudgmentErrors, echoed briefly."""
    with pytest.raises(JudgmentError, match="square numeric matrix") as e:
        ahp([[1, 10**400], [1, 1]])
    assert len(str(e.value)) < 300
    with pytest.raises(JudgmentError, match="square numeric matrix"):
        ahp([[1, "a"], [1, 1]])


def test_dataframe_rows_are_aligned_to_the_columns_by_label():
    """Rows in another order than the columns are matched by label.

    By hand: a = 3 b gives weights (0.75, 0.25) for (a, b).
    """
    import pandas as pd

    df = pd.DataFrame(
        [[1 / 3, 1], [1, 3]], index=["b", "a"], columns=["a", "b"]
    )
    r = ahp(df)
    assert r.labels == ("a", "b")
    np.testing.assert_allclose(r.weights, [0.75, 0.25])
    default = ahp(pd.DataFrame([[1, 3], [1 / 3, 1]], columns=["a", "b"]))
    assert default.to_series().index.tolist() == ["a", "b"]


def test_dataframe_rows_labelled_unlike_the_columns_are_refused():
    """Rows x, y against columns a, b: no position is guessed."""
    import pandas as pd

    df = pd.DataFrame(
        [[1, 3], [1 / 3, 1]], index=["x", "y"], columns=["a", "b"]
    )
    with pytest.raises(
        JudgmentError, match=r"rows as its columns.*only in the index: \['x'"
    ):
        ahp(df)
