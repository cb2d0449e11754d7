"""The indicator system: dimensions, indicators, judgments, targets.

An `IndicatorSystem` is read from a TOML file by `load_system`
(`clusterscore.system.reader`) and is frozen: every field is immutable,
and matrices are read-only arrays.

The object model and its constants are fixed here; the file format and
the reader are documented in ``docs/data-format.md`` ("The indicator
file").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

import numpy as np

from clusterscore.system.schema import table_schema

if TYPE_CHECKING:
    import pandera.pandas as pa

__all__ = [
    "DEFAULT_TYPE",
    "FORMAT_VERSION",
    "LEVEL_DIMENSIONS",
    "RESERVED_COLUMNS",
    "SUPPORTED_FORMAT_VERSIONS",
    "ClusterType",
    "Derivation",
    "Dimension",
    "Indicator",
    "IndicatorSystem",
    "Judgments",
    "Recommendation",
    "Reference",
    "Target",
]

DEFAULT_TYPE = "default"
"""The name of the type-agnostic judgments and targets."""

LEVEL_DIMENSIONS = "dimensions"
"""The `Judgments.level` of the matrix between the dimensions."""

RESERVED_COLUMNS = ("cluster", "type", "region", "province")
"""Input-table columns that no indicator id may take."""

FORMAT_VERSION = 1
"""The indicator-file format version this clusterscore writes and reads."""

SUPPORTED_FORMAT_VERSIONS = (1,)
"""Every `meta.format_version` that `load_system` accepts."""


def _has_cjk(text: str) -> bool:
    """Whether `text` contains a CJK ideograph (a Chinese name)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@dataclass(frozen=True)
class Reference:
    """A publication that sources cite (``[references.<key>]``).

    Attributes
    ----------
    key : str
        The short key the file's sources cite as ``[@key §4.1]``.
    title : str
        The title (a description in square brackets when the document
        has none).
    year : int
        Year of publication.
    authors : tuple of str
        The authors in order (empty for an institution's document).
    journal, publisher : str
        The journal (with `volume` and `issue`), or the publisher, web
        site or institution.
    volume, issue, doi, url, note : str
        Optional details; `note` says e.g. which copy was read.
    """

    key: str
    title: str
    year: int
    authors: tuple[str, ...] = ()
    journal: str = ""
    publisher: str = ""
    volume: str = ""
    issue: str = ""
    doi: str = ""
    url: str = ""
    note: str = ""

    @property
    def short(self) -> str:
        """Author and year: ``"Gan Yong et al. 2022"``.

        Without authors, the publisher (or journal) stands in for them.
        """
        a = self.authors
        if not a:
            who = self.publisher or self.journal
        elif len(a) == 1:
            who = a[0]
        elif _has_cjk(a[0]):
            who = f"{a[0]}等" if len(a) > 2 else f"{a[0]}、{a[1]}"
        else:
            who = f"{a[0]} et al." if len(a) > 2 else f"{a[0]} and {a[1]}"
        return f"{who} {self.year}"

    @property
    def venue(self) -> str:
        """Journal with volume(issue), else the publisher."""
        if self.journal:
            vol = self.volume + (f"({self.issue})" if self.issue else "")
            return f"{self.journal} {vol}".strip()
        return self.publisher

    def inline(self, locator: str = "") -> str:
        """Return author, year, title, venue and section, for running text.

        ``Gan Yong et al. 2022, "Construction of ...", Strategic Study of
        CAE 24(2), §4.1``; without authors, ``"Title", publisher, 2022``.
        """
        title = f"\u201c{self.title}\u201d"
        if self.authors:
            parts = [self.short, title, self.venue]
        else:
            year = "" if str(self.year) in self.venue else str(self.year)
            parts = [title, self.venue, year]
        return ", ".join(p for p in (*parts, locator) if p)

    def citation(self) -> str:
        """Return the full entry of a reference list (authors, year, ...)."""
        if self.authors:
            out = f"{', '.join(self.authors)} ({self.year}). {self.title}."
        else:
            out = f"{self.title} ({self.year})."
        if self.venue:
            out += f" {self.venue}."
        if self.journal and self.publisher:
            out += f" {self.publisher}."
        if self.doi:
            out += f" https://doi.org/{self.doi}"
        elif self.url:
            out += f" {self.url}"
        return out


