"""Background work, run by `manage.py db_worker` (at once in tests)."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from reviews.discussion.models import Comment
from reviews.readers.models import Profile

UNSUBSCRIBE_SALT = "reviews.unsubscribe-replies"


def unsubscribe_token(user_id: int) -> str:
    return signing.dumps(user_id, salt=UNSUBSCRIBE_SALT)


def user_id_from_unsubscribe_token(token: str) -> int | None:
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None


@task()
def send_reply_notification(comment_id: int) -> bool:
    """E-mail the author of the answered comment a link to the reply. True if sent."""
    reply = (
        Comment.objects.select_related(
            "author__profile",
            "review",
            "entry__reader__profile",
            "entry__film",
            "in_reply_to__author",
        )
        .filter(pk=comment_id, status=Comment.Status.APPROVED, deleted_at__isnull=True)
        .first()
    )
    if reply is None or reply.in_reply_to is None or reply.in_reply_to.author is None:
        return False
    recipient = reply.in_reply_to.author
    profile = Profile.objects.filter(user=recipient).first()
    if not recipient.email or (profile is not None and not profile.notify_replies):
        return False
    # In the recipient's language, links included (reversed inside, so that they carry its
    # /ko/ or /en/), whatever language the worker or the replier's request is in.
    with translation.override((profile.language if profile else "") or settings.LANGUAGE_CODE):
        unsubscribe_url = settings.SITE_URL + reverse(
            "readers:unsubscribe", kwargs={"token": unsubscribe_token(recipient.pk)}
        )
        context = {
            "reply": reply,
            "replier": getattr(reply.author, "profile", None) or reply.author.get_username(),
            "recipient_name": profile.display_name if profile else recipient.get_username(),
            "reply_url": settings.SITE_URL + reply.get_absolute_url(),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = _("New reply to your comment on “%(title)s”") % {"title": reply.subject_title}
        body = render_to_string("reviews/discussion/email/reply_notification.txt", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()
    return True
