"""The indicator system: dimensions, indicators, judgments, targets.

An `IndicatorSystem` is read from a TOML file by `load_system` and is
frozen: every field is immutable, and matrices are read-only arrays.

The object model is fixed here; the file format and the loader are
documented in ``docs/data-format.md`` ("The indicator file").
"""

from __future__ import annotations

import difflib
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import numpy as np

from clusterscore.errors import ConfigError, JudgmentError
from clusterscore.system.schema import table_schema

__all__ = [
    "DEFAULT_SYSTEM_FILE",
    "DEFAULT_TYPE",
    "FORMAT_VERSION",
    "LEVEL_DIMENSIONS",
    "MAX_CR",
    "ClusterType",
    "Dimension",
    "Indicator",
    "IndicatorSystem",
    "Judgments",
    "Recommendation",
    "Target",
    "default_system_path",
    "load_system",
]

DEFAULT_TYPE = "default"
"""The name of the type-agnostic judgments and targets."""

LEVEL_DIMENSIONS = "dimensions"
"""The `Judgments.level` of the matrix between the dimensions."""


@dataclass(frozen=True)
class Indicator:
    """One indicator (one input column).

    Attributes
    ----------
    id : str
        Column name in input tables (snake_case).
    name, name_zh : str
        English and Chinese names; input headers may use `name_zh`.
    unit : str
        Unit of measurement, e.g. ``"bn CNY"`` or ``"%"``.
    direction : {"benefit", "cost"}
        Whether more is better (benefit) or less is better (cost).
    dimension : str
        Id of the dimension the indicator belongs to.
    definition : str
        How the value is measured.
    lower, upper : float or None
        Valid bounds (inclusive unless `lower_open`); None = unbounded.
    lower_open : bool
        True when the lower bound is exclusive (value must be > lower).
    integer : bool
        Whether values must be whole numbers (counts, ordinal scores).
    source : str
        The seed passage or public source motivating the indicator.
    """

    id: str
    name: str
    name_zh: str
    unit: str
    direction: Literal["benefit", "cost"]
    dimension: str
    definition: str = ""
    lower: float | None = None
    upper: float | None = None
    lower_open: bool = False
    integer: bool = False
    source: str = ""

    @property
    def sign(self) -> int:
        """+1 for a benefit indicator, -1 for a cost indicator."""
        return 1 if self.direction == "benefit" else -1


@dataclass(frozen=True)
class Dimension:
    """A first-level dimension grouping indicators.

    Attributes
    ----------
    id, name, name_zh, source : str
        Identity, names and motivating source.
    indicators : tuple of str
        Ids of its indicators, in file order.
    """

    id: str
    name: str
    name_zh: str
    indicators: tuple[str, ...]
    source: str = ""


@dataclass(frozen=True)
class ClusterType:
    """A cluster type (basic, key strategic, cutting-edge)."""

    id: str
    name: str
    name_zh: str
    description: str = ""
    source: str = ""


@dataclass(frozen=True)
class Judgments:
    """The pairwise judgments for one comparison matrix.

    Attributes
    ----------
    level : str
        ``"dimensions"`` for the matrix between dimensions, or a dimension
        id for the matrix between that dimension's indicators.
    cluster_type : str
        A cluster type id, or ``"default"`` (type-agnostic).
    elements : tuple of str
        Row/column labels, in the system's order.
    matrix : numpy.ndarray
        The (aggregated, completed) reciprocal matrix, read-only.
    expert_matrices : tuple of numpy.ndarray
        One matrix per expert as given in the file (NaN = missing judgment);
        a single entry when the file gives one set of judgments.
    experts : tuple of str
        The experts' names (``("",)`` when not named).
    source : str
        Where the judgments come from.
    """

    level: str
    cluster_type: str
    elements: tuple[str, ...]
    matrix: np.ndarray
    expert_matrices: tuple[np.ndarray, ...] = ()
    experts: tuple[str, ...] = ()
    source: str = ""

    @property
    def name(self) -> str:
        """``"<level>/<cluster_type>"``, e.g. ``"dimensions/basic"``."""
        return f"{self.level}/{self.cluster_type}"


@dataclass(frozen=True)
class Target:
    """A benchmark target for one indicator and one cluster type."""

    indicator: str
    cluster_type: str
    value: float
    source: str = ""
    estimate: bool = True


@dataclass(frozen=True)
class Recommendation:
    """The development path for a (cluster type, dimension) shortfall.

    `cluster_type` is ``"default"`` for a line that applies to every type;
    `indicator` (optional) narrows the recommendation to a shortfall in one
    indicator of the dimension (``""`` = the dimension as a whole).
    """

    cluster_type: str
    dimension: str
    text: str
    text_zh: str = ""
    source: str = ""
    indicator: str = ""


