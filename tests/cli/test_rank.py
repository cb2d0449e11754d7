"""Tests of ``clusterscore rank`` (`clusterscore.cli.rank`)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CSV = ROOT / "examples" / "national_clusters.csv"


def test_table(cli):
    """The default table is aligned and lists every cluster."""
    proc = cli("rank", EXAMPLE_CSV)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    header = lines[0].split()
    assert header[:4] == ["cluster", "rank", "type", "score"]
    assert header[4:9] == list(load_system().dimension_ids)
    n = len(EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()) - 1
    body = lines[2 : 2 + n]
    doc = json.loads(cli("rank", EXAMPLE_CSV, "--format", "json").stdout)
    top = doc["ranking"]
    assert body[0].startswith(top[0]["cluster"])
    assert body[-1].startswith(top[-1]["cluster"])
    # numeric columns are right-aligned: every row has the same width
    assert len({len(ln) for ln in lines[: 2 + n]}) == 1
    assert "weighting=combined" in proc.stdout


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_formats(cli, fmt):
    """csv, json and markdown carry the same ranking."""
    proc = cli("rank", EXAMPLE_CSV, "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows[0]["rank"] == "1"
        assert set(rows[0]) >= {"cluster", "type", "score", "scale"}
    elif fmt == "json":
        rows = json.loads(text)["ranking"]
        assert rows[0]["rank"] == 1
        assert 0 <= rows[0]["score"] <= 100
    else:
        assert text.startswith("| cluster | rank | type | score |")
        assert text.splitlines()[1].startswith("|---|---:|")


def test_output_file_and_chinese_labels(cli, tmp_path):
    """-o writes UTF-8; --lang zh uses the Chinese names."""
    target = tmp_path / "ranking.csv"
    proc = cli(
        "rank",
        EXAMPLE_CSV,
        "--format",
        "csv",
        "--lang",
        "zh",
        "-o",
        target,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, for Excel
    text = raw.decode("utf-8-sig")
    assert text.startswith("集群,排名,类型,得分,集群规模")


def test_options(cli):
    """--method, --weighting and --by-type reach evaluate()."""
    proc = cli(
        "rank",
        EXAMPLE_CSV,
        "--method",
        "topsis",
        "--weighting",
        "ahp",
        "--by-type",
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)["ranking"]
    assert sum(r["rank"] == 1 for r in rows) == 3  # one per type


def test_missing_median_is_reported(cli, tmp_path):
    """--missing median imputes and says so on stderr."""
    lines = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    col = header.index("rd_intensity")
    cells = next(csv.reader([lines[1]]))
    cells[col] = ""
    lines[1] = ",".join(f'"{c}"' if "," in c else c for c in cells)
    path = tmp_path / "holey.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused = cli("rank", path)
    refused.assert_clean_error("rd_intensity")
    proc = cli("rank", path, "--missing", "median")
    assert proc.returncode == 0, proc.stderr
    assert "imputed" in proc.stderr
    assert "rd_intensity" in proc.stderr


def test_bad_input_is_one_clean_error(cli, tmp_path):
    """A missing file and a bad table give exit 2 and no traceback."""
    cli("rank", tmp_path / "nope.csv").assert_clean_error("nope.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("cluster,type\nA,basic\n", encoding="utf-8")
    cli("rank", bad).assert_clean_error("output_value")


def test_bad_option_is_a_usage_error(cli):
    """Argparse rejects an unknown --method with status 2."""
    proc = cli("rank", EXAMPLE_CSV, "--method", "nope")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


def test_json_document_carries_options_and_weights(cli):
    """Item 13: one JSON document: options, weights beside the rows."""
    proc = cli(
        "rank",
        EXAMPLE_CSV,
        "--combine",
        "linear",
        "--alpha",
        "0.25",
        "--top",
        "3",
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert list(doc) == ["options", "version", "weights", "ranking"]
    assert doc["options"]["combine"] == "linear"
    assert doc["options"]["alpha"] == 0.25
    assert doc["options"]["normalization"] == "minmax"
    assert [r["rank"] for r in doc["ranking"]] == [1, 2, 3]
    weights = doc["weights"]
    assert len(weights) == len(load_system().indicator_ids)
    for r in weights:
        expected = 0.25 * r["ahp"] + 0.75 * r["entropy"]
        assert r["combined"] == pytest.approx(expected)
        assert r["used"] == r["combined"]


def test_chinese_summary_and_notes(cli, tmp_path):
    """Item 9: under a zh table the summary and the notes are Chinese."""
    proc = cli("rank", EXAMPLE_CSV, "--lang", "zh")
    assert "个集群" in proc.stdout
    assert "AHP判断矩阵：" in proc.stdout
    assert "weighted indicators" not in proc.stdout
    assert "AHP matrices" not in proc.stdout
    lines = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
    col = lines[0].split(",").index("rd_intensity")
    cells = lines[1].split(",")
    cells[col] = ""
    lines[1] = ",".join(cells)
    path = tmp_path / "holes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = cli("rank", path, "--missing", "median", "--lang", "zh")
    assert proc.returncode == 0, proc.stderr
    assert "已填补" in proc.stderr
    assert "imputed" not in proc.stderr
    proc = cli("rank", path, "--missing", "drop_indicator", "--lang", "zh")
    assert "剔除了有缺失值的指标：" in proc.stderr
    assert "dropped" not in proc.stderr


def test_objective_ri_and_max_cr_reach_evaluate(cli):
    """Issue 11 item 11: --objective, --ri, --max-cr are evaluate's."""
    from clusterscore.io import read_clusters
    from clusterscore.scoring import evaluate

    proc = cli(
        "rank",
        EXAMPLE_CSV,
        "--objective",
        "critic",
        "--ri",
        "alonso_lamata",
        "--max-cr",
        "0.2",
        "--format",
        "json",
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["options"]["objective"] == "critic"
    assert doc["options"]["ri"] == "alonso_lamata"
    assert doc["options"]["max_cr"] == 0.2
    assert "critic" in doc["weights"][0]
    assert "entropy" not in doc["weights"][0]
    ev = evaluate(
        read_clusters(EXAMPLE_CSV, load_system()),
        objective="critic",
        ri="alonso_lamata",
        max_cr=0.2,
    )
    assert [r["cluster"] for r in doc["ranking"]] == list(ev.ranking.index)
    text = cli("rank", EXAMPLE_CSV, "--objective", "std").stdout
    assert "objective=std" in text


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--objective", "shannon", "argument --objective: invalid choice"),
        ("--ri", "nope", "argument --ri: invalid choice"),
        ("--max-cr", "-0.1", "argument --max-cr: must be a number"),
    ],
)
def test_bad_objective_ri_max_cr_name_the_flag(cli, flag, value, message):
    """Bad values are usage errors (exit 2) naming the flag."""
    proc = cli("rank", EXAMPLE_CSV, flag, value)
    assert proc.returncode == 2
    assert message in proc.stderr


