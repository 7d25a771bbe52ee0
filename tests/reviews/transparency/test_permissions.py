"""The log and its feed for every kind of reader: all 200, and the same log (no moderator named,
not even to moderators)."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import User

from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from tests.factories import CommentFactory, EditorFactory, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "reader", "author", "editor", "moderator", "removing-moderator", "admin"]
LOG_SECTION = re.compile(r'id="moderation-log">(.*?)</main>', re.S)


@pytest.fixture
def world():
    """A comment removed by one moderator, with its author."""
    removing = ModeratorFactory(username="remover-rosa")
    comment = CommentFactory(author=UserFactory(username="author-ari"))
    comment_decide(
        comment=comment, moderator=removing, action=ModerationDecision.Action.REMOVE, note="x"
    )
    return {
        "anonymous": None,
        "reader": UserFactory(),
        "author": comment.author,
        "editor": EditorFactory(),
        "moderator": ModeratorFactory(),
        "removing-moderator": removing,
        "admin": User.objects.create_superuser("admin-ada", "ada@example.com", "pw"),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url", ["/en/moderation-log/", "/en/moderation-log/feed/"])
def test_everyone_gets_the_same_log(client, world, role, url):
    anonymous = client.get(url)
    if (user := world[role]) is not None:
        client.force_login(user)

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert "remover-rosa" not in response.text
    if url.endswith("/feed/"):
        assert response.content == anonymous.content
    else:
        assert LOG_SECTION.search(response.text)[0] == LOG_SECTION.search(anonymous.text)[0]
