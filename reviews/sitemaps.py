"""Published reviews in sitemap.xml, with the dates they last changed."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models.functions import Greatest

from reviews.models import Review


class ReviewSitemap(Sitemap):
    """Published reviews only: drafts and scheduled reviews are 404 to the public."""

    changefreq = "weekly"
    priority = 0.7
    # Each page in every language, each entry naming the others (xhtml:link) and x-default.
    i18n = alternates = x_default = True

    def items(self):
        return (
            Review.objects.published()
            .annotate(last_changed=Greatest("updated_at", "publish_at"))
            .only("slug", "updated_at", "publish_at")
            .order_by("pk")
        )

    def lastmod(self, review: Review):
        return review.last_changed
