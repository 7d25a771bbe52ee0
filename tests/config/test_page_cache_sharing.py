"""The page cache for signed-in readers and what pages may carry: nothing of one request is
shared, drafts through sign-in, HTTP caching headers and ETags, entries of other releases."""

import re
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from config.pagecache import keys, pages, parts
from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from tests.config.page_cache_pages import served_from_cache, urls, warm
from tests.factories import (
    CommentFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_for_proxies_too")]
Action = ModerationDecision.Action


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
