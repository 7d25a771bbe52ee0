"""Readers' ratings, diaries, reviews and watchlists in the admin: listed, searched, filtered,
removed through the diary's services."""

from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from films.models import Film
from reviews.diary import services
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry
from reviews.discussion.models import Comment
from tests.factories import FilmFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELISTS = {
    "rating": reverse("admin:reviews_rating_changelist"),
    "entry": reverse("admin:reviews_diaryentry_changelist"),
    "review": reverse("admin:reviews_readerreview_changelist"),
    "watchlist": reverse("admin:reviews_watchlistentry_changelist"),
}


def results(response) -> list:
    return list(response.context["cl"].result_list)


@pytest.fixture
def activity():
    """Two readers, two films: ratings, a watch with a review, a rewatch, a watchlist."""
    starlight = FilmFactory(title="Lost in Starlight")
    summer = FilmFactory(title="The Summer")
    jiwoo = UserFactory(username="jiwoo", profile__display_name="지우")
    sam = UserFactory(username="sam", profile__display_name="Sam Reyes")
    services.rating_set(reader=jiwoo, film=starlight, score=9)
    services.rating_set(reader=sam, film=starlight, score=3)
    services.watch_log(
        reader=jiwoo,
        film=starlight,
        watched_on=date(2025, 6, 1),
        score=9,
        review="The turntable scene is the heart of it.",
        contains_spoilers=True,
        tags=["netflix"],
    )
    services.watch_log(reader=jiwoo, film=starlight, watched_on=date(2026, 2, 14), rewatch=True)
    services.watch_log(reader=sam, film=summer, watched_on=date(2025, 8, 3), score=6)
    services.watchlist_add(reader=sam, film=FilmFactory(title="Your Name."))
    return {"starlight": starlight, "summer": summer, "jiwoo": jiwoo, "sam": sam}


def film_titles(response) -> list[str]:
    return sorted(row.film.title for row in results(response))


@pytest.mark.parametrize(
    ("changelist", "query", "expected"),
    [
        ("rating", {}, ["Lost in Starlight", "Lost in Starlight", "The Summer"]),
        ("rating", {"q": "jiwoo"}, ["Lost in Starlight"]),
        ("rating", {"q": "Reyes"}, ["Lost in Starlight", "The Summer"]),
        ("rating", {"q": "summer"}, ["The Summer"]),
        ("rating", {"score__exact": "3"}, ["Lost in Starlight"]),
        ("entry", {}, ["Lost in Starlight", "Lost in Starlight", "The Summer"]),
        ("entry", {"q": "turntable"}, ["Lost in Starlight"]),
        ("entry", {"q": "지우"}, ["Lost in Starlight", "Lost in Starlight"]),
        ("entry", {"rewatch__exact": "1"}, ["Lost in Starlight"]),
        (
            "entry",
            {"review_status__exact": Comment.Status.APPROVED},
            ["Lost in Starlight", "Lost in Starlight", "The Summer"],
        ),
        ("entry", {"review_status__exact": Comment.Status.PENDING}, []),
        ("entry", {"watched_on__year": "2025"}, ["Lost in Starlight", "The Summer"]),
        ("entry", {"watched_on__year": "2026", "watched_on__month": "2"}, ["Lost in Starlight"]),
        ("review", {}, ["Lost in Starlight"]),
        ("review", {"contains_spoilers__exact": "1"}, ["Lost in Starlight"]),
        ("review", {"q": "sam"}, []),
        ("watchlist", {}, ["Your Name."]),
        ("watchlist", {"q": "jiwoo"}, []),
    ],
)
def test_changelists_search_and_filter(admin_client, activity, changelist, query, expected):
    response = admin_client.get(CHANGELISTS[changelist], query)

    assert response.status_code == HTTPStatus.OK
    assert film_titles(response) == expected


def test_rating_changelist_filters_by_film(admin_client, activity):
    response = admin_client.get(CHANGELISTS["rating"], {"film__id__exact": activity["summer"].pk})

    assert [rating.reader for rating in results(response)] == [activity["sam"]]


