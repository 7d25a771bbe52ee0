"""Whole pages for anonymous readers, from the shared cache, with precise invalidation.

How it fits together:

- A page view says what it shows: `CachedPageMixin` (or `page_dependencies()` on a response)
  attaches the names of the *stamps* the page depends on, e.g. ``film:12``, ``review:40``,
  ``discussion:40`` (its comments), ``film-reviews:12`` (which reviews of film 12 are public),
  ``reviews`` (which reviews are public at all), ``catalogue`` (which films exist, in what order),
  ``search`` (any text the site search matches: review texts, people's names).
- A change bumps exactly the stamps it affects (`changed()`, called from the services in
  reviews/services.py and from the admin; never from signals). A stamp holds the time of the
  last change; an entry is valid while every stamp it depends on is older than the moment its
  rendering started, so a change that commits during a render cannot leave a stale page behind.
  Stamps are bumped at once and again when the transaction commits.
- `PageCacheMiddleware` (placed right after WhiteNoise) answers a GET from the cache before
  sessions, authentication and the view run, when the request cannot belong to anybody: no
  session cookie, no pending messages (their cookie), not an htmx request. On a miss it lets
  the view render, and stores the page if the reader turned out anonymous.
- Nothing in a stored page belongs to one request: pages for anonymous readers carry no CSP
  nonce (their scripts are all same-origin files, which the policy's 'self' allows) and no
  CSRF token (their forms only keep a draft and send the reader to sign in; see
  reviews.views.comment_draft). A page that carries either anyway is answered but never
  stored, and the log says so. The same bytes can therefore be kept by any proxy as they are,
  our nginx included (config/nginx.conf).
- HTTP: anonymous pages say `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS`
  with a (weak) ETag and answer If-None-Match with 304; signed-in ones `private, no-cache`.
- A review scheduled for later must appear by itself: entries expire at the next scheduled
  publication time.
- Each process keeps the pages it served last (`_Recent`), so a hit reads only the stamps
  from the shared cache; and `fragment()` keeps parts of pages the same way as whole ones,
  for pages rendered per reader.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

# Marks of a page that belongs to one request: a CSRF form token.
_PER_REQUEST = b'name="csrfmiddlewaretoken"'
# Headers that belong to one response, never to a stored page.
_NOT_STORED = {"content-length", "set-cookie", "x-request-id", "etag", "cache-control"}

# A stamp's value is the time of the last change in whole microseconds: Django's Redis
# serializer stores integers as they are (a float would be pickled), and a page-cache hit reads
# every stamp of its page, fifty for a film's.
_STAMP = "pagecache:stamp-us:"
_PAGE = "pagecache:page:"
_KEPT = "pagecache:kept:"
_NEXT_PUBLICATION = "pagecache:next-publication"


# --- Stamps: what a page depends on, and what a change bumps -------------------------------


def film(pk: int) -> str:
    return f"film:{pk}"


def person(pk: int) -> str:
    return f"person:{pk}"


def review(pk: int) -> str:
    return f"review:{pk}"


def discussion(review_pk: int) -> str:
    return f"discussion:{review_pk}"


def film_reviews(film_pk: int) -> str:
    return f"film-reviews:{film_pk}"


REVIEWS = "reviews"
CATALOGUE = "catalogue"
# What the site search matches beyond those two: any review's text, any person's name.
SEARCH = "search"


def review_card(obj) -> list[str]:
    """A review card shows the review, its film's title and its comment count."""
    return [review(obj.pk), film(obj.film_id), discussion(obj.pk)]


def changed(*stamps: str) -> None:
    """Mark the pages that depend on these stamps stale: now, and again after the commit."""
    if not stamps:
        return
    _bump(stamps)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(stamps))


def _microseconds(seconds: float) -> int:
    return int(seconds * 1_000_000)


def _bump(stamps: Iterable[str]) -> None:
    now = _microseconds(time.time())
    cache.set_many({_STAMP + name: now for name in stamps}, timeout=None)
    if REVIEWS in stamps:
        cache.delete(_NEXT_PUBLICATION)


