"""Cell parsing: text columns, cluster-type words and numbers.

Text cells are stripped; cluster names are normalised by
`normalize_name` (the one rule, from `clusterscore.system.schema`, by
which two names are the same: invisible characters removed, white space
runs made one space, none at the ends). A ``type`` cell may be a type id,
the type's English or Chinese name, or one of the ``aliases`` the
indicator file declares for it (``"基础型"``, ``"前沿"``, ...; matched as
headers are, see `clusterscore.io.headers.header_key`).

Indicator cells are numbers, or text read as what a person means by a
number (`NUMBER_PATTERN`): ASCII or full-width digits, a sign, a decimal
point, an exponent, commas only as thousands separators (``1,234.5``),
spaces around it; the texts in `MISSING_TOKENS` read as missing. Circled,
superscript and other digits (``①``, ``2²``), complex numbers and numbers
beyond float64 (``1e400``) are refused, each by cell, by
`add_number_problems`. The grammar runs as a small automaton over the
character matrix of a whole column (`parse_number_texts`): a loop over
the character positions, never over cells.
"""

from __future__ import annotations

import decimal
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from itertools import repeat

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore._checks import short_repr
from clusterscore.io.headers import TEXT_COLUMNS, header_key, header_keys
from clusterscore.io.problems import ProblemTable
from clusterscore.system import IndicatorSystem
from clusterscore.system.schema import (
    INVISIBLE,
    normalize_name,
    normalize_names,
)

__all__ = [
    "MAX_NUMBER_CHARS",
    "MISSING_TOKENS",
    "NUMBER_PATTERN",
    "Parsed",
    "add_number_problems",
    "ascii_number_text",
    "name_column",
    "normalize_name",
    "normalize_names",
    "numeric_column",
    "parse_columns",
    "parse_number_texts",
    "text_column",
    "type_column",
    "type_lookup",
]

MISSING_TOKENS: frozenset[str] = frozenset(
    {"", "na", "n/a", "#n/a", "nan", "null", "none", "-", "--", "—"}
)
"""Cell texts read as a missing value (compared case-insensitively)."""


def type_lookup(system: IndicatorSystem) -> dict[str, str]:
    """Map normalised type words (id, names, aliases) to type ids.

    The aliases come from the indicator file (``aliases = [...]`` in each
    ``[[type]]``); the reader refuses an alias shared by two types.
    """
    lookup: dict[str, str] = {}
    for t in system.types:
        for word in (t.id, t.name, t.name_zh, *t.aliases):
            if word:
                lookup.setdefault(header_key(word), t.id)
    return lookup


def text_column(s: pd.Series) -> pd.Series:
    """Return stripped text, NaN where missing, on a RangeIndex.

    Stripped of white space (`str.strip`) and of the invisible characters
    of `clusterscore.system.schema.INVISIBLE` at either end.
    """
    values = s.reset_index(drop=True)
    missing = values.isna().to_numpy()
    text = values.astype("str").to_numpy(dtype=object)
    strip = np.strings.strip(text.astype(np.dtypes.StringDType()))
    strip = np.strings.strip(strip, INVISIBLE + " ")
    return pd.Series(strip.astype(object), dtype=object).where(
        ~missing, np.nan
    )


def name_column(s: pd.Series) -> pd.Series:
    """Return the cluster names by `normalize_name`, NaN where missing.

    Two names that differ only by invisible characters or white space
    (``'Wuxi IoT'``, the same with a no-break or a zero-width space) become the
    same name, so the uniqueness check finds them.
    """
    values = s.reset_index(drop=True)
    cells = values.to_numpy(dtype=object)
    # on the cells, not the Series: a str Series infers as "string" by its
    # dtype, missing values or not
    if pd.api.types.infer_dtype(cells, skipna=False) == "string":
        # every cell a str (the common case; the inference stops at the
        # first that is not): nothing missing, nothing to convert
        return pd.Series(normalize_names(cells), dtype=object)
    missing = values.isna().to_numpy()
    text = values.astype("str")
    if not missing.any():  # (no copy to blank holes)
        return pd.Series(
            normalize_names(text.to_numpy(dtype=object)), dtype=object
        )
    blanked = text.where(~missing, "").to_numpy(dtype=object)
    return pd.Series(normalize_names(blanked), dtype=object).where(
        ~missing, np.nan
    )


