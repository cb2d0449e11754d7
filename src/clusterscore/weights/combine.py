"""Combining subjective (AHP) and objective (entropy) weight vectors.

The combination weighting of the Chinese literature (组合赋权): a
multiplicative (product) synthesis, a linear blend, and the game-theory
combination that finds the linear coefficients closest to both vectors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore._checks import as_weights, check_option, check_unit_interval
from clusterscore.errors import ParameterError

__all__ = ["COMBINE_METHODS", "combine_weights", "game_theory_coefficients"]

FloatArray = npt.NDArray[np.float64]


def _multiplicative_kernel(
    a: FloatArray, b: FloatArray, alpha: float
) -> FloatArray:
    """``a_j b_j / sum_k a_k b_k``; no validation (sum must be > 0)."""
    ab = a * b
    return ab / ab.sum()


def _linear_kernel(a: FloatArray, b: FloatArray, alpha: float) -> FloatArray:
    """``alpha a + (1 - alpha) b``; no validation."""
    return alpha * a + (1.0 - alpha) * b


def game_theory_coefficients(a: Any, b: Any) -> tuple[float, float]:
    r"""Normalised game-theory combination coefficients of two weight vectors.

    Parameters
    ----------
    a, b : array_like, shape (n,)
        Two weight vectors, each non-negative and summing to 1.

    Returns
    -------
    tuple of float
        ``(alpha_1, alpha_2)``, non-negative, summing to 1: the combined
        vector is ``alpha_1 a + alpha_2 b``.

    Raises
    ------
    ParameterError
        `a` or `b` is not a weight vector, or their lengths differ.

    Notes
    -----
    The coefficients make the deviation of the combination from each
    vector orthogonal to that vector,
    :math:`(c_1 a + c_2 b - a) \cdot a = 0` and
    :math:`(c_1 a + c_2 b - b) \cdot b = 0`, which the game-theory
    combination literature derives as the first-order conditions of
    minimising :math:`\lVert c_1 a + c_2 b - u \rVert_2` for
    :math:`u \in \{a, b\}`; as a linear system,

    .. math::

        \begin{pmatrix} a \cdot a & a \cdot b \\ b \cdot a & b \cdot b
        \end{pmatrix}
        \begin{pmatrix} c_1 \\ c_2 \end{pmatrix}
        = \begin{pmatrix} a \cdot a \\ b \cdot b \end{pmatrix},

    solved in closed form:
    :math:`c_1 = (b \cdot b)(a \cdot a - a \cdot b) / D`,
    :math:`c_2 = (a \cdot a)(b \cdot b - a \cdot b) / D`,
    :math:`D = (a \cdot a)(b \cdot b) - (a \cdot b)^2`.

    Then :math:`\alpha_k = |c_k| / (|c_1| + |c_2|)`. The game-theory
    combination weighting literature (博弈论组合赋权) normalises either
    this way or as :math:`c_k / (c_1 + c_2)`; the two agree when both
    :math:`c_k > 0`. A coefficient can come out negative (e.g. when one
    vector is close to uniform and the other is not); only the absolute
    value keeps the result a convex combination, hence non-negative.
    When ``a == b`` the system is singular; any coefficients reproduce
    the common vector, and ``(0.5, 0.5)`` is returned.

    References
    ----------
    .. [1] The method is the two-vector case of the game-theory
       combination weighting (博弈论组合赋权) used throughout the Chinese
       evaluation literature. No primary publication of it, and no
       published worked example with both input vectors and the combined
       result, could be read in a stored copy so far: the formulas here
       are implemented from their defining conditions and checked by hand
       calculations and properties, not against a golden example. Public
       implementations consulted normalise as ``c_k / (c_1 + c_2)``
       (signed); see ``docs/methodology.md``, section "Combining
       subjective and objective weights".

    Examples
    --------
    >>> game_theory_coefficients([0.5, 0.5], [0.5, 0.5])
    (0.5, 0.5)
    """
    func = "game_theory_coefficients"
    a_arr = np.asarray(a, dtype=float).ravel()
    a_arr = as_weights(func, a_arr, a_arr.size, name="a")
    b_arr = as_weights(func, b, a_arr.size, name="b")
    return _game_theory_coefficients(a_arr, b_arr)


def _game_theory_coefficients(
    a: FloatArray, b: FloatArray
) -> tuple[float, float]:
    """Solve the 2x2 game-theory system; no validation."""
    aa, ab, bb = float(a @ a), float(a @ b), float(b @ b)
    det = aa * bb - ab * ab  # >= 0 by Cauchy-Schwarz, 0 iff a == b
    if det <= 1e-15 * aa * bb:
        return 0.5, 0.5
    c1 = bb * (aa - ab) / det
    c2 = aa * (bb - ab) / det
    total = abs(c1) + abs(c2)
    return abs(c1) / total, abs(c2) / total


def _game_theory_kernel(
    a: FloatArray, b: FloatArray, alpha: float
) -> FloatArray:
    """Game-theory combination; no validation. `alpha` is unused."""
    c1, c2 = _game_theory_coefficients(a, b)
    return c1 * a + c2 * b


#: The combination methods, by name.
COMBINE_METHODS: dict[
    str, Callable[[FloatArray, FloatArray, float], FloatArray]
] = {
    "multiplicative": _multiplicative_kernel,
    "linear": _linear_kernel,
    "game_theory": _game_theory_kernel,
}


def _align(func: str, a: Any, b: Any) -> tuple[Any, Any, pd.Index | None]:
    """Align two Series by label; return (a, b, labels or None)."""
    a_is = isinstance(a, pd.Series)
    b_is = isinstance(b, pd.Series)
    if a_is and b_is:
        only_a = [k for k in a.index if k not in b.index]
        only_b = [k for k in b.index if k not in a.index]
        if only_a or only_b:
            raise ParameterError(
                f"{func}(): 'a' and 'b' must have the same labels; only in "
                f"'a': {only_a}; only in 'b': {only_b}.",
                parameter="b",
                value=list(b.index),
                allowed=list(a.index),
            )
        return a.to_numpy(float), b.reindex(a.index).to_numpy(float), a.index
    if a_is:
        return a.to_numpy(float), b, a.index
    if b_is:
        return a, b.to_numpy(float), b.index
    return a, b, None


def combine_weights(
    a: Any,
    b: Any,
    method: str = "multiplicative",
    alpha: float = 0.5,
) -> FloatArray | pd.Series:
    r"""Combine two weight vectors (e.g. AHP and entropy) into one.

    Parameters
    ----------
    a, b : array_like or pandas.Series, shape (n,)
        Weight vectors, each non-negative and summing to 1 (typically the
        subjective AHP weights and the objective entropy weights). Two
        Series are aligned by label.
    method : {"multiplicative", "linear", "game_theory"}
        How to combine (see Notes).
    alpha : float, default 0.5
        The share of `a` in the ``"linear"`` blend, in [0, 1]. Checked for
        every method, used only by ``"linear"``.

    Returns
    -------
    numpy.ndarray or pandas.Series
        The combined weights, non-negative, summing to 1; a Series (in
        `a`'s label order) when either input is a Series.

    Raises
    ------
    ParameterError
        Unknown `method`; `alpha` outside [0, 1]; a vector that is not
        non-negative or does not sum to 1; different lengths; Series with
        different labels; ``"multiplicative"`` with
        :math:`\sum_k a_k b_k = 0` (no criterion has weight in both).

    Notes
    -----
    ``"multiplicative"`` (product synthesis, 乘法合成):

    .. math:: w_j = \frac{a_j b_j}{\sum_k a_k b_k}

    ``"linear"`` (linear weighting, 线性加权):

    .. math:: w_j = \alpha a_j + (1 - \alpha) b_j

    ``"game_theory"`` (博弈论组合赋权): the coefficients of the linear
    combination :math:`\alpha_1 a + \alpha_2 b` that deviate least from
    both vectors, from the 2x2 system in `game_theory_coefficients`,
    normalised as :math:`|c_k| / \sum |c_k|`.

    References
    ----------
    .. [1] Hwang, C.-L., & Yoon, K. (1981). Multiple Attribute Decision
       Making: Methods and Applications. Springer, section on the entropy
       method (a prior weight combined with the entropy weight as
       :math:`\lambda_j w_j / \sum_k \lambda_k w_k`).
       https://doi.org/10.1007/978-3-642-48318-9 -- the attribution is
       the usual one; the page (p. 54 is often quoted) was not checked
       against a stored copy of the book.
    .. [2] Game-theory combination: see `game_theory_coefficients`.

    Examples
    --------
    >>> import numpy as np
    >>> combine_weights([0.5, 0.3, 0.2], [0.2, 0.3, 0.5])
    array([0.34482759, 0.31034483, 0.34482759])
    >>> combine_weights([0.5, 0.3, 0.2], [0.2, 0.3, 0.5], method="linear",
    ...                 alpha=0.6)
    array([0.38, 0.3 , 0.32])
    """
    func = "combine_weights"
    check_option(func, "method", method, COMBINE_METHODS)
    alpha = check_unit_interval(func, "alpha", alpha)
    a, b, labels = _align(func, a, b)
    a_arr = np.asarray(a, dtype=float).ravel()
    a_arr = as_weights(func, a_arr, a_arr.size, name="a")
    b_arr = as_weights(func, b, a_arr.size, name="b")
    if method == "multiplicative" and not float(a_arr @ b_arr) > 0:
        raise ParameterError(
            f"{func}(): method='multiplicative' needs at least one "
            "criterion with a positive weight in both 'a' and 'b'; here "
            "sum(a * b) = 0, so the product weights are undefined. Use "
            "method='linear' or 'game_theory'.",
            parameter="method",
            value=method,
        )
    w = COMBINE_METHODS[method](a_arr, b_arr, alpha)
    if labels is None:
        return w
    return pd.Series(w, index=labels, name="combined")
