"""Editors see the admin's times in their own time zone (Profile.time_zone)."""

from __future__ import annotations

import functools
import zoneinfo

from django.conf import settings
from django.utils import timezone

from reviews.readers.models import Profile


def editor_zone(user) -> str:
    """The user's chosen zone; the site's for readers and for staff who chose none."""
    if not (user.is_authenticated and user.is_staff):
        return settings.TIME_ZONE
    chosen = Profile.objects.filter(user=user).values_list("time_zone", flat=True).first()
    return chosen or settings.TIME_ZONE


def in_editor_time_zone(view):
    """Run an admin view, and render its page, in the signed-in editor's time zone."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        with timezone.override(zoneinfo.ZoneInfo(editor_zone(request.user))):
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response

    return wrapped
