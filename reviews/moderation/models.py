"""What moderators decide, the restrictions they put on readers, the words that hold a
comment for review, and readers' reports on reader reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from reviews.discussion.models import Report


class SanctionQuerySet(models.QuerySet):
    def active(self) -> SanctionQuerySet:
        now = timezone.now()
        return self.filter(lifted_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class Sanction(models.Model):
    """A restriction on a reader: on probation (comments held), muted for a while, or banned."""

    class Kind(models.TextChoices):
        PROBATION = "probation", "On probation"
        MUTE = "mute", "Muted"
        BAN = "ban", "Banned"

    # Probation holds comments for review; the others refuse them.
    REFUSING = (Kind.MUTE, Kind.BAN)

    # Empty once the reader deleted their account: the sanction stays on the record.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="sanctions",
    )
    kind = models.CharField(max_length=10, choices=Kind)
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: no end.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__isnull=True)
                | models.Q(expires_at__gt=models.F("created_at")),
                name="sanction_expires_after_start",
                violation_error_message="A sanction must end after it starts.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.user or 'a deleted account'}"


class ModerationDecision(models.Model):
    """What a moderator (or an automatic rule) decided about a comment, a reader review (a diary
    entry's review text) or a reader, and why. Never changed: the database refuses updates
    (see the migration's trigger)."""

    class Action(models.TextChoices):
        APPROVE = "approve", "Approved"
        REJECT = "reject", "Rejected"
        SPAM = "spam", "Marked as spam"
        REMOVE = "remove", "Removed after publication"
        RESTORE = "restore", "Restored"
        HIDE = "hide", "Hidden after reports"
        UPHOLD_REPORTS = "uphold_reports", "Reports upheld"
        DISMISS_REPORTS = "dismiss_reports", "Reports dismissed"
        SANCTION = "sanction", "Reader sanctioned"
        LIFT_SANCTION = "lift_sanction", "Sanction lifted"

    # No foreign-key constraint: a decision outlives its comment when an editor deletes the
    # review it was on, keeping the comment's id (the record never changes).
    comment = models.ForeignKey(
        "reviews.Comment",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="decisions",
    )
    # The same for a reader review: the decision outlives the entry its reader deletes.
    entry = models.ForeignKey(
        "reviews.DiaryEntry",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="decisions",
    )
    sanction = models.ForeignKey(
        Sanction, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_decisions",
        help_text="Empty for automatic decisions and for moderators who deleted their account.",
    )
    # Set, with the moderator emptied, by the one change the database allows: deleting the
    # moderator's account (services.account_delete).
    moderator_deleted = models.BooleanField(default=False)
    action = models.CharField(max_length=20, choices=Action)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10, blank=True)
    reason = models.CharField(max_length=300, blank=True, help_text="Shown to the author.")
    note = models.TextField(blank=True, help_text="For moderators only.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(comment__isnull=False)
                | models.Q(entry__isnull=False)
                | models.Q(sanction__isnull=False),
                name="decision_is_about_something",
            ),
            # A decision about content is about one comment or one reader review, never both.
            models.CheckConstraint(
                condition=models.Q(comment__isnull=True) | models.Q(entry__isnull=True),
                name="decision_on_comment_or_entry",
            ),
            models.CheckConstraint(
                condition=models.Q(moderator__isnull=True) | models.Q(moderator_deleted=False),
                name="decision_deleted_moderator_is_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.decided_by}"

    @property
    def decided_by(self) -> str:
        """Who decided, as the record names them."""
        if self.moderator_deleted:
            return "a deleted account"
        return self.moderator.get_username() if self.moderator else "automatic"


class BlockedTerm(models.Model):
    """A word or phrase that holds a comment for review (whole words, any case)."""

    phrase = models.CharField(max_length=100, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["phrase"]

    def __str__(self) -> str:
        return self.phrase


class ReaderReviewReport(Report):
    """A reader's report on another reader's review, as CommentReport is on a comment."""

    entry = models.ForeignKey(
        "reviews.DiaryEntry", on_delete=models.CASCADE, related_name="reports", db_index=False
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_review_reports"
    )

    class Meta:
        indexes = [
            # Open reports are the few the desk reads.
            models.Index(
                fields=["entry"], condition=models.Q(resolution="open"), name="entry_report_open"
            ),
        ]
        constraints = [
            # Its index serves the entry's reports (and the entry's deletion) too.
            models.UniqueConstraint(fields=["entry", "reporter"], name="entry_report_once"),
            models.CheckConstraint(
                condition=~models.Q(reason="other") | ~models.Q(note=""),
                name="entry_report_other_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: reader review {self.entry_id}"