@dataclass(frozen=True)
class IndicatorSystem:
    """A complete, validated indicator system.

    Build it with `load_system`; the constructor does not validate.

    Attributes
    ----------
    id, name, name_zh, description : str
        Metadata from ``[meta]``.
    format_version : int
        The file format version.
    path : str
        The file the system was read from ("" when built in memory).
    dimensions : tuple of Dimension
        In file order.
    indicators : tuple of Indicator
        Grouped by dimension, in file order within each dimension.
    types : tuple of ClusterType
        The cluster types, in file order.
    judgments : tuple of Judgments
        Every comparison matrix in the file.
    targets : tuple of Target
        Every benchmark target in the file.
    recommendations : tuple of Recommendation
        Every development recommendation in the file.
    """

    id: str
    name: str
    name_zh: str
    format_version: int
    dimensions: tuple[Dimension, ...]
    indicators: tuple[Indicator, ...]
    types: tuple[ClusterType, ...]
    judgments: tuple[Judgments, ...] = ()
    targets: tuple[Target, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    description: str = ""
    path: str = ""
    _by_id: Mapping[str, Indicator] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        by_id = MappingProxyType({i.id: i for i in self.indicators})
        object.__setattr__(self, "_by_id", by_id)

    # --- lookup -----------------------------------------------------------
    @property
    def cluster_types(self) -> tuple[str, ...]:
        """The cluster type ids, e.g. ``("basic", "strategic", ...)``."""
        return tuple(t.id for t in self.types)

    @property
    def dimension_ids(self) -> tuple[str, ...]:
        """The dimension ids, in order."""
        return tuple(d.id for d in self.dimensions)

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        """The indicator ids, in order (the input columns)."""
        return tuple(i.id for i in self.indicators)

    @property
    def directions(self) -> tuple[str, ...]:
        """Each indicator's direction, in indicator order."""
        return tuple(i.direction for i in self.indicators)

    def indicator(self, indicator_id: str) -> Indicator:
        """Return the indicator with this id (KeyError if none)."""
        return self._by_id[indicator_id]

    def dimension(self, dimension_id: str) -> Dimension:
        """Return the dimension with this id (KeyError if none)."""
        for d in self.dimensions:
            if d.id == dimension_id:
                return d
        raise KeyError(dimension_id)

    def judgments_for(
        self, level: str, cluster_type: str | None = None
    ) -> Judgments:
        """Return the judgments of `level` for a type, else the default.

        Parameters
        ----------
        level : str
            ``"dimensions"`` or a dimension id.
        cluster_type : str or None
            A cluster type id; None (or one without its own matrix) falls
            back to the type-agnostic ``"default"`` matrix.
        """
        wanted = cluster_type or DEFAULT_TYPE
        fallback = None
        for j in self.judgments:
            if j.level != level:
                continue
            if j.cluster_type == wanted:
                return j
            if j.cluster_type == DEFAULT_TYPE:
                fallback = j
        if fallback is None:
            raise KeyError(f"{level}/{wanted}")
        return fallback

    def target(self, indicator_id: str, cluster_type: str) -> Target | None:
        """Return the target of an indicator for a type (else default)."""
        fallback = None
        for t in self.targets:
            if t.indicator != indicator_id:
                continue
            if t.cluster_type == cluster_type:
                return t
            if t.cluster_type == DEFAULT_TYPE:
                fallback = t
        return fallback

    def recommendation(
        self, cluster_type: str, dimension_id: str
    ) -> Recommendation | None:
        """Return the recommendation for a (type, dimension), if any.

        Only dimension-wide recommendations (no `indicator`) are considered;
        see `recommendations_for` for every line that applies.
        """
        for r in self.recommendations:
            if (
                r.cluster_type == cluster_type
                and r.dimension == dimension_id
                and not r.indicator
            ):
                return r
        return None

    def recommendations_for(
        self, cluster_type: str, dimension_id: str
    ) -> tuple[Recommendation, ...]:
        """Return every recommendation for a type's shortfall in a dimension.

        These are the lines written for `cluster_type` and the cross-type
        (``"default"``) lines, in file order; a line with an `indicator`
        applies when that indicator falls short.
        """
        return tuple(
            r
            for r in self.recommendations
            if r.dimension == dimension_id
            and r.cluster_type in (cluster_type, DEFAULT_TYPE)
        )

    def targets_for(self, cluster_type: str) -> dict[str, Target]:
        """Return ``{indicator id: Target}`` for a type (else default).

        Indicators without a target for the type (nor a default one) are
        left out.
        """
        out = {}
        for ind in self.indicators:
            t = self.target(ind.id, cluster_type)
            if t is not None:
                out[ind.id] = t
        return out

    def schema(self, *, allow_missing: bool = False):
        """Return the pandera DataFrameSchema for input tables.

        See `clusterscore.system.schema.table_schema`.
        """
        return table_schema(self, allow_missing=allow_missing)


# =========================================================================
# Reading indicator files
# =========================================================================

FORMAT_VERSION = 1
"""The indicator-file format version this clusterscore writes and reads."""

SUPPORTED_FORMAT_VERSIONS = (1,)
"""Every `meta.format_version` that `load_system` accepts."""

DEFAULT_SYSTEM_FILE = "advanced_manufacturing.toml"
"""File name of the default system (in ``indicators/``)."""

MAX_CR = 0.10
"""Largest accepted consistency ratio (exclusive), after Saaty (1980)."""

RESERVED_COLUMNS = ("cluster", "type", "region", "province")
"""Input-table columns that no indicator id may take."""

_SAATY_LOW = 1.0 / 9.0
_SAATY_HIGH = 9.0
_SCALE_TOL = 1e-3  # 0.111 is accepted as 1/9, 9.0001 is not
_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
_RATIO_RE = re.compile(
    r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:/\s*(\d+(?:\.\d*)?|\.\d+)\s*)?\Z"
)
_TYPE_NAMES = {
    str: "a string",
    bool: "a boolean (true/false)",
    int: "an integer",
    float: "a number",
    list: "an array",
    dict: "a table",
}
_TOP_LEVEL = (
    "meta",
    "type",
    "dimension",
    "indicator",
    "judgments",
    "target",
    "recommendation",
)


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
    have a consistency ratio CR = (lambda_max - n) / ((n - 1) RI) below
    `MAX_CR` (Saaty 1980).

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
    return _Loader(label, _parse_toml(label, raw)).build()


