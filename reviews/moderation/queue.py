"""How many comments and reader reviews wait on the desk, for every moderator's navigation."""

from __future__ import annotations

from config import pagecache
from reviews import stamps
from reviews.moderation.forms import QueueFilterForm


def waiting_count() -> int:
    """Counted once (the queue's own rows, in one statement) and kept until which wait changes."""
    return pagecache.page_part(
        None,
        "moderation-waiting",
        lambda: (QueueFilterForm().queue().count(), [stamps.WAITING]),
        localised=False,
    ).value
