"""The moderation admin as a moderator sees it: the same services as the desk, all recorded."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment, CommentReport
from reviews.moderation.models import BlockedTerm, ModerationDecision, Sanction
from reviews.moderation.services import entry_decide
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    CommentReportFactory,
    DiaryEntryFactory,
    FilmFactory,
    ModerationDecisionFactory,
    SanctionFactory,
    UserFactory,
)
from tests.reviews.moderation.conftest import Action, Status, messages_of

pytestmark = pytest.mark.django_db

COMMENTS = reverse("admin:reviews_comment_changelist")
REPORTS = reverse("admin:reviews_commentreport_changelist")
READER_REVIEWS = reverse("admin:reviews_readerreview_changelist")
SANCTIONS = reverse("admin:reviews_sanction_changelist")
SANCTION_ADD = reverse("admin:reviews_sanction_add")
DECISIONS = reverse("admin:reviews_moderationdecision_changelist")
TERMS = reverse("admin:reviews_blockedterm_changelist")


def run_action(client, url, action, objects):
    return client.post(url, {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in objects]})


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ({}, 2),
        ({"status__exact": "pending"}, 1),
        ({"status__exact": "approved", "q": "stars"}, 1),
        ({"created_at__year": timezone.now().year}, 2),
    ],
)
def test_moderator_sees_the_comment_changelist_with_filters(moderator_client, query, count):
    CommentFactory(status=Status.PENDING, held_reason="Reader on probation")
    CommentFactory()

    response = moderator_client.get(COMMENTS, query)

    assert response.status_code == HTTPStatus.OK
    assert response.context["cl"].result_count == count
    assert "Reader on probation" in response.text or count == 1
    for action in ("approve", "reject", "mark_spam", "remove", "restore"):
        assert f'value="{action}"' in response.text


def test_moderator_sees_a_comment_with_its_open_reports(moderator_client):
    report = CommentReportFactory(reason="harassment")

    response = moderator_client.get(
        reverse("admin:reviews_comment_change", args=[report.comment.pk])
    )

    assert response.status_code == HTTPStatus.OK
    assert "Harassment or abuse" in response.text


# The desk's five decisions as admin actions: what each needs, leaves, records and says.
DECISION_ACTIONS = [
    ("approve", Status.PENDING, Status.APPROVED, Action.APPROVE, "Approved"),
    ("reject", Status.PENDING, Status.REJECTED, Action.REJECT, "Rejected"),
    ("mark_spam", Status.PENDING, Status.SPAM, Action.SPAM, "Marked as spam"),
    ("remove", Status.APPROVED, Status.REMOVED, Action.REMOVE, "Removed"),
    ("restore", Status.REMOVED, Status.APPROVED, Action.RESTORE, "Restored"),
]


@pytest.mark.parametrize(("action", "before", "after", "recorded", "done"), DECISION_ACTIONS)
def test_each_comment_action_decides_through_the_service(
    moderator_client, moderator, action, before, after, recorded, done
):
    comments = CommentFactory.create_batch(2, status=before)

    response = run_action(moderator_client, COMMENTS, action, comments)

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == [f"{done}: 2 comments."]
    assert {c.status for c in Comment.objects.filter(pk__in=[c.pk for c in comments])} == {after}
    decisions = ModerationDecision.objects.all()
    assert len(decisions) == 2
    assert {(d.action, d.moderator, d.from_status, d.to_status) for d in decisions} == {
        (recorded, moderator, before, after)
    }


def test_the_admin_reject_action_gives_its_reason(moderator_client):
    run_action(moderator_client, COMMENTS, "reject", [CommentFactory(status=Status.PENDING)])

    assert ModerationDecision.objects.get().reason == "Off topic for this review"


def test_an_action_that_does_not_apply_warns_and_records_nothing(moderator_client):
    comment = CommentFactory(status=Status.APPROVED)

    response = run_action(moderator_client, COMMENTS, "approve", [comment])

    [message] = messages_of(response)
    assert message.startswith(f"Comment {comment.pk}: Already decided by")
    assert not ModerationDecision.objects.exists()


def test_comments_cannot_be_added_or_deleted_in_the_admin(moderator_client):
    comment = CommentFactory()

    assert moderator_client.get(reverse("admin:reviews_comment_add")).status_code == (
        HTTPStatus.FORBIDDEN
    )
    delete = reverse("admin:reviews_comment_delete", args=[comment.pk])
    assert moderator_client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    assert Comment.objects.filter(pk=comment.pk).exists()


def action_names(response) -> list[str]:
    """The actions the changelist offers (none at all: no action form)."""
    form = response.context["action_form"]
    return [name for name, _label in form.fields["action"].choices if name] if form else []


@pytest.mark.parametrize(("action", "before", "after", "recorded", "done"), DECISION_ACTIONS)
def test_each_reader_review_action_decides_through_the_service(
    moderator_client, moderator, action, before, after, recorded, done
):
    entries = DiaryEntryFactory.create_batch(2, review_status=before)

    listing = moderator_client.get(READER_REVIEWS)
    response = run_action(moderator_client, READER_REVIEWS, action, entries)

    assert listing.status_code == HTTPStatus.OK
    assert action in action_names(listing)
    assert "Approve selected reader reviews" in listing.text
    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == [f"{done}: 2 reader reviews."]
    statuses = DiaryEntry.objects.filter(pk__in=[e.pk for e in entries])
    assert set(statuses.values_list("review_status", flat=True)) == {after}
    decisions = ModerationDecision.objects.all()
    assert sorted(d.entry_id for d in decisions) == sorted(e.pk for e in entries)
    assert {(d.action, d.moderator, d.from_status, d.to_status, d.comment) for d in decisions} == {
        (recorded, moderator, before, after, None)
    }


def test_the_reader_review_reject_action_gives_its_reason(moderator_client):
    entry = DiaryEntryFactory(review_status=Status.PENDING)

    run_action(moderator_client, READER_REVIEWS, "reject", [entry])

    assert ModerationDecision.objects.get(entry=entry).reason == "Off topic for this review"
    entry.refresh_from_db()
    assert entry.moderation_reason == "Off topic for this review"


def test_staff_who_do_not_moderate_see_no_reader_review_actions_and_cannot_run_them(client):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_readerreview"))
    client.force_login(staff)
    entry = DiaryEntryFactory(review_status=Status.PENDING)

    listing = client.get(READER_REVIEWS)
    response = run_action(client, READER_REVIEWS, "approve", [entry])

    assert listing.status_code == HTTPStatus.OK
    assert list(listing.context["cl"].result_list) == [entry]
    assert action_names(listing) == []
    assert response.status_code == HTTPStatus.OK  # the list again: no such action for them
    entry.refresh_from_db()
    assert entry.review_status == Status.PENDING
    assert not ModerationDecision.objects.exists()


def test_an_already_decided_reader_review_is_warned_about_and_not_decided_again(
    moderator_client, moderator
):
    decided = DiaryEntryFactory(review_status=Status.PENDING)
    entry_decide(entry=decided, moderator=moderator, action=Action.APPROVE)
    held = DiaryEntryFactory(review_status=Status.PENDING)

    response = run_action(moderator_client, READER_REVIEWS, "approve", [decided, held])

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == [
        "Approved: 1 reader review.",
        f"Reader review {decided.pk}: Already decided: this review is now approved.",
    ]
    assert ModerationDecision.objects.filter(entry=decided).count() == 1
    assert ModerationDecision.objects.filter(entry=held).count() == 1


@pytest.mark.parametrize(
    ("action", "after", "resolution", "recorded"),
    [
        ("uphold", Status.REMOVED, CommentReport.Resolution.UPHELD, Action.UPHOLD_REPORTS),
        ("dismiss", Status.APPROVED, CommentReport.Resolution.DISMISSED, Action.DISMISS_REPORTS),
    ],
)
def test_report_actions_uphold_or_dismiss_once_per_comment(
    moderator_client, moderator, action, after, resolution, recorded
):
    comment = CommentFactory()
    reports = CommentReportFactory.create_batch(2, comment=comment)

    response = moderator_client.get(REPORTS)
    assert response.status_code == HTTPStatus.OK
    response = run_action(moderator_client, REPORTS, action, reports)

    assert response.status_code == HTTPStatus.FOUND
    comment.refresh_from_db()
    assert comment.status == after
    assert set(CommentReport.objects.values_list("resolution", flat=True)) == {resolution}
    decision = ModerationDecision.objects.get()
    assert (decision.action, decision.moderator, decision.comment) == (recorded, moderator, comment)


def sanction_form(user, **fields) -> dict:
    ends = timezone.localtime() + timedelta(days=3)
    return {
        "user": user.username,
        "kind": Sanction.Kind.MUTE,
        "reason": "Insults in three threads",
        "expires_at_0": ends.strftime("%Y-%m-%d"),
        "expires_at_1": ends.strftime("%H:%M:%S"),
        **fields,
    }


def test_moderator_adds_a_sanction_through_the_admin_form_and_it_is_recorded(
    moderator_client, moderator
):
    reader = UserFactory()

    assert moderator_client.get(SANCTION_ADD).status_code == HTTPStatus.OK
    response = moderator_client.post(SANCTION_ADD, sanction_form(reader))

    assert response.status_code == HTTPStatus.FOUND
    sanction = Sanction.objects.get()
    assert (sanction.user, sanction.kind, sanction.created_by) == (reader, "mute", moderator)
    assert sanction.expires_at > timezone.now() + timedelta(days=2)
    decision = ModerationDecision.objects.get()
    assert (decision.action, decision.sanction, decision.reason) == (
        Action.SANCTION,
        sanction,
        "Insults in three threads",
    )


def test_a_sanction_ending_in_the_past_shows_a_form_error(moderator_client):
    past = timezone.localtime() - timedelta(days=1)

    response = moderator_client.post(
        SANCTION_ADD,
        sanction_form(
            UserFactory(),
            expires_at_0=past.strftime("%Y-%m-%d"),
            expires_at_1=past.strftime("%H:%M:%S"),
        ),
    )

    assert response.status_code == HTTPStatus.OK
    assert "The end of a sanction must be in the future." in response.text
    assert not Sanction.objects.exists()
    assert not ModerationDecision.objects.exists()


def test_a_sanction_cannot_be_edited_only_lifted(moderator_client):
    sanction = SanctionFactory(reason="Original")
    change = reverse("admin:reviews_sanction_change", args=[sanction.pk])

    response = moderator_client.get(change)

    assert response.status_code == HTTPStatus.OK
    assert 'name="reason"' not in response.text
    moderator_client.post(change, {"reason": "Rewritten", "kind": "ban"})
    sanction.refresh_from_db()
    assert (sanction.reason, sanction.kind) == ("Original", "mute")


def test_the_lift_action_lifts_open_sanctions_and_records_each(moderator_client, moderator):
    open_ = SanctionFactory()
    already = SanctionFactory(lifted_at=timezone.now())

    response = run_action(moderator_client, SANCTIONS, "lift", [open_, already])

    assert messages_of(response) == ["Lifted 1 sanction."]
    open_.refresh_from_db()
    assert open_.lifted_by == moderator
    decision = ModerationDecision.objects.get()
    assert (decision.action, decision.sanction) == (Action.LIFT_SANCTION, open_)


def test_the_decision_record_is_read_only_in_the_admin(moderator_client):
    decision = ModerationDecisionFactory(note="Original note")
    change = reverse("admin:reviews_moderationdecision_change", args=[decision.pk])
    delete = reverse("admin:reviews_moderationdecision_delete", args=[decision.pk])

    listing = moderator_client.get(DECISIONS)
    view = moderator_client.get(change)

    assert listing.status_code == HTTPStatus.OK
    assert 'name="action"' not in listing.text  # not even the delete action
    assert view.status_code == HTTPStatus.OK
    assert "Original note" in view.text
    assert 'name="_save"' not in view.text
    assert moderator_client.post(change, {"note": "x"}).status_code == HTTPStatus.FORBIDDEN
    assert moderator_client.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    assert (
        moderator_client.get(reverse("admin:reviews_moderationdecision_add")).status_code
        == HTTPStatus.FORBIDDEN
    )
    decision.refresh_from_db()
    assert decision.note == "Original note"


def test_the_decision_record_names_a_reader_review_it_was_on(moderator_client, moderator):
    entry = DiaryEntryFactory(
        reader=UserFactory(username="dana"),
        film=FilmFactory(title="Lost in Starlight"),
        review_status="pending",
    )
    entry_decide(entry=entry, moderator=moderator, action=Action.REJECT, reason="Spam links")

    listing = moderator_client.get(DECISIONS)

    assert listing.status_code == HTTPStatus.OK
    assert "Dana&#x27;s review of Lost in Starlight" in listing.text
    assert "Dana&#x27;s review" in moderator_client.get(DECISIONS, {"q": "Reader review"}).text


def test_the_decision_record_is_read_only_for_superusers_too(admin_client):
    decision = ModerationDecisionFactory()
    change = reverse("admin:reviews_moderationdecision_change", args=[decision.pk])

    assert admin_client.post(change, {"note": "x"}).status_code == HTTPStatus.FORBIDDEN
    assert ModerationDecision.objects.filter(pk=decision.pk).exists()


def test_moderator_adds_and_deletes_blocked_terms_in_the_admin(moderator_client, moderator):
    response = moderator_client.post(reverse("admin:reviews_blockedterm_add"), {"phrase": "바보"})

    assert response.status_code == HTTPStatus.FOUND
    term = BlockedTerm.objects.get()
    assert (term.phrase, term.created_by) == ("바보", moderator)

    other = BlockedTermFactory(phrase="cheap tickets")
    moderator_client.post(
        TERMS, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [other.pk], "post": "yes"}
    )

    assert list(BlockedTerm.objects.values_list("phrase", flat=True)) == ["바보"]


def test_moderator_names_the_reader_to_sanction_by_username(moderator_client):
    form = {**sanction_form(UserFactory(username="orion")), "user": "nobody-here"}
    response = moderator_client.post(SANCTION_ADD, form)

    assert response.status_code == HTTPStatus.OK
    assert "There is no reader with that username." in response.text
    assert 'value="nobody-here"' in response.text
    assert not Sanction.objects.exists()
