"""The package's layers: every import points down, and no module imports in a circle.

The layers, bottom to top, are the errors, ``core``, ``paxton``,
``clients``, ``portfolio``, ``io``, ``register`` and ``cli``; the package
itself and ``__main__`` stand on top. No import climbs, not even inside a
function (the package root gives the domain its notebook HTML, see
``paxbill.core._notebook``), no two modules import each other, even for
types only, and no private name crosses from one module to another.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import paxbill

PACKAGE = Path(paxbill.__file__).parent
LAYERS = (
    "exceptions",
    "core",
    "paxton",
    "clients",
    "portfolio",
    "io",
    "register",
    "cli",
)
TOP = len(LAYERS)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def rank(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] == "__main__":
        return TOP
    return LAYERS.index(parts[1])


def is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(path: Path, *, runtime_only: bool) -> Iterator[tuple[str, int]]:
    """Every paxbill module *path* imports, anywhere in it, with the line."""
    known = modules()
    tree = ast.parse(path.read_text(), str(path))
    skipped: set[int] = set()
    if runtime_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and is_type_checking(node):
                skipped.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name in known and name != module_name(path):
                yield name, node.lineno


def test_layers_are_known() -> None:
    """Every module sits in one of the named layers."""
    for name in modules():
        assert rank(name) <= TOP, name


def test_imports_point_down() -> None:
    """No module imports from a higher layer, even inside a function.

    Type-only imports count too: a lower layer never names a higher one.
    """
    climbing = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}"
        for name, path in modules().items()
        for target, line in imports(path, runtime_only=False)
        if rank(target) > rank(name)
    ]
    assert climbing == []


def test_no_private_name_crosses_a_module() -> None:
    """A name with a leading underscore is used only in the module that defines it.

    A package's private modules are imported by their package's modules; a
    private function or constant is not, from anywhere: what two modules
    share is made public in one of them.
    """
    known = modules()
    crossing = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno} takes "
        f"{node.module}.{alias.name}"
        for path in known.values()
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if isinstance(node, ast.ImportFrom) and node.module in known
        for alias in node.names
        if alias.name.startswith("_")
        and not alias.name.startswith("__")
        and f"{node.module}.{alias.name}" not in known  # a module, not a name
    ]
    assert crossing == []


def test_no_import_cycles() -> None:
    """The modules' imports form no circle, within a layer or across.

    Type-only imports count: two modules that name each other's types are
    one concept in two places.
    """
    graph = {
        name: {target for target, _ in imports(path, runtime_only=False)}
        for name, path in modules().items()
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            # A package imports its own modules, and they import each other
            # by full name, which runs the package first: not a cycle.
            if node.startswith(target + ".") or target.startswith(node + "."):
                continue
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize("door", ["paxbill.io", "paxbill.cli", "babel.dates"])
def test_import_paxbill_leaves_the_doors_alone(door: str) -> None:
    """``import paxbill`` imports neither the command line nor the doors."""
    import subprocess
    import sys

    prefix = door + "."
    code = (
        "import sys, paxbill; "
        f"print(any(m == {door!r} or m.startswith({prefix!r}) for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_doors_load_on_first_use() -> None:
    """A door's public name is still importable from ``paxbill``."""
    from paxbill import to_dict
    from paxbill.io.serialization import to_dict as original

    assert to_dict is original
    with pytest.raises(AttributeError, match="no_such_name"):
        paxbill.no_such_name  # noqa: B018


def test_every_public_name_loads_from_its_module() -> None:
    """Each name in ``__all__`` is importable from ``paxbill``, lazily or not."""
    from paxbill import _EXPORTS

    assert set(_EXPORTS) == set(paxbill.__all__) - {"__version__"}
    for name in paxbill.__all__:
        value = getattr(paxbill, name)
        if name != "__version__":
            assert value.__module__ == _EXPORTS[name] or name.endswith("Error")
    assert sorted(dir(paxbill)) == sorted(paxbill.__all__)


def test_a_command_loads_only_its_own_module() -> None:
    """``paxbill estimate`` imports no other command, report or client module."""
    import subprocess
    import sys

    code = (
        "import sys; from paxbill.cli import main; "
        "main(['estimate', '--users', '1', '--list-price', '3.00']); "
        "print(sorted(m for m in sys.modules if m.startswith(('paxbill.cli.', "
        "'paxbill.io._reports', 'paxbill.clients'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = out.stdout.strip().splitlines()[-1]
    assert loaded == "['paxbill.cli._common', 'paxbill.cli._estimate']"
