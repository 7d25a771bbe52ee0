"""Review articles keep a revision of every save (config/revisions/ says why
django-simple-history rather than django-reversion). The rendered HTML, the reading time and
the search columns are derived from the body: `review_save` remakes them on a restore."""

from config.revisions.records import keep_revisions
from reviews.models import Review

keep_revisions(
    Review,
    excluded_fields=["body_html", "reading_time", "search_vector", "hangul_text", "headline_keys"],
)

# What a restore brings back: the article itself. Its publication (status, time), byline and
# address stay as they are now, so restoring never publishes, unpublishes or moves a review.
RESTORED_FIELDS = [
    "film", "headline", "standfirst", "body", "language", "translation_of", "rating",
    "contains_spoilers",
]  # fmt: skip
