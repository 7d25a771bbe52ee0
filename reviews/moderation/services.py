"""What moderators decide: about comments (comment_decide: approve, reject, spam, remove,
restore, uphold or dismiss reports, grant an appeal), about reader reviews (entry_decide, by the
same table), about readers (sanctions); the blocklist has its own (blocked_terms.py). Each
decision locks the comment's or the diary entry's row and is recorded once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Literal

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reviews import stamps
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment, CommentReport
from reviews.discussion.services import notify_reply
from reviews.moderation import reasons, tombstones
from reviews.moderation.models import ModerationDecision, ReaderReviewReport, Sanction
from reviews.moderation.record import decision_record


@transaction.atomic
def comment_report(
    *, comment: Comment, reporter: User, reason: str, note: str = ""
) -> CommentReport:
    """File one report per reader and comment, for the moderators."""
    if comment.author_id == reporter.pk:
        raise ValidationError(_("You cannot report your own comment."), code="own_comment")
    already = _("You have already reported this comment.")
    report = _file_report(CommentReport, {"comment": comment}, already, reporter, reason, note)
    _hide_if_reported_enough(comment)
    return report


def _file_report(model, about: dict, already: str, reporter: User, reason: str, note: str):
    """One report by `reporter` `about` a comment or a reader review: never twice (`already`
    says so), and with a note when the reason is "something else". It waits on the desk now."""
    if reason == CommentReport.Reason.OTHER and not note.strip():
        raise ValidationError(
            _("Say what is wrong when you choose “Something else”."), code="note_required"
        )
    report, created = model.objects.get_or_create(
        **about, reporter=reporter, defaults={"reason": reason, "note": note.strip()}
    )
    if not created:
        raise ValidationError(already, code="already_reported")
    stamps.reports_changed()
    return report


class AlreadyDecided(ValidationError):
    """Another moderator decided this comment first."""


@dataclass(frozen=True)
class Transition:
    """Where a decision may start from, where it leaves the comment, what it does to the
    comment's open reports (closes them with this resolution, or leaves them), and whether the
    moderator gives its author a reason (none is kept, one may be, one must be)."""

    allowed_from: frozenset[str]
    to_status: str
    closes_reports: str | None = None
    needs_open_reports: bool = False
    reason: Literal["none", "optional", "required"] = "none"


_HELD, _PUBLISHED = frozenset({Comment.Status.PENDING}), frozenset({Comment.Status.APPROVED})
_HELD_OR_PUBLISHED = _HELD | _PUBLISHED
_UPHELD, _DISMISSED = CommentReport.Resolution.UPHELD, CommentReport.Resolution.DISMISSED
TRANSITIONS: dict[str, Transition] = {
    ModerationDecision.Action.APPROVE: Transition(_HELD, Comment.Status.APPROVED),
    ModerationDecision.Action.REJECT: Transition(
        _HELD, Comment.Status.REJECTED, closes_reports=_UPHELD, reason="required"
    ),
    ModerationDecision.Action.SPAM: Transition(
        _HELD_OR_PUBLISHED, Comment.Status.SPAM, closes_reports=_UPHELD
    ),
    ModerationDecision.Action.REMOVE: Transition(
        _PUBLISHED, Comment.Status.REMOVED, closes_reports=_UPHELD, reason="optional"
    ),
    ModerationDecision.Action.RESTORE: Transition(
        frozenset({Comment.Status.REJECTED, Comment.Status.SPAM, Comment.Status.REMOVED}),
        Comment.Status.APPROVED,
    ),
    ModerationDecision.Action.UPHOLD_REPORTS: Transition(
        _HELD_OR_PUBLISHED, Comment.Status.REMOVED, closes_reports=_UPHELD, needs_open_reports=True
    ),
    ModerationDecision.Action.DISMISS_REPORTS: Transition(
        _HELD_OR_PUBLISHED,
        Comment.Status.APPROVED,
        closes_reports=_DISMISSED,
        needs_open_reports=True,
    ),
    # Another moderator agrees with the author's appeal (reviews/appeals): published again.
    ModerationDecision.Action.APPEAL_GRANT: Transition(
        frozenset(Comment.TAKEN_DOWN), Comment.Status.APPROVED, reason="optional"
    ),
}


def _checked_reason(transition: Transition, reason: str) -> str:
    """The reason the decision keeps: none, or the one given (which it may require)."""
    if transition.reason == "none":
        return ""  # the desk's reason list goes with every button; this decision keeps none
    if transition.reason == "required" and not reason.strip():
        raise ValidationError(
            _("Give the author a reason for the rejection."), code="reason_required"
        )
    return reason.strip() if transition.reason == "required" else reason


def _lock(comment: Comment) -> Comment:
    """The comment's row, locked until the transaction ends, so decisions queue up."""
    return (
        Comment.objects.select_for_update(of=("self",)).select_related("author").get(pk=comment.pk)
    )


