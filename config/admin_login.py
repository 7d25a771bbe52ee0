"""The admin's sign-in, replaced by the site's own (allauth), whose failed attempts are
throttled per address and per account: one sign-in page, one set of rate limits."""

from urllib.parse import urlencode

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def admin_login(request: HttpRequest) -> HttpResponse:
    """Send the visitor to the site's sign-in page, and back to the admin afterwards.

    A signed-in account without staff access lands here when it opens the admin: it gets a
    plain 403 rather than a sign-in form that would send it round in a loop.
    """
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    if admin.site.has_permission(request):
        return redirect(next_url)
    if request.user.is_authenticated:
        return render(request, "403.html", status=403)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
