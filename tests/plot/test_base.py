"""The optional dependency, fonts, and writing figures."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import pytest

import clusterscore as cs
import clusterscore.plot as csp
from clusterscore.plot import _base


def test_without_matplotlib_import_works_and_drawing_names_the_extra():
    """A fresh interpreter in which matplotlib cannot be imported."""
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "import clusterscore as cs, clusterscore.plot as csp\n"
        "from clusterscore.present.report import report\n"
        "s = cs.load_system()\n"
        "ev = cs.evaluate(cs.synthetic_clusters(s, 8, 0), s)\n"
        "try:\n"
        "    csp.ranking(ev)\n"
        "except cs.ClusterScoreError as exc:\n"
        "    assert isinstance(exc, csp.MissingExtraError)\n"
        "    print(exc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "clusterscore[report]" in proc.stdout


def test_no_cjk_font_warns_once_with_the_fix(monkeypatch, ev):
    monkeypatch.setattr(_base, "cjk_font", lambda: None)
    monkeypatch.setattr(_base, "_warned_font", False)
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        csp.weights(ev, lang="zh")
        csp.ranking(ev, lang="zh")
    font = [w for w in rec if w.category is csp.FontWarning]
    assert len(font) == 1
    assert "fonts-noto-cjk" in str(font[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error", csp.FontWarning)
        csp.weights(ev, lang="zh")  # once per process
        csp.weights(ev, lang="en")


def test_svg_keeps_text_as_text_and_is_reproducible(ev, tmp_path):
    fig = csp.weights(ev, lang="zh")
    svg = csp.svg_text(fig)
    assert svg.startswith("<svg")
    name = ev.system.indicators[0].name_zh
    assert name in svg  # text, not glyph paths
    path = csp.save_figure(fig, tmp_path / "w.svg")
    again = csp.save_figure(csp.weights(ev, lang="zh"), tmp_path / "w2.svg")
    assert path.read_bytes() == again.read_bytes()


def test_save_figure_formats_and_bad_paths(ev, tmp_path):
    fig = csp.profile(ev)
    for ext in ("png", "svg", "pdf"):
        out = csp.save_figure(fig, tmp_path / f"p.{ext}")
        assert out.stat().st_size > 1000
    with pytest.raises(cs.ParameterError, match="does not exist"):
        csp.save_figure(fig, tmp_path / "missing" / "p.png")
    with pytest.raises(cs.ParameterError, match=r"\.png, \.svg or \.pdf"):
        csp.save_figure(fig, tmp_path / "p.txt")


def test_a_cjk_font_is_found_here():
    """On this machine and in CI the Noto CJK fonts are installed."""
    font = csp.cjk_font()
    if font is None:
        message = (
            "NO CJK FONT for matplotlib: install fonts-noto-cjk to draw "
            "Chinese labels in PNG/PDF figures"
        )
        # .ci/run installs the fonts with the browser and sets this
        if os.environ.get("CLUSTERSCORE_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    assert font
