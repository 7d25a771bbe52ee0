"""The page cache (config/pagecache/): whole pages for anonymous readers and parts of pages,
hits, precise invalidation, isolation of signed-in readers and of per-request values, HTTP
caching headers."""

import re
import time
from datetime import timedelta
from http import HTTPStatus
from types import SimpleNamespace

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.pagecache import keys, pages, parts, stamps
from films.models import Credit
from reviews.discussion.models import Comment
from reviews.discussion.services import comment_edit
from reviews.models import Review
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from reviews.services import review_publish, review_unpublish
from tests.factories import (
    CommentFactory,
    CreditFactory,
    FilmFactory,
    ModeratorFactory,
    PersonFactory,
    ReviewFactory,
    review_admin_data,
)

pytestmark = pytest.mark.django_db
Action = ModerationDecision.Action


@pytest.fixture(autouse=True)
def page_cache_for_proxies_too(page_cache_on, settings):
    settings.PAGE_CACHE_SECONDS = 30


@pytest.fixture
def anonymous():
    return Client()


def served_from_cache(client, url) -> bool:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response.get("X-Page-Cache") == "hit"


def warm(client, *urls):
    """Render each page once; the second request must come from the cache."""
    for url in urls:
        client.get(url)
        assert served_from_cache(client, url), url


@pytest.fixture
def site():
    """Two films, each with a review and a comment; a person credited on the first."""
    first, second = FilmFactory(slug="first"), FilmFactory(slug="second")
    person = PersonFactory(slug="han")
    credit = CreditFactory(film=first, person=person, role=Credit.Role.DIRECTOR)
    review = ReviewFactory(film=first, slug="first-review")
    other = ReviewFactory(film=second, slug="second-review")
    comment = CommentFactory(review=review)
    return {
        "first": first,
        "second": second,
        "person": person,
        "credit": credit,
        "review": review,
        "other": other,
        "comment": comment,
    }


def urls(site) -> dict[str, str]:
    return {
        "home": reverse("home"),
        "films": reverse("films:film-list"),
        "first": site["first"].get_absolute_url(),
        "second": site["second"].get_absolute_url(),
        "first-reviews": reverse("reviews:film-reviews", args=["first"]),
        "person": site["person"].get_absolute_url(),
        "reviews": reverse("reviews:review-list"),
        "review": site["review"].get_absolute_url(),
        "other": site["other"].get_absolute_url(),
    }


def fresh_and_cached(client, site) -> tuple[set[str], set[str]]:
    """Which pages were re-rendered, and which came from the cache."""
    fresh, cached = set(), set()
    for name, url in urls(site).items():
        (cached if served_from_cache(client, url) else fresh).add(name)
    return fresh, cached


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
    # The film page's (tests/films/test_views.py), its readers' reviews included.
    with django_assert_num_queries(7):
        anonymous.get(url)
    settings.PAGE_CACHE_ENABLED = True
    # The same seven, plus one for the time of the next scheduled review, kept afterwards.
    with django_assert_num_queries(8):
        anonymous.get(url)
    cache.delete(pages.key_for("testserver", url))
    with django_assert_num_queries(7):
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
            "title": "Renamed film",
            "original_title": "",
            "original_language": "",
            "slug": film.slug,
            "tagline": "",
            "synopsis": "",
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
        cache, "set", lambda key, value, timeout=None: stored.update({key: timeout})
    )
    Client().get(reverse("reviews:review-list"))

    (timeout,) = [t for key, t in stored.items() if key.startswith("pagecache:page:")]
    assert 290 <= timeout <= 300 < settings.PAGE_CACHE_TIMEOUT


# --- Who gets what ---------------------------------------------------------------------------


def test_signed_in_readers_get_fresh_private_pages(anonymous, site, reader_client, reader):
    pending = CommentFactory(
        review=site["review"], author=reader, status=Comment.Status.PENDING, body="Mine, held"
    )
    url = site["review"].get_absolute_url()
    warm(anonymous, url)

    response = reader_client.get(url)

    assert response.get("X-Page-Cache") != "hit"
    assert "Mine, held" in response.text
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    assert pending.body not in anonymous.get(url).text


def test_a_signed_in_page_is_never_served_to_anonymous_readers(
    anonymous, site, reader_client, reader
):
    CommentFactory(review=site["review"], author=reader, status=Comment.Status.PENDING, body="Held")
    url = site["review"].get_absolute_url()
    reader_client.get(url)
    reader_client.get(url)

    first = anonymous.get(url)

    assert first.get("X-Page-Cache") != "hit"  # nothing was stored for the reader
    assert "Held" not in first.text
    assert "Sign out" not in first.text


