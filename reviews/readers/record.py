"""A reader's own moderation record: every decision about their comments, their reader reviews
and them (sanctions), as they may see it: the reason shown to the author, never the moderator's
name or note; for removals, where their appeal stands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.utils import timezone

from reviews.appeals.models import Appeal
from reviews.appeals.selectors import COMMENT, ENTRY, appeal_url, deadline_of, with_appeal_status
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
        status, url, ended = "", "", None
        item = decision.comment or decision.entry
        if decision.appeal_status:
            status = str(Appeal.Status(decision.appeal_status).label)
        elif (
            decision.action in ModerationDecision.TAKING_DOWN
            and not decision.superseded
            and item is not None
            and item.removed_at is not None
        ):
            if timezone.now() <= deadline_of(decision):
                url = appeal_url(ENTRY if decision.entry_id else COMMENT, item.pk)
            else:
                ended = deadline_of(decision)
        return cls(decision=decision, appeal_status=status, appeal_url=url, appeal_ended=ended)
