"""The evaluation report: its content, and the page in a real browser.

The browser tests open the report in headless Chromium (the Debian
``chromium`` package at /usr/bin/chromium, or ``CLUSTERSCORE_CHROMIUM``)
through playwright's Python package. When no browser can be had they skip
with a reason saying why, and warn; with ``CLUSTERSCORE_REQUIRE_BROWSER=1``
(set by .ci/run) they fail instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

import clusterscore as cs

pytest.importorskip("matplotlib", reason="the report extra is not installed")

from clusterscore.present.report import report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def system():
    return cs.load_system()


@pytest.fixture(scope="module")
def table(system):
    return cs.read_clusters(EXAMPLE, system)


@pytest.fixture(scope="module")
def ev(table, system):
    return cs.evaluate(table, system)


@pytest.fixture(scope="module")
def pages(ev, tmp_path_factory):
    """Write the English and the Chinese report of the bundled example."""
    d = tmp_path_factory.mktemp("report")
    en = report(
        ev, d / "en.html", source=EXAMPLE, samples=80, sobol=16, seed=1
    )
    zh = report(ev, d / "zh.html", lang="zh", source=EXAMPLE, samples=40)
    return {"en": en, "zh": zh}


def test_report_is_self_contained(pages):
    text = pages["en"].read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in text
    # no external resource of any kind
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "<link" not in text
    assert "@import" not in text
    assert not re.search(r"url\((?!#|data:)", text)
    assert text.count("<svg") == 4 + 27  # 3 overview, intervals, radars


def test_report_summary_and_sections(pages, ev):
    text = pages["en"].read_text(encoding="utf-8")
    sha = __import__("hashlib").sha256(EXAMPLE.read_bytes()).hexdigest()
    assert sha in text
    assert cs.__version__ in text
    for section in (
        "summary",
        "ranking",
        "figures",
        "whatif",
        "judgments",
        "gaps",
        "clusters",
        "uncertainty",
        "methodology",
    ):
        assert f'id="{section}"' in text
    for name in ev.ranking.index:
        assert name in text
    for name, r in ev.judgments.items():
        assert name in text
        assert f"CR = {r.cr:.4f}" in text
    recs = cs.recommendations(ev.table, ev.system)
    src = recs["source"].dropna().iloc[0]
    assert __import__("html").escape(src) in text
    assert "Saaty, T. L. (1980)" in text
    assert 'id="fig-intervals"' in text


def test_chinese_report_is_chinese(pages, ev):
    text = pages["zh"].read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in text
    assert "先进制造业集群评价报告" in text
    assert ev.system.dimensions[0].name_zh in text
    assert ev.system.indicators[0].name_zh in text
    recs = cs.recommendations(ev.table, ev.system)
    assert recs["text_zh"].dropna().iloc[0] in text
    for heading in ("Summary", "Ranking", "Methodology in brief"):
        assert f">{heading}<" not in text


def test_whatif_payload_gives_the_librarys_linear_ranking(pages, ev):
    text = pages["en"].read_text(encoding="utf-8")
    m = re.search(
        r'<script type="application/json" id="cs-whatif-data">(.*?)</script>',
        text,
        re.S,
    )
    data = json.loads(m.group(1))
    Y = np.array(data["Y"])
    for a in (0.0, 0.3, 0.8):
        w = a * np.array(data["ahp"]) + (1 - a) * np.array(data["entropy"])
        ref = cs.rank_clusters(
            ev.table, ev.system, combine="linear", alpha=a
        ).loc[data["clusters"]]
        np.testing.assert_allclose(100 * Y @ w, ref["score"], rtol=1e-12)


def test_report_bad_input(ev, tmp_path):
    with pytest.raises(cs.ParameterError, match="does not exist"):
        report(ev, tmp_path / "missing" / "r.html")
    with pytest.raises(cs.ParameterError, match="format"):
        report(ev, tmp_path / "r.html", format="docx")
    with pytest.raises(cs.ParameterError, match="samples"):
        report(ev, tmp_path / "r.html", samples=-1)
    with pytest.raises(cs.ParameterError, match="lang"):
        report(ev, tmp_path / "r.html", lang="fr")


def test_report_without_uncertainty_and_without_whatif(
    table, system, tmp_path
):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cs.ClusterScoreWarning)
        ev = cs.evaluate(table, system, by_type=True)
    out = report(ev, tmp_path / "t.html", samples=0)
    text = out.read_text(encoding="utf-8")
    assert "Not computed (--samples 0)" in text
    assert "by_type=True scores each type with its own weights" in text
    assert "cs-whatif-data" not in text.split("<script>")[0]


def test_report_script_check_passes():
    """docs/report.md and its figures equal a fresh run of the script."""
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "gen_report_figures.py"),
            "--check",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --------------------------------------------------------------------------
# in a real browser
# --------------------------------------------------------------------------


def _no_browser(reason: str):
    message = f"NO BROWSER, the report's browser tests did not run: {reason}"
    if os.environ.get("CLUSTERSCORE_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    warnings.warn(message, pytest.PytestWarning, stacklevel=2)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser(
            "the playwright Python package is not installed "
            "(pip install playwright)"
        )
    exe = os.environ.get("CLUSTERSCORE_CHROMIUM") or shutil.which("chromium")
    exe = exe or "/usr/bin/chromium"
    if not Path(exe).exists():
        _no_browser(
            f"no Chromium at {exe} (apt-get install chromium, or set "
            "CLUSTERSCORE_CHROMIUM)"
        )
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
    except Exception as exc:  # the browser would not start
        pw.stop()
        _no_browser(f"Chromium at {exe} did not start: {exc}")
    yield b
    b.close()
    pw.stop()


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    problems, requests = [], []
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" else None,
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def _whatif_rows(page):
    return page.eval_on_selector_all(
        "#cs-whatif-table tbody tr",
        "rows => rows.map(r => [r.dataset.cluster, Number(r.dataset.rank),"
        " Number(r.dataset.score)])",
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_loads_without_error_and_figures_have_a_size(
    browser, pages, lang
):
    page, problems, requests = _open(browser, pages[lang])
    try:
        assert problems == []
        assert requests == [pages[lang].as_uri()]  # nothing else fetched
        sizes = page.eval_on_selector_all(
            "figure svg",
            "els => els.map(e => [e.getBoundingClientRect().width,"
            " e.getBoundingClientRect().height])",
        )
        assert len(sizes) == 4 + 27
        assert all(w > 50 and h > 50 for w, h in sizes), sizes
        body = page.inner_text("body")
        if lang == "zh":
            assert "先进制造业集群评价报告" in body
            assert "判断矩阵" in body
            assert "集群规模" in body
        else:
            assert "Judgment matrices" in body
    finally:
        page.close()


def test_slider_ranking_equals_the_library(browser, pages, ev):
    page, problems, _ = _open(browser, pages["en"])
    try:
        start = _whatif_rows(page)
        ref = cs.rank_clusters(
            ev.table, ev.system, combine="linear", alpha=0.5
        )
        assert [r[0] for r in start] == list(ref.index)
        # move the slider with the keyboard: one step is 0.01
        page.focus("#cs-alpha")
        for _ in range(10):
            page.keyboard.press("ArrowLeft")
        assert page.input_value("#cs-alpha") == "0.4"
        for a in (0.4, 0.0, 0.15, 0.85, 1.0):
            page.eval_on_selector(
                "#cs-alpha",
                "(el, a) => { el.value = String(a);"
                " el.dispatchEvent(new Event('input')); }",
                a,
            )
            rows = _whatif_rows(page)
            ref = cs.rank_clusters(
                ev.table, ev.system, combine="linear", alpha=a
            )
            assert [r[0] for r in rows] == list(ref.index), a
            assert [r[1] for r in rows] == ref["rank"].tolist(), a
            np.testing.assert_allclose(
                [r[2] for r in rows], ref["score"], rtol=1e-9
            )
        # the ranking differs between the extremes, and the page followed
        first = cs.rank_clusters(
            ev.table, ev.system, combine="linear", alpha=0
        )
        assert list(first.index) != list(ref.index)
        assert problems == []
    finally:
        page.close()


def test_dimension_weights_and_sorting_in_the_page(browser, pages, ev):
    page, problems, _ = _open(browser, pages["en"])
    try:
        before = _whatif_rows(page)
        page.check("#cs-dims-manual")
        assert [r[0] for r in _whatif_rows(page)] == [r[0] for r in before]
        # all the weight on one dimension: the ranking by its sub-score
        page.eval_on_selector_all(
            "input.cs-dim",
            "els => els.forEach((el, k) => { el.value = k === 1 ? '1' : '0';"
            " el.dispatchEvent(new Event('input')); })",
        )
        rows = _whatif_rows(page)
        data = json.loads(page.inner_text("#cs-whatif-data"))
        Y = np.array(data["Y"])
        w = 0.5 * np.array(data["ahp"]) + 0.5 * np.array(data["entropy"])
        w = np.where(np.array(data["group"]) == 1, w, 0.0)
        w = w / w.sum()
        want = dict(zip(data["clusters"], 100 * Y @ w, strict=True))
        np.testing.assert_allclose(
            [r[2] for r in rows], [want[r[0]] for r in rows], rtol=1e-9
        )
        # sort the ranking table by a column
        page.click("#cs-ranking thead th:nth-child(4)")  # score, ascending
        scores = page.eval_on_selector_all(
            "#cs-ranking tbody tr td:nth-child(4)",
            "tds => tds.map(td => Number(td.dataset.v))",
        )
        assert scores == sorted(scores)
        page.click("#cs-ranking thead th:nth-child(2)")  # cluster, ascending
        names = page.eval_on_selector_all(
            "#cs-ranking tbody tr td:nth-child(2)",
            "tds => tds.map(td => td.textContent)",
        )
        assert names == sorted(names)
        assert problems == []
    finally:
        page.close()


@pytest.mark.parametrize(
    ("method", "normalization"),
    [("geometric", "target"), ("topsis", "vector"), ("topsis", "minmax")],
)
def test_slider_for_other_methods(
    browser, table, system, tmp_path, method, normalization
):
    ev = cs.evaluate(table, system, method=method, normalization=normalization)
    path = report(ev, tmp_path / "other.html", samples=0)
    page, problems, _ = _open(browser, path)
    try:
        for a in (0.2, 0.9):
            page.eval_on_selector(
                "#cs-alpha",
                "(el, a) => { el.value = String(a);"
                " el.dispatchEvent(new Event('input')); }",
                a,
            )
            rows = _whatif_rows(page)
            ref = cs.rank_clusters(
                table,
                system,
                method=method,
                normalization=normalization,
                combine="linear",
                alpha=a,
            )
            assert [r[0] for r in rows] == list(ref.index), a
            assert [r[1] for r in rows] == ref["rank"].tolist(), a
            np.testing.assert_allclose(
                [r[2] for r in rows], ref["score"], rtol=1e-9
            )
        assert page.query_selector("#cs-dims-manual") is None  # sum only
        assert problems == []
    finally:
        page.close()


@pytest.mark.parametrize(
    ("kw", "key", "value"),
    [
        ({"method": "vikor", "v": 0.2}, "v", 0.2),
        ({"method": "gra", "rho": 0.3}, "rho", 0.3),
        ({"objective": "critic"}, "objective", "critic"),
        ({"max_cr": None}, "max_cr", None),
    ],
)
def test_report_uncertainty_runs_with_the_rankings_options(kw, key, value):
    """The report's rank intervals come from the options that ranked.

    Before, `run_uncertainty` left out the method's own option (rho / v),
    the objective weights and the CR threshold, so a VIKOR ranking with
    v = 0.2 got intervals sampled at v = 0.5 and a CRITIC ranking entropy
    intervals.
    """
    from clusterscore.present.report import run_uncertainty

    df = cs.synthetic_clusters(n=8, rng=3)
    ev = cs.evaluate(df, **kw)
    u, _, reason = run_uncertainty(ev, samples=10, seed=1, sobol=0)
    assert u is not None, reason
    assert u.nominal.options[key] == value
    assert u.nominal.ranking["rank"].tolist() == ev.ranking["rank"].tolist()
