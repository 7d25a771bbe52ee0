"""What the site knows about a person beyond their account: their name and preferences."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def validate_time_zone(value: str) -> None:
    """A zone of the IANA database as Python's zoneinfo knows it, e.g. Asia/Seoul."""
    if value and value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone we know. Choose one from the list, e.g. Asia/Seoul."),
            code="unknown_time_zone",
            params={"value": value},
        )


class Profile(models.Model):
    """What the site shows about a user: the byline of an editor, the name of a reader."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(_("display name"), max_length=80)
    bio = models.TextField(_("bio"), blank=True, max_length=600)
    notify_replies = models.BooleanField(
        _("E-mail me when someone replies to my comments"), default=True
    )
    diary_private = models.BooleanField(
        _("Keep my diary private"),
        default=False,
        help_text=_(
            "Your ratings, watches and reviews show to you alone: not on your profile, "
            "the film pages, feeds or search."
        ),
    )
    # The language the site speaks to them in where no request says it: their e-mails.
    # Empty until they choose one or sign up (signing up records the language they used).
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language of the e-mails we send you, such as reply notifications."),
    )
    # For editors: the admin shows times (the schedule, revisions) in this zone; empty is the
    # site's (settings.TIME_ZONE).
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("The admin shows times in this zone. Empty: the site's time zone."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("readers:profile", kwargs={"username": self.user.get_username()})
