"""Fixtures: the CLI run in-process, and the switch that rewrites golden files."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from aarshjul.cli import cli


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the expected files of the golden tests")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def run_cli():
    """Run ``aarshjul ARGS…`` in-process; returns click's Result."""

    def run(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return run
