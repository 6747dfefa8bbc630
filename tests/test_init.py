"""The public API: a narrow set of names, each written once, imported when
first used, and seen alike by Python and by type checkers."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

import pytest

import aarshjul

from .plans import ROOT

SOURCE = (ROOT / "aarshjul" / "__init__.py").read_text(encoding="utf-8")


def test_every_public_name_is_there() -> None:
    for name in aarshjul.__all__:
        assert getattr(aarshjul, name) is not None, name
    assert sorted(dir(aarshjul)) == sorted(aarshjul.__all__)


def test_each_module_s_all_holds_its_names_of_the_table() -> None:
    """Type checkers read the modules' __all__ (star imports); Python reads
    the table: the two say the same."""
    for module, names in aarshjul._PUBLIC.items():
        assert sorted(importlib.import_module(module).__all__) == sorted(names), module
        assert f"from {module} import *" in SOURCE


def test_each_public_name_is_written_once() -> None:
    table = SOURCE[SOURCE.index("_PUBLIC = {"):SOURCE.index("if TYPE_CHECKING:")]
    for name in aarshjul.__all__:
        if name != "__version__":
            assert len(re.findall(rf'"{name}"', SOURCE)) == 1, name
            assert f'"{name}"' in table


def test_the_verbs_a_script_needs() -> None:
    for verb in ("load_plan", "schedule", "assemble", "render_agenda", "check_path",
                 "read_agenda", "build_feeds", "feed_calendar", "wheel_svg", "build_site",
                 "publish"):
        assert callable(getattr(aarshjul, verb)), verb


@pytest.mark.parametrize("name", ["select", "plan_sync", "_nothing", "Calendar"])
def test_a_name_that_is_not_public_is_an_attribute_error(name: str) -> None:
    with pytest.raises(AttributeError, match=f"no attribute '{name}'"):
        getattr(aarshjul, name)


def test_importing_the_package_imports_nothing_else() -> None:
    code = ("import sys, aarshjul\n"
            "print(sorted(m for m in sys.modules if m.startswith('aarshjul')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "['aarshjul', 'aarshjul._version']"
