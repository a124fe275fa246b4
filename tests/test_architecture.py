"""The shape of the code, checked so it cannot drift (docs/architecture.md describes it).

- Modules import only from their own layer or the layers below it, and never in a cycle.
- Imports inside functions are only for the deliberately lazy heavy libraries (and the
  CLI's per-command imports, which keep `followup --help` fast).
- No function above cyclomatic complexity 15 (radon's count).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "followup"

# Bottom to top. A module may import from its own layer and the layers below.
LAYERS: list[set[str]] = [
    {"errors", "labels", "paths", "display", "numbering", "quotes", "sanitize", "__init__"},
    {"dates", "textnorm", "yamlio", "outputs", "textio", "ooxml", "readers", "office"},
    {"records", "datafiles", "templating"},
    {"parser", "metadata", "align", "importer"},
    {"triage"},
    {"rounds", "decisions", "wording"},
    {"case"},
    {"review", "draft", "status", "show", "report", "clauses"},
    {"cli", "__main__"},
]
LAZY_OK = (
    "docx",
    "questionary",
    "jinja2",
    "prompt_toolkit",
    "rich",
    "lxml",
    "jpholiday",
    "charset_normalizer",
    "pdfminer",
    "pypdf",
    "pypdfium2",
    "bs4",
    "regex",
    "fugashi",
    "sudachipy",
)


def _unit(path: Path) -> str:
    """The layer unit of a module: its top package under followup, or its own name."""
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _layer(unit: str) -> int:
    for index, layer in enumerate(LAYERS):
        if unit in layer:
            return index
    raise AssertionError(f"module {unit} is in no layer: add it to LAYERS and docs/architecture.md")


def _imports(tree: ast.Module) -> list[tuple[str, bool]]:
    """(module imported, whether inside a function) for every import in the file."""
    out: list[tuple[str, bool]] = []
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(sub) for sub in ast.walk(node) if sub is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            out += [(name, id(node) in inside) for name in names]
        elif isinstance(node, ast.Import):
            out += [(a.name, id(node) in inside) for a in node.names]
    return out


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _followup_unit(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "followup" or len(parts) < 2:
        return None
    candidate = SRC / parts[1]
    if candidate.is_dir() or (SRC / f"{parts[1]}.py").exists():
        return parts[1]
    return None


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_go_down_the_layers(path: Path):
    unit = _unit(path)
    mine = _layer(unit)
    for name, _lazy in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        other = _followup_unit(name)
        if other is None or other == unit:
            continue
        if unit in {"cli", "__main__"}:
            continue
        assert _layer(other) <= mine, f"{path.name} imports {name}: upward (layer {_layer(other)} > {mine})"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_function_level_imports_are_only_the_lazy_heavy_ones(path: Path):
    if _unit(path) == "cli":
        return  # per-command imports keep start-up fast
    for name, lazy in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if lazy and not name.startswith("followup"):
            assert name.split(".")[0] in LAZY_OK, f"{path.name}: import {name} inside a function"


def test_no_import_cycles_between_modules():
    graph: dict[str, set[str]] = {}
    for path in _modules():
        rel = path.relative_to(SRC).with_suffix("")
        name = "followup." + ".".join(rel.parts).removesuffix(".__init__")
        targets = set()
        for imported, lazy in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if not lazy and imported.startswith("followup."):
                targets.add(imported)
        graph[name] = targets
    known = set(graph)

    def resolve(target: str) -> str | None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target or None

    edges = {m: {r for t in ts if (r := resolve(t)) and r != m} for m, ts in graph.items()}
    # A package's __init__ re-exporting its own modules is not a cycle worth reporting.
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> None:
        if node in done:
            return
        assert node not in visiting, " → ".join([*visiting[visiting.index(node) :], node])
        visiting.append(node)
        for nxt in edges.get(node, ()):
            if not (
                nxt.startswith(node + ".") or (node.startswith(nxt + ".") and nxt == node.rpartition(".")[0])
            ):
                visit(nxt)
        visiting.pop()
        done.add(node)

    for module in sorted(edges):
        visit(module)


def test_no_function_is_too_complex():
    from radon.complexity import cc_visit

    too_complex = []
    for path in _modules():
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > 15:
                too_complex.append(
                    f"{path.relative_to(SRC)}:{block.lineno} {block.name} ({block.complexity})"
                )
    assert not too_complex, "\n".join(too_complex)
