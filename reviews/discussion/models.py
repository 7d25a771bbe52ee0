"""Readers' comments under review articles and under reader reviews (diary entries): threads,
likes, reports and earlier texts."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from films.timecodes import IN_TEXT
from reviews.discussion.texts import fingerprint
from reviews.markdown import render_comment
from reviews.removals import RemovalCategory

# What a comment can be under: exactly one of them (reviews/discussion/subjects.py).
SUBJECTS = ("review", "entry", "scene", "premiere")


def exactly_one(*fields: str) -> models.Q:
    """Exactly one of the foreign keys `fields` is set."""
    condition = models.Q()
    for chosen in fields:
        condition |= models.Q(**{f"{field}__isnull": field != chosen for field in fields})
    return condition


class CommentQuerySet(models.QuerySet):
    def same_text(self, *, author, body: str, since: datetime) -> CommentQuerySet:
        """The author's comments since then that say what `body` says (see `normalise`): one
        look-up in the (author, fingerprint, created_at) index, however much they post."""
        return self.filter(author=author, body_fingerprint=fingerprint(body), created_at__gte=since)

    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def public(self) -> CommentQuerySet:
        """What every reader sees: approved, not withdrawn, by an account that still exists."""
        return self.filter(Comment.visible_to(AnonymousUser()))

    def pending(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    def held(self) -> CommentQuerySet:
        """Held comments a moderator has to look at: those of deleted accounts are not."""
        return self.pending().filter(author__isnull=False)

    def reported(self) -> CommentQuerySet:
        """Published comments with reports no moderator has closed yet."""
        # A semi-join rather than a join with DISTINCT: each comment once, whatever the number
        # of reports, so the queue can add it to the held comments with UNION ALL.
        open_reports = CommentReport.objects.filter(
            comment=models.OuterRef("pk"), resolution=CommentReport.Resolution.OPEN
        )
        return self.filter(
            models.Exists(open_reports), status=Comment.Status.APPROVED, author__isnull=False
        )

    def in_queue(self) -> CommentQuerySet:
        """What the moderation desk works through: held comments and reported ones."""
        # Two index-friendly id lists joined by UNION ALL: an OR across the two conditions makes
        # PostgreSQL scan every comment.
        held = Comment.objects.held().values("pk")
        reported = CommentReport.objects.filter(
            resolution=CommentReport.Resolution.OPEN,
            comment__status=Comment.Status.APPROVED,
            comment__author__isnull=False,
        ).values("comment_id")
        return self.filter(pk__in=held.union(reported, all=True))

    def visible_to(self, user) -> CommentQuerySet:
        """Approved comments, plus the reader's own comments still awaiting moderation."""
        return self.filter(Comment.visible_to(user))