def review_changed(obj, *, publication: bool = False, old_film_id: int | None = None) -> None:
    """A review's text changed; with `publication`, also whether (or when) it is public."""
    stamps = [review(obj.pk), SEARCH]
    if publication:
        stamps += [REVIEWS, film_reviews(obj.film_id)]
        if old_film_id and old_film_id != obj.film_id:
            stamps.append(film_reviews(old_film_id))
    changed(*stamps)


def discussion_changed(review_pk: int) -> None:
    changed(discussion(review_pk))


# --- Views: declaring dependencies ----------------------------------------------------------


def page_dependencies(response: HttpResponse, stamps: Callable[[], Iterable[str]]) -> None:
    """Mark `response` as a cacheable page; `stamps` is called once the page is rendered
    (so the querysets it reads are already evaluated: no extra queries)."""
    response.page_cache_stamps = stamps
    if hasattr(response, "add_post_render_callback") and not response.is_rendered:
        # Work out the stamps now, while the context's querysets hold their results.
        def resolve(rendered):
            rendered.page_cache_stamps = list(stamps()) if _wanted(rendered) else []

        response.add_post_render_callback(resolve)


def _wanted(response) -> bool:
    return getattr(response, "page_cache_wanted", False)


class CachedPageMixin:
    """For page views served to anonymous readers from the page cache.

    Subclasses list what the page shows in `page_stamps(context)`.
    """

    def page_stamps(self, context) -> Iterable[str]:
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response.page_cache_wanted = getattr(self.request, "page_cache_wanted", False)
        page_dependencies(response, lambda: self.page_stamps(context))
        return response


# --- The middleware -------------------------------------------------------------------------


@dataclass
class Entry:
    content: bytes
    status: int
    headers: dict[str, str]
    stamps: list[str]
    started: float
    etag: str
    expires: float = 0.0  # set when kept: when the shared cache lets it go


class _Recent:
    """The pages this process served last, kept in its memory: a hit then costs one small
    round trip to the shared cache (the stamps) instead of two, one of them the whole page.
    Freshness is still the stamps' to decide, so a change made anywhere shows at once."""

    SIZE = 64

    def __init__(self) -> None:
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()  # gthread workers serve requests on several threads

    def get(self, key: str) -> Entry | None:
        with self._lock:
            if (entry := self._entries.get(key)) is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: Entry) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.SIZE:
                self._entries.popitem(last=False)


_recent = _Recent()
# The same for kept values (see `kept`): a signed-in reader's page reads three or four of them,
# one the size of a discussion page, and those of a busy page are the same on every request.
_recent_kept = _Recent()


def _page_key(request: HttpRequest) -> str:
    query = request.META.get("QUERY_STRING", "")
    return _page_key_for(request.path + (f"?{query}" if query else ""), request.get_host())


def _page_key_for(url: str, host: str = "testserver") -> str:
    identity = f"{host}|{url}"
    return _PAGE + hashlib.md5(identity.encode(), usedforsecurity=False).hexdigest()


