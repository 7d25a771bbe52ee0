"""Moderation's screen of every new comment (registered with reviews.discussion.screening):
a reader under a mute or ban is refused; the hold rules may send the comment to the desk."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext

from reviews.discussion.screening import Draft, Verdict
from reviews.moderation import rules
from reviews.moderation.models import Sanction

_NEVER = datetime.max.replace(tzinfo=UTC)


def refusing_sanction(sanctions: Iterable[Sanction]) -> Sanction | None:
    """Of a reader's active sanctions, the one that stops them posting, if any: the one that
    ends last (probation only holds comments, see reviews/moderation/rules.py)."""
    refusing = [sanction for sanction in sanctions if sanction.kind in Sanction.REFUSING]
    return max(refusing, key=lambda sanction: sanction.expires_at or _NEVER, default=None)


def sanction_message(sanction: Sanction) -> str:
    """What a muted or banned reader is told when they try to post, in their language."""
    values = {"reason": sanction.reason}
    if sanction.expires_at:
        until = timezone.localtime(sanction.expires_at)
        values["until"] = formats.date_format(until, "DATETIME_FORMAT")
        if sanction.kind == Sanction.Kind.BAN:
            return gettext("You cannot post: banned until %(until)s. Reason: %(reason)s") % values
        return gettext("You cannot post: muted until %(until)s. Reason: %(reason)s") % values
    if sanction.kind == Sanction.Kind.BAN:
        return gettext("You cannot post: banned. Reason: %(reason)s") % values
    return gettext("You cannot post: muted. Reason: %(reason)s") % values


def screen(draft: Draft) -> Verdict:
    # One query for the sanctions that refuse the post and for probation, which holds it.
    sanctions = list(Sanction.objects.active().filter(user=draft.author))
    if sanction := refusing_sanction(sanctions):
        return Verdict(refusal=ValidationError(sanction_message(sanction), code="sanctioned"))
    held = rules.hold_reason(
        rules.Draft(
            author=draft.author, body=draft.body, sanctions=sanctions, thread_id=draft.thread_id
        )
    )
    return Verdict(hold_reason=held)