@pytest.mark.parametrize("name", ["home", "first", "person", "reviews", "review"])
def test_shared_pages_carry_nothing_of_one_request(site, name):
    """No nonce and no CSRF token in a page that everybody may be sent, nor a CSRF cookie."""
    url = urls(site)[name]
    for response in (Client().get(url), Client().get(url)):
        assert "nonce" not in response.text
        assert "csrfmiddlewaretoken" not in response.text
        assert "csrftoken" not in response.cookies
        assert "nonce-" not in response["Content-Security-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]


def test_signed_in_pages_keep_their_nonce(site, reader_client):
    response = reader_client.get(site["review"].get_absolute_url())

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in response.text


def test_a_draft_from_a_shared_page_is_kept_through_sign_in(site, reader):
    """The shared page's form has no token; what it posts is only kept, never published."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(site["review"].get_absolute_url())
    action = re.search(r'id="comment-form" method="post" action="([^"]+)"', page.text).group(1)

    kept = browser.post(action, {"body": "Kept while I sign in"})

    assert kept.status_code == HTTPStatus.FOUND
    assert kept["Location"].startswith(reverse("account_login"))
    assert not Comment.objects.filter(body="Kept while I sign in").exists()
    browser.force_login(reader)
    form = browser.get(site["review"].get_absolute_url()).text
    assert "Kept while I sign in" in form
    assert 'name="csrfmiddlewaretoken"' in form


@pytest.mark.parametrize(
    ("headers", "kept"),
    [
        ({"Origin": "http://testserver"}, True),
        ({"Sec-Fetch-Site": "same-origin"}, True),
        ({"Origin": "https://elsewhere.example"}, False),
        ({"Sec-Fetch-Site": "cross-site"}, False),
    ],
)
def test_only_our_own_pages_may_keep_a_draft(site, headers, kept):
    """The draft form has no token, so the browser's own word on where it came from decides."""
    browser = Client(headers=headers)
    url = reverse("discussion:comment-draft", args=[site["review"].slug])

    response = browser.post(url, {"body": "Planted?"})

    assert response.status_code == (HTTPStatus.FOUND if kept else HTTPStatus.FORBIDDEN)
    assert ("sessionid" in response.cookies) is kept


def test_a_page_holding_a_csrf_token_is_never_stored(site, monkeypatch):
    """A safety net: if a template ever puts a token into an anonymous page, it is not kept."""
    monkeypatch.setattr(pages, "_PER_REQUEST", b"<html")  # as if every page held one
    url = site["review"].get_absolute_url()
    first = Client().get(url)

    assert "private" in first["Cache-Control"]
    assert not served_from_cache(Client(), url)


def test_pages_with_pending_messages_are_not_served_from_the_cache(anonymous, site):
    url = site["review"].get_absolute_url()
    warm(anonymous, url)
    anonymous.cookies["messages"] = "something"

    assert not served_from_cache(anonymous, url)


# --- HTTP caching headers --------------------------------------------------------------------


def test_anonymous_pages_may_be_kept_by_shared_caches(anonymous, site):
    response = anonymous.get(site["first"].get_absolute_url())

    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=0", "s-maxage=30"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"].startswith('W/"')


def test_a_matching_etag_gets_304_from_the_cache_and_from_a_fresh_render(anonymous, site):
    url = site["first"].get_absolute_url()
    etag = anonymous.get(url)["ETag"]

    cached = anonymous.get(url, headers={"If-None-Match": etag})
    cache.clear()
    rendered = anonymous.get(url, headers={"If-None-Match": etag})

    assert cached.status_code == rendered.status_code == HTTPStatus.NOT_MODIFIED
    assert cached["ETag"] == rendered["ETag"] == etag
    assert "s-maxage=30" in cached["Cache-Control"]


def test_the_etag_changes_with_the_page(anonymous, site, moderator):
    url = site["review"].get_absolute_url()
    before = anonymous.get(url)["ETag"]

    comment_decide(comment=site["comment"], moderator=moderator, action=Action.REMOVE)

    after = anonymous.get(url, headers={"If-None-Match": before})
    assert after.status_code == HTTPStatus.OK
    assert after["ETag"] != before


def test_deleting_people_or_films_in_bulk_refreshes_the_pages_they_were_on(
    anonymous, site, admin_client
):
    warm(anonymous, urls(site)["first"], urls(site)["films"])
    changelist = reverse("admin:films_person_changelist")

    admin_client.post(
        changelist,
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [site["person"].pk], "post": "yes"},
    )

    assert not served_from_cache(anonymous, urls(site)["first"])  # it credited them
    admin_client.post(
        reverse("admin:films_film_changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [site["second"].pk], "post": "yes"},
    )
    assert not served_from_cache(anonymous, urls(site)["films"])


def test_an_entry_another_release_kept_is_never_read(anonymous, site, settings):
    """After a deploy, entries of the release before (pickled from its own classes) are left
    alone: each release names its own."""
    url = site["review"].get_absolute_url()
    warm(anonymous, url)
    before = keys.release()
    keys.release.cache_clear()
    settings.PAGE_CACHE_RELEASE = "next-release"
    try:
        assert keys.release() == "next-release" != before
        assert not served_from_cache(anonymous, url)
        assert served_from_cache(anonymous, url)
    finally:
        settings.PAGE_CACHE_RELEASE = ""
        keys.release.cache_clear()


def test_an_unreadable_entry_is_a_miss_not_an_error(anonymous, site, monkeypatch):
    url = site["review"].get_absolute_url()
    warm(anonymous, url)

    real_get = cache.get

    def unpickling_fails(key, *args, **kwargs):
        if key.startswith(("pagecache:page:", "pagecache:part:")):
            raise AttributeError("Can't get attribute 'Entry' on <module 'config.pagecache'>")
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", unpickling_fails)
    monkeypatch.setattr(pages, "page_copies", parts.ProcessCopies())

    response = anonymous.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response.get("X-Page-Cache") != "hit"