def type_column(s: pd.Series, lookup: Mapping[str, str]) -> pd.Series:
    """Return the type column with English/Chinese names mapped to ids.

    A table has a handful of distinct type words, so the words are
    normalised once each (`pandas.factorize`), not once per row. A column
    with no value at all comes back all missing.
    """
    # (hashed as objects: faster than through pandas' string array)
    codes, words = pd.factorize(s.to_numpy(dtype=object), sort=False)
    if len(words) == 0:
        return pd.Series(np.full(len(codes), np.nan), dtype="str")
    text = text_column(pd.Series(words, dtype=object))
    mapped = header_keys(text).map(lookup)
    per_word = mapped.where(mapped.notna(), text).to_numpy(dtype=object)
    if codes.min() >= 0:  # no cell missing (the common case): no masking
        return pd.Series(per_word[codes], dtype="str")
    # numpy's stubs do not take None as the fill of an object array
    out = np.where(  # type: ignore[call-overload]
        codes >= 0, per_word[np.maximum(codes, 0)], None
    )
    return pd.Series(out, dtype="str").where(codes >= 0, np.nan)


@dataclass
class Parsed:
    """A numeric column: values, and the text of cells that are not."""

    values: pd.Series
    original: pd.Series  # the cell as found (text), for messages
    bad: np.ndarray  # True where the cell is not a usable number
    overflow: np.ndarray | None = None  # bad: a number beyond float64
    complex_: np.ndarray | None = None  # bad: a complex number


# --------------------------------------------------------------------------
# numbers written as text: one grammar, run as a vectorised automaton
# --------------------------------------------------------------------------
NUMBER_PATTERN = re.compile(
    r" *[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?"
    r"|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?) *",
    re.ASCII,
)
"""The number grammar, on text after `ascii_number_text`: optional sign,
digits with an optional decimal point (``12``, ``12.5``, ``.5``, ``5.``)
and an optional exponent (``1.5e3``), or digits grouped in threes by
commas (``1,234.5``, no exponent); spaces only around it."""

MAX_NUMBER_CHARS = 48
"""Cells longer than this are checked one by one (`NUMBER_PATTERN`), so
that one long cell does not widen the character matrix of a column."""

_FULL_WIDTH = (0xFF01, 0xFF5E)  # full-width forms of '!' .. '~'
_MINUS_SIGN = 0x2212
_SPACES = np.array(
    sorted(
        {c for c in range(0x3001) if chr(c).isspace()}
        | set(map(ord, INVISIBLE))
    ),
    dtype=np.uint32,
)
"""Code points taken as a space around a number (`str.isspace`, and the
invisible characters of `clusterscore.system.schema.INVISIBLE`)."""

# character classes and states of the automaton
_PAD, _DIG, _SIGN, _DOT, _EXP, _COMMA, _SPACE, _OTHER = range(8)
S0, S1, I1, I2, I3, I4, G0, G1, G2, G3 = range(10)
D0, DG, DN, F, FG, E0, E1, E2, T, X = range(10, 20)
_ACCEPT = np.zeros(20, dtype=bool)
_ACCEPT[[I1, I2, I3, I4, G3, D0, DG, F, FG, E2, T]] = True


def _transitions() -> np.ndarray:
    """Return the table ``state x class -> state`` of `NUMBER_PATTERN`."""
    t = np.full((20, 8), X, dtype=np.int8)
    t[S0, [_PAD, _SPACE]] = S0  # blank so far
    t[S0, _SIGN] = S1
    for s in (S0, S1):
        t[s, _DIG] = I1
        t[s, _DOT] = DN
    t[I1, _DIG], t[I2, _DIG], t[I3, _DIG], t[I4, _DIG] = I2, I3, I4, I4
    t[[I1, I2, I3, G3], _COMMA] = G0  # a group of three digits follows
    t[G0, _DIG], t[G1, _DIG], t[G2, _DIG] = G1, G2, G3
    t[G3, _DOT] = DG
    t[[DG, FG], _DIG] = FG
    t[[I1, I2, I3, I4], _DOT] = D0
    t[[D0, DN, F], _DIG] = F
    t[[I1, I2, I3, I4, D0, F], _EXP] = E0
    t[E0, _SIGN] = E1
    t[[E0, E1, E2], _DIG] = E2
    t[np.flatnonzero(_ACCEPT), _PAD] = T
    t[np.flatnonzero(_ACCEPT), _SPACE] = T
    return t


