"""The rules of a premiere, on every comment posted in a thread about its film while it is on
(the premiere's live thread, the film's review articles, reader reviews and scenes): slow mode,
and new accounts' comments held for a moderator. Registered as a screen of the discussion
(reviews/apps.py), which never imports this package."""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime

from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import ngettext

from films.models import Premiere
from reviews.discussion.screening import Draft, Verdict
from reviews.moderation import reasons
from reviews.premiere.selectors import premiere_on_now


def screen(draft: Draft) -> Verdict:
    if draft.film_id is None or (premiere := premiere_on_now(draft.film_id)) is None:
        return Verdict()
    if refusal := slow_mode_refusal(premiere=premiere, author=draft.author):
        return Verdict(refusal=refusal)
    if timezone.now() - draft.author.date_joined < premiere.hold_accounts_younger_than:
        hours = math.ceil(premiere.hold_accounts_younger_than.total_seconds() / 3600)
        return Verdict(hold_reason=reasons.recorded(reasons.young_in_premiere, hours=hours))
    return Verdict()


def slow_mode_key(premiere: Premiere, author: User) -> str:
    return f"premiere:slow-mode:{premiere.pk}:{author.pk}"


def slow_mode_refusal(*, premiere: Premiere, author: User) -> ValidationError | None:
    """Take the reader's turn to post, or say when their next turn comes. The shared cache
    decides, for every process at once: `add` keeps the first post's mark for N seconds and
    refuses any other meanwhile."""
    seconds = premiere.slow_mode_seconds
    if not seconds:
        return None
    key = slow_mode_key(premiere, author)
    for _attempt in range(2):
        now = time.time()
        if cache.add(key, now + seconds, timeout=seconds):
            return None
        until = cache.get(key)
        if until is not None:
            return slow_mode_message(until=until, now=now)
        # The mark went between the two calls: try once more.
    return None


def slow_mode_message(*, until: float, now: float) -> ValidationError:
    wait = max(1, math.ceil(until - now))
    at = timezone.localtime(datetime.fromtimestamp(until, tz=UTC))
    return ValidationError(
        ngettext(
            "Slow mode during the premiere: you can post again at %(time)s (in %(count)s second).",
            "Slow mode during the premiere: you can post again at %(time)s (in %(count)s seconds).",
            wait,
        )
        % {"time": time_format(at, "H:i:s"), "count": wait},
        code="slow_mode",
    )
