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
from typing import IO, Any

from clusterscore._checks import short_repr
from clusterscore.errors import ConfigError, ParameterError
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


def load_system(
    path: str | os.PathLike[str] | IO[str] | IO[bytes] | None = None,
) -> IndicatorSystem:
    """Read and validate an indicator-system file (TOML).

    Parameters
    ----------
    path : str, path-like or file object, optional
        The TOML file, or a file object opened for reading (text or
        binary; read to its end, not closed). None reads the default
        system, ``indicators/advanced_manufacturing.toml`` (see
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
    ParameterError
        If `path` is neither a path, a file object nor None (a number,
        bytes, an empty string).

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
    elif callable(getattr(path, "read", None)):
        label, raw = _read_object(path)
    else:
        label = _check_path(path)
        raw = _read_file(label)
    return read_document(Source(label, parse_toml(label, raw)))


def _check_path(path: Any) -> str:
    """Return `path` as a str; ParameterError if it is not a path."""
    value = os.fspath(path) if isinstance(path, os.PathLike) else path
    if isinstance(value, str) and value:
        return value
    got = "an empty string" if isinstance(value, str) else type(path).__name__
    raise ParameterError(
        "load_system(): 'path' must be the path of an indicator file (str or "
        "os.PathLike), a file object opened for reading, or None for the "
        f"default system; got {got}.",
        parameter="path",
        value=path,
        allowed="str, os.PathLike, file object, None",
    )


def _read_file(label: str) -> bytes:
    """Return the bytes of the indicator file `label`; ConfigError if not."""
    file = Path(label)
    try:
        exists, is_dir, is_file = file.exists(), file.is_dir(), file.is_file()
    except (OSError, ValueError) as exc:  # NUL in the name, name too long
        raise ConfigError(
            f"{short_repr(label)}: is not a usable file name "
            f"({getattr(exc, 'strerror', None) or exc}).",
            path=label,
        ) from None
    if not exists:
        raise ConfigError(
            f"{label}: no such indicator file.", path=label, key=None
        )
    if is_dir:
        raise ConfigError(
            f"{label}: is a directory, not an indicator file.",
            path=label,
            key=None,
        )
    if not is_file:
        raise ConfigError(
            f"{label}: is not a regular file (a pipe, socket or device); "
            "expected an indicator file (TOML).",
            path=label,
        )
    try:
        return file.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"{label}: cannot be read ({exc.strerror or exc}).", path=label
        ) from None


def _read_object(source: Any) -> tuple[str, bytes]:
    """Return the name and the content (as UTF-8 bytes) of a file object."""
    name = getattr(source, "name", None)
    label = (
        name
        if isinstance(name, str) and name
        else (f"<{type(source).__name__}>")
    )
    try:
        content = source.read()
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{label}: not UTF-8 text (byte {exc.start}); indicator files "
            "must be saved as UTF-8.",
            path=label,
        ) from None
    except (OSError, ValueError) as exc:  # closed, not readable
        raise ConfigError(
            f"{label}: cannot be read ({exc}).", path=label
        ) from None
    if isinstance(content, str):
        return label, content.encode("utf-8", "surrogatepass")
    if isinstance(content, bytes | bytearray | memoryview):
        return label, bytes(content)
    raise ParameterError(
        "load_system(): 'path' is a file object whose read() returned "
        f"{type(content).__name__}; expected str or bytes.",
        parameter="path",
        value=source,
    )


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
                f"unknown top-level table {short_repr(name)}"
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
