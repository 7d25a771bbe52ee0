"""State changes with rules: every caller (admin, views, commands) goes through these."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from config import pagecache
from reviews import rules
from reviews.models import (
    BlockedTerm,
    Comment,
    CommentLike,
    CommentReport,
    CommentRevision,
    ModerationDecision,
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
    pagecache.review_changed(review, publication=True)
    return review


@transaction.atomic
def review_unpublish(*, review: Review) -> Review:
    """Take a review back to draft; it disappears from every public page at once."""
    review.status = Review.Status.DRAFT
    review.save(update_fields=["status", "updated_at"])
    pagecache.review_changed(review, publication=True)
    return review


# --- Discussion -------------------------------------------------------------------------


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _rate_limited(scope: str, ident: object, limit: tuple[int, int]) -> bool:
    """Count one more post in the current window of the shared cache; True when over."""
    count, seconds = limit
    key = f"ratelimit:comment:{scope}:{ident}:{int(time.time() // seconds)}"
    # Increment first: two round trips to the cache whether or not the window has begun.
    try:
        return cache.incr(key) > count
    except ValueError:  # the first post of this window
        if cache.add(key, 1, timeout=seconds):
            return count < 1
        return _rate_limited(scope, ident, limit)  # another post began the window meanwhile


_NEVER = datetime.max.replace(tzinfo=UTC)


def refusing_sanction(sanctions: Iterable[Sanction]) -> Sanction | None:
    """Of a reader's active sanctions, the one that stops them posting, if any: the one that
    ends last (probation only holds comments, see reviews/rules.py)."""
    refusing = [sanction for sanction in sanctions if sanction.kind in Sanction.REFUSING]
    return max(refusing, key=lambda sanction: sanction.expires_at or _NEVER, default=None)


def sanction_message(sanction: Sanction) -> str:
    until = (
        f" until {timezone.localtime(sanction.expires_at):%-d %B %Y, %H:%M}"
        if sanction.expires_at
        else ""
    )
    return (
        f"You cannot post: {sanction.get_kind_display().lower()}{until}. Reason: {sanction.reason}"
    )


def initial_status(*, comment: Comment, sanctions: Sequence[Sanction]) -> tuple[str, str]:
    """Decide whether a new comment is published at once or held, and say which rule held it."""
    draft = rules.Draft(
        author=comment.author, body=comment.body, sanctions=sanctions, thread_id=comment.root_id
    )
    if reason := rules.hold_reason(draft):
        return Comment.Status.PENDING, reason
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
    # One query for the sanctions that refuse the post and for probation, which holds it.
    sanctions = list(Sanction.objects.active().filter(user=author))
    if sanction := refusing_sanction(sanctions):
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
        if parent.is_deleted or parent.status != Comment.Status.APPROVED or not parent.author_id:
            raise _refuse("The comment you replied to is no longer available.", "parent_gone")
    window = timezone.now() - timedelta(minutes=settings.COMMENT_DUPLICATE_MINUTES)
    if Comment.objects.same_text(author=author, body=body, since=window).filter(body=body).exists():
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
    comment.status, comment.held_reason = initial_status(comment=comment, sanctions=sanctions)
    comment.save()
    # Held or not, its author sees it in the discussion (reviews.views._kept_discussion).
    pagecache.discussion_changed(review.pk)
    if comment.status == Comment.Status.PENDING:
        queue_changed()
    if comment.status == Comment.Status.APPROVED:
        # The queue shows each author's count of approved comments.
        _queue_shows_changed(Comment.objects.filter(author=author))
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
    if comment.status not in (Comment.Status.APPROVED, Comment.Status.PENDING):
        raise _refuse("A comment a moderator took down cannot be edited.", "taken_down")
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
    pagecache.discussion_changed(comment.review_id)
    # The queue shows a waiting comment's text, and the text of the comment a reply answers.
    _queue_shows_changed(Comment.objects.filter(Q(pk=comment.pk) | Q(parent_id=comment.pk)))
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, user: User) -> Comment:
    """The author withdraws their comment; a placeholder keeps the replies readable."""
    if comment.author_id != user.pk:
        raise PermissionDenied("You can only delete your own comments.")
    if not comment.is_deleted:
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["deleted_at"])
        pagecache.discussion_changed(comment.review_id)
        # The queue does not say a waiting comment was withdrawn (yet): redrawn all the same,
        # so that it may without another invalidation.
        _queue_shows_changed(Comment.objects.filter(pk=comment.pk))
    return comment


@transaction.atomic
def comment_like(*, comment: Comment, user: User) -> Comment:
    if comment.status != Comment.Status.APPROVED or comment.is_deleted or not comment.author_id:
        raise _refuse("This comment cannot be liked.", "not_likeable")
    if comment.author_id == user.pk:
        raise _refuse("You cannot like your own comment.", "own_comment")
    _, created = CommentLike.objects.get_or_create(comment=comment, user=user)
    if not created:
        raise _refuse("You already like this comment.", "already_liked")
    Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
    pagecache.discussion_changed(comment.review_id)
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
    queue_changed()
    _hide_if_reported_enough(comment)
    return report


@transaction.atomic
def profile_update(*, user: User, display_name: str, bio: str, notify_replies: bool) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user, defaults={"display_name": user.username})
    profile.display_name, profile.bio, profile.notify_replies = display_name, bio, notify_replies
    profile.full_clean()
    profile.save()
    names_changed(user=user)
    return profile


def names_changed(*, user: User) -> None:
    """What the site shows of a user changed: their display name (here, or in the admin), or
    in the admin their username or when they joined. Refresh the pages that show it."""
    # On the reader's comments and, for editors, on their bylines.
    pagecache.changed(
        *map(pagecache.discussion, user.comments.values_list("review_id", flat=True).distinct()),
        *map(pagecache.review, user.reviews.values_list("pk", flat=True)),
    )
    # On the desk: as a waiting comment's author, or as the author of the comment it answers.
    # Two look-ups: as one (an OR across the join), PostgreSQL read every comment when
    # nothing of theirs waits (bench database: ~230 ms).
    _queue_shows_changed(
        Comment.objects.filter(author=user),
        Comment.objects.filter(parent__in=Comment.objects.filter(author=user)),
    )


def review_renamed(*, review: Review) -> None:
    """The review's headline or address changed (in the admin): the desk shows both beside
    its waiting comments, and the headline in its filter."""
    _queue_shows_changed(Comment.objects.filter(review=review))


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


# --- Moderation --------------------------------------------------------------------------


class AlreadyDecided(ValidationError):
    """Another moderator decided this comment first."""


@dataclass(frozen=True)
class Transition:
    """Where a decision may start from, where it leaves the comment, and what it does to the
    comment's open reports (closes them with this resolution, or leaves them)."""

    allowed_from: frozenset[str]
    to_status: str
    closes_reports: str | None = None
    needs_open_reports: bool = False


