"""The moderation desk's queue: how many comments wait, and when its kept HTML is stale."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet

from config import pagecache
from reviews.discussion.models import Comment, CommentReport

# How many comments wait on the desk, in every moderator's navigation: counted once and kept
# until the queue changes, which only these services do (a minute at most, should anything
# else touch a comment's status).
_WAITING_KEY = "moderation:waiting"
_WAITING_SECONDS = 60
# The page-cache stamp of the desk's queue (reviews/desk.py keeps it whole in the cache): bumped
# by every change to what the queue shows, which comments wait and what it says about them.
QUEUE_STAMP = "moderation-queue"


def waiting_count() -> int:
    count = cache.get(_WAITING_KEY)
    if count is None:
        count = Comment.objects.in_queue().count()
        cache.set(_WAITING_KEY, count, _WAITING_SECONDS)
    return count


def changed() -> None:
    """Which comments wait changed: count afresh, now and again once the change is committed
    (a count taken in between would still see the old queue), and render the queue afresh."""
    cache.delete(_WAITING_KEY)
    pagecache.changed(QUEUE_STAMP)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: cache.delete(_WAITING_KEY))


def _waiting(comments: QuerySet[Comment]) -> QuerySet[Comment]:
    """Those of `comments` in the queue: held, or published with open reports."""
    open_reports = CommentReport.objects.filter(
        comment=OuterRef("pk"), resolution=CommentReport.Resolution.OPEN
    )
    return comments.filter(
        Q(status=Comment.Status.PENDING) | Q(Exists(open_reports), status=Comment.Status.APPROVED),
        author__isnull=False,
    )


def shows_changed(*comments: QuerySet[Comment]) -> None:
    """Something the queue shows about these comments changed (not whether they wait): render
    it afresh if any of them is there. An indexed look-up, so that readers' everyday posts and
    edits leave the cached queue alone."""
    # Read inside this transaction: a comment that starts waiting between this check and our
    # commit is missed, and its queue keeps our old text (names, counts) until the minute the
    # queue is keyed by runs out (reviews/desk.py).
    if any(_waiting(some).exists() for some in comments):
        pagecache.changed(QUEUE_STAMP)
