from django.http import HttpRequest

from reviews.models import Comment


def moderation(request: HttpRequest) -> dict:
    """The number waiting on the desk, for moderators' navigation.

    Moderators are staff, so readers' pages skip the permission lookup and the count.
    """
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and user.is_staff):
        return {}
    if not user.has_perm("reviews.moderate_comment"):
        return {}
    return {"moderation_waiting": Comment.objects.in_queue().count()}
