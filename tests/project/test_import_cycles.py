"""The project's modules import one another one way: no import cycle, whether the import
is at a module's top or tucked inside a function."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_CODE = {".venv", "tests", "node_modules", "migrations", "__pycache__"}


def project_modules(root: Path = ROOT) -> dict[str, Path]:
    """Dotted name to file for every module of the apps and of `site/` (importable as
    `settings`, `urls`, … because `site/` itself is on the import path)."""
    modules = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if NOT_CODE.intersection(parts) or parts[0].startswith("."):
            continue
        if parts[0] == "site":
            parts = parts[1:]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts:
            modules[".".join(parts)] = path
    return modules


def imported_names(module: str, path: Path) -> set[str]:
    """Every dotted name `module` imports, anywhere in it, with relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.update(f"{base}.{alias.name}" for alias in node.names)
            names.add(base)
    return names


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module to the project modules it imports (the most specific module each name is)."""
    graph = {}
    for module, path in modules.items():
        targets = set()
        for name in imported_names(module, path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as the list of modules round it (first repeated last), or None."""
    done: set[str] = set()
    for start in sorted(graph):
        if start in done:
            continue
        trail: list[str] = []
        on_trail: set[str] = set()
        stack = [(start, iter(sorted(graph[start])))]
        trail.append(start)
        on_trail.add(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                trail.pop()
                on_trail.discard(node)
                done.add(node)
            elif child in on_trail:
                return [*trail[trail.index(child) :], child]
            elif child not in done:
                stack.append((child, iter(sorted(graph.get(child, ())))))
                trail.append(child)
                on_trail.add(child)
    return None


def test_a_cycle_is_found_and_named():
    graph = {"a.models": {"a.numbering"}, "a.numbering": {"a.models"}, "b": {"a.models"}}
    assert find_cycle(graph) == ["a.models", "a.numbering", "a.models"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_imports_inside_functions_and_relative_imports_count(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "models.py").write_text("def f():\n    from app import feeds\n")
    (tmp_path / "app" / "feeds.py").write_text("from .models import f\n")
    graph = import_graph(project_modules(tmp_path))
    assert find_cycle(graph) == ["app.feeds", "app.models", "app.feeds"]


def test_the_project_has_no_import_cycle():
    cycle = find_cycle(import_graph(project_modules()))
    assert cycle is None, "import cycle: " + " -> ".join(cycle)
