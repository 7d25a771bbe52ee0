"""The e-mail telling an author how their appeal was decided, sent by the task worker after
the decision commits (`manage.py db_worker`; at once in tests)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from reviews.appeals.models import Appeal
from reviews.readers.models import Profile


@task()
def send_appeal_outcome(appeal_id: int) -> bool:
    """E-mail the appeal's author its outcome, in their language, with links to the item and
    to their moderation record. True if sent."""
    appeal = (
        Appeal.objects.select_related("author", "comment", "entry__film")
        .exclude(status=Appeal.Status.OPEN)
        .filter(pk=appeal_id)
        .first()
    )
    if appeal is None or not appeal.author.email:
        return False
    author = appeal.author
    profile = Profile.objects.filter(user=author).first()
    # Reversed inside, so that the links carry the author's /ko/ or /en/.
    with translation.override((profile.language if profile else "") or settings.LANGUAGE_CODE):
        context = {
            "appeal": appeal,
            "granted": appeal.status == Appeal.Status.GRANTED,
            "name": (profile.display_name if profile else "") or author.get_username(),
            "item_url": settings.SITE_URL + appeal.item.get_absolute_url(),
            "record_url": settings.SITE_URL + reverse("readers:record"),
            "is_review": appeal.entry_id is not None,
        }
        if appeal.status == Appeal.Status.GRANTED:
            subject = _("Your appeal was granted")
        else:
            subject = _("Your appeal was denied")
        body = render_to_string("reviews/appeals/email/appeal_outcome.txt", context)
    EmailMessage(subject=subject, body=body, to=[author.email]).send()
    return True
