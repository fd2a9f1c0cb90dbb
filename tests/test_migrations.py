"""Migrations are frozen: once shipped, one does the same whatever the code becomes, so none imports the project's
code (the SQL and the data steps it needs are written out in it)."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = {"danvan", "reception", "complaints", "dialogues", "reports", "registers", "portal"}
MIGRATIONS = sorted(
    str(path.relative_to(settings.BASE_DIR))
    for app in PROJECT
    for path in (Path(settings.BASE_DIR) / app / "migrations").glob("*.py")
)


def imported(path: str) -> set[str]:
    tree = ast.parse((Path(settings.BASE_DIR) / path).read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
    return names


@pytest.mark.parametrize("path", MIGRATIONS)
def test_a_migration_imports_none_of_the_project_code(path):
    of_project = {name for name in imported(path) if name.split(".")[0] in PROJECT}

    assert of_project == set()
