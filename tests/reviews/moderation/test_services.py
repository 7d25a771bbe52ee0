"""Moderation services: decisions on comments, each recorded once, even when two moderators
decide at the same moment."""

import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from reviews.discussion.models import Comment, CommentReport
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import AlreadyDecided, comment_decide
from tests.factories import (
    CommentFactory,
    CommentReportFactory,
    ModeratorFactory,
    UserFactory,
)

Action = ModerationDecision.Action
Status = Comment.Status


# --- Querysets ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_queue_holds_pending_and_reported_comments_only():
    held = CommentFactory(status=Status.PENDING)
    reported = CommentFactory()
    CommentReportFactory(comment=reported)
    closed = CommentFactory()
    CommentReportFactory(comment=closed, resolution=CommentReport.Resolution.DISMISSED)
    CommentFactory()  # published, never reported
    removed = CommentFactory(status=Status.REMOVED)
    CommentReportFactory(comment=removed)

    assert set(Comment.objects.in_queue()) == {held, reported}
    assert list(Comment.objects.reported()) == [reported]
    assert list(Comment.objects.pending()) == [held]


@pytest.mark.django_db
def test_a_comment_with_several_open_reports_is_listed_once():
    reported = CommentFactory()
    CommentReportFactory.create_batch(2, comment=reported)

    assert list(Comment.objects.reported()) == [reported]
    assert list(Comment.objects.in_queue()) == [reported]


# --- Decisions ----------------------------------------------------------------------------


DECISIONS = [
    (Action.APPROVE, {}, Status.PENDING, Status.APPROVED),
    (Action.REJECT, {"reason": "Off topic for this review"}, Status.PENDING, Status.REJECTED),
    (Action.SPAM, {}, Status.PENDING, Status.SPAM),
    (Action.SPAM, {}, Status.APPROVED, Status.SPAM),
    (Action.REMOVE, {"reason": "Personal attack"}, Status.APPROVED, Status.REMOVED),
    (Action.RESTORE, {}, Status.REJECTED, Status.APPROVED),
    (Action.RESTORE, {}, Status.SPAM, Status.APPROVED),
    (Action.RESTORE, {}, Status.REMOVED, Status.APPROVED),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "kwargs", "before", "after"), DECISIONS)
def test_each_decision_changes_the_status_and_writes_one_record(mod, action, kwargs, before, after):
    comment = CommentFactory(status=before)

    comment_decide(comment=comment, moderator=mod, action=action, note="Checked twice", **kwargs)

    comment.refresh_from_db()
    assert comment.status == after
    decision = ModerationDecision.objects.get()
    assert decision.comment == comment
    assert decision.moderator == mod
    assert decision.action == action
    assert (decision.from_status, decision.to_status) == (before, after)
    assert decision.reason == kwargs.get("reason", "")
    assert decision.note == "Checked twice"


@pytest.mark.django_db
@pytest.mark.parametrize("reason", ["", "   "])
def test_rejecting_needs_a_reason_and_writes_nothing_without_one(mod, reason):
    comment = CommentFactory(status=Status.PENDING)

    with pytest.raises(ValidationError) as caught:
        comment_decide(comment=comment, moderator=mod, action=Action.REJECT, reason=reason)

    assert caught.value.code == "reason_required"
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not ModerationDecision.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "kwargs", "status"),
    [
        (Action.APPROVE, {}, Status.APPROVED),
        (Action.APPROVE, {}, Status.REJECTED),
        (Action.REJECT, {"reason": "No"}, Status.APPROVED),
        (Action.REJECT, {"reason": "No"}, Status.SPAM),
        (Action.SPAM, {}, Status.SPAM),
        (Action.REMOVE, {}, Status.PENDING),
        (Action.REMOVE, {}, Status.REMOVED),
        (Action.RESTORE, {}, Status.PENDING),
        (Action.RESTORE, {}, Status.APPROVED),
        (Action.UPHOLD_REPORTS, {}, Status.APPROVED),
        (Action.DISMISS_REPORTS, {}, Status.PENDING),
    ],
)
def test_an_illegal_transition_is_already_decided_and_writes_nothing(mod, action, kwargs, status):
    comment = CommentFactory(status=status)

    with pytest.raises(AlreadyDecided) as caught:
        comment_decide(comment=comment, moderator=mod, action=action, **kwargs)

    assert caught.value.code == "already_decided"
    assert "Already decided by" in caught.value.messages[0]
    comment.refresh_from_db()
    assert comment.status == status
    assert not ModerationDecision.objects.exists()


