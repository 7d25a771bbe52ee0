"""Appeals against a removal: the author files one (`appeal_file`), another moderator grants or
denies it (`appeal_decide`). Granting publishes the item again through moderation's own
decisions (Action.APPEAL_GRANT); both outcomes are on the record and e-mailed to the author.

What they make stale: the item's stamps (its author sees the appeal's state beside its
tombstone; granting changes its thread, which `comment_decide`/`entry_decide` say)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from reviews import stamps
from reviews.appeals.models import APPEAL_MAX_LENGTH, Appeal
from reviews.appeals.selectors import (
    ENTRY,
    about,
    author_id_of,
    deadline_of,
    kind_of,
    removal_of,
)
from reviews.appeals.tasks import send_appeal_outcome
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment
from reviews.moderation import services as moderation
from reviews.moderation.models import ModerationDecision
from reviews.moderation.record import decision_record

Action = ModerationDecision.Action
OUTCOME_MAX_LENGTH = 300


class AppealAlreadyDecided(moderation.AlreadyDecided):
    """Another moderator decided this appeal first."""


def _item_changed(item: Comment | DiaryEntry) -> None:
    if kind_of(item) == ENTRY:
        stamps.diary_changed(item)
    else:
        stamps.comment_changed(item)


def _checked_text(text: str, *, empty: str | None, max_length: int) -> str:
    """`text` without its outer spaces; refused when empty with the message `empty` (None: it
    may be empty) or over `max_length`."""
    text = text.strip()
    if empty is not None and not text:
        raise ValidationError(empty, code="empty")
    if len(text) > max_length:
        raise ValidationError(
            _("Keep it to %(max)d characters (it has %(length)d).")
            % {"max": max_length, "length": len(text)},
            code="too_long",
        )
    return text


@transaction.atomic
def appeal_file(
    *,
    author: User,
    text: str,
    decision: ModerationDecision | None = None,
    item: Comment | DiaryEntry | None = None,
) -> Appeal:
    """File the author's one appeal against the removal of `item` (or the one `decision` made),
    within APPEAL_WINDOW of that decision."""
    if item is None:
        if decision is None:
            raise ValueError("appeal_file needs a decision or an item")
        item = decision.comment if decision.comment_id else decision.entry
    if author_id_of(item) != author.pk:
        raise ValidationError(_("Only its author may appeal this decision."), code="not_author")
    removal = removal_of(item)
    if removal is None or (decision is not None and removal.pk != decision.pk):
        raise ValidationError(
            _("This was not removed by a moderator: there is no decision to appeal."),
            code="not_removed",
        )
    if removal.appeal_status is not None:
        raise ValidationError(_("You have already appealed this decision."), code="already")
    if timezone.now() > deadline_of(removal):
        raise ValidationError(
            _("An appeal had to be made by %(deadline)s: it is too late now.")
            % {"deadline": date_format(timezone.localtime(deadline_of(removal)), "DATE_FORMAT")},
            code="too_late",
        )
    empty = _("Say why you think the decision was wrong.")
    text = _checked_text(text, empty=empty, max_length=APPEAL_MAX_LENGTH)
    try:
        with transaction.atomic():  # two appeals at once: the database keeps one
            appeal = Appeal.objects.create(
                **about(item),
                decision=removal,
                author=author,
                text=text,
                removed_by=removal.moderator,
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already appealed this decision."), code="already"
        ) from None
    _item_changed(item)
    return appeal


def _already_decided(appeal: Appeal) -> AppealAlreadyDecided:
    # Read apart: a row joined to the locked one keeps the version seen before the wait.
    decider = User.objects.filter(pk=appeal.decided_by_id).first()
    who = decider.get_username() if decider else _("someone")
    return AppealAlreadyDecided(
        _("Already decided by %(moderator)s: this appeal was %(status)s.")
        % {"moderator": who, "status": appeal.get_status_display().lower()},
        code="already_decided",
    )


@transaction.atomic
def appeal_decide(*, appeal: Appeal, moderator: User, grant: bool, reason: str = "") -> Appeal:
    """Grant (the item is published again) or deny an open appeal, by a moderator other than
    the one who removed the item; `reason` is shown to the author (a denial needs one)."""
    # Its item is read after the lock (not joined to it), as it is now.
    locked = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if locked.status != Appeal.Status.OPEN:
        raise _already_decided(locked)
    if locked.removed_by_id is not None and locked.removed_by_id == moderator.pk:
        raise ValidationError(
            _("You removed it: another moderator decides its appeal."), code="removed_it"
        )
    empty = None if grant else _("Give the author a reason for the denial.")
    reason = _checked_text(reason, empty=empty, max_length=OUTCOME_MAX_LENGTH)
    item = locked.item
    is_entry = kind_of(item) == ENTRY
    status = item.review_status if is_entry else item.status
    if grant and status in Comment.TAKEN_DOWN:
        decide = moderation.entry_decide if is_entry else moderation.comment_decide
        decide(
            **about(item),
            moderator=moderator,
            action=Action.APPEAL_GRANT,
            reason=reason,
            expected_status=status,
        )
    else:
        # A denial leaves the item as it is (and so does a grant for an item another moderator
        # restored meanwhile): the outcome is recorded on the item all the same.
        decision_record(
            **about(item),
            moderator=moderator,
            action=Action.APPEAL_GRANT if grant else Action.APPEAL_DENY,
            from_status=status,
            to_status=status,
            reason=reason,
        )
        _item_changed(item)
    locked.status = Appeal.Status.GRANTED if grant else Appeal.Status.DENIED
    locked.decided_by, locked.decided_at, locked.outcome_reason = moderator, timezone.now(), reason
    locked.save(update_fields=["status", "decided_by", "decided_at", "outcome_reason"])
    transaction.on_commit(lambda: send_appeal_outcome.enqueue(appeal_id=locked.pk))
    appeal.status = locked.status
    return locked
