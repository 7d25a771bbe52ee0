from datetime import timedelta
from http import HTTPStatus

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

from tests.conftest import assert_hidden_reviews_not_shown
from tests.factories import (
    ReviewFactory,
    UserFactory,
    make_reviews,
)

pytestmark = pytest.mark.django_db

REVIEW_LIST = reverse("reviews:review-list")


@pytest.fixture
def mina(db):
    return UserFactory(
        username="mina", profile__display_name="Mina Park", profile__bio="Writes about sound."
    )


# --- Home ------------------------------------------------------------------------------------


# --- Review lists ----------------------------------------------------------------------------


def test_review_list_shows_published_reviews_newest_first(client, film, hidden_reviews):
    old = ReviewFactory(publish_at=timezone.now() - timedelta(days=9), headline="Old one")
    new = ReviewFactory(publish_at=timezone.now() - timedelta(hours=1), headline="New one")

    response = client.get(REVIEW_LIST)

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["review_list"]) == [new, old]
    assert_hidden_reviews_not_shown(response)


def test_review_list_paginates(client):
    ReviewFactory.create_batch(12)

    first = client.get(REVIEW_LIST)
    second = client.get(REVIEW_LIST, {"page": 2})

    assert len(first.context["review_list"]) == 10
    assert len(second.context["review_list"]) == 2
    assert "Page 2 of 2" in second.text


@pytest.mark.parametrize("page_number", ["999", "abc"])
def test_review_list_page_that_does_not_exist_is_not_found(client, page_number):
    ReviewFactory()

    response = client.get(REVIEW_LIST, {"page": page_number})

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_review_list_when_nothing_is_published(client, hidden_reviews):
    response = client.get(REVIEW_LIST)

    assert response.status_code == HTTPStatus.OK
    assert "No reviews are published yet." in response.text


def test_film_review_list_shows_only_that_films_published_reviews(client, film, hidden_reviews):
    mine = ReviewFactory(film=film, headline="About this film")
    ReviewFactory(headline="About another film")

    response = client.get(reverse("reviews:film-reviews", kwargs={"slug": film.slug}))

    assert response.status_code == HTTPStatus.OK
    assert response.context["film"] == film
    assert list(response.context["review_list"]) == [mine]
    assert "Reviews of Lost in Starlight" in response.text
    assert "About another film" not in response.text
    assert_hidden_reviews_not_shown(response)


def test_film_review_list_without_reviews_says_so(client, film):
    response = client.get(reverse("reviews:film-reviews", kwargs={"slug": film.slug}))

    assert "No reviews are published for Lost in Starlight yet." in response.text


def test_film_review_list_of_unknown_film_is_not_found(client, db):
    response = client.get(reverse("reviews:film-reviews", kwargs={"slug": "nope"}))

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- Review detail ---------------------------------------------------------------------------


