"""Editors' writes: preview links (made, revoked) and restoring a review's revision.

What they make stale: a preview link shows on no cached page (its page is never kept, by
Django or nginx), so making or revoking one bumps no stamp. A restore is a save of the review
through `review_save`, which says what it made stale (reviews/stamps.py)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.revisions.records import reason_for_restore
from reviews.editorial.history import RESTORED_FIELDS
from reviews.editorial.models import MAX_PREVIEW_DAYS, PreviewLink
from reviews.models import Review
from reviews.services import review_save


@transaction.atomic
def preview_link_create(*, review: Review, editor: User, days: int) -> PreviewLink:
    """A link that shows the unpublished `review` to anyone who has it, for `days` days
    (at most 30)."""
    if not 1 <= days <= MAX_PREVIEW_DAYS:
        raise ValidationError(
            _("A preview link lasts from 1 to %(max)d days.") % {"max": MAX_PREVIEW_DAYS},
            code="preview_link_too_long",
        )
    if review.is_public:
        raise ValidationError(
            _("This review is published: share its address instead."),
            code="preview_link_published",
        )
    now = timezone.now()
    link = PreviewLink(
        review=review, created_by=editor, created_at=now, expires_at=now + timedelta(days=days)
    )
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def preview_link_revoke(*, link: PreviewLink, editor: User) -> PreviewLink:
    """The link stops working at once; revoking it again changes nothing."""
    link = PreviewLink.objects.select_for_update().get(pk=link.pk)
    if link.revoked_at is None:
        link.revoked_at, link.revoked_by = timezone.now(), editor
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


@transaction.atomic
def review_restore(*, review: Review, revision, editor: User) -> Review:
    """Bring back the article as it was in `revision` (one of the review's own): saved through
    `review_save`, so it is a new revision and every page showing it is fresh. Its
    publication, byline and address stay as they are (history.RESTORED_FIELDS)."""
    if revision.id != review.pk:
        raise ValidationError(_("That revision is of another review."), code="other_review")
    for name in RESTORED_FIELDS:
        attname = Review._meta.get_field(name).attname
        setattr(review, attname, getattr(revision, attname))
    review._change_reason = reason_for_restore(revision)
    review._history_user = editor
    return review_save(review=review)