_HELD_OR_PUBLISHED = frozenset({Comment.Status.PENDING, Comment.Status.APPROVED})
TRANSITIONS: dict[str, Transition] = {
    ModerationDecision.Action.APPROVE: Transition(
        frozenset({Comment.Status.PENDING}), Comment.Status.APPROVED
    ),
    ModerationDecision.Action.REJECT: Transition(
        frozenset({Comment.Status.PENDING}),
        Comment.Status.REJECTED,
        closes_reports=CommentReport.Resolution.UPHELD,
    ),
    ModerationDecision.Action.SPAM: Transition(
        _HELD_OR_PUBLISHED, Comment.Status.SPAM, closes_reports=CommentReport.Resolution.UPHELD
    ),
    ModerationDecision.Action.REMOVE: Transition(
        frozenset({Comment.Status.APPROVED}),
        Comment.Status.REMOVED,
        closes_reports=CommentReport.Resolution.UPHELD,
    ),
    ModerationDecision.Action.RESTORE: Transition(
        frozenset({Comment.Status.REJECTED, Comment.Status.SPAM, Comment.Status.REMOVED}),
        Comment.Status.APPROVED,
    ),
    ModerationDecision.Action.UPHOLD_REPORTS: Transition(
        _HELD_OR_PUBLISHED,
        Comment.Status.REMOVED,
        closes_reports=CommentReport.Resolution.UPHELD,
        needs_open_reports=True,
    ),
    ModerationDecision.Action.DISMISS_REPORTS: Transition(
        _HELD_OR_PUBLISHED,
        Comment.Status.APPROVED,
        closes_reports=CommentReport.Resolution.DISMISSED,
        needs_open_reports=True,
    ),
}


