"""Property-testing tools for weighting methods (public).

hypothesis strategies for the inputs weighting methods take (weight
vectors, reciprocal and consistent pairwise matrices, decision matrices)
and `check_weighting_method`, which asserts the axioms a weighting method
should satisfy. Use them to test your own methods::

    from clusterscore.testing import check_weighting_method

    def my_weights(X):
        ...

    check_weighting_method(my_weights, kind="objective")

This module needs hypothesis, an optional dependency:
``pip install "clusterscore[testing]"``. ``import clusterscore`` does not
import it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import numpy as np

try:
    from hypothesis import HealthCheck, Phase, given, reject, settings
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised by a test
    raise ImportError(
        "clusterscore.testing needs the optional dependency 'hypothesis'; "
        'install it with: pip install "clusterscore[testing]"'
    ) from exc

from clusterscore._checks import check_option
from clusterscore.errors import ParameterError
from clusterscore.judgments.scales import SAATY_SCALE as _SAATY

__all__ = [
    "SAATY_SCALE",
    "check_weighting_method",
    "consistent_matrices",
    "decision_matrices",
    "reciprocal_matrices",
    "weight_vectors",
]

#: Saaty's fundamental scale 1/9 .. 9 (Saaty 1980, Table 1.1), as a tuple:
#: the values of `clusterscore.judgments.scales.SAATY_SCALE`.
SAATY_SCALE: tuple[float, ...] = _SAATY.values

_KINDS = ("objective", "pairwise")


def _size(
    draw: st.DrawFn, fixed: int | None, lo: int, hi: int, what: str
) -> int:
    """Draw a size in [lo, hi], or return the fixed one."""
    if fixed is not None:
        if int(fixed) < 1:
            raise ParameterError(f"{what} must be >= 1; got {fixed!r}.")
        return int(fixed)
    return draw(st.integers(lo, hi))


@st.composite
def weight_vectors(
    draw: st.DrawFn,
    n: int | None = None,
    *,
    min_n: int = 2,
    max_n: int = 9,
    min_ratio: float = 0.02,
) -> np.ndarray:
    """Draw a positive weight vector summing to 1.

    Parameters
    ----------
    n : int, optional
        The length; drawn from ``[min_n, max_n]`` when omitted.
    min_n, max_n : int
        Bounds of the drawn length.
    min_ratio : float, default 0.02
        Each raw entry is drawn from ``[min_ratio, 1]`` before
        normalising, so no weight is smaller than `min_ratio` times the
        largest (keeps the ratios ``w_i / w_j`` bounded by ``1/min_ratio``).

    Returns
    -------
    numpy.ndarray
        Shape ``(n,)``, every entry > 0, summing to 1.
    """
    size = _size(draw, n, min_n, max_n, "n")
    raw = draw(
        st.lists(
            st.integers(round(min_ratio * 10_000), 10_000),
            min_size=size,
            max_size=size,
        )
    )
    w = np.asarray(raw, dtype=float)
    return cast("np.ndarray", w / w.sum())


@st.composite
def consistent_matrices(
    draw: st.DrawFn,
    weights: Any = None,
    n: int | None = None,
    *,
    min_n: int = 2,
    max_n: int = 9,
) -> tuple[np.ndarray, np.ndarray]:
    """Draw a perfectly consistent pairwise matrix and its weights.

    Parameters
    ----------
    weights : array_like, optional
        The priorities; drawn with `weight_vectors` when omitted (then of
        length `n`, or drawn from ``[min_n, max_n]``).
    n, min_n, max_n : int
        Size of drawn weights.

    Returns
    -------
    tuple of numpy.ndarray
        ``(A, w)`` with ``A[i, j] = w[i] / w[j]`` and ``w`` summing to 1.
    """
    if weights is None:
        w = draw(weight_vectors(n, min_n=min_n, max_n=max_n))
    else:
        w = np.asarray(weights, dtype=float).ravel()
        w = w / w.sum()
    return np.outer(w, 1.0 / w), w


@st.composite
def reciprocal_matrices(
    draw: st.DrawFn,
    n: int | None = None,
    *,
    saaty_scale: bool = False,
    min_n: int = 3,
    max_n: int = 9,
) -> np.ndarray:
    """Draw a positive reciprocal matrix (a pairwise comparison matrix).

    Parameters
    ----------
    n : int, optional
        The order; drawn from ``[min_n, max_n]`` when omitted.
    saaty_scale : bool, default False
        Draw every upper-triangle judgment from Saaty's 1/9 .. 9 scale
        (`SAATY_SCALE`); otherwise from the continuous range [1/9, 9]
        (log-uniform on a fine grid).
    min_n, max_n : int
        Bounds of the drawn order.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n)``; ``a_ii = 1`` and ``a_ji = 1 / a_ij`` exactly.
    """
    size = _size(draw, n, min_n, max_n, "n")
    k = size * (size - 1) // 2
    if saaty_scale:
        values = draw(
            st.lists(st.sampled_from(SAATY_SCALE), min_size=k, max_size=k)
        )
        upper = np.asarray(values, dtype=float)
    else:
        steps = draw(
            st.lists(st.integers(-1000, 1000), min_size=k, max_size=k)
        )
        upper = 9.0 ** (np.asarray(steps, dtype=float) / 1000.0)
    A = np.ones((size, size))
    iu = np.triu_indices(size, 1)
    A[iu] = upper
    A[iu[1], iu[0]] = 1.0 / upper
    return A


@st.composite
def decision_matrices(
    draw: st.DrawFn,
    n_rows: int | None = None,
    n_cols: int | None = None,
    *,
    min_rows: int = 2,
    max_rows: int = 12,
    min_cols: int = 1,
    max_cols: int = 8,
    non_negative: bool = True,
    min_value: float | None = None,
    max_value: float = 1000.0,
    resolution: int = 10_000,
    constant_columns: bool = False,
) -> np.ndarray:
    """Draw a finite decision matrix (rows: alternatives, columns: criteria).

    Values lie on a grid of `resolution` + 1 points in
    ``[min_value, max_value]``, so every column that varies does so by at
    least ``(max_value - min_value) / resolution``: weighting methods are
    tested on their logic, not on rounding noise.

    Parameters
    ----------
    n_rows, n_cols : int, optional
        The shape; drawn from ``[min_rows, max_rows]`` and
        ``[min_cols, max_cols]`` when omitted.
    min_rows, max_rows, min_cols, max_cols : int
        Bounds of the drawn shape.
    non_negative : bool, default True
        With the default `min_value`, draw from ``[0, max_value]``;
        otherwise from ``[-max_value, max_value]``.
    min_value, max_value : float
        The value range (``min_value`` defaults as described above).
    resolution : int, default 10000
        Number of grid steps between `min_value` and `max_value`.
    constant_columns : bool, default False
        If False no column is constant. If True, at least one column is
        constant and (when there are two or more columns) at least one
        varies.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_rows, n_cols)``, float, finite.
    """
    if min_value is None:
        min_value = 0.0 if non_negative else -max_value
    if not min_value < max_value:
        raise ParameterError(
            "decision_matrices(): 'min_value' must be < 'max_value'; got "
            f"{min_value!r} and {max_value!r}."
        )
    m = _size(draw, n_rows, max(min_rows, 2), max(max_rows, 2), "n_rows")
    n = _size(draw, n_cols, min_cols, max_cols, "n_cols")
    steps = draw(
        st.lists(st.integers(0, resolution), min_size=m * n, max_size=m * n)
    )
    K = np.asarray(steps, dtype=np.int64).reshape(m, n)
    # Make every constant column vary: move its first entry to the other
    # end of the grid.
    flat = K.max(axis=0) == K.min(axis=0)
    K[0, flat] = np.where(K[0, flat] == 0, resolution, 0)
    if constant_columns:
        if n == 1:
            const = np.array([True])
        else:
            const = np.asarray(
                draw(st.lists(st.booleans(), min_size=n, max_size=n))
            )
            if const.all():
                const[draw(st.integers(0, n - 1))] = False
            if not const.any():
                const[draw(st.integers(0, n - 1))] = True
        K[:, const] = K[1, const]
    step = (max_value - min_value) / resolution
    return min_value + K.astype(float) * step


# ------------------------------------------------------------ the checks


def _as_weights(result: Any) -> np.ndarray:
    """Extract a weight array from a method's result (``.weights`` too)."""
    if hasattr(result, "weights") and not isinstance(result, np.ndarray):
        result = result.weights
    return np.asarray(result, dtype=float)


