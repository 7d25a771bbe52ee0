"""The words and phrases that hold a comment for review, as moderators keep them."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from reviews.moderation.models import BlockedTerm


@transaction.atomic
def blocked_term_add(*, phrase: str, moderator: User) -> BlockedTerm:
    phrase = " ".join(phrase.split())
    if not phrase:
        raise ValidationError(_("Enter a word or phrase."), code="empty")
    if BlockedTerm.objects.filter(phrase__iexact=phrase).exists():
        raise ValidationError(
            _("“%(phrase)s” is already on the list.") % {"phrase": phrase}, code="duplicate"
        )
    return BlockedTerm.objects.create(phrase=phrase, created_by=moderator)


@transaction.atomic
def blocked_term_remove(*, pk: int) -> None:
    """Take a phrase off the blocklist (nothing happens if it is gone already)."""
    BlockedTerm.objects.filter(pk=pk).delete()
