"""Tests of clusterscore.uncertainty.sobol on models with known answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import ParameterError
from clusterscore.uncertainty import sobol_indices


def _design(g, n, d, low=0.0, high=1.0):
    """Return A, B and the stack of A_B^(i) for d independent uniforms."""
    a = g.uniform(low, high, (n, d))
    b = g.uniform(low, high, (n, d))
    ab = np.repeat(a[None], d, axis=0)
    for i in range(d):
        ab[i, :, i] = b[:, i]
    return a, b, ab


def test_sobol_linear_model_recovers_analytic_indices(rng):
    """Linear y = x1 + 2 x2 + 3 x3 (U(0,1)): S_i = ST_i = a_i^2 / 14."""
    a_coef = np.array([1.0, 2.0, 3.0])
    a, b, ab = _design(rng(11), 4000, 3)
    res = sobol_indices(a @ a_coef, b @ a_coef, ab @ a_coef, rng=1)
    exact = a_coef**2 / (a_coef**2).sum()  # 1/14, 4/14, 9/14
    assert np.all(res["S_low"] <= exact)
    assert np.all(exact <= res["S_high"])
    assert np.all(res["ST_low"] <= exact)
    assert np.all(exact <= res["ST_high"])


def test_sobol_ishigami_recovers_published_indices(rng):
    """Ishigami (a=7, b=0.1): S = .3139 .4424 0, ST = .5576 .4424 .2437.

    Values from Saltelli et al. (2008), Global Sensitivity Analysis. The
    Primer, Wiley, section 4.8 (Ishigami and Homma 1990 function).
    """

    def f(x):
        return (
            np.sin(x[..., 0])
            + 7 * np.sin(x[..., 1]) ** 2
            + 0.1 * x[..., 2] ** 4 * np.sin(x[..., 0])
        )

    a, b, ab = _design(rng(2), 20000, 3, -np.pi, np.pi)
    res = sobol_indices(f(a), f(b), f(ab), n_boot=500, rng=3)
    s = np.array([0.3139, 0.4424, 0.0])
    stt = np.array([0.5576, 0.4424, 0.2437])
    assert np.all((res["S_low"] <= s) & (s <= res["S_high"]))
    assert np.all((res["ST_low"] <= stt) & (stt <= res["ST_high"]))


def test_sobol_indices_without_bootstrap_have_nan_intervals():
    """n_boot=0 gives point estimates and NaN interval columns."""
    g = np.random.default_rng(0)
    a, b, ab = _design(g, 100, 2)
    res = sobol_indices(a.sum(1), b.sum(1), ab.sum(2), n_boot=0)
    assert res[["S_low", "ST_high"]].isna().all().all()
    assert res["S"].notna().all()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"f_ab": np.zeros((2, 5))}, r"'f_ab' shape \(d, N\)"),
        (
            {"f_a": np.zeros(1), "f_b": np.zeros(1), "f_ab": np.zeros((1, 1))},
            r"N >= 2",
        ),
        ({"n_boot": -1}, r"'n_boot' must be an integer >= 0"),
        ({"conf": 1.0}, r"'conf' must be a number in \(0, 1\)"),
    ],
)
def test_sobol_indices_errors(kwargs, match):
    """Bad shapes, N < 2, n_boot < 0 and conf outside (0, 1) raise."""
    args = {"f_a": np.zeros(4), "f_b": np.ones(4), "f_ab": np.zeros((2, 4))}
    args.update(kwargs)
    with pytest.raises(ParameterError, match=match):
        sobol_indices(**args)


def test_bootstrap_in_chunks_is_the_one_big_draw(monkeypatch):
    """Issue 15 item 3: the bootstrap runs in chunks of replicates.

    Memory stays bounded (--saltelli 5000 took 830 MB), with the very
    numbers of one (n_boot, N) draw: the index stream is consumed in the
    same order.
    """
    from clusterscore.uncertainty import sobol

    g = np.random.default_rng(3)
    a, b = g.random((2, 200, 3))
    f = lambda x: x[..., 0] + 2 * x[..., 1] * x[..., 2]  # noqa: E731
    ab = np.stack([np.where(np.arange(3) == i, b, a) for i in range(3)])
    whole = sobol_indices(f(a), f(b), f(ab), n_boot=101, rng=7)
    monkeypatch.setattr(sobol, "_BOOT_CELLS", 200 * 5 * 7)  # 7 per chunk
    chunked = sobol_indices(f(a), f(b), f(ab), n_boot=101, rng=7)
    pd.testing.assert_frame_equal(whole, chunked)
