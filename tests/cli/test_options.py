"""Options: ``--max-cr none``, ``report``/``plot --objective``, names.

Cluster names given as options are read as the table reader reads them
(issue 11, issue 16.17).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = str(ROOT / "examples" / "national_clusters.csv")
CLUSTER = "Changsha Construction Machinery"


def test_rank_max_cr_none_switches_the_check_off(cli):
    """``--max-cr none`` is the library's max_cr=None (recorded so)."""
    proc = cli("rank", EXAMPLE, "--max-cr", "none", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["options"]["max_cr"] is None
    proc = cli("rank", EXAMPLE, "--max-cr", "NONE", "--format", "json")
    assert json.loads(proc.stdout)["options"]["max_cr"] is None
    proc = cli("rank", EXAMPLE, "--max-cr", "0.2", "--format", "json")
    assert json.loads(proc.stdout)["options"]["max_cr"] == 0.2


def test_rank_max_cr_none_ranks_as_a_lax_threshold(cli):
    """No check ranks as a threshold no matrix reaches (CR < 1 here)."""
    off = cli("rank", EXAMPLE, "--max-cr", "none", "--format", "csv")
    lax = cli("rank", EXAMPLE, "--max-cr", "1", "--format", "csv")
    assert off.returncode == lax.returncode == 0
    assert off.stdout == lax.stdout


@pytest.mark.parametrize("bad", ["nothing", "-0.1", ""])
def test_rank_max_cr_bad_values(cli, bad):
    """A bad value names the flag and says what is valid."""
    proc = cli("rank", EXAMPLE, "--max-cr", bad)
    assert proc.returncode == 2
    assert "argument --max-cr" in proc.stderr
    assert "or 'none'" in proc.stderr


def test_sensitivity_max_cr_none_keeps_every_matrix(cli):
    """For the perturbed matrices, none accepts every one (zero refused)."""
    proc = cli(
        "sensitivity",
        EXAMPLE,
        "--samples",
        "20",
        "--seed",
        "3",
        "--steps",
        "3",
        "--max-cr",
        "none",
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["consistency"]
    assert rows
    assert all(r["above_max_cr"] == 0 for r in rows)


def test_sensitivity_max_cr_zero_is_still_refused(cli):
    """The perturbed-matrix threshold stays > 0 (none means no check)."""
    proc = cli("sensitivity", EXAMPLE, "--max-cr", "0")
    assert proc.returncode == 2
    assert "(0, inf] or 'none'" in proc.stderr


@pytest.fixture
def seen_objective(monkeypatch):
    """Record the objective= that reaches evaluate()."""
    import clusterscore.scoring as scoring

    seen = []
    real = scoring.evaluate

    def spy(*args, **kwargs):
        seen.append(kwargs.get("objective"))
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "evaluate", spy)
    return seen


def test_plot_objective_reaches_evaluate(cli, tmp_path, seen_objective):
    """``plot --objective critic`` scores with CRITIC weights."""
    out = tmp_path / "w.svg"
    proc = cli("plot", "weights", EXAMPLE, "--objective", "critic", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert seen_objective == ["critic"]
    assert out.stat().st_size > 0


def test_report_objective_reaches_evaluate(cli, tmp_path, seen_objective):
    """``report --objective std`` scores with standard-deviation weights."""
    out = tmp_path / "r.html"
    proc = cli(
        "report", EXAMPLE, "--objective", "std", "--samples", "0", "-o", out
    )
    assert proc.returncode == 0, proc.stderr
    assert seen_objective[0] == "std"


@pytest.mark.parametrize("command", ["report", "plot"])
def test_objective_choices_as_rank(cli, tmp_path, command):
    """The same choices as rank: anything else is a usage error."""
    kind = ["ranking"] if command == "plot" else []
    out = tmp_path / ("f.svg" if command == "plot" else "r.html")
    proc = cli(command, *kind, EXAMPLE, "--objective", "gini", "-o", out)
    assert proc.returncode == 2
    assert "argument --objective: invalid choice: 'gini'" in proc.stderr
    assert "entropy" in proc.stderr
    assert "critic" in proc.stderr


def test_gaps_cluster_is_stripped_as_input_names_are(cli):
    """``--cluster " Changsha ..."`` finds the cluster (names are stripped)."""
    plain = cli("gaps", EXAMPLE, "--cluster", CLUSTER, "--format", "json")
    padded = cli(
        "gaps", EXAMPLE, "--cluster", f" {CLUSTER}\t", "--format", "json"
    )
    assert plain.returncode == 0, plain.stderr
    assert padded.returncode == 0, padded.stderr
    assert padded.stdout == plain.stdout


def test_gaps_benchmark_cluster_is_stripped(cli):
    """A cluster named by ``--benchmark`` is read the same way."""
    plain = cli("gaps", EXAMPLE, "--benchmark", CLUSTER, "--format", "csv")
    padded = cli(
        "gaps", EXAMPLE, "--benchmark", f"  {CLUSTER} ", "--format", "csv"
    )
    assert plain.returncode == 0, plain.stderr
    assert padded.stdout == plain.stdout


def test_obstacles_cluster_is_stripped(cli):
    """``obstacles --cluster`` too."""
    plain = cli("obstacles", EXAMPLE, "--cluster", CLUSTER)
    padded = cli("obstacles", EXAMPLE, "--cluster", f" {CLUSTER} ")
    assert plain.returncode == 0, plain.stderr
    assert padded.stdout == plain.stdout


def test_plot_profile_cluster_is_stripped(cli, tmp_path):
    """``plot profile --cluster`` too."""
    out = tmp_path / "p.svg"
    proc = cli(
        "plot", "profile", EXAMPLE, "--cluster", f" {CLUSTER} ", "-o", out
    )
    assert proc.returncode == 0, proc.stderr


def test_an_unknown_cluster_is_still_refused(cli):
    """Stripping finds no cluster that is not there."""
    proc = cli("gaps", EXAMPLE, "--cluster", " Nowhere Cluster ")
    proc.assert_clean_error("Nowhere Cluster")
