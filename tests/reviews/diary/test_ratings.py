"""Readers rate films from half a star to five stars; the film keeps their counts."""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Avg, Count
from django.test import Client
from django.urls import reverse

from films.models import Film
from reviews.diary import services
from reviews.diary.models import Rating
from tests.factories import FilmFactory, UserFactory


def fresh_counts(film) -> tuple[int, float | None]:
    fresh = Rating.objects.filter(film=film).aggregate(n=Count("pk"), average=Avg("score"))
    return fresh["n"], fresh["average"]


def test_one_rating_per_reader_changed_in_place_and_removed(film, reader):
    services.rating_set(reader=reader, film=film, score=7)
    services.rating_set(reader=reader, film=film, score=4)
    film.refresh_from_db()
    assert Rating.objects.get(reader=reader, film=film).score == 4
    assert film.reader_score_counts == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert film.readers_average == 4
    services.rating_remove(reader=reader, film=film)
    film.refresh_from_db()
    assert film.readers_rating_count == 0
    assert film.readers_average is None


@pytest.mark.parametrize("score", [0, 11, -1])
def test_a_score_out_of_range_is_refused(film, reader, score):
    with pytest.raises(ValidationError, match="half a star to five stars"):
        services.rating_set(reader=reader, film=film, score=score)
    assert not Rating.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_rating_changes_leave_the_counts_equal_to_a_fresh_count():
    film = FilmFactory()
    readers = [UserFactory() for _ in range(50)]
    changes = [(readers[i % 50], 1 + (i * 7) % 10) for i in range(200)]

    def rate(change):
        reader, score = change
        try:
            if score == 10 and reader.pk % 3 == 0:
                services.rating_remove(reader=reader, film=film)
            else:
                services.rating_set(reader=reader, film=film, score=score)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(rate, changes))
    film = Film.objects.get(pk=film.pk)
    count, average = fresh_counts(film)
    assert film.readers_rating_count == count > 0
    assert film.readers_average == pytest.approx(average)


@pytest.mark.django_db(transaction=True)
def test_one_readers_concurrent_first_ratings_count_once():
    """Their requests race to create the one rating: the loser changes it instead."""
    film, reader = FilmFactory(), UserFactory()

    def rate(score):
        try:
            if score == 10:
                services.rating_remove(reader=reader, film=film)
            else:
                services.rating_set(reader=reader, film=film, score=score)
        finally:
            connection.close()

    for _ in range(5):
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(rate, [1 + i % 10 for i in range(16)]))
        film = Film.objects.get(pk=film.pk)
        assert film.readers_rating_count == fresh_counts(film)[0] <= 1
        services.rating_remove(reader=reader, film=film)


def test_a_reader_rates_from_the_film_page_without_javascript(reader_client, film):
    response = reader_client.post(reverse("diary:rate", args=[film.slug]), {"score": "9"})
    assert response.status_code == 302
    page = reader_client.get(response.url)
    assert "Your rating is saved." in page.text
    assert 'value="9" checked' in page.text
    assert "Average of 1 rating" in page.text


