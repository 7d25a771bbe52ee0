"""Film records keep their revisions (config/revisions/ says why django-simple-history).

Registered here, from films/translation.py, after django-modeltranslation has added the
per-language columns (title_en, title_ko, ...), so that revisions keep both languages.
Search vectors and Hangul keys (generated), poster copies and the readers' score counts
(kept by their own services) are not part of an editor's revision."""

from config.revisions.records import keep_revisions
from films.models import Film

# The untranslated columns (title, ...) repeat the English or Korean ones (SavesSourceLanguage).
NOT_KEPT = [
    "title", "tagline", "synopsis",
    "search_vector", "hangul_keys", "poster_variants", "reader_score_counts",
]  # fmt: skip

keep_revisions(Film, excluded_fields=NOT_KEPT)

# What a restore brings back: the record's words in both languages and its facts; its
# address (slug), poster and genres stay as they are now.
RESTORED_FIELDS = [
    "title_en", "title_ko", "original_title", "original_language", "release_date",
    "release_date_precision", "running_time", "tagline_en", "tagline_ko", "synopsis_en",
    "synopsis_ko", "countries", "languages",
]  # fmt: skip
