"""State changes with rules: every caller (admin, views, commands) goes through these."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from reviews.models import (
    Comment,
    CommentLike,
    CommentReport,
    CommentRevision,
    Profile,
    Review,
    Sanction,
)


@transaction.atomic
def review_publish(*, review: Review, at: datetime | None = None) -> Review:
    """Publish a review now, or schedule it for `at`.

    A review already scheduled keeps its time unless `at` is given; a draft with no time
    goes live now.
    """
    review.status = Review.Status.PUBLISHED
    if at is not None:
        review.publish_at = at
    elif review.publish_at is None:
        review.publish_at = timezone.now()
    review.full_clean()
    review.save(update_fields=["status", "publish_at", "updated_at"])
    return review


@transaction.atomic
def review_unpublish(*, review: Review) -> Review:
    """Take a review back to draft; it disappears from every public page at once."""
    review.status = Review.Status.DRAFT
    review.save(update_fields=["status", "updated_at"])
    return review


# --- Discussion -------------------------------------------------------------------------


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _rate_limited(scope: str, ident: object, limit: tuple[int, int]) -> bool:
    """Count one more post in the current window of the shared cache; True when over."""
    count, seconds = limit
    key = f"ratelimit:comment:{scope}:{ident}:{int(time.time() // seconds)}"
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) > count
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, timeout=seconds)
        return False


def active_sanction(user: User) -> Sanction | None:
    return Sanction.objects.active().filter(user=user).order_by("-kind").first()


def sanction_message(sanction: Sanction) -> str:
    until = (
        f" until {timezone.localtime(sanction.expires_at):%-d %B %Y, %H:%M}"
        if sanction.expires_at
        else ""
    )
    return (
        f"You cannot post: {sanction.get_kind_display().lower()}{until}. Reason: {sanction.reason}"
    )


def initial_status(*, comment: Comment) -> tuple[str, str]:
    """Decide whether a new comment is published at once or held, and say which rule held it.

    The one place where moderation rules plug in; for now every comment is published.
    """
    return Comment.Status.APPROVED, ""


@transaction.atomic
def comment_create(
    *,
    review: Review,
    author: User,
    body: str,
    parent: Comment | None = None,
    ip_address: str | None = None,
) -> Comment:
    """Post a comment or a reply, after the abuse controls; replies deeper than the limit
    attach beside the comment they answer and name it."""
    body = body.strip()
    if not review.is_public:
        raise _refuse("This review is not open for comments.", "review_closed")
    if sanction := active_sanction(author):
        raise _refuse(sanction_message(sanction), "sanctioned")
    if not body:
        raise _refuse("Write something before posting.", "empty")
    if len(body) > settings.COMMENT_MAX_LENGTH:
        raise _refuse(
            f"Keep it under {settings.COMMENT_MAX_LENGTH:,} characters (this is {len(body):,}).",
            "too_long",
        )
    if parent is not None:
        if parent.review_id != review.pk:
            raise _refuse("You can only reply to a comment on the same review.", "wrong_review")
        if parent.is_deleted or parent.status != Comment.Status.APPROVED:
            raise _refuse("The comment you replied to is no longer available.", "parent_gone")
    window = timezone.now() - timedelta(minutes=settings.COMMENT_DUPLICATE_MINUTES)
    if Comment.objects.filter(author=author, body=body, created_at__gte=window).exists():
        raise _refuse("You posted this same text a moment ago.", "duplicate")
    if _rate_limited("user", author.pk, settings.COMMENT_RATE_LIMIT_PER_USER) or (
        ip_address and _rate_limited("ip", ip_address, settings.COMMENT_RATE_LIMIT_PER_IP)
    ):
        raise _refuse("You are posting too fast. Wait a minute and try again.", "rate_limited")

    comment = Comment(review=review, author=author, body=body, ip_address=ip_address)
    if parent is not None:
        comment.in_reply_to = parent
        comment.root_id = parent.root_id or parent.pk
        if parent.depth >= Comment.MAX_DEPTH:
            comment.parent_id, comment.depth = parent.parent_id, parent.depth
        else:
            comment.parent, comment.depth = parent, parent.depth + 1
    comment.status, comment.held_reason = initial_status(comment=comment)
    comment.save()
    if comment.status == Comment.Status.APPROVED:
        _notify_reply(comment)
    return comment


def _notify_reply(comment: Comment) -> None:
    """Tell the author of the comment answered, once this transaction has committed."""
    answered = comment.in_reply_to
    if answered is None or answered.author_id == comment.author_id:
        return
    from reviews.tasks import send_reply_notification

    transaction.on_commit(lambda: send_reply_notification.enqueue(comment_id=comment.pk))


@transaction.atomic
def comment_edit(*, comment: Comment, user: User, body: str) -> Comment:
    """The author corrects their comment within the edit window; the old text is kept."""
    if comment.author_id != user.pk:
        raise PermissionDenied("You can only edit your own comments.")
    if comment.is_deleted:
        raise _refuse("A deleted comment cannot be edited.", "deleted")
    if timezone.now() > comment.editable_until():
        raise _refuse(
            f"Comments can be edited for {settings.COMMENT_EDIT_MINUTES} minutes after posting.",
            "edit_window_closed",
        )
    body = body.strip()
    if not body:
        raise _refuse("Write something, or delete the comment instead.", "empty")
    if len(body) > settings.COMMENT_MAX_LENGTH:
        raise _refuse(f"Keep it under {settings.COMMENT_MAX_LENGTH:,} characters.", "too_long")
    if body == comment.body:
        return comment
    CommentRevision.objects.create(comment=comment, body=comment.body)
    comment.body, comment.edited_at = body, timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, user: User) -> Comment:
    """The author withdraws their comment; a placeholder keeps the replies readable."""
    if comment.author_id != user.pk:
        raise PermissionDenied("You can only delete your own comments.")
    if not comment.is_deleted:
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["deleted_at"])
    return comment


@transaction.atomic
def comment_like(*, comment: Comment, user: User) -> Comment:
    if comment.status != Comment.Status.APPROVED or comment.is_deleted:
        raise _refuse("This comment cannot be liked.", "not_likeable")
    if comment.author_id == user.pk:
        raise _refuse("You cannot like your own comment.", "own_comment")
    _, created = CommentLike.objects.get_or_create(comment=comment, user=user)
    if not created:
        raise _refuse("You already like this comment.", "already_liked")
    Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
    comment.refresh_from_db(fields=["like_count"])
    return comment


@transaction.atomic
def comment_report(
    *, comment: Comment, reporter: User, reason: str, note: str = ""
) -> CommentReport:
    """File one report per reader and comment, for the moderators."""
    if comment.author_id == reporter.pk:
        raise _refuse("You cannot report your own comment.", "own_comment")
    if reason == CommentReport.Reason.OTHER and not note.strip():
        raise _refuse("Say what is wrong when you choose “Something else”.", "note_required")
    report, created = CommentReport.objects.get_or_create(
        comment=comment, reporter=reporter, defaults={"reason": reason, "note": note.strip()}
    )
    if not created:
        raise _refuse("You have already reported this comment.", "already_reported")
    return report


@transaction.atomic
def profile_update(*, user: User, display_name: str, bio: str, notify_replies: bool) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user, defaults={"display_name": user.username})
    profile.display_name, profile.bio, profile.notify_replies = display_name, bio, notify_replies
    profile.full_clean()
    profile.save()
    return profile


def profile_for(user: User) -> Profile:
    """The user's profile, created with their username as display name if missing."""
    profile, _ = Profile.objects.get_or_create(
        user=user, defaults={"display_name": user.get_username()}
    )
    return profile


@transaction.atomic
def notifications_unsubscribe(*, user: User) -> Profile:
    profile = profile_for(user)
    if profile.notify_replies:
        profile.notify_replies = False
        profile.save(update_fields=["notify_replies"])
    return profile
