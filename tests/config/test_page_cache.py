"""The page cache (config/pagecache/): whole pages for anonymous readers and parts of pages,
hits, precise invalidation, isolation of signed-in readers and of per-request values, HTTP
caching headers."""

import time
from datetime import timedelta
from http import HTTPStatus
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.pagecache import pages, parts, stamps
from films.models import Credit
from reviews.discussion.models import Comment
from reviews.discussion.services import comment_edit
from reviews.models import Review
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from reviews.services import review_publish, review_unpublish
from tests.config.page_cache_pages import fresh_and_cached, served_from_cache, urls, warm
from tests.factories import (
    CommentFactory,
    ModeratorFactory,
    ReviewFactory,
    review_admin_data,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_for_proxies_too")]
Action = ModerationDecision.Action


@pytest.mark.parametrize(
    "name", ["home", "films", "first", "first-reviews", "person", "reviews", "review"]
)
def test_anonymous_pages_are_served_from_the_cache_the_second_time(anonymous, site, name):
    url = urls(site)[name]
    assert not served_from_cache(anonymous, url)
    assert served_from_cache(anonymous, url)


def test_a_process_serves_its_recent_pages_reading_only_the_stamps(anonymous, site, monkeypatch):
    url = site["review"].get_absolute_url()
    warm(anonymous, url)  # the second request copied the stored page into this process
    read = []
    real_get = cache.get

    def get(key, *args, **kwargs):
        read.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)

    assert served_from_cache(anonymous, url)
    # The stamps, but not the page itself, from the shared cache.
    assert [key for key in read if key.startswith("pagecache:page:")] == []
    comment_decide(
        comment=CommentFactory(review=site["review"], status="pending"),
        moderator=ModeratorFactory(),
        action=Action.APPROVE,
    )
    assert not served_from_cache(anonymous, url)  # the stamps still decide


def test_a_cached_page_needs_no_database_query(anonymous, site, django_assert_num_queries):
    warm(anonymous, site["review"].get_absolute_url())

    with django_assert_num_queries(0):
        anonymous.get(site["review"].get_absolute_url())


def test_the_cache_adds_no_query_to_a_miss(anonymous, site, settings, django_assert_num_queries):
    url = site["first"].get_absolute_url()
    settings.PAGE_CACHE_ENABLED = False
    # The film page's (tests/films/test_views.py), its readers' reviews, scenes and premiere
    # included.
    with django_assert_num_queries(9):
        anonymous.get(url)
    settings.PAGE_CACHE_ENABLED = True
    # The same nine, plus one each for the time of the next scheduled review and of the next
    # premiere's start or end, kept afterwards.
    with django_assert_num_queries(11):
        anonymous.get(url)
    cache.delete(pages.key_for("testserver", url))
    # The page again, its reviews' and readers' reviews' parts from the cache: film, genres,
    # watch options, credits.
    with django_assert_num_queries(4):
        anonymous.get(url)


# --- Precise invalidation: exactly the affected pages are fresh ------------------------------


def test_publishing_a_review_refreshes_the_lists_and_its_film(anonymous, site):
    draft = ReviewFactory(film=site["first"], draft=True, slug="new-one")
    warm(anonymous, *urls(site).values())

    review_publish(review=draft)

    fresh, cached = fresh_and_cached(anonymous, site)
    assert fresh == {"home", "reviews", "first", "first-reviews", "review"}
    assert cached == {"films", "second", "person", "other"}
    assert "new-one" in anonymous.get(reverse("reviews:review-list")).text


def test_unpublishing_a_review_refreshes_the_lists_and_its_film(anonymous, site):
    warm(anonymous, *urls(site).values())

    review_unpublish(review=site["other"])

    assert anonymous.get(site["other"].get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    fresh, cached = fresh_and_cached(
        anonymous,
        {**site, "other": site["review"]},  # the unpublished page is gone
    )
    assert fresh == {"home", "reviews", "second"}
    assert cached == {"films", "first", "first-reviews", "person", "review", "other"}


def test_editing_a_review_in_the_admin_refreshes_the_pages_that_show_it(
    anonymous, site, editor_client, editor
):
    review = site["review"]
    warm(anonymous, *urls(site).values())

    response = editor_client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        review_admin_data(review, headline="A new headline", author=editor.pk),
    )

    assert response.status_code == HTTPStatus.FOUND
    fresh, cached = fresh_and_cached(anonymous, site)
    assert fresh == {"home", "reviews", "first", "first-reviews", "review"}
    assert cached == {"films", "second", "person", "other"}
    assert "A new headline" in anonymous.get(review.get_absolute_url()).text