def test_scores_show_as_stars_with_halves_and_readers_by_name(admin_client, activity):
    services.rating_set(reader=activity["sam"], film=activity["starlight"], score=7)

    response = admin_client.get(CHANGELISTS["rating"])

    assert 'aria-label="3.5 of 5 stars"' in response.text
    assert ">★★★½<" in response.text
    assert ">★★★★½<" in response.text
    assert "지우 (jiwoo)" in response.text


def test_reader_review_list_shows_the_start_of_the_review(admin_client, activity):
    response = admin_client.get(CHANGELISTS["review"])

    assert "The turntable scene is the heart of it." in response.text


@pytest.mark.parametrize("changelist", list(CHANGELISTS))
def test_changelist_query_count_does_not_grow_with_rows(
    admin_client, activity, changelist, django_assert_num_queries
):
    admin_client.get(CHANGELISTS[changelist])  # the session and the site's first reads
    expected = {"rating": 8, "entry": 7, "review": 8, "watchlist": 8}[changelist]
    with django_assert_num_queries(expected):
        admin_client.get(CHANGELISTS[changelist])

    more = [UserFactory() for _ in range(4)]
    for film in Film.objects.all():
        for reader in more:
            services.watch_log(reader=reader, film=film, score=8, review="Again.")
            services.watchlist_add(reader=reader, film=film)
    with django_assert_num_queries(expected):
        admin_client.get(CHANGELISTS[changelist])


def test_readers_activity_is_not_added_or_changed_in_the_admin(admin_client, activity):
    rating = Rating.objects.first()

    add = admin_client.get(reverse("admin:reviews_rating_add"))
    change = admin_client.post(
        reverse("admin:reviews_rating_change", args=[rating.pk]), {"score": "1"}
    )

    assert add.status_code == HTTPStatus.FORBIDDEN
    rating.refresh_from_db()
    assert rating.score == 9
    assert change.status_code == HTTPStatus.FORBIDDEN


def test_deleting_a_rating_in_the_admin_counts_the_films_scores_again(admin_client, activity):
    starlight = activity["starlight"]
    rating = Rating.objects.get(reader=activity["sam"], film=starlight)
    starlight.refresh_from_db()
    assert starlight.reader_score_counts == [0, 0, 1, 0, 0, 0, 0, 0, 1, 0]

    response = admin_client.post(
        reverse("admin:reviews_rating_delete", args=[rating.pk]), {"post": "yes"}
    )

    assert response.status_code == HTTPStatus.FOUND
    starlight.refresh_from_db()
    assert starlight.reader_score_counts == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
    assert starlight.readers_average == 9


def test_deleting_selected_ratings_counts_each_film_again(admin_client, activity):
    response = admin_client.post(
        CHANGELISTS["rating"],
        {
            "action": "delete_selected",
            ACTION_CHECKBOX_NAME: list(Rating.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not Rating.objects.exists()
    counts = Film.objects.values_list("reader_score_counts", flat=True)
    assert all(film_counts == [0] * 10 for film_counts in counts)


def test_deleting_a_diary_entry_keeps_the_readers_rating(admin_client, activity):
    entry = DiaryEntry.objects.get(review__startswith="The turntable")

    response = admin_client.post(
        reverse("admin:reviews_readerreview_delete", args=[entry.pk]), {"post": "yes"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not DiaryEntry.objects.filter(pk=entry.pk).exists()
    assert Rating.objects.get(reader=activity["jiwoo"], film=activity["starlight"]).score == 9


def test_deleting_a_watchlist_entry_in_the_admin(admin_client, activity):
    listed = WatchlistEntry.objects.get()

    response = admin_client.post(
        reverse("admin:reviews_watchlistentry_delete", args=[listed.pk]), {"post": "yes"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not WatchlistEntry.objects.exists()


def test_film_changelist_shows_the_readers_average_and_count(admin_client, activity):
    response = admin_client.get(reverse("admin:films_film_changelist"))

    assert response.status_code == HTTPStatus.OK
    assert "Readers&#x27; average" in response.text
    assert "6.0/10" in response.text  # (9 + 3) / 2 for Lost in Starlight