def _parse_toml(label: str, raw: bytes) -> dict[str, Any]:
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


def _readonly(a: np.ndarray) -> np.ndarray:
    """Return a read-only float copy of `a`."""
    out = np.array(a, dtype=float, copy=True)
    out.setflags(write=False)
    return out


def _fmt(value: Any) -> str:
    """Format a TOML value for a message."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return repr(value)


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` when a close match exists."""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Loader:
    """Turn a parsed TOML document into an `IndicatorSystem` or raise."""

    def __init__(self, label: str, doc: dict[str, Any]) -> None:
        self.label = label
        self.doc = doc

    # --- errors and field access -------------------------------------
    def fail(self, key: str | None, problem: str) -> ConfigError:
        """Build the ConfigError ``'<file>: <key>: <problem>'``."""
        where = f"{self.label}: {key}: " if key else f"{self.label}: "
        return ConfigError(where + problem, path=self.label, key=key)

    def fields(
        self,
        entry: Any,
        key: str,
        spec: Mapping[str, tuple[type, bool]],
        what: str,
    ) -> dict[str, Any]:
        """Check one table against ``{field: (type, required)}``.

        Unknown fields, missing required fields and wrong types raise.
        Integers are accepted where a float is asked for; booleans are
        never accepted as numbers.
        """
        if not isinstance(entry, dict):
            raise self.fail(key, f"must be a table; got {_fmt(entry)}.")
        for name in entry:
            if name not in spec:
                raise self.fail(
                    f"{key}.{name}",
                    f"unknown field {name!r} in {what}"
                    f"{_suggest(name, tuple(spec))}; allowed: "
                    f"{', '.join(spec)}.",
                )
        out: dict[str, Any] = {}
        for name, (kind, required) in spec.items():
            if name not in entry:
                if required:
                    raise self.fail(
                        f"{key}.{name}",
                        f"missing required field {name!r} in {what}.",
                    )
                continue
            value = entry[name]
            ok = isinstance(value, kind) and not (
                kind is not bool and isinstance(value, bool)
            )
            if kind is float:
                ok = isinstance(value, int | float) and not isinstance(
                    value, bool
                )
            if not ok:
                raise self.fail(
                    f"{key}.{name}",
                    f"{name!r} must be {_TYPE_NAMES[kind]}; got "
                    f"{_fmt(value)}.",
                )
            if kind is str and required and not value.strip():
                raise self.fail(
                    f"{key}.{name}", f"{name!r} must not be empty."
                )
            out[name] = value
        return out

    def entries(self, table: str, required: bool) -> list[Any]:
        """Return the array of tables `table` (``[[table]]``)."""
        value = self.doc.get(table)
        if value is None:
            if required:
                raise self.fail(
                    table,
                    f"missing required table [[{table}]] (at least one "
                    f"entry is needed).",
                )
            return []
        if not isinstance(value, list):
            raise self.fail(
                table,
                f"must be an array of tables, written [[{table}]]; got "
                f"{_fmt(value)}.",
            )
        return value

    def check_id(self, key: str, value: str, reserved: tuple[str, ...]):
        """Check an id's syntax and that it is not a reserved word."""
        if not _ID_RE.match(value):
            raise self.fail(
                key,
                f"id {value!r} must be snake_case: a lower-case letter "
                f"followed by lower-case letters, digits or '_'.",
            )
        if value in reserved:
            raise self.fail(
                key,
                f"id {value!r} is reserved; do not use "
                f"{', '.join(map(repr, reserved))}.",
            )

    # --- the whole file -----------------------------------------------
    def build(self) -> IndicatorSystem:
        """Validate every table and return the system."""
        for name in self.doc:
            if name not in _TOP_LEVEL:
                raise self.fail(
                    name,
                    f"unknown top-level table {name!r}"
                    f"{_suggest(name, _TOP_LEVEL)}; allowed: "
                    f"{', '.join(_TOP_LEVEL)}.",
                )
        meta = self.meta()
        types = self.types()
        dims_raw = self.dimensions()
        indicators = self.indicators(dims_raw)
        dims = tuple(
            Dimension(
                id=d["id"],
                name=d["name"],
                name_zh=d["name_zh"],
                indicators=tuple(
                    i.id for i in indicators if i.dimension == d["id"]
                ),
                source=d["source"],
            )
            for d in dims_raw
        )
        for n, d in enumerate(dims, 1):
            if not d.indicators:
                raise self.fail(
                    f"dimension.{d.id}",
                    f"dimension {d.id!r} (entry {n}) has no indicators; "
                    f"every dimension needs at least one [[indicator]] "
                    f"with dimension = {d.id!r}.",
                )
        judgments = self.judgments(types, dims)
        targets = self.targets(types, indicators)
        recommendations = self.recommendations(types, dims, indicators)
        return IndicatorSystem(
            id=meta["id"],
            name=meta["name"],
            name_zh=meta["name_zh"],
            format_version=meta["format_version"],
            dimensions=dims,
            indicators=indicators,
            types=types,
            judgments=judgments,
            targets=targets,
            recommendations=recommendations,
            description=meta.get("description", ""),
            path=self.label,
        )

    # --- [meta] -------------------------------------------------------
    def meta(self) -> dict[str, Any]:
        """Check ``[meta]``; the format version first."""
        meta = self.doc.get("meta")
        if meta is None:
            raise self.fail(
                "meta",
                "missing required table [meta] (with format_version = "
                f"{FORMAT_VERSION}, id, name, name_zh).",
            )
        if not isinstance(meta, dict):
            raise self.fail(
                "meta", f"must be a table [meta]; got {_fmt(meta)}."
            )
        version = meta.get("format_version")
        if version is None:
            raise self.fail(
                "meta.format_version",
                f"missing required field 'format_version' in [meta] "
                f"(this clusterscore reads format_version = "
                f"{FORMAT_VERSION}).",
            )
        if not isinstance(version, int) or isinstance(version, bool):
            raise self.fail(
                "meta.format_version",
                f"'format_version' must be an integer; got {_fmt(version)}.",
            )
        if version not in SUPPORTED_FORMAT_VERSIONS:
            supported = ", ".join(map(str, SUPPORTED_FORMAT_VERSIONS))
            raise self.fail(
                "meta.format_version",
                f"unsupported format_version {version}; this clusterscore "
                f"reads {{{supported}}}.",
            )
        out = self.fields(
            meta,
            "meta",
            {
                "format_version": (int, True),
                "id": (str, True),
                "name": (str, True),
                "name_zh": (str, True),
                "description": (str, False),
                "source": (str, False),
            },
            "[meta]",
        )
        self.check_id("meta.id", out["id"], ())
        return out

    # --- [[type]] and [[dimension]] -----------------------------------
    def _named_entries(
        self,
        table: str,
        spec: Mapping[str, tuple[type, bool]],
        reserved: tuple[str, ...],
    ) -> list[dict[str, Any]]:
        """Check the entries of a table of things with unique ids."""
        seen: dict[str, int] = {}
        out = []
        for n, entry in enumerate(self.entries(table, True), 1):
            raw_id = entry.get("id") if isinstance(entry, dict) else None
            key = (
                f"{table}.{raw_id}"
                if isinstance(raw_id, str) and _ID_RE.match(raw_id)
                else f"{table}[{n}]"
            )
            f = self.fields(entry, key, spec, f"[[{table}]] entry {n}")
            self.check_id(f"{key}.id", f["id"], reserved)
            if f["id"] in seen:
                raise self.fail(
                    f"{key}.id",
                    f"duplicate {table} id {f['id']!r} (entries "
                    f"{seen[f['id']]} and {n}).",
                )
            seen[f["id"]] = n
            f["_key"] = key
            out.append(f)
        return out

    def types(self) -> tuple[ClusterType, ...]:
        """Check ``[[type]]``."""
        spec = {
            "id": (str, True),
            "name": (str, True),
            "name_zh": (str, True),
            "description": (str, False),
            "source": (str, True),
        }
        return tuple(
            ClusterType(
                id=t["id"],
                name=t["name"],
                name_zh=t["name_zh"],
                description=t.get("description", ""),
                source=t["source"],
            )
            for t in self._named_entries("type", spec, (DEFAULT_TYPE,))
        )

    def dimensions(self) -> list[dict[str, Any]]:
        """Check ``[[dimension]]`` (indicators are attached later)."""
        spec = {
            "id": (str, True),
            "name": (str, True),
            "name_zh": (str, True),
            "source": (str, True),
        }
        return self._named_entries("dimension", spec, (LEVEL_DIMENSIONS,))

    # --- [[indicator]] --------------------------------------------------
    def indicators(self, dims: list[dict[str, Any]]) -> tuple[Indicator, ...]:
        """Check ``[[indicator]]``; return them grouped by dimension."""
        spec = {
            "id": (str, True),
            "dimension": (str, True),
            "name": (str, True),
            "name_zh": (str, True),
            "unit": (str, True),
            "direction": (str, True),
            "definition": (str, True),
            "lower": (float, False),
            "upper": (float, False),
            "lower_open": (bool, False),
            "integer": (bool, False),
            "source": (str, True),
        }
        dim_ids = tuple(d["id"] for d in dims)
        by_dim: dict[str, list[Indicator]] = {d: [] for d in dim_ids}
        names_zh: dict[str, str] = {}
        for f in self._named_entries("indicator", spec, RESERVED_COLUMNS):
            key = f["_key"]
            if f["dimension"] not in dim_ids:
                raise self.fail(
                    f"{key}.dimension",
                    f"unknown dimension {f['dimension']!r}"
                    f"{_suggest(f['dimension'], dim_ids)}; the "
                    f"[[dimension]] ids are {', '.join(dim_ids)}.",
                )
            if f["direction"] not in ("benefit", "cost"):
                raise self.fail(
                    f"{key}.direction",
                    f'direction must be "benefit" or "cost"; got '
                    f"{f['direction']!r}.",
                )
            zh = f["name_zh"]
            if zh in names_zh:
                raise self.fail(
                    f"{key}.name_zh",
                    f"duplicate name_zh {zh!r} (also indicator "
                    f"{names_zh[zh]!r}); Chinese names must be unique "
                    f"because input headers may use them.",
                )
            names_zh[zh] = f["id"]
            lower, upper = f.get("lower"), f.get("upper")
            for bound in ("lower", "upper"):
                v = f.get(bound)
                if v is not None and not math.isfinite(v):
                    raise self.fail(
                        f"{key}.{bound}",
                        f"{bound!r} must be a finite number (leave it out "
                        f"for no bound); got {v!r}.",
                    )
            lower_open = f.get("lower_open", False)
            if lower_open and lower is None:
                raise self.fail(
                    f"{key}.lower_open",
                    "lower_open = true needs a 'lower' bound.",
                )
            if (
                lower is not None
                and upper is not None
                and (lower > upper or (lower_open and lower == upper))
            ):
                interval = (
                    f"({lower}, {upper}]"
                    if lower_open
                    else f"[{lower}, {upper}]"
                )
                raise self.fail(
                    f"{key}.lower",
                    f"bounds {interval} are empty: lower must be below upper.",
                )
            by_dim[f["dimension"]].append(
                Indicator(
                    id=f["id"],
                    name=f["name"],
                    name_zh=zh,
                    unit=f["unit"],
                    direction=f["direction"],
                    dimension=f["dimension"],
                    definition=f["definition"],
                    lower=None if lower is None else float(lower),
                    upper=None if upper is None else float(upper),
                    lower_open=lower_open,
                    integer=f.get("integer", False),
                    source=f["source"],
                )
            )
        return tuple(i for d in dim_ids for i in by_dim[d])

    # --- [[judgments]] --------------------------------------------------
    def judgment_value(self, key: str, value: Any) -> float:
        """Parse a judgment: a number or a ``"a/b"`` string in 1/9..9."""
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(
                key,
                f"judgment value must be a number or a string such as "
                f'"1/3"; got {_fmt(value)}.',
            )
        if isinstance(value, str):
            m = _RATIO_RE.match(value)
            if not m:
                raise self.fail(
                    key,
                    f"cannot read judgment value {value!r}; write a number "
                    f'(3, 0.5) or a ratio such as "1/3".',
                )
            num = float(m.group(1))
            den = float(m.group(2)) if m.group(2) is not None else 1.0
            if den == 0.0:
                raise self.fail(
                    key, f"judgment value {value!r} divides by zero."
                )
            x = num / den
        else:
            x = float(value)
        if not math.isfinite(x) or x <= 0.0:
            raise self.fail(
                key,
                f"judgment value must be positive and finite (Saaty "
                f"scale 1/9..9); got {_fmt(value)}.",
            )
        if x < _SAATY_LOW - _SCALE_TOL or x > _SAATY_HIGH + 1e-9:
            raise self.fail(
                key,
                f"judgment value {_fmt(value)} = {x:.4g} is outside the "
                f"Saaty scale 1/9..9.",
            )
        return x

    def judgments(
        self,
        types: tuple[ClusterType, ...],
        dims: tuple[Dimension, ...],
    ) -> tuple[Judgments, ...]:
        """Check ``[[judgments]]``, build, complete, aggregate, test CR."""
        type_ids = tuple(t.id for t in types)
        type_choices = (*type_ids, DEFAULT_TYPE)
        levels: dict[str, tuple[str, ...]] = {
            LEVEL_DIMENSIONS: tuple(d.id for d in dims)
        }
        levels.update({d.id: d.indicators for d in dims})
        spec = {
            "level": (str, True),
            "type": (str, True),
            "source": (str, True),
            "expert": (str, False),
            "incomplete": (bool, False),
            "pairs": (list, False),
        }
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for n, entry in enumerate(self.entries("judgments", False), 1):
            key = f"judgments[{n}]"
            f = self.fields(entry, key, spec, f"[[judgments]] entry {n}")
            level, ctype = f["level"], f["type"]
            if level not in levels:
                choices = tuple(levels)
                raise self.fail(
                    f"{key}.level",
                    f"unknown level {level!r}{_suggest(level, choices)}; "
                    f"use {LEVEL_DIMENSIONS!r} or a dimension id "
                    f"({', '.join(choices[1:])}).",
                )
            if ctype not in type_choices:
                raise self.fail(
                    f"{key}.type",
                    f"unknown cluster type {ctype!r}"
                    f"{_suggest(ctype, type_choices)}; use one of "
                    f"{', '.join(type_choices)}.",
                )
            incomplete = f.get("incomplete", False)
            if "pairs" not in f and not incomplete:
                raise self.fail(
                    f"{key}.pairs",
                    f"missing required field 'pairs' in [[judgments]] "
                    f"entry {n} (only incomplete = true entries may omit "
                    f"it).",
                )
            f["_key"] = key
            f["_n"] = n
            f["_matrix"] = self.pairs_matrix(
                key,
                level,
                ctype,
                levels[level],
                f.get("pairs", []),
                incomplete,
            )
            groups.setdefault((level, ctype), []).append(f)

        out = []
        for level, elements in levels.items():
            present = {t for (lv, t) in groups if lv == level}
            if DEFAULT_TYPE not in present and not set(type_ids) <= present:
                if len(elements) == 1:
                    groups[(level, DEFAULT_TYPE)] = []
                else:
                    missing = [t for t in type_ids if t not in present]
                    raise self.fail(
                        f"judgments.{level}",
                        f"no judgments for level {level!r}: give one with "
                        f'type = "default" or one for each cluster type '
                        f"(missing: {', '.join(missing)}).",
                    )
            for ctype in (DEFAULT_TYPE, *type_ids):
                if (level, ctype) in groups:
                    out.append(
                        self.finish(
                            level, ctype, elements, groups[(level, ctype)]
                        )
                    )
        return tuple(out)

    def pairs_matrix(
        self,
        key: str,
        level: str,
        ctype: str,
        elements: tuple[str, ...],
        pairs: list[Any],
        incomplete: bool,
    ) -> np.ndarray:
        """Build one expert's matrix (NaN = not judged) from named pairs."""
        name = f"{level}/{ctype}"
        index = {e: k for k, e in enumerate(elements)}
        n = len(elements)
        a = np.full((n, n), np.nan)
        np.fill_diagonal(a, 1.0)
        first: dict[frozenset[str], int] = {}
        for k, pair in enumerate(pairs, 1):
            pkey = f"{key}.pairs[{k}]"
            if (
                not isinstance(pair, list)
                or len(pair) != 3
                or not isinstance(pair[0], str)
                or not isinstance(pair[1], str)
            ):
                raise self.fail(
                    pkey,
                    f"({name}) each pair must be [row, column, value], "
                    f'e.g. ["{elements[0]}", "{elements[-1]}", 3]; got '
                    f"{pair!r}.",
                )
            row, col, raw = pair
            for e in (row, col):
                if e not in index:
                    raise self.fail(
                        pkey,
                        f"({name}) unknown element {e!r}"
                        f"{_suggest(e, elements)}; level {level!r} "
                        f"compares {', '.join(elements)}.",
                    )
            if row == col:
                raise self.fail(
                    pkey,
                    f"({name}) pair compares {row!r} with itself; the "
                    f"diagonal is always 1.",
                )
            both = frozenset((row, col))
            if both in first:
                raise self.fail(
                    pkey,
                    f"({name}) duplicated judgment between {row!r} and "
                    f"{col!r}: already given in pairs[{first[both]}] "
                    f"(give each pair once, in one direction).",
                )
            first[both] = k
            value = self.judgment_value(pkey, raw)
            i, j = index[row], index[col]
            a[i, j] = value
            a[j, i] = 1.0 / value
        if not incomplete:
            missing = [
                f"[{elements[i]!r}, {elements[j]!r}]"
                for i in range(n)
                for j in range(i + 1, n)
                if np.isnan(a[i, j])
            ]
            if missing:
                shown = ", ".join(missing[:6])
                more = (
                    f" and {len(missing) - 6} more" if len(missing) > 6 else ""
                )
                raise self.fail(
                    f"{key}.pairs",
                    f"({name}) missing judgment(s) {shown}{more}: a "
                    f"complete matrix of {n} elements needs all "
                    f"{n * (n - 1) // 2} pairs (or set incomplete = true).",
                )
        return a

    def finish(
        self,
        level: str,
        ctype: str,
        elements: tuple[str, ...],
        group: list[dict[str, Any]],
    ) -> Judgments:
        """Complete, aggregate and check one (level, type) matrix."""
        name = f"{level}/{ctype}"
        if not group:  # a single-element level needs no judgments
            one = _readonly(np.ones((1, 1)))
            return Judgments(level, ctype, elements, one, (one,), ("",), "")
        key = group[0]["_key"]
        if len(group) > 1:
            names = [g.get("expert", "") for g in group]
            for g, who in zip(group, names, strict=True):
                if not who.strip():
                    others = ", ".join(
                        str(h["_n"]) for h in group if h is not g
                    )
                    raise self.fail(
                        f"{g['_key']}.expert",
                        f"duplicated judgments for {name} (also entries "
                        f"{others}); several entries for one matrix are "
                        f"group judgments and each needs a distinct "
                        f"'expert' name.",
                    )
            for k, who in enumerate(names):
                if who in names[:k]:
                    raise self.fail(
                        f"{group[k]['_key']}.expert",
                        f"duplicated judgments for {name}: expert {who!r} "
                        f"appears in entries {group[names.index(who)]['_n']}"
                        f" and {group[k]['_n']}.",
                    )
        completed = []
        for g in group:
            m = g["_matrix"]
            if np.isnan(m).any():
                from clusterscore.judgments.ahp import complete_matrix

                try:
                    m = np.asarray(
                        complete_matrix(m, labels=elements, name=name),
                        dtype=float,
                    )
                except JudgmentError as exc:
                    raise self.fail(
                        f"{g['_key']}.pairs",
                        f"({name}) cannot complete the incomplete "
                        f"judgments: {exc}",
                    ) from None
            completed.append(m)
        if len(completed) == 1:
            matrix = completed[0]
        else:
            from clusterscore.judgments.ahp import aggregate_judgments

            matrix = np.asarray(
                aggregate_judgments(
                    completed, method="aij", labels=elements, name=name
                ).matrix,
                dtype=float,
            )
        self.check_consistency(
            key if len(group) == 1 else f"judgments.{name}",
            name,
            elements,
            matrix,
        )
        sources = []
        for g in group:
            if g["source"] not in sources:
                sources.append(g["source"])
        return Judgments(
            level=level,
            cluster_type=ctype,
            elements=elements,
            matrix=_readonly(matrix),
            expert_matrices=tuple(_readonly(g["_matrix"]) for g in group),
            experts=tuple(g.get("expert", "") for g in group),
            source="; ".join(sources),
        )

    def check_consistency(
        self, key: str, name: str, elements: tuple[str, ...], matrix
    ) -> None:
        """Raise ConfigError when the matrix has CR >= MAX_CR.

        `ahp` raises (with the CR, the threshold and the cells at fault)
        when CR exceeds `max_cr`; CR exactly equal to it is rejected here.
        """
        from clusterscore.judgments.ahp import ahp

        try:
            result = ahp(matrix, max_cr=MAX_CR, labels=elements, name=name)
        except JudgmentError as exc:
            text = str(exc).removeprefix("ahp(): ")
            raise self.fail(
                key, f"{text} Revise the pairs until CR < {MAX_CR:.2f}."
            ) from None
        if result.cr >= MAX_CR:
            raise self.fail(
                key,
                f"judgments for {name!r} are inconsistent: CR="
                f"{result.cr:.4f} >= {MAX_CR:.2f}. Revise the pairs until "
                f"CR < {MAX_CR:.2f}.",
            )

    # --- [[target]] -----------------------------------------------------
    def targets(
        self,
        types: tuple[ClusterType, ...],
        indicators: tuple[Indicator, ...],
    ) -> tuple[Target, ...]:
        """Check ``[[target]]``: known indicator and types, values > 0."""
        type_choices = (*(t.id for t in types), DEFAULT_TYPE)
        by_id = {i.id: i for i in indicators}
        spec = {
            "indicator": (str, True),
            "values": (dict, True),
            "estimate": (bool, True),
            "source": (str, True),
        }
        seen: dict[tuple[str, str], int] = {}
        out = []
        for n, entry in enumerate(self.entries("target", False), 1):
            key = f"target[{n}]"
            f = self.fields(entry, key, spec, f"[[target]] entry {n}")
            ind_id = f["indicator"]
            if ind_id not in by_id:
                raise self.fail(
                    f"{key}.indicator",
                    f"unknown indicator {ind_id!r}"
                    f"{_suggest(ind_id, tuple(by_id))}.",
                )
            ind = by_id[ind_id]
            if not f["values"]:
                raise self.fail(
                    f"{key}.values",
                    f"no values; write e.g. values = {{ "
                    f"{type_choices[0]} = 1.0 }}.",
                )
            for ctype, value in f["values"].items():
                vkey = f"target.{ind_id}.values.{ctype}"
                if ctype not in type_choices:
                    raise self.fail(
                        vkey,
                        f"unknown cluster type {ctype!r}"
                        f"{_suggest(ctype, type_choices)}; use one of "
                        f"{', '.join(type_choices)}.",
                    )
                if isinstance(value, bool) or not isinstance(
                    value, int | float
                ):
                    raise self.fail(
                        vkey, f"target must be a number; got {_fmt(value)}."
                    )
                if not math.isfinite(value) or value <= 0:
                    raise self.fail(
                        vkey,
                        f"target must be a finite number > 0 (attainment "
                        f"divides by it); got {value!r}.",
                    )
                if not _within(ind, float(value)):
                    raise self.fail(
                        vkey,
                        f"target {value!r} lies outside the valid bounds "
                        f"of {ind_id!r} {_bounds_text(ind)}.",
                    )
                if (ind_id, ctype) in seen:
                    raise self.fail(
                        vkey,
                        f"duplicate target for {ind_id!r} and type "
                        f"{ctype!r} (entries {seen[(ind_id, ctype)]} and "
                        f"{n}).",
                    )
                seen[(ind_id, ctype)] = n
                out.append(
                    Target(
                        indicator=ind_id,
                        cluster_type=ctype,
                        value=float(value),
                        source=f["source"],
                        estimate=f["estimate"],
                    )
                )
        return tuple(out)

    # --- [[recommendation]] -------------------------------------------
    def recommendations(
        self,
        types: tuple[ClusterType, ...],
        dims: tuple[Dimension, ...],
        indicators: tuple[Indicator, ...],
    ) -> tuple[Recommendation, ...]:
        """Check ``[[recommendation]]``: known type, dimension, indicator."""
        type_choices = (*(t.id for t in types), DEFAULT_TYPE)
        dim_ids = tuple(d.id for d in dims)
        spec = {
            "type": (str, True),
            "dimension": (str, True),
            "indicator": (str, False),
            "text": (str, True),
            "text_zh": (str, False),
            "source": (str, True),
        }
        seen: dict[tuple[str, str, str], int] = {}
        out = []
        for n, entry in enumerate(self.entries("recommendation", False), 1):
            key = f"recommendation[{n}]"
            f = self.fields(entry, key, spec, f"[[recommendation]] entry {n}")
            if f["type"] not in type_choices:
                raise self.fail(
                    f"{key}.type",
                    f"unknown cluster type {f['type']!r}"
                    f"{_suggest(f['type'], type_choices)}; use one of "
                    f"{', '.join(type_choices)}.",
                )
            if f["dimension"] not in dim_ids:
                raise self.fail(
                    f"{key}.dimension",
                    f"unknown dimension {f['dimension']!r}"
                    f"{_suggest(f['dimension'], dim_ids)}; the dimension "
                    f"ids are {', '.join(dim_ids)}.",
                )
            ind = f.get("indicator", "")
            members = next(d for d in dims if d.id == f["dimension"])
            if ind and ind not in members.indicators:
                raise self.fail(
                    f"{key}.indicator",
                    f"indicator {ind!r} is not in dimension "
                    f"{f['dimension']!r} ({', '.join(members.indicators)})"
                    f".",
                )
            which = (f["type"], f["dimension"], ind)
            if which in seen:
                raise self.fail(
                    key,
                    f"duplicate recommendation for type {f['type']!r}, "
                    f"dimension {f['dimension']!r}"
                    + (f", indicator {ind!r}" if ind else "")
                    + f" (entries {seen[which]} and {n}).",
                )
            seen[which] = n
            out.append(
                Recommendation(
                    cluster_type=f["type"],
                    dimension=f["dimension"],
                    text=f["text"],
                    text_zh=f.get("text_zh", ""),
                    source=f["source"],
                    indicator=ind,
                )
            )
        return tuple(out)


def _within(ind: Indicator, value: float) -> bool:
    """Whether `value` lies in the indicator's valid bounds."""
    if ind.lower is not None:
        if ind.lower_open and value <= ind.lower:
            return False
        if value < ind.lower:
            return False
    return ind.upper is None or value <= ind.upper


def _bounds_text(ind: Indicator) -> str:
    """Return the bounds as an interval, e.g. ``(0, inf)`` or ``[0, 100]``."""
    lo = "-inf" if ind.lower is None else f"{ind.lower:g}"
    hi = "inf" if ind.upper is None else f"{ind.upper:g}"
    left = "(" if ind.lower is None or ind.lower_open else "["
    right = ")" if ind.upper is None else "]"
    return f"{left}{lo}, {hi}{right}"
