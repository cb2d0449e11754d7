"""Fuzz tests of the CSV reader (`read_clusters`), issue 16.

Two strategies: arbitrary bytes, and the example table
(``examples/national_clusters.csv``, default system) mutated the ways
files get damaged: blank lines, other encodings and line ends, junk
cells, quotes, lines or columns dropped or doubled, stray bytes. Each
file must either read (and then rank, every score finite, or fail with a
`ClusterScoreError`) or fail with a `ClusterScoreError`; nothing else may
escape, not even a warning that is not clusterscore's.

300 examples per test under ``HYPOTHESIS_PROFILE=ci`` (tests/conftest.py),
40 by default; ``FUZZ_EXAMPLES=N`` asks for N (a longer hunt by hand).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clusterscore.errors import ClusterScoreError, ClusterScoreWarning
from clusterscore.io import read_clusters
from clusterscore.scoring import rank_clusters
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 300 if CI else 40))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SYSTEM = load_system()
# the header and the first 3 clusters of each type (9 rows): reading costs
# per column far more than per row, and the fuzzer needs no more rows
_ALL = EXAMPLE.read_text(encoding="utf-8").splitlines()
LINES = _ALL[:1] + [
    line
    for t in SYSTEM.cluster_types
    for line in [r for r in _ALL[1:] if r.split(",")[1] == t][:3]
]
N_COLUMNS = len(LINES[0].split(","))

JUNK = [
    "",
    " ",
    "NA",
    "n/a",
    "-",
    "—",
    "nan",
    "inf",
    "-inf",
    "1e308",
    "1e309",
    "-1e308",
    "1e-320",
    "-0",
    "0",
    "１２",
    "1,5",
    "2,858",
    "23%",
    "0x10",
    "1_000",
    "١٢",
    "12.5.1",
    '"',
    '""',
    '"a,b"',
    "'1",
    "=A1+1",
    "TRUE",
    "Düsseldorf",
    "São Paulo",
    "2²",
    "群",
    "集群",
    "basic",
    "cutting_edge",
    "\ufeff",
    "\u200b1",
    "\u00a01",
    "\t",
    "\\",
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1", "cp1252"]
NEWLINES = ["\n", "\r\n", "\r"]


def check(path: Path, record: bool = True) -> None:
    """Read `path`; rank what reads. Only ClusterScoreError may escape.

    A table that reads must rank with finite scores and sub-scores in
    [0, 100] (or be refused by the ranking with a ClusterScoreError).
    """
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        try:
            df = read_clusters(path, SYSTEM)
        except ClusterScoreError:
            df = None
        note = event if record else (lambda _: None)
        note("reads" if df is not None else "refused")
        if df is not None:
            try:
                ranking = rank_clusters(df, SYSTEM)
            except ClusterScoreError:
                ranking = None
            note("ranks" if ranking is not None else "ranking refused")
            if ranking is not None:
                scores = ranking[["score", *SYSTEM.dimension_ids]].to_numpy(
                    dtype=float
                )
                assert np.isfinite(scores).all(), ranking
                assert ((scores >= 0) & (scores <= 100 + 1e-9)).all()
                assert len(ranking) == len(df)
    foreign = [
        f"{w.category.__name__}: {w.message}"
        for w in seen
        if not issubclass(w.category, ClusterScoreWarning)
    ]
    assert not foreign, foreign


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file path, rewritten by every example."""
    return tmp_path_factory.mktemp("fuzz") / "clusters.csv"


@FUZZ
@given(data=st.binary(max_size=600))
def test_read_clusters_any_bytes(target, data):
    """Arbitrary bytes: a table or a ClusterScoreError, nothing else."""
    target.write_bytes(data)
    check(target)


@FUZZ
@given(
    head=st.integers(0, 3),
    junk=st.binary(min_size=1, max_size=40),
    at=st.integers(0, 10_000),
)
def test_read_clusters_example_with_stray_bytes(target, head, junk, at):
    """The example with bytes inserted (or only its first lines)."""
    lines = LINES if head == 0 else LINES[: head + 1]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    at %= len(data) + 1
    target.write_bytes(data[:at] + junk + data[at:])
    check(target)


_ROW = st.integers(0, len(LINES) - 1)
_COLUMN = st.integers(0, N_COLUMNS - 1)
_VALUE = st.one_of(st.sampled_from(JUNK), st.text(max_size=6))
MUTATION = st.one_of(
    st.tuples(st.just("blank"), _ROW, st.sampled_from(["", " ", ",,", "\t"])),
    st.tuples(st.just("cell"), _ROW, _COLUMN, _VALUE),
    st.tuples(st.just("quote"), _ROW, _COLUMN, st.sampled_from(['"', "'"])),
    st.tuples(st.just("drop_line"), _ROW),
    st.tuples(st.just("double_line"), _ROW),
    st.tuples(st.just("drop_column"), _COLUMN),
    st.tuples(st.just("zh_header"), _COLUMN),
)


def mutate(lines: list[str], mutations) -> list[str]:
    """Apply the mutations in order to the example's lines."""
    rows = [line.split(",") for line in lines]
    zh = {i.id: i.name_zh for i in SYSTEM.indicators}
    zh |= {"cluster": "集群", "type": "类型", "region": "地区"}
    for kind, *args in mutations:
        if not rows:
            break
        k = args[0] % len(rows)
        if kind == "blank":
            rows.insert(k, [args[1]])
        elif kind == "cell":
            row = rows[k]
            row[args[1] % len(row)] = args[2]
        elif kind == "quote":
            row = rows[k]
            c = args[1] % len(row)
            row[c] = args[2] + row[c] + (args[2] if c % 2 else "")
        elif kind == "drop_line":
            del rows[k]
        elif kind == "double_line":
            rows.insert(k, list(rows[k]))
        elif kind == "drop_column":
            for row in rows:
                if len(row) > args[0]:
                    del row[args[0]]
        elif kind == "zh_header":
            head = rows[0]
            c = args[0] % len(head)
            head[c] = zh.get(head[c], head[c])
    return [",".join(row) for row in rows]


@FUZZ
@given(
    mutations=st.lists(MUTATION, max_size=6),
    encoding=st.sampled_from(ENCODINGS),
    newline=st.sampled_from(NEWLINES),
)
def test_read_clusters_mutated_example(target, mutations, encoding, newline):
    """The example, damaged: a ranking with finite scores or an error."""
    text = newline.join(mutate(LINES, mutations)) + newline
    target.write_bytes(text.encode(encoding, errors="replace"))
    check(target)


def test_the_unmutated_example_ranks(target):
    """The fuzzer's starting point reads and ranks (the check sees it)."""
    target.write_bytes(("\n".join(LINES) + "\n").encode("utf-8"))
    df = read_clusters(target, SYSTEM)
    assert len(df) == len(LINES) - 1 == 9
    assert set(df["type"]) == set(SYSTEM.cluster_types)
    check(target, record=False)
    assert np.isfinite(rank_clusters(df, SYSTEM)["score"]).all()
