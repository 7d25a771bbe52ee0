from __future__ import annotations

import hashlib
import math
import unicodedata
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from films.models import Film
from reviews.markdown import render_article, render_comment

WORDS_READ_PER_MINUTE = 230


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

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("reviews:reader-profile", kwargs={"username": self.user.get_username()})


class ReviewQuerySet(models.QuerySet):
    def published(self) -> ReviewQuerySet:
        """Reviews a reader may see now: scheduled ones appear by themselves when due."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__lte=timezone.now())

    def drafts(self) -> ReviewQuerySet:
        return self.filter(status=Review.Status.DRAFT)

    def scheduled(self) -> ReviewQuerySet:
        """Published by an editor, but not due yet."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__gt=timezone.now())

    def for_listing(self) -> ReviewQuerySet:
        """The plan for review cards: film and author byline in the same query."""
        # A correlated subquery rather than a JOIN + GROUP BY: it counts only for the rows
        # shown, and leaves the model's ordering alone.
        approved_comments = (
            Comment.objects.public()
            .filter(review=models.OuterRef("pk"))
            .order_by()
            .values("review")
            .annotate(total=models.Count("pk"))
            .values("total")
        )
        return (
            self.select_related("film", "author__profile")
            .defer("body", "body_html")
            .annotate(comment_count=Coalesce(models.Subquery(approved_comments), 0))
        )


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    film = models.ForeignKey(Film, on_delete=models.PROTECT, related_name="reviews")
    headline = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    standfirst = models.CharField(
        max_length=300, help_text="One or two sentences shown under the headline and in lists."
    )
    body = models.TextField(help_text="Markdown: ## headings, *emphasis*, links, lists, > quotes.")
    body_html = models.TextField(editable=False, default="")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reviews",
        limit_choices_to={"groups__name": "Editors"},
    )
    rating = models.PositiveSmallIntegerField(help_text="From 1 to 10; shown as five stars.")
    contains_spoilers = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When a published review goes live. A future time schedules it.",
    )
    reading_time = models.PositiveSmallIntegerField(editable=False, default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # For the site search: headline above standfirst above body (the Markdown source).
    search_vector = models.GeneratedField(
        expression=(
            SearchVector("headline", config="english", weight="A")
            + SearchVector("standfirst", config="english", weight="B")
            + SearchVector("body", config="english", weight="C")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        indexes = [GinIndex(fields=["search_vector"], name="review_search_vector")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__range=(1, 10)),
                name="review_rating_range",
                violation_error_message="The rating must be from 1 to 10.",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(publish_at__isnull=False),
                name="review_published_has_publish_at",
                violation_error_message="A published review needs a publication time.",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        # Derived from the body of this same row, so each page view need not redo it.
        self.body_html = render_article(self.body)
        self.reading_time = max(1, math.ceil(len(self.body.split()) / WORDS_READ_PER_MINUTE))
        if (update_fields := kwargs.get("update_fields")) and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_time"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reviews:review-detail", kwargs={"slug": self.slug})

    def get_preview_url(self) -> str:
        return reverse("reviews:review-preview", kwargs={"pk": self.pk})

    def own_activity(self, user) -> str | None:
        """None if `user` has neither commented here (in any state) nor liked a comment
        here: the discussion then looks the same to them as to every such reader. Otherwise
        a mark that changes whenever they post here, held comments included."""
        # One statement, written out: asked on every signed-in reader's view of a review,
        # where building the same through the ORM cost more than running it.
        with connection.cursor() as cursor:
            cursor.execute(_OWN_ACTIVITY_SQL, {"review": self.pk, "user": user.pk})
            last_comment, liked = cursor.fetchone()
        return None if last_comment is None and not liked else f"{last_comment}"

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def stars(self) -> float:
        """The 1-10 rating as five stars with halves."""
        return self.rating / 2


def normalise(text: str) -> str:
    """Compare text the way readers see it: composed Unicode, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprint(text: str) -> str:
    """A short digest of the normalised text: equal for texts a reader would call the same.

    64 bits: the rules compare it only among one author's recent comments, where a chance
    collision is out of reach."""
    return hashlib.blake2b(normalise(text).encode(), digest_size=8).hexdigest()


DISCUSSION_FIELDS = [
    *("review_id", "author_id", "root_id", "parent_id", "in_reply_to_id", "depth", "status"),
    *("body_html", "like_count", "created_at", "edited_at", "deleted_at", "moderation_reason"),
    *("author__username", "author__profile__display_name"),
    *("in_reply_to__author__username", "in_reply_to__author__profile__display_name"),
]


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
        return self.filter(status=Comment.Status.PENDING, author__isnull=False)

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
        # Two index-friendly id lists joined by UNION ALL: an OR across the two conditions made
        # PostgreSQL scan every comment (make bench: ~70 ms against ~7 ms at 200,000 comments).
        held = Comment.objects.held().values("pk")
        reported = CommentReport.objects.filter(
            resolution=CommentReport.Resolution.OPEN,
            comment__status=Comment.Status.APPROVED,
            comment__author__isnull=False,
        ).values("comment_id")
        return self.filter(pk__in=held.union(reported, all=True))

    def for_discussion(self) -> CommentQuerySet:
        """What a comment in a thread shows, with its author's and the answered author's
        names, and nothing more: a page loads a hundred of these, and each unused column
        costs in the query's compilation and in building the objects."""
        return self.select_related("author__profile", "in_reply_to__author__profile").only(
            *DISCUSSION_FIELDS
        )

    def visible_to(self, user) -> CommentQuerySet:
        """Approved comments, plus the reader's own comments still awaiting moderation."""
        return self.filter(Comment.visible_to(user))


class Comment(models.Model):
    """A reader's comment on a review; replies thread to MAX_DEPTH levels."""

    MAX_DEPTH = 3

    class Status(models.TextChoices):
        PENDING = "pending", "Awaiting moderation"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    # Held or refused: shown to their author, with the moderator's reason, and to nobody else.
    SHOWN_TO_AUTHOR_ALONE = (Status.PENDING, Status.REJECTED, Status.REMOVED)
    # What its author may still edit, within the edit window.
    EDITABLE = (Status.APPROVED, Status.PENDING)

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="comments")
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
    # The top-level comment of the thread (itself for a top-level one once saved: see `thread`).
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
    # The reason a moderator gave with the decision that left the comment in its status
    # (rejected or removed); shown to its author alone.
    moderation_reason = models.CharField(max_length=300, blank=True)
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
            # index alone, no row read.
            models.Index(
                fields=["review", "status"],
                include=["author", "root", "deleted_at", "id"],
                name="comment_review_counts",
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
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} by {self.author or 'a deleted account'} on {self.review}"

    def save(self, *args, **kwargs) -> None:
        self.body_html = render_comment(self.body)
        self.body_fingerprint = fingerprint(self.body)
        if (update_fields := kwargs.get("update_fields")) and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "body_fingerprint"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reviews:comment-permalink", kwargs={"pk": self.pk})

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
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def editable_until(self):
        return self.created_at + timedelta(minutes=settings.COMMENT_EDIT_MINUTES)

    def can_be_edited_by(self, user) -> bool:
        return (
            user.is_authenticated
            and user.pk == self.author_id
            and not self.is_deleted
            and self.status in self.EDITABLE
            and timezone.now() <= self.editable_until()
        )


class CommentRevision(models.Model):
    """An earlier text of an edited comment, kept for moderators."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Earlier text of comment {self.comment_id}"


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
        return f"{self.user} likes comment {self.comment_id}"


class CommentReport(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", "Spam"
        HARASSMENT = "harassment", "Harassment or abuse"
        SPOILERS = "spoilers", "Unmarked spoilers"
        OFF_TOPIC = "off_topic", "Off topic"
        OTHER = "other", "Something else"

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_reports"
    )

    class Resolution(models.TextChoices):
        OPEN = "open", "Open"
        UPHELD = "upheld", "Upheld"
        DISMISSED = "dismissed", "Dismissed"

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
        return f"{self.get_reason_display()}: comment {self.comment_id}"


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
    """What a moderator (or an automatic rule) decided about a comment, and why. Never changed:
    the database refuses updates (see the migration's trigger)."""

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
        Comment,
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
                condition=models.Q(comment__isnull=False) | models.Q(sanction__isnull=False),
                name="decision_is_about_something",
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


_OWN_ACTIVITY_SQL = f"""
    SELECT (
        SELECT max(id) FROM {Comment._meta.db_table}
        WHERE review_id = %(review)s AND author_id = %(user)s
    ), EXISTS (
        SELECT 1 FROM {CommentLike._meta.db_table} AS liked
        JOIN {Comment._meta.db_table} AS comment ON comment.id = liked.comment_id
        WHERE liked.user_id = %(user)s AND comment.review_id = %(review)s
    )
"""