def _anonymous_request(request: HttpRequest) -> bool:
    """A GET that cannot belong to anybody: nothing in it says who is asking."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_HX_REQUEST" not in request.META
        and "HTTP_AUTHORIZATION" not in request.META
    )


class PageCacheMiddleware:
    """Serve anonymous readers' pages from the cache; store them; set the HTTP caching headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        enabled = settings.PAGE_CACHE_ENABLED
        anonymous = _anonymous_request(request)
        # Before any database read: a change committed after this makes the page stale.
        request.page_cache_started = time.time()
        request.page_cache_wanted = enabled and anonymous
        if request.page_cache_wanted:
            entry = self._lookup(request)
            if entry is not None:
                return self._serve(request, entry)
        response = self.get_response(request)
        stamps = getattr(response, "page_cache_stamps", None)
        if stamps is None:
            return response  # not a page of the cache's
        if not (anonymous and not request.user.is_authenticated):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if response.status_code != 200 or response.streaming:
            return response
        if settings.SESSION_COOKIE_NAME in response.cookies:
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if callable(stamps):
            stamps = list(stamps()) if request.page_cache_wanted else []
        if _per_request(request, response):
            if request.page_cache_wanted:  # meant to be shared: a template let something in
                logger.warning("Not cached: %s carries a CSRF token or a CSP nonce", request.path)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        entry = self._entry(request, response, stamps)
        if request.page_cache_wanted:
            self._store(request, entry)
        self._public(response, entry.etag)
        if _etag_matches(request, entry.etag):
            return self._not_modified(response)
        return response

    # Looking up and serving

    def _lookup(self, request: HttpRequest) -> Entry | None:
        key = _page_key(request)
        entry = _recent.get(key)
        if entry and entry.expires > time.time() and _fresh(entry.stamps, entry.started):
            return entry
        entry = cache.get(key)
        if entry is None or not _fresh(entry.stamps, entry.started):
            return None
        _recent.put(key, entry)
        return entry

    def _serve(self, request: HttpRequest, entry: Entry) -> HttpResponse:
        request.page_cache_hit = True
        if _etag_matches(request, entry.etag):
            response = HttpResponseNotModified()
            self._public(response, entry.etag)
            response["X-Page-Cache"] = "hit"
            return response
        response = HttpResponse(entry.content, status=entry.status, headers=entry.headers)
        response["Content-Length"] = str(len(entry.content))
        self._public(response, entry.etag)
        response["X-Page-Cache"] = "hit"
        return response

    # Storing

    def _entry(self, request: HttpRequest, response: HttpResponse, stamps: list[str]) -> Entry:
        content = response.content
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in _NOT_STORED
        }
        digest = hashlib.md5(content, usedforsecurity=False).hexdigest()
        return Entry(
            content=content,
            status=response.status_code,
            headers=headers,
            stamps=sorted(set(stamps)),
            started=request.page_cache_started,
            etag=f'W/"{digest}"',
        )

    def _store(self, request: HttpRequest, entry: Entry) -> None:
        timeout = _lifetime()
        entry.expires = time.time() + timeout  # stored with it: other processes copy it too
        _keep(_page_key(request), entry, entry.stamps, entry.started, timeout)

    # Headers

    @staticmethod
    def _public(response: HttpResponse, etag: str) -> None:
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
        patch_vary_headers(response, ["Cookie"])

    @staticmethod
    def _not_modified(response: HttpResponse) -> HttpResponse:
        not_modified = HttpResponseNotModified()
        for name in ("Cache-Control", "ETag", "Vary"):
            if name in response:
                not_modified[name] = response[name]
        return not_modified


def _etag_matches(request: HttpRequest, etag: str) -> bool:
    wanted = request.META.get("HTTP_IF_NONE_MATCH")
    if not wanted:
        return False
    weak = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == weak for tag in wanted.split(",")) or (
        wanted.strip() == "*"
    )


def _fresh(stamps: list[str], started: float) -> bool:
    """Whether nothing these stamps stand for changed since `started`."""
    times = cache.get_many([_STAMP + name for name in stamps])
    started = _microseconds(started)
    return len(times) == len(stamps) and all(t < started for t in times.values())


def _lifetime() -> int:
    """How long an entry may be kept: PAGE_CACHE_TIMEOUT, or less if a scheduled review
    goes live sooner."""
    timeout = settings.PAGE_CACHE_TIMEOUT
    if (publication := next_publication()) is not None:
        timeout = min(timeout, max(1, int(publication - time.time())))
    return timeout


def _keep(key: str, value, stamps: list[str], started: float, timeout: int) -> None:
    # A stamp nobody has bumped yet (or one the cache evicted) counts as changed just
    # before this render began: older entries are stale, this one is not.
    for name in stamps:
        cache.add(_STAMP + name, _microseconds(started) - 1, timeout=None)
    cache.set(key, value, timeout=timeout)


# --- Fragments: parts of pages, and the objects pages are made from ------------------------


@dataclass
class Kept:
    value: object
    stamps: list[str]
    started: float
    until: float | None = None  # a time after which it must not be used (None: no such time)
    expires: float = 0.0  # set when kept: when the shared cache lets it go


