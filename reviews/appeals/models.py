"""An author's appeal against the removal of their comment or reader review, decided on the
desk by a moderator other than the one who removed it."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reviews.discussion.models import exactly_one

# How long after the decision that removed it an author may appeal, and what they may write.
APPEAL_WINDOW = timedelta(days=14)
APPEAL_MAX_LENGTH = 1000


class AppealQuerySet(models.QuerySet):
    def open(self) -> AppealQuerySet:
        """Appeals no moderator has decided yet, oldest first: the desk's queue."""
        return self.filter(status=Appeal.Status.OPEN).order_by("created_at", "pk")


class Appeal(models.Model):
    """One appeal per removal decision, about exactly one comment or reader review."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("appeal", "Open")
        GRANTED = "granted", pgettext_lazy("appeal", "Granted")
        DENIED = "denied", pgettext_lazy("appeal", "Denied")

    # The decision that took the item down (never deleted: the record is kept by a trigger).
    decision = models.ForeignKey(
        "reviews.ModerationDecision",
        on_delete=models.PROTECT,
        related_name="appeals",
        verbose_name=_("removal decision"),
    )
    comment = models.ForeignKey(
        "reviews.Comment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="appeals",
        verbose_name=_("comment"),
    )
    entry = models.ForeignKey(
        "reviews.DiaryEntry",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="appeals",
        verbose_name=pgettext_lazy("diary entry", "entry"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="appeals",
        verbose_name=_("author"),
    )
    text = models.TextField(_("appeal"), max_length=APPEAL_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.OPEN, db_default=Status.OPEN
    )
    # Copied from the removal decision, so that the database itself can refuse to let the
    # moderator who removed the item decide its appeal. Emptied if their account is deleted.
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("removed by"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    outcome_reason = models.CharField(
        _("outcome reason"), max_length=300, blank=True, help_text=_("Shown to the author.")
    )

    objects = AppealQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        indexes = [
            models.Index(
                fields=["created_at"], condition=models.Q(status="open"), name="appeal_open"
            ),
            models.Index(fields=["comment"], name="appeal_comment"),
            models.Index(fields=["entry"], name="appeal_entry"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["decision"], name="appeal_once_per_removal"),
            models.CheckConstraint(
                condition=exactly_one("comment", "entry"), name="appeal_about_one_item"
            ),
            models.CheckConstraint(
                condition=~models.Q(decided_by=models.F("removed_by")),
                name="appeal_decided_by_another_moderator",
                violation_error_message=_("The moderator who removed it cannot decide its appeal."),
            ),
            # decided_by is not in it: a moderator's deleted account empties it afterwards.
            models.CheckConstraint(
                condition=models.Q(status="open", decided_at__isnull=True, decided_by__isnull=True)
                | (~models.Q(status="open") & models.Q(decided_at__isnull=False)),
                name="appeal_decided_iff_closed",
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="appeal_has_text"),
        ]

    def __str__(self) -> str:
        return _("Appeal %(id)s (%(status)s)") % {
            "id": self.pk,
            "status": self.get_status_display(),
        }

    @property
    def item(self):
        """The comment or the reader review appealed for."""
        return self.comment if self.comment_id else self.entry