@pytest.mark.django_db
def test_already_decided_names_the_moderator_who_decided_and_the_status(mod):
    comment = CommentFactory(status=Status.PENDING)
    comment_decide(comment=comment, moderator=mod, action=Action.APPROVE)

    with pytest.raises(AlreadyDecided) as caught:
        comment_decide(comment=comment, moderator=ModeratorFactory(), action=Action.APPROVE)

    assert caught.value.messages == ["Already decided by vega: this comment is now approved."]
    assert ModerationDecision.objects.count() == 1


@pytest.mark.django_db
def test_a_stale_expected_status_is_refused_even_when_the_move_would_be_legal(mod):
    comment = CommentFactory(status=Status.APPROVED)  # spam from approved is legal

    with pytest.raises(AlreadyDecided):
        comment_decide(
            comment=comment, moderator=mod, action=Action.SPAM, expected_status=Status.PENDING
        )

    assert not ModerationDecision.objects.exists()


@pytest.mark.django_db
def test_the_decision_record_cannot_be_changed_in_the_database(mod):
    comment = CommentFactory(status=Status.PENDING)
    comment_decide(comment=comment, moderator=mod, action=Action.APPROVE, note="fine")
    decision = ModerationDecision.objects.get()

    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic():
        ModerationDecision.objects.filter(pk=decision.pk).update(note="x")

    decision.refresh_from_db()
    assert decision.note == "fine"


@pytest.mark.django_db
def test_approving_a_held_reply_e_mails_the_parent_author(mod, django_capture_on_commit_callbacks):
    parent = CommentFactory(author=UserFactory(email="nan@example.com"))
    reply = CommentFactory(parent=parent, status=Status.PENDING, author=UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        comment_decide(comment=reply, moderator=mod, action=Action.APPROVE)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nan@example.com"]
    assert f"/en/comments/{reply.pk}/" in mail.outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "kwargs"),
    [(Action.REJECT, {"reason": "Rude"}), (Action.SPAM, {})],
)
def test_refusing_a_held_reply_e_mails_nobody(
    mod, django_capture_on_commit_callbacks, action, kwargs
):
    parent = CommentFactory(author=UserFactory(email="nan@example.com"))
    reply = CommentFactory(parent=parent, status=Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        comment_decide(comment=reply, moderator=mod, action=action, **kwargs)

    assert mail.outbox == []


# --- Two moderators at once ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_moderators_deciding_at_once_one_wins_and_the_other_is_told_who():
    first, second = ModeratorFactory(username="altair"), ModeratorFactory(username="deneb")
    comments = CommentFactory.create_batch(5, status=Status.PENDING)

    for comment in comments:
        barrier = threading.Barrier(2)
        outcomes: dict[str, object] = {}

        def run(name, action, moderator, comment=comment, barrier=barrier, outcomes=outcomes):
            try:
                barrier.wait(timeout=10)
                comment_decide(
                    comment=Comment.objects.get(pk=comment.pk),
                    moderator=moderator,
                    action=action,
                    expected_status=Status.PENDING,
                )
                outcomes[name] = "won"
            except AlreadyDecided as error:
                outcomes[name] = error
            finally:
                connection.close()

        threads = [
            threading.Thread(target=run, args=("altair", Action.APPROVE, first)),
            threading.Thread(target=run, args=("deneb", Action.SPAM, second)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

        winners = [name for name, outcome in outcomes.items() if outcome == "won"]
        losers = [o for o in outcomes.values() if isinstance(o, AlreadyDecided)]
        assert len(winners) == 1, outcomes
        assert len(losers) == 1, outcomes
        assert f"Already decided by {winners[0]}" in losers[0].messages[0]
        decision = ModerationDecision.objects.get(comment=comment)
        assert decision.moderator.username == winners[0]
        comment.refresh_from_db()
        assert comment.status == decision.to_status
