"""What a page depends on, read off the objects it shows (config/pagecache/stamps.py)."""

from dataclasses import dataclass

import pytest

from config import pagecache
from films.models import Credit, Film
from reviews.models import Review
from tests.factories import CommentFactory, CreditFactory, FilmFactory, GenreFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_an_object_and_what_was_loaded_with_it():
    review = ReviewFactory()
    loaded = Review.objects.select_related("film", "author__profile").get(pk=review.pk)

    assert pagecache.stamps_of(loaded) >= {
        f"reviews.review:{review.pk}",
        f"films.film:{review.film_id}",
        f"auth.user:{review.author_id}",
        f"reviews.profile:{review.author.profile.pk}",
    }


def test_prefetched_objects_and_lists_made_by_to_attr():
    film = FilmFactory()
    film.genres.add(genre := GenreFactory())
    credit = CreditFactory(film=film)
    (loaded,) = Film.objects.with_directors().prefetch_related("genres").filter(pk=film.pk)

    found = pagecache.stamps_of([loaded])

    assert {f"films.genre:{genre.pk}", f"films.credit:{credit.pk}"} <= found
    assert f"films.person:{credit.person_id}" in found


def test_what_an_app_says_its_objects_show_beyond_their_row():
    review = CommentFactory().review
    (card,) = Review.objects.for_listing().filter(pk=review.pk)

    assert f"reviews.discussion:{review.pk}" in pagecache.stamps_of(card)
    assert f"reviews.discussion:{review.pk}" not in pagecache.stamps_of(review)


def test_cached_parts_and_declared_stamps_count_too():
    @dataclass
    class Shown:
        extra: object

    part = pagecache.PagePart(value="<p>html</p>", stamps=["a", "b"], started=0)

    assert pagecache.stamps_of(part, pagecache.DependsOn("c"), Shown(pagecache.DependsOn("d"))) == {
        "a", "b", "c", "d",
    }  # fmt: skip


def test_nothing_is_read_from_the_database(django_assert_num_queries):
    CreditFactory()
    not_run = Credit.objects.select_related("film")
    (credit,) = Credit.objects.all()  # its film was not loaded

    with django_assert_num_queries(0):
        found = pagecache.stamps_of({"credits": not_run, "credit": credit})

    assert found == {f"films.credit:{credit.pk}"}
