"""Fixtures: the CLI run in-process, a CalDAV server to publish to, and the
switch that rewrites golden files."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from click.testing import CliRunner, Result

from aarshjul.cli import cli

from .radicale import Radicale


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected files of the golden tests")


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The messages' language follows the plan and ``--lang`` in the tests,
    not the locale of whoever runs them (a Danish ``LANG`` would say an
    English plan's problems in Danish): tests that need a locale set one."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def run_cli():
    """Run ``aarshjul ARGS…`` in-process, named as on a command line; returns
    click's Result."""

    def run(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), prog_name="aarshjul",
                                  catch_exceptions=False)

    return run


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    """A real Radicale server (tests/radicale.py), one for a test module."""
    radicale = Radicale(tmp_path_factory.mktemp("radicale")).start()
    yield radicale
    radicale.stop()


@pytest.fixture
def calendar(server: Radicale, request: pytest.FixtureRequest) -> str:
    """A new, empty calendar on ``server``, named after the test: its address."""
    return server.make_calendar(re.sub(r"\W", "-", request.node.name)[:60])