def test_editing_a_film_and_its_credit_refreshes_its_pages_and_the_person(
    anonymous, site, editor_client
):
    film, credit = site["first"], site["credit"]
    warm(anonymous, *urls(site).values())

    response = editor_client.post(
        reverse("admin:films_film_change", args=[film.pk]),
        {
            "title_en": "Renamed film",
            "original_title": "",
            "original_language": "",
            "slug": film.slug,
            "tagline_en": "",
            "synopsis_en": "",
            "release_date": film.release_date.isoformat(),
            "release_date_precision": film.release_date_precision,
            "running_time": "96",
            "countries": "",
            "languages": "",
            "credits-TOTAL_FORMS": "1",
            "credits-INITIAL_FORMS": "1",
            "credits-MIN_NUM_FORMS": "0",
            "credits-MAX_NUM_FORMS": "1000",
            "credits-0-id": credit.pk,
            "credits-0-film": film.pk,
            "credits-0-person": credit.person_id,
            "credits-0-role": Credit.Role.WRITER,
            "credits-0-character_name": "",
            "credits-0-order": "1",
            "watch_options-TOTAL_FORMS": "0",
            "watch_options-INITIAL_FORMS": "0",
            "watch_options-MIN_NUM_FORMS": "0",
            "watch_options-MAX_NUM_FORMS": "1000",
            "scenes-TOTAL_FORMS": "0",
            "scenes-INITIAL_FORMS": "0",
            "scenes-MIN_NUM_FORMS": "0",
            "scenes-MAX_NUM_FORMS": "1000",
            "premieres-TOTAL_FORMS": "0",
            "premieres-INITIAL_FORMS": "0",
            "premieres-MIN_NUM_FORMS": "0",
            "premieres-MAX_NUM_FORMS": "1000",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    fresh, cached = fresh_and_cached(anonymous, site)
    # The film's title is on the catalogue, its page, its reviews' pages and cards.
    assert fresh == {"home", "films", "first", "first-reviews", "person", "reviews", "review"}
    assert cached == {"second", "other"}
    assert "Screenplay" in anonymous.get(site["person"].get_absolute_url()).text


@pytest.mark.parametrize(
    "decide",
    [
        lambda comment, moderator: comment_decide(
            comment=comment, moderator=moderator, action=Action.REMOVE
        ),
        lambda comment, moderator: comment_edit(
            comment=comment, user=comment.author, body="Edited text"
        ),
    ],
    ids=["remove", "edit"],
)
def test_removing_or_editing_a_comment_refreshes_its_review_and_the_cards(
    anonymous, site, moderator, decide
):
    warm(anonymous, *urls(site).values())

    decide(site["comment"], moderator)

    fresh, cached = fresh_and_cached(anonymous, site)
    # The comment count shows on the review's cards: home, lists, its film's pages.
    assert fresh == {"home", "reviews", "first", "first-reviews", "review"}
    assert cached == {"films", "second", "person", "other"}


def test_approving_a_held_comment_shows_it_to_anonymous_readers(anonymous, site, moderator):
    held = CommentFactory(review=site["review"], status=Comment.Status.PENDING, body="Held one")
    warm(anonymous, *urls(site).values())
    assert "Held one" not in anonymous.get(site["review"].get_absolute_url()).text

    comment_decide(comment=held, moderator=moderator, action=Action.APPROVE)

    fresh, _ = fresh_and_cached(anonymous, site)
    assert fresh == {"home", "reviews", "first", "first-reviews", "review"}
    assert "Held one" in anonymous.get(site["review"].get_absolute_url()).text


def test_a_scheduled_review_appears_when_its_time_comes(anonymous, site, settings, monkeypatch):
    due = timezone.now() + timedelta(seconds=2)
    ReviewFactory(film=site["first"], publish_at=due, slug="scheduled-one")
    url = reverse("reviews:review-list")
    warm(anonymous, url)

    # The entry lives no longer than until the scheduled time.
    entry_ttl = cache.ttl(pages.key_for("testserver", url)) if hasattr(cache, "ttl") else None
    if entry_ttl is not None:
        assert entry_ttl <= 2
    # At that time: the shared cache lets the entry go, and the process's own copy is past
    # its expiry.
    cache.delete(pages.key_for("testserver", url))
    later = time.time() + 3
    for module in (pages, parts, stamps):
        monkeypatch.setattr(module, "time", SimpleNamespace(time=lambda: later))
    Review.objects.filter(slug="scheduled-one").update(publish_at=timezone.now())
    assert "scheduled-one" in anonymous.get(url).text


def test_entries_expire_at_the_next_scheduled_publication(site, settings, monkeypatch):
    due = timezone.now() + timedelta(minutes=5)
    ReviewFactory(film=site["first"], publish_at=due, slug="later-one")
    stored = {}
    monkeypatch.setattr(
        cache, "set", lambda key, value, timeout=None, **kw: stored.update({key: timeout})
    )
    Client().get(reverse("reviews:review-list"))

    (timeout,) = [t for key, t in stored.items() if key.startswith("pagecache:page:")]
    assert 290 <= timeout <= 300 < settings.PAGE_CACHE_TIMEOUT


# --- Who gets what ---------------------------------------------------------------------------
