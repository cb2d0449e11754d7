"""Fuzz tests of the indicator-file reader (`load_system`), issue 16.

Arbitrary bytes, and the default indicator file and the minimal test
fixture mutated line by line (lines dropped, doubled, swapped, values
replaced by junk TOML values, junk lines inserted). Each must give an
`IndicatorSystem` or a `ClusterScoreError` (`ConfigError`); a system that
loads must then rank a table made for it with finite scores, or refuse it
with a `ClusterScoreError`. No other exception, no foreign warning.

300 examples per test under ``HYPOTHESIS_PROFILE=ci`` (tests/conftest.py),
40 by default; ``FUZZ_EXAMPLES=N`` asks for N (a longer hunt by hand).
"""

from __future__ import annotations

import io
import math
import os
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clusterscore.errors import ClusterScoreError, ClusterScoreWarning
from clusterscore.io import make_template, validate
from clusterscore.scoring import rank_clusters
from clusterscore.system import (
    IndicatorSystem,
    default_system_path,
    load_system,
)

MINIMAL = (
    Path(__file__).resolve().parents[1] / "data" / "systems" / "minimal.toml"
)
CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 300 if CI else 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FILES = {
    "default": default_system_path().read_bytes().decode("utf-8").splitlines(),
    "minimal": MINIMAL.read_text(encoding="utf-8").splitlines(),
}
JUNK_VALUES = [
    "0",
    "-1",
    "1",
    "2",
    "1e400",
    "nan",
    "inf",
    "-inf",
    "0.0",
    "9",
    "1/9",
    '""',
    '"x"',
    '"basic"',
    '"cost"',
    '"benefit"',
    '"scale"',
    "[]",
    "[1, 2]",
    '[["a", "b", 3]]',
    '[["a", "a", 1]]',
    "{}",
    "true",
    "false",
    "1979-05-27",
    '"' + "x" * 300 + '"',
]
JUNK_LINES = [
    "[[indicator]]",
    "[meta]",
    "[[judgments]]",
    "x = 1",
    "=",
    "[",
    '"',
]
_ASSIGNMENT = re.compile(r"^(\s*[\w.\"-]+\s*=\s*)(.*)$")


def _values(system: IndicatorSystem) -> pd.DataFrame:
    """Return a 4-cluster table inside every bound of `system`."""
    table = make_template(system)
    n = 4
    types = list(system.cluster_types) or ["basic"]
    columns: dict[str, object] = {
        "cluster": [f"C{k}" for k in range(n)],
        "type": [types[k % len(types)] for k in range(n)],
    }
    by_id = {i.id: i for i in system.indicators}
    for column in table.columns[4:]:
        ind = by_id.get(column)
        lo = 0.0 if ind is None or ind.lower is None else float(ind.lower)
        hi = None if ind is None or ind.upper is None else float(ind.upper)
        lo = lo if math.isfinite(lo) else 0.0
        span = (hi - lo) if hi is not None and math.isfinite(hi) else 10.0
        vals = [lo + span * (k + 1) / (n + 1) for k in range(n)]
        if ind is not None and ind.integer:
            vals = [float(math.ceil(v)) for v in vals]
        columns[column] = vals
    return pd.DataFrame(columns)


def check(data: bytes, record: bool = True) -> None:
    """Load `data`; rank a table for what loads. Only our errors escape."""
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            system = load_system(io.BytesIO(data))
        except ClusterScoreError:
            system = None
        note = event if record else (lambda _: None)
        note("loads" if system is not None else "refused")
        if system is not None:
            try:
                df = validate(_values(system), system)
                ranking = rank_clusters(df, system)
            except ClusterScoreError:
                ranking = None
            note("ranks" if ranking is not None else "ranking refused")
            if ranking is not None:
                scores = ranking[["score", *system.dimension_ids]].to_numpy(
                    dtype=float
                )
                assert np.isfinite(scores).all(), ranking
                assert ((scores >= 0) & (scores <= 100 + 1e-9)).all()
    foreign = [
        f"{w.category.__name__}: {w.message}"
        for w in seen
        if not issubclass(w.category, ClusterScoreWarning)
    ]
    assert not foreign, foreign


@FUZZ
@given(data=st.binary(max_size=400))
def test_load_system_any_bytes(data):
    """Arbitrary bytes: a system or a ClusterScoreError, nothing else."""
    check(data)


_LINE = st.integers(0, 10_000)
MUTATION = st.one_of(
    st.tuples(st.just("drop"), _LINE),
    st.tuples(st.just("double"), _LINE),
    st.tuples(st.just("swap"), _LINE, _LINE),
    st.tuples(st.just("value"), _LINE, st.sampled_from(JUNK_VALUES)),
    st.tuples(st.just("insert"), _LINE, st.sampled_from(JUNK_LINES)),
)


def mutate(lines: list[str], mutations) -> list[str]:
    """Apply the mutations in order to the file's lines."""
    lines = list(lines)
    for kind, k, *args in mutations:
        if not lines:
            break
        k %= len(lines)
        if kind == "drop":
            del lines[k]
        elif kind == "double":
            lines.insert(k, lines[k])
        elif kind == "swap":
            j = args[0] % len(lines)
            lines[k], lines[j] = lines[j], lines[k]
        elif kind == "value":
            # the next assignment from line k on gets the junk value
            for j in range(k, len(lines)):
                match = _ASSIGNMENT.match(lines[j])
                if match:
                    lines[j] = match[1] + args[0]
                    break
        elif kind == "insert":
            lines.insert(k, args[0])
    return lines


@FUZZ
@given(
    name=st.sampled_from(sorted(FILES)),
    mutations=st.lists(MUTATION, min_size=1, max_size=4),
)
def test_load_system_mutated_files(name, mutations):
    """The default file and the fixture, damaged: a system or an error."""
    check(("\n".join(mutate(FILES[name], mutations)) + "\n").encode("utf-8"))


def test_unmutated_files_load_and_rank():
    """The fuzzer's starting points load and rank (the check sees them)."""
    for lines in FILES.values():
        system = load_system(io.BytesIO("\n".join(lines).encode("utf-8")))
        ranking = rank_clusters(validate(_values(system), system), system)
        assert np.isfinite(ranking["score"]).all()
        check("\n".join(lines).encode("utf-8"), record=False)
