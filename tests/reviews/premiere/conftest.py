from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import PremiereFactory, UserFactory


@pytest.fixture(autouse=True)
def fresh_cache(empty_cache):
    """Slow mode keeps its marks in the shared cache: each test starts without any."""


@pytest.fixture
def premiere(film):
    """The featured film's premiere, on now: 42 minutes in, slow mode 30 s, day-old accounts."""
    return PremiereFactory(film=film)


@pytest.fixture
def reader(db):
    """A reader who joined last month: old enough to post freely in a premiere."""
    return UserFactory(username="rea", date_joined=timezone.now() - timedelta(days=30))


@pytest.fixture
def other_reader(db):
    return UserFactory(username="oth", date_joined=timezone.now() - timedelta(days=30))
