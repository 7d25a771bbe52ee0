"""Deciding on the desk, one comment at a time or in bulk."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from reviews.discussion.models import Comment, CommentReport
from reviews.moderation.forms import CANNED_REASONS
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import comment_decide
from tests.factories import (
    CommentFactory,
    CommentReportFactory,
    ModeratorFactory,
    UserFactory,
)
from tests.reviews.moderation.conftest import (
    BULK,
    QUEUE,
    Action,
    Status,
    decide_url,
    messages_of,
)

pytestmark = pytest.mark.django_db


# --- Deciding one comment ------------------------------------------------------------------


@pytest.fixture
def orion():
    return UserFactory(username="orion")


def pending(author) -> Comment:
    return CommentFactory(author=author, status=Status.PENDING, held_reason="Reader on probation")


def reported(author) -> Comment:
    comment = CommentFactory(author=author)
    CommentReportFactory.create_batch(2, comment=comment, reason="harassment")
    return comment


DESK_DECISIONS = [
    (pending, "approve", {}, Status.APPROVED, Action.APPROVE, "Approved"),
    (
        pending,
        "reject",
        {"reason": str(CANNED_REASONS[1])},
        Status.REJECTED,
        Action.REJECT,
        "Rejected",
    ),
    (pending, "spam", {}, Status.SPAM, Action.SPAM, "Marked as spam"),
    (
        reported,
        "dismiss_reports",
        {},
        Status.APPROVED,
        Action.DISMISS_REPORTS,
        "Reports dismissed, comment published",
    ),
    (
        reported,
        "uphold_reports",
        {},
        Status.REMOVED,
        Action.UPHOLD_REPORTS,
        "Reports upheld, comment removed",
    ),
    (reported, "spam", {}, Status.SPAM, Action.SPAM, "Marked as spam"),
]


@pytest.mark.parametrize(("make", "action", "data", "after", "recorded", "done"), DESK_DECISIONS)
def test_deciding_redirects_back_to_the_queue_with_a_message(
    moderator_client, moderator, orion, make, action, data, after, recorded, done
):
    comment = make(orion)

    response = moderator_client.post(
        decide_url(comment),
        {"action": action, "expected_status": comment.status, "query": "status=held", **data},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"{QUEUE}?status=held"
    assert messages_of(response) == [f"{done}: comment by orion."]
    comment.refresh_from_db()
    assert comment.status == after
    decision = ModerationDecision.objects.get(comment=comment, moderator=moderator)
    assert decision.action == recorded
    assert decision.reason == data.get("reason", "")
    assert not CommentReport.objects.filter(comment=comment, resolution="open").exists()


@pytest.mark.parametrize(("action", "after"), [("approve", Status.APPROVED), ("spam", Status.SPAM)])
def test_the_reason_sent_with_every_button_is_kept_only_by_a_rejection_or_removal(
    moderator_client, orion, action, after
):
    """The queue's reason list goes with each of its buttons; approving or spam keeps none."""
    comment = pending(orion)

    moderator_client.post(decide_url(comment), {"action": action, "reason": str(CANNED_REASONS[0])})

    comment.refresh_from_db()
    assert (comment.status, comment.moderation_reason) == (after, "")
    assert ModerationDecision.objects.get(comment=comment).reason == ""


