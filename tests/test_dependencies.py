"""What the harness imports is declared in a group every session that runs it installs.

`nox -s bench` and `nox -s prefetch` install only the harness's group and the
snippets' own (Keras, a backend, TensorFlow): a library the harness reached only
through the site's packages (PyYAML through MkDocs) stopped them on a fresh machine.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib

from harness import REPO_ROOT

# The commands those sessions run (harness/__main__.py: bench, prefetch, run)
ENTRY_MODULES = ["harness.run.bench", "harness.run.prefetch", "harness.run.runner", "harness.run.report"]
SNIPPET_GROUPS = ["harness", "keras", "tensorflow", "jax", "torch"]


def _source(module: str):
    base = REPO_ROOT / module.replace(".", "/")
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.exists():
            return path
    return None


def _imports(module: str) -> set[str]:
    """Every module a file imports, at the top or inside functions (lazy imports run too)."""
    found = set()
    for node in ast.walk(ast.parse(_source(module).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}  # `from harness.x import y`
    return found


def third_party_imports(entries: list[str]) -> set[str]:
    """Top-level names of the non-standard-library modules reachable from ``entries`` in harness/."""
    seen, todo, outside = set(), list(entries), set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for name in _imports(module):
            top = name.split(".")[0]
            if top == "harness":
                if _source(name) is not None:
                    todo.append(name)
            elif top not in sys.stdlib_module_names and top != "__future__":
                outside.add(top)
    return outside


def _declared(groups: list[str]) -> set[str]:
    table = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["dependency-groups"]
    names = {re.match(r"[A-Za-z0-9_.-]+", requirement)[0] for group in groups for requirement in table[group]}
    return {_normal(name) for name in names}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_harness_imports_only_what_its_sessions_install():
    providers = importlib.metadata.packages_distributions()
    declared = _declared(SNIPPET_GROUPS)
    modules = third_party_imports(ENTRY_MODULES)
    assert "yaml" in modules  # the walk reaches harness/site/pages.py through page_scripts
    provided_by = {module: providers.get(module, [module]) for module in sorted(modules)}
    undeclared = {
        module: dists for module, dists in provided_by.items() if not {_normal(d) for d in dists} & declared
    }
    assert not undeclared, f"imported by the harness, in no group its sessions install: {undeclared}"
