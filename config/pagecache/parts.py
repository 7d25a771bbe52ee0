"""Parts of pages kept in the shared cache until what they depend on changes.

`page_part(request, name, compute)` returns `compute()`'s value, kept under `name`: valid while
none of its stamps has been bumped since it was computed, and, if it says so, until a time of
its own (an edit link that closes, the minute a list shows). Pages rendered for one reader are
put together from such parts; whole pages for anonymous readers are kept the same way
(config/pagecache/pages.py).

Each process keeps the parts it used last in its memory (PAGE_CACHE_PROCESS_COPIES), so a hit
reads only the stamps from the shared cache, not the value too: `make bench` measures what
that brings (README, "Performance").
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone, translation

from config.pagecache.keys import read, release
from config.pagecache.stamps import fresh, note_unchanged_since

_KEY = "pagecache:part:"


@dataclass
class PagePart:
    value: object
    stamps: list[str]
    started: float
    until: float | None = None  # a time after which it must not be shown (None: no such time)
    expires: float = 0.0  # when the shared cache lets it go

    @property
    def page_cache_stamps(self) -> list[str]:
        """A page that shows this part depends on what the part depends on."""
        return self.stamps

    def in_time(self) -> bool:
        return self.until is None or self.until > time.time()


class ProcessCopies:
    """The entries this process used last, shared by its threads: treat them as read-only."""

    SIZE = 64

    def __init__(self) -> None:
        self._entries: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        if not settings.PAGE_CACHE_PROCESS_COPIES:
            return None
        with self._lock:
            if (entry := self._entries.get(key)) is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry) -> None:
        if not settings.PAGE_CACHE_PROCESS_COPIES:
            return
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.SIZE:
                self._entries.popitem(last=False)


part_copies = ProcessCopies()

Compute = Callable[[], tuple[object, Iterable[str]] | tuple[object, Iterable[str], float | None]]


def page_part(
    request: HttpRequest | None,
    name: str,
    compute: Compute,
    *,
    scheduled: bool = True,
    localised: bool = True,
) -> PagePart:
    """`compute()` returns the value and the stamps it depends on, and optionally a time after
    which the value is out of date by itself. Whatever else it depends on (who it is for, a
    page number, the templates) belongs in `name`. An exception from `compute` keeps nothing.
    With `scheduled`, it is also kept no longer than the next change that comes by itself.

    A `localised` part (HTML, labels, dates: the default) is kept once per language and time
    zone, so no caller can forget them; data the same for every reader (rows, counts) says
    `localised=False` and is kept once."""
    where = (
        f"{translation.get_language()}:{timezone.get_current_timezone_name()}:" if localised else ""
    )
    key = f"{_KEY}{release()}:{where}{name}"
    if not (settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_FRAGMENTS):
        return _compute(request, key, compute, keep=False, scheduled=scheduled)
    entry = part_copies.get(key)
    if entry is not None and _usable(entry):
        return entry
    entry = read(cache, key)  # another process may have kept a newer one
    if entry is not None and _usable(entry):
        part_copies.put(key, entry)
        return entry
    return _compute(request, key, compute, keep=True, scheduled=scheduled)


def _usable(entry: PagePart) -> bool:
    return entry.expires > time.time() and entry.in_time() and fresh(entry.stamps, entry.started)


def _compute(
    request: HttpRequest | None, key: str, compute: Compute, *, keep: bool, scheduled: bool
) -> PagePart:
    # As old as the page it is part of: were it any later, the page's own entry would count
    # the stamps this part sets up as changes made after the page began.
    started = getattr(request, "page_cache_started", None) or time.time()
    value, stamps, *until = compute()
    entry = PagePart(value, sorted(set(stamps)), started, until[0] if until else None)
    if keep:
        note_unchanged_since(entry.stamps, started)
        timeout = lifetime(request) if scheduled else settings.PAGE_CACHE_TIMEOUT
        if entry.until is not None:
            timeout = max(1, min(timeout, int(entry.until - time.time()) + 1))
        entry.expires = time.time() + timeout  # kept with it: other processes copy it too
        cache.set(key, entry, timeout=timeout)
        part_copies.put(key, entry)
    return entry


# When cached values may go stale by themselves, with nothing bumped: a review scheduled for
# later goes live at its time. The apps that know say so (`changes_by_itself`).
_scheduled_changes: list[Callable[[HttpRequest | None], PagePart]] = []


def changes_by_itself(when: Callable[[], tuple[float | None, Iterable[str]]]) -> None:
    """Register `when()`: the next time something changes by itself (a Unix time, or None),
    with the stamps after whose bump it must be asked again."""

    def next_change(request: HttpRequest | None) -> PagePart:
        def compute():
            moment, stamps = when()
            return moment, stamps, moment

        name = f"next-change:{when.__module__}.{when.__qualname__}"
        return page_part(request, name, compute, scheduled=False, localised=False)

    _scheduled_changes.append(next_change)


def lifetime(request: HttpRequest | None) -> int:
    """How long a value may be kept: PAGE_CACHE_TIMEOUT, or less if something changes by
    itself sooner. (Asked as part of `request`: a stamp it sets up must not count as a change
    made after the request began.)"""
    timeout = settings.PAGE_CACHE_TIMEOUT
    for next_change in _scheduled_changes:
        if (moment := next_change(request).value) is not None:
            timeout = min(timeout, max(1, int(moment - time.time())))
    return timeout
