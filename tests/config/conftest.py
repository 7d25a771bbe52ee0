"""Fixtures of the page-cache tests: a small site, an anonymous reader, a proxy's lifetime."""

import pytest
from django.test import Client

from films.models import Credit
from tests.factories import CommentFactory, CreditFactory, FilmFactory, PersonFactory, ReviewFactory


@pytest.fixture
def page_cache_for_proxies_too(page_cache_on, settings):
    settings.PAGE_CACHE_SECONDS = 30


@pytest.fixture
def anonymous():
    return Client()


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
