"""Project-wide middleware: request ids, the client's address behind proxies, and the
Permissions-Policy header (Django has no setting for it)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control

from config.logging import request_id_var

# A request id handed in by the proxy is kept only if it is short and plain.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Give every request an id: the proxy's `X-Request-ID` if it sent a sane one, else a new
    one. Every log line written while the request runs carries it, and so does the response,
    so a reader's report ("it failed, request id ...") leads straight to the log lines."""

    header = "X-Request-ID"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(self.header, "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[self.header] = request_id
        return response


class ClientIPMiddleware:
    """Behind `TRUSTED_PROXY_COUNT` proxies, take the client's address from X-Forwarded-For
    into REMOTE_ADDR, so rate limits (comments, sign-in) count readers, not the proxy.

    Only the entries our own proxies appended are trusted: the one `TRUSTED_PROXY_COUNT` from
    the right. With no trusted proxies (the default) the header is ignored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.count = settings.TRUSTED_PROXY_COUNT

    def __call__(self, request: HttpRequest) -> HttpResponse:
        forwarded = request.headers.get("X-Forwarded-For", "")
        if self.count and forwarded:
            addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
            if len(addresses) >= self.count:
                request.META["REMOTE_ADDR"] = addresses[-self.count]
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Send `Permissions-Policy` from the PERMISSIONS_POLICY setting ({feature: [origins]})."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.value = ", ".join(
            f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.value:
            response.headers.setdefault("Permissions-Policy", self.value)
        return response


class _LanguageRedirect(HttpResponseRedirect):
    """Where an address without a language is sent depends on who asks (their cookie, their
    Accept-Language): for them alone. nginx ignores Vary (config/nginx.conf), not this."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        patch_cache_control(self, private=True, max_age=0)


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware: the address's language, else the reader's choice, else
    Accept-Language; an address without one is redirected to it, privately."""

    response_redirect_class = _LanguageRedirect
