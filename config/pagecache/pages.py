"""Whole pages for anonymous readers, from the shared cache.

`PageCacheMiddleware` (right after WhiteNoise, inside Django's ConditionalGetMiddleware, which
answers If-None-Match with 304) serves a GET from the cache before sessions, authentication
and the view run, when nothing in the request says who is asking: no session cookie, no
pending messages, not an htmx request. On a miss the view renders; a page that says what it
shows (`CachedPageMixin`, or `page_dependencies()` on a response) is kept if the reader
turned out anonymous, until a stamp it depends on is bumped (config/pagecache/stamps.py).

Nothing in a kept page belongs to one request: anonymous pages carry no CSP nonce (their
scripts are same-origin files, which the policy's 'self' allows) and no CSRF token (their
forms only keep a draft and send the reader to sign in). A page that carries either anyway is
answered but never kept, and the log says so. So the same bytes can be kept by any proxy, our
nginx included: anonymous pages say `Cache-Control: public, max-age=0, s-maxage=...`.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.module_loading import import_string

from config.pagecache.keys import read, release
from config.pagecache.parts import ProcessCopies, lifetime
from config.pagecache.stamps import fresh, note_unchanged_since, stamps_of

logger = logging.getLogger(__name__)

_KEY = "pagecache:page:"
# A CSRF form token marks a page that belongs to one request.
_PER_REQUEST = b'name="csrfmiddlewaretoken"'
# Headers that belong to one response, never to a kept page.
_NOT_KEPT = {"content-length", "set-cookie", "x-request-id", "etag", "cache-control"}


@dataclass
class KeptPage:
    content: bytes
    status: int
    headers: dict[str, str]
    stamps: list[str]
    started: float
    etag: str
    expires: float = 0.0  # when the shared cache lets it go


page_copies = ProcessCopies()


def page_dependencies(
    response: HttpResponse, stamps: Callable[[], Iterable[str]], *, until: float | None = None
) -> None:
    """Mark `response` as a page the cache may keep; `stamps()` says what it depends on and
    is called once the page is rendered (its querysets are evaluated by then: no queries).
    `until`: a time (Unix) after which the page is out of date by itself, if it has one."""
    response.page_cache_stamps = stamps
    response.page_cache_until = until
    if hasattr(response, "add_post_render_callback") and not response.is_rendered:

        def resolve(rendered):
            rendered.page_cache_stamps = list(stamps()) if _wanted(rendered) else []

        response.add_post_render_callback(resolve)


def _wanted(response) -> bool:
    return getattr(response, "page_cache_wanted", False)


class CachedPageMixin:
    """For page views the cache may keep for anonymous readers. What the page depends on is
    read off the objects in its context (`stamps_of`); `page_stamps` adds what they do not
    show, such as what a search matched against."""

    def page_stamps(self, context) -> Iterable[str]:
        return ()

    def page_until(self, context) -> float | None:
        """When the page goes out of date with nothing changed (a Unix time), if ever."""
        return None

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response.page_cache_wanted = getattr(self.request, "page_cache_wanted", False)
        page_dependencies(
            response,
            lambda: [*stamps_of(context), *self.page_stamps(context)],
            until=self.page_until(context),
        )
        return response


def _key(request: HttpRequest) -> str:
    return key_for(request.get_host(), request.get_full_path(), _varies_by(request))


@functools.cache
def _key_cookies() -> list[tuple[str, Callable[[str], str]]]:
    return [(name, import_string(path)) for name, path in settings.PAGE_CACHE_KEY_COOKIES.items()]


def _varies_by(request: HttpRequest) -> str:
    """What of the request's cookies changes an anonymous page: each cookie named in
    PAGE_CACHE_KEY_COOKIES, as its function reduces it to a few canonical values ("" when it
    changes nothing: such readers share the pages of readers without the cookie)."""
    parts = []
    for name, canonical in _key_cookies():
        if (value := request.COOKIES.get(name)) and (reduced := canonical(value)):
            parts.append(f"{name}={reduced}")
    return "&".join(parts)


def key_for(host: str, path: str, varies_by: str = "") -> str:
    """Where the page at `path` (with its query string) on `host` is kept; `varies_by` names
    the version for the request's cookies (`_varies_by`)."""
    identity = f"{host}|{path}" + (f"|{varies_by}" if varies_by else "")
    digest = hashlib.md5(identity.encode(), usedforsecurity=False).hexdigest()
    return f"{_KEY}{release()}:{digest}"


