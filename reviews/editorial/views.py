"""The page a shareable preview link opens: the review as its staff preview renders it, for
anyone who holds the link, never kept by a cache and never indexed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.views.generic import View
from django.views.generic.base import TemplateResponseMixin

from reviews.editorial.selectors import preview_link_from_token
from reviews.views import ReviewPreviewView


def _private(response: HttpResponse) -> HttpResponse:
    """Nobody but the holder keeps or indexes it: not the page cache (the view never marks
    it as a page to keep), not nginx (config/nginx.conf), not a browser's disk or a crawler."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


class PreviewLinkView(ReviewPreviewView):
    """GET /<lang>/preview/<token>/: the signed token is the credential, so no sign-in. A
    forged or altered token, a revoked or an expired link answer 404 saying which; a link to
    a review published since sends the reader to its public page."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return View.dispatch(self, request, *args, **kwargs)  # no permission: the token is it

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        link = preview_link_from_token(token)
        if link is None or not link.is_usable:
            problem = "invalid" if link is None else "revoked" if link.is_revoked else "expired"
            context = {"problem": problem, "link": link}
            response = render(
                request, "reviews/editorial/preview_link_gone.html", context, status=404
            )
            return _private(response)
        if link.review.is_public:
            return _private(redirect(link.review.get_absolute_url()))
        self.object = link.review
        context = self.get_context_data(object=link.review, preview_link=link)
        # Not CachedPageMixin's render: this page is not one the page cache may keep.
        return _private(TemplateResponseMixin.render_to_response(self, context))
