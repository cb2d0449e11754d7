"""Helpers shared by the tests of clusterscore.judgments (not collected)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
from hypothesis import strategies as st

from clusterscore import testing as cst
from clusterscore.judgments.scales import SAATY_SCALE

_REF = Path(__file__).resolve().parents[1] / "reference" / "ahp_examples.py"
_spec = importlib.util.spec_from_file_location("ahp_examples", _REF)
ref = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ref)

METHODS = ("eigenvector", "geometric", "arithmetic")
NAN = float("nan")


def consistent(w) -> np.ndarray:
    """Return the consistent matrix a_ij = w_i / w_j."""
    w = np.asarray(w, dtype=float)
    return w[:, None] / w[None, :]


def random_reciprocal(n: int, seed: int) -> np.ndarray:
    """Return a random reciprocal matrix with entries on Saaty's scale."""
    rng = np.random.default_rng(seed)
    scale = np.asarray(SAATY_SCALE.values)
    a = np.ones((n, n))
    iu = np.triu_indices(n, 1)
    vals = rng.choice(scale, size=iu[0].size)
    a[iu] = vals
    a[(iu[1], iu[0])] = 1.0 / vals
    return a


# ---------------------------------------------------------------------------
# hypothesis strategies: the public ones of clusterscore.testing


def weight_vectors(n=None, min_n=1, max_n=9):
    """Positive weight vectors summing to 1 (clusterscore.testing)."""
    return cst.weight_vectors(n=n, min_n=min_n, max_n=max_n)


def reciprocal_matrices(min_n=1, max_n=9):
    """Reciprocal matrices, on Saaty's scale or continuous in [1/9, 9]."""
    return st.one_of(
        cst.reciprocal_matrices(saaty_scale=True, min_n=min_n, max_n=max_n),
        cst.reciprocal_matrices(saaty_scale=False, min_n=min_n, max_n=max_n),
    )
