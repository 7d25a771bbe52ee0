"""The rules that hold a new comment for a moderator. Each returns why it fired, or None.

`reviews.services.initial_status` runs them in order; the first that fires names the hold.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

from reviews.models import BlockedTerm, Comment, Sanction

_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def normalise(text: str) -> str:
    """Compare text the way readers see it: composed Unicode, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def new_account(*, author: User, body: str) -> str | None:
    needed = settings.MODERATION_NEW_ACCOUNT_HELD
    if (
        needed
        and Comment.objects.filter(author=author, status=Comment.Status.APPROVED).count() < needed
    ):
        if needed == 1:
            return "New account: first comment is reviewed"
        return f"New account: first {needed} comments are reviewed"
    return None


def too_many_links(*, author: User, body: str) -> str | None:
    limit = settings.MODERATION_MAX_LINKS
    if len(_LINK.findall(body)) > limit:
        return f"More than {limit} link{'s' if limit != 1 else ''}"
    return None


def blocklisted(*, author: User, body: str) -> str | None:
    text = normalise(body)
    for phrase in BlockedTerm.objects.values_list("phrase", flat=True):
        # Whole words only: no letter or digit (in any script) right before or after.
        pattern = rf"(?<!\w){re.escape(normalise(phrase))}(?!\w)"
        if re.search(pattern, text):
            return f"Blocklisted phrase: “{phrase}”"
    return None


def repeated_across_threads(*, author: User, body: str) -> str | None:
    since = timezone.now() - timedelta(hours=settings.MODERATION_REPEAT_WINDOW_HOURS)
    earlier = Comment.objects.filter(author=author, created_at__gte=since).values_list(
        "body", flat=True
    )
    text = normalise(body)
    if any(normalise(other) == text for other in earlier):
        return "Same text posted in another thread"
    return None


def on_probation(*, author: User, body: str) -> str | None:
    if Sanction.objects.active().filter(user=author, kind=Sanction.Kind.PROBATION).exists():
        return "Reader on probation"
    return None


HOLD_RULES = [on_probation, blocklisted, too_many_links, repeated_across_threads, new_account]


def hold_reason(*, author: User, body: str) -> str:
    """Why this comment must wait for a moderator; empty when nothing holds it."""
    for rule in HOLD_RULES:
        if reason := rule(author=author, body=body):
            return reason
    return ""
