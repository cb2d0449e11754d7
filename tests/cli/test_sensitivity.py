"""Tests of ``clusterscore sensitivity`` (`clusterscore.cli.sensitivity`)."""

from __future__ import annotations

import argparse
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from clusterscore.cli import build_parser
from clusterscore.cli.sensitivity import Progress
from clusterscore.cli.sensitivity import run as cli_run
from clusterscore.datasets import synthetic_clusters
from clusterscore.errors import ParameterError
from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


@pytest.fixture(scope="module")
def system():
    """Return the default indicator system."""
    return load_system()


@pytest.fixture(scope="module")
def table(system):
    """Return a 15-cluster synthetic table valid for the default system."""
    return synthetic_clusters(system, 15, rng=3)


@pytest.fixture
def csv_file(system, table, tmp_path):
    """Return a CSV file of the synthetic table."""
    path = tmp_path / "clusters.csv"
    table.to_csv(path, index=False)
    return path


def _args(*argv):
    return build_parser().parse_args(["sensitivity", *map(str, argv)])


def test_cli_combine_game_theory(csv_file, tmp_path):
    """--combine game_theory runs; alpha is then not an uncertain input."""
    out = tmp_path / "out.json"
    args = _args(
        csv_file,
        "--samples",
        "20",
        "--saltelli",
        "8",
        "--bootstrap",
        "0",
        "--combine",
        "game_theory",
        "--format",
        "json",
        "-o",
        out,
    )
    assert args.combine == "game_theory"
    assert cli_run(args) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "alpha" not in [r["group"] for r in doc["sensitivity"]]


def test_cli_run_json(csv_file, tmp_path):
    """run() writes JSON with the clusters, agreement and Sobol indices."""
    out = tmp_path / "out.json"
    args = _args(
        csv_file,
        "--samples",
        "60",
        "--seed",
        "1",
        "--saltelli",
        "20",
        "--bootstrap",
        "20",
        "--methods",
        "weighted_sum,topsis",
        "--combine",
        "linear",
        "--format",
        "json",
        "-o",
        out,
    )
    assert cli_run(args) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["clusters"]) == 15
    assert {"nominal_rank", "rank_low", "rank_high", "p_top3"} <= set(
        doc["clusters"][0]
    )
    assert [r["group"] for r in doc["sensitivity"]] == [
        "dimension_judgments",
        "indicator_judgments",
        "alpha",
        "method",
    ]
    assert doc["n"] == 60


def test_cli_run_is_reproducible_and_csv_refuses_two_tables(csv_file, capsys):
    """The same --seed prints the same table; csv + --saltelli refuses."""
    assert cli_run(_args(csv_file, "--samples", "40", "--seed", "3")) == 0
    first = capsys.readouterr().out
    assert cli_run(_args(csv_file, "--samples", "40", "--seed", "3")) == 0
    assert capsys.readouterr().out == first
    assert "Rank uncertainty (40 of 40 samples" in first
    with pytest.raises(ParameterError, match=r"--format csv holds one"):
        cli_run(_args(csv_file, "--saltelli", "10", "--format", "csv"))


def test_cli_csv_and_bad_samples(cli, csv_file):
    """`clusterscore sensitivity FILE --samples 200 --seed 1` works.

    (In-process; tests/cli/test_common.py runs the command in a process.)
    """
    target = EXAMPLE if EXAMPLE.exists() else csv_file
    proc = cli(
        "sensitivity",
        target,
        "--samples",
        "200",
        "--seed",
        "1",
        "--format",
        "csv",
    )
    assert proc.returncode == 0, proc.stderr
    out = pd.read_csv(io.StringIO(proc.stdout))
    assert (out["rank_low"] <= out["median_rank"]).all()
    assert (out["median_rank"] <= out["rank_high"]).all()
    bad = cli("sensitivity", target, "--samples", "0")
    assert bad.returncode == 2
    assert "argument --samples: must be a whole number >= 1" in bad.stderr


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal():
    """The bar draws on a terminal (after the delay), never otherwise."""
    tty = _Tty()
    bar = Progress("x", tty, delay=0.0, width=10)
    bar(5, 10)
    bar(10, 10)
    assert "[#####.....]  50% 5/10" in tty.getvalue()
    assert tty.getvalue().endswith("10/10\n")
    plain = io.StringIO()
    bar = Progress("x", plain, delay=0.0)
    bar(10, 10)
    bar.close()
    assert plain.getvalue() == ""