def _anonymous(request: HttpRequest) -> bool:
    """A GET that cannot belong to anybody: nothing in it says who is asking."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_HX_REQUEST" not in request.META
        and "HTTP_AUTHORIZATION" not in request.META
    )


class PageCacheMiddleware:
    """Serve anonymous readers' pages from the cache; keep them; say how proxies may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        anonymous = _anonymous(request)
        # Before any database read: a change committed after this makes the page stale.
        request.page_cache_started = time.time()
        request.page_cache_wanted = (
            settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_WHOLE_PAGES and anonymous
        )
        if request.page_cache_wanted and (page := self._lookup(request)) is not None:
            return self._serve(page)
        response = self.get_response(request)
        stamps = getattr(response, "page_cache_stamps", None)
        if stamps is None:
            return response  # not a page the cache may keep
        if not (anonymous and request.user.is_anonymous) or (
            settings.SESSION_COOKIE_NAME in response.cookies
        ):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if response.status_code != 200 or response.streaming:
            return response
        if callable(stamps):
            stamps = list(stamps()) if request.page_cache_wanted else []
        if _per_request(request, response):
            if request.page_cache_wanted:  # meant to be shared: a template let something in
                logger.warning("Not cached: %s carries a CSRF token or a CSP nonce", request.path)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        page = self._page(request, response, stamps)
        if request.page_cache_wanted:
            self._keep(request, page, getattr(response, "page_cache_until", None))
        self._shared(response, page.etag)
        return response

    def _lookup(self, request: HttpRequest) -> KeptPage | None:
        key = _key(request)
        page = page_copies.get(key)
        if page and page.expires > time.time() and fresh(page.stamps, page.started):
            return page
        page = read(cache, key)
        if page is None or not fresh(page.stamps, page.started):
            return None
        page_copies.put(key, page)
        return page

    def _serve(self, page: KeptPage) -> HttpResponse:
        response = HttpResponse(page.content, status=page.status, headers=page.headers)
        response["Content-Length"] = str(len(page.content))
        self._shared(response, page.etag)
        response["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _page(request: HttpRequest, response: HttpResponse, stamps: list[str]) -> KeptPage:
        content = response.content
        return KeptPage(
            content=content,
            status=response.status_code,
            headers={
                name: value
                for name, value in response.headers.items()
                if name.lower() not in _NOT_KEPT
            },
            stamps=sorted(set(stamps)),
            started=request.page_cache_started,
            # Weak: proxies that compress the page may keep it as it is.
            etag=f'W/"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"',
        )

    @staticmethod
    def _keep(request: HttpRequest, page: KeptPage, until: float | None) -> None:
        note_unchanged_since(page.stamps, page.started)
        timeout = lifetime(request)
        if until is not None:
            timeout = max(1, min(timeout, int(until - time.time())))
        page.expires = time.time() + timeout  # kept with it: other processes copy it too
        cache.set(_key(request), page, timeout=timeout)

    @staticmethod
    def _shared(response: HttpResponse, etag: str) -> None:
        # The ETag computed once, when the page was kept; Django's ConditionalGetMiddleware
        # compares it with If-None-Match and answers 304.
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
        patch_vary_headers(response, ["Cookie"])


def _per_request(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the page holds something meant for this request alone (a used CSP nonce, a
    CSRF form token), which must never be shown to another reader."""
    return bool(get_nonce(request)) or _PER_REQUEST in response.content