def test_in_place_with_htmx_the_readers_part_comes_back(reader_client, film):
    response = reader_client.post(
        reverse("diary:rate", args=[film.slug]), {"score": "3"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section class="rating-summary')
    assert 'value="3" checked' in response.text


@pytest.mark.parametrize("data", [{}, {"score": "12"}, {"score": "four"}])
def test_a_bad_rating_gets_a_message_and_a_400(reader_client, film, data):
    response = reader_client.post(reverse("diary:rate", args=[film.slug]), data)
    assert response.status_code == 400
    assert "half a star to five stars" in response.text
    assert not Rating.objects.exists()


def test_removing_a_rating(reader_client, reader, film):
    services.rating_set(reader=reader, film=film, score=6)
    response = reader_client.post(reverse("diary:rate", args=[film.slug]), {"remove": "1"})
    assert response.status_code == 302
    assert not Rating.objects.exists()


@pytest.mark.parametrize("ratings", [0, 40])
def test_a_rating_post_is_one_statement_however_many_ratings(
    page_cache_on, reader_client, film, ratings, django_assert_num_queries
):
    """Session and reader, then the rating and the film's counts in one statement: the film
    itself is kept (its address and key), so the POST costs no query to find it."""
    for _ in range(ratings):
        services.rating_set(reader=UserFactory(), film=film, score=7)
    url = reverse("diary:rate", args=[film.slug])
    reader_client.post(url, {"score": "4"})  # the film's address kept
    for score in ("5", "5", "6"):  # a change, no change, a change
        with django_assert_num_queries(3):
            assert reader_client.post(url, {"score": score}).status_code == 302
    with django_assert_num_queries(3):
        reader_client.post(url, {"remove": "1"})
    film.refresh_from_db()
    assert film.readers_rating_count == fresh_counts(film)[0]


def test_signed_out_readers_are_asked_to_sign_in(client, film):
    response = client.post(reverse("diary:rate", args=[film.slug]), {"score": "9"})
    assert response.status_code == 302
    assert "/en/accounts/login/" in response.url
    page = client.get(film.get_absolute_url())
    assert "Sign in to rate" in page.text
    assert 'name="score"' not in page.text


def test_the_film_page_shows_readers_apart_from_critics(client, film):
    for score in (10, 8, 8):
        services.rating_set(reader=UserFactory(), film=film, score=score)
    page = client.get(film.get_absolute_url()).text
    assert ">Critics<" in page
    assert ">Readers<" in page
    assert "Average of 3 ratings" in page
    assert 'aria-label="Rated 8.7 out of 10"' in page


@pytest.mark.parametrize("ratings", [1, 40])
def test_the_film_page_costs_the_same_queries_however_many_ratings(
    reader_client, reader, film, ratings, django_assert_num_queries
):
    for _ in range(ratings):
        services.rating_set(reader=UserFactory(), film=film, score=7)
    services.rating_set(reader=reader, film=film, score=5)
    reader_client.get(film.get_absolute_url())  # the session and reader, loaded once
    # session, reader with profile, film, genres, watch options, credits, the critics' score
    # and reviews, the reader's own rating, watchlist and watches, how far they watched it
    # (their spoiler gate), the readers' reviews, the film's scenes (none: no counts read),
    # the film's premiere (its banner)
    with django_assert_num_queries(13):
        page = reader_client.get(film.get_absolute_url())
    assert 'value="5" checked' in page.text


def test_film_cards_show_the_readers_average(client, film):
    services.rating_set(reader=UserFactory(), film=film, score=6)
    page = client.get(reverse("films:film-list")).text
    assert 'class="film-card__readers"' in page
    assert "Rated 6 out of 10" in page


def test_deleting_an_account_takes_its_ratings_out_of_the_films_counts(film, reader):
    from reviews.readers.services import account_delete

    other = FilmFactory()
    services.rating_set(reader=reader, film=film, score=2)
    services.rating_set(reader=reader, film=other, score=4)
    services.rating_set(reader=UserFactory(), film=film, score=10)
    account_delete(user=reader)
    film.refresh_from_db()
    other.refresh_from_db()
    assert film.reader_score_counts == [0] * 9 + [1]
    assert other.readers_rating_count == 0


def test_a_rating_leaves_the_kept_film_body_and_other_readers_state_alone(
    page_cache_on, reader_client, reader, film, django_assert_num_queries
):
    url = film.get_absolute_url()
    reader_client.get(url)  # parts kept
    # session and reader: the film's row and body, the reader's rating and lists are kept
    with django_assert_num_queries(2):
        reader_client.get(url)
    services.rating_set(reader=UserFactory(), film=film, score=9)
    # the film's row again (its counts changed), but not its body: that shows no score
    with django_assert_num_queries(3):
        page = reader_client.get(url)
    assert "Average of 1 rating" in page.text


def test_readers_share_the_kept_film_body_but_each_sees_their_own_rating(
    page_cache_on, reader_client, reader, film
):
    other = UserFactory()
    other_client = Client(enforce_csrf_checks=True)
    other_client.force_login(other)
    services.rating_set(reader=reader, film=film, score=3)
    services.rating_set(reader=other, film=film, score=8)
    url = film.get_absolute_url()
    for _ in range(2):  # kept, then served from what was kept
        mine, theirs = reader_client.get(url).text, other_client.get(url).text
        assert 'value="3" checked' in mine
        assert 'value="8" checked' not in mine
        assert 'value="8" checked' in theirs
        assert 'value="3" checked' not in theirs
        assert "PAGECACHECSRFTOKEN" not in mine + theirs
    # The form carries the reader's own token: it is accepted.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', theirs).group(1)
    rated = other_client.post(
        reverse("diary:rate", args=[film.slug]), {"score": "9", "csrfmiddlewaretoken": token}
    )
    assert rated.status_code == 302
    assert Rating.objects.get(reader=other).score == 9