@pytest.mark.parametrize(("make", "action", "data", "after", "recorded", "done"), DESK_DECISIONS)
def test_deciding_with_htmx_returns_just_the_decided_item(
    moderator_client, orion, make, action, data, after, recorded, done
):
    comment = make(orion)

    response = moderator_client.post(
        decide_url(comment),
        {"action": action, "expected_status": comment.status, **data},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "<html" not in response.text
    assert f'id="queue-{comment.pk}"' in response.text
    assert "queue-item--decided" in response.text
    assert f"{done}: comment by orion." in response.text
    assert "message--success" in response.text
    comment.refresh_from_db()
    assert comment.status == after


@pytest.mark.parametrize("htmx", [False, True], ids=["post", "htmx"])
def test_deciding_an_already_decided_comment_names_who_decided(moderator_client, orion, htmx):
    comment = pending(orion)
    comment_decide(
        comment=comment, moderator=ModeratorFactory(username="deneb"), action=Action.SPAM
    )
    headers = {"HX-Request": "true"} if htmx else {}

    response = moderator_client.post(
        decide_url(comment), {"action": "approve", "expected_status": "pending"}, headers=headers
    )

    expected = "Already decided by deneb: this comment is now spam."
    if htmx:
        assert expected in response.text
        assert "message--error" in response.text
    else:
        assert response.status_code == HTTPStatus.FOUND
        assert messages_of(response) == [expected]
    assert ModerationDecision.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "reject", "reason": ""}, "Give the author a reason for the rejection."),
        (
            {"action": "explode"},
            "Choose approve, reject, spam, remove or restore, or keep or remove a reported "
            "comment.",
        ),
    ],
)
def test_a_refused_decision_is_explained_and_changes_nothing(
    moderator_client, orion, data, message
):
    comment = pending(orion)

    response = moderator_client.post(decide_url(comment), data)

    assert messages_of(response) == [message]
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not ModerationDecision.objects.exists()


def test_deciding_needs_post_and_an_existing_comment(moderator_client, orion):
    comment = pending(orion)

    assert moderator_client.get(decide_url(comment)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    missing = reverse("moderation:decide", args=[comment.pk + 1000])
    assert moderator_client.post(missing, {"action": "approve"}).status_code == (
        HTTPStatus.NOT_FOUND
    )


# --- Bulk decisions -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "after", "done"),
    [("approve", Status.APPROVED, "Approved"), ("spam", Status.SPAM, "Marked as spam")],
)
def test_bulk_decision_records_one_decision_per_selected_comment(
    moderator_client, moderator, action, after, done
):
    chosen = CommentFactory.create_batch(3, status=Status.PENDING)
    left = CommentFactory(status=Status.PENDING)

    response = moderator_client.post(
        BULK, {"action": action, "selected": [c.pk for c in chosen] + ["junk"]}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == QUEUE
    assert messages_of(response) == [f"{done}: 3 comments."]
    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in chosen])} == {after}
    decisions = ModerationDecision.objects.all()
    assert sorted(d.comment_id for d in decisions) == sorted(c.pk for c in chosen)
    assert {d.moderator for d in decisions} == {moderator}
    left.refresh_from_db()
    assert left.status == Status.PENDING


def test_bulk_reject_uses_the_chosen_reason(moderator_client):
    chosen = CommentFactory.create_batch(2, status=Status.PENDING)

    moderator_client.post(
        BULK,
        {"action": "reject", "reason": str(CANNED_REASONS[2]), "selected": [c.pk for c in chosen]},
    )

    assert set(ModerationDecision.objects.values_list("reason", flat=True)) == {
        str(CANNED_REASONS[2])
    }


def test_bulk_with_nothing_selected_says_so(moderator_client):
    CommentFactory(status=Status.PENDING)

    response = moderator_client.post(BULK, {"action": "approve", "query": "status=held"})

    assert response.url == f"{QUEUE}?status=held"
    assert messages_of(response) == ["Select at least one comment first."]
    assert not ModerationDecision.objects.exists()


def test_bulk_reports_the_comments_it_could_not_decide(moderator_client):
    fresh = CommentFactory(status=Status.PENDING)
    done = CommentFactory(status=Status.PENDING)
    comment_decide(
        comment=done, moderator=ModeratorFactory(username="deneb"), action=Action.APPROVE
    )

    response = moderator_client.post(BULK, {"action": "approve", "selected": [fresh.pk, done.pk]})

    assert messages_of(response) == [
        "Approved: 1 comment.",
        "Already decided by deneb: this comment is now approved.",
    ]
    assert ModerationDecision.objects.count() == 2
