import re
from http import HTTPStatus

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import translation

from config import pagecache
from tests.factories import (
    EditorFactory,
    FilmFactory,
    ModeratorFactory,
    ReviewFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def site_language():
    """Each test begins in English, the site's default: a request with a Korean cookie leaves
    Korean active in the thread afterwards (LocaleMiddleware activates, never deactivates),
    and rows made then would get their words in the Korean columns (films/translation.py)."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """PBKDF2's deliberate slowness is for attackers, not for every factory-made user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db):
    return EditorFactory(username="ed")


@pytest.fixture
def moderator(db):
    return ModeratorFactory(username="mod")


@pytest.fixture
def reader(db):
    return UserFactory(username="rea")


@pytest.fixture
def review(db):
    """A published review, live since yesterday."""
    return ReviewFactory()


@pytest.fixture
def film(db):
    return FilmFactory(title="Lost in Starlight", slug="lost-in-starlight")


@pytest.fixture
def hidden_reviews(film):
    """A draft and a review scheduled for later, both of the featured film."""
    return [
        ReviewFactory(film=film, draft=True, headline="Draft headline"),
        ReviewFactory(film=film, scheduled=True, headline="Scheduled headline"),
    ]


def assert_hidden_reviews_not_shown(response) -> None:
    """Neither of `hidden_reviews` is on the page."""
    assert "Draft headline" not in response.text
    assert "Scheduled headline" not in response.text


@pytest.fixture
def get_in_queries(client, django_assert_num_queries):
    """`get_in_queries(url, n)`: a visitor's GET of `url`, which must take exactly `n` queries
    and answer 200; returns the response."""

    def get(url: str, queries: int):
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == HTTPStatus.OK
        return response

    return get


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    """Background tasks run inside the test, so their effects can be asserted."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def new_readers_post_freely(settings):
    """Most tests are not about the new-account rule; tests of that rule switch it back on."""
    settings.MODERATION_NEW_ACCOUNT_HELD = 0


@pytest.fixture
def loud_templates(settings):
    """Templates that print what they could not find, instead of nothing."""
    engine = {**settings.TEMPLATES[0]}
    engine["OPTIONS"] = {**engine["OPTIONS"], "string_if_invalid": "MISSING[%s]"}
    settings.TEMPLATES = [engine]


@pytest.fixture
def empty_cache():
    """The shared cache empty before and after: rate limits count there."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache_on(settings):
    """The page cache switched on, empty: for tests of the cache and of what it keeps."""
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def page_cache_off(settings, monkeypatch):
    """The page cache (config/pagecache/) outlives a test's database; tests of the cache
    switch it on with a cleared cache (`page_cache_on`). This process's own copies of pages
    and parts start empty too, as they would in a new process."""
    settings.PAGE_CACHE_ENABLED = False
    monkeypatch.setattr(pagecache.pages, "page_copies", pagecache.parts.ProcessCopies())
    monkeypatch.setattr(pagecache.parts, "part_copies", pagecache.parts.ProcessCopies())


def in_korean(client):
    """`client` as a Korean reader on the Korean site: the cookie their language menu left,
    and every address the tests reverse in English (/en/...) asked for at its Korean one
    (/ko/...), since the address, not the cookie, says a page's language."""
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "ko"
    english = client.generic

    def generic(method, path, *args, **kwargs):
        return english(method, re.sub(r"^(https?://[^/]+)?/en/", r"\1/ko/", path), *args, **kwargs)

    client.generic = generic
    return client
