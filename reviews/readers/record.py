"""A reader's own moderation record: every decision about their comments, their reader reviews
and them (sanctions), as they may see it: the reason shown to the author, never the moderator's
name or note; for removals, where their appeal stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from reviews.appeals.selectors import COMMENT, ENTRY, state_of, with_appeal_status
from reviews.moderation.models import ModerationDecision

PAGE_SIZE = 20


def decisions_about(user: User) -> QuerySet[ModerationDecision]:
    """Newest first, with their item or sanction and their appeal's status in one query."""
    about = Q(comment__author=user) | Q(entry__reader=user) | Q(sanction__user=user)
    return (
        with_appeal_status(ModerationDecision.objects.filter(about))
        .select_related("comment", "entry__film", "sanction")
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class RecordRow:
    """One decision as its reader sees it."""

    decision: ModerationDecision
    appeal_status: str  # the appeal's status label; empty without one
    appeal_url: str  # the appeal page while they may still appeal; empty otherwise
    appeal_ended: datetime | None  # the deadline, once passed without an appeal

    @classmethod
    def of(cls, decision: ModerationDecision) -> RecordRow:
        item = decision.comment or decision.entry
        # Only the latest removal of an item still taken down may be appealed; an appeal
        # already made is shown whatever happened since.
        appealable = (
            decision.action in ModerationDecision.TAKING_DOWN
            and not decision.superseded
            and item is not None
            and item.removed_at is not None
        )
        if not (decision.appeal_status or appealable):
            return cls(decision=decision, appeal_status="", appeal_url="", appeal_ended=None)
        kind, pk = (
            (ENTRY, decision.entry_id) if decision.entry_id else (COMMENT, decision.comment_id)
        )
        state = state_of(decision, kind, pk)
        return cls(
            decision=decision,
            appeal_status=state.status_label,
            appeal_url=state.url if state.can_appeal else "",
            appeal_ended=state.deadline if state.too_late else None,
        )
