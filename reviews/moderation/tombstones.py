"""The tombstone a published comment or reader review leaves when a moderator takes it down:
its category and date, on the row itself (`removal_category`, `removed_at`), so a thread shows
it without reading the decision log. Restoring it (or granting its appeal) clears both."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils import timezone

from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision
from reviews.removals import RemovalCategory

FIELDS = ("removal_category", "removed_at")
_Action = ModerationDecision.Action
_BRINGING_BACK = (_Action.RESTORE, _Action.APPEAL_GRANT, _Action.APPROVE, _Action.DISMISS_REPORTS)


def mark(item, action: str, from_status: str, category: str, open_reports: QuerySet) -> str:
    """Set or clear `item`'s tombstone for `action` (not saved), and return the category the
    decision records: empty unless the action takes the item down."""
    if action in _BRINGING_BACK:
        item.removal_category, item.removed_at = "", None
        return ""
    if action not in ModerationDecision.TAKING_DOWN:
        return ""
    category = _category(action, category, open_reports)
    # Published, or hidden by reports after publication: it had a place in the thread.
    if from_status == Comment.Status.APPROVED or open_reports.exists():
        item.removal_category, item.removed_at = category, timezone.now()
    return category


def _category(action: str, chosen: str, open_reports: QuerySet) -> str:
    if chosen:
        return RemovalCategory(chosen).value
    if action == _Action.SPAM:
        return RemovalCategory.SPAM
    return reporters_category(open_reports.values_list("reason", flat=True))


def reporters_category(reasons: Iterable[str]) -> str:
    """The reporters' commonest reason as a removal category (the first reported on a tie),
    else "other": report reasons and removal categories share their values."""
    reported = Counter(reasons).most_common(1)
    if reported and reported[0][0] in RemovalCategory.values:
        return reported[0][0]
    return RemovalCategory.OTHER
