"""Demo content for the film-review site (pure data, no Django imports), read by `seed_demo`.

All facts come from /work/shared/FILM.md; all prose is written for this project.
The three authors are fictional demo personas.
"""

from reviews.demo.authors import AUTHORS
from reviews.demo.catalogue import FILMS, GENRES, PEOPLE
from reviews.demo.discussion import COMMENTS, MODERATED_COMMENTS, READERS, REPORTS
from reviews.demo.lost_in_starlight_reviews import LOST_IN_STARLIGHT_REVIEWS
from reviews.demo.related_film_reviews import RELATED_FILM_REVIEWS

# In the order the seed has always created them, so that a fresh database gets the same ids.
REVIEWS = [*LOST_IN_STARLIGHT_REVIEWS, *RELATED_FILM_REVIEWS]

__all__ = [
    "AUTHORS",
    "COMMENTS",
    "FILMS",
    "GENRES",
    "MODERATED_COMMENTS",
    "PEOPLE",
    "READERS",
    "REPORTS",
    "REVIEWS",
]
