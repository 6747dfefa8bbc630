"""The layout the architecture notes promise: small modules, each with a
test module of its own (tests/test_<package>_<module>.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "aarshjul"
# No logic of their own: the package's names, ``python -m aarshjul``, the version.
WITHOUT_LOGIC = {"__init__.py", "__main__.py", "_version.py"}
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in WITHOUT_LOGIC)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_module_is_small_and_has_its_own_tests(module: Path) -> None:
    lines = module.read_text(encoding="utf-8").count("\n")
    assert lines <= 400, f"{module.name} has {lines} lines: split it where the flow splits"
    name = "_".join(module.relative_to(PACKAGE).with_suffix("").parts)
    assert (ROOT / "tests" / f"test_{name}.py").is_file(), f"no tests/test_{name}.py"
