"""The author's appeal page, the desk's queue of appeals and its decisions: who may do what,
bad input, the markup of the shortcuts, and the queries each page takes."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from reviews.appeals.models import Appeal
from reviews.appeals.services import appeal_file
from reviews.moderation.models import ModerationDecision
from tests.factories import EditorFactory, ModeratorFactory, UserFactory

from .conftest import removed_days_ago

pytestmark = pytest.mark.django_db
SIGN_IN = "/en/accounts/login/"
QUEUE = reverse("appeals:queue")


def appeal_url(comment) -> str:
    return reverse("appeals:comment-appeal", args=[comment.pk])


def decide_url(appeal) -> str:
    return reverse("appeals:decide", args=[appeal.pk])


ROLES = {
    "anonymous": lambda world: None,
    "reader": lambda world: UserFactory(),
    "author": lambda world: world["author"],
    "editor": lambda world: EditorFactory(),
    "moderator": lambda world: world["decider"],
    "removing moderator": lambda world: world["remover"],
    "admin": lambda world: UserFactory(is_staff=True, is_superuser=True),
}


@pytest.fixture
def world(author, remover, decider, removed_comment):
    other = removed_days_ago(1, author, remover)
    return {
        "author": author,
        "remover": remover,
        "decider": decider,
        "comment": removed_comment,
        "appeal": appeal_file(author=author, item=other, text="Unfair."),
    }


FOUND, OK, FORBIDDEN, NOT_FOUND = (
    HTTPStatus.FOUND,
    HTTPStatus.OK,
    HTTPStatus.FORBIDDEN,
    HTTPStatus.NOT_FOUND,
)
# (page, method, expected status per role, in ROLES' order).
MATRIX = [
    ("appeal page", "get", [FOUND, NOT_FOUND, OK, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("appeal post", "post", [FOUND, NOT_FOUND, FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    ("desk queue", "get", [FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, OK]),
    ("desk decide", "post", [FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, FOUND, FOUND]),
    ("record", "get", [FOUND, OK, OK, OK, OK, OK, OK]),
]
CASES = [
    (page, method, role, expected)
    for page, method, statuses in MATRIX
    for role, expected in zip(ROLES, statuses, strict=True)
]


def url_of(page: str, world) -> tuple[str, dict]:
    if page.startswith("appeal"):
        return appeal_url(world["comment"]), {"text": "It was tagged."}
    if page == "desk queue":
        return QUEUE, {}
    if page == "desk decide":
        return decide_url(world["appeal"]), {"outcome": "deny", "reason": "It stands."}
    return reverse("readers:record"), {}


@pytest.mark.parametrize(
    ("page", "method", "role", "expected"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES]
)
def test_permissions(client, world, page, method, role, expected):
    if user := ROLES[role](world):
        client.force_login(user)
    url, data = url_of(page, world)
    before = (Appeal.objects.count(), ModerationDecision.objects.count())

    response = getattr(client, method)(url, data)

    assert response.status_code == expected
    if role == "anonymous":
        assert response.url.startswith(f"{SIGN_IN}?next=")
    wrote = (Appeal.objects.count(), ModerationDecision.objects.count()) != before
    # Only the author's appeal and another moderator's (or an admin's) decision write.
    writes = (page, role) in {
        ("appeal post", "author"),
        ("desk decide", "moderator"),
        ("desk decide", "admin"),
    }
    assert wrote == writes


# --- The author's page --------------------------------------------------------------------


def test_the_page_shows_the_tombstone_category_reason_and_deadline(client, author, removed_comment):
    client.force_login(author)

    response = client.get(appeal_url(removed_comment))

    assert "The villain is the mother" in response.text
    assert "Spoiler without a tag" in response.text
    assert "Tells the ending without a spoiler tag." in response.text
    assert "Third time this week." not in response.text  # the moderators' note
    assert "sirius" not in response.text  # nor who removed it
    assert 'name="text"' in response.text


def test_filing_redirects_to_the_record_with_a_message(client, author, removed_comment):
    client.force_login(author)

    response = client.post(appeal_url(removed_comment), {"text": "It was tagged."}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("readers:record")
    assert "Your appeal is sent." in response.text
    assert "Appeal: Open" in response.text
    assert Appeal.objects.get().comment == removed_comment


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Say why you think the decision was wrong."),
        ("   ", "Say why you think the decision was wrong."),
        ("y" * 1001, "Keep it to 1000 characters (it has 1001)."),
    ],
)
def test_bad_text_gets_the_form_again_with_the_text_kept(
    client, author, removed_comment, text, message
):
    client.force_login(author)

    response = client.post(appeal_url(removed_comment), {"text": text})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.text
    if text.strip():
        assert text in response.text
    assert not Appeal.objects.exists()


def test_a_second_appeal_is_refused_with_a_message(client, author, removed_comment):
    client.force_login(author)
    client.post(appeal_url(removed_comment), {"text": "First."})

    response = client.post(appeal_url(removed_comment), {"text": "Second try."})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "You have already appealed this decision." in response.text
    assert "Second try." in response.text
    assert Appeal.objects.count() == 1


def test_after_fourteen_days_the_page_says_so_and_refuses(client, author, remover):
    comment = removed_days_ago(15, author, remover)
    client.force_login(author)

    page = client.get(appeal_url(comment))
    response = client.post(appeal_url(comment), {"text": "I was away."})

    assert "The time to appeal ended on" in page.text
    assert 'name="text"' not in page.text
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "it is too late now" in response.text
    assert not Appeal.objects.exists()


def test_a_published_comment_has_nothing_to_appeal(client, author):
    from tests.factories import CommentFactory

    comment = CommentFactory(author=author)
    client.force_login(author)

    response = client.get(appeal_url(comment))

    assert response.status_code == HTTPStatus.OK
    assert "there is no decision to appeal" in response.text


@pytest.mark.parametrize("name", ["appeals:comment-appeal", "appeals:entry-appeal"])
def test_an_unknown_item_is_a_404(client, author, name):
    client.force_login(author)

    assert client.get(reverse(name, args=[999999])).status_code == HTTPStatus.NOT_FOUND


def test_a_reader_review_is_appealed_on_its_own_page(client, author, removed_entry):
    client.force_login(author)
    url = reverse("appeals:entry-appeal", args=[removed_entry.pk])

    assert "A review telling the whole ending." in client.get(url).text
    client.post(url, {"text": "No spoiler in it."})

    assert Appeal.objects.get().entry == removed_entry


def test_the_appeal_page_takes_few_queries(
    client, author, removed_comment, django_assert_num_queries
):
    client.force_login(author)
    # Session, user, the comment, its removal decision with its appeal's status.
    with django_assert_num_queries(4):
        response = client.get(appeal_url(removed_comment))
    assert response.status_code == HTTPStatus.OK


# --- The desk's queue ---------------------------------------------------------------------


def test_the_queue_lists_open_appeals_oldest_first_with_what_to_decide(client, world, decider):
    newer = appeal_file(author=world["author"], item=world["comment"], text="Newer one.")
    client.force_login(decider)

    response = client.get(QUEUE)

    assert list(response.context["page_obj"]) == [world["appeal"], newer]
    assert "Unfair." in response.text
    assert "Tells the ending without a spoiler tag." in response.text  # the removal reason
    assert "Spoiler without a tag" in response.text
    assert 'data-key="g"' in response.text
    assert 'data-key="d"' in response.text
    assert "<kbd>j</kbd>" in response.text
    assert 'id="shortcuts"' in response.text
    assert "js/moderation.js" in response.text
    assert 'data-hx-post="' + decide_url(newer) + '"' in response.text
    assert " disabled" not in response.text


def test_the_removing_moderator_sees_the_appeal_but_its_buttons_are_disabled(client, world):
    client.force_login(world["remover"])

    response = client.get(QUEUE)

    assert "Unfair." in response.text
    assert response.text.count('data-key="g" disabled') == 1
    assert response.text.count('data-key="d" disabled') == 1
    assert "You removed it: another moderator decides its appeal." in response.text


def test_the_removing_moderators_decision_is_refused_with_a_message(client, world):
    client.force_login(world["remover"])

    response = client.post(decide_url(world["appeal"]), {"outcome": "grant"}, follow=True)

    assert "You removed it: another moderator decides its appeal." in response.text
    world["appeal"].refresh_from_db()
    assert world["appeal"].status == Appeal.Status.OPEN


def test_deciding_with_htmx_swaps_the_item_for_the_outcome(client, world, decider):
    client.force_login(decider)

    response = client.post(
        decide_url(world["appeal"]),
        {"outcome": "grant", "reason": "Fair."},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == HTTPStatus.OK
    assert f'id="appeal-{world["appeal"].pk}"' in response.text
    assert "Appeal granted: published again." in response.text
    world["appeal"].refresh_from_db()
    assert world["appeal"].status == Appeal.Status.GRANTED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "deny", "reason": ""}, "Give the author a reason for the denial."),
        ({"outcome": "maybe"}, "Choose to grant or deny the appeal."),
        ({"outcome": "deny", "reason": "z" * 301}, "Keep it to 300 characters (it has 301)."),
    ],
)
def test_bad_decisions_get_a_message(client, world, decider, data, message):
    client.force_login(decider)

    response = client.post(decide_url(world["appeal"]), data, headers={"HX-Request": "true"})

    assert response.status_code == HTTPStatus.OK
    assert message in response.text
    world["appeal"].refresh_from_db()
    assert world["appeal"].status == Appeal.Status.OPEN


def test_deciding_an_unknown_appeal_is_a_404(client, decider):
    client.force_login(decider)

    assert client.post(reverse("appeals:decide", args=[999999])).status_code == NOT_FOUND


def test_the_queue_takes_the_same_queries_for_one_appeal_or_many(
    client, world, decider, django_assert_num_queries
):
    for _ in range(4):
        appeal_file(
            author=world["author"],
            item=removed_days_ago(2, world["author"], world["remover"]),
            text="Another.",
        )
    client.force_login(decider)
    # Session, user, permissions, count, the page of appeals with their items (one query,
    # whatever their number), the navigation's count of what waits on the desk.
    with django_assert_num_queries(6):
        response = client.get(QUEUE)
    assert len(response.context["page_obj"]) == 5


def test_the_desk_navigation_names_the_appeals(client, decider):
    client.force_login(decider)

    response = client.get(reverse("moderation:queue"))

    assert f'href="{QUEUE}"' in response.text


def test_a_fresh_moderator_account_may_decide(client, world):
    client.force_login(ModeratorFactory())

    client.post(decide_url(world["appeal"]), {"outcome": "deny", "reason": "It stands."})

    world["appeal"].refresh_from_db()
    assert world["appeal"].status == Appeal.Status.DENIED