def _lock(comment: Comment) -> Comment:
    """The comment's row, locked until the transaction ends, so decisions queue up."""
    return (
        Comment.objects.select_for_update(of=("self",)).select_related("author").get(pk=comment.pk)
    )


def _already_decided(comment: Comment) -> AlreadyDecided:
    last = comment.decisions.select_related("moderator").first()
    who = (
        (last.moderator.get_username() if last.moderator else "an automatic rule")
        if last
        else "someone"
    )
    return AlreadyDecided(
        f"Already decided by {who}: this comment is now {comment.get_status_display().lower()}.",
        code="already_decided",
    )


# How many comments wait on the desk, in every moderator's navigation: counted once and kept
# until the queue changes, which only these services do (a minute at most, should anything
# else touch a comment's status).
_WAITING_KEY = "moderation:waiting"
_WAITING_SECONDS = 60
# The page-cache stamp of the desk's queue (reviews/desk.py keeps it whole in the cache): bumped
# by every change to what the queue shows, which comments wait and what it says about them.
QUEUE_STAMP = "moderation-queue"


def waiting_count() -> int:
    count = cache.get(_WAITING_KEY)
    if count is None:
        count = Comment.objects.in_queue().count()
        cache.set(_WAITING_KEY, count, _WAITING_SECONDS)
    return count


def queue_changed() -> None:
    """Which comments wait changed: count afresh, now and again once the change is committed
    (a count taken in between would still see the old queue), and render the queue afresh."""
    cache.delete(_WAITING_KEY)
    pagecache.changed(QUEUE_STAMP)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete(_WAITING_KEY))


