"""Tests of clusterscore.uncertainty.model: the batched evaluation."""

from __future__ import annotations

import numpy as np
import pytest

from clusterscore.scoring import RunOptions, prepare
from clusterscore.uncertainty.model import build_model
from clusterscore.uncertainty.sampling import Perturbation


def _model(tiny_system, tiny_table, methods, normalizations, **run):
    prep = prepare(tiny_table, tiny_system)
    pert = Perturbation(
        steps=1,
        alpha=0.5,
        alpha_range=(0.5, 0.5),
        methods=methods,
        normalizations=normalizations,
        max_cr=0.1,
        cr_rule="resample",
        ri="saaty",
    )
    return build_model(prep, tiny_system, RunOptions(**run), pert)


def _stats(model):
    return {mt.name: np.zeros(3, dtype=np.int64) for mt in model.matrices}


def test_nominal_design_scores_are_the_hand_computed_ones(
    tiny_system, tiny_table
):
    """Unperturbed samples: weights and scores computed by hand.

    AHP weights (0.375, 0.375, 0.25); clusters in name order a, b, c.
    Weighted sum of the target-relative values (see
    `test_run.test_nominal_ranking_is_the_hand_computed_one`):
    71.875, 68.75, 53.75. Min-max values (x1: 5, 8, 10 -> 1, 0, .6;
    x2 cost: 8, 2, 4 -> 0, 1, 2/3; x3: 50, 25, 10 -> 1, .375, 0):
    a = .375 + 0 + .25 = 62.5; b = 0 + .375 + .09375 = 46.875;
    c = .225 + .25 + 0 = 47.5.
    """
    model = _model(
        tiny_system,
        tiny_table,
        ("weighted_sum",),
        ("target", "minmax"),
        weighting="ahp",
    )
    d = model.draw(
        4, np.random.default_rng(0), ("normalization",), _stats(model)
    )
    w = model.weights(d)
    np.testing.assert_allclose(w, [[0.375, 0.375, 0.25]] * 4)
    scores = model.scores(d, w)
    hand = {0: [71.875, 68.75, 53.75], 1: [62.5, 46.875, 47.5]}
    for row, norm in zip(scores, d.norm, strict=True):
        np.testing.assert_allclose(row, hand[int(norm)])


def test_uncertain_inputs_follow_the_options(tiny_system, tiny_table):
    """Only the 2x2 and 1x1 matrices: the dimension judgment varies."""
    model = _model(
        tiny_system,
        tiny_table,
        ("weighted_sum", "topsis"),
        (None,),
        weighting="combined",
        combine="linear",
    )
    # d1 compares x1 and x2 (one judgment), d2 holds x3 alone (none)
    assert model.uncertain() == (
        "dimension_judgments",
        "indicator_judgments",
        "method",
    )
    assert model.resolved("topsis", None) == "vector"
    assert model.resolved("weighted_sum", "vector") == "minmax"


@pytest.mark.parametrize("combine", ["linear", "multiplicative"])
def test_combined_weights_of_nominal_samples(tiny_system, tiny_table, combine):
    """Entropy weights of the min-max table, combined by hand.

    Column shares of the min-max values (see above): x1 (1, 0, .6)/1.6,
    x2 (0, 1, 2/3)/(5/3), x3 (1, .375, 0)/1.375; entropy weights are
    (1 - E_j) / sum (1 - E_k), and with alpha 0.5 the linear combination
    is 0.5 w_ahp + 0.5 w_ent, the multiplicative one
    w_ahp w_ent / sum(w_ahp w_ent).
    """
    model = _model(
        tiny_system,
        tiny_table,
        ("weighted_sum",),
        (None,),
        weighting="combined",
        combine=combine,
    )
    p = [
        np.array([1, 0, 0.6]) / 1.6,
        np.array([0, 1, 2 / 3]) / (5 / 3),
        np.array([1, 0.375, 0]) / 1.375,
    ]
    e = np.array(
        [-sum(v * np.log(v) for v in q if v > 0) / np.log(3) for q in p]
    )
    w_ent = (1 - e) / (1 - e).sum()
    w_ahp = np.array([0.375, 0.375, 0.25])
    hand = (
        0.5 * w_ahp + 0.5 * w_ent
        if combine == "linear"
        else w_ahp * w_ent / (w_ahp * w_ent).sum()
    )
    d = model.draw(3, np.random.default_rng(1), (), _stats(model))
    np.testing.assert_allclose(model.w_ent, w_ent, atol=1e-12)
    np.testing.assert_allclose(model.weights(d), [hand] * 3, atol=1e-12)
