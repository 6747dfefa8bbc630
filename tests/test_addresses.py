"""Addresses as aarshjul prints them: the login and everything that may be
its password left out, an address without one as it is; and what a site's
address may be."""

from __future__ import annotations

import pytest

from aarshjul.addresses import check_base_url, without_login


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


@pytest.mark.parametrize("url", ["https://x.dk/a\r\nX-EVIL:1", "not a url", "ftp://x.dk/",
                                 "https://x.dk/a b", "https://x.dk/?side=1", "https://x.dk/a\\b"])
def test_a_base_url_that_would_break_a_link_or_a_feed_is_a_value_error(url: str) -> None:
    with pytest.raises(ValueError, match=r"is not an address like https://example\.dk/aarshjul"):
        check_base_url(url)


@pytest.mark.parametrize("url", ["https://anne:Q1@x.dk/hjul", "https://anne:Q1/Q2@x.dk/hjul",
                                 "https://anne@x.dk/hjul", "https://anne:Q1@x.dk/a b"])
def test_a_base_url_with_a_login_is_refused_without_its_password(url: str) -> None:
    with pytest.raises(ValueError, match="no user or password") as refused:
        check_base_url(url)
    assert "Q1" not in str(refused.value)


@pytest.mark.parametrize("url", [None, "https://x.dk", "http://intra:8080/hjul/2025/",
                                 "https://xn--rshjul-bua.dk/møder",
                                 "https://x.dk/dav/anne@example.dk/"])
def test_a_base_url_of_a_site_is_taken_as_given(url: str | None) -> None:
    assert check_base_url(url) == url