def _fmt(x: np.ndarray) -> str:
    """Return a copy-pasteable repr of an array (full float precision)."""
    return f"np.array({np.asarray(x).tolist()!r})"


def _fail(axiom: str, detail: str, data: np.ndarray, name: str) -> None:
    """Raise the AssertionError of a failed axiom with its counterexample."""
    raise AssertionError(
        f"weighting method {name} violates the axiom '{axiom}': {detail}\n"
        f"counterexample input: {_fmt(data)}"
    )


def _close(x: np.ndarray, y: np.ndarray, rtol: float, atol: float) -> bool:
    return x.shape == y.shape and bool(np.allclose(x, y, rtol=rtol, atol=atol))


def _check_basic(
    w: np.ndarray, n: int, data: np.ndarray, name: str, atol: float
) -> None:
    """Right length, finite, non-negative, sums to 1."""
    if w.shape != (n,):
        _fail(
            "right length",
            f"expected {n} weights (one per criterion), got an array of "
            f"shape {w.shape}.",
            data,
            name,
        )
    if not np.all(np.isfinite(w)):
        _fail(
            "finite", f"weights {w.tolist()} are not all finite.", data, name
        )
    if np.any(w < -atol):
        _fail(
            "non-negative",
            f"weights {w.tolist()} contain a negative entry.",
            data,
            name,
        )
    total = float(w.sum())
    if abs(total - 1.0) > atol * max(n, 1):
        _fail(
            "sums to 1",
            f"weights {w.tolist()} sum to {total!r}, not 1.",
            data,
            name,
        )


