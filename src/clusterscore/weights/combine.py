"""Combining subjective (AHP) and objective (entropy) weight vectors.

The combination weighting of the Chinese literature (组合赋权): a
multiplicative (product) synthesis, a linear blend, and the game-theory
combination that finds the linear coefficients closest to both vectors.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any, Literal, cast, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore._checks import (
    as_real_array,
    as_weights,
    check_option,
    check_unit_interval,
    short_repr,
)
from clusterscore.errors import FallbackWarning, ParameterError

__all__ = ["COMBINE_METHODS", "combine_weights", "game_theory_coefficients"]

FloatArray = npt.NDArray[np.float64]


# The kernels take one pair of vectors, shape (n,), or a batch, one pair
# per row, shape (k, n) (broadcast against each other; `alpha` a number
# or shape (k, 1)); `uncertainty` combines its samples' weights with them.


def _multiplicative_kernel(
    a: FloatArray, b: FloatArray, alpha: float | FloatArray
) -> FloatArray:
    """``a_j b_j / sum_k a_k b_k`` per row; no validation (sums > 0)."""
    ab = a * b
    return cast(FloatArray, ab / ab.sum(axis=-1, keepdims=True))


def _linear_kernel(
    a: FloatArray, b: FloatArray, alpha: float | FloatArray
) -> FloatArray:
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

    Warns
    -----
    FallbackWarning
        The unconstrained coefficients have a negative one, which the
        method's constraint forbids; the constrained equilibrium is
        returned, putting all the weight on one vector (see Notes).

    Notes
    -----
    The method, which [2]_ and [3]_ attribute to Chen (2003) [1]_ and
    state as follows, combines L weight vectors linearly,
    :math:`w = \sum_k c_k w_k` with :math:`c_k > 0`, and looks for the
    coefficients on which the L "players" agree: each vector's deviation
    from the combination, :math:`\lVert \sum_j c_j w_j - w_i \rVert_2`,
    is minimised, and the first-order conditions
    :math:`w_i \cdot (\sum_j c_j w_j - w_i) = 0` form the linear system
    :math:`\sum_j c_j\, w_i \cdot w_j = w_i \cdot w_i`. For two
    vectors

    .. math::

        \begin{pmatrix} a \cdot a & a \cdot b \\ b \cdot a & b \cdot b
        \end{pmatrix}
        \begin{pmatrix} c_1 \\ c_2 \end{pmatrix}
        = \begin{pmatrix} a \cdot a \\ b \cdot b \end{pmatrix},

    solved in closed form:
    :math:`c_1 = (b \cdot b)(a \cdot a - a \cdot b) / D`,
    :math:`c_2 = (a \cdot a)(b \cdot b - a \cdot b) / D`,
    :math:`D = (a \cdot a)(b \cdot b) - (a \cdot b)^2`, then normalised,
    :math:`\alpha_k = c_k / (c_1 + c_2)`, as in the published
    applications [2]_ [3]_.

    Negative coefficients. :math:`c_1 < 0` exactly when
    :math:`a \cdot b > a \cdot a` (`b` points further along `a` than
    `a` itself, e.g. `a` near uniform and `b` concentrated on the same
    criteria); both can never be negative. The sources state
    :math:`c_k > 0` but solve the unconstrained system and do not say
    what happens then. We keep the constraint (as :math:`c_k \ge 0`)
    and return the equilibrium of the constrained game: with
    :math:`c_1 = 0`, the second player's best reply is :math:`c_2 = 1`,
    and the first player cannot gain by raising :math:`c_1` because
    :math:`a \cdot (b - a) \ge 0`; so :math:`\alpha = (0, 1)` and the
    combination is `b`, with a `FallbackWarning` (symmetrically for
    :math:`c_2 < 0`). Normalising the signed coefficients instead would
    give :math:`\alpha_1 < 0` and can give negative weights. When
    ``a == b`` the system is singular, any coefficients reproduce the
    common vector, and ``(0.5, 0.5)`` is returned.

    References
    ----------
    .. [1] 陈加良 (Chen, J. L.) (2003). 基于博弈论的组合赋权评价方法研究
       (Research on the combination-weighting evaluation method based on
       game theory). 福建电脑 (Fujian Computer), 2003(9), 15-16. Cited
       as the method's origin by [2]_ and [3]_; the paper itself was not
       read in a stored copy.
    .. [2] 苏广全, 吕海深, 朱永华, 陈庭兴, 花佳程 (2022). 基于博弈论组合
       赋权的洪水风险评价——以武威地区为例. 干旱区研究 (Arid Zone
       Research), 39(3), 801-809. doi:10.13866/j.azr.2022.03.13
       (section 1.6 and Table 1: entropy and AHP weights, coefficients
       0.525 and 0.475; a golden test).
    .. [3] 侯克鹏, 王黎蝶 (2021). 基于改进的FAHP-CRITIC法与云理论的露天矿
       边坡危险性评估模型. 安全与环境学报 (Journal of Safety and
       Environment), 21(6), 2443-2451.
       doi:10.13637/j.issn.1009-6094.2020.1302 (eq. 17: FAHP and CRITIC
       weights, coefficients 0.4953 and 0.5047; a golden test).

    Examples
    --------
    >>> game_theory_coefficients([0.5, 0.5], [0.5, 0.5])
    (0.5, 0.5)
    >>> a1, a2 = game_theory_coefficients([0.6, 0.4], [0.3, 0.7])
    >>> round(a1 * 81, 9), round(a2 * 81, 9)  # (29/81, 52/81)
    (29.0, 52.0)
    """
    func = "game_theory_coefficients"
    a_arr, b_arr = _weight_pair(func, a, b)
    return _warn_if_constrained(func, a_arr, b_arr)


