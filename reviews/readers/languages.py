"""The language menu: Django's `set_language`, reachable from pages the cache shares."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from reviews.readers.services import profile_set_language


@csrf_exempt
@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """Remember the reader's language (a cookie) and go to the same page in it.

    Visitors' pages are kept and shared, so their menu carries no CSRF token: for a visitor
    the worst a forged switch can do is change the language of their next page. A signed-in
    reader's switch is checked as any other form is, and kept on their profile too, for what
    the site sends them later (reply e-mails)."""
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda request: None).process_view(
            request, set_language, (), {}
        )
        if refused is not None:
            return refused
    # set_language finds the same page in the chosen language by resolving `next` in the
    # active language, which is the cookie's or the browser's here (this address has none),
    # not necessarily the page's.
    if page_language := translation.get_language_from_path(
        urlsplit(request.POST.get("next", "")).path
    ):
        translation.activate(page_language)
    response = set_language(request)
    chosen = request.POST.get("language", "")
    if request.user.is_authenticated and chosen in dict(settings.LANGUAGES):
        profile_set_language(user=request.user, language=chosen)
    return response
