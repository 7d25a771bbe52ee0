"""What the site knows about a person beyond their account: their name and preferences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class Profile(models.Model):
    """What the site shows about a user: the byline of an editor, the name of a reader."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(max_length=80)
    bio = models.TextField(blank=True, max_length=600)
    notify_replies = models.BooleanField(
        "E-mail me when someone replies to my comments", default=True
    )
    diary_private = models.BooleanField(
        "Keep my diary private",
        default=False,
        help_text="Your ratings, watches and reviews show to you alone: not on your profile, "
        "the film pages, feeds or search.",
    )

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("readers:profile", kwargs={"username": self.user.get_username()})
