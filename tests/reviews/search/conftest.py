"""Shared by the site search's tests: a small catalogue in three scripts, and helpers."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from films.models import Credit
from tests.factories import (
    CreditFactory,
    FilmFactory,
    GenreFactory,
    PersonFactory,
    ReviewFactory,
)

SEARCH = reverse("reviews:search")


@pytest.fixture
def catalogue(db):
    """Two films in three scripts, their directors, and reviews of each."""
    animation = GenreFactory(name="Animation", slug="animation")
    drama = GenreFactory(name="Drama", slug="drama")
    starlight = FilmFactory(
        lost_in_starlight=True,
        release_date=date(2025, 5, 30),
        tagline="Love across the distance between Earth and Mars.",
        synopsis="An astronaut bound for Mars and a musician who repairs old audio gear.",
    )
    starlight.genres.add(animation, drama)
    your_name = FilmFactory(
        title="Your Name.",
        original_title="君の名は。",
        original_language="ja",
        slug="your-name",
        release_date=date(2016, 8, 26),
        tagline="Two strangers swap bodies.",
        synopsis="A comet, a town in the mountains, and a thread that ties two lives.",
    )
    your_name.genres.add(animation)
    han = PersonFactory(name="Han Ji-won", original_name="한지원", slug="han-ji-won")
    shinkai = PersonFactory(name="Makoto Shinkai", original_name="新海誠", slug="makoto-shinkai")
    CreditFactory(film=starlight, person=han, role=Credit.Role.DIRECTOR)
    CreditFactory(film=your_name, person=shinkai, role=Credit.Role.DIRECTOR)
    ReviewFactory(
        film=starlight,
        headline="A love letter written in starlight",
        standfirst="Han Ji-won's debut feature looks up.",
        body="The **Mars** sequences are luminous; the songs carry the film home.",
        slug="love-letter",
    )
    ReviewFactory(
        film=your_name,
        headline="The comet and the thread",
        standfirst="Shinkai's body-swap romance still dazzles.",
        body="Musician or not, everyone remembers the soundtrack and the comet.",
        slug="comet-thread",
    )
    return {"starlight": starlight, "your_name": your_name, "han": han, "shinkai": shinkai}


def titles(response) -> list[str]:
    """The films and reviews listed, in order, by title or headline."""
    return [
        result.object.title if result.kind == "film" else result.object.headline
        for result in response.context["results"]
    ]


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == HTTPStatus.OK
    return response


def make_matches(films: int, reviews: int) -> None:
    """Films that mention a comet in their synopsis, and reviews with one in the headline
    (which rank higher): a first page holds both kinds as long as reviews < 10."""
    for n in range(films):
        film = FilmFactory(title=f"Film {n}", synopsis="A comet over the town.")
        CreditFactory(film=film, person=PersonFactory(name=f"Director {n}"))
    for n in range(reviews):
        ReviewFactory(headline=f"Comet review {n}", body="The comet.")


# Genre choices in the form; one statement for both counts and the page's ranked keys; the
# films of the page and their credits (directors and matched ones); the reviews of the page.
SEARCH_QUERIES = 5
