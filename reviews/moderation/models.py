"""What moderators decide, the restrictions they put on readers, the words that hold a
comment for review, and readers' reports on reader reviews."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from reviews.discussion.models import Comment, Report
from reviews.removals import RemovalCategory


class SanctionQuerySet(models.QuerySet):
    def active(self) -> SanctionQuerySet:
        now = timezone.now()
        return self.filter(lifted_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class Sanction(models.Model):
    """A restriction on a reader: on probation (comments held), muted for a while, or banned."""

    class Kind(models.TextChoices):
        PROBATION = "probation", _("On probation")
        MUTE = "mute", _("Muted")
        BAN = "ban", _("Banned")

    # Probation holds comments for review; the others refuse them.
    REFUSING = (Kind.MUTE, Kind.BAN)

    # Empty once the reader deleted their account: the sanction stays on the record.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="sanctions",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    reason = models.CharField(_("reason"), max_length=300)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(
        _("expires at"), null=True, blank=True, help_text=_("Empty: no end.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lifted by"),
    )

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__isnull=True)
                | models.Q(expires_at__gt=models.F("created_at")),
                name="sanction_expires_after_start",
                violation_error_message=_("A sanction must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        if self.user is None:
            return gettext("%(kind)s: a deleted account") % {"kind": self.get_kind_display()}
        return f"{self.get_kind_display()}: {self.user}"


class ModerationDecision(models.Model):
    """What a moderator (or an automatic rule) decided about a comment, a reader review (a diary
    entry's review text) or a reader, and why. Never changed: the database refuses updates
    (see the migration's trigger)."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")
        SPAM = "spam", _("Marked as spam")
        REMOVE = "remove", _("Removed after publication")
        RESTORE = "restore", _("Restored")
        HIDE = "hide", _("Hidden after reports")
        UPHOLD_REPORTS = "uphold_reports", _("Reports upheld")
        DISMISS_REPORTS = "dismiss_reports", _("Reports dismissed")
        SANCTION = "sanction", _("Reader sanctioned")
        LIFT_SANCTION = "lift_sanction", _("Sanction lifted")
        # An author's appeal against a removal, decided by another moderator (reviews/appeals).
        APPEAL_GRANT = "appeal_grant", _("Appeal granted")
        APPEAL_DENY = "appeal_deny", _("Appeal denied")

    # Decisions that take a published comment or reader review down: each names a category.
    TAKING_DOWN = (Action.REMOVE, Action.SPAM, Action.UPHOLD_REPORTS)

    # No foreign-key constraint: a decision outlives its comment when an editor deletes the
    # review it was on, keeping the comment's id (the record never changes).
    comment = models.ForeignKey(
        "reviews.Comment",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="decisions",
        verbose_name=_("comment"),
    )
    # The same for a reader review: the decision outlives the entry its reader deletes.
    entry = models.ForeignKey(
        "reviews.DiaryEntry",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="decisions",
        verbose_name=pgettext_lazy("diary entry", "entry"),
    )
    sanction = models.ForeignKey(
        Sanction,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("sanction"),
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_decisions",
        verbose_name=_("moderator"),
        help_text=_("Empty for automatic decisions and for moderators who deleted their account."),
    )
    # Set, with the moderator emptied, by the one change the database allows: deleting the
    # moderator's account (services.account_delete).
    moderator_deleted = models.BooleanField(_("moderator deleted"), default=False)
    action = models.CharField(_("action"), max_length=20, choices=Action)
    from_status = models.CharField(_("from status"), max_length=10, blank=True)
    to_status = models.CharField(_("to status"), max_length=10, blank=True)
    reason = models.CharField(
        _("reason"), max_length=300, blank=True, help_text=_("Shown to the author.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("For moderators only."))
    # Why it was taken down, for everyone (its tombstone and the public log); empty for other
    # decisions and for those recorded before categories existed.
    category = models.CharField(
        _("category"), max_length=12, choices=RemovalCategory, blank=True, db_default=""
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
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
        return gettext("%(decision)s by %(who)s") % {
            "decision": self.get_action_display(),
            "who": self.decided_by,
        }

    @property
    def decided_by(self) -> str:
        """Who decided, as the record names them."""
        if self.moderator_deleted:
            return gettext("a deleted account")
        return self.moderator.get_username() if self.moderator else gettext("automatic")

    @property
    def note_shown(self) -> str:
        """The note in the moderator's language when an automatic rule wrote it."""
        from reviews.moderation.reasons import shown  # reasons reads Sanction's kinds

        return shown(self.note)

    # The statuses are a comment's (a reader review's are the same), kept as their values and
    # shown in the log as lowercase words.
    @property
    def from_status_label(self) -> str:
        return str(_STATUS_WORDS.get(self.from_status, self.from_status))

    @property
    def to_status_label(self) -> str:
        return str(_STATUS_WORDS.get(self.to_status, self.to_status))


_STATUS_WORDS = {
    Comment.Status.PENDING: pgettext_lazy("decision log status", "pending"),
    Comment.Status.APPROVED: pgettext_lazy("decision log status", "approved"),
    Comment.Status.REJECTED: pgettext_lazy("decision log status", "rejected"),
    Comment.Status.SPAM: pgettext_lazy("decision log status", "spam"),
    Comment.Status.REMOVED: pgettext_lazy("decision log status", "removed"),
}

# What a moderator is told a decision did, on the desk and in the admin.
DECISION_DONE = {
    ModerationDecision.Action.APPROVE: pgettext_lazy("decision done", "Approved"),
    ModerationDecision.Action.REJECT: pgettext_lazy("decision done", "Rejected"),
    ModerationDecision.Action.SPAM: pgettext_lazy("decision done", "Marked as spam"),
    ModerationDecision.Action.REMOVE: pgettext_lazy("decision done", "Removed"),
    ModerationDecision.Action.RESTORE: pgettext_lazy("decision done", "Restored"),
    ModerationDecision.Action.UPHOLD_REPORTS: _("Reports upheld, comment removed"),
    ModerationDecision.Action.DISMISS_REPORTS: _("Reports dismissed, comment published"),
}


class BlockedTerm(models.Model):
    """A word or phrase that holds a comment for review (whole words, any case)."""

    phrase = models.CharField(_("phrase"), max_length=100, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("blocked term")
        verbose_name_plural = _("blocked terms")

    def __str__(self) -> str:
        return self.phrase


class ReaderReviewReport(Report):
    """A reader's report on another reader's review, as CommentReport is on a comment."""

    entry = models.ForeignKey(
        "reviews.DiaryEntry",
        on_delete=models.CASCADE,
        related_name="reports",
        db_index=False,
        verbose_name=pgettext_lazy("diary entry", "entry"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reader_review_reports",
        verbose_name=_("reporter"),
    )

    class Meta:
        verbose_name = _("reader review report")
        verbose_name_plural = _("reader review reports")
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
        return gettext("%(reason)s: reader review %(id)s") % {
            "reason": self.get_reason_display(),
            "id": self.entry_id,
        }
