import pytest
from django.test import Client

from tests.factories import EditorFactory, ModeratorFactory, ReviewFactory, UserFactory

ROLES = ["anonymous", "reader", "author", "editor", "moderator", "admin"]


@pytest.fixture
def draft(db):
    """A draft by an editor other than the one who signs in as "editor"."""
    return ReviewFactory(draft=True, author=EditorFactory(username="writer"), headline="Work")


@pytest.fixture
def client_as(db):
    """`client_as(role, review)`: a client signed in as that role (the review's author for
    "author")."""

    def make(role: str, review=None) -> Client:
        client = Client()
        user = {
            "anonymous": lambda: None,
            "reader": lambda: UserFactory(username="someone"),
            "author": lambda: review.author,
            "editor": lambda: EditorFactory(username="ed2"),
            "moderator": lambda: ModeratorFactory(username="mod2"),
            "admin": lambda: UserFactory(username="boss", is_staff=True, is_superuser=True),
        }[role]()
        if user is not None:
            client.force_login(user)
        return client

    return make