def _waiting(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    """Those of `comments` in the queue: held, or published with open reports."""
    open_reports = CommentReport.objects.filter(
        comment=OuterRef("pk"), resolution=CommentReport.Resolution.OPEN
    )
    return comments.filter(
        Q(status=Comment.Status.PENDING) | Q(Exists(open_reports), status=Comment.Status.APPROVED),
        author__isnull=False,
    )


def _queue_shows_changed(*comments: QuerySet[Comment]) -> None:
    """Something the queue shows about these comments changed (not whether they wait): render
    it afresh if any of them is there. An indexed look-up, so that readers' everyday posts and
    edits leave the cached queue alone."""
    # Read inside this transaction: a comment that starts waiting between this check and our
    # commit is missed, and its queue keeps our old text (names, counts) until the minute the
    # queue is keyed by runs out (reviews/desk.py).
    if any(_waiting(some).exists() for some in comments):
        pagecache.changed(QUEUE_STAMP)


def _decide(
    *,
    comment: Comment,
    moderator: User | None,
    action: str,
    expected_status: str | None,
    reason: str = "",
    note: str = "",
) -> Comment:
    transition = TRANSITIONS[action]
    locked = _lock(comment)
    if (
        (expected_status is not None and locked.status != expected_status)
        or locked.status not in transition.allowed_from
        or (transition.needs_open_reports and not _open_reports(locked).exists())
    ):
        raise _already_decided(locked)
    from_status = locked.status
    locked.status = transition.to_status
    # Its author sees the reason on their refused comment; a published one needs none.
    locked.moderation_reason = "" if locked.status == Comment.Status.APPROVED else reason
    locked.save(update_fields=["status", "moderation_reason"])
    pagecache.discussion_changed(locked.review_id)
    queue_changed()
    if transition.closes_reports:
        _close_reports(locked, moderator, transition.closes_reports)
    ModerationDecision.objects.create(
        comment=locked,
        moderator=moderator,
        action=action,
        from_status=from_status,
        to_status=locked.status,
        reason=reason,
        note=note,
    )
    # Only a first publication tells the parent's author; restoring or keeping after reports
    # brings back a comment they have already been told about.
    if action == ModerationDecision.Action.APPROVE:
        _notify_reply(locked)
    comment.status = locked.status
    return locked


@transaction.atomic
def comment_approve(
    *, comment: Comment, moderator: User, expected_status: str | None = None, note: str = ""
) -> Comment:
    """Publish a held comment; a comment hidden by reports comes back with its reports dismissed."""
    if _open_reports(comment).exists():
        return comment_dismiss_reports(
            comment=comment, moderator=moderator, expected_status=expected_status, note=note
        )
    return _decide(
        comment=comment,
        moderator=moderator,
        action=ModerationDecision.Action.APPROVE,
        expected_status=expected_status,
        note=note,
    )


@transaction.atomic
def comment_reject(
    *,
    comment: Comment,
    moderator: User,
    reason: str,
    expected_status: str | None = None,
    note: str = "",
) -> Comment:
    """Refuse a held comment; the author sees the reason."""
    if not reason.strip():
        raise _refuse("Give the author a reason for the rejection.", "reason_required")
    return _decide(
        comment=comment,
        moderator=moderator,
        action=ModerationDecision.Action.REJECT,
        expected_status=expected_status,
        reason=reason.strip(),
        note=note,
    )


@transaction.atomic
def comment_mark_spam(
    *, comment: Comment, moderator: User | None, expected_status: str | None = None, note: str = ""
) -> Comment:
    return _decide(
        comment=comment,
        moderator=moderator,
        action=ModerationDecision.Action.SPAM,
        expected_status=expected_status,
        note=note,
    )


@transaction.atomic
def comment_remove(
    *,
    comment: Comment,
    moderator: User,
    reason: str = "",
    expected_status: str | None = None,
    note: str = "",
) -> Comment:
    """Take down a published comment."""
    return _decide(
        comment=comment,
        moderator=moderator,
        action=ModerationDecision.Action.REMOVE,
        expected_status=expected_status,
        reason=reason,
        note=note,
    )


@transaction.atomic
def comment_restore(
    *, comment: Comment, moderator: User, expected_status: str | None = None, note: str = ""
) -> Comment:
    """Bring back a rejected, spam or removed comment."""
    return _decide(
        comment=comment,
        moderator=moderator,
        action=ModerationDecision.Action.RESTORE,
        expected_status=expected_status,
        note=note,
    )


def _open_reports(comment: Comment):
    return CommentReport.objects.filter(comment=comment, resolution=CommentReport.Resolution.OPEN)


def _close_reports(comment: Comment, moderator: User | None, resolution: str) -> int:
    return _open_reports(comment).update(
        resolution=resolution, resolved_at=timezone.now(), resolved_by=moderator
    )


@transaction.atomic
def comment_uphold_reports(
    *, comment: Comment, moderator: User, expected_status: str | None = None, note: str = ""
) -> Comment:
    """The reports were right: the comment is removed and the reports closed."""
    return _decide(
        comment=comment,
        moderator=moderator,
        action=ModerationDecision.Action.UPHOLD_REPORTS,
        expected_status=expected_status,
        note=note,
    )


@transaction.atomic
def comment_dismiss_reports(
    *, comment: Comment, moderator: User, expected_status: str | None = None, note: str = ""
) -> Comment:
    """The reports were wrong: the comment is (again) published and the reports closed."""
    return _decide(
        comment=comment,
        moderator=moderator,
        action=ModerationDecision.Action.DISMISS_REPORTS,
        expected_status=expected_status,
        note=note,
    )


def _hide_if_reported_enough(comment: Comment) -> None:
    """K distinct readers reporting a published comment hide it until a moderator decides."""
    reporters = _open_reports(comment).values("reporter").distinct().count()
    if reporters < settings.MODERATION_REPORTS_TO_HIDE:
        return
    locked = _lock(comment)
    if locked.status != Comment.Status.APPROVED:
        return
    locked.status = Comment.Status.PENDING
    locked.held_reason = f"Reported by {reporters} readers"
    locked.save(update_fields=["status", "held_reason"])
    pagecache.discussion_changed(locked.review_id)
    ModerationDecision.objects.create(
        comment=locked,
        moderator=None,
        action=ModerationDecision.Action.HIDE,
        from_status=Comment.Status.APPROVED,
        to_status=Comment.Status.PENDING,
        note=locked.held_reason,
    )


@transaction.atomic
def sanction_create(
    *,
    user: User,
    moderator: User,
    kind: str,
    reason: str,
    expires_at: datetime | None = None,
    spam_pending: bool = False,
) -> Sanction:
    """Restrict a reader; a ban may send their pending comments to spam in the same step."""
    if not reason.strip():
        raise _refuse("Say why; the reader is shown the reason.", "reason_required")
    if expires_at is not None and expires_at <= timezone.now():
        raise _refuse("The end of a sanction must be in the future.", "expired")
    sanction = Sanction.objects.create(
        user=user, kind=kind, reason=reason.strip(), expires_at=expires_at, created_by=moderator
    )
    ModerationDecision.objects.create(
        sanction=sanction,
        moderator=moderator,
        action=ModerationDecision.Action.SANCTION,
        reason=sanction.reason,
        note=f"{sanction.get_kind_display()}"
        + (f" until {expires_at:%Y-%m-%d %H:%M}" if expires_at else ""),
    )
    if spam_pending and kind == Sanction.Kind.BAN:
        for comment in Comment.objects.filter(author=user, status=Comment.Status.PENDING):
            comment_mark_spam(comment=comment, moderator=moderator, note="With the ban")
    # The queue lists each waiting comment's author's active sanctions.
    _queue_shows_changed(Comment.objects.filter(author=user))
    return sanction


@transaction.atomic
def sanction_lift(*, sanction: Sanction, moderator: User, note: str = "") -> Sanction:
    locked = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if locked.lifted_at is not None:
        raise _refuse("This sanction was already lifted.", "already_lifted")
    locked.lifted_at, locked.lifted_by = timezone.now(), moderator
    locked.save(update_fields=["lifted_at", "lifted_by"])
    ModerationDecision.objects.create(
        sanction=locked,
        moderator=moderator,
        action=ModerationDecision.Action.LIFT_SANCTION,
        note=note,
    )
    _queue_shows_changed(Comment.objects.filter(author_id=locked.user_id))
    return locked


@transaction.atomic
def blocked_term_add(*, phrase: str, moderator: User) -> BlockedTerm:
    phrase = " ".join(phrase.split())
    if not phrase:
        raise _refuse("Enter a word or phrase.", "empty")
    if BlockedTerm.objects.filter(phrase__iexact=phrase).exists():
        raise _refuse(f"“{phrase}” is already on the list.", "duplicate")
    return BlockedTerm.objects.create(phrase=phrase, created_by=moderator)


# --- Accounts ------------------------------------------------------------------------------


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete a reader's or a moderator's account, at their request or an admin's.

    Their comments stay as "deleted account" placeholders with the text gone, so threads stay
    readable and the moderation record keeps every decision; their likes, reports, earlier
    comment texts, profile, e-mail addresses and sessions go. Where the record named them as
    the moderator, it names a deleted account: the one change to it the database allows,
    when this transaction says which account it deletes."""
    if user.reviews.exists():
        raise _refuse(
            "This account has review articles under its name: an admin must give them "
            "another author first.",
            "has_reviews",
        )
    comments = Comment.objects.filter(author=user)
    likes = CommentLike.objects.filter(user=user)
    stale = set(comments.values_list("review_id", flat=True))
    stale |= set(likes.values_list("comment__review_id", flat=True))
    Comment.objects.filter(pk__in=likes.values("comment_id")).update(like_count=F("like_count") - 1)
    likes.delete()
    CommentReport.objects.filter(reporter=user).delete()
    CommentRevision.objects.filter(comment__author=user).delete()
    comments.update(author=None, body="", body_html="", body_fingerprint="", ip_address=None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('starlight.deleting_account', %s, true)", [str(user.pk)])
        ModerationDecision.objects.filter(moderator=user).update(
            moderator=None, moderator_deleted=True
        )
        cursor.execute("SELECT set_config('starlight.deleting_account', '', true)")
    user.delete()
    pagecache.changed(*map(pagecache.discussion, stale))
    queue_changed()