def check_weighting_method(
    fn: Callable[[np.ndarray], Any],
    *,
    kind: str = "objective",
    scale_invariant: bool = False,
    max_examples: int = 100,
    n_rows: int | None = None,
    n_cols: int | None = None,
    saaty_scale: bool = False,
    atol: float = 1e-8,
    rtol: float = 1e-6,
    derandomize: bool = False,
    rejects: tuple[type[Exception], ...] = (),
    shrink: bool = True,
) -> None:
    """Assert that `fn` behaves like a weighting method.

    Runs hypothesis internally (no pytest needed) and raises
    `AssertionError` naming the first axiom that fails, with a minimal
    counterexample input that can be pasted back into Python.

    Parameters
    ----------
    fn : callable
        ``kind="objective"``: ``fn(X)`` with ``X`` an ``(m, n)`` float
        array of non-negative values with no constant column, returning
        ``n`` weights. ``kind="pairwise"``: ``fn(A)`` with ``A`` an
        ``(n, n)`` positive reciprocal matrix, returning ``n`` weights.
        A result with a ``.weights`` attribute (such as
        `clusterscore.judgments.ahp.AHPResult`) is accepted.
    kind : {"objective", "pairwise"}
        Which input the method takes (see above).
    scale_invariant : bool, default False
        Objective methods only: also assert that multiplying any column by
        a positive number leaves the weights unchanged.
    max_examples : int, default 100
        hypothesis examples per run.
    n_rows, n_cols : int, optional
        Fix the shape of the drawn decision matrices (objective) or the
        order of the matrices (pairwise, `n_cols`).
    saaty_scale : bool, default False
        Pairwise only: draw judgments from Saaty's 1/9 .. 9 scale.
    atol, rtol : float
        Tolerances: `atol` for "sums to 1" and non-negativity; `rtol` and
        `atol` for comparing two weight vectors.
    derandomize : bool, default False
        Use a fixed hypothesis seed (reproducible runs).
    rejects : tuple of exception classes, optional
        Exceptions by which `fn` declares a drawn input outside its domain
        (e.g. ``(DataError,)`` for CRITIC on perfectly correlated
        columns). Such an input is skipped; any other exception, or one of
        these raised on a permuted or rescaled copy of an accepted input,
        fails the check.
    shrink : bool, default True
        Shrink a failing input to a minimal counterexample before
        reporting it. ``False`` reports the first failing input found,
        which is faster when a failure is expected.

    Raises
    ------
    AssertionError
        An axiom fails; the message names it and shows the input.
    ParameterError
        Unknown `kind`; `scale_invariant` with ``kind="pairwise"``.

    Notes
    -----
    Axioms checked, in this order, on every drawn input:

    1. *right length*: one weight per criterion;
    2. *finite*, *non-negative*, *sums to 1*;
    3. *deterministic*: a second call gives identical weights;
    4. *input not modified*: the argument is unchanged after the call;
    5. objective: *row-permutation invariant* (reordering the
       alternatives does not change the weights) and
       *column-permutation equivariant* (reordering the criteria reorders
       the weights); pairwise: *permutation equivariant* (relabelling
       the criteria, ``A[p][:, p]``, gives ``w[p]``);
    6. objective with ``scale_invariant=True``: *scale invariant*;
       pairwise: *consistent matrix gives its weights back*
       (``A = w_i / w_j`` returns ``w``).

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process.
       McGraw-Hill (consistent matrices and the 1-9 scale).
    .. [2] MacIver, D. R., Hatfield-Dodds, Z., et al. (2019). Hypothesis:
       a new approach to property-based testing. Journal of Open Source
       Software, 4(43), 1891. https://doi.org/10.21105/joss.01891

    Examples
    --------
    >>> import numpy as np
    >>> def equal(X):
    ...     return np.full(np.shape(X)[1], 1 / np.shape(X)[1])
    >>> check_weighting_method(equal, max_examples=10)
    """
    check_option("check_weighting_method", "kind", kind, _KINDS)
    if kind == "pairwise" and scale_invariant:
        raise ParameterError(
            "check_weighting_method(): 'scale_invariant' applies to "
            "kind='objective' only; got kind='pairwise'.",
            parameter="scale_invariant",
            value=scale_invariant,
        )
    checker = _Checker(fn, rejects, atol, rtol)
    run_settings = settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=derandomize,
        report_multiple_bugs=False,
        suppress_health_check=[HealthCheck.too_slow],
        phases=tuple(p for p in Phase if shrink or p is not Phase.shrink),
    )
    if kind == "objective":

        @run_settings
        @given(X=decision_matrices(n_rows, n_cols), data=st.data())
        def run(X: np.ndarray, data: Any) -> None:
            checker.objective(X, data, scale_invariant)

    else:

        @run_settings
        @given(
            A=reciprocal_matrices(n_cols, saaty_scale=saaty_scale),
            consistent=consistent_matrices(n=n_cols, min_n=3),
            data=st.data(),
        )
        def run(
            A: np.ndarray,
            consistent: tuple[np.ndarray, np.ndarray],
            data: Any,
        ) -> None:
            checker.pairwise(A, consistent, data)

    run()


