"""Publishing into a CalDAV calendar (SPEC §8): the server's side.

:class:`Calendar` reads what a calendar holds and applies the changes that
:func:`aarshjul.publishing.sync.plan_sync` decided, with the ``caldav`` library.
Every failure a user can meet (a wrong password, a server that is down, an
address that is no calendar, a write the server refuses) becomes a
:class:`~aarshjul.errors.PublishError` located at the calendar's address,
which never holds the password. Every request has a time limit as a whole
(:data:`REQUEST_LIMIT`), not only for each read from the socket. A publish
that stops half-way leaves the calendar with some changes made: publishing
again compares anew and does the rest.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import urllib.parse
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from caldav.davclient import DAVClient
from caldav.lib import error

from aarshjul.addresses import check_base_url, without_login
from aarshjul.agenda.assembly import Agendas
from aarshjul.errors import PublishError
from aarshjul.messages import Message, _, verbatim
from aarshjul.model import Plan
from aarshjul.publishing.sync import Action, Change, Held, Sync, plan_sync
from aarshjul.reproducible import build_time

__all__ = ["Published", "publish"]

PASSWORD_VARIABLE = "AARSHJUL_CALDAV_PASSWORD"
"""Where the password comes from: never an argument, which other users of
the machine can read in the process list."""

REQUEST_LIMIT = 300.0
"""Seconds one request to the server may take, from asking to the answer's
last byte (a second publish of 1,000 meetings reads them in one request, in
about 2 s from a local Radicale)."""

LARGEST_ANSWER = 100 * 2**20
"""The most bytes one answer of the server may hold (100 MB): the events of
a calendar of 1,000 meetings are about 1 MB; an answer without end would
otherwise fill the memory before the time limit."""

_CALDAV = "urn:ietf:params:xml:ns:caldav"
_CALENDAR = f"{{{_CALDAV}}}calendar"
_PROPFIND = ('<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:">'
             "<D:prop><D:resourcetype/></D:prop></D:propfind>")
_QUERY = (f'<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" '
          f'xmlns:C="{_CALDAV}"><D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter>'
          '<C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter>'
          "</C:filter></C:calendar-query>")
_TEXT_CALENDAR = {"Content-Type": "text/calendar; charset=utf-8"}


def _fail(url: str, code: str, message: Message) -> PublishError:
    return PublishError.single(code, message, file=url)


_NO_LOGIN = _("give the user with --user and the password in {variable}, not in the address",
              variable=PASSWORD_VARIABLE)


def check_url(url: str) -> str:
    """The calendar's address, if it is one: http(s), a host, a port that can
    be, no spaces, no password. A problem is said at the address as
    :func:`~aarshjul.addresses.without_login` gives it, and never in
    urllib's words, which quote the part they cannot read: a password, in
    an address like ``http://anne:p/w@host/``."""
    url = url.strip()
    shown = without_login(url)
    like = _("a calendar's address starts with https:// (or http://) and names a server, "
             "like https://cloud.example.dk/remote.php/dav/calendars/anne/moeder/")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that cannot be
    except ValueError as problem:
        if shown != url:  # a login made the address unreadable
            raise _fail(shown, "bad-url", _NO_LOGIN) from None
        raise _fail(shown, "bad-url", _unreadable(problem, like)) from None
    if parts.password is not None:
        raise _fail(shown, "bad-url", _NO_LOGIN)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _fail(shown, "bad-url", like)
    if parts.username:
        raise _fail(shown, "bad-url", _("give the user with --user, not in the address"))
    if not url.isprintable() or " " in url:
        raise _fail(shown, "bad-url", _("the address has a space or a control character in it "
                                        "(write a space in a path as %20)"))
    return url


def _unreadable(problem: ValueError, like: Message) -> Message:
    """What urllib could not read, without its words (see :func:`check_url`),
    and what an address is ``like``."""
    if "port" in str(problem).lower():
        return _("the port is not a number from 0 to 65535: {like}", like=like)
    return _("the server's name cannot be read (an IPv6 address goes in [ ]): {like}",
             like=like)


