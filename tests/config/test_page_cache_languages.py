"""The page cache keeps each language apart: a Korean page is never served to an English
reader, nor an English one to a Korean reader, whether whole pages, a page's parts or the
fragments in them (the header, comments) come from the cache."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.config.page_cache_pages import served_from_cache, urls

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_for_proxies_too")]

# Words of the site's header in each language (templates/includes/site_header.html).
HEADER = {"en": (">Sign in</a>", "한국어</button>"), "ko": (">로그인</a>", "English</button>")}


def without_language(url: str) -> str:
    return re.sub(r"^/(en|ko)/", "/", url)


def language_of(response) -> str:
    return re.search(rb'<html lang="([^"]+)"', response.content).group(1).decode()


def assert_in(response, language: str) -> None:
    assert language_of(response) == language
    assert response["Content-Language"] == language
    page = response.content.decode()
    for word in HEADER[language]:
        assert word in page, (language, word)
    other = "ko" if language == "en" else "en"
    assert HEADER[other][0] not in page


@pytest.mark.parametrize("first", ["ko", "en"])
@pytest.mark.parametrize("name", ["home", "films", "first", "person", "reviews", "review"])
def test_each_language_is_kept_apart(site, name, first):
    """The page in one language is kept first, then asked for in the other by a reader whose
    browser prefers the first: each is rendered in its own language and kept apart."""
    second = "en" if first == "ko" else "ko"
    path = without_language(urls(site)[name])
    readers = {code: Client(headers={"accept-language": first}) for code in (first, second)}
    for code in (first, second):
        url = f"/{code}{path}"
        assert not served_from_cache(readers[code], url)
        assert_in(readers[code].get(url), code)  # the kept copy, in its language
        assert served_from_cache(readers[code], url)


def test_kept_fragments_are_named_by_their_language(site):
    """The header and comments are kept fragments: the second language renders its own."""
    review = without_language(site["review"].get_absolute_url())
    english, korean = Client(), Client()
    english.get(f"/en{review}")
    response = korean.get(f"/ko{review}")
    assert_in(response, "ko")
    assert_in(english.get(f"/en{review}"), "en")


def test_a_signed_in_readers_parts_follow_the_address(site, reader_client):
    film = without_language(site["first"].get_absolute_url())
    assert_in_signed_in = []
    for code in ("en", "ko", "en", "ko"):
        response = reader_client.get(f"/{code}{film}")
        assert language_of(response) == code
        assert_in_signed_in.append(("로그아웃" in response.content.decode()) == (code == "ko"))
    assert all(assert_in_signed_in)