_TABLE = _transitions()


def _code_points(texts: np.ndarray) -> np.ndarray:
    """Return the (n, width) uint32 code points of str cells (0-padded)."""
    u = texts.astype(str)
    width = u.dtype.itemsize // 4
    if width == 0:
        return np.zeros((len(texts), 1), dtype=np.uint32)
    return u.view(np.uint32).reshape(len(texts), width)


def _ascii_points(cp: np.ndarray) -> np.ndarray:
    """Map full-width forms, the minus sign and spaces to ASCII."""
    low, high = _FULL_WIDTH
    out = np.where((cp >= low) & (cp <= high), cp - 0xFEE0, cp)
    out[out == _MINUS_SIGN] = ord("-")
    odd = np.nonzero((out > 0x7F) | ((out > 0) & (out < 0x20)))
    if len(odd[0]):
        found = out[odd]
        out[odd] = np.where(np.isin(found, _SPACES), ord(" "), found)
    return out


def ascii_number_text(text: str) -> str:
    """Return `text` with full-width forms and spaces made ASCII.

    Full-width ``０``..``９``, ``＋``, ``－``, ``．``, ``，``, ``ｅ`` become
    their ASCII forms, the minus sign U+2212 ``-``, and every space
    character of `_SPACES` an ASCII space. Nothing else changes: circled
    (``①``), superscript (``²``) and other digits stay what they are, and
    are no number.
    """
    cp = np.array([ord(c) for c in text], dtype=np.uint32)
    return "".join(map(chr, _ascii_points(cp)))


def _classes(cp: np.ndarray) -> np.ndarray:
    """Return the character class of each ASCII-mapped code point."""
    cls = np.full(cp.shape, _OTHER, dtype=np.int8)
    cls[cp == 0] = _PAD
    cls[(cp >= 0x30) & (cp <= 0x39)] = _DIG
    cls[(cp == 0x2B) | (cp == 0x2D)] = _SIGN
    cls[cp == 0x2E] = _DOT
    cls[(cp == 0x65) | (cp == 0x45)] = _EXP
    cls[cp == 0x2C] = _COMMA
    cls[cp == 0x20] = _SPACE
    return cls


_MANTISSA = np.zeros(20, dtype=bool)
_MANTISSA[[I1, I2, I3, I4, G1, G2, G3, F, FG]] = True  # after a digit
_FRACTION = np.zeros(20, dtype=bool)
_FRACTION[[F, FG]] = True
_POW10 = 10.0 ** np.arange(23)  # exact in float64 (10^22 < 2^53 * 2^22)


