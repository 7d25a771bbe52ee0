"""What readers do in a discussion: post, reply, edit, delete and like, with the abuse controls
(rate limits, duplicates, moderation's screen) run on every post."""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from films import timecodes
from films.models import Premiere, Scene
from reviews import stamps
from reviews.diary.models import DiaryEntry
from reviews.discussion import screening
from reviews.discussion.models import Comment, CommentLike, CommentRevision
from reviews.discussion.subjects import Subject, of_comment
from reviews.models import Review
from reviews.notes.models import ReviewParagraph


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


@transaction.atomic
def comment_create(
    *,
    review: Review | None = None,
    entry: DiaryEntry | None = None,
    scene: Scene | None = None,
    premiere: Premiere | None = None,
    author: User,
    body: str,
    parent: Comment | None = None,
    ip_address: str | None = None,
    timecode: int | None = None,
    paragraph: ReviewParagraph | None = None,
    contains_spoilers: bool = False,
) -> Comment:
    """Post a comment or a reply under a review article, a reader review (`entry`) or in a
    scene's thread or in a premiere's live thread, after the abuse controls, perhaps tagged
    with a point in the film (`timecode`, seconds); replies deeper than the limit attach
    beside the comment they answer and name it. Posted in a premiere while it is on, an
    untagged comment is about the moment everyone is watching: it gets that timecode. With
    `paragraph` (one of the review's, in it now), a reader's note on that paragraph, quoting
    it as it reads now; a reply to a note is on the same paragraph."""
    subjects = [obj for obj in (review, entry, scene, premiere) if obj is not None]
    if len(subjects) != 1:
        raise TypeError("comment_create takes a review, an entry, a scene or a premiere")
    subject = Subject(subjects[0])
    body = body.strip()
    if not subject.accepts_comments:
        if subject.kind == "premiere":
            raise ValidationError(
                _("This premiere has ended: its thread is read-only."), code="premiere_ended"
            )
        raise ValidationError(_("This review is not open for comments."), code="review_closed")
    if paragraph is not None and (paragraph.review_id != subject.pk or not paragraph.current):
        raise ValidationError(
            _("That paragraph is no longer in the review."), code="paragraph_gone"
        )
    if not body:
        raise ValidationError(_("Write something before posting."), code="empty")
    if len(body) > settings.COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("Keep it under %(limit)s characters (this is %(length)s).")
            % {
                "limit": number_format(settings.COMMENT_MAX_LENGTH, force_grouping=True),
                "length": number_format(len(body), force_grouping=True),
            },
            code="too_long",
        )
    if parent is not None:
        if not subject.owns(parent):
            raise ValidationError(
                _("You can only reply to a comment on the same review."), code="wrong_review"
            )
        if parent.is_deleted or parent.status != Comment.Status.APPROVED or not parent.author_id:
            raise ValidationError(
                _("The comment you replied to is no longer available."), code="parent_gone"
            )
    thread_id = (parent.root_id or parent.pk) if parent is not None else None
    verdict = screening.screen(
        screening.Draft(author=author, body=body, thread_id=thread_id, film_id=subject.film_id)
    )
    if verdict.refusal is not None:
        raise verdict.refusal
    window = timezone.now() - timedelta(minutes=settings.COMMENT_DUPLICATE_MINUTES)
    if Comment.objects.same_text(author=author, body=body, since=window).filter(body=body).exists():
        raise ValidationError(_("You posted this same text a moment ago."), code="duplicate")
    if _rate_limited("user", author.pk, settings.COMMENT_RATE_LIMIT_PER_USER) or (
        ip_address and _rate_limited("ip", ip_address, settings.COMMENT_RATE_LIMIT_PER_IP)
    ):
        raise ValidationError(
            _("You are posting too fast. Wait a minute and try again."), code="rate_limited"
        )

    if timecode is not None:
        timecodes.check_inside(timecode, running_time=subject.film.running_time)

    comment = subject.new_comment(
        author=author,
        body=body,
        ip_address=ip_address,
        timecode=timecode,
        contains_spoilers=contains_spoilers,
    )
    if premiere is not None and comment.timecode is None and premiere.is_on():
        comment.timecode = premiere.elapsed()
    if parent is not None and parent.paragraph_id:
        paragraph = parent.paragraph
    if paragraph is not None:
        comment.paragraph = paragraph
        comment.quoted_text, comment.quoted_hash = paragraph.text, paragraph.text_hash
    if parent is not None:
        comment.in_reply_to = parent
        comment.root_id = thread_id
        if parent.depth >= Comment.MAX_DEPTH:
            comment.parent_id, comment.depth = parent.parent_id, parent.depth
        else:
            comment.parent, comment.depth = parent, parent.depth + 1
    if verdict.hold_reason:
        comment.status, comment.held_reason = Comment.Status.PENDING, verdict.hold_reason
    else:
        comment.status = Comment.Status.APPROVED
    comment.save()
    # Held or not, its author sees it in the discussion at once; a held one joins the desk.
    stamps.comment_changed(comment, waiting=comment.status == Comment.Status.PENDING, history=True)
    if comment.status == Comment.Status.APPROVED:
        notify_reply(comment)
    return comment


