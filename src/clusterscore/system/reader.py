"""Reading an indicator-system file: `load_system` and the default file.

`load_system` reads and decodes the TOML file and `read_document` checks
it section by section (`clusterscore.system.sections`, `.matrices`,
`.targets`, over the key checks of `clusterscore.system.keys`) into a
frozen `IndicatorSystem`.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from clusterscore.errors import ConfigError
from clusterscore.system.derived import attach_derivations, read_raw
from clusterscore.system.keys import Source, suggest
from clusterscore.system.matrices import read_judgments
from clusterscore.system.model import IndicatorSystem
from clusterscore.system.sections import (
    read_dimensions,
    read_indicators,
    read_meta,
    read_references,
    read_types,
    with_indicators,
)
from clusterscore.system.targets import read_recommendations, read_targets

__all__ = [
    "DEFAULT_SYSTEM_FILE",
    "TOP_LEVEL",
    "default_system_path",
    "load_system",
    "parse_toml",
    "read_document",
]

DEFAULT_SYSTEM_FILE = "advanced_manufacturing.toml"
"""File name of the default system (in ``indicators/``)."""

TOP_LEVEL = (
    "meta",
    "references",
    "type",
    "dimension",
    "raw",
    "indicator",
    "judgments",
    "target",
    "recommendation",
)
"""The top-level tables an indicator file may have, in reading order."""


def default_system_path() -> Traversable:
    """Return the location of the default indicator file.

    An installed clusterscore carries the file as package data in
    ``clusterscore/_indicators/``; a source checkout (or an editable
    install) reads it from the top-level ``indicators/`` directory.

    Returns
    -------
    importlib.resources.abc.Traversable
        A path-like object; ``str()`` gives the file name for messages.

    Raises
    ------
    ConfigError
        If neither location holds the file.
    """
    package = resources.files("clusterscore")
    packaged = package / "_indicators" / DEFAULT_SYSTEM_FILE
    if packaged.is_file():
        return packaged
    # src/clusterscore -> the checkout's top level
    source_tree = Path(str(package)).resolve().parents[1] / "indicators"
    candidate = source_tree / DEFAULT_SYSTEM_FILE
    if candidate.is_file():
        return candidate
    raise ConfigError(
        f"{DEFAULT_SYSTEM_FILE}: the default indicator system is missing; "
        f"looked in {packaged} and {candidate}.",
        path=str(candidate),
    )


def load_system(path: str | os.PathLike[str] | None = None) -> IndicatorSystem:
    """Read and validate an indicator-system file (TOML).

    Parameters
    ----------
    path : str or path-like, optional
        The TOML file. None reads the default system,
        ``indicators/advanced_manufacturing.toml`` (see
        `default_system_path`).

    Returns
    -------
    IndicatorSystem
        Frozen: dataclasses with tuple fields, read-only matrices.

    Raises
    ------
    ConfigError
        If the file is missing, is not TOML, or any entry is malformed.
        The message starts with the file and names the key at fault
        (``judgments[3].pairs[2]``, ``indicator.rd_intensity.direction``);
        ``.path`` and ``.key`` carry the same. The checks are listed in
        ``docs/data-format.md`` ("The indicator file").

    Notes
    -----
    Each judgment matrix is built from named pairs in the system's element
    order, completed when declared ``incomplete`` (`complete_matrix`),
    aggregated over experts by the geometric mean of the individual
    judgments (AIJ, Aczél & Saaty 1983; Forman & Peniwati 1998), and must
    have a consistency ratio CR = (lambda_max - n) / ((n - 1) RI) of at
    most `MAX_CR` = 0.10 (Saaty 1980; `cr_acceptable`).

    References
    ----------
    .. [1] Saaty, T. L. (1980). *The Analytic Hierarchy Process*.
       McGraw-Hill.
    .. [2] Aczél, J., & Saaty, T. L. (1983). Procedures for synthesizing
       ratio judgements. *Journal of Mathematical Psychology*, 27(1),
       93-102. https://doi.org/10.1016/0022-2496(83)90028-7
    .. [3] Forman, E., & Peniwati, K. (1998). Aggregating individual
       judgments and priorities with the analytic hierarchy process.
       *European Journal of Operational Research*, 108(1), 165-169.
       https://doi.org/10.1016/S0377-2217(97)00244-0

    Examples
    --------
    >>> system = load_system()
    >>> system.cluster_types
    ('basic', 'strategic', 'cutting_edge')
    >>> system.dimension_ids
    ('scale', 'innovation', 'chain', 'policy', 'services')
    """
    if path is None:
        where = default_system_path()
        label = str(where)
        raw = where.read_bytes()
    else:
        label = os.fspath(path)
        file = Path(label)
        if not file.exists():
            raise ConfigError(
                f"{label}: no such indicator file.", path=label, key=None
            )
        if not file.is_file():
            raise ConfigError(
                f"{label}: is a directory, not an indicator file.",
                path=label,
                key=None,
            )
        raw = file.read_bytes()
    return read_document(Source(label, parse_toml(label, raw)))


def parse_toml(label: str, raw: bytes) -> dict[str, Any]:
    """Decode UTF-8 (BOM tolerated) and parse TOML, or raise ConfigError."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{label}: not UTF-8 text (byte {exc.start}); indicator files "
            f"must be saved as UTF-8.",
            path=label,
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{label}: not valid TOML: {exc}.", path=label
        ) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively
        raise ConfigError(
            f"{label}: arrays or inline tables are nested too deeply to "
            f"read (hundreds of levels); an indicator file needs at most "
            f"three (judgments pairs: [[row, column, value], ...]).",
            path=label,
        ) from None


def read_document(src: Source) -> IndicatorSystem:
    """Validate every table of a parsed file and return the system."""
    for name in src.doc:
        if name not in TOP_LEVEL:
            raise src.fail(
                name,
                f"unknown top-level table {name!r}"
                f"{suggest(name, TOP_LEVEL)}; allowed: "
                f"{', '.join(TOP_LEVEL)}.",
            )
    meta = read_meta(src)
    references = read_references(src)
    src = dataclasses.replace(src, refs={r.key: r for r in references})
    src.cite("meta.source", meta.get("source", ""))
    types = read_types(src)
    dims_raw = read_dimensions(src)
    raw = read_raw(src)
    indicators = attach_derivations(src, read_indicators(src, dims_raw), raw)
    dims = with_indicators(src, dims_raw, indicators)
    return IndicatorSystem(
        id=meta["id"],
        name=meta["name"],
        name_zh=meta["name_zh"],
        format_version=meta["format_version"],
        dimensions=dims,
        indicators=indicators,
        types=types,
        judgments=read_judgments(src, types, dims),
        targets=read_targets(src, types, indicators),
        recommendations=read_recommendations(src, types, dims),
        description=meta.get("description", ""),
        path=src.label,
        references=references,
        raw=raw,
    )