def _run(
    cls: np.ndarray, cp: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Run the automaton over each row of classes, reading the number.

    Returns the final states, the values where the fast reading is exact
    and a mask of those rows. The fast reading (Clinger's) collects the
    significand ``m`` as an integer and the power of ten ``e``; when
    ``m < 2^53`` and ``|e| <= 22`` both are exact in float64 and one
    multiplication or division, correctly rounded by IEEE 754, gives the
    correctly rounded value of the decimal text [1]_. Other numbers
    (longer significands, larger exponents) are left to the caller.

    References
    ----------
    .. [1] W. D. Clinger, "How to read floating point numbers accurately",
       Proc. ACM SIGPLAN PLDI 1990, pp. 92-101 (the exact fast case).
    """
    flat = _TABLE.ravel().astype(np.intp)
    n = cls.shape[0]
    state = np.zeros(n, dtype=np.intp)
    m = np.zeros(n, dtype=np.int64)
    digits = np.zeros(n, dtype=np.int64)
    frac = np.zeros(n, dtype=np.int64)
    exp = np.zeros(n, dtype=np.int64)
    minus = np.zeros(n, dtype=bool)
    exp_minus = np.zeros(n, dtype=bool)
    classes = np.ascontiguousarray(cls.T)  # (positions, cells)
    is_digit = classes == _DIG
    value_of = np.ascontiguousarray(cp.T).astype(np.int64) - 0x30
    is_minus = value_of == 0x2D - 0x30
    for j in range(classes.shape[0]):  # over character positions
        state = flat[state * 8 + classes[j]]
        dig, d = is_digit[j], value_of[j]
        sig = dig & _MANTISSA[state]
        m = np.where(sig & (digits < 18), m * 10 + d, m)
        digits += sig
        frac += dig & _FRACTION[state]
        in_exp = dig & (state == E2)
        exp = np.where(in_exp, np.minimum(exp * 10 + d, 10**6), exp)
        if is_minus[j].any():
            minus |= is_minus[j] & (state == S1)
            exp_minus |= is_minus[j] & (state == E1)
    e10 = np.where(exp_minus, -exp, exp) - frac
    exact = (digits <= 18) & (m < 2**53) & (np.abs(e10) <= 22)
    power = _POW10[np.minimum(np.abs(e10), 22)]
    mf = m.astype(np.float64)
    value = np.where(e10 >= 0, mf * power, mf / power)
    return state, np.where(minus, -value, value), exact


_PLAIN_CHARS = b"0123456789+-.eE"


def _plain_numbers(
    texts: npt.NDArray[np.object_],
) -> npt.NDArray[np.float64] | None:
    """Return the values of cells that are all plain numbers, else None.

    Plain: only the characters ``0-9 + - . e E`` (no space, comma or
    other digit), a number by `NUMBER_PATTERN` and finite. On these
    characters `float` takes exactly the texts the grammar takes and
    rounds them correctly, as `_run` does: the two agree bit for bit
    (``tests/io/test_cells.py``). Checked on the column's joined text, so
    that a column with anything else costs one pass and goes to the
    automaton.
    """
    try:
        joined = "".join(texts)
    except TypeError:  # a cell that is not str: the automaton says
        return None
    if not joined.isascii() or joined.encode().translate(None, _PLAIN_CHARS):
        return None
    try:  # ('', '1e', '--1', '.' are ValueErrors)
        values = np.fromiter(map(float, texts), np.float64, len(texts))
    except ValueError:
        return None
    return values if np.isfinite(values).all() else None


def parse_number_texts(
    texts: npt.NDArray[np.object_],
) -> tuple[
    npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]
]:
    """Parse str cells as numbers by `NUMBER_PATTERN` (vectorised).

    A column of plain numbers (`_plain_numbers`) is read by `float`; any
    other by the automaton (`_automaton_numbers`).

    Parameters
    ----------
    texts : numpy.ndarray
        Object array of str.

    Returns
    -------
    values : numpy.ndarray
        float64; NaN where the cell is blank or no number.
    number : numpy.ndarray
        True where the cell is a number by the grammar (it may overflow:
        ``1e400`` is a number whose value is ``inf``).
    blank : numpy.ndarray
        True where the cell is empty or only spaces.
    """
    n = len(texts)
    plain = _plain_numbers(texts) if n else None
    if plain is not None:
        return plain, np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
    return _automaton_numbers(texts)


def _automaton_numbers(
    texts: npt.NDArray[np.object_],
) -> tuple[
    npt.NDArray[np.float64], npt.NDArray[np.bool_], npt.NDArray[np.bool_]
]:
    """`parse_number_texts` by the automaton `_run` (any str cells)."""
    n = len(texts)
    values = np.full(n, np.nan)
    number = np.zeros(n, dtype=bool)
    blank = np.zeros(n, dtype=bool)
    if n == 0:
        return values, number, blank
    long = np.fromiter(map(len, texts), np.int64, n) > MAX_NUMBER_CHARS
    for pos in np.flatnonzero(long):  # the rare long cells, one by one
        text = ascii_number_text(texts[pos])
        blank[pos] = not text.strip(" ")
        if NUMBER_PATTERN.fullmatch(text):
            number[pos] = True
            values[pos] = float(text.replace(",", ""))
    short = np.flatnonzero(~long)
    cp = _ascii_points(_code_points(texts[short]))
    state, fast, exact = _run(_classes(cp), cp)
    blank[short] = state == S0
    ok = _ACCEPT[state]
    number[short] = ok
    values[short[ok & exact]] = fast[ok & exact]
    slow = ok & ~exact  # long significands, large exponents
    cp = cp[slow]
    rows = short[slow]
    if len(rows):
        commas = (cp == 0x2C).any(axis=1)
        digits = cp.view(f"<U{cp.shape[1]}").ravel()
        if commas.any():
            digits = digits.astype(object)
            digits[commas] = np.strings.replace(
                digits[commas].astype(str), ",", ""
            )
        with np.errstate(over="ignore"):  # beyond float64: inf, reported
            values[rows] = np.asarray(digits, dtype=str).astype(np.float64)
    return values, number, blank


def _is_token(text: str) -> bool:
    """Whether `text` is one of `MISSING_TOKENS` (after normalising)."""
    word = unicodedata.normalize("NFKC", text).strip().casefold()
    return word in MISSING_TOKENS


_REAL = (int, float, np.integer, np.floating, decimal.Decimal, Fraction)


def numeric_column(
    s: pd.Series, out: npt.NDArray[np.float64] | None = None
) -> Parsed:
    """Parse a column into float64 (vectorised).

    With `out` (a float64 array of the column's length) the values are
    written into it and `Parsed.values` is a view of it.

    Numbers pass through (booleans and complex numbers are refused).
    Text is read by `NUMBER_PATTERN` after `ascii_number_text`: ASCII or
    full-width digits, sign, decimal point, exponent, commas only as
    thousands separators (``1,234.5``), spaces around it; a text in
    `MISSING_TOKENS` is missing; anything else is bad, and so is a number
    beyond the range of float64 (``1e400``: `Parsed.overflow`).
    """
    values = s.reset_index(drop=True)
    n = len(values)
    if pd.api.types.is_bool_dtype(values):
        values = values.astype("object")
    if pd.api.types.is_complex_dtype(values):
        cells = values.to_numpy()
        missing = pd.isna(cells)
        original = pd.Series(cells.astype(object)).where(~missing, np.nan)
        nothing = pd.Series(np.full(n, np.nan))
        return Parsed(nothing, original, ~missing, complex_=~missing)
    if pd.api.types.is_numeric_dtype(values):
        if out is None:
            out = np.empty(n)
        # a numpy dtype has no NA (NaN stays NaN): one copy; a nullable
        # dtype's NA becomes NaN
        if isinstance(values.dtype, np.dtype) or not values.hasnans:
            np.copyto(out, values.to_numpy(), casting="unsafe")
        else:
            out[:] = values.to_numpy(dtype=float, na_value=np.nan)
        series = pd.Series(out, dtype="float64", copy=False)
        return Parsed(series, series, np.zeros(n, dtype=bool))
    cells = values.to_numpy(dtype=object)
    missing = np.asarray(pd.isna(cells), dtype=bool)
    if out is None:
        out = np.empty(n)
    out[:] = np.nan
    bad = np.zeros(n, dtype=bool)
    overflow = np.zeros(n, dtype=bool)
    cplx = np.zeros(n, dtype=bool)
    is_str = np.fromiter(map(isinstance, cells, repeat(str)), bool, n)
    others = np.flatnonzero(~is_str & ~missing)
    if len(others):
        sub = cells[others]
        flag = np.fromiter(
            map(isinstance, sub, repeat((bool, np.bool_))), bool, len(sub)
        )
        real = ~flag & np.fromiter(
            map(isinstance, sub, repeat(_REAL)), bool, len(sub)
        )
        cplx[others] = np.fromiter(
            map(isinstance, sub, repeat((complex, np.complexfloating))),
            bool,
            len(sub),
        )
        out[others[real]] = np.asarray(sub[real], dtype=float)
        is_str[others[~real]] = True  # read as text: str(cell)
        cells = cells.copy()
        cells[others[~real]] = [str(c) for c in sub[~real]]
    texts = np.flatnonzero(is_str)
    if len(texts):
        v, number, blank = parse_number_texts(cells[texts])
        big = number & np.isinf(v)
        out[texts] = np.where(big, np.nan, v)
        overflow[texts[big]] = True
        fail = np.flatnonzero(~number & ~blank)
        token = np.fromiter(
            map(_is_token, cells[texts[fail]]), bool, len(fail)
        )
        bad[texts[fail[~token]]] = True
        bad |= overflow
    bad |= cplx
    original = pd.Series(values.to_numpy(dtype=object)).where(~missing, np.nan)
    series = pd.Series(out, dtype="float64", copy=False)
    return Parsed(series, original, bad, overflow, cplx)


def parse_columns(
    found: Mapping[str, pd.Series], system: IndicatorSystem, n_rows: int
) -> tuple[pd.DataFrame, dict[str, Parsed]]:
    """Parse the columns found into a canonical frame.

    Returns the frame (text columns, then indicator columns, those found;
    a RangeIndex of `n_rows`) and the parsed indicator columns. The
    indicator columns are one float64 block (made once, not copied again).
    """
    frame: dict[str, pd.Series] = {}
    parsed: dict[str, Parsed] = {}
    for name in TEXT_COLUMNS:
        if name not in found:
            continue
        if name == "type":
            frame[name] = type_column(found[name], type_lookup(system))
        elif name == "cluster":
            frame[name] = name_column(found[name]).astype("str")
        else:
            frame[name] = text_column(found[name]).astype("str")
    ids = [i for i in system.indicator_ids if i in found]
    block = np.empty((len(ids), n_rows))  # (columns, rows): pandas' layout
    for k, ind_id in enumerate(ids):
        parsed[ind_id] = numeric_column(found[ind_id], out=block[k])
    index = pd.RangeIndex(n_rows)
    out = pd.DataFrame(block.T, index=index, columns=ids, copy=False)
    for k, (name, column) in enumerate(frame.items()):
        out.insert(k, name, column.set_axis(index))
    return out, parsed


def _number_hint(text: str) -> str:
    """Say why a text is not a number, where that can be guessed."""
    if "," in text or "，" in text:
        return (
            "; use '.' as the decimal mark (',' is accepted only "
            "between groups of three digits, as in 1,234.5)"
        )
    if text.rstrip().endswith(("%", "％")):
        return "; write the number without the % sign"
    odd = [
        c
        for c in text
        if unicodedata.category(c) in {"Nd", "Nl", "No"}
        and not ("0" <= c <= "9" or "０" <= c <= "９")
    ]
    if odd:
        return (
            f"; {odd[0]!r} is not a digit a number is written with (only "
            "0-9, half- or full-width)"
        )
    return ""


def add_number_problems(
    table: ProblemTable, parsed: Mapping[str, Parsed]
) -> None:
    """Add one problem per cell that is not a usable number."""
    for ind_id, p in parsed.items():
        unit = table.system.indicator(ind_id).unit
        for pos in map(int, np.flatnonzero(p.bad)):
            cell = p.original.iloc[pos]
            text = str(cell)
            where = f"{table.who(pos)}, column {ind_id!r}"
            if p.overflow is not None and p.overflow[pos]:
                msg = (
                    f"{where}: {short_repr(text)} overflows: it is beyond "
                    "the largest number a float64 holds (about 1.8e308) (unit "
                    f"{unit})"
                )
            elif p.complex_ is not None and p.complex_[pos]:
                msg = (
                    f"{where}: {short_repr(text)} is a complex number; "
                    f"write a real number (unit {unit})"
                )
            else:
                msg = (
                    f"{where}: {short_repr(text)} is not a number"
                    f"{_number_hint(text)} (unit {unit})"
                )
            table.add(pos, ind_id, text, "numeric", msg)