def notify_reply(comment: Comment) -> None:
    """Tell the author of the comment answered, once this transaction has committed."""
    answered = comment.in_reply_to
    if answered is None or answered.author_id == comment.author_id:
        return
    from reviews.discussion.tasks import send_reply_notification

    transaction.on_commit(lambda: send_reply_notification.enqueue(comment_id=comment.pk))


_UNCHANGED = object()


@transaction.atomic
def comment_edit(
    *, comment: Comment, user: User, body: str, timecode: int | object | None = _UNCHANGED
) -> Comment:
    """The author corrects their comment (and its time in the film, if given) within the
    edit window; the old text is kept."""
    if comment.author_id != user.pk:
        raise PermissionDenied(_("You can only edit your own comments."))
    if comment.is_deleted:
        raise ValidationError(_("A deleted comment cannot be edited."), code="deleted")
    if comment.status not in Comment.EDITABLE:
        raise ValidationError(
            _("A comment a moderator took down cannot be edited."), code="taken_down"
        )
    if timezone.now() > comment.editable_until():
        raise ValidationError(
            ngettext(
                "Comments can be edited for %(minutes)s minute after posting.",
                "Comments can be edited for %(minutes)s minutes after posting.",
                settings.COMMENT_EDIT_MINUTES,
            )
            % {"minutes": settings.COMMENT_EDIT_MINUTES},
            code="edit_window_closed",
        )
    body = body.strip()
    if not body:
        raise ValidationError(_("Write something, or delete the comment instead."), code="empty")
    if len(body) > settings.COMMENT_MAX_LENGTH:
        raise ValidationError(
            _("Keep it under %(limit)s characters.")
            % {"limit": number_format(settings.COMMENT_MAX_LENGTH, force_grouping=True)},
            code="too_long",
        )
    retimed = timecode is not _UNCHANGED and timecode != comment.timecode
    if retimed and timecode is not None:
        timecodes.check_inside(timecode, running_time=of_comment(comment).film.running_time)
    if body == comment.body and not retimed:
        return comment
    fields = ["timecode"] if retimed else []
    if body != comment.body:
        CommentRevision.objects.create(comment=comment, body=comment.body)
        comment.body, comment.edited_at = body, timezone.now()
        fields += ["body", "edited_at"]
    comment.was_tagged = comment.timecode is not None
    if retimed:
        comment.timecode = timecode
    comment.save(update_fields=fields)
    stamps.comment_changed(comment)
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, user: User) -> Comment:
    """The author withdraws their comment; a placeholder keeps the replies readable."""
    if comment.author_id != user.pk:
        raise PermissionDenied(_("You can only delete your own comments."))
    if not comment.is_deleted:
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["deleted_at"])
        stamps.comment_changed(comment)
    return comment


@transaction.atomic
def comment_like(*, comment: Comment, user: User) -> Comment:
    if comment.status != Comment.Status.APPROVED or comment.is_deleted or not comment.author_id:
        raise ValidationError(_("This comment cannot be liked."), code="not_likeable")
    if comment.author_id == user.pk:
        raise ValidationError(_("You cannot like your own comment."), code="own_comment")
    created = CommentLike.objects.get_or_create(comment=comment, user=user)[1]
    if not created:
        raise ValidationError(_("You already like this comment."), code="already_liked")
    Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
    stamps.comment_changed(comment)
    comment.refresh_from_db(fields=["like_count"])
    return comment
