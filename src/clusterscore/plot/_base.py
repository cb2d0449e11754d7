"""What every figure shares: the optional matplotlib, labels, fonts, colours.

matplotlib is an optional dependency (the ``clusterscore[report]`` extra).
It is imported only when a figure is drawn, so ``import clusterscore`` and
``import clusterscore.plot`` work without it; drawing without it raises
`MissingExtraError`, naming the extra to install.

Figures are built on `matplotlib.figure.Figure` directly, never through
``pyplot``: no global figure registry, no GUI backend, nothing to close.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from clusterscore._atomic import atomic_path
from clusterscore._checks import short_repr
from clusterscore.errors import (
    ClusterScoreError,
    ClusterScoreWarning,
    ParameterError,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CJK_FONTS",
    "DIMENSION_COLORS",
    "FORMATS",
    "LANGS",
    "SEVERITY_COLORS",
    "TYPE_COLORS",
    "FontWarning",
    "MissingExtraError",
    "cjk_font",
    "figure",
    "font_context",
    "save_figure",
    "svg_text",
]

LANGS = ("en", "zh")
FORMATS = ("png", "svg", "pdf")

CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
    "AR PL UMing CN",
)
"""Font families with Chinese glyphs, in order of preference."""

#: One colour per dimension, in the system's order (colour-blind safe,
#: Okabe & Ito 2008); a sixth and later dimension reuse them.
DIMENSION_COLORS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
)

#: Cluster-type colours (the default system's three types first).
TYPE_COLORS = ("#4D4D4D", "#B2182B", "#2166AC", "#1B7837", "#762A83")

#: Severity colours, from target met to critical; grey for no data/target.
SEVERITY_COLORS = {
    "none": "#1A9850",
    "minor": "#FEE08B",
    "major": "#F46D43",
    "critical": "#A50026",
    "no target": "#D9D9D9",
    "no data": "#D9D9D9",
}


class MissingExtraError(ClusterScoreError, ImportError):
    """An optional dependency of the called function is not installed."""


class FontWarning(ClusterScoreWarning):
    """Chinese labels cannot be drawn in a raster image: no CJK font."""


_warned_font = False


def _mpl() -> ModuleType:
    """Import and return matplotlib, or raise `MissingExtraError`."""
    try:
        import matplotlib
        import matplotlib.figure
    except ImportError as exc:  # pragma: no cover - exercised by a stub
        raise MissingExtraError(
            "clusterscore.plot needs matplotlib, which is not installed. "
            "Install the report extra: pip install 'clusterscore[report]' "
            "(or: pip install 'matplotlib>=3.8')."
        ) from exc
    return matplotlib


def cjk_font() -> str | None:
    """Return the name of an installed font with Chinese glyphs, or None.

    Looks through matplotlib's font list for the families in `CJK_FONTS`
    (in that order), then for any family whose name says CJK, Hei, Song
    or Kai.
    """
    mpl = _mpl()
    names: set[str] = {f.name for f in mpl.font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in names:
            return name
    for name in sorted(names):
        if any(k in name for k in ("CJK", "Hei", "Song", "Kai", "Ming")):
            return name
    return None


def _warn_no_cjk() -> None:
    """Warn, once per process, that Chinese labels would be empty boxes."""
    global _warned_font
    if _warned_font:
        return
    _warned_font = True
    warnings.warn(
        "clusterscore.plot: no font with Chinese glyphs is available to "
        "matplotlib, so Chinese labels in PNG or PDF output would be "
        "drawn as empty boxes. Install one (Debian/Ubuntu: apt-get "
        "install fonts-noto-cjk; then delete matplotlib's font cache, "
        "~/.cache/matplotlib) or save as SVG, which keeps text as text "
        "for the browser to render.",
        FontWarning,
        stacklevel=4,
    )


def check_lang(func: str, lang: str) -> str:
    """Return `lang` if it is "en" or "zh", else raise `ParameterError`."""
    if lang not in LANGS:
        raise ParameterError(
            f"{func}(): 'lang' must be one of {{en, zh}}; got "
            f"{short_repr(lang)}.",
            parameter="lang",
            value=lang,
            allowed=LANGS,
        )
    return lang


@contextlib.contextmanager
def font_context(lang: str, *, raster: bool = True) -> Iterator[None]:
    """Set matplotlib's fonts for `lang` while a figure is built.

    Text objects keep the font chosen when they are made, so the figure
    functions build their figures inside this context. With
    ``lang="zh"`` a CJK font leads the sans-serif list; when there is
    none and `raster` is true, a `FontWarning` is issued once.
    """
    mpl = _mpl()
    rc: dict[str, Any] = {
        "font.family": "sans-serif",
        "axes.unicode_minus": False,
        "svg.fonttype": "none",
    }
    if lang == "zh":
        name = cjk_font()
        if name is None:
            if raster:
                _warn_no_cjk()
        else:
            # a concrete family list: Text objects keep it from creation
            # (a generic "sans-serif" would be resolved at draw time)
            rc["font.family"] = [name, "DejaVu Sans"]
    with mpl.rc_context(rc):
        yield


def figure(width: float, height: float) -> Figure:
    """Return a new `matplotlib.figure.Figure` of the size in inches."""
    mpl = _mpl()
    return cast(
        "Figure",
        mpl.figure.Figure(
            figsize=(width, height), layout="constrained", dpi=100
        ),
    )


def check_output_path(func: str, path: str | os.PathLike[str]) -> Path:
    """Return `path` as a Path; its directory must exist."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise ParameterError(
            f"{func}(): cannot write {str(p)!r}: the directory "
            f"{str(parent)!r} does not exist. Create it first, or write "
            "somewhere else.",
            parameter="path",
            value=str(p),
        )
    return p


def save_figure(
    fig: Figure, path: str | os.PathLike[str], *, dpi: int = 150
) -> Path:
    """Write `fig` to `path`; the format follows the suffix (png/svg/pdf).

    SVG keeps text as text (``svg.fonttype = "none"``) and has no date
    and fixed element ids, so the same figure gives the same file.
    """
    mpl = _mpl()
    p = check_output_path("save_figure", path)
    fmt = p.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ParameterError(
            f"save_figure(): the output must end in .png, .svg or .pdf; "
            f"got {str(p)!r}.",
            parameter="path",
            value=str(p),
            allowed=FORMATS,
        )
    meta = {"Date": None} if fmt == "svg" else None
    if fmt == "pdf":
        meta = {"CreationDate": None}
    rc = {"svg.fonttype": "none", "svg.hashsalt": "clusterscore"}
    with mpl.rc_context(rc), atomic_path(p) as tmp:
        fig.savefig(tmp, format=fmt, dpi=dpi, metadata=meta)
    return p


def svg_text(fig: Figure) -> str:
    """Return `fig` as SVG markup with text as text, for inlining in HTML.

    The XML prolog and DOCTYPE are dropped (HTML does not want them).
    """
    mpl = _mpl()
    buf = io.StringIO()
    rc = {"svg.fonttype": "none", "svg.hashsalt": "clusterscore"}
    with mpl.rc_context(rc):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    start = text.find("<svg")
    return text[start:]
