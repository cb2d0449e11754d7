"""Helpers of the indicator-system tests: fixture files and mutators.

Not a test module: the tests in this folder load it by path (pytest runs
with ``--import-mode=importlib``, so a folder's modules do not import each
other). Each ConfigError case writes a small TOML file into ``tmp_path``
(the fixture ``tests/data/systems/minimal.toml``, changed in one place)
and pins the file name, the key and the key part of the message.
"""

from __future__ import annotations

import copy
import json
import math
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from clusterscore.errors import ConfigError
from clusterscore.system import IndicatorSystem, load_system

DATA = Path(__file__).resolve().parents[1] / "data" / "systems"
MINIMAL = DATA / "minimal.toml"


# Saaty's random index as commonly tabulated (Saaty 1980; the research note
# §2 uses the same values), n = 1..10. Kept here, not imported, so that the
# tests check the library independently.
SAATY_RI = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, float) and math.isnan(v):
        return "nan"
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        inner = ", ".join(f"{k} = {_value(x)}" for k, x in v.items())
        return "{ " + inner + " }"
    raise TypeError(v)


def dump_toml(doc: dict[str, Any]) -> str:
    """Write `doc` ([table] and [[array of tables]] at the top) as TOML."""
    out = []
    for name, body in doc.items():
        if isinstance(body, dict):
            out.append(f"[{name}]")
            out += [f"{k} = {_value(v)}" for k, v in body.items()]
            out.append("")
        elif isinstance(body, list) and all(isinstance(x, dict) for x in body):
            for entry in body:
                out.append(f"[[{name}]]")
                out += [f"{k} = {_value(v)}" for k, v in entry.items()]
                out.append("")
        else:
            out.insert(0, f"{name} = {_value(body)}")
    return "\n".join(out)


def minimal_doc() -> dict[str, Any]:
    """Return a fresh copy of the minimal fixture as a dictionary."""
    with MINIMAL.open("rb") as fh:
        return copy.deepcopy(tomllib.load(fh))


def write(tmp_path: Path, doc: dict[str, Any], name: str = "sys.toml"):
    path = tmp_path / name
    path.write_text(dump_toml(doc), encoding="utf-8")
    return path


def eig_weights_cr(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Principal-eigenvector weights and Saaty's CR, computed here."""
    vals, vecs = np.linalg.eig(a)
    k = int(np.argmax(vals.real))
    w = np.abs(vecs[:, k].real)
    w = w / w.sum()
    n = a.shape[0]
    if n <= 2:
        return w, 0.0
    ci = (vals[k].real - n) / (n - 1)
    return w, ci / SAATY_RI[n - 1]


def expect_error(path: Path, key: str, pattern: str) -> ConfigError:
    """Load `path`, expect ConfigError naming the file and `key`."""
    with pytest.raises(ConfigError) as info:
        load_system(path)
    err = info.value
    msg = str(err)
    assert msg.startswith(f"{path}: "), msg
    assert err.path == str(path)
    assert err.key == key, msg
    assert key in msg
    assert re.search(pattern, msg), msg
    assert isinstance(err, ValueError)
    return err


def same_system(a: IndicatorSystem, b: IndicatorSystem) -> bool:
    """Compare two systems field by field (matrices by value)."""
    plain = ("dimensions", "indicators", "types", "targets", "recommendations")
    if any(getattr(a, f) != getattr(b, f) for f in plain):
        return False
    return len(a.judgments) == len(b.judgments) and all(
        (x.name, x.elements, x.experts) == (y.name, y.elements, y.experts)
        and np.array_equal(x.matrix, y.matrix)
        for x, y in zip(a.judgments, b.judgments, strict=True)
    )


Mutator = Callable[[dict[str, Any]], None]


def set_key(*path_and_value: Any) -> Mutator:
    *path, value = path_and_value

    def mutate(doc: dict[str, Any]) -> None:
        node = doc
        for p in path[:-1]:
            node = node[p]
        node[path[-1]] = value

    return mutate


def delete_key(*path: Any) -> Mutator:
    def mutate(doc: dict[str, Any]) -> None:
        node = doc
        for p in path[:-1]:
            node = node[p]
        del node[path[-1]]

    return mutate


def append_entry(table: str, entry: dict[str, Any]) -> Mutator:
    def mutate(doc: dict[str, Any]) -> None:
        doc.setdefault(table, []).append(copy.deepcopy(entry))

    return mutate


def replace_pair(k: int, value: list[Any]) -> Mutator:
    """Replace pair k (0-based) of the scale judgments."""
    return set_key("judgments", 1, "pairs", k, value)


def dup_first(table: str) -> Mutator:
    def mutate(doc: dict[str, Any]) -> None:
        doc[table].append(copy.deepcopy(doc[table][0]))

    return mutate
