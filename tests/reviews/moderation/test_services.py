"""Moderation services: decisions on comments, each recorded once, even when two moderators
decide at the same moment."""

import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from reviews.discussion.models import Comment, CommentReport
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import (
    AlreadyDecided,
    comment_approve,
    comment_dismiss_reports,
    comment_mark_spam,
    comment_reject,
    comment_remove,
    comment_restore,
    comment_uphold_reports,
)
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
    (comment_approve, {}, Status.PENDING, Status.APPROVED, Action.APPROVE),
    (
        comment_reject,
        {"reason": "Off topic for this review"},
        Status.PENDING,
        Status.REJECTED,
        Action.REJECT,
    ),
    (comment_mark_spam, {}, Status.PENDING, Status.SPAM, Action.SPAM),
    (comment_mark_spam, {}, Status.APPROVED, Status.SPAM, Action.SPAM),
    (
        comment_remove,
        {"reason": "Personal attack"},
        Status.APPROVED,
        Status.REMOVED,
        Action.REMOVE,
    ),
    (comment_restore, {}, Status.REJECTED, Status.APPROVED, Action.RESTORE),
    (comment_restore, {}, Status.SPAM, Status.APPROVED, Action.RESTORE),
    (comment_restore, {}, Status.REMOVED, Status.APPROVED, Action.RESTORE),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("decide", "kwargs", "before", "after", "action"), DECISIONS)
def test_each_decision_changes_the_status_and_writes_one_record(
    mod, decide, kwargs, before, after, action
):
    comment = CommentFactory(status=before)

    decide(comment=comment, moderator=mod, note="Checked twice", **kwargs)

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
        comment_reject(comment=comment, moderator=mod, reason=reason)

    assert caught.value.code == "reason_required"
    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert not ModerationDecision.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decide", "kwargs", "status"),
    [
        (comment_approve, {}, Status.APPROVED),
        (comment_approve, {}, Status.REJECTED),
        (comment_reject, {"reason": "No"}, Status.APPROVED),
        (comment_reject, {"reason": "No"}, Status.SPAM),
        (comment_mark_spam, {}, Status.SPAM),
        (comment_remove, {}, Status.PENDING),
        (comment_remove, {}, Status.REMOVED),
        (comment_restore, {}, Status.PENDING),
        (comment_restore, {}, Status.APPROVED),
        (comment_uphold_reports, {}, Status.APPROVED),
        (comment_dismiss_reports, {}, Status.PENDING),
    ],
)
def test_an_illegal_transition_is_already_decided_and_writes_nothing(mod, decide, kwargs, status):
    comment = CommentFactory(status=status)

    with pytest.raises(AlreadyDecided) as caught:
        decide(comment=comment, moderator=mod, **kwargs)

    assert caught.value.code == "already_decided"
    assert "Already decided by" in caught.value.messages[0]
    comment.refresh_from_db()
    assert comment.status == status
    assert not ModerationDecision.objects.exists()


@pytest.mark.django_db
def test_already_decided_names_the_moderator_who_decided_and_the_status(mod):
    comment = CommentFactory(status=Status.PENDING)
    comment_approve(comment=comment, moderator=mod)

    with pytest.raises(AlreadyDecided) as caught:
        comment_approve(comment=comment, moderator=ModeratorFactory())

    assert caught.value.messages == ["Already decided by vega: this comment is now approved."]
    assert ModerationDecision.objects.count() == 1


@pytest.mark.django_db
def test_a_stale_expected_status_is_refused_even_when_the_move_would_be_legal(mod):
    comment = CommentFactory(status=Status.APPROVED)  # spam from approved is legal

    with pytest.raises(AlreadyDecided):
        comment_mark_spam(comment=comment, moderator=mod, expected_status=Status.PENDING)

    assert not ModerationDecision.objects.exists()


@pytest.mark.django_db
def test_the_decision_record_cannot_be_changed_in_the_database(mod):
    comment = CommentFactory(status=Status.PENDING)
    comment_approve(comment=comment, moderator=mod, note="fine")
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
        comment_approve(comment=reply, moderator=mod)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nan@example.com"]
    assert f"/comments/{reply.pk}/" in mail.outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decide", "kwargs"),
    [(comment_reject, {"reason": "Rude"}), (comment_mark_spam, {})],
)
def test_refusing_a_held_reply_e_mails_nobody(
    mod, django_capture_on_commit_callbacks, decide, kwargs
):
    parent = CommentFactory(author=UserFactory(email="nan@example.com"))
    reply = CommentFactory(parent=parent, status=Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        decide(comment=reply, moderator=mod, **kwargs)

    assert mail.outbox == []


# --- Two moderators at once ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_moderators_deciding_at_once_one_wins_and_the_other_is_told_who():
    first, second = ModeratorFactory(username="altair"), ModeratorFactory(username="deneb")
    comments = CommentFactory.create_batch(5, status=Status.PENDING)

    for comment in comments:
        barrier = threading.Barrier(2)
        outcomes: dict[str, object] = {}

        def run(name, decide, moderator, comment=comment, barrier=barrier, outcomes=outcomes):
            try:
                barrier.wait(timeout=10)
                decide(
                    comment=Comment.objects.get(pk=comment.pk),
                    moderator=moderator,
                    expected_status=Status.PENDING,
                )
                outcomes[name] = "won"
            except AlreadyDecided as error:
                outcomes[name] = error
            finally:
                connection.close()

        threads = [
            threading.Thread(target=run, args=("altair", comment_approve, first)),
            threading.Thread(target=run, args=("deneb", comment_mark_spam, second)),
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
