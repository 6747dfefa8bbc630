"""Addresses as aarshjul prints them: the login and everything that may be
its password left out, an address without one as it is."""

from __future__ import annotations

import pytest

from aarshjul.addresses import without_login


@pytest.mark.parametrize(("url", "shown"), [
    ("https://anne:pw@cloud.example.dk/dav/", "https://cloud.example.dk/dav/"),
    ("https://anne:p@ss@cloud.example.dk/dav/", "https://cloud.example.dk/dav/"),
    ("http://anne:p/w?x#y@host:99999/cal/", "http://…@host:99999/cal/"),
    ("http:/anne:pw@host/cal/", "http:/host/cal/"),
    ("anne:pw@host/cal/", "host/cal/"),
    ("//anne:pw@host/cal/", "//host/cal/"),
    # A port, and an @ later: the port cannot be told from a password.
    ("https://cloud.example.dk:8443/dav/anne@example.dk/", "https://…@example.dk/"),
])
def test_a_login_with_a_password_is_left_out(url: str, shown: str) -> None:
    assert without_login(url) == shown


@pytest.mark.parametrize("url", [
    "https://cloud.example.dk/remote.php/dav/calendars/anne@example.dk/moeder/",
    "http://anne@host/cal/", "http://127.0.0.1:5232/anne/moeder/", "@:", ""])
def test_an_address_without_a_password_is_as_it_was(url: str) -> None:
    assert without_login(url) == url