class Comment(models.Model):
    """A reader's comment on a review article or on a reader review (exactly one of the two:
    its discussion's subject, reviews/discussion/subjects.py); replies thread to MAX_DEPTH
    levels."""

    MAX_DEPTH = 3

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")

    # Held or refused: shown to their author, with the moderator's reason, and to nobody else.
    SHOWN_TO_AUTHOR_ALONE = (Status.PENDING, Status.REJECTED, Status.REMOVED)
    # Taken down after publication, these leave a tombstone (removal_category, removed_at).
    TAKEN_DOWN = (Status.REMOVED, Status.SPAM)
    # What its author may still edit, within the edit window.
    EDITABLE = (Status.APPROVED, Status.PENDING)

    review = models.ForeignKey(
        "reviews.Review", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    # A comment under a reader review. Indexed by comment_entry_counts alone (partial: most
    # comments are on review articles).
    entry = models.ForeignKey(
        "reviews.DiaryEntry",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
        db_index=False,
    )
    # A comment in a scene's thread, or in a premiere's live thread (issue 16).
    scene = models.ForeignKey(
        "films.Scene", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    premiere = models.ForeignKey(
        "films.Premiere",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    # A reader's note on one paragraph of the review article (reviews/notes): the paragraph,
    # and its text as the reader saw it, kept when the paragraph changes or goes.
    paragraph = models.ForeignKey(
        "reviews.ReviewParagraph",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notes",
    )
    quoted_text = models.TextField(blank=True, db_default="")
    quoted_hash = models.CharField(max_length=16, blank=True, db_default="")
    # The point in the film the comment is about, in seconds (films/timecodes.py); readers who
    # have not watched that far see it collapsed (reviews/spoilers).
    timecode = models.PositiveIntegerField(null=True, blank=True)
    contains_spoilers = models.BooleanField(default=False, db_default=False)
    # No index of its own: the (author, fingerprint, created_at) index below starts with it.
    # Empty once the author deleted their account: the comment stays as a placeholder, so
    # replies to it and the moderation record keep their place (services.account_delete).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        db_index=False,
    )
    # The top-level comment of the thread; empty for a top-level comment itself.
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="thread_comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The comment this one answers; differs from `parent` when a reply at the deepest level
    # attaches beside the comment it answers.
    in_reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=1)
    body = models.TextField()
    body_html = models.TextField(editable=False, default="")
    # `fingerprint(body)`, kept by save() like body_html. Rows loaded in bulk around save()
    # (bench seed) get the database default, empty, and never count as the same text.
    body_fingerprint = models.CharField(max_length=16, editable=False, db_default="")
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    held_reason = models.CharField(max_length=200, blank=True)
    # The moderator's reason for leaving it rejected or removed; shown to its author alone.
    moderation_reason = models.CharField(max_length=300, blank=True, db_default="")
    # Its tombstone (see TAKEN_DOWN): why, for every reader, and when; both empty otherwise.
    removal_category = models.CharField(
        max_length=12, choices=RemovalCategory, blank=True, db_default=""
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    like_count = models.PositiveIntegerField(default=0)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["review", "status", "depth", "created_at"]),
            models.Index(fields=["status", "created_at"]),
            # The held half of the moderation queue, oldest first, read from the index alone
            # (review_id for the queue's review filter): a thousand entries, not 200,000.
            models.Index(
                fields=["created_at", "id"],
                include=["review"],
                condition=models.Q(status="pending", author__isnull=False),
                name="comment_held_oldest_first",
            ),
            # A discussion's thread and comment counts (its page shows both), counted in the
            # index alone, no row read. Readers' notes on paragraphs are not in the discussion.
            models.Index(
                fields=["review", "status"],
                include=["author", "root", "deleted_at", "id", "removed_at"],
                condition=models.Q(paragraph__isnull=True),
                name="comment_review_counts",
            ),
            # The same for a reader review's discussion (and its entry's deletion).
            models.Index(
                fields=["entry", "status"],
                include=["author", "root", "deleted_at", "id", "removed_at"],
                condition=models.Q(entry__isnull=False),
                name="comment_entry_counts",
            ),
            # An author's approved and refused counts on the desk, counted in the index alone.
            models.Index(fields=["author", "status"], name="comment_author_status"),
            # The duplicate check and the repeated-text rules (`same_text`).
            models.Index(
                fields=["author", "body_fingerprint", "created_at"],
                name="comment_author_text_idx",
            ),
        ]
        permissions = [("moderate_comment", "Can moderate comments on the moderation desk")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(depth__range=(1, 3)), name="comment_depth_range"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(depth=1, parent__isnull=True, root__isnull=True)
                    | models.Q(depth__gt=1, parent__isnull=False, root__isnull=False)
                ),
                name="comment_replies_have_parent_and_root",
            ),
            models.CheckConstraint(
                condition=exactly_one(*SUBJECTS), name="comment_has_one_subject"
            ),
            models.CheckConstraint(
                condition=models.Q(paragraph__isnull=True) | models.Q(review__isnull=False),
                name="comment_notes_are_on_reviews",
            ),
            models.CheckConstraint(
                condition=models.Q(removed_at__isnull=True, removal_category="")
                | models.Q(removed_at__isnull=False, status__in=["removed", "spam"])
                & ~models.Q(removal_category=""),
                name="comment_tombstone_when_taken_down",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Comment %(pk)s by %(author)s on %(subject)s") % {
            "pk": self.pk,
            "author": self.author or gettext("a deleted account"),
            "subject": self.subject,
        }

    def save(self, *args, **kwargs) -> None:
        # The subject's film only when the text names a time (it becomes a link to a scene).
        film = getattr(self.subject, "film", None) if IN_TEXT.search(self.body) else None
        self.body_html = render_comment(self.body, film=film)
        self.body_fingerprint = fingerprint(self.body)
        if (update_fields := kwargs.get("update_fields")) and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "body_fingerprint"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("discussion:comment-permalink", kwargs={"pk": self.pk})

    @classmethod
    def visible_to(cls, user) -> models.Q:
        """Comments shown in full to `user`: published ones, and the reader's own comments that
        wait for a moderator or that a moderator refused (with the reason, to them alone).
        Never a comment its author deleted, nor one of a deleted account."""
        visible = models.Q(status=cls.Status.APPROVED)
        if user.is_authenticated:
            visible |= models.Q(author_id=user.pk, status__in=cls.SHOWN_TO_AUTHOR_ALONE)
        return visible & models.Q(deleted_at__isnull=True, author__isnull=False)

    @property
    def subject(self):
        """What the comment is under: a review article, a diary entry, a scene or a premiere."""
        for field in SUBJECTS:
            if getattr(self, f"{field}_id"):
                return getattr(self, field)
        return None

    @property
    def subject_title(self) -> str:
        """The subject as a reader names it: a headline, a scene, or whose review of what."""
        if self.review_id:
            return self.review.headline
        if self.scene_id:
            film = self.scene.film.title
            return gettext("Scene %(scene)s of %(film)s") % {"scene": self.scene, "film": film}
        if self.premiere_id:
            return gettext("Premiere of %(film)s") % {"film": self.premiere.film.title}
        entry = self.entry
        profile = getattr(entry.reader, "profile", None)
        name = (profile.display_name if profile else "") or entry.reader.get_username()
        return gettext("%(name)s's review of %(film)s") % {"name": name, "film": entry.film.title}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def editable_until(self):
        return self.created_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)