@dataclass(frozen=True)
class Derivation:
    """How a derived indicator is computed from raw columns.

    Attributes
    ----------
    kind : str
        ``"ratio"``, ``"share"``, ``"per_capita"``, ``"per_area"``,
        ``"growth"`` or ``"lq"`` (`clusterscore.system.derived.KINDS`).
    operands : tuple of (str, str or float)
        ``(role, raw column id)`` pairs in the kind's order, e.g.
        ``(("numerator", "output"), ("denominator", "firms"))``; the two
        national operands of ``"lq"`` may be numbers (constants).
    scale : float
        The factor the result is multiplied by (100 for a share or a
        growth rate).
    """

    kind: str
    operands: tuple[tuple[str, str | float], ...]
    scale: float = 1.0

    def operand(self, role: str) -> str | float:
        """Return the raw column id (or constant) of `role`."""
        return dict(self.operands)[role]

    @property
    def raw_ids(self) -> tuple[str, ...]:
        """The raw column ids the derivation reads (constants left out)."""
        return tuple(v for _, v in self.operands if isinstance(v, str))


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
    unit_zh : str
        The unit in Chinese (``"十亿元"``, ``"个"``); "" when not given.
    unit_aliases : tuple of str
        Other ways a header may write the unit (``"%"`` for ``"% of
        revenue"``). An input header ``name (unit)`` must give `unit`,
        `unit_zh` or one of these.
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
        The passage or public source motivating the indicator, with every
        ``[@key]`` citation resolved to the publication it names.
    derive : Derivation or None
        For a derived indicator, how it is computed from the system's raw
        columns (the input table then carries those, not this column).
        A raw column itself is an `Indicator` with ``dimension = ""``.
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
    unit_zh: str = ""
    unit_aliases: tuple[str, ...] = ()
    derive: Derivation | None = None

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
    """A cluster type (basic, key strategic, cutting-edge).

    `aliases` are the other words a ``type`` cell may use for it (e.g.
    ``"基础型"``), besides its id, `name` and `name_zh`.
    """

    id: str
    name: str
    name_zh: str
    description: str = ""
    source: str = ""
    aliases: tuple[str, ...] = ()


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
    key : str
        The file key of the entry (``"judgments[3]"``), or
        ``"judgments.<level>/<type>"`` for group judgments.
    cr : float
        The consistency ratio of `matrix` (Saaty's random index, or `ri`).
    ri : float or None
        The random index given in the file for a matrix larger than the
        RI tables (None: from the table).
    revisit : str
        Empty when CR <= 0.10; otherwise the judgments to revisit, most
        inconsistent first, each with the value consistent with the
        weights (`clusterscore.judgments.diagnose_inconsistency`).
    """

    level: str
    cluster_type: str
    elements: tuple[str, ...]
    matrix: np.ndarray
    expert_matrices: tuple[np.ndarray, ...] = ()
    experts: tuple[str, ...] = ()
    source: str = ""
    key: str = ""
    cr: float = 0.0
    ri: float | None = None
    revisit: str = ""

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
    references : tuple of Reference
        The ``[references]`` table, in file order.
    raw : tuple of Indicator
        The ``[[raw]]`` input columns that derived indicators are computed
        from (``dimension = ""``), in file order.
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
    references: tuple[Reference, ...] = ()
    raw: tuple[Indicator, ...] = ()
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
    def input_columns(self) -> tuple[Indicator, ...]:
        """The numeric columns of an input table, in order.

        The indicators that are not derived, then the raw columns; equal
        to `indicators` for a system without derived indicators.
        """
        own = tuple(i for i in self.indicators if i.derive is None)
        return own + self.raw

    @property
    def directions(self) -> tuple[str, ...]:
        """Each indicator's direction, in indicator order."""
        return tuple(i.direction for i in self.indicators)

    @property
    def inconsistent(self) -> tuple[Judgments, ...]:
        """The matrices whose CR exceeds 0.10, with what to revisit.

        The system loads with them; `clusterscore.weights.system_weights`
        refuses the cluster types that would use one (unless ``max_cr``
        says otherwise).
        """
        return tuple(j for j in self.judgments if j.revisit)

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

    def schema(self, *, allow_missing: bool = False) -> pa.DataFrameSchema:
        """Return the pandera DataFrameSchema for input tables.

        See `clusterscore.system.schema.table_schema`.
        """
        return table_schema(self, allow_missing=allow_missing)