def _already_decided(comment: Comment) -> AlreadyDecided:
    last = comment.decisions.select_related("moderator").first()
    status = comment.get_status_display().lower()
    if last is None:
        message = _("Already decided by someone: this comment is now %(status)s.")
    elif last.moderator is None:
        message = _("Already decided by an automatic rule: this comment is now %(status)s.")
    else:
        message = _("Already decided by %(moderator)s: this comment is now %(status)s.")
    values = {"status": status, "moderator": last.moderator.get_username() if last else ""}
    return AlreadyDecided(message % values, code="already_decided")


@transaction.atomic
def comment_decide(
    *,
    comment: Comment,
    moderator: User | None,
    action: str,
    reason: str = "",
    expected_status: str | None = None,
    note: str = "",
    category: str = "",
) -> Comment:
    """Move a comment as TRANSITIONS[action] says and record the decision once; approving a
    comment hidden by reports dismisses them. Taking a published comment down leaves a
    tombstone naming `category` (by default the reporters' commonest reason, else "other")."""
    if action == ModerationDecision.Action.APPROVE and _open_reports(comment).exists():
        action = ModerationDecision.Action.DISMISS_REPORTS
    transition = TRANSITIONS[action]
    reason = _checked_reason(transition, reason)
    locked = _lock(comment)
    if (
        (expected_status is not None and locked.status != expected_status)
        or locked.status not in transition.allowed_from
        or (transition.needs_open_reports and not _open_reports(locked).exists())
    ):
        raise _already_decided(locked)
    from_status = locked.status
    category = tombstones.mark(locked, action, from_status, category, _open_reports(locked))
    locked.status = transition.to_status
    # Its author sees the reason on their refused comment; a published one needs none.
    locked.moderation_reason = "" if locked.status == Comment.Status.APPROVED else reason
    locked.save(update_fields=["status", "moderation_reason", *tombstones.FIELDS])
    stamps.comment_changed(locked, waiting=True, history=True)
    if transition.closes_reports:
        _close_reports(locked, moderator, transition.closes_reports)
    decision_record(
        comment=locked,
        moderator=moderator,
        action=action,
        from_status=from_status,
        to_status=locked.status,
        reason=reason,
        note=note,
        category=category,
    )
    # Only a first publication tells the parent's author; restoring or keeping after reports
    # brings back a comment they have already been told about.
    if action == ModerationDecision.Action.APPROVE:
        notify_reply(locked)
    comment.status = locked.status
    return locked


def _open_reports(comment: Comment):
    return CommentReport.objects.filter(comment=comment, resolution=CommentReport.Resolution.OPEN)


def _close_reports(comment: Comment, moderator: User | None, resolution: str) -> int:
    return _open_reports(comment).update(
        resolution=resolution, resolved_at=timezone.now(), resolved_by=moderator
    )


def _hide_if_reported_enough(comment: Comment) -> None:
    """K distinct readers reporting a published comment hide it until a moderator decides."""
    reporters = _open_reports(comment).values("reporter").distinct().count()
    if reporters >= settings.MODERATION_REPORTS_TO_HIDE:
        changed = partial(stamps.comment_changed, waiting=True, history=True)
        _hide_reported(_lock(comment), "status", changed, "comment", reporters)


def _hide_reported(
    locked: Comment | DiaryEntry,
    status_field: str,
    changed: Callable[[Comment | DiaryEntry], None],
    decision_about: str,
    reporters: int,
) -> None:
    """Hold a published comment or reader review, its row `locked`, that `reporters` readers
    reported: its status in `status_field`, `changed` its stamps call, `decision_about` the
    decision's foreign key to it."""
    if getattr(locked, status_field) != Comment.Status.APPROVED:
        return
    setattr(locked, status_field, Comment.Status.PENDING)
    locked.held_reason = reasons.recorded(reasons.reported, count=reporters)
    locked.save(update_fields=[status_field, "held_reason"])
    changed(locked)
    decision_record(
        **{decision_about: locked},
        moderator=None,
        action=ModerationDecision.Action.HIDE,
        from_status=Comment.Status.APPROVED,
        to_status=Comment.Status.PENDING,
        note=locked.held_reason,
    )


# --- Reader reviews: the review text of a diary entry, moderated as comments are -------------


@transaction.atomic
def entry_report(
    *, entry: DiaryEntry, reporter: User, reason: str, note: str = ""
) -> ReaderReviewReport:
    """File one report per reader and reader review, for the moderators."""
    if entry.reader_id == reporter.pk:
        raise ValidationError(_("You cannot report your own review."), code="own_review")
    already = _("You have already reported this review.")
    report = _file_report(ReaderReviewReport, {"entry": entry}, already, reporter, reason, note)
    _hide_entry_if_reported_enough(entry)
    return report


