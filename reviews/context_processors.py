from functools import cache as once

from django.core.cache import cache
from django.http import HttpRequest

from reviews.models import Comment

WAITING_KEY = "moderation:waiting"
# Every page a moderator opens shows the number; readers' new held comments and decisions
# made elsewhere (the admin) may take this long to show in it.
WAITING_SECONDS = 5


def waiting_count() -> int:
    count = cache.get(WAITING_KEY)
    if count is None:
        count = Comment.objects.in_queue().count()
        cache.set(WAITING_KEY, count, WAITING_SECONDS)
    return count


def waiting_count_changed() -> None:
    """After a decision on the desk the moderator's next page counts afresh."""
    cache.delete(WAITING_KEY)


def moderation(request: HttpRequest) -> dict:
    """The number waiting on the desk, for moderators' navigation.

    Moderators are staff, so readers' pages skip the permission lookup and the count. Counted
    only when a template shows it (the whole queue brings its own count), at most once.
    """
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_staff):
        return {}
    if not user.has_perm("reviews.moderate_comment"):
        return {}
    return {"moderation_waiting": once(waiting_count)}