def kept(
    request: HttpRequest,
    name: str,
    load: Callable[[], tuple[object, Iterable[str]] | tuple[object, Iterable[str], float | None]],
) -> Kept:
    """A value kept like whole pages are: valid while none of its stamps has changed since it
    was loaded. `load` returns the value and the stamps it depends on, and optionally a time
    after which the value is out of date by itself (an edit link that closes, say). Whatever
    the value depends on beyond its stamps (who it is for, a page number) belongs in `name`.
    Pages that show it depend on its stamps too. An exception from `load` keeps nothing.

    Each process keeps the values it used last in its memory (`_recent_kept`), shared by its
    threads: treat a kept value as read-only."""
    key = _KEPT + name
    if not settings.PAGE_CACHE_ENABLED:
        return _load(request, key, load, store=False)
    entry, claimed = _recent_kept.get(key), False
    if entry is not None and entry.expires > time.time() and _fresh(entry.stamps, entry.started):
        if _in_time(entry):
            return entry
        # Out of date by its time alone (the minute it shows, say): one thread of this process
        # loads it again while the others go on showing it for a moment, rather than all of
        # them loading the same thing at once.
        if time.time() < entry.until + _OVERTIME:
            claimed = _loading.claim(key)
            if not claimed:
                return entry
    try:
        entry = cache.get(key)  # another process may have kept a newer one
        if entry is not None and _in_time(entry) and _fresh(entry.stamps, entry.started):
            _recent_kept.put(key, entry)
            return entry
        return _load(request, key, load, store=True)
    finally:
        if claimed:
            _loading.release(key)


# How long past its time a kept value may still be shown while it is being loaded again.
_OVERTIME = 5


def _in_time(entry: Kept) -> bool:
    return entry.until is None or entry.until > time.time()


def _load(request: HttpRequest, key: str, load, *, store: bool) -> Kept:
    # As old as the page it is part of: were it any later, the page's own entry would count
    # the stamps this part sets up as changes made after the page began.
    started = getattr(request, "page_cache_started", None) or time.time()
    value, stamps, *until = load()
    entry = Kept(value, sorted(set(stamps)), started, until[0] if until else None)
    if store:
        timeout = _lifetime()
        if entry.until is not None:
            timeout = max(1, min(timeout, int(entry.until - time.time()) + _OVERTIME))
        entry.expires = time.time() + timeout  # stored with it: other processes copy it too
        _keep(key, entry, entry.stamps, started, timeout)
        _recent_kept.put(key, entry)
    return entry


class _Claims:
    """Which keys a thread of this process is loading."""

    def __init__(self) -> None:
        self._keys: set[str] = set()
        self._lock = threading.Lock()

    def claim(self, key: str) -> bool:
        with self._lock:
            if key in self._keys:
                return False
            self._keys.add(key)
            return True

    def release(self, key: str) -> None:
        with self._lock:
            self._keys.discard(key)


_loading = _Claims()


@dataclass
class Fragment:
    html: str
    stamps: list[str]


def fragment(
    request: HttpRequest, name: str, render: Callable[[], tuple[str, Iterable[str]]]
) -> Fragment:
    """A part of a page that is the same for every reader it is shown to (see `kept`)."""
    entry = kept(request, name, render)
    return Fragment(html=entry.value, stamps=entry.stamps)


def _per_request(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the page holds something meant for this request alone (a used CSP nonce, a
    CSRF form token), which must never be shown to another reader."""
    return bool(getattr(request, "_csp_nonce", None)) or _PER_REQUEST in response.content


def next_publication() -> float | None:
    """When the next scheduled review goes live (a Unix time), kept in the cache until a
    review's publication changes or that time passes."""
    cached = cache.get(_NEXT_PUBLICATION)
    now = time.time()
    if cached is not None and (cached == 0 or cached > now):
        return cached or None
    from reviews.models import Review  # the machinery stays free of app imports at load

    upcoming = (
        Review.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True)
    )
    first = upcoming.first()
    value = first.timestamp() if first else 0
    cache.set(_NEXT_PUBLICATION, value, timeout=settings.PAGE_CACHE_TIMEOUT)
    return value or None
