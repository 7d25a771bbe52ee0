"""How far a signed-in reader has watched a film (anonymous readers keep it in a cookie)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from films.models import Film


class WatchProgress(models.Model):
    """A reader is `position` seconds into a film, or has finished it. Things tagged after
    their position are collapsed for them (reviews/spoilers)."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="watch_progress",
        verbose_name=_("reader"),
    )
    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="+", verbose_name=_("film")
    )
    position = models.PositiveIntegerField(_("watched up to"), null=True, blank=True)
    finished = models.BooleanField(_("finished"), default=False)
    # The reader turned the gate off for this film: nothing is collapsed (their position is
    # kept, for when they turn it on again).
    gate_off = models.BooleanField(_("spoiler gate off"), default=False, db_default=False)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("watch progress")
        verbose_name_plural = _("watch progress")
        constraints = [
            models.UniqueConstraint(fields=["reader", "film"], name="watch_progress_once"),
            models.CheckConstraint(
                condition=models.Q(finished=True)
                | models.Q(position__isnull=False)
                | models.Q(gate_off=True),
                name="watch_progress_says_how_far",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reader} · {self.film}"
