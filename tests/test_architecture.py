"""The structure the README's Architecture section promises: no import cycle between the project's modules (so no
order of imports can fail, and no local import hides one), and every module importing cleanly, forwards and backwards.
The direction of imports between the apps is the import-linter contract of `make lint`."""

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

PACKAGES = ("danvan", "reception", "complaints", "dialogues", "reports", "registers", "worklist", "portal")
ROOT = Path(__file__).resolve().parent.parent


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def _modules() -> list[str]:
    graph = _graph()
    return sorted(module for module in graph.modules if ".migrations" not in module and not module.endswith("__main__"))


def test_the_import_graph_has_no_cycle():
    assert _cycles(_graph()) == []


@pytest.mark.parametrize("order", ["forward", "reverse"])
def test_every_module_imports_first_in_a_fresh_interpreter(order):
    modules = _modules()
    if order == "reverse":
        modules.reverse()
    script = (
        "import django, importlib, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tests.settings')\n"
        "django.setup()\n"
        "failed = []\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as error:\n"
        "        failed.append(f'{name}: {error}')\n"
        "print('\\n'.join(failed))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)

    assert (result.returncode, result.stdout.strip()) == (0, ""), result.stderr[-2000:]
