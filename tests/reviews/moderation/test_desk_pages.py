"""The desk's other pages: sanctions, the blocklist, the dashboard and the decision log."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.discussion.models import Comment
from reviews.moderation.models import BlockedTerm, ModerationDecision, Sanction
from reviews.moderation.services import comment_decide, entry_report
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    CommentReportFactory,
    DiaryEntryFactory,
    ModerationDecisionFactory,
    ModeratorFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)
from tests.reviews.moderation.conftest import (
    BLOCKLIST,
    DASHBOARD,
    DECISIONS,
    QUEUE,
    Action,
    Status,
    ago,
    messages_of,
    sanction_url,
)

pytestmark = pytest.mark.django_db


# --- Sanctions ----------------------------------------------------------------------------


def test_the_sanction_form_shows_the_reader_and_their_history(moderator_client, reader):
    SanctionFactory(user=reader, kind=Sanction.Kind.PROBATION, reason="Too many links")

    response = moderator_client.get(sanction_url(reader))

    assert response.status_code == HTTPStatus.OK
    assert "Sanction Rea" in response.text
    assert 'name="reason"' in response.text
    assert "On probation</strong> — Too many links" in response.text
    assert ">Lift</button>" in response.text


def test_sanctioning_a_reader_records_it_and_returns_to_the_queue(moderator_client, moderator):
    reader = UserFactory(username="orion")

    response = moderator_client.post(
        sanction_url(reader), {"kind": "mute", "reason": "Rude to others", "duration": "7"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == QUEUE
    assert messages_of(response) == ["orion is sanctioned."]
    sanction = Sanction.objects.get(user=reader)
    assert (sanction.kind, sanction.reason, sanction.created_by) == (
        "mute",
        "Rude to others",
        moderator,
    )
    assert timedelta(days=6, hours=23) < sanction.expires_at - timezone.now() <= timedelta(days=7)
    assert ModerationDecision.objects.get().action == Action.SANCTION


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"reason": "Typed reason stays", "duration": "7"}, "This field is required."),
        (
            {"kind": "mute", "reason": "", "duration": "7"},
            "Say why; the reader is shown the reason.",
        ),
        (
            {"kind": "mute", "reason": "Typed reason stays", "duration": "99"},
            "Select a valid choice",
        ),
        ({"kind": "exile", "reason": "Typed reason stays"}, "Select a valid choice"),
    ],
)
def test_an_invalid_sanction_form_keeps_what_was_typed_and_explains(
    moderator_client, reader, data, error
):
    response = moderator_client.post(sanction_url(reader), data)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert error in response.text
    if data["reason"]:
        assert 'value="Typed reason stays"' in response.text
    assert not Sanction.objects.exists()
    assert not ModerationDecision.objects.exists()


def test_a_ban_from_the_desk_can_send_held_comments_to_spam(moderator_client):
    reader = UserFactory()
    held = CommentFactory.create_batch(2, author=reader, status=Status.PENDING)

    moderator_client.post(
        sanction_url(reader),
        {"kind": "ban", "reason": "Spam links", "duration": "", "spam_pending": "on"},
    )

    assert Sanction.objects.get(user=reader).expires_at is None
    assert set(Comment.objects.filter(author=reader).values_list("status", flat=True)) == {
        Status.SPAM
    }
    assert ModerationDecision.objects.filter(action=Action.SPAM).count() == len(held)


@pytest.mark.parametrize(("kind", "label"), [("mute", "muted"), ("ban", "banned")])
def test_a_sanctioned_reader_is_refused_with_reason_and_end_until_it_is_lifted(
    moderator_client, kind, label
):
    review = ReviewFactory()
    reader = UserFactory()
    reader_client = Client()
    reader_client.force_login(reader)
    post_url = reverse("discussion:comment-create", args=[review.slug])
    moderator_client.post(
        sanction_url(reader), {"kind": kind, "reason": "Insulted other readers", "duration": "1"}
    )
    sanction = Sanction.objects.get(user=reader)

    refused = reader_client.post(post_url, {"body": "Let me speak"})

    assert refused.status_code == HTTPStatus.BAD_REQUEST
    until = f"{timezone.localtime(sanction.expires_at):%-d %B %Y, %H:%M}"
    assert f"You cannot post: {label} until {until}. Reason: Insulted other readers" in refused.text
    assert not Comment.objects.filter(author=reader).exists()

    lifted = moderator_client.post(reverse("moderation:sanction-lift", args=[sanction.pk]))

    assert lifted.status_code == HTTPStatus.FOUND
    assert lifted.url == sanction_url(reader)
    assert ModerationDecision.objects.filter(action=Action.LIFT_SANCTION).count() == 1
    assert reader_client.post(post_url, {"body": "Let me speak"}).status_code == HTTPStatus.FOUND
    assert Comment.objects.get(author=reader).status == Status.APPROVED


def test_lifting_twice_says_it_was_already_lifted(moderator_client):
    sanction = SanctionFactory(lifted_at=timezone.now())

    response = moderator_client.post(reverse("moderation:sanction-lift", args=[sanction.pk]))

    assert messages_of(response) == ["This sanction was already lifted."]
    assert not ModerationDecision.objects.exists()


def test_sanction_pages_of_missing_readers_and_sanctions_are_not_found(moderator_client):
    assert (
        moderator_client.get(reverse("moderation:sanction", args=[999999])).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert (
        moderator_client.post(reverse("moderation:sanction-lift", args=[999999])).status_code
        == HTTPStatus.NOT_FOUND
    )


# --- Blocklist ----------------------------------------------------------------------------


def test_the_blocklist_lists_the_terms(moderator_client):
    BlockedTermFactory(phrase="바보")
    BlockedTermFactory(phrase="cheap tickets")

    response = moderator_client.get(BLOCKLIST)

    assert response.status_code == HTTPStatus.OK
    assert "<span>바보</span>" in response.text
    assert "<span>cheap tickets</span>" in response.text


def test_adding_a_term_to_the_blocklist(moderator_client, moderator):
    response = moderator_client.post(BLOCKLIST, {"add": "1", "phrase": " cheap   tickets "})

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == ["Added to the list."]
    term = BlockedTerm.objects.get()
    assert (term.phrase, term.created_by) == ("cheap tickets", moderator)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [("CHEAP Tickets", "“CHEAP Tickets” is already on the list."), ("", "Enter a word or phrase.")],
)
def test_a_duplicate_or_empty_term_is_refused_with_a_message(moderator_client, phrase, message):
    BlockedTermFactory(phrase="cheap tickets")

    response = moderator_client.post(BLOCKLIST, {"add": "1", "phrase": phrase})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.text
    assert BlockedTerm.objects.count() == 1


def test_removing_a_term_from_the_blocklist(moderator_client):
    gone, kept = BlockedTermFactory(phrase="gone"), BlockedTermFactory(phrase="kept")

    response = moderator_client.post(BLOCKLIST, {"delete": gone.pk})

    assert response.status_code == HTTPStatus.FOUND
    assert messages_of(response) == ["Removed from the list."]
    assert list(BlockedTerm.objects.all()) == [kept]


def test_removing_with_a_bad_value_changes_nothing(moderator_client):
    BlockedTermFactory(phrase="kept")

    response = moderator_client.post(BLOCKLIST, {"delete": "abc"})

    assert response.status_code == HTTPStatus.FOUND
    assert BlockedTerm.objects.count() == 1


# --- Dashboard ----------------------------------------------------------------------------

# The session, the moderator and their permissions, the desk's waiting count; the figures: the
# queue now (one statement for both kinds), decisions per day, the median, report reasons.
QUERIES = 8


def test_the_dashboard_shows_the_queue_chart_median_and_report_reasons(moderator_client):
    CommentFactory.create_batch(2, status=Status.PENDING)
    for comment in CommentFactory.create_batch(3):
        CommentReportFactory(comment=comment, reason="harassment")
    CommentReportFactory(comment=CommentFactory(status=Status.REMOVED), reason="spam")
    vega = ModeratorFactory(username="vega")
    start = ago(hours=10)
    for minutes in (30, 90, 300):  # the median is 1 h 30 min
        comment = CommentFactory(status=Status.APPROVED, created_at=start)
        ModerationDecisionFactory(
            comment=comment, moderator=vega, created_at=start + timedelta(minutes=minutes)
        )
    # Neither counts towards the median: automatic, or not from a held comment.
    ModerationDecisionFactory(
        comment=CommentFactory(created_at=start), moderator=None, action="hide"
    )
    ModerationDecisionFactory(
        comment=CommentFactory(created_at=ago(days=20)),
        moderator=vega,
        action="remove",
        from_status=Status.APPROVED,
        to_status=Status.REMOVED,
    )

    response = moderator_client.get(DASHBOARD)

    assert response.status_code == HTTPStatus.OK
    assert response.context["queue_now"] == {
        "comments": {"held": 2, "reported": 3},
        "reader_reviews": {"held": 0, "reported": 0},
    }
    assert '<p class="stat__number">5</p>' in response.text
    assert "<li>2 comments held</li>" in response.text
    assert "<li>3 comments reported</li>" in response.text
    assert "<li>0 reader reviews held</li>" in response.text
    assert '<p class="stat__number">1 h 30 min</p>' in response.text
    assert "<svg" in response.text
    assert response.text.count('<rect class="chart__bar"') == 30
    assert "(4 in all)" in response.text
    assert response.context["top_reasons"] == [("Harassment or abuse", 3), ("Spam", 1)]
    assert "<li>Harassment or abuse <span>3</span></li><li>Spam <span>1</span></li>" in (
        response.text
    )


def test_the_dashboard_counts_held_and_reported_reader_reviews(moderator_client):
    CommentFactory(status=Status.PENDING)
    DiaryEntryFactory(review_status=Status.PENDING, held_reason="Reader on probation")
    entry_report(entry=DiaryEntryFactory(), reporter=UserFactory(), reason="spoilers")
    DiaryEntryFactory(review_status=Status.REJECTED)  # decided: not waiting

    response = moderator_client.get(DASHBOARD)

    assert response.context["queue_now"] == {
        "comments": {"held": 1, "reported": 0},
        "reader_reviews": {"held": 1, "reported": 1},
    }
    assert response.context["queue_total"] == 3
    assert '<p class="stat__number">3</p>' in response.text
    assert "<li>1 comment held</li>" in response.text
    assert "<li>1 reader review held</li>" in response.text
    assert "<li>1 reader review reported</li>" in response.text


def test_decisions_on_reader_reviews_count_in_the_chart_and_the_median(moderator_client):
    vega = ModeratorFactory(username="vega")
    start = ago(hours=10)

    def decided(after: timedelta, **about):
        ModerationDecisionFactory(moderator=vega, created_at=start + after, **about)

    decided(timedelta(minutes=30), comment=CommentFactory(status=Status.APPROVED, created_at=start))
    # A reader review waits from its posting, or from the last change of its text before the
    # decision (a changed text is screened again).
    decided(timedelta(minutes=90), comment=None, entry=DiaryEntryFactory(created_at=start))
    rewritten = DiaryEntryFactory(created_at=start - timedelta(days=3), edited_at=start)
    decided(timedelta(minutes=60), comment=None, entry=rewritten)
    edited_later = DiaryEntryFactory(created_at=start, edited_at=start + timedelta(hours=2))
    decided(timedelta(minutes=45), comment=None, entry=edited_later)

    response = moderator_client.get(DASHBOARD)

    assert response.context["chart_total"] == 4
    assert "(4 in all)" in response.text
    assert sum(bar["count"] for bar in response.context["chart"]) == 4
    # 30, 45, 60 and 90 minutes
    assert response.context["median"] == timedelta(minutes=52, seconds=30)
    assert '<p class="stat__number">52 min</p>' in response.text


def test_the_dashboard_takes_the_same_queries_however_much_waits_and_was_decided(
    moderator_client, django_assert_num_queries
):
    moderator_client.get(DASHBOARD)  # the session and the site's first reads
    with django_assert_num_queries(QUERIES):
        moderator_client.get(DASHBOARD)

    vega = ModeratorFactory(username="vega")
    for _ in range(3):
        CommentFactory(status=Status.PENDING)
        CommentReportFactory(reason="harassment")
        DiaryEntryFactory(review_status=Status.PENDING)
        entry_report(entry=DiaryEntryFactory(), reporter=UserFactory(), reason="spam")
        ModerationDecisionFactory(moderator=vega)
        ModerationDecisionFactory(
            moderator=vega, comment=None, entry=DiaryEntryFactory(created_at=ago(hours=1))
        )
    with django_assert_num_queries(QUERIES):
        response = moderator_client.get(DASHBOARD)

    assert response.context["queue_total"] == 12
    assert response.context["chart_total"] == 6


def test_the_dashboard_of_a_quiet_site_has_flat_bars_and_no_median(moderator_client):
    response = moderator_client.get(DASHBOARD)

    assert response.status_code == HTTPStatus.OK
    assert response.text.count('height="0"') == 30
    assert '<p class="stat__number">—</p>' in response.text
    assert "No reports yet." in response.text


# --- Decision log -------------------------------------------------------------------------


@pytest.fixture
def two_decisions():
    vega, deneb = ModeratorFactory(username="vega"), ModeratorFactory(username="deneb")
    approved = comment_decide(
        comment=CommentFactory(status=Status.PENDING),
        moderator=vega,
        action=Action.APPROVE,
        note="Looks fine",
    )
    spammed = comment_decide(
        comment=CommentFactory(status=Status.PENDING), moderator=deneb, action=Action.SPAM
    )
    return {"approve": approved, "spam": spammed}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["spam", "approve"]),
        ({"moderator": "vega"}, ["approve"]),
        ({"action": "spam"}, ["spam"]),
        ({"moderator": "vega", "action": "spam"}, []),
        ({"moderator": "nobody"}, []),
        ({"action": "bogus", "page": "x"}, []),
    ],
)
def test_the_decision_log_lists_decisions_and_filters_them(
    moderator_client, two_decisions, query, expected
):
    response = moderator_client.get(DECISIONS, query)

    assert response.status_code == HTTPStatus.OK
    listed = [d.comment_id for d in response.context["page_obj"]]
    assert listed == [two_decisions[name].pk for name in expected]
    if not expected:
        assert "No decisions match." in response.text


def test_the_decision_log_shows_who_what_and_why(moderator_client, two_decisions):
    response = moderator_client.get(DECISIONS)

    assert "<td>vega</td>" in response.text
    assert "<td>Approved</td>" in response.text
    assert "<td>Marked as spam</td>" in response.text
    assert "pending → approved" in response.text
    assert "Looks fine" in response.text
