"""The project leans on its dependencies' public APIs only: no import from `modelsearch`
(Wagtail's search engine, which Wagtail re-exports as `wagtail.search`) and no
underscore name imported from any package.

`search/backends.py` and `search/terms.py` still build the ranking on the database
backend's classes; they are the only exceptions, listed here so that no other module
starts leaning on them and so that the list can only shrink.
"""

import ast

from tests.project.test_import_cycles import ROOT, project_modules

STILL_ON_INTERNALS = {"search/backends.py", "search/terms.py"}


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


def test_only_the_listed_modules_import_search_internals():
    found = {}
    for path in project_modules().values():
        relative = path.relative_to(ROOT).as_posix()
        imports = unsupported_imports(ast.parse(path.read_text(encoding="utf-8")))
        if imports:
            found[relative] = imports
    assert set(found) <= STILL_ON_INTERNALS, found
