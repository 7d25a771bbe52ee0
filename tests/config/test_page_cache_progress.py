"""Anonymous pages stay shared under the spoiler gate: the progress cookie joins the page-cache
key in five-minute buckets (settings.PAGE_CACHE_KEY_COOKIES), so readers in one bucket share
one kept page, readers in another get their own, and readers without it are as before."""

from __future__ import annotations

import pytest
from django.test import Client

from config.pagecache import pages
from reviews.spoilers import gate as gates
from tests.config.page_cache_pages import served_from_cache
from tests.factories import CommentFactory, FilmFactory, ReviewFactory
from tests.reviews.spoilers.html import comment_id, read_gates

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_for_proxies_too")]


@pytest.fixture
def review():
    review = ReviewFactory(film=FilmFactory(running_time=100))
    CommentFactory(review=review, timecode=20 * 60)
    CommentFactory(review=review, timecode=50 * 60)
    return review


def reader_at(review, seconds: int | str | None) -> Client:
    client = Client()
    if seconds is not None:
        client.cookies[gates.COOKIE] = f"{review.film_id}={seconds}"
    return client


@pytest.mark.parametrize("url_of", ["review", "film"])
def test_readers_in_one_bucket_share_one_kept_page(review, url_of):
    url = review.get_absolute_url() if url_of == "review" else review.film.get_absolute_url()
    first, second = reader_at(review, 2710), reader_at(review, 2990)  # 0:45 and 0:49
    assert not served_from_cache(first, url)
    assert served_from_cache(second, url)
    assert second.get(url).content == first.get(url).content


def test_readers_in_other_buckets_get_other_pages(review):
    url = review.get_absolute_url()
    at_45, at_55, done = reader_at(review, 2700), reader_at(review, 3300), reader_at(review, "done")
    for reader in (at_45, at_55, done):
        assert not served_from_cache(reader, url)
    gated = {name: read_gates(r.get(url).text).gated_ids for name, r in
             {"45": at_45, "55": at_55, "done": done}.items()}  # fmt: skip
    late = comment_id(review.comments.get(timecode=50 * 60))
    assert late in gated["45"]
    assert gated["55"] == gated["done"] == set()


def test_no_cookie_is_unchanged(review, rf):
    url = review.get_absolute_url()
    plain, junk = Client(), Client()
    junk.cookies[gates.COOKIE] = "nonsense"
    assert not served_from_cache(plain, url)
    assert served_from_cache(junk, url)  # junk says nothing: the page of readers without it
    request = rf.get(url)
    assert pages._key(request) == pages.key_for("testserver", url)
    request.COOKIES[gates.COOKIE] = f"{review.film_id}=2710"
    assert pages._key(request) != pages.key_for("testserver", url)


def test_nginx_passes_readers_with_progress_to_the_app():
    from pathlib import Path

    from django.conf import settings

    conf = (Path(settings.BASE_DIR) / "config" / "nginx.conf").read_text()
    assert '"$cookie_sessionid$cookie_messages$cookie_watch_progress" $personal' in conf
    assert "proxy_no_cache $personal" in conf
    assert "proxy_cache_bypass $personal" in conf