def _lock_entry(entry: DiaryEntry) -> DiaryEntry:
    return DiaryEntry.objects.select_for_update().get(pk=entry.pk)


def _open_entry_reports(entry: DiaryEntry):
    return ReaderReviewReport.objects.filter(
        entry=entry, resolution=ReaderReviewReport.Resolution.OPEN
    )


@transaction.atomic
def entry_decide(
    *,
    entry: DiaryEntry,
    moderator: User | None,
    action: str,
    reason: str = "",
    expected_status: str | None = None,
    note: str = "",
    category: str = "",
) -> DiaryEntry:
    """Move a reader review as TRANSITIONS[action] says, as `comment_decide` does a comment
    (its tombstone too), and record the decision once."""
    if not entry.is_review:
        raise ValidationError(_("This diary entry has no review to decide on."), code="no_review")
    reports = _open_entry_reports(entry)
    if action == ModerationDecision.Action.APPROVE and reports.exists():
        action = ModerationDecision.Action.DISMISS_REPORTS
    transition = TRANSITIONS[action]
    reason = _checked_reason(transition, reason)
    locked = _lock_entry(entry)
    if (
        (expected_status is not None and locked.review_status != expected_status)
        or locked.review_status not in transition.allowed_from
        or (transition.needs_open_reports and not reports.exists())
    ):
        raise AlreadyDecided(
            _("Already decided: this review is now %(status)s.")
            % {"status": locked.get_review_status_display().lower()},
            code="already_decided",
        )
    from_status = locked.review_status
    category = tombstones.mark(locked, action, from_status, category, reports)
    locked.review_status = transition.to_status
    locked.moderation_reason = "" if transition.to_status == Comment.Status.APPROVED else reason
    locked.save(update_fields=["review_status", "moderation_reason", *tombstones.FIELDS])
    stamps.diary_changed(locked, waiting=True)
    if transition.closes_reports:
        reports.update(
            resolution=transition.closes_reports, resolved_at=timezone.now(), resolved_by=moderator
        )
    decision_record(
        entry=locked,
        moderator=moderator,
        action=action,
        from_status=from_status,
        to_status=locked.review_status,
        reason=reason,
        note=note,
        category=category,
    )
    entry.review_status = locked.review_status
    return locked


def _hide_entry_if_reported_enough(entry: DiaryEntry) -> None:
    """As `_hide_if_reported_enough`, for a published reader review."""
    reporters = _open_entry_reports(entry).values("reporter").distinct().count()
    if reporters >= settings.MODERATION_REPORTS_TO_HIDE:
        changed = partial(stamps.diary_changed, waiting=True)
        _hide_reported(_lock_entry(entry), "review_status", changed, "entry", reporters)


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
        raise ValidationError(_("Say why; the reader is shown the reason."), code="reason_required")
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError(_("The end of a sanction must be in the future."), code="expired")
    sanction = Sanction.objects.create(
        user=user, kind=kind, reason=reason.strip(), expires_at=expires_at, created_by=moderator
    )
    decision_record(
        sanction=sanction,
        moderator=moderator,
        action=ModerationDecision.Action.SANCTION,
        reason=sanction.reason,
        note=reasons.recorded(
            reasons.sanctioned,
            kind=sanction.kind,
            until=f"{expires_at:%Y-%m-%d %H:%M}" if expires_at else "",
        ),
    )
    if spam_pending and kind == Sanction.Kind.BAN:
        for comment in Comment.objects.pending().filter(author=user):
            comment_decide(
                comment=comment,
                moderator=moderator,
                action=ModerationDecision.Action.SPAM,
                note=reasons.recorded(reasons.with_the_ban),
            )
        for entry in DiaryEntry.objects.reviews().filter(
            reader=user, review_status=Comment.Status.PENDING
        ):
            entry_decide(
                entry=entry,
                moderator=moderator,
                action=ModerationDecision.Action.SPAM,
                note=reasons.recorded(reasons.with_the_ban),
            )
    # The queue lists each waiting comment's author's active sanctions.
    stamps.sanctions_changed(user.pk)
    return sanction


@transaction.atomic
def sanction_lift(*, sanction: Sanction, moderator: User, note: str = "") -> Sanction:
    locked = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if locked.lifted_at is not None:
        raise ValidationError(_("This sanction was already lifted."), code="already_lifted")
    locked.lifted_at, locked.lifted_by = timezone.now(), moderator
    locked.save(update_fields=["lifted_at", "lifted_by"])
    decision_record(
        sanction=locked,
        moderator=moderator,
        action=ModerationDecision.Action.LIFT_SANCTION,
        note=note,
    )
    stamps.sanctions_changed(locked.user_id)
    return locked


@transaction.atomic
def report_delete(*, report: CommentReport) -> None:
    """An admin deletes a report (an open one leaves the desk)."""
    report.delete()
    stamps.reports_changed()
