"""Whether a new comment may be posted, and whether it waits for a moderator.

The discussion asks; moderation answers. It registers its screen when the app starts
(reviews/apps.py), so the discussion never imports moderation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Draft:
    """A comment about to be posted."""

    author: User
    body: str
    # The thread it joins: the id of its top-level comment, None when it starts a thread.
    thread_id: int | None
    # The film its thread is about (a premiere's rules hold on all of the film's threads).
    film_id: int | None = None


@dataclass(frozen=True)
class Verdict:
    refusal: ValidationError | None = None  # raised to the reader: they may not post
    hold_reason: str = ""  # why it waits for a moderator; "" publishes it at once


Screen = Callable[[Draft], Verdict]
_screens: list[Screen] = []


def register(screen: Screen) -> None:
    if screen not in _screens:
        _screens.append(screen)


def screen(draft: Draft) -> Verdict:
    """The first refusal or hold any registered screen gives; else publish."""
    held = ""
    for each in _screens:
        verdict = each(draft)
        if verdict.refusal is not None:
            return verdict
        held = held or verdict.hold_reason
    return Verdict(hold_reason=held)
