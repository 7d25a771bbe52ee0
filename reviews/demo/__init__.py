"""Demo content for the film-review site, read by `seed_demo`: pure data, no Django imports.
The catalogue is a data file (catalogue.toml); the reviews and comments are Python lists; the
readers' ratings, diaries and reviews are drawn from readers.toml (activity.py).

All facts come from /work/shared/FILM.md; all prose is written for this project.
The three authors are fictional demo personas.
"""

import tomllib
from pathlib import Path

from reviews.demo.activity import ACTIVITY
from reviews.demo.authors import AUTHORS
from reviews.demo.discussion import COMMENTS, MODERATED_COMMENTS, NOTES, READERS, REMOVALS, REPORTS
from reviews.demo.korean_reviews import KOREAN_REVIEWS
from reviews.demo.lost_in_starlight_reviews import LOST_IN_STARLIGHT_REVIEWS
from reviews.demo.related_film_reviews import RELATED_FILM_REVIEWS
from reviews.demo.scenes import FILM as SCENES_FILM
from reviews.demo.scenes import SCENE_COMMENTS, SCENES

with (Path(__file__).parent / "catalogue.toml").open("rb") as catalogue:
    _CATALOGUE = tomllib.load(catalogue)
PEOPLE, GENRES, FILMS = _CATALOGUE["people"], _CATALOGUE["genres"], _CATALOGUE["films"]
for _film in FILMS:
    _film.setdefault("running_time", None)  # TOML has no null: unknown ones are left out

# In the order the seed has always created them, so that a fresh database gets the same ids.
# The Korean ones last: a translation is seeded after its original.
REVIEWS = [*LOST_IN_STARLIGHT_REVIEWS, *RELATED_FILM_REVIEWS, *KOREAN_REVIEWS]

__all__ = [
    "ACTIVITY",
    "AUTHORS",
    "COMMENTS",
    "FILMS",
    "GENRES",
    "MODERATED_COMMENTS",
    "NOTES",
    "PEOPLE",
    "READERS",
    "REMOVALS",
    "REPORTS",
    "REVIEWS",
    "SCENES",
    "SCENES_FILM",
    "SCENE_COMMENTS",
]
