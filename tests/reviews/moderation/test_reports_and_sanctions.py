"""Reports hiding comments, sanctions on readers, and the blocklist, each recorded once."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reviews.discussion.models import Comment, CommentReport
from reviews.discussion.services import comment_create
from reviews.moderation.blocked_terms import blocked_term_add
from reviews.moderation.models import BlockedTerm, ModerationDecision, Sanction
from reviews.moderation.services import (
    comment_decide,
    comment_report,
    sanction_create,
    sanction_lift,
)
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    CommentReportFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)

Action = ModerationDecision.Action
Status = Comment.Status


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
@pytest.mark.parametrize(
    ("action", "status", "resolution"),
    [
        (Action.UPHOLD_REPORTS, Status.REMOVED, CommentReport.Resolution.UPHELD),
        (Action.DISMISS_REPORTS, Status.APPROVED, CommentReport.Resolution.DISMISSED),
    ],
    ids=["uphold", "dismiss"],
)
def test_deciding_on_reports_closes_them_and_removes_or_publishes_the_comment(
    settings, mod, hidden, action, status, resolution
):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    comment = CommentFactory()
    for _ in range(2 if hidden else 1):
        report(comment)
    comment.refresh_from_db()

    comment_decide(comment=comment, moderator=mod, action=action)

    comment.refresh_from_db()
    assert comment.status == status
    reports = CommentReport.objects.filter(comment=comment)
    assert {r.resolution for r in reports} == {resolution}
    assert {r.resolved_by for r in reports} == {mod}
    assert all(r.resolved_at for r in reports)
    decision = ModerationDecision.objects.get(action=action)
    assert decision.moderator == mod
    assert decision.to_status == status
    assert not Comment.objects.in_queue().exists()


@pytest.mark.django_db
def test_approving_a_comment_hidden_by_reports_dismisses_them(settings, mod):
    settings.MODERATION_REPORTS_TO_HIDE = 1
    comment = CommentFactory()
    report(comment)
    comment.refresh_from_db()

    comment_decide(comment=comment, moderator=mod, action=Action.APPROVE)

    assert ModerationDecision.objects.latest("id").action == Action.DISMISS_REPORTS
    assert not CommentReport.objects.filter(resolution=CommentReport.Resolution.OPEN).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "kwargs"),
    [
        (Action.SPAM, {}),
        (Action.REMOVE, {"reason": "Abuse"}),
    ],
)
def test_spam_or_removal_of_a_reported_comment_upholds_its_reports(mod, action, kwargs):
    comment = CommentFactory()
    CommentReportFactory(comment=comment)

    comment_decide(comment=comment, moderator=mod, action=action, **kwargs)

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