class CommentRevision(models.Model):
    """An earlier text of an edited comment, kept for moderators."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return gettext("Earlier text of comment %(pk)s") % {"pk": self.comment_id}


class CommentLike(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_likes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="comment_like_once")
        ]

    def __str__(self) -> str:
        return gettext("%(user)s likes comment %(pk)s") % {"user": self.user, "pk": self.comment_id}


class Report(models.Model):
    """What a reader's report says and how the desk closed it, whatever it is on: a comment
    (CommentReport) or a reader review (moderation's ReaderReviewReport). Each adds what it is
    on, its reporter, and its own indexes and constraints."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        HARASSMENT = "harassment", _("Harassment or abuse")
        SPOILERS = "spoilers", _("Unmarked spoilers")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    class Resolution(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld")
        DISMISSED = "dismissed", _("Dismissed")

    reason = models.CharField(max_length=20, choices=Reason)
    note = models.TextField(blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    resolution = models.CharField(max_length=10, choices=Resolution, default=Resolution.OPEN)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class CommentReport(Report):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports"
    )

    class Meta:
        indexes = [
            models.Index(fields=["comment", "resolution"]),
            # Open reports are the few the desk reads; closed ones pile up and stay out of it.
            models.Index(
                fields=["comment"], condition=models.Q(resolution="open"), name="report_open"
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="comment_report_once"),
            models.CheckConstraint(
                condition=~models.Q(reason="other") | ~models.Q(note=""),
                name="comment_report_other_has_note",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(reason)s: comment %(pk)s") % {
            "reason": self.get_reason_display(),
            "pk": self.comment_id,
        }
