"""A wrong argument is echoed in a short form (issue 16, item 11).

Each public function family gets a huge object (the IndicatorSystem, a
10^5-element list, a 10^6-character string, a 10^5-key mapping) as a
wrong parameter, cell, label or file key. The message must stay under
`LIMIT` characters and still name what was wrong (passing the system as
`alpha` used to produce an 80,000-character message). Echoes go through
`clusterscore._checks.short_repr`, whose own behaviour is tested in
``tests/test_checks.py``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import clusterscore as cs
from clusterscore._checks import ECHO_LIMIT, short_list, short_repr
from clusterscore.aggregate import aggregate
from clusterscore.cli import main
from clusterscore.errors import ClusterScoreError
from clusterscore.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
LIMIT = 400

SYSTEM = cs.load_system()
LIST = list(range(10**5))
TEXT = "x" * 10**6
MAPPING = {f"k{i}": i for i in range(10**5)}
HUGE = {"system": SYSTEM, "list": LIST, "text": TEXT}

X = np.array([[1.0, 20.0, 3.0], [2.0, 10.0, 5.0], [4.0, 30.0, 1.0]])
W = [0.5, 0.3, 0.2]
M = [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]


@pytest.fixture(scope="module")
def df():
    """Return the example table."""
    return cs.read_clusters(EXAMPLE, SYSTEM)


@pytest.fixture(scope="module")
def ev(df):
    """Return the example's evaluation."""
    return cs.evaluate(df, SYSTEM)