def test_review_detail_shows_the_article(client, film, mina):
    review = ReviewFactory(
        film=film,
        author=mina,
        headline="A farewell written in the stars",
        standfirst="Han Ji-won's film is a quiet goodbye.",
        rating=8,
        body="## Seoul, 2050\n\nA *very* good film.",
        contains_spoilers=True,
    )

    response = client.get(review.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "A farewell written in the stars" in response.text
    assert "Han Ji-won&#x27;s film is a quiet goodbye." in response.text
    assert "By" in response.text
    assert "Mina Park" in response.text
    assert "Writes about sound." in response.text
    assert "Rated 8 out of 10" in response.text
    assert "<h2>Seoul, 2050</h2>" in response.text
    assert "<em>very</em>" in response.text
    assert "1 min read" in response.text
    assert "Spoiler warning" in response.text


def test_review_detail_byline_falls_back_to_the_username(client):
    review = ReviewFactory(author=UserFactory(username="theo", profile=None))

    response = client.get(review.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "theo" in response.text


def test_review_detail_never_shows_raw_html_from_the_body(client):
    review = ReviewFactory(body="Fine.\n\n<script>alert('x')</script>")

    response = client.get(review.get_absolute_url())

    assert "<script>alert" not in response.text
    assert "&lt;script&gt;" in response.text


def test_review_detail_lists_other_published_reviews_of_the_film(client, film, hidden_reviews):
    review = ReviewFactory(film=film)
    others = [ReviewFactory(film=film, headline=f"Other {n}") for n in range(5)]
    ReviewFactory(headline="About another film")

    response = client.get(review.get_absolute_url())

    shown = list(response.context["other_reviews"])
    assert len(shown) == 4
    assert set(shown) <= set(others)
    assert review not in shown
    assert "More on Lost in Starlight" in response.text
    assert "About another film" not in response.text
    assert_hidden_reviews_not_shown(response)


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_unpublished_review_is_not_found_on_the_site(client, trait):
    review = ReviewFactory(**{trait: True})

    response = client.get(review.get_absolute_url())

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_scheduled_review_goes_live_by_itself(client, film):
    review = ReviewFactory(film=film, publish_at=timezone.now() + timedelta(minutes=1))
    assert client.get(review.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND

    review.publish_at = timezone.now() - timedelta(minutes=1)
    review.save()

    assert client.get(review.get_absolute_url()).status_code == HTTPStatus.OK
    assert review in client.get(REVIEW_LIST).context["review_list"]


# --- Preview ---------------------------------------------------------------------------------


def test_preview_sends_an_anonymous_visitor_to_sign_in(client):
    review = ReviewFactory(draft=True)

    response = client.get(review.get_preview_url())

    assert response.status_code == HTTPStatus.FOUND
    assert (
        response["Location"] == f"{resolve_url(settings.LOGIN_URL)}?next={review.get_preview_url()}"
    )


def test_preview_is_forbidden_to_a_reader(reader_client):
    review = ReviewFactory(draft=True)

    response = reader_client.get(review.get_preview_url())

    assert response.status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize(
    ("trait", "banner"),
    [
        ("draft", "This is a draft; readers cannot see it."),
        ("scheduled", "Scheduled to publish"),
        ("published", "This review is published."),
    ],
)
def test_editor_previews_any_review_with_a_banner(editor_client, trait, banner):
    review = ReviewFactory(
        headline="Work in progress", **({trait: True} if trait != "published" else {})
    )

    response = editor_client.get(review.get_preview_url())

    assert response.status_code == HTTPStatus.OK
    assert response.context["is_preview"] is True
    assert "Preview." in response.text
    assert banner in response.text
    assert "Work in progress" in response.text
    assert reverse("admin:reviews_review_change", args=[review.pk]) in response.text


def test_moderator_may_preview_since_they_may_view_reviews(moderator_client):
    review = ReviewFactory(draft=True)

    response = moderator_client.get(review.get_preview_url())

    assert response.status_code == HTTPStatus.OK


def test_preview_of_unknown_review_is_not_found(editor_client):
    response = editor_client.get(reverse("reviews:review-preview", kwargs={"pk": 999999}))

    assert response.status_code == HTTPStatus.NOT_FOUND


# --- Query counts: fixed whatever the amount of data -------------------------------------------


@pytest.mark.parametrize("count", [2, 12])
def test_review_list_query_count_does_not_grow(get_in_queries, count):
    make_reviews(count)

    # count, reviews with film and byline
    get_in_queries(REVIEW_LIST, 2)


@pytest.mark.parametrize("count", [2, 12])
def test_film_review_list_query_count_does_not_grow(get_in_queries, film, count):
    make_reviews(count, film=film)
    make_reviews(3)

    # film, count, reviews with film and byline
    response = get_in_queries(reverse("reviews:film-reviews", kwargs={"slug": film.slug}), 3)

    assert len(response.context["review_list"]) == min(count, 10)


@pytest.mark.parametrize("count", [1, 12])
def test_review_detail_query_count_does_not_grow(get_in_queries, film, count):
    review, *_others = make_reviews(count + 1, film=film)

    # review with film and byline, other reviews with film and byline, and (no comments yet)
    # the discussion's counts (threads and approved comments, in one query), and the film's
    # scenes for the comment form's scene picker, premiere (its banner)
    response = get_in_queries(review.get_absolute_url(), 5)

    assert response.text.count('class="review-card"') == min(count, 4)