@attrs.frozen
class Published(Sync):
    """What a publish did (or, with ``dry_run``, would do): the changes, in
    the order they are made, how many of each kind (``created``, ``updated``,
    ``removed``), how many events were right already, and the ``problems``:
    events that hold one of the plan's UIDs but are not the plan's, left
    unchanged while the rest of the plan was published."""

    dry_run: bool = False


Progress = Callable[[int, int, Change], None]
"""Told of each change made: how many are made so far, of how many, and which."""


class Calendar:
    """A CalDAV calendar at ``url``, as ``user`` (none: no login)."""

    def __init__(self, url: str, *, user: str | None = None, password: str | None = None,
                 timeout: int = 60, limit: float = REQUEST_LIMIT,
                 largest: int = LARGEST_ANSWER) -> None:
        self.url = check_url(url)
        self._limit = limit
        self._largest = largest
        self.shown = without_login(self.url)  # what messages say: never a password
        self._client = DAVClient(
            url=self.url, username=user, password=password if user else None,
            timeout=timeout, enable_rfc6764=False)  # the address is given: no discovery
        self._client.session.hooks["response"].append(self._bounded)

    def events(self) -> list[Held]:
        """Every event the calendar holds (two requests: is it a calendar, and
        its events with their data). The answers are read here, not by the
        caldav library, which meets an answer it cannot read with a
        traceback of its own (an empty one) or with a log line and more
        requests (an event without its data)."""
        (kinds,) = self._multistatus(_("read the calendar"), "PROPFIND", _PROPFIND, 0)
        if kinds[1].find(f"{{DAV:}}resourcetype/{_CALENDAR}") is None:
            raise _fail(self.shown, "not-a-calendar", _(
                "the address is no calendar (a user's home, an address book, a single event "
                "or a web page): give the calendar's own address"))
        found = []
        for href, prop in self._multistatus(_("read the calendar's events"), "REPORT", _QUERY,
                                            1):
            if href.rstrip("/") == urllib.parse.urlsplit(self.url).path.rstrip("/"):
                continue  # the calendar itself
            data = prop.find(f"{{{_CALDAV}}}calendar-data")
            if data is None or not (data.text or "").strip():
                raise _fail(self.shown, "server-failed", _(
                    "could not read the calendar's events: the server gave the event {href} "
                    "without its calendar data", href=href))
            found.append(Held(urllib.parse.urljoin(self.url, href), data.text))
        return found

    def _multistatus(self, what: Message, method: str, query: str, depth: int
                     ) -> list[tuple[str, Any]]:
        """The address and the found properties (``DAV:prop``) of each
        resource in the server's answer to ``method`` (a 207 Multi-Status)."""
        answer = self._asking(what, functools.partial(
            self._client.request, self.url, method, query,
            {"Depth": str(depth), "Content-Type": "application/xml; charset=utf-8"}))
        if answer.status == 404:
            raise _fail(self.shown, "not-found", _("there is no calendar at this address (404)"))
        tree = getattr(answer, "tree", None)
        said = f"{answer.status} {getattr(answer, 'reason', '') or ''}".rstrip()
        if answer.status != 207 or tree is None or tree.tag != "{DAV:}multistatus":
            raise _fail(self.shown, "server-failed", _(
                "could not {what}: the server answered {answer} with nothing (a CalDAV server "
                "answers 207 Multi-Status with XML): is this the calendar's address?",
                what=what, answer=said) if tree is None else _(
                "could not {what}: the server answered {answer} with no multistatus (a CalDAV "
                "server answers 207 Multi-Status with XML): is this the calendar's address?",
                what=what, answer=said))
        found = []
        for response in tree.iter("{DAV:}response"):
            hrefs = response.findall("{DAV:}href")
            if len(hrefs) != 1 or not (hrefs[0].text or "").strip():
                raise _fail(self.shown, "server-failed", _(
                    "could not {what}: the server's answer has a response without one address "
                    "(DAV:href)", what=what))
            for propstat in response.iter("{DAV:}propstat"):
                status = (propstat.findtext("{DAV:}status") or "").split()
                prop = propstat.find("{DAV:}prop")
                if prop is not None and status[1:2] == ["200"]:
                    found.append(((hrefs[0].text or "").strip(), prop))
        if depth == 0 and len(found) != 1:
            raise _fail(self.shown, "server-failed", _(
                "could not {what}: the server's answer says nothing of the calendar's kind "
                "(DAV:resourcetype)", what=what))
        return found

    def apply(self, changes: Sequence[Change], progress: Progress | None = None) -> None:
        """Make ``changes`` in order; ``progress`` hears of each one made."""
        base = self.url.rstrip("/") + "/"
        for index, change in enumerate(changes):
            href = change.href or urllib.parse.urljoin(base, f"{change.uid}.ics")
            if change.action is Action.REMOVE:
                answer = self._asking(_("remove an event"), functools.partial(
                    self._client.delete, href), index=index, total=len(changes))
                accepted = answer.status in (200, 204, 404)  # 404: gone already
            else:
                assert change.text is not None
                answer = self._asking(_("write an event"), functools.partial(
                    self._client.put, href, change.text, _TEXT_CALENDAR),
                    index=index, total=len(changes))
                accepted = 200 <= answer.status < 300
            if not accepted:
                raise _fail(self.shown, "server-refused", _stopped(
                    _refused(change, f"{answer.status} {answer.reason or ''}".rstrip()),
                    index, len(changes)))
            if progress:
                progress(index + 1, len(changes), change)

    def _asking(self, what: Message, call: Callable[[], Any], *, index: int | None = None,
                total: int = 0) -> Any:
        """``call()``, its failures said in words (and never with the password)."""
        try:
            return self._in_time(call)
        except _TooLarge:
            raise _fail(self.shown, "server-failed", _stopped(_(
                "could not {what}: the server's answer is larger than {megabytes} MB",
                what=what, megabytes=format(self._largest / 2**20, "g")), index, total)
                ) from None
        except _TooSlow:
            raise _fail(self.shown, "unreachable", _stopped(_(
                "could not {what}: the server took more than {seconds} s to answer",
                what=what, seconds=format(self._limit, "g")), index, total)) from None
        except error.AuthorizationError as problem:
            if getattr(problem, "status", None) == 403:  # logged in, but not allowed
                raise _fail(self.shown, "forbidden", _stopped(_(
                    "the server does not let this user {what} (403): ask for write access to "
                    "the calendar", what=what), index, total, again=False)) from None
            raise _fail(self.shown, "unauthorized", _stopped(_(
                "the server refused the user name and password (check --user and {variable})",
                variable=PASSWORD_VARIABLE), index, total, again=False)) from None
        except error.NotFoundError:
            raise _fail(self.shown, "not-found", _stopped(
                _("there is no calendar at this address (404)"), index, total, again=False)
            ) from None
        except OSError as problem:  # the HTTP libraries' errors are OSErrors too
            raise _fail(self.shown, "unreachable", _stopped(_(
                "could not {what}: {reason}", what=what, reason=_reason(problem, self.url)),
                index, total)) from None
        except (error.DAVError, ValueError, SyntaxError) as problem:
            # An answer that is no CalDAV: a login page, cut-off XML (lxml's
            # XMLSyntaxError is a SyntaxError).
            raise _fail(self.shown, "server-failed", _stopped(_(
                "could not {what}: {reason}", what=what, reason=_reason(problem, self.url)),
                index, total)) from None


    def _in_time(self, call: Callable[[], Any]) -> Any:
        """``call()``, or :class:`_TooSlow` when it takes longer than the
        limit. The HTTP library's timeout is for each read from the socket:
        a server that sends a byte now and then is never timed out by it.
        So the request runs in a thread of its own, and is given up (its
        connections closed, the thread left to end with them) at the limit."""
        done = threading.Event()
        outcome: dict[str, Any] = {}

        def run() -> None:
            try:
                outcome["answer"] = call()
            except BaseException as problem:  # raised again in the caller's thread
                outcome["problem"] = problem
            finally:
                done.set()

        threading.Thread(target=run, name="aarshjul-caldav", daemon=True).start()
        if not done.wait(self._limit):
            self._client.session.close()
            raise _TooSlow
        if "problem" in outcome:
            raise outcome["problem"]
        return outcome["answer"]


    def _bounded(self, response: Any, **_settings: Any) -> Any:
        """The HTTP library's hook for each answer, before it reads the body:
        here the body is read, and given up past :data:`LARGEST_ANSWER`
        bytes (the length it declares, or what it sends without one)."""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self._largest:
            response.close()
            raise _TooLarge
        body = bytearray()
        for chunk in response.iter_content(2**16):
            body += chunk
            if len(body) > self._largest:
                response.close()
                raise _TooLarge
        # What the library keeps of a body read (requests and niquests alike).
        response._content, response._content_consumed = bytes(body), True
        return response