def _refused(call, *names: str, limit: int = LIMIT) -> str:
    """Call; a ClusterScoreError under `limit` chars naming `names`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cs.ClusterScoreWarning)
        with pytest.raises(ClusterScoreError) as info:
            call()
    text = str(info.value)
    assert len(text) < limit, (len(text), text[:300])
    for name in names:
        assert name in text, text
    return text


# (family, parameter, call(huge)) with the parameter the message names
API = [
    ("weights", "normalization", lambda h: cs.entropy_weights(X, None, h)),
    ("weights", "directions", lambda h: cs.critic_weights(X, h)),
    ("weights", "alpha", lambda h: cs.combine_weights(W, W, "linear", h)),
    ("weights", "method", lambda h: cs.combine_weights(W, W, h)),
    ("weights", "cluster_type", lambda h: cs.system_weights(SYSTEM, h)),
    ("weights", "max_cr", lambda h: cs.system_weights(SYSTEM, max_cr=h)),
    ("normalize", "method", lambda h: normalize(X, method=h)),
    ("normalize", "directions", lambda h: normalize(X, h)),
    ("aggregate", "method", lambda h: aggregate(X / 30, W, h)),
    (
        "aggregate",
        "floor",
        lambda h: aggregate(X / 30, W, "geometric", floor=h),
    ),
    ("aggregate", "'v'", lambda h: aggregate(X / 30, W, "vikor", v=h)),
    ("aggregate", "rho", lambda h: aggregate(X / 30, W, "gra", rho=h)),
    ("aggregate", "weights", lambda h: cs.topsis(X, h)),
    ("judgments", "name", lambda h: cs.ahp(M, name=h)),
    ("judgments", "ri", lambda h: cs.ahp(M, ri=h)),
    ("judgments", "labels", lambda h: cs.ahp(M, labels=h)),
    ("judgments", "top", lambda h: cs.diagnose_inconsistency(M, top=h)),
    ("judgments", "matrices", lambda h: cs.aggregate_judgments(h)),
    ("judgments", "name", lambda h: cs.aggregate_judgments([M, M], name=h)),
    ("judgments", "max_cr", lambda h: cs.aggregate_judgments([M], max_cr=h)),
    (
        "uncertainty",
        "rng",
        lambda h: cs.sobol_indices([1, 2], [2, 1], [[1, 1]], rng=h),
    ),
    ("uncertainty", "f_a", lambda h: cs.sobol_indices(h, [2, 1], [[1, 1]])),
    ("io", "system", lambda h: cs.make_template(h)),
    ("system", "path", lambda h: cs.load_system(h)),
    ("datasets", "rng", lambda h: cs.synthetic_clusters(SYSTEM, 3, h)),
    (
        "datasets",
        "spread",
        lambda h: cs.synthetic_clusters(SYSTEM, 3, spread=h),
    ),
]

#: Huge values that are valid for the parameter (a long name is a name).
VALID = {
    ("judgments", "name"): ("text",),
    ("io", "system"): ("system",),
    ("system", "path"): ("text",),  # a file name: test_huge_file_name_...
}


@pytest.mark.parametrize(
    ("family", "param", "call", "kind"),
    [
        (f, p, c, k)
        for f, p, c in API
        for k in sorted(HUGE)
        if k not in VALID.get((f, p), ())
    ],
    ids=[
        f"{f}-{p}-{k}"
        for f, p, _ in API
        for k in sorted(HUGE)
        if k not in VALID.get((f, p), ())
    ],
)
def test_huge_argument_is_echoed_short(family, param, call, kind):
    """A huge wrong argument: a short message that names the parameter."""
    _refused(lambda: call(HUGE[kind]), param)


TABLE_CALLS = [
    ("evaluate", "alpha", lambda df, h: cs.evaluate(df, SYSTEM, alpha=h)),
    ("evaluate", "panel", lambda df, h: cs.evaluate(df, SYSTEM, panel=h)),
    (
        "evaluate",
        "method",
        lambda df, h: cs.rank_clusters(df, SYSTEM, method=h),
    ),
    ("gaps", "benchmark", lambda df, h: cs.flag_gaps(df, SYSTEM, h)),
    ("gaps", "bounds", lambda df, h: cs.dimension_gaps(df, SYSTEM, bounds=h)),
    ("gaps", "'k'", lambda df, h: cs.top_gaps(df, SYSTEM, k=h)),
    ("gaps", "cluster", lambda df, h: cs.diagnose(df, SYSTEM, h)),
    (
        "gaps",
        "quantile",
        lambda df, h: cs.resolve_benchmark(df, SYSTEM, quantile=h),
    ),
    (
        "analysis",
        "methods",
        lambda df, h: cs.compare_methods(df, SYSTEM, methods=h),
    ),
    (
        "uncertainty",
        "alpha",
        lambda df, h: cs.uncertainty(df, SYSTEM, 10, alpha=h),
    ),
    (
        "uncertainty",
        "progress",
        lambda df, h: cs.uncertainty(df, SYSTEM, 10, progress=h),
    ),
    (
        "uncertainty",
        "methods",
        lambda df, h: cs.sensitivity(df, SYSTEM, 8, methods=h),
    ),
    ("io", "sheet", lambda df, h: cs.read_clusters(EXAMPLE, SYSTEM, sheet=h)),
]


@pytest.mark.parametrize("kind", sorted(HUGE))
@pytest.mark.parametrize(
    ("family", "param", "call"),
    TABLE_CALLS,
    ids=[f"{f}-{p}" for f, p, _ in TABLE_CALLS],
)
def test_huge_argument_of_a_table_function_is_echoed_short(
    df, family, param, call, kind
):
    """The same for the functions that take the table of clusters."""
    _refused(lambda: call(df, HUGE[kind]), param)


EV_CALLS = [
    (
        "analysis",
        "normalization",
        lambda ev, h: cs.obstacle_degree(ev, normalization=h),
    ),
    ("analysis", "year", lambda ev, h: cs.obstacle_degree(ev, year=h)),
    ("analysis", "form", lambda ev, h: cs.coupling_coordination(ev, h)),
    ("analysis", "level", lambda ev, h: cs.obstacle_degree(ev).top(level=h)),
    (
        "analysis",
        "cluster",
        lambda ev, h: cs.obstacle_degree(ev).top(cluster=h),
    ),
    ("present", "lang", lambda ev, h: cs.to_excel(ev, "x.xlsx", lang=h)),
    ("present", "samples", lambda ev, h: cs.report(ev, "x.html", samples=h)),
]


@pytest.mark.parametrize("kind", sorted(HUGE))
@pytest.mark.parametrize(
    ("family", "param", "call"),
    EV_CALLS,
    ids=[f"{f}-{p}" for f, p, _ in EV_CALLS],
)
def test_huge_argument_of_an_evaluation_function_is_echoed_short(
    ev, family, param, call, kind
):
    """The same for the functions that take an Evaluation."""
    _refused(lambda: call(ev, HUGE[kind]), param)


@pytest.mark.parametrize(
    ("param", "call"),
    [
        ("benchmark", lambda df: cs.flag_gaps(df, SYSTEM, MAPPING)),
        ("weights", lambda df: cs.top_gaps(df, SYSTEM, weights=MAPPING)),
    ],
)
def test_many_unknown_names_are_counted(df, param, call):
    """10^5 unknown indicator ids: five shown, the rest counted.

    The message still lists the system's own ids (what would be valid),
    which is bounded by the system, not by what was passed.
    """
    known = ", ".join(repr(i) for i in SYSTEM.indicator_ids)
    text = _refused(lambda: call(df), param, limit=LIMIT + len(known))
    assert "'k0', 'k1', 'k2', 'k3', 'k4' and 99995 more; known: " in text


def test_huge_cell_is_echoed_short(df):
    """A 10^6-character cell: the table's error names it short."""
    bad = df.astype({"output_value": object})
    bad.loc[0, "output_value"] = TEXT
    text = _refused(lambda: cs.validate(bad, SYSTEM), "output_value")
    assert short_repr(TEXT) in text


