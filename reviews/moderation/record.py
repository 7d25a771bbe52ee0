"""The moderation record is written here alone: every decision, whoever makes it (the desk, the
admin, an automatic rule, an appeal), is one `decision_record`, which says what it makes stale."""

from __future__ import annotations

from reviews import stamps
from reviews.moderation.models import ModerationDecision


def decision_record(**fields) -> ModerationDecision:
    """Record one decision (the rows are never changed afterwards); the public moderation log
    shows it from now on."""
    decision = ModerationDecision.objects.create(**fields)
    stamps.decision_recorded()
    return decision
