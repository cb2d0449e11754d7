"""Tests of clusterscore.uncertainty.sampling: perturbed judgments, draws."""

from __future__ import annotations

import numpy as np

from clusterscore.judgments.ahp import ahp
from clusterscore.judgments.scales import cr_acceptable
from clusterscore.system import load_system
from clusterscore.uncertainty import batched_ahp, perturb_judgments
from clusterscore.uncertainty.sampling import (
    Matrix,
    Perturbation,
    draw_design,
    local_weights,
)


def test_perturb_judgments_moves_along_saaty_scale():
    """Steps move 3 to 4, 5 and 1/2, clip at 9, keep 0-step values."""
    a = np.array([[1.0, 3.0, 9.0], [1 / 3, 1.0, 2.449], [1 / 9, 1 / 2.449, 1]])
    steps = np.array([[1, 1, 0], [2, 0, -1], [-3, -1, 0]])
    out = perturb_judgments(a, steps)
    # hand: scale ... 1/2, 1, 2, 3, 4, 5 ... 9; 2.449 is nearest 2 in log
    assert out[0, 0, 1] == 4.0
    assert out[0, 0, 2] == 9.0  # 9 + 1 step clips at 9
    assert out[0, 1, 2] == 2.449
    assert out[1, 0, 1] == 5.0
    assert out[1, 1, 2] == 1.0  # 2.449 -> 2 -> one step down -> 1
    assert out[2, 0, 1] == 0.5  # 3 -> 2 -> 1 -> 1/2
    assert out[2, 0, 2] == 8.0
    np.testing.assert_allclose(out * np.transpose(out, (0, 2, 1)), 1.0)


def test_batched_ahp_matches_single_matrix_ahp(rng):
    """Stacked eigenvectors and CRs equal ahp() on each matrix."""
    system = load_system()
    base = system.judgments_for("scale", None).matrix
    steps = rng(7).integers(-2, 3, size=(6, base.shape[0] * 5 // 2))
    stack = perturb_judgments(base, steps)
    w, lam = batched_ahp(stack)
    n = base.shape[0]
    for k in range(len(stack)):
        ref = ahp(stack[k])
        np.testing.assert_allclose(w[k], ref.weights, atol=1e-12)
        np.testing.assert_allclose(lam[k], ref.lambda_max, rtol=1e-12)
        cr = (lam[k] - n) / (n - 1) / ref.ri
        np.testing.assert_allclose(cr, ref.cr, rtol=1e-10)


def test_batched_ahp_saaty_consistent_example():
    """A consistent 3x3 matrix (w = 4/7, 2/7, 1/7) has lambda_max = 3."""
    w0 = np.array([4, 2, 1]) / 7
    a = w0[:, None] / w0[None, :]
    w, lam = batched_ahp(a[None])
    np.testing.assert_allclose(w[0], w0, atol=1e-12)
    np.testing.assert_allclose(lam, [3.0], atol=1e-12)


def test_local_weights_are_ahp_of_each_matrix(rng):
    """Weights and CR of a stack equal ahp() matrix by matrix."""
    base = load_system().judgments_for("dimensions", None).matrix
    n = base.shape[0]
    steps = rng(3).integers(-1, 2, size=(5, n * (n - 1) // 2))
    stack = perturb_judgments(base, steps)
    w, cr = local_weights(stack, "saaty")
    for k in range(len(stack)):
        ref = ahp(stack[k])
        np.testing.assert_array_equal(w[k], ref.weights)
        assert cr[k] == ref.cr


def test_reject_marks_exactly_the_samples_failing_the_cr_rule(rng):
    """cr_rule="reject": a sample is out iff a perturbed CR fails the rule."""
    system = load_system()
    base = np.asarray(system.judgments_for("scale", None).matrix)
    mt = Matrix("scale", "indicator_judgments", base, (), np.arange(6))
    pert = Perturbation(
        steps=2,
        alpha=0.5,
        alpha_range=(0.5, 0.5),
        methods=("weighted_sum",),
        normalizations=(None,),
        max_cr=0.1,
        cr_rule="reject",
        ri="saaty",
    )
    stats = {"scale": np.zeros(3, dtype=np.int64)}
    d = draw_design([mt], pert, 200, rng(4), ("indicator_judgments",), stats)
    assert (d.ok == cr_acceptable(d.cr["scale"], 0.1)).all()
    assert not d.ok.all()
    assert stats["scale"][:2].tolist() == [200, int((~d.ok).sum())]