class _TooSlow(Exception):
    """A request that took longer than :data:`REQUEST_LIMIT`."""


class _TooLarge(Exception):
    """An answer larger than :data:`LARGEST_ANSWER`."""


def _refused(change: Change, answer: str) -> Message:
    """That the server refused ``change``, with its ``answer`` (status and reason)."""
    if change.action is Action.CREATE:
        return _("the server answered {answer} to create {label}", answer=answer,
                 label=change.label)
    if change.action is Action.UPDATE:
        return _("the server answered {answer} to update {label}", answer=answer,
                 label=change.label)
    return _("the server answered {answer} to remove {label}", answer=answer,
             label=change.label)


def _stopped(said: Message, index: int | None, total: int, *, again: bool = True) -> Message:
    """What a request's failure ``said``, and, for a change (``index`` of
    ``total``), how many were made before it (and, ``again``, that
    publishing again does the rest)."""
    if index is None:
        return said
    if again:
        return _("stopped after {done} of {total} changes: {said}; publish again to finish",
                 done=index, total=total, said=said)
    return _("stopped after {done} of {total} changes: {said}", done=index, total=total,
             said=said)


def _reason(problem: BaseException, url: str) -> Message:
    """What went wrong, in words: HTTP libraries wrap the cause in layers.
    Of an address whose server part may hold a password (see
    :func:`~aarshjul.addresses.without_login`), neither its server's name
    nor the libraries' words, which may quote the address, are given."""
    text = " ".join(str(problem).split())
    where = urllib.parse.urlsplit(url)
    safe = without_login(url) == url
    if "resolve" in text.lower() or "Name or service not known" in text:
        if not safe:
            return _("there is no server by its name")
        return _("there is no server by the name {server}", server=where.hostname)
    if "refused" in text.lower():
        if not safe:
            return _("nothing answers at its address (connection refused)")
        return _("nothing answers at {address} (connection refused)", address=where.netloc)
    if "timed out" in text.lower() or "timeout" in type(problem).__name__.lower():
        if not safe:
            return _("the server did not answer in time")
        return _("{address} did not answer in time", address=where.netloc)
    return verbatim((text[:300] if safe else "") or type(problem).__name__)


def publish(plan: Plan, agendas: Agendas, url: str, *, user: str | None = None,
            password: str | None = None, body: str | None = None, dry_run: bool = False,
            base_url: str | None = None, now: dt.datetime | None = None,
            progress: Progress | None = None, replace: bool = False) -> Published:
    """Put the meetings of ``plan`` (of one ``body``) into the calendar at
    ``url``: create what is missing, update what changed, remove the plan's
    events that it no longer has, leave every other event alone. With
    ``dry_run``, only say what would change. ``progress`` hears of each
    change as it is made (for a progress bar). A calendar that holds events
    of the plan's id and none of its meetings is refused (``another-plan``),
    unless ``replace``: they are most likely another plan's."""
    check_base_url(base_url)  # before the server is asked anything
    calendar = Calendar(url, user=user, password=password)
    try:
        sync = plan_sync(plan, agendas, calendar.events(), now=now or build_time(), body=body,
                         base_url=base_url, replace=replace)
    except PublishError as refused:
        raise PublishError([attrs.evolve(p, file=calendar.shown) for p in refused.problems]
                           ) from None
    if not dry_run:
        calendar.apply(sync.changes, progress)
    return Published(sync.changes, sync.unchanged, sync.problems, dry_run=dry_run)
