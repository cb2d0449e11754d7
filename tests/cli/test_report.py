"""``clusterscore plot`` and ``clusterscore report``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="the report extra is not installed")

from clusterscore.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = str(ROOT / "examples" / "national_clusters.csv")


@pytest.mark.parametrize(
    ("kind", "extra"),
    [
        ("ranking", []),
        (
            "profile",
            ["--cluster", "Tangshan Steel", "--cluster", "Xi'an Aviation"],
        ),
        ("gaps", ["--lang", "zh"]),
        ("weights", ["--weighting", "ahp"]),
        ("intervals", ["--samples", "30", "--sobol", "8"]),
    ],
)
def test_plot_each_kind(kind, extra, tmp_path, capsys):
    out = tmp_path / f"{kind}.svg"
    assert main(["plot", kind, DATA, "-o", str(out), *extra]) == 0
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text
    assert f"wrote the {kind} figure" in capsys.readouterr().err
    if kind == "profile":
        assert "Tangshan Steel" in text
    if kind == "gaps":
        assert "集群规模" in text


def test_plot_png_and_pdf(tmp_path):
    for ext in ("png", "pdf"):
        out = tmp_path / f"r.{ext}"
        assert (
            main(
                [
                    "plot",
                    "ranking",
                    DATA,
                    "-o",
                    str(out),
                    "--method",
                    "geometric",
                ]
            )
            == 0
        )
        assert out.stat().st_size > 1000


def test_report_html_and_markdown(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", DATA, "-o", str(out), "--samples", "20"]) == 0
    text = out.read_text(encoding="utf-8")
    assert hashlib.sha256(Path(DATA).read_bytes()).hexdigest() in text
    assert 'id="uncertainty"' in text
    assert "wrote the report" in capsys.readouterr().err
    md = tmp_path / "report.md"
    args = ["report", DATA, "-o", str(md), "--format", "markdown"]
    assert main([*args, "--samples", "0", "--lang", "zh"]) == 0
    assert "先进制造业集群评价报告" in md.read_text(encoding="utf-8")
    assert (tmp_path / "report_files" / "ranking.png").is_file()


@pytest.mark.parametrize(
    "argv",
    [
        [
            "plot",
            "profile",
            DATA,
            "--cluster",
            "Atlantis",
            "-o",
            "{tmp}/p.png",
        ],
        ["plot", "ranking", DATA, "-o", "{tmp}/missing/r.png"],
        ["plot", "ranking", DATA, "-o", "{tmp}/r.txt"],
        ["report", DATA, "-o", "{tmp}/missing/r.html"],
        ["report", DATA, "-o", "{tmp}/r.html", "--samples", "-3"],
        ["report", str(ROOT / "missing.csv"), "-o", "{tmp}/r.html"],
    ],
)
def test_bad_input_exits_2_with_a_clear_error(argv, tmp_path, capsys):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("clusterscore: error: ")
    assert "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_unknown_figure_kind_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["plot", "pie", DATA, "-o", "x.png"])
    assert exc.value.code == 2
    assert "invalid choice: 'pie'" in capsys.readouterr().err


def test_help_lists_the_kinds(capsys):
    with pytest.raises(SystemExit):
        main(["plot", "--help"])
    out = capsys.readouterr().out
    for kind in ("ranking", "profile", "gaps", "weights", "intervals"):
        assert kind in out


@pytest.mark.parametrize(
    "argv",
    [
        ["report", DATA, "-o", "{tmp}/r.html", "--alpha", "1.5"],
        ["plot", "ranking", DATA, "-o", "{tmp}/r.png", "--alpha", "-0.1"],
    ],
)
def test_alpha_out_of_range_is_refused_by_the_flag(argv, tmp_path, capsys):
    """--alpha outside [0, 1] is a usage error naming it, as in rank."""
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--alpha" in err
    assert "[0, 1]" in err or "between 0" in err
    assert not list(tmp_path.iterdir())
