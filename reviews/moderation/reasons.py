"""Why a comment or a reader review waits, and the notes automatic decisions leave: kept on
the record in the site's source language (English), whatever language their author reads the
site in, so a record says the same to every moderator; `shown` puts one in the language of
the moderator reading it.

Each reason is a function giving its words in the active language, registered with the pattern
that finds its values again in the English kept; `recorded` gives the English to keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

from reviews.moderation.models import Sanction

_REASONS: list[tuple[re.Pattern[str], Callable[..., str]]] = []


def _reason(pattern: str) -> Callable[[Callable[..., str]], Callable[..., str]]:
    def register(words: Callable[..., str]) -> Callable[..., str]:
        _REASONS.append((re.compile(pattern), words))
        return words

    return register


def recorded(words: Callable[..., str], **values) -> str:
    """The reason's words as the record keeps them."""
    with translation.override(settings.LANGUAGE_CODE):
        return words(**values)


def shown(kept: str) -> str:
    """A kept reason or note in the active language; anything else (a moderator's own note,
    words from before a reason was registered) as it was written."""
    for pattern, words in _REASONS:
        if found := pattern.fullmatch(kept):
            return words(**{name: value for name, value in found.groupdict().items() if value})
    return kept


@_reason(r"New account: first (?:(?P<count>\d+) )?comments? (?:is|are) reviewed")
def new_account(count: int | str = 1) -> str:
    count = int(count)
    return ngettext(
        "New account: first comment is reviewed",
        "New account: first %(count)s comments are reviewed",
        count,
    ) % {"count": count}


@_reason(r"Premiere: accounts younger than (?P<hours>\d+) hours? are reviewed")
def young_in_premiere(hours: int | str) -> str:
    hours = int(hours)
    return ngettext(
        "Premiere: accounts younger than %(hours)s hour are reviewed",
        "Premiere: accounts younger than %(hours)s hours are reviewed",
        hours,
    ) % {"hours": hours}


@_reason(r"More than (?P<limit>\d+) links?")
def too_many_links(limit: int | str) -> str:
    limit = int(limit)
    return ngettext("More than %(limit)s link", "More than %(limit)s links", limit) % {
        "limit": limit
    }


@_reason(r"Blocklisted phrase: “(?P<phrase>.+)”")
def blocklisted(phrase: str) -> str:
    return gettext("Blocklisted phrase: “%(phrase)s”") % {"phrase": phrase}


@_reason(r"Same text posted in another thread")
def repeated_across_threads() -> str:
    return gettext("Same text posted in another thread")


@_reason(r"Same text posted earlier in this thread")
def repeated_in_thread() -> str:
    return gettext("Same text posted earlier in this thread")


@_reason(r"Reader on probation")
def on_probation() -> str:
    return gettext("Reader on probation")


@_reason(r"Reported by (?P<count>\d+) readers?")
def reported(count: int | str) -> str:
    count = int(count)
    return ngettext("Reported by %(count)s reader", "Reported by %(count)s readers", count) % {
        "count": count
    }


# The notes of a sanction's decisions.


# The kinds' English labels (Sanction.Kind); a test keeps them in step.
@_reason(r"(?P<kind>On probation|Muted|Banned)(?: until (?P<until>.+))?")
def sanctioned(kind: str, until: str = "") -> str:
    """`kind` a Sanction.Kind, or its label as the record keeps it; `until` when it ends."""
    with translation.override(settings.LANGUAGE_CODE):
        kinds = {str(choice.label): choice for choice in Sanction.Kind}
    label = Sanction.Kind(kinds.get(kind, kind)).label
    if not until:
        return str(label)
    return gettext("%(sanction)s until %(until)s") % {"sanction": label, "until": until}


@_reason(r"With the ban")
def with_the_ban() -> str:
    return gettext("With the ban")
