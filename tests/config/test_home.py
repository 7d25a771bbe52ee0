"""The home page: the featured film, the latest reviews and the catalogue at a glance."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import assert_hidden_reviews_not_shown
from tests.factories import (
    CreditFactory,
    FilmFactory,
    PersonFactory,
    ReviewFactory,
    make_reviews,
)

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def test_home_features_the_film_with_its_directors_and_reviews(client, film, hidden_reviews):
    CreditFactory(film=film, person=PersonFactory(name="Han Ji-won"))
    ReviewFactory(film=film, headline="A farewell written in the stars")

    response = client.get(HOME)

    assert response.status_code == HTTPStatus.OK
    assert response.context["featured"] == film
    assert "Featured film" in response.text
    assert "Directed by" in response.text
    assert "Han Ji-won" in response.text
    assert "A farewell written in the stars" in response.text
    assert_hidden_reviews_not_shown(response)


def test_home_shows_the_latest_six_reviews_and_eight_films(client, film):
    older = ReviewFactory(publish_at=timezone.now() - timedelta(days=30), headline="Oldest")
    newest = sorted(
        (ReviewFactory(film=film) for _ in range(9)),
        key=lambda review: review.publish_at,
        reverse=True,
    )
    FilmFactory.create_batch(10)

    response = client.get(HOME)

    assert list(response.context["featured_reviews"]) == newest[:3]
    assert list(response.context["latest_reviews"]) == newest[3:]
    assert older.headline not in response.text
    assert len(response.context["films"]) == 8


def test_home_latest_reviews_leave_out_those_shown_under_the_featured_film(client, film):
    not_featured = ReviewFactory(
        film=film,
        headline="Fourth of the featured film",
        publish_at=timezone.now() - timedelta(days=5),
    )
    featured = [ReviewFactory(film=film, headline=f"On the featured film {n}") for n in range(3)]
    other = ReviewFactory(headline="Of another film")

    response = client.get(HOME)

    assert set(response.context["featured_reviews"]) == set(featured)
    assert list(response.context["latest_reviews"]) == [other, not_featured]
    for review in featured:
        assert response.text.count(review.headline) == 1


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ko", '<span class="original-title" lang="ko">이 별에 필요한</span>'),
        ("", '<span class="original-title">이 별에 필요한</span>'),
    ],
)
def test_home_marks_the_language_of_the_featured_original_title(client, film, language, expected):
    film.original_title, film.original_language = "이 별에 필요한", language
    film.save()

    response = client.get(HOME)

    assert expected in response.text


def test_home_without_the_featured_film_still_works(client, settings):
    settings.FEATURED_FILM_SLUG = "not-in-the-catalogue"
    ReviewFactory(headline="Some review")

    response = client.get(HOME)

    assert response.status_code == HTTPStatus.OK
    assert response.context["featured"] is None
    assert "Featured film" not in response.text
    assert "Some review" in response.text


def test_home_with_no_reviews_says_so(client, film):
    response = client.get(HOME)

    assert "No reviews are published yet." in response.text


@pytest.mark.parametrize(("films", "reviews"), [(2, 2), (15, 12)])
def test_home_query_count_does_not_grow(client, django_assert_num_queries, film, films, reviews):
    CreditFactory.create_batch(2, film=film)
    make_reviews(reviews, film=film)
    make_reviews(films)

    # featured film, its directors, its genres, its reviews, latest reviews, films, their directors
    with django_assert_num_queries(7):
        response = client.get(HOME)

    assert response.status_code == HTTPStatus.OK
