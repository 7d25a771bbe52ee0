"""Shareable preview links: a signed address that shows an unpublished review to anyone who
has it, until it expires or an editor revokes it."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_PREVIEW_DAYS = 30
TOKEN_SALT = "reviews.editorial.preview-link"


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self) -> PreviewLinkQuerySet:
        """Links that open their review now: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    review = models.ForeignKey(
        "reviews.Review",
        on_delete=models.CASCADE,
        related_name="preview_links",
        verbose_name=_("review"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("made by"),
    )
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at"))
                & models.Q(
                    expires_at__lte=models.F("created_at") + timedelta(days=MAX_PREVIEW_DAYS)
                ),
                name="preview_link_expires_within_30_days",
                violation_error_message=_("A preview link lasts at most 30 days."),
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=False) | models.Q(revoked_by__isnull=True),
                name="preview_link_revoked_by_needs_revoked_at",
                violation_error_message=_("A revoked link says when it was revoked."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review} ({self.expires_at:%Y-%m-%d})"

    def get_absolute_url(self) -> str:
        return reverse("editorial:preview-link", kwargs={"token": self.token})

    @property
    def token(self) -> str:
        """The signed name of the link: the only credential its address carries."""
        return signing.dumps(self.pk, salt=TOKEN_SALT, compress=False)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired


def preview_link_id(token: str) -> int | None:
    """The link a token names, or None for a token we did not sign (forged or altered)."""
    try:
        value = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