def test_cli_namespace_is_argparse():
    """The parser registers the documented options."""
    args = _args("f.csv", "--samples", "5", "--seed", "2", "--steps", "2")
    assert isinstance(args, argparse.Namespace)
    assert (args.samples, args.seed, args.steps) == (5, 2, 2)


@pytest.mark.parametrize("extra", [(), ("--combine", "linear")])
def test_nominal_rank_is_what_rank_prints(cli, extra):
    """Item 4: sensitivity's nominal rank is rank's, with the same options.

    With the defaults, sensitivity blended AHP and entropy linearly while
    rank multiplies them; on the example 6 clusters' nominal ranks
    differed from what ``clusterscore rank`` prints.
    """
    ranked = json.loads(
        cli("rank", EXAMPLE, *extra, "--format", "json").stdout
    )["ranking"]
    expected = {r["cluster"]: r["rank"] for r in ranked}
    proc = cli(
        "sensitivity",
        EXAMPLE,
        *extra,
        "--samples",
        "20",
        "--seed",
        "1",
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    got = {r["cluster"]: r["nominal_rank"] for r in doc["clusters"]}
    assert got == expected
    combine = extra[1] if extra else "multiplicative"
    assert doc["nominal"]["combine"] == combine
    text = cli("sensitivity", EXAMPLE, *extra, "--samples", "20").stdout
    assert f"nominal ranking: weighting=combined (combine={combine}" in text
    assert "method=weighted_sum, normalization=minmax" in text


def test_ri_reaches_the_library(csv_file):
    """--ri selects the random-index table of the CR (item 11)."""
    from clusterscore.judgments import RI_TABLES

    other = next(name for name in RI_TABLES if name != "saaty")
    args = _args(csv_file, "--ri", other, "--samples", "5", "--seed", "1")
    assert args.ri == other
    assert cli_run(args) == 0


def test_missing_cells_reach_sensitivity(cli, tmp_path):
    """Item 2: --missing median works on a table with holes."""
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[lines[0].split(",").index("rd_intensity")] = ""
    lines[1] = ",".join(cells)
    path = tmp_path / "holes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for policy in ("median", "drop_indicator"):
        proc = cli("sensitivity", path, "--missing", policy, "--samples", "10")
        assert proc.returncode == 0, proc.stderr
        assert f"missing={policy}" in proc.stdout


def test_chinese_report(cli):
    """Item 9: --lang zh translates the headings, columns and notes."""
    proc = cli(
        "sensitivity",
        EXAMPLE,
        "--samples",
        "20",
        "--seed",
        "1",
        "--saltelli",
        "10",
        "--bootstrap",
        "10",
        "--lang",
        "zh",
    )
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    for zh in (
        "排名不确定性",
        "基准排名",
        "排名中位数",
        "前3名概率",
        "与基准排名的一致性",
        "统计量",
        "Sobol 敏感性",
        "输入组",
        "维度判断",
    ):
        assert zh in text, zh
    for en in (
        "Rank uncertainty",
        "nominal_rank",
        "median_rank",
        "p_top3",
        "Agreement with",
        "mean_abs_rank_shift",
        "dimension_judgments",
        "perturbed matrices",
    ):
        assert en not in text, en


def test_cli_objective_reaches_uncertainty(cli, csv_file, monkeypatch):
    """Issue 11 item 11: --objective is passed to uncertainty()."""
    # the command imports uncertainty() when it runs: patch the package
    import importlib

    mod = importlib.import_module("clusterscore.uncertainty")

    seen = {}
    real = mod.uncertainty

    def spy(*args, **kwargs):
        res = real(*args, **kwargs)
        seen.update(res.options)
        return res

    monkeypatch.setattr(mod, "uncertainty", spy)
    proc = cli(
        "sensitivity", csv_file, "--samples", "5", "--objective", "critic"
    )
    assert proc.returncode == 0, proc.stderr
    assert seen["objective"] == "critic"
    bad = cli("sensitivity", csv_file, "--objective", "gini")
    assert bad.returncode == 2
    assert "argument --objective: invalid choice" in bad.stderr


def test_progress_bar_quiet_and_delay():
    """Quiet bars draw nothing; the default bar waits a second.

    --quiet (quiet=True) draws nothing even on a terminal; by default the
    bar waits a second, so a short run leaves stderr clean (issue 15.3).
    """
    tty = _Tty()
    bar = Progress("x", tty, delay=0.0, quiet=True)
    bar(5, 10)
    bar(10, 10)
    bar.close()
    assert tty.getvalue() == ""
    tty = _Tty()
    bar = Progress("x", tty)  # default delay: 1 s
    assert bar.delay == 1.0
    bar(5, 10)
    assert tty.getvalue() == ""


def test_cli_quiet_reaches_the_progress_bar(csv_file, monkeypatch):
    """`--quiet` builds quiet bars for both analyses; without it, not."""
    from clusterscore.cli import sensitivity as mod

    made = []

    class Recorder(Progress):
        def __init__(self, label, stream=None, **kw):
            made.append((label, kw.get("quiet", False)))
            super().__init__(label, stream, **kw)

    monkeypatch.setattr(mod, "Progress", Recorder)
    base = (csv_file, "--samples", "20", "--saltelli", "4", "--bootstrap", "2")
    assert cli_run(_args(*base, "--quiet", "-o", os.devnull)) == 0
    assert made == [("uncertainty", True), ("sensitivity", True)]
    made.clear()
    assert cli_run(_args(*base, "-o", os.devnull)) == 0
    assert made == [("uncertainty", False), ("sensitivity", False)]


@pytest.mark.parametrize("seed", ["-1", "1.5", "abc"])
def test_cli_bad_seed_names_the_flag(cli, csv_file, seed):
    """Issue 16 item 8: a bad --seed is an argparse error naming --seed."""
    proc = cli("sensitivity", csv_file, "--samples", "5", "--seed", seed)
    assert proc.returncode == 2
    assert "argument --seed: must be a whole number >= 0" in proc.stderr
    assert "Traceback" not in proc.stderr


CLI_CONSTANT_VARIANTS = [
    ("output_value",),
    ("output_value", "--objective", "critic"),
    ("output_value", "--objective", "std", "--methods", "weighted_sum,gra"),
    ("output_value", "--methods", "weighted_sum,topsis,gra,vikor"),
    ("output_value", "--normalizations", "minmax,percentile,vector"),
    ("output_value", "--combine", "multiplicative", "--missing", "median"),
]


@pytest.mark.parametrize("variant", CLI_CONSTANT_VARIANTS)
def test_cli_constant_indicator_warns_once(cli, table, tmp_path, variant):
    """Issue 16 item 17: uncertainty then sensitivity, one warning, by name.

    Both analyses evaluate the table (and each used to warn twice, the
    second time for a bare column number); the command prints it once,
    whatever the weighting, objective, methods or normalisations drawn.
    """
    column, *options = variant
    path = tmp_path / "const.csv"
    table.assign(**{column: table[column].iloc[0]}).to_csv(path, index=False)
    objective = (
        options[options.index("--objective") + 1]
        if ("--objective" in options)
        else "entropy"
    )
    proc = cli(
        "sensitivity",
        path,
        "--samples",
        "20",
        "--saltelli",
        "4",
        "--bootstrap",
        "2",
        "--seed",
        "1",
        *options,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"clusterscore: warning: {objective}_weights(): constant column(s) "
        f"'{column}' carry no information and get weight 0."
    ]


def test_cli_constant_indicators_of_a_panel_warn_once(cli, tmp_path):
    """Several constant indicators of a panel: one line, by name (en, zh)."""
    panel = pd.read_csv(ROOT / "examples" / "national_clusters_panel.csv")
    path = tmp_path / "panel.csv"
    panel.assign(output_value=2.0, chain_link_coverage=0.5).to_csv(
        path, index=False
    )
    base = ("sensitivity", path, "--samples", "20", "--saltelli", "4")
    proc = cli(*base, "--bootstrap", "2")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        "clusterscore: warning: entropy_weights(): constant column(s) "
        "'output_value', 'chain_link_coverage' carry no information and get "
        "weight 0."
    ]
    zh = cli(*base, "--bootstrap", "2", "--lang", "zh")
    lines = zh.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "（output_value）" in lines[0]
    assert "（chain_link_coverage）" in lines[0]
    assert "0" not in lines[0].replace("权重为 0", "")
