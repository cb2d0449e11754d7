"""Regenerate the figures of docs/report.md from the bundled example.

Run from anywhere::

    python scripts/gen_report_figures.py                # rewrite the figures
    python scripts/gen_report_figures.py --check        # exit 1 if stale
    python scripts/gen_report_figures.py --screenshots  # also the report
                                                        # screenshots

Writes one SVG per figure of `clusterscore.plot` for
``examples/national_clusters.csv`` into ``docs/report/`` and a manifest
``docs/report/MANIFEST`` naming the matplotlib version that drew them.
SVG output has no date and fixed ids, so the same code and the same
matplotlib give the same bytes: ``--check`` redraws every figure and
compares. When the installed matplotlib differs from the manifest's (its
SVG writer may change between releases) ``--check`` says so and checks
only that every figure exists and is named in docs/report.md.

``--screenshots`` also writes ``report_en.png`` and ``report_zh.png``:
the top of the HTML report in headless Chromium (/usr/bin/chromium via
playwright's Python package). They are not checked: a browser's
rendering differs between versions.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path

import matplotlib

import clusterscore as cs
import clusterscore.plot as csp
from clusterscore.present.report import report

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "examples" / "national_clusters.csv"
OUT = ROOT / "docs" / "report"
DOC = ROOT / "docs" / "report.md"
SEED = 0


def figures() -> dict:
    """Draw every documented figure; return them by file name."""
    system = cs.load_system()
    table = cs.read_clusters(DATA, system)
    ev = cs.evaluate(table, system)
    kw = {"combine": "multiplicative"}
    unc = cs.uncertainty(table, system, 500, SEED, **kw)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cs.ClusterScoreWarning)
        sens = cs.sensitivity(table, system, 128, SEED, n_boot=200, **kw)
    top3 = list(ev.ranking.index[:3])
    return {
        "ranking.svg": csp.ranking(ev),
        "profile.svg": csp.profile(ev, top3),
        "profile_one.svg": csp.profile(ev, "Tangshan Steel"),
        "gaps.svg": csp.gap_heatmap(ev),
        "weights.svg": csp.weights(ev),
        "intervals.svg": csp.rank_intervals(unc, sens),
    }


def write(folder: Path) -> list[str]:
    """Write every figure and the manifest into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for name, fig in figures().items():
        csp.save_figure(fig, folder / name)
        names.append(name)
    (folder / "MANIFEST").write_text(
        f"matplotlib {matplotlib.__version__}\n" + "\n".join(names) + "\n",
        encoding="utf-8",
    )
    return names


def screenshots(folder: Path) -> None:
    """Write the top of the English and the Chinese report as PNG."""
    from playwright.sync_api import sync_playwright

    system = cs.load_system()
    ev = cs.evaluate(cs.read_clusters(DATA, system), system)
    args = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=args
        )
        for lang in ("en", "zh"):
            html = cs_report(ev, Path(tmp) / f"{lang}.html", lang)
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.goto(html.as_uri())
            page.screenshot(path=str(folder / f"report_{lang}.png"))
            page.eval_on_selector("#whatif", "el => el.scrollIntoView()")
            page.screenshot(path=str(folder / f"whatif_{lang}.png"))
            page.close()
        browser.close()


def cs_report(ev, path: Path, lang: str) -> Path:
    """Write the report of `ev` (the library call of the docs)."""
    os.chdir(ROOT)  # the summary names the input as people type it
    return report(
        ev,
        path,
        lang=lang,
        source=DATA.relative_to(ROOT).as_posix(),
        samples=200,
        date="2026-01-01",
    )


def check() -> int:
    """Exit status 1 if a figure is stale or missing."""
    manifest = OUT / "MANIFEST"
    if not manifest.exists():
        print(f"{manifest} is missing; run {Path(__file__).name}.")
        return 1
    lines = manifest.read_text(encoding="utf-8").splitlines()
    version, names = lines[0].split()[1], lines[1:]
    doc = DOC.read_text(encoding="utf-8")
    bad = [n for n in names if not (OUT / n).is_file() or n not in doc]
    if bad:
        print(f"missing or not named in docs/report.md: {', '.join(bad)}")
        return 1
    if version != matplotlib.__version__:
        print(
            f"docs/report/ was drawn with matplotlib {version}, this is "
            f"{matplotlib.__version__}: only the presence of the figures "
            "was checked."
        )
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = write(Path(tmp))
        stale = [
            n
            for n in fresh
            if not (OUT / n).is_file()
            or (Path(tmp) / n).read_bytes() != (OUT / n).read_bytes()
        ]
    if stale or sorted(fresh) != sorted(names):
        print(
            f"stale figures in docs/report/: {', '.join(stale) or 'list'}; "
            f"run {Path(__file__).name}."
        )
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` verify) the figures of docs/report.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--screenshots", action="store_true")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    for name in write(OUT):
        print(f"wrote docs/report/{name}")
    if args.screenshots:
        screenshots(OUT)
        print("wrote docs/report/report_en.png, report_zh.png, whatif_*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