def test_huge_cluster_name_as_benchmark_is_echoed_short(df):
    """A 10^6-character cluster name asked for as the benchmark."""
    text = _refused(lambda: cs.flag_gaps(df, SYSTEM, TEXT), "benchmark")
    assert short_repr(TEXT) in text


def test_huge_key_of_an_indicator_file_is_echoed_short(tmp_path):
    """An indicator file with a 10^5-character table name or value."""
    text = cs.default_system_path().read_text(encoding="utf-8")
    path = tmp_path / "long.toml"
    path.write_text(text + f"\n[{'y' * 10**5}]\na = 1\n", encoding="utf-8")
    msg = _refused(lambda: cs.load_system(path), "unknown top-level table")
    assert "..." in msg
    value = text.replace(
        "format_version = 1", f'format_version = "{"9" * 10**5}"', 1
    )
    path.write_text(value, encoding="utf-8")
    _refused(lambda: cs.load_system(path), "format_version")


def test_huge_file_name_is_refused_short():
    """A file name of 10^5 characters: refused, by a short echo."""
    _refused(lambda: cs.load_system("z" * 10**5), "not a usable file name")


def test_cli_echoes_a_huge_option_short(capsys):
    """A 10^5-character --alpha or --cluster at the command line."""
    with pytest.raises(SystemExit):
        main(["rank", str(EXAMPLE), "--alpha", "9" * 10**5])
    err = capsys.readouterr().err
    assert "--alpha" in err
    assert len(err.splitlines()[-1]) < LIMIT, err[-300:]
    assert main(["obstacles", str(EXAMPLE), "--cluster", "c" * 10**5]) == 2
    err = capsys.readouterr().err
    assert "--cluster" in err
    assert len(err) < LIMIT, err[:300]


def test_short_list_counts_the_rest():
    """`short_list`: a few items by `short_repr`, then a count."""
    assert short_list(["a", "b"]) == "'a', 'b'"
    assert short_list(range(7)) == "0, 1, 2, 3, 4 and 2 more"
    assert short_list(["x" * 200], show=str) == "x" * 200
    assert len(short_list(["x" * 10**6] * 9)) < 6 * ECHO_LIMIT
    assert short_list([], limit=3) == ""
    frame = pd.DataFrame({"a": range(1000)})
    assert short_repr(frame).endswith("(DataFrame)")


def test_huge_file_name_is_echoed_short():
    """A 10^6-character path: one short echo, not the name twice."""
    text = _refused(lambda: cs.read_clusters(TEXT, SYSTEM), "file name")
    assert short_repr(TEXT) in text


def test_huge_duplicate_cluster_name_is_echoed_short(df):
    """A 10^6-character name used twice: the problem names it short."""
    bad = df.copy()
    bad["cluster"] = bad["cluster"].astype(object)
    bad.loc[bad.index[:2], "cluster"] = TEXT
    text = _refused(lambda: cs.validate(bad, SYSTEM), "must be unique")
    assert short_repr(TEXT) in text


@pytest.mark.parametrize(
    ("param", "call"),
    [
        ("by_type", lambda df: cs.evaluate(df, SYSTEM, by_type=df)),
        ("by_type", lambda df: cs.evaluate(df, SYSTEM, by_type="yes")),
        ("ahp_method", lambda df: cs.evaluate(df, SYSTEM, ahp_method=SYSTEM)),
        ("keep_ranks", lambda df: cs.uncertainty(df, SYSTEM, keep_ranks=df)),
        ("path", lambda df: cs.read_clusters(df, SYSTEM)),
        ("path", lambda df: cs.load_system(df)),
        ("W", lambda df: cs.weighted_sum(X, TEXT)),
        ("Y", lambda df: cs.weighted_geometric(TEXT, W)),
    ],
)
def test_wrong_kinds_are_refused_by_parameter(df, param, call):
    """A table, a system or text where a flag, a name or numbers go.

    Each was a traceback from inside numpy or pandas (the truth value of
    a DataFrame, a pickling error, a float conversion echoing the text).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cs.ClusterScoreWarning)
        with pytest.raises(cs.ParameterError) as info:
            call(df)
    assert info.value.parameter == param
    assert len(str(info.value)) < LIMIT
