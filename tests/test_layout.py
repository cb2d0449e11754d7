"""The package layout stays true: imports run down the pipeline, tests mirror.

Every import between clusterscore's modules, at the top of a file or inside
a function, is read from the source with an AST walk (nothing is imported)
and must go from a higher layer to a lower one, or stay inside one
sub-package. Because every edge goes down, no import cycle between
sub-packages can exist. `docs/architecture.md` explains the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "clusterscore"
TESTS = ROOT / "tests"

# The pipeline, bottom first. A module may import from its own unit (the
# sub-package or top-level module it belongs to) and from lower layers.
# Units that share a layer are siblings and may not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("_version", "errors", "_choices", "_atomic"),
    ("_checks",),
    ("judgments",),  # AHP math: below the system, whose reader uses it
    ("system",),
    ("io", "datasets"),
    ("normalize",),
    ("weights",),
    ("aggregate",),
    ("gaps",),  # targets and gaps need the system and a table, no scores
    ("scoring",),  # evaluate(): the whole pipeline, gaps included
    ("uncertainty", "analysis"),
    ("plot",),  # figures from an Evaluation; no text layout of present's
    ("present",),  # text, tables, and the report (which draws the figures)
    ("cli", "testing"),
    ("__main__",),  # python -m clusterscore: runs the CLI
)
LAYER_OF = {unit: k for k, units in enumerate(LAYERS) for unit in units}


def _module_name(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _unit(module: str) -> str | None:
    """Return the first name below ``clusterscore`` (None: the package)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _is_module(module: str) -> bool:
    if not module.startswith("clusterscore."):
        return False
    rel = Path(*module.split(".")[1:])
    return (SRC / rel).is_dir() or (SRC / rel).with_suffix(".py").is_file()


def _type_checking_only(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def _walk(node: ast.AST):
    """Every node below `node`, skipping ``if TYPE_CHECKING:`` blocks."""
    for child in ast.iter_child_nodes(node):
        if _type_checking_only(child):
            continue
        yield child
        yield from _walk(child)


def _imports(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, imported clusterscore module) for every import in `path`.

    ``from a import b`` counts as importing ``a.b`` when that is a module.
    Imports only type checkers see (``if TYPE_CHECKING:``) do not count:
    they never run.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module
    if path.name != "__init__.py":
        package = module.rsplit(".", 1)[0]
    found = []
    for node in _walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:  # relative import
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, target] if target else base)
            for a in node.names:
                sub = f"{target}.{a.name}"
                found.append((node.lineno, sub if _is_module(sub) else target))
    return [
        (line, name)
        for line, name in found
        if name == "clusterscore" or name.startswith("clusterscore.")
    ]


def _source_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_every_unit_has_a_layer():
    """Each top-level module or sub-package of src/ is placed in LAYERS."""
    units = {
        p.stem if p.is_file() else p.name
        for p in SRC.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__")
        or (p.is_dir() and (p / "__init__.py").is_file())
    }
    missing = sorted(units - set(LAYER_OF))
    assert not missing, f"give these a layer in LAYERS: {missing}"


def test_imports_run_down_the_pipeline():
    """No module imports a sibling or a higher layer (so: no cycle)."""
    wrong = []
    for path in _source_files():
        module = _module_name(path)
        unit = _unit(module)
        if unit is None:
            continue  # clusterscore/__init__.py re-exports everything
        for line, target in _imports(path, module):
            other = _unit(target)
            where = f"{path.relative_to(ROOT)}:{line} imports {target}"
            if other == unit:
                if path.name == "__main__.py":
                    continue  # run as a script; no __init__ imports it
                if target == f"clusterscore.{unit}" and module != target:
                    wrong.append(
                        f"{where} (its own package's __init__, which "
                        f"imports it: import the module itself)"
                    )
                continue
            if other is None:
                wrong.append(f"{where} (the top-level package)")
            elif other not in LAYER_OF or unit not in LAYER_OF:
                continue  # reported by test_every_unit_has_a_layer
            elif LAYER_OF[other] >= LAYER_OF[unit]:
                wrong.append(
                    f"{where} (layer {LAYER_OF[other]} from layer "
                    f"{LAYER_OF[unit]})"
                )
    assert not wrong, "imports against the pipeline:\n" + "\n".join(wrong)


def test_no_cycle_inside_a_sub_package():
    """Inside a sub-package the module imports form no cycle either."""
    graph: dict[str, set[str]] = {}
    for path in _source_files():
        module = _module_name(path)
        unit = _unit(module)
        if unit is None or path.name == "__init__.py":
            continue
        graph[module] = {
            t
            for _, t in _imports(path, module)
            if _unit(t) == unit and t not in (module, f"clusterscore.{unit}")
        }
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def _expected_test(path: Path) -> Path:
    rel = path.relative_to(SRC)
    return TESTS / rel.parent / f"test_{rel.stem.lstrip('_')}.py"


def test_every_source_module_has_a_test_module():
    """src/clusterscore/<pkg>/<m>.py is tested in tests/<pkg>/test_<m>.py.

    ``__init__.py`` (re-exports) and ``__main__.py`` (``python -m``) are
    tested through what they expose.
    """
    missing = [
        str(_expected_test(p).relative_to(ROOT))
        for p in _source_files()
        if not (p.stem.startswith("__") and p.stem.endswith("__"))
        and not _expected_test(p).is_file()
    ]
    assert not missing, "source modules without a test module:\n" + (
        "\n".join(missing)
    )


def test_the_layout_checks_see_a_violation(tmp_path):
    """The AST walk finds relative, deferred and `from clusterscore` imports.

    A guard against a checker that passes because it reads nothing.
    """
    probe = SRC / "gaps" / "flag.py"
    text = (
        "from clusterscore import uncertainty\n"
        "def f():\n"
        "    from ..present import tables\n"
        "    from clusterscore import __version__\n"
    )
    fake = tmp_path / "flag.py"
    fake.write_text(text, encoding="utf-8")
    found = _imports(fake, _module_name(probe))
    assert [t for _, t in found] == [
        "clusterscore.uncertainty",
        "clusterscore.present.tables",
        "clusterscore",
    ]
