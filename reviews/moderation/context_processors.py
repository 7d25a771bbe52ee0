from functools import cache

from django.http import HttpRequest

from reviews.moderation import queue


def moderation(request: HttpRequest) -> dict:
    """The number waiting on the desk, for moderators' navigation.

    Moderators are staff, so readers' pages skip the permission lookup and the count. Counted
    only when a template shows it (the whole queue brings its own count), at most once per
    request, and kept until the queue changes (reviews.moderation.queue.waiting_count).
    """
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_staff):
        return {}
    if not user.has_perm("reviews.moderate_comment"):
        return {}
    return {"moderation_waiting": cache(queue.waiting_count)}
