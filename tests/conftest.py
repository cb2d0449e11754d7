"""Shared fixtures and hypothesis profiles.

Choose a profile with ``HYPOTHESIS_PROFILE`` (``dev`` by default, ``ci``
for the continuous-integration run). Property tests ask for at least 200
examples each through ``@settings(max_examples=...)`` where the issue
requires it.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def rng():
    """Return a factory of seeded numpy Generators."""

    def make(seed: int = 42) -> np.random.Generator:
        return np.random.default_rng(seed)

    return make
