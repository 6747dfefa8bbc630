"""The public API: a narrow set of names, each written once, imported when
first used, and seen alike by Python and by type checkers."""

from __future__ import annotations

import importlib
import inspect
import os
import re
import subprocess
import sys
import typing
from pathlib import Path

import attrs
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
                 "read_agenda", "build_feeds", "feed_calendar", "wheel_svg", "wheel_pdf",
                 "wheel_png", "build_site", "publish"):
        assert callable(getattr(aarshjul, verb)), verb


@pytest.mark.parametrize("name", ["select", "plan_sync", "_nothing", "Calendar"])
def test_a_name_that_is_not_public_is_an_attribute_error(name: str) -> None:
    with pytest.raises(AttributeError, match=f"no attribute '{name}'"):
        getattr(aarshjul, name)


def _aarshjul_types(hint: object) -> set[type]:
    """The classes of aarshjul named in a type hint (inside Mapping[…], … | None)."""
    found = {hint} if isinstance(hint, type) and hint.__module__.startswith("aarshjul") else set()
    for argument in typing.get_args(hint):
        found |= _aarshjul_types(argument)
    return found


def _given_back(value: object) -> set[type]:
    """The aarshjul classes a script gets from a public name: what a function
    returns; a class's fields, and what its properties and methods return."""
    if inspect.isfunction(value):
        return _aarshjul_types(typing.get_type_hints(value).get("return"))
    if not isinstance(value, type):
        return set()
    found = set()
    if attrs.has(value):
        for hint in typing.get_type_hints(value).values():
            found |= _aarshjul_types(hint)
    for name, member in vars(value).items():
        function = member.fget if isinstance(member, property) else member
        if not name.startswith("_") and inspect.isfunction(function):
            found |= _aarshjul_types(typing.get_type_hints(function).get("return"))
    return found


def test_what_the_public_calls_give_back_is_public() -> None:
    """A script can name the type of every value it gets: Feeds from
    build_feeds, a Change of Published.changes, a Model's Where."""
    public = {getattr(aarshjul, name) for name in aarshjul.__all__}
    given = set().union(*(_given_back(getattr(aarshjul, name)) for name in aarshjul.__all__))
    assert {t.__qualname__ for t in given - public} == set()


def test_importing_the_package_imports_nothing_else() -> None:
    code = ("import sys, aarshjul\n"
            "print(sorted(m for m in sys.modules if m.startswith('aarshjul')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "['aarshjul', 'aarshjul._version']"


TYPED_SCRIPT = '''\
import datetime as dt

import aarshjul
from aarshjul import *

plan: Plan = load_plan("plan.toml")
agendas: Agendas = aarshjul.assemble(plan, schedule(plan), date_words=dt.date.isoformat)
now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
feeds: Feeds = build_feeds(plan, agendas, stamper=Stamper(now))
records: dict[str, Record] = dict(feeds.records)
version: str = aarshjul.__version__
aarshjul.shedule(plan)
'''


def test_type_checkers_see_the_public_names_and_no_others(tmp_path: Path) -> None:
    """mypy reads the names from the star imports, with their types; a name
    that is not there is an error, not Any."""
    (tmp_path / "script.py").write_text(TYPED_SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir",
         str(tmp_path / "cache"), "script.py"], capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(ROOT)}, check=False)
    # Only the script's own lines: the package is read as source from
    # MYPYPATH, without the project's settings for untyped libraries.
    errors = [line for line in result.stdout.splitlines()
              if line.startswith("script.py:") and ": error:" in line]
    typo = TYPED_SCRIPT.splitlines().index("aarshjul.shedule(plan)") + 1
    assert errors == [f'script.py:{typo}: error: Module has no attribute "shedule"; maybe '
                      '"schedule" or "Schedule"?  [attr-defined]'], result.stdout
