"""How many comments wait on the desk, for every moderator's navigation."""

from __future__ import annotations

from config import pagecache
from reviews import stamps
from reviews.discussion.models import Comment


def waiting_count() -> int:
    """Counted once and kept until which comments wait changes."""
    return pagecache.page_part(
        None,
        "moderation-waiting",
        lambda: (Comment.objects.in_queue().count(), [stamps.WAITING]),
    ).value
