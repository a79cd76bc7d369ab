"""The dependency direction of DESIGN.md, checked on every module's imports (static, AST-based).

widgets → console.qtmodels → console.services → console.domain; console.services → db.
console.domain and db never import Qt; console never imports widgets."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "vlc")

RULES: dict[str, tuple[str, ...]] = {
    # package prefix: forbidden import prefixes
    "console.domain": QT_PACKAGES + ("db", "sqlalchemy", "console.services", "console.qtmodels", "widgets",
                                     "console.importers"),
    "db": QT_PACKAGES + ("console", "widgets"),
    "console.services": QT_PACKAGES + ("console.qtmodels", "widgets"),
    "console.importers": QT_PACKAGES + ("console.qtmodels", "widgets"),
    "console.qtmodels": ("widgets",),
    "console": ("widgets",),
}


def _module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _rule_for(module: str) -> tuple[str, tuple[str, ...]] | None:
    for prefix in sorted(RULES, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return prefix, RULES[prefix]
    return None


def _matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(root: Path = REPO) -> list[str]:
    found = []
    for package in ("console", "db"):
        for path in sorted((root / package).rglob("*.py")):
            module = _module_name(path, root)
            rule = _rule_for(module)
            if rule is None:
                continue
            layer, forbidden = rule
            for lineno, name in _imports(path):
                if any(_matches(name, bad) for bad in forbidden):
                    found.append(f"{path.relative_to(root)}:{lineno}: {layer} must not import {name}")
    return found


def test_dependency_direction_holds():
    assert violations() == []


@pytest.mark.parametrize(("module", "imported"), [
    ("console.domain.geo", "PySide6.QtCore"),
    ("db.models", "PySide6"),
    ("console.services.x", "widgets.map"),
    ("console.qtmodels.x", "widgets"),
    ("console.domain.geo", "sqlalchemy.orm"),
])
def test_checker_catches_a_forbidden_import(tmp_path, module, imported):
    parts = module.split(".")
    target = tmp_path.joinpath(*parts[:-1])
    target.mkdir(parents=True)
    (target / f"{parts[-1]}.py").write_text(f"import {imported}\n")
    if parts[0] != "console":
        (tmp_path / "console").mkdir()
    else:
        (tmp_path / "db").mkdir()
    assert len(violations(tmp_path)) == 1