def test_max_cr_refusing_a_matrix_is_a_clean_error(cli):
    """dimensions/default (CR 0.0117) is refused under --max-cr 0.01."""
    cli("rank", EXAMPLE_CSV, "--max-cr", "0.01").assert_clean_error(
        "dimensions/default"
    )


def test_gra_rho_and_vikor_v_options(cli):
    """The flags --gra-rho / --vikor-v reach the evaluation.

    They show in the JSON options and change the scores; out of range or
    with another --method they are refused naming the flag.
    """
    base = json.loads(
        cli("rank", EXAMPLE_CSV, "--method", "gra", "--format", "json").stdout
    )
    doc = json.loads(
        cli(
            "rank", EXAMPLE_CSV, "--method", "gra", "--gra-rho", "0.2",
            "--format", "json",
        ).stdout
    )  # fmt: skip
    assert base["options"]["rho"] == 0.5
    assert doc["options"]["rho"] == 0.2
    assert doc["ranking"][0]["score"] < base["ranking"][0]["score"]
    doc = json.loads(
        cli(
            "rank", EXAMPLE_CSV, "--method", "vikor", "--vikor-v", "1",
            "--format", "json",
        ).stdout
    )  # fmt: skip
    assert doc["options"]["v"] == 1.0
    assert "rho" not in doc["options"]
    bad = cli("rank", EXAMPLE_CSV, "--method", "gra", "--gra-rho", "0")
    assert bad.returncode == 2
    assert "--gra-rho" in bad.stderr
    assert "(0, 1]" in bad.stderr
    bad = cli("rank", EXAMPLE_CSV, "--method", "vikor", "--vikor-v", "2")
    assert bad.returncode == 2
    assert "--vikor-v" in bad.stderr
    cli("rank", EXAMPLE_CSV, "--gra-rho", "0.3").assert_clean_error(
        "only applies to --method gra", "--method weighted_sum"
    )


@pytest.mark.parametrize(
    ("method", "flag", "owner"),
    [("topsis", "--gra-rho", "gra"), ("gra", "--vikor-v", "vikor")],
)
def test_another_methods_option_is_refused_by_its_flag(
    cli, method, flag, owner
):
    """--gra-rho with --method topsis names the flags, not 'rho'."""
    proc = cli("rank", EXAMPLE_CSV, "--method", method, flag, "0.3")
    assert proc.returncode == 2
    assert (
        f"error: {flag} only applies to --method {owner}; got --method "
        f"{method}." in proc.stderr
    )
