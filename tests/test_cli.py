"""Tests of the `clusterscore` command, run as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clusterscore.system import load_system

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_CSV = ROOT / "examples" / "national_clusters.csv"
SCRIPT = Path(sys.executable).with_name("clusterscore")


def run(*args, cwd=None):
    """Run the installed console script; return the completed process."""
    exe = (
        [str(SCRIPT)]
        if SCRIPT.exists()
        else [sys.executable, "-m", "clusterscore.cli"]
    )
    return subprocess.run(
        [*exe, *map(str, args)],
        capture_output=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )


def out(proc) -> str:
    return proc.stdout.decode("utf-8")


def err(proc) -> str:
    return proc.stderr.decode("utf-8")


def assert_clean_error(proc, *fragments):
    """Exit 2, one 'clusterscore: error:' message, no traceback."""
    text = err(proc)
    assert proc.returncode == 2, text
    assert "clusterscore: error:" in text
    assert "Traceback" not in text
    for f in fragments:
        assert f in text, text


class TestRank:
    def test_table(self):
        """The default table is aligned and lists every cluster."""
        proc = run("rank", EXAMPLE_CSV)
        assert proc.returncode == 0, err(proc)
        lines = out(proc).splitlines()
        header = lines[0].split()
        assert header[:4] == ["cluster", "rank", "type", "score"]
        assert header[4:9] == list(load_system().dimension_ids)
        n = len(EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()) - 1
        body = lines[2 : 2 + n]
        top = json.loads(out(run("rank", EXAMPLE_CSV, "--format", "json")))
        assert body[0].startswith(top[0]["cluster"])
        assert body[-1].startswith(top[-1]["cluster"])
        # numeric columns are right-aligned: every row has the same width
        assert len({len(ln) for ln in lines[: 2 + n]}) == 1
        assert "weighting=combined" in out(proc)

    @pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
    def test_formats(self, fmt):
        """csv, json and markdown carry the same ranking."""
        proc = run("rank", EXAMPLE_CSV, "--format", fmt)
        assert proc.returncode == 0, err(proc)
        text = out(proc)
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows[0]["rank"] == "1"
            assert set(rows[0]) >= {"cluster", "type", "score", "scale"}
        elif fmt == "json":
            rows = json.loads(text)
            assert rows[0]["rank"] == 1
            assert 0 <= rows[0]["score"] <= 100
        else:
            assert text.startswith("| cluster | rank | type | score |")
            assert text.splitlines()[1].startswith("|---|---:|")

    def test_output_file_and_chinese_labels(self, tmp_path):
        """-o writes UTF-8; --lang zh uses the Chinese names."""
        target = tmp_path / "ranking.csv"
        proc = run(
            "rank",
            EXAMPLE_CSV,
            "--format",
            "csv",
            "--lang",
            "zh",
            "-o",
            target,
        )
        assert proc.returncode == 0, err(proc)
        assert out(proc) == ""
        text = target.read_text(encoding="utf-8")
        assert text.startswith("集群,排名,类型,得分,集群规模")

    def test_options(self):
        """--method, --weighting and --by-type reach evaluate()."""
        proc = run(
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
        assert proc.returncode == 0, err(proc)
        rows = json.loads(out(proc))
        assert sum(r["rank"] == 1 for r in rows) == 3  # one per type

    def test_missing_median_is_reported(self, tmp_path):
        """--missing median imputes and says so on stderr."""
        lines = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        col = header.index("rd_intensity")
        cells = next(csv.reader([lines[1]]))
        cells[col] = ""
        lines[1] = ",".join(f'"{c}"' if "," in c else c for c in cells)
        path = tmp_path / "holey.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        refused = run("rank", path)
        assert_clean_error(refused, "rd_intensity")
        proc = run("rank", path, "--missing", "median")
        assert proc.returncode == 0, err(proc)
        assert "imputed" in err(proc)
        assert "rd_intensity" in err(proc)

    def test_bad_input_is_one_clean_error(self, tmp_path):
        """A missing file and a bad table give exit 2 and no traceback."""
        assert_clean_error(run("rank", tmp_path / "nope.csv"), "nope.csv")
        bad = tmp_path / "bad.csv"
        bad.write_text("cluster,type\nA,basic\n", encoding="utf-8")
        assert_clean_error(run("rank", bad), "output_value")

    def test_bad_option_is_a_usage_error(self):
        """Argparse rejects an unknown --method with status 2."""
        proc = run("rank", EXAMPLE_CSV, "--method", "nope")
        assert proc.returncode == 2
        assert "invalid choice" in err(proc)


class TestWeights:
    def test_default_and_type(self):
        """Weights shows indicator weights and every matrix's CR."""
        proc = run("weights")
        assert proc.returncode == 0, err(proc)
        text = out(proc)
        assert "global_weight" in text
        assert "dimensions/default" in text
        proc = run("weights", "--type", "basic", "--format", "json")
        data = json.loads(out(proc))
        assert data["type"] == "basic"
        total = sum(r["global_weight"] for r in data["weights"])
        assert total == pytest.approx(1.0)
        assert all(r["cr"] < 0.1 for r in data["consistency"])

    def test_bad_type(self):
        """An unknown --type is a clean error listing the valid types."""
        assert_clean_error(
            run("weights", "--type", "huge"), "basic, strategic, cutting_edge"
        )


class TestValidateAndTemplate:
    def test_validate_ok(self):
        """Validate reports the clusters and types of a valid file."""
        proc = run("validate", EXAMPLE_CSV)
        assert proc.returncode == 0, err(proc)
        assert "valid" in out(proc)
        assert "strategic" in out(proc)

    def test_validate_lists_every_problem(self, tmp_path):
        """Validate on a bad table names each bad cell."""
        rows = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
        header = rows[0].split(",")
        cells = next(csv.reader([rows[1]]))
        cells[header.index("national_share")] = "130"
        cells[header.index("type")] = "huge"
        rows[1] = ",".join(f'"{c}"' if "," in c else c for c in cells)
        bad = tmp_path / "bad.csv"
        bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
        before = bad.read_bytes()
        proc = run("validate", bad)
        assert_clean_error(proc, "national_share", "130", "huge")
        assert bad.read_bytes() == before

    def test_template_round_trip(self, tmp_path):
        """Template writes every column; filled in, it validates."""
        target = tmp_path / "t.csv"
        proc = run("template", "-o", target)
        assert proc.returncode == 0, err(proc)
        header = target.read_text(encoding="utf-8").splitlines()[0]
        system = load_system()
        for ind in system.indicator_ids:
            assert ind in header.split(",")
        # fill one row from the example and validate it
        example = EXAMPLE_CSV.read_text(encoding="utf-8").splitlines()
        ex = dict(
            zip(
                example[0].split(","),
                next(csv.reader([example[1]])),
                strict=True,
            )
        )
        cols = header.split(",")
        row = [ex.get(c, "") for c in cols]
        target.write_text(
            header + "\n" + ",".join(f'"{c}"' for c in row) + "\n",
            encoding="utf-8",
        )
        assert run("validate", target).returncode == 0


@pytest.mark.parametrize(
    "command",
    ["rank", "weights", "gaps", "sensitivity", "validate", "template"],
)
def test_help(command):
    """Every sub-command has --help."""
    proc = run(command, "--help")
    assert proc.returncode == 0
    assert "--system" in out(proc)
