"""Cited methodological constants: random-index tables and Saaty's scale.

Each constant is a frozen record carrying the published numbers and the
source they were taken from, so that a table can be tested against its
source and documented next to it. The only computations are the rules
that go with them: `cr_acceptable` (the CR cut-off) and
`SaatyScale.nearest` (the nearest value of Saaty's scale).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, cast

import numpy as np
import numpy.typing as npt

from clusterscore._choices import MAX_CR

__all__ = [
    "CR_TOLERANCE",
    "MAX_CR",
    "RI_TABLES",
    "SAATY_SCALE",
    "RandomIndexTable",
    "SaatyScale",
    "cr_acceptable",
    "judgment_text",
]

CR_TOLERANCE = 1e-12
"""Rounding slack on the CR comparison (a CR of 0.1000000000004 is 0.10)."""


def cr_acceptable(cr: Any, max_cr: float = MAX_CR) -> Any:
    """Return whether CR <= `max_cr` (up to `CR_TOLERANCE`); vectorised.

    The one rule for the CR cut-off: a matrix whose CR equals the
    threshold passes.
    """
    return np.asarray(cr) <= max_cr + CR_TOLERANCE


@dataclass(frozen=True)
class RandomIndexTable:
    """A published table of random consistency indices RI(n).

    Attributes
    ----------
    name : str
        The registry key (the value of ``ri=``).
    values : tuple of float
        ``values[n - 1]`` is RI(n), for n = 1 .. ``n_max``.
    source : str
        The publication the numbers come from.
    note : str
        How the numbers were obtained (simulation size, scale).
    """

    name: str
    values: tuple[float, ...]
    source: str
    note: str = ""

    @property
    def n_max(self) -> int:
        """The largest matrix order the table covers."""
        return len(self.values)

    def __getitem__(self, n: int) -> float:
        """Return RI(n) for 1 <= n <= n_max (IndexError otherwise)."""
        if not 1 <= n <= self.n_max:
            raise IndexError(n)
        return self.values[n - 1]


SAATY_1980 = RandomIndexTable(
    name="saaty",
    values=(
        0.0,
        0.0,
        0.58,
        0.90,
        1.12,
        1.24,
        1.32,
        1.41,
        1.45,
        1.49,
        1.51,
        1.48,
        1.56,
        1.57,
        1.59,
    ),
    source=(
        "Saaty, T. L. (1980). The Analytic Hierarchy Process. New York: "
        "McGraw-Hill, p. 21 (random index for n = 1..15, from random "
        "reciprocal matrices on the 1/9..9 scale)."
    ),
    note=(
        "The value 1.48 for n = 12 is below RI(11) = 1.51; it is printed "
        "so in the source and kept as printed."
    ),
)

ALONSO_LAMATA_2006 = RandomIndexTable(
    name="alonso_lamata",
    values=(
        0.0,
        0.0,
        0.5245,
        0.8815,
        1.1086,
        1.2479,
        1.3417,
        1.4056,
        1.4499,
        1.4854,
        1.5141,
        1.5365,
        1.5551,
        1.5713,
        1.5838,
    ),
    source=(
        "Alonso, J. A., & Lamata, M. T. (2006). Consistency in the analytic "
        "hierarchy process: a new approach. International Journal of "
        "Uncertainty, Fuzziness and Knowledge-Based Systems, 14(4), "
        "445-459. doi:10.1142/S0218488506004114 (random index from "
        "100,000 random matrices per n)."
    ),
    note="RI(1) = RI(2) = 0: every 1x1 and 2x2 matrix is consistent.",
)

TUMMALA_LING_1998 = RandomIndexTable(
    name="tummala_ling",
    values=(
        0.0,
        0.0,
        0.5799,
        0.8921,
        1.1159,
        1.2358,
        1.3322,
        1.3952,
        1.4537,
        1.4882,
        1.5117,
        1.5356,
        1.5571,
        1.5714,
        1.5831,
    ),
    source=(
        "Tummala, V. M. R., & Ling, H. (1998). A note on the computation "
        "of the mean random consistency index of the analytic hierarchy "
        "process (AHP). Theory and Decision, 44(3), 221-230. "
        "doi:10.1023/A:1004953322565 (also pymcdm's AHP.RI_M)."
    ),
    note="RI(1) = RI(2) = 0: every 1x1 and 2x2 matrix is consistent.",
)

RI_TABLES: Mapping[str, RandomIndexTable] = MappingProxyType(
    {t.name: t for t in (SAATY_1980, ALONSO_LAMATA_2006, TUMMALA_LING_1998)}
)
"""The random-index tables selectable with ``ri=``, by name."""
RITable = Literal["saaty", "alonso_lamata", "tummala_ling"]
"""The names in `RI_TABLES`, as a type (a test keeps them in step)."""


@dataclass(frozen=True)
class SaatyScale:
    """Saaty's fundamental scale of absolute numbers and its reciprocals.

    Attributes
    ----------
    values : tuple of float
        1/9, 1/8, ..., 1/2, 1, 2, ..., 9, in increasing order.
    source : str
        The publication defining the scale.
    """

    values: tuple[float, ...]
    source: str

    @property
    def array(self) -> np.ndarray:
        """The values as a new float array (shape (17,))."""
        return np.asarray(self.values, dtype=float)

    def nearest_index(self, x: Any) -> npt.NDArray[np.intp]:
        """Index into `values` of the value nearest to each `x`.

        Distance is measured on the log scale, ``|ln x - ln s|``, so that
        a judgment and its reciprocal are treated alike; vectorised over
        any shape of `x` (> 0).
        """
        d = np.abs(
            np.log(np.asarray(x, float))[..., None] - np.log(self.array)
        )
        return cast("npt.NDArray[np.intp]", np.argmin(d, axis=-1))

    def nearest(self, x: Any) -> npt.NDArray[np.float64]:
        """Return the values of the scale nearest to `x` (log distance)."""
        return cast(
            "npt.NDArray[np.float64]", self.array[self.nearest_index(x)]
        )


SAATY_SCALE = SaatyScale(
    values=tuple(1.0 / k for k in range(9, 1, -1))
    + tuple(float(k) for k in range(1, 10)),
    source=(
        "Saaty, T. L. (1980). The Analytic Hierarchy Process. New York: "
        "McGraw-Hill, Table 1.1 (the fundamental scale 1..9 and "
        "reciprocals); Saaty, T. L. (2008). Decision making with the "
        "analytic hierarchy process. Int. J. Services Sciences, 1(1), "
        "83-98, Table 1."
    ),
)


def judgment_text(x: float) -> str:
    """Write a judgment as people read it: ``3``, ``1/3``, else 3 digits.

    A value below 1 whose reciprocal is a whole number (within 1e-9) is
    written as that fraction, as Saaty's scale writes it (Saaty 1980,
    Table 1.1: 1/2 ... 1/9); any other value to 3 significant digits.

    Examples
    --------
    >>> judgment_text(5.0), judgment_text(1 / 7), judgment_text(0.3)
    ('5', '1/7', '0.3')
    """
    if x >= 1:
        return f"{x:.3g}"
    inv = 1.0 / x
    return f"1/{round(inv)}" if abs(inv - round(inv)) < 1e-9 else f"{x:.3g}"