def _weight_pair(func: str, a: Any, b: Any) -> tuple[FloatArray, FloatArray]:
    """Check `a` and `b` as weight vectors of one length (ParameterError)."""
    if a is None or isinstance(a, str | bytes):
        raise ParameterError(
            f"{func}(): 'a' must be a weight vector; got {short_repr(a)}.",
            parameter="a",
            value=a,
        )
    a_arr = as_real_array(func, "a", a, ParameterError).ravel()
    a_arr = as_weights(func, a_arr, a_arr.size, name="a")
    return a_arr, as_weights(func, b, a_arr.size, name="b")


def _game_theory_rows(
    a: FloatArray, b: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """Game-theory coefficients for many pairs at once; no validation.

    Parameters
    ----------
    a, b : numpy.ndarray, shape (k, n) or (n,)
        Weight vectors, one pair per row (broadcast against each other).

    Returns
    -------
    alpha : numpy.ndarray, shape (k, 2)
        The normalised coefficients of `game_theory_coefficients`, row by
        row, with the constraint ``c >= 0`` kept.
    c : numpy.ndarray, shape (k, 2)
        The unconstrained solutions of the 2x2 systems (NaN where a row's
        system is singular, i.e. ``a == b``). ``(c < 0).any(axis=1)``
        marks the rows where the constraint binds.
    """
    a2, b2 = np.atleast_2d(a), np.atleast_2d(b)
    aa = np.einsum("ij,ij->i", a2, a2)
    bb = np.einsum("ij,ij->i", b2, b2)
    ab = np.einsum("ij,ij->i", a2, b2)
    det = aa * bb - ab * ab  # >= 0 by Cauchy-Schwarz, 0 iff a == b
    singular = det <= 1e-15 * aa * bb
    safe = np.where(singular, 1.0, det)
    c = np.stack([bb * (aa - ab), aa * (bb - ab)], axis=1) / safe[:, None]
    c[singular] = np.nan
    alpha = np.clip(c, 0.0, None)  # a negative c_k gives alpha = unit vector
    alpha /= alpha.sum(axis=1, keepdims=True)
    alpha[singular] = 0.5
    return alpha, c


def _warn_if_constrained(
    func: str, a: FloatArray, b: FloatArray
) -> tuple[float, float]:
    """Coefficients of one pair; warn if the constraint binds."""
    alpha, c = _game_theory_rows(a, b)
    alpha_1, alpha_2 = float(alpha[0, 0]), float(alpha[0, 1])
    if (c[0] < 0).any():
        kept, dropped = ("b", "a") if alpha_1 == 0.0 else ("a", "b")
        warnings.warn(
            f"{func}(): the game-theory coefficients solve to "
            f"c = ({c[0, 0]:.4g}, {c[0, 1]:.4g}); the method requires "
            f"c_k >= 0 ('{kept}' agrees with '{dropped}' more than "
            f"'{dropped}' does with itself). The constrained equilibrium "
            f"gives all the weight to '{kept}': the combination equals "
            f"'{kept}'. Use method='linear' to keep a share of both.",
            FallbackWarning,
            stacklevel=3,
        )
    return alpha_1, alpha_2


def _game_theory_kernel(
    a: FloatArray, b: FloatArray, alpha: float | FloatArray
) -> FloatArray:
    """Game-theory combination; no validation, no warning. Unused `alpha`."""
    coef, _ = _game_theory_rows(a, b)
    w = coef[:, :1] * a + coef[:, 1:] * b
    return w.reshape(np.broadcast_shapes(a.shape, b.shape))


#: The combination methods, by name.
COMBINE_METHODS: dict[
    str, Callable[[FloatArray, FloatArray, float | FloatArray], FloatArray]
] = {
    "multiplicative": _multiplicative_kernel,
    "linear": _linear_kernel,
    "game_theory": _game_theory_kernel,
}
CombineMethod = Literal["multiplicative", "linear", "game_theory"]
"""The names in `COMBINE_METHODS`, as a type (a test keeps them in step)."""


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
        return a.to_numpy(), b.reindex(a.index).to_numpy(), a.index
    if a_is:
        return a.to_numpy(), b, a.index
    if b_is:
        return a, b.to_numpy(), b.index
    return a, b, None


@overload
def combine_weights(
    a: pd.Series[float],
    b: Any,
    method: CombineMethod = "multiplicative",
    alpha: float = 0.5,
) -> pd.Series[float]: ...
@overload
def combine_weights(
    a: Any,
    b: pd.Series[float],
    method: CombineMethod = "multiplicative",
    alpha: float = 0.5,
) -> pd.Series[float]: ...
@overload
def combine_weights(
    a: Any,
    b: Any,
    method: CombineMethod = "multiplicative",
    alpha: float = 0.5,
) -> FloatArray: ...
def combine_weights(
    a: Any,
    b: Any,
    method: CombineMethod = "multiplicative",
    alpha: float = 0.5,
) -> FloatArray | pd.Series[float]:
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

    Warns
    -----
    FallbackWarning
        ``"game_theory"`` whose unconstrained coefficients include a
        negative one: the result is then one of the two inputs (see
        `game_theory_coefficients`).

    Notes
    -----
    ``"multiplicative"`` (product synthesis, 乘法合成):

    .. math:: w_j = \frac{a_j b_j}{\sum_k a_k b_k}

    ``"linear"`` (linear weighting, 线性加权):

    .. math:: w_j = \alpha a_j + (1 - \alpha) b_j

    ``"game_theory"`` (博弈论组合赋权): the coefficients of the linear
    combination :math:`\alpha_1 a + \alpha_2 b` on which both vectors
    agree (Chen 2003), from the 2x2 system in `game_theory_coefficients`,
    normalised as :math:`c_k / \sum c_k` with the method's constraint
    :math:`c_k \ge 0` kept.

    References
    ----------
    .. [1] Hwang, C.-L., & Yoon, K. (1981). Multiple Attribute Decision
       Making: Methods and Applications. Springer, section on the entropy
       method (a prior weight combined with the entropy weight as
       :math:`\lambda_j w_j / \sum_k \lambda_k w_k`).
       https://doi.org/10.1007/978-3-642-48318-9 -- the attribution is
       the usual one; the page (p. 54 is often quoted) was not checked
       against a stored copy of the book.
    .. [2] Game-theory combination: Chen (2003) and the applications
       cited in `game_theory_coefficients`.

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
    a_arr, b_arr = _weight_pair(func, a, b)
    if method == "multiplicative" and not float(a_arr @ b_arr) > 0:
        raise ParameterError(
            f"{func}(): method='multiplicative' needs at least one "
            "criterion with a positive weight in both 'a' and 'b'; here "
            "sum(a * b) = 0, so the product weights are undefined. Use "
            "method='linear' or 'game_theory'.",
            parameter="method",
            value=method,
        )
    if method == "game_theory":
        _warn_if_constrained(func, a_arr, b_arr)
    w = COMBINE_METHODS[method](a_arr, b_arr, alpha)
    if labels is None:
        return w
    return pd.Series(w, index=labels, name="combined")
