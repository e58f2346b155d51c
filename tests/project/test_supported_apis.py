"""The project leans on its dependencies' public APIs only: no import from `modelsearch`
(Wagtail's search engine: the project uses what Wagtail documents and re-exports as
`wagtail.search`) and no underscore name imported from any package. Migrations are
Django's generated record and are left out (they name `modelsearch.index.Indexed`,
the class behind `wagtail.search.index.Indexed`)."""

import ast

from tests.project.test_import_cycles import ROOT, project_modules


def unsupported_imports(tree: ast.AST) -> list[str]:
    """`modelsearch` imports, and underscore names imported from any module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "modelsearch"]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module.split(".")[0] == "modelsearch":
                found.append(f"from {node.module}")
            found += [
                f"from {node.module} import {alias.name}"
                for alias in node.names
                if alias.name.startswith("_")
            ]
    return found


def test_a_private_import_is_noticed():
    tree = ast.parse(
        "from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend\n"
        "import modelsearch.utils\n"
        "def f():\n"
        "    from django.db.models.sql.query import _get_col\n"
    )
    assert unsupported_imports(tree) == [
        "from modelsearch.backends.database.sqlite.sqlite",
        "modelsearch.utils",
        "from django.db.models.sql.query import _get_col",
    ]
    assert unsupported_imports(ast.parse("from wagtail.search.query import Phrase")) == []


def test_no_module_imports_search_internals():
    found = {}
    for path in project_modules().values():
        relative = path.relative_to(ROOT).as_posix()
        imports = unsupported_imports(ast.parse(path.read_text(encoding="utf-8")))
        if imports:
            found[relative] = imports
    assert found == {}


def test_migrations_name_only_the_search_index_declarations():
    """Django writes `modelsearch.index.Indexed` into migrations as the base class of indexed
    models (Wagtail documents it as `wagtail.search.index`); nothing else of it may appear."""
    found = {}
    for path in ROOT.glob("*/migrations/*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = [name for name in unsupported_imports(tree) if name != "modelsearch.index"]
        if imports:
            found[path.relative_to(ROOT).as_posix()] = imports
    assert found == {}
