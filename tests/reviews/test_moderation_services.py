"""Moderation services: decisions, reports, sanctions and the blocklist, each recorded once."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from reviews.discussion.models import Comment, CommentReport
from reviews.discussion.services import comment_create
from reviews.moderation.models import BlockedTerm, ModerationDecision, Sanction
from reviews.moderation.services import (
    AlreadyDecided,
    blocked_term_add,
    comment_approve,
    comment_dismiss_reports,
    comment_mark_spam,
    comment_reject,
    comment_remove,
    comment_report,
    comment_restore,
    comment_uphold_reports,
    sanction_create,
    sanction_lift,
)
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    CommentReportFactory,
    ModeratorFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)

Action = ModerationDecision.Action
Status = Comment.Status


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mod(db):
    return ModeratorFactory(username="vega")


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


# --- Reports ------------------------------------------------------------------------------


@pytest.fixture
def review_page(db):
    return ReviewFactory()


def report(comment, reporter=None, reason=CommentReport.Reason.SPAM):
    return comment_report(comment=comment, reporter=reporter or UserFactory(), reason=reason)


@pytest.mark.django_db
@pytest.mark.parametrize("needed", [2, 3])
def test_enough_distinct_readers_reporting_hide_a_comment(settings, client, needed):
    settings.MODERATION_REPORTS_TO_HIDE = needed
    comment = CommentFactory(body="A comment about the hidden stars")

    for _ in range(needed):
        report(comment)

    comment.refresh_from_db()
    assert comment.status == Status.PENDING
    assert comment.held_reason == f"Reported by {needed} readers"
    decision = ModerationDecision.objects.get()
    assert decision.action == Action.HIDE
    assert decision.moderator is None
    assert (decision.from_status, decision.to_status) == (Status.APPROVED, Status.PENDING)
    page = client.get(comment.review.get_absolute_url())
    assert "A comment about the hidden stars" not in page.text


@pytest.mark.django_db
def test_fewer_reports_keep_the_comment_public_and_in_the_queue(settings, client):
    settings.MODERATION_REPORTS_TO_HIDE = 3
    comment = CommentFactory(body="A comment about the visible stars")

    report(comment)
    report(comment)

    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert not ModerationDecision.objects.exists()
    assert list(Comment.objects.reported()) == [comment]
    assert "A comment about the visible stars" in client.get(comment.review.get_absolute_url()).text


@pytest.mark.django_db
def test_more_reports_on_a_hidden_comment_record_no_second_hide(settings):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    comment = CommentFactory()

    for _ in range(3):
        report(comment)

    assert ModerationDecision.objects.filter(action=Action.HIDE).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("hidden", [False, True], ids=["public", "hidden"])
def test_upholding_reports_closes_them_and_removes_the_comment(settings, mod, hidden):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    comment = CommentFactory()
    for _ in range(2 if hidden else 1):
        report(comment)
    comment.refresh_from_db()

    comment_uphold_reports(comment=comment, moderator=mod)

    comment.refresh_from_db()
    assert comment.status == Status.REMOVED
    reports = CommentReport.objects.filter(comment=comment)
    assert {r.resolution for r in reports} == {CommentReport.Resolution.UPHELD}
    assert {r.resolved_by for r in reports} == {mod}
    assert all(r.resolved_at for r in reports)
    decision = ModerationDecision.objects.get(action=Action.UPHOLD_REPORTS)
    assert decision.moderator == mod
    assert decision.to_status == Status.REMOVED


@pytest.mark.django_db
@pytest.mark.parametrize("hidden", [False, True], ids=["public", "hidden"])
def test_dismissing_reports_closes_them_and_publishes_the_comment(settings, mod, hidden):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    comment = CommentFactory()
    for _ in range(2 if hidden else 1):
        report(comment)
    comment.refresh_from_db()

    comment_dismiss_reports(comment=comment, moderator=mod)

    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert set(
        CommentReport.objects.filter(comment=comment).values_list("resolution", flat=True)
    ) == {CommentReport.Resolution.DISMISSED}
    decision = ModerationDecision.objects.get(action=Action.DISMISS_REPORTS)
    assert decision.moderator == mod
    assert decision.to_status == Status.APPROVED
    assert not Comment.objects.in_queue().exists()


@pytest.mark.django_db
def test_approving_a_comment_hidden_by_reports_dismisses_them(settings, mod):
    settings.MODERATION_REPORTS_TO_HIDE = 1
    comment = CommentFactory()
    report(comment)
    comment.refresh_from_db()

    comment_approve(comment=comment, moderator=mod)

    assert ModerationDecision.objects.latest("id").action == Action.DISMISS_REPORTS
    assert not CommentReport.objects.filter(resolution=CommentReport.Resolution.OPEN).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("decide", "kwargs"),
    [
        (comment_mark_spam, {}),
        (comment_remove, {"reason": "Abuse"}),
    ],
)
def test_spam_or_removal_of_a_reported_comment_upholds_its_reports(mod, decide, kwargs):
    comment = CommentFactory()
    CommentReportFactory(comment=comment)

    decide(comment=comment, moderator=mod, **kwargs)

    assert CommentReport.objects.get().resolution == CommentReport.Resolution.UPHELD


# --- Sanctions ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_sanction_is_recorded_with_its_reason_and_end(mod):
    reader = UserFactory()
    ends = timezone.now() + timedelta(days=7)

    sanction = sanction_create(
        user=reader, moderator=mod, kind=Sanction.Kind.MUTE, reason=" Rude ", expires_at=ends
    )

    assert (sanction.user, sanction.kind, sanction.reason) == (reader, "mute", "Rude")
    assert sanction.created_by == mod
    decision = ModerationDecision.objects.get()
    assert (decision.action, decision.sanction, decision.moderator) == (
        Action.SANCTION,
        sanction,
        mod,
    )
    assert decision.reason == "Rude"
    assert decision.note.startswith("Muted until ")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"reason": ""}, "reason_required"),
        ({"reason": "   "}, "reason_required"),
        ({"expires_at": "past"}, "expired"),
    ],
)
def test_a_sanction_without_reason_or_ending_in_the_past_is_refused(mod, changes, code):
    if changes.get("expires_at") == "past":
        changes["expires_at"] = timezone.now() - timedelta(hours=1)
    kwargs = {"user": UserFactory(), "moderator": mod, "kind": "ban", "reason": "Spam"} | changes

    with pytest.raises(ValidationError) as caught:
        sanction_create(**kwargs)

    assert caught.value.code == code
    assert not Sanction.objects.exists()
    assert not ModerationDecision.objects.exists()


@pytest.mark.django_db
def test_a_ban_with_spam_pending_sends_the_readers_held_comments_to_spam(mod):
    reader = UserFactory()
    held = CommentFactory.create_batch(2, author=reader, status=Status.PENDING)
    published = CommentFactory(author=reader)
    someone_elses = CommentFactory(status=Status.PENDING)

    sanction_create(
        user=reader, moderator=mod, kind=Sanction.Kind.BAN, reason="Spam", spam_pending=True
    )

    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in held])} == {Status.SPAM}
    published.refresh_from_db()
    someone_elses.refresh_from_db()
    assert (published.status, someone_elses.status) == (Status.APPROVED, Status.PENDING)
    spam = ModerationDecision.objects.filter(action=Action.SPAM)
    assert {d.comment_id for d in spam} == {c.pk for c in held}
    assert {d.moderator for d in spam} == {mod}
    assert ModerationDecision.objects.filter(action=Action.SANCTION).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "spam_pending"), [(Sanction.Kind.MUTE, True), (Sanction.Kind.BAN, False)]
)
def test_held_comments_stay_unless_a_ban_asks_for_spam(mod, kind, spam_pending):
    reader = UserFactory()
    held = CommentFactory(author=reader, status=Status.PENDING)

    sanction_create(user=reader, moderator=mod, kind=kind, reason="Rude", spam_pending=spam_pending)

    held.refresh_from_db()
    assert held.status == Status.PENDING


@pytest.mark.django_db
def test_lifting_a_sanction_is_recorded_and_the_reader_may_post_again(mod):
    sanction = SanctionFactory(kind=Sanction.Kind.BAN)
    review = ReviewFactory()

    sanction_lift(sanction=sanction, moderator=mod, note="Apologised")

    sanction.refresh_from_db()
    assert sanction.lifted_at is not None
    assert sanction.lifted_by == mod
    decision = ModerationDecision.objects.get()
    assert (decision.action, decision.sanction, decision.note) == (
        Action.LIFT_SANCTION,
        sanction,
        "Apologised",
    )
    comment = comment_create(review=review, author=sanction.user, body="Sorry")
    assert comment.status == Status.APPROVED


@pytest.mark.django_db
def test_lifting_twice_is_refused_and_recorded_once(mod):
    sanction = SanctionFactory()
    sanction_lift(sanction=sanction, moderator=mod)

    with pytest.raises(ValidationError) as caught:
        sanction_lift(sanction=sanction, moderator=mod)

    assert caught.value.code == "already_lifted"
    assert ModerationDecision.objects.count() == 1


# --- Blocklist ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_blocked_term_is_added_with_its_spaces_collapsed(mod):
    term = blocked_term_add(phrase="  bad   word ", moderator=mod)

    assert (term.phrase, term.created_by) == ("bad word", mod)


@pytest.mark.django_db
@pytest.mark.parametrize(("phrase", "code"), [("BAD Word", "duplicate"), ("   ", "empty")])
def test_a_duplicate_or_empty_blocked_term_is_refused(mod, phrase, code):
    BlockedTermFactory(phrase="bad word")

    with pytest.raises(ValidationError) as caught:
        blocked_term_add(phrase=phrase, moderator=mod)

    assert caught.value.code == code
    assert list(BlockedTerm.objects.values_list("phrase", flat=True)) == ["bad word"]
