"""The rules that hold a new comment for a moderator. Each returns why it fired, or None.

`reviews.moderation.screening.screen` runs them in order; the first that fires names the hold,
in the words of reviews/moderation/reasons.py as the record keeps them (English).
Each costs at most one indexed query, however much the author has posted: this runs on
every comment posted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone

from reviews.discussion.models import Comment, CommentQuerySet
from reviews.discussion.texts import normalise
from reviews.moderation import reasons
from reviews.moderation.models import BlockedTerm, Sanction

_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """A comment about to be posted, with what the rules need to know about its author."""

    author: User
    body: str
    # The author's active sanctions: the service reads them once for the whole post.
    sanctions: Sequence[Sanction]
    # The thread it joins: the id of its top-level comment, None when it starts a thread.
    thread_id: int | None


def new_account(draft: Draft) -> str | None:
    needed = settings.MODERATION_NEW_ACCOUNT_HELD
    # Counting stops at `needed`: a regular's hundreds of comments are not all counted.
    if needed and Comment.objects.approved().filter(author=draft.author)[:needed].count() < needed:
        return reasons.recorded(reasons.new_account, count=needed)
    return None


def too_many_links(draft: Draft) -> str | None:
    limit = settings.MODERATION_MAX_LINKS
    if len(_LINK.findall(draft.body)) > limit:
        return reasons.recorded(reasons.too_many_links, limit=limit)
    return None


def blocklisted(draft: Draft) -> str | None:
    text = normalise(draft.body)
    for phrase in BlockedTerm.objects.values_list("phrase", flat=True):
        # Whole words only: no letter or digit (in any script) right before or after.
        pattern = rf"(?<!\w){re.escape(normalise(phrase))}(?!\w)"
        if re.search(pattern, text):
            return reasons.recorded(reasons.blocklisted, phrase=phrase)
    return None


def _recent_same_text(draft: Draft) -> CommentQuerySet:
    since = timezone.now() - timedelta(hours=settings.MODERATION_REPEAT_WINDOW_HOURS)
    return Comment.objects.same_text(author=draft.author, body=draft.body, since=since)


def _in_thread(thread_id: int) -> Q:
    """The thread's top-level comment and its replies."""
    return Q(pk=thread_id) | Q(root_id=thread_id)


def repeated_across_threads(draft: Draft) -> str | None:
    earlier = _recent_same_text(draft)
    # A new top-level comment starts a thread of its own: every earlier one is elsewhere.
    if draft.thread_id is not None:
        earlier = earlier.exclude(_in_thread(draft.thread_id))
    if earlier.exists():
        return reasons.recorded(reasons.repeated_across_threads)
    return None


def repeated_in_thread(draft: Draft) -> str | None:
    if draft.thread_id is None:
        return None
    if _recent_same_text(draft).filter(_in_thread(draft.thread_id)).exists():
        return reasons.recorded(reasons.repeated_in_thread)
    return None


def on_probation(draft: Draft) -> str | None:
    if any(sanction.kind == Sanction.Kind.PROBATION for sanction in draft.sanctions):
        return reasons.recorded(reasons.on_probation)
    return None


HOLD_RULES = [
    on_probation,
    blocklisted,
    too_many_links,
    repeated_across_threads,
    repeated_in_thread,
    new_account,
]


def hold_reason(draft: Draft) -> str:
    """Why this comment must wait for a moderator; empty when nothing holds it."""
    for rule in HOLD_RULES:
        if reason := rule(draft):
            return reason
    return ""
