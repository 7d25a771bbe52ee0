"""Reader reviews are moderated as comments are: the same screen when posted, the same desk
(beside comments, each item saying what it is), the same decisions recorded the same way, and
reports from readers."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse

from reviews.diary.models import DiaryEntry
from reviews.diary.services import entry_delete, watch_log
from reviews.discussion.services import comment_create
from reviews.moderation import services
from reviews.moderation.fragments import QueueItem
from reviews.moderation.models import ModerationDecision, ReaderReviewReport
from reviews.moderation.queue import waiting_count
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    DiaryEntryFactory,
    ModeratorFactory,
    SanctionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

Action = ModerationDecision.Action
QUEUE = reverse("moderation:queue")


def queued(response) -> list[QueueItem]:
    return [item for item, _html in response.context["page_obj"].object_list]


def decide_url(entry) -> str:
    return reverse("moderation:entry-decide", args=[entry.pk])


# --- The same screen as comments --------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "review", "held_reason"),
    [
        ("new account", "My first review.", "New account: first comment is reviewed"),
        ("", "See https://a.example https://b.example https://c.example", "More than 2 links"),
        ("blocklist", "This film is pure stardust rubbish.", "Blocklisted phrase: “stardust”"),
        ("probation", "A calm review.", "Reader on probation"),
    ],
    ids=["new-account", "links", "blocklisted-term", "probation"],
)
def test_a_reader_review_is_held_by_the_comment_rules(settings, film, setup, review, held_reason):
    reader = UserFactory()
    if setup == "new account":
        settings.MODERATION_NEW_ACCOUNT_HELD = 1
    elif setup == "blocklist":
        BlockedTermFactory(phrase="stardust")
    elif setup == "probation":
        SanctionFactory(user=reader, kind="probation")

    entry = watch_log(reader=reader, film=film, review=review)

    assert (entry.review_status, entry.held_reason) == ("pending", held_reason)
    assert waiting_count() == 1


@pytest.mark.parametrize("kind", ["mute", "ban"])
def test_a_sanctioned_reader_cannot_post_a_review_and_nothing_is_written(film, kind):
    reader = UserFactory()
    SanctionFactory(user=reader, kind=kind, reason="Personal attacks")

    with pytest.raises(ValidationError, match="You cannot post"):
        watch_log(reader=reader, film=film, review="Anything at all")

    assert not DiaryEntry.objects.exists()


def test_a_comment_under_a_reader_review_passes_the_same_screen(client, settings, film):
    settings.MODERATION_NEW_ACCOUNT_HELD = 1
    entry = DiaryEntryFactory(film=film)
    client.force_login(UserFactory())

    client.post(reverse("diary:entry-comment-create", args=[entry.pk]), {"body": "Hello"})

    (comment,) = entry.comments.all()
    assert (comment.status, comment.held_reason) == (
        "pending",
        "New account: first comment is reviewed",
    )


# --- On the desk, beside comments -------------------------------------------------------------


def test_held_and_reported_reader_reviews_wait_beside_comments_saying_what_each_is(client, film):
    held = DiaryEntryFactory(film=film, review_status="pending", held_reason="More than 2 links")
    reported = DiaryEntryFactory(film=film)
    ReaderReviewReport.objects.create(entry=reported, reporter=UserFactory(), reason="spoilers")
    on_article = CommentFactory(status="pending")
    on_entry = CommentFactory(entry=DiaryEntryFactory(film=film), status="pending")
    client.force_login(ModeratorFactory())

    response = client.get(QUEUE)

    kinds = {(item.kind, item.pk) for item in queued(response)}
    assert kinds == {
        ("reader-review", held.pk),
        ("reader-review", reported.pk),
        ("review-comment", on_article.pk),
        ("entry-comment", on_entry.pk),
    }
    text = response.text
    assert "4 comments waiting" in text
    for label in ("Reader review", "Comment on a reader review", "Comment on a review"):
        assert label in text
    assert f'id="queue-entry-{held.pk}"' in text
    assert f'action="{decide_url(held)}"' in text
    assert f'value="entry-{held.pk}"' in text
    assert "Unmarked spoilers × 1" in text  # noqa: RUF001
    assert waiting_count() == 4


def test_the_queue_filters_reader_reviews_by_status_and_reason(client, film):
    held = DiaryEntryFactory(film=film, review_status="pending", held_reason="Reader on probation")
    reported = DiaryEntryFactory(film=film)
    ReaderReviewReport.objects.create(entry=reported, reporter=UserFactory(), reason="spam")
    client.force_login(ModeratorFactory())

    def pks(**query):
        return [item.pk for item in queued(client.get(QUEUE, query))]

    assert pks(status="held") == [held.pk]
    assert pks(status="reported") == [reported.pk]
    assert pks(reason="spam") == [reported.pk]
    assert pks(reason="rule") == [held.pk]


# The comments' queue's queries (tests/reviews/moderation/test_queue.py), and for the reader
# reviews on the page: the entries with their readers and films, their open reports, their
# readers' sanctions.
QUEUE_WITH_READER_REVIEWS = 9 + 3


@pytest.mark.parametrize("count", [2, 15])
def test_the_queue_costs_the_same_queries_however_many_reader_reviews(
    client, film, django_assert_num_queries, count
):
    DiaryEntryFactory.create_batch(count, film=film, review_status="pending")
    CommentFactory.create_batch(count, status="pending")
    client.force_login(ModeratorFactory())

    with django_assert_num_queries(QUEUE_WITH_READER_REVIEWS):
        response = client.get(QUEUE)

    assert {item.kind for item in queued(response)} == {"reader-review", "review-comment"}
    assert len(queued(response)) == min(2 * count, 25)


# --- Decisions, recorded as for comments ------------------------------------------------------


def test_a_moderator_approves_a_held_review_from_the_desk_and_the_record_says_so(client, film):
    entry = DiaryEntryFactory(film=film, review_status="pending", held_reason="More than 2 links")
    moderator = ModeratorFactory()
    client.force_login(moderator)

    response = client.post(decide_url(entry), {"action": "approve", "expected_status": "pending"})

    assert response.status_code == HTTPStatus.FOUND
    entry.refresh_from_db()
    assert entry.review_status == "approved"
    (decision,) = ModerationDecision.objects.all()
    assert (decision.entry_id, decision.comment_id, decision.moderator) == (
        entry.pk,
        None,
        moderator,
    )
    assert (decision.action, decision.from_status, decision.to_status) == (
        "approve",
        "pending",
        "approved",
    )
    assert waiting_count() == 0
    log = client.get(reverse("moderation:decisions")).text
    assert f"Reader review by {entry.reader.username}</a> of Lost in Starlight" in log


def test_a_rejection_needs_a_reason_which_its_author_sees(client, film):
    entry = DiaryEntryFactory(film=film, review_status="pending")
    client.force_login(ModeratorFactory())

    refused = client.post(decide_url(entry), {"action": "reject"}, follow=True)
    assert "Give the author a reason for the rejection." in refused.text
    client.post(decide_url(entry), {"action": "reject", "reason": "Off topic for this film"})

    entry.refresh_from_db()
    assert (entry.review_status, entry.moderation_reason) == ("rejected", "Off topic for this film")
    client.force_login(entry.reader)
    own = client.get(entry.get_absolute_url()).text
    assert "The moderator’s reason: Off topic for this film" in own  # noqa: RUF001


@pytest.mark.parametrize(
    ("start", "action", "end"),
    [
        ("pending", Action.SPAM, "spam"),
        ("approved", Action.REMOVE, "removed"),
        ("approved", Action.SPAM, "spam"),
        ("removed", Action.RESTORE, "approved"),
        ("spam", Action.RESTORE, "approved"),
    ],
)
def test_every_desk_decision_moves_a_reader_review_as_it_moves_a_comment(film, start, action, end):
    entry = DiaryEntryFactory(film=film, review_status=start)

    services.entry_decide(entry=entry, moderator=ModeratorFactory(), action=action)

    entry.refresh_from_db()
    assert entry.review_status == end
    assert ModerationDecision.objects.get().entry_id == entry.pk


def test_a_decision_another_moderator_made_first_is_refused(film):
    entry = DiaryEntryFactory(film=film, review_status="pending")
    services.entry_decide(entry=entry, moderator=ModeratorFactory(), action=Action.APPROVE)

    with pytest.raises(services.AlreadyDecided):
        services.entry_decide(
            entry=DiaryEntry.objects.get(pk=entry.pk),
            moderator=ModeratorFactory(),
            action=Action.SPAM,
            expected_status="pending",
        )
    assert ModerationDecision.objects.count() == 1


def test_an_htmx_decision_replaces_the_item_in_place(client, film):
    entry = DiaryEntryFactory(film=film, review_status="pending")
    client.force_login(ModeratorFactory())

    response = client.post(decide_url(entry), {"action": "approve"}, headers={"HX-Request": "true"})

    assert f'id="queue-entry-{entry.pk}"' in response.text
    assert f"Approved: reader review by {entry.reader.username}." in response.text


def test_a_bulk_decision_takes_comments_and_reader_reviews_together(client, film):
    entry = DiaryEntryFactory(film=film, review_status="pending")
    comment = CommentFactory(status="pending")
    client.force_login(ModeratorFactory())

    client.post(
        reverse("moderation:bulk-decide"),
        {"action": "spam", "selected": [str(comment.pk), f"entry-{entry.pk}", "entry-x"]},
    )

    entry.refresh_from_db()
    comment.refresh_from_db()
    assert (entry.review_status, comment.status) == ("spam", "spam")
    assert ModerationDecision.objects.count() == 2


def test_a_ban_sends_pending_reader_reviews_to_spam_with_it(film):
    reader = UserFactory()
    entry = DiaryEntryFactory(reader=reader, film=film, review_status="pending")

    services.sanction_create(
        user=reader, moderator=ModeratorFactory(), kind="ban", reason="Spam", spam_pending=True
    )

    entry.refresh_from_db()
    assert entry.review_status == "spam"


def test_the_desk_is_for_moderators_only(client, film):
    entry = DiaryEntryFactory(film=film, review_status="pending")
    client.force_login(UserFactory())

    assert client.post(decide_url(entry), {"action": "approve"}).status_code == HTTPStatus.FORBIDDEN
    entry.refresh_from_db()
    assert entry.review_status == "pending"


def test_a_decision_points_at_one_thing_and_is_never_changed(film):
    entry = DiaryEntryFactory(film=film)
    with pytest.raises(IntegrityError), transaction.atomic():
        ModerationDecision.objects.create(entry=entry, comment=CommentFactory(), action="approve")
    decision = ModerationDecision.objects.create(entry=entry, action="approve")
    with pytest.raises(DatabaseError, match="never changed"), transaction.atomic():
        ModerationDecision.objects.filter(pk=decision.pk).update(reason="changed")
    entry_pk = entry.pk
    entry.delete()  # the record outlives the entry
    assert ModerationDecision.objects.get(pk=decision.pk).entry_id == entry_pk


# --- Readers' reports -------------------------------------------------------------------------


def report_url(entry) -> str:
    return reverse("moderation:entry-report", args=[entry.pk])


def test_a_reader_reports_a_review_and_it_waits_on_the_desk(client, film):
    entry = DiaryEntryFactory(film=film)
    client.force_login(UserFactory())

    form = client.get(report_url(entry))
    response = client.post(report_url(entry), {"reason": "spoilers", "note": "The ending"})

    assert form.status_code == HTTPStatus.OK
    assert response.url == entry.get_absolute_url()
    report = ReaderReviewReport.objects.get()
    assert (report.reason, report.note, report.resolution) == ("spoilers", "The ending", "open")
    assert waiting_count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"note": "Nothing chosen"}, "Choose a reason."),
        ({"reason": "other"}, "Say what is wrong when you choose “Something else”."),
    ],
)
def test_a_bad_report_gets_a_clear_message(client, film, data, message):
    entry = DiaryEntryFactory(film=film)
    client.force_login(UserFactory())

    response = client.post(report_url(entry), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.text
    assert not ReaderReviewReport.objects.exists()


def test_own_and_second_reports_are_refused(film):
    entry = DiaryEntryFactory(film=film)
    with pytest.raises(ValidationError, match="your own review"):
        services.entry_report(entry=entry, reporter=entry.reader, reason="spam")
    reporter = UserFactory()
    services.entry_report(entry=entry, reporter=reporter, reason="spam")
    with pytest.raises(ValidationError, match="already reported"):
        services.entry_report(entry=entry, reporter=reporter, reason="spam")
    assert ReaderReviewReport.objects.count() == 1


def test_enough_reports_hide_a_review_until_a_moderator_keeps_it(settings, film):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    entry = DiaryEntryFactory(film=film)
    for _ in range(2):
        services.entry_report(entry=entry, reporter=UserFactory(), reason="harassment")

    entry.refresh_from_db()
    assert (entry.review_status, entry.held_reason) == ("pending", "Reported by 2 readers")
    assert ModerationDecision.objects.get().action == Action.HIDE

    services.entry_decide(entry=entry, moderator=ModeratorFactory(), action=Action.APPROVE)

    entry.refresh_from_db()
    assert entry.review_status == "approved"
    assert set(ReaderReviewReport.objects.values_list("resolution", flat=True)) == {"dismissed"}
    assert ModerationDecision.objects.latest("id").action == Action.DISMISS_REPORTS


def test_upholding_reports_removes_the_review(film):
    entry = DiaryEntryFactory(film=film)
    services.entry_report(entry=entry, reporter=UserFactory(), reason="spam")

    services.entry_decide(entry=entry, moderator=ModeratorFactory(), action=Action.UPHOLD_REPORTS)

    entry.refresh_from_db()
    assert entry.review_status == "removed"
    assert ReaderReviewReport.objects.get().resolution == "upheld"
    assert waiting_count() == 0


def test_held_reviews_and_private_ones_cannot_be_reported(client, film):
    held = DiaryEntryFactory(film=film, review_status="pending")
    client.force_login(UserFactory())

    assert client.get(report_url(held)).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.usefixtures("page_cache_on")
@pytest.mark.parametrize("waiting", ["held review", "report", "held comment"])
def test_the_kept_desk_count_follows_reader_reviews_and_deleted_entries(film, waiting):
    on_probation = UserFactory()
    SanctionFactory(user=on_probation, kind="probation")
    entry = DiaryEntryFactory(film=film)
    assert waiting_count() == 0
    if waiting == "held review":
        entry = watch_log(reader=on_probation, film=film, review="Held words")
    elif waiting == "report":
        services.entry_report(entry=entry, reporter=UserFactory(), reason="spam")
    else:
        comment_create(entry=entry, author=on_probation, body="Held under a reader review")
    assert waiting_count() == 1

    entry_delete(entry=entry, user=entry.reader)

    assert waiting_count() == 0