class _Checker:
    """The axioms of `check_weighting_method` for one method `fn`."""

    def __init__(
        self,
        fn: Callable[[np.ndarray], Any],
        rejects: tuple[type[Exception], ...],
        atol: float,
        rtol: float,
    ) -> None:
        self.fn = fn
        self.name = getattr(fn, "__qualname__", None) or repr(fn)
        self.rejects = rejects
        self.atol = atol
        self.rtol = rtol

    def call(
        self, data: np.ndarray, axiom: str, first: bool = False
    ) -> np.ndarray:
        """Call the method on a copy; fail on an error or a modified input."""
        arg = data.copy()
        try:
            out = self.fn(arg)
        except Exception as exc:  # any failure on valid input is a finding
            if first and isinstance(exc, self.rejects):
                reject()
            _fail(
                axiom,
                f"raised {type(exc).__name__}: {exc}",
                data,
                self.name,
            )
        if not np.array_equal(arg, data):
            _fail(
                "input not modified",
                "the method changed the array it was given.",
                data,
                self.name,
            )
        return _as_weights(out)

    def common(self, data: np.ndarray, n: int) -> np.ndarray:
        """Axioms 1-4: length, a weight vector, deterministic, no mutation."""
        w = self.call(data, "accepts valid input", first=True)
        _check_basic(w, n, data, self.name, self.atol)
        again = self.call(data, "deterministic")
        if not np.array_equal(w, again):
            _fail(
                "deterministic",
                f"two calls gave {w.tolist()} and {again.tolist()}.",
                data,
                self.name,
            )
        return w

    def expect(
        self,
        got: np.ndarray,
        want: np.ndarray,
        axiom: str,
        what: str,
        data: np.ndarray,
    ) -> None:
        """Fail `axiom` unless `got` is close to `want`."""
        if not _close(got, want, self.rtol, self.atol):
            _fail(axiom, what, data, self.name)

    def objective(
        self, X: np.ndarray, data: Any, scale_invariant: bool
    ) -> None:
        """Axioms of an objective method on one decision matrix."""
        m, n = X.shape
        w = self.common(X, n)
        rows = np.asarray(data.draw(st.permutations(range(m))))
        axiom = "row-permutation invariant"
        w_rows = self.call(X[rows], axiom)
        self.expect(
            w_rows,
            w,
            axiom,
            f"rows reordered by {rows.tolist()} gave "
            f"{w_rows.tolist()} instead of {w.tolist()}.",
            X,
        )
        cols = np.asarray(data.draw(st.permutations(range(n))))
        axiom = "column-permutation equivariant"
        w_cols = self.call(X[:, cols], axiom)
        self.expect(
            w_cols,
            w[cols],
            axiom,
            f"columns reordered by {cols.tolist()} gave "
            f"{w_cols.tolist()}, expected {w[cols].tolist()}.",
            X,
        )
        if scale_invariant:
            exps = data.draw(
                st.lists(st.integers(-3, 3), min_size=n, max_size=n)
            )
            factors = 10.0 ** np.asarray(exps, dtype=float)
            w_scaled = self.call(X * factors, "scale invariant")
            self.expect(
                w_scaled,
                w,
                "scale invariant",
                f"columns multiplied by {factors.tolist()} gave "
                f"{w_scaled.tolist()} instead of {w.tolist()}.",
                X,
            )

    def pairwise(
        self,
        A: np.ndarray,
        consistent: tuple[np.ndarray, np.ndarray],
        data: Any,
    ) -> None:
        """Axioms of a pairwise method on one matrix and a consistent one."""
        n = A.shape[0]
        w = self.common(A, n)
        p = np.asarray(data.draw(st.permutations(range(n))))
        w_p = self.call(A[np.ix_(p, p)], "permutation equivariant")
        self.expect(
            w_p,
            w[p],
            "permutation equivariant",
            f"criteria relabelled by {p.tolist()} gave "
            f"{w_p.tolist()}, expected {w[p].tolist()}.",
            A,
        )
        C, truth = consistent
        axiom = "consistent matrix gives its weights back"
        got = self.call(C, axiom)
        self.expect(
            got,
            truth,
            axiom,
            f"a_ij = w_i / w_j for w = {truth.tolist()} gave {got.tolist()}.",
            C,
        )
