"""What the appeals read: the decision an item's appeal is against, where an author stands with
it (the prompt beside their tombstone), and the desk's queue of open appeals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from reviews.appeals.models import APPEAL_WINDOW, Appeal
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision

COMMENT, ENTRY = "comment", "entry"


def kind_of(item) -> str:
    """COMMENT or ENTRY: a DiaryEntry is a reader review, anything else names a comment."""
    return ENTRY if isinstance(item, DiaryEntry) else COMMENT


def about(item: Comment | DiaryEntry) -> dict:
    """The item as the keyword that names it (COMMENT and ENTRY are the fields' names)."""
    return {kind_of(item): item}


def author_id_of(item: Comment | DiaryEntry) -> int | None:
    return item.reader_id if kind_of(item) == ENTRY else item.author_id


def appeal_url(kind: str, pk: int) -> str:
    name = "appeals:entry-appeal" if kind == ENTRY else "appeals:comment-appeal"
    return reverse(name, args=[pk])


def with_appeal_status(decisions: QuerySet[ModerationDecision]) -> QuerySet[ModerationDecision]:
    """Each decision with `appeal_status` (its appeal's, None without one) and `superseded`:
    a later decision took its item down again (an appeal is against the latest removal), in
    the decisions' own query."""
    later = ModerationDecision.objects.filter(
        Q(comment_id=OuterRef("comment_id"), comment__isnull=False)
        | Q(entry_id=OuterRef("entry_id"), entry__isnull=False),
        action__in=ModerationDecision.TAKING_DOWN,
        created_at__gt=OuterRef("created_at"),
    )
    return decisions.annotate(
        appeal_status=Subquery(Appeal.objects.filter(decision=OuterRef("pk")).values("status")[:1]),
        superseded=Exists(later),
    )


def removal_of(item: Comment | DiaryEntry) -> ModerationDecision | None:
    """The decision that left `item` taken down with a tombstone (its latest), with its
    `appeal_status`; None while it has no tombstone."""
    if item.removed_at is None:
        return None
    taken_down = ModerationDecision.objects.filter(
        **about(item), action__in=ModerationDecision.TAKING_DOWN
    ).order_by("-created_at", "-id")
    return with_appeal_status(taken_down).select_related("moderator").first()


def deadline_of(decision: ModerationDecision) -> datetime:
    return decision.created_at + APPEAL_WINDOW


@dataclass(frozen=True)
class AppealState:
    """Where the author of a removed item stands with its appeal, as the prompt shows it."""

    url: str  # the appeal page
    deadline: datetime
    status: str | None  # the appeal's (Appeal.Status), None if they have not appealed
    status_label: str

    @property
    def can_appeal(self) -> bool:
        return self.status is None and timezone.now() <= self.deadline

    @property
    def too_late(self) -> bool:
        return self.status is None and timezone.now() > self.deadline


def state_of(decision: ModerationDecision | None, kind: str, pk: int) -> AppealState | None:
    """The prompt's state for the item `kind`/`pk` removed by `decision` (annotated by
    `with_appeal_status`); None when nothing was removed."""
    if decision is None:
        return None
    status = decision.appeal_status
    return AppealState(
        url=appeal_url(kind, pk),
        deadline=deadline_of(decision),
        status=status,
        status_label=str(Appeal.Status(status).label) if status else "",
    )


def appeal_state(item: Comment | DiaryEntry, user) -> AppealState | None:
    """For the item's author alone: their appeal's state (one query); None for anyone else
    or while the item has no tombstone."""
    if not (user and user.is_authenticated and author_id_of(item) == user.pk):
        return None
    return state_of(removal_of(item), kind_of(item), item.pk)


def open_appeals() -> QuerySet[Appeal]:
    """The desk's queue: open appeals, oldest first, with the item, its author and the
    removal decision in the same query."""
    return Appeal.objects.open().select_related(
        "decision",
        "author__profile",
        "removed_by",
        "comment__review",
        "comment__entry__film",
        "comment__scene__film",
        "comment__premiere__film",
        "entry__film",
    )
