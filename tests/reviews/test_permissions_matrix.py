"""Who may use the moderation desk and the moderation admin: one table per question."""

from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from reviews.discussion.models import Comment
from reviews.groups import EDITORS, MODERATORS
from reviews.moderation.models import BlockedTerm, ModerationDecision, Sanction
from tests.factories import (
    CommentFactory,
    EditorFactory,
    FilmFactory,
    ModeratorFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
SIGN_IN = "/en/accounts/login/"


@pytest.fixture
def world():
    """A held comment, a reader to sanction and a sanction to lift."""
    target = UserFactory(username="target")
    return {
        "comment": CommentFactory(status=Comment.Status.PENDING),
        "target": target,
        "sanction": SanctionFactory(),
    }


# Desk pages that a moderator or superuser may read (200), and actions they may take (302,
# having written something): (name, URL name, the `world` object the URL names[, data posted]).
DESK_PAGES = [
    ("queue", "moderation:queue", None),
    ("dashboard", "moderation:dashboard", None),
    ("decisions", "moderation:decisions", None),
    ("blocklist", "moderation:blocklist", None),
    ("sanction form", "moderation:sanction", "target"),
]
DESK_ACTIONS = [
    ("decide", "moderation:decide", "comment", {"action": "approve"}),
    ("bulk", "moderation:bulk-decide", None, {"action": "approve", "selected": "comment"}),
    ("lift", "moderation:sanction-lift", "sanction", {}),
    (
        "sanction",
        "moderation:sanction",
        "target",
        {"kind": "mute", "reason": "Rude", "duration": "1"},
    ),
    ("blocklist add", "moderation:blocklist", None, {"add": "1", "phrase": "cheap tickets"}),
]
DESK = [(name, "get", route, of, {}, HTTPStatus.OK) for name, route, of in DESK_PAGES] + [
    (name, "post", route, of, data, HTTPStatus.FOUND) for name, route, of, data in DESK_ACTIONS
]

ROLES = {
    "anonymous": None,
    "reader": lambda: UserFactory(),
    "editor": lambda: EditorFactory(),
    "moderator": lambda: ModeratorFactory(),
    "superuser": lambda: UserFactory(is_staff=True, is_superuser=True),
}


def request(client, world, method, route, of, data):
    url = reverse(route, args=[world[of].pk] if of else [])
    if data.get("selected") == "comment":
        data = {**data, "selected": world["comment"].pk}
    return getattr(client, method)(url, data)


def records() -> tuple[int, int, int]:
    return (
        ModerationDecision.objects.count(),
        Sanction.objects.count(),
        BlockedTerm.objects.count(),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "route", "of", "data", "success"), DESK, ids=[row[0] for row in DESK]
)
def test_desk_permissions(client, world, role, name, method, route, of, data, success):
    if ROLES[role]:
        client.force_login(ROLES[role]())
    before = records()

    response = request(client, world, method, route, of, data)

    if role == "anonymous":
        assert response.status_code == HTTPStatus.FOUND
        assert response.url.startswith(f"{SIGN_IN}?next=")
    elif role in ("reader", "editor"):
        assert response.status_code == HTTPStatus.FORBIDDEN
    else:
        assert response.status_code == success
        if method == "post":
            assert records() != before
            assert not response.url.startswith(SIGN_IN)
        return
    assert records() == before


# --- The admin ----------------------------------------------------------------------------


@pytest.fixture
def article():
    return ReviewFactory()


def film_and_review_pages(review) -> list[str]:
    film = FilmFactory()
    return [
        reverse("admin:films_film_add"),
        reverse("admin:films_film_change", args=[film.pk]),
        reverse("admin:reviews_review_add"),
        reverse("admin:reviews_review_change", args=[review.pk]),
    ]


MODERATION_ADMIN = [
    "admin:reviews_comment_changelist",
    "admin:reviews_commentreport_changelist",
    "admin:reviews_readerreview_changelist",
    "admin:reviews_sanction_changelist",
    "admin:reviews_sanction_add",
    "admin:reviews_moderationdecision_changelist",
    "admin:reviews_blockedterm_changelist",
]


def test_moderators_may_not_touch_films_or_review_articles_in_the_admin(client, article):
    client.force_login(ModeratorFactory())
    *refused, review_change = film_and_review_pages(article)

    for url in refused:
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN, url
        assert client.post(url, {}).status_code == HTTPStatus.FORBIDDEN, url
    # Moderators may read a review (to judge comments on it) but not change it.
    page = client.get(review_change)
    assert page.status_code == HTTPStatus.OK
    assert 'name="_save"' not in page.text
    assert client.post(review_change, {"headline": "x"}).status_code == HTTPStatus.FORBIDDEN
    article.refresh_from_db()
    assert article.headline != "x"


@pytest.mark.parametrize("page", MODERATION_ADMIN)
def test_moderators_may_use_the_moderation_admin(client, page):
    client.force_login(ModeratorFactory())

    assert client.get(reverse(page)).status_code == HTTPStatus.OK


@pytest.mark.parametrize("page", MODERATION_ADMIN)
def test_editors_may_not_use_the_moderation_admin(client, page):
    client.force_login(EditorFactory())

    assert client.get(reverse(page)).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("action", ["approve", "reject", "mark_spam"])
def test_editors_cannot_run_moderation_actions(client, action):
    editor = EditorFactory()
    client.force_login(editor)
    comment = CommentFactory(status=Comment.Status.PENDING)

    response = client.post(
        reverse("admin:reviews_comment_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [comment.pk]},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    assert not ModerationDecision.objects.exists()
    assert not User.objects.get(pk=editor.pk).has_perm("reviews.moderate_comment")


def test_a_user_in_both_groups_may_edit_reviews_and_moderate(client, article):
    both = EditorFactory()
    both.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(both)

    for url in film_and_review_pages(article):
        assert client.get(url).status_code == HTTPStatus.OK, url
    for page in MODERATION_ADMIN:
        assert client.get(reverse(page)).status_code == HTTPStatus.OK, page
    assert client.get(reverse("moderation:queue")).status_code == HTTPStatus.OK
    comment = CommentFactory(status=Comment.Status.PENDING)
    client.post(reverse("moderation:decide", args=[comment.pk]), {"action": "approve"})
    assert ModerationDecision.objects.get().moderator == both


def test_group_membership_grants_and_withdraws_the_desk(client):
    person = UserFactory(is_staff=True)
    moderators, editors = Group.objects.get(name=MODERATORS), Group.objects.get(name=EDITORS)

    person.groups.add(moderators)
    fetched = User.objects.get(pk=person.pk)  # permissions are cached on the instance
    assert fetched.has_perm("reviews.moderate_comment")
    assert not fetched.has_perm("reviews.change_review")
    client.force_login(fetched)
    assert client.get(reverse("moderation:queue")).status_code == HTTPStatus.OK

    person.groups.add(editors)
    fetched = User.objects.get(pk=person.pk)
    assert fetched.has_perm("reviews.moderate_comment")
    assert fetched.has_perm("reviews.change_review")

    person.groups.remove(moderators)
    fetched = User.objects.get(pk=person.pk)
    assert not fetched.has_perm("reviews.moderate_comment")
    assert fetched.has_perm("reviews.change_review")
    assert client.get(reverse("moderation:queue")).status_code == HTTPStatus.FORBIDDEN
