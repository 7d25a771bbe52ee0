"""The moderation desk through its URLs: queue, decisions, sanctions, blocklist, dashboard, log."""

import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.discussion.models import Comment, CommentReport
from reviews.discussion.services import comment_create
from reviews.moderation.forms import CANNED_REASONS
from reviews.moderation.models import BlockedTerm, ModerationDecision, Sanction
from reviews.moderation.services import comment_approve, comment_mark_spam, comment_report
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    CommentReportFactory,
    EditorFactory,
    ModerationDecisionFactory,
    ModeratorFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Action = ModerationDecision.Action
Status = Comment.Status
QUEUE = reverse("moderation:queue")
BULK = reverse("moderation:bulk-decide")
BLOCKLIST = reverse("moderation:blocklist")
DASHBOARD = reverse("moderation:dashboard")
DECISIONS = reverse("moderation:decisions")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def queued(response) -> list[Comment]:
    return list(response.context["page_obj"].object_list)


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def decide_url(comment) -> str:
    return reverse("moderation:decide", args=[comment.pk])


def sanction_url(user) -> str:
    return reverse("moderation:sanction", args=[user.pk])


# --- The queue ----------------------------------------------------------------------------


def test_queue_lists_held_and_reported_comments_oldest_first_with_their_context(
    moderator_client,
):
    nebula = ReviewFactory(headline="Nebula nights")
    orion = UserFactory(username="orion", date_joined=ago(days=40))
    CommentFactory.create_batch(2, author=orion)
    CommentFactory(author=orion, status=Status.REJECTED)
    CommentFactory(author=orion, status=Status.SPAM)
    SanctionFactory(user=orion, kind=Sanction.Kind.PROBATION)
    parent = CommentFactory(
        review=nebula, author=UserFactory(username="lyra"), body="The parent about moons"
    )
    reply = CommentFactory(
        parent=parent,
        author=orion,
        status=Status.PENDING,
        held_reason="Reader on probation",
        body="A held reply about craters",
        created_at=ago(hours=3),
    )
    reported = CommentFactory(review=nebula, body="A reported remark", created_at=ago(hours=2))
    CommentReportFactory.create_batch(2, comment=reported, reason="harassment")
    CommentReportFactory(comment=reported, reason="spoilers")
    CommentReportFactory(comment=reported, reason="off_topic", resolution="dismissed")
    held = CommentFactory(status=Status.PENDING, created_at=ago(hours=1))
    CommentFactory(status=Status.REJECTED)  # decided: not waiting

    response = moderator_client.get(QUEUE)

    assert response.status_code == HTTPStatus.OK
    assert [c.pk for c in queued(response)] == [reply.pk, reported.pk, held.pk]
    assert "3 comments waiting" in response.text
    first = queued(response)[0]
    assert (first.author_approved, first.author_refused) == (2, 2)
    assert [s.kind for s in first.author.active_sanctions] == [Sanction.Kind.PROBATION]
    item = re.search(rf'<li class="queue-item" id="queue-{reply.pk}".*?</li>', response.text, re.S)
    text = item.group(0)
    assert "Nebula nights" in text
    assert "Reader on probation" in text
    assert "A held reply about craters" in text
    assert "In reply to Lyra:" in text
    assert "The parent about moons" in text
    assert "<dt>Account age</dt><dd>1\xa0month" in text
    assert "<dt>Approved</dt><dd>2</dd>" in text
    assert "<dt>Rejected or spam</dt><dd>2</dd>" in text
    assert "On probation" in text
    # One form per item: the button pressed says which decision.
    assert text.count("<form") == 1
    assert f'action="{decide_url(reply)}"' in text
    for action in ("approve", "reject", "spam"):
        assert f'name="action" value="{action}"' in text
    times = "\N{MULTIPLICATION SIGN}"
    assert f"Harassment or abuse {times} 2, Unmarked spoilers {times} 1" in response.text
    assert f"Off topic {times}" not in response.text


def test_an_empty_queue_says_so(moderator_client):
    CommentFactory()

    response = moderator_client.get(QUEUE)

    assert "0 comments waiting" in response.text
    assert "Nothing waiting" in response.text


def test_the_queue_is_paginated(moderator_client, settings):
    settings.MODERATION_QUEUE_PAGE_SIZE = 2
    comments = [
        CommentFactory(status=Status.PENDING, created_at=ago(minutes=10 - n)) for n in range(3)
    ]

    response = moderator_client.get(QUEUE, {"page": 2, "status": "held"})

    assert [c.pk for c in queued(response)] == [comments[2].pk]
    assert "status=held" in response.context["query"]
    assert "page" not in response.context["query"]


def test_a_reported_comment_below_the_hiding_threshold_waits_as_reported(
    moderator_client, settings
):
    settings.MODERATION_REPORTS_TO_HIDE = 3
    comment = CommentFactory(body="Still public")
    for reporter in UserFactory.create_batch(2):
        comment_report(comment=comment, reporter=reporter, reason="off_topic")

    response = moderator_client.get(QUEUE, {"status": "reported"})

    assert [c.pk for c in queued(response)] == [comment.pk]
    assert "Reported</span> still published" in response.text
    assert 'value="dismiss"' in response.text
    assert 'value="uphold"' in response.text


@pytest.fixture
def mixed_queue():
    """One comment of each kind the filters tell apart."""
    nebula, comet = ReviewFactory(headline="Nebula"), ReviewFactory(headline="Comet")
    rule = CommentFactory(review=nebula, status=Status.PENDING, held_reason="Reader on probation")
    reported = CommentFactory(review=comet)
    CommentReportFactory(comment=reported, reason="harassment")
    hidden = CommentFactory(
        review=nebula, status=Status.PENDING, held_reason="Reported by 3 readers"
    )
    CommentReportFactory.create_batch(3, comment=hidden, reason="spam")
    return {"rule": rule, "reported": reported, "hidden": hidden, "nebula": nebula}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"rule", "reported", "hidden"}),
        ({"status": "held"}, {"rule", "hidden"}),
        ({"status": "reported"}, {"reported", "hidden"}),
        ({"review": "nebula"}, {"rule", "hidden"}),
        ({"reason": "harassment"}, {"reported"}),
        ({"reason": "spam"}, {"hidden"}),
        ({"reason": "rule"}, {"rule"}),
        ({"status": "reported", "reason": "spam"}, {"hidden"}),
    ],
)
def test_queue_filters_by_status_review_and_reason(moderator_client, mixed_queue, query, expected):
    if "review" in query:
        query = {**query, "review": mixed_queue["nebula"].pk}

    response = moderator_client.get(QUEUE, query)

    assert response.status_code == HTTPStatus.OK
    assert {c.pk for c in queued(response)} == {mixed_queue[name].pk for name in expected}


@pytest.mark.parametrize(
    "query",
    [
        {"status": "bogus"},
        {"review": "abc"},
        {"review": "999999"},
        {"reason": "nope"},
        {"page": "abc"},
        {"page": "9999"},
        {"page": "-1"},
    ],
)
def test_bad_filter_values_give_a_normal_page(moderator_client, mixed_queue, query):
    response = moderator_client.get(QUEUE, query)

    assert response.status_code == HTTPStatus.OK
    assert len(queued(response)) == 3


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
        {"reason": CANNED_REASONS[1]},
        Status.REJECTED,
        Action.REJECT,
        "Rejected",
    ),
    (pending, "spam", {}, Status.SPAM, Action.SPAM, "Marked as spam"),
    (
        reported,
        "dismiss",
        {},
        Status.APPROVED,
        Action.DISMISS_REPORTS,
        "Reports dismissed, comment published",
    ),
    (
        reported,
        "uphold",
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
    comment_mark_spam(comment=comment, moderator=ModeratorFactory(username="deneb"))
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
            "Choose approve, reject, spam, remove, restore, uphold or dismiss.",
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
    assert messages_of(response) == [f"{done}: 3 comment(s)."]
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
        {"action": "reject", "reason": CANNED_REASONS[2], "selected": [c.pk for c in chosen]},
    )

    assert set(ModerationDecision.objects.values_list("reason", flat=True)) == {CANNED_REASONS[2]}


def test_bulk_with_nothing_selected_says_so(moderator_client):
    CommentFactory(status=Status.PENDING)

    response = moderator_client.post(BULK, {"action": "approve", "query": "status=held"})

    assert response.url == f"{QUEUE}?status=held"
    assert messages_of(response) == ["Select at least one comment first."]
    assert not ModerationDecision.objects.exists()


def test_bulk_reports_the_comments_it_could_not_decide(moderator_client):
    fresh = CommentFactory(status=Status.PENDING)
    done = CommentFactory(status=Status.PENDING)
    comment_approve(comment=done, moderator=ModeratorFactory(username="deneb"))

    response = moderator_client.post(BULK, {"action": "approve", "selected": [fresh.pk, done.pk]})

    assert messages_of(response) == [
        "Approved: 1 comment(s).",
        "Already decided by deneb: this comment is now approved.",
    ]
    assert ModerationDecision.objects.count() == 2


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
    assert response.context["queue_now"] == {"held": 2, "reported": 3}
    assert "2 held, 3 reported" in response.text
    assert '<p class="stat__number">1 h 30 min</p>' in response.text
    assert "<svg" in response.text
    assert response.text.count('<rect class="chart__bar"') == 30
    assert "(4 in all)" in response.text
    assert response.context["top_reasons"] == [("Harassment or abuse", 3), ("Spam", 1)]
    assert "<li>Harassment or abuse <span>3</span></li><li>Spam <span>1</span></li>" in (
        response.text
    )


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
    approved = comment_approve(
        comment=CommentFactory(status=Status.PENDING), moderator=vega, note="Looks fine"
    )
    spammed = comment_mark_spam(comment=CommentFactory(status=Status.PENDING), moderator=deneb)
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


# --- Navigation ---------------------------------------------------------------------------


def test_the_nav_shows_moderators_how_many_comments_wait(moderator_client):
    CommentFactory.create_batch(2, status=Status.PENDING)
    CommentReportFactory()

    response = moderator_client.get(reverse("reviews:review-list"))

    assert 'Moderation <span class="nav-count">3<' in response.text


def test_the_nav_count_is_fresh_after_the_moderators_own_decision(moderator_client):
    first, _ = CommentFactory.create_batch(2, status=Status.PENDING)
    assert 'nav-count">2<' in moderator_client.get(DECISIONS).text

    moderator_client.post(decide_url(first), {"action": "approve"})

    assert 'nav-count">1<' in moderator_client.get(DECISIONS).text


def test_the_nav_count_follows_readers_held_comments_and_reports_at_once(moderator_client):
    review = ReviewFactory()
    assert 'nav-count">0<' in moderator_client.get(DECISIONS).text  # now remembered
    BlockedTermFactory(phrase="moonbeam")

    comment_create(review=review, author=UserFactory(), body="A moonbeam for you")
    assert 'nav-count">1<' in moderator_client.get(DECISIONS).text
    comment_report(comment=CommentFactory(review=review), reporter=UserFactory(), reason="spam")
    assert 'nav-count">2<' in moderator_client.get(DECISIONS).text


def test_the_whole_queue_counts_afresh_and_the_nav_shows_that_count(moderator_client):
    CommentFactory(status=Status.PENDING)
    assert 'nav-count">1<' in moderator_client.get(DECISIONS).text
    CommentFactory(status=Status.PENDING)  # held by a rule, while the nav count is remembered

    response = moderator_client.get(QUEUE)

    assert "2 comments waiting" in response.text
    assert 'nav-count">2<' in response.text


@pytest.mark.parametrize("who", ["anonymous", "reader", "editor"])
def test_the_nav_has_no_moderation_link_for_others(client, who):
    CommentFactory(status=Status.PENDING)
    if who != "anonymous":
        client.force_login(UserFactory() if who == "reader" else EditorFactory())

    response = client.get(reverse("reviews:review-list"))

    assert response.status_code == HTTPStatus.OK
    assert "nav-count" not in response.text
    assert reverse("moderation:queue") not in response.text


# --- Query plan ---------------------------------------------------------------------------


def fill_queue(held_count: int) -> None:
    """Held comments (a quarter of them replies), reported ones, and authors with sanctions."""
    reviews = ReviewFactory.create_batch(3)
    authors = UserFactory.create_batch(10)
    for author in authors[:3]:
        SanctionFactory(user=author, kind=Sanction.Kind.PROBATION)
    for author in authors[3:5]:
        SanctionFactory(user=author, expires_at=timezone.now() + timedelta(days=1))
    parents = [CommentFactory(review=review, author=authors[-1]) for review in reviews]
    start = ago(days=2)
    held = []
    for n in range(held_count):
        reply_to = parents[n % 3] if n % 4 == 0 else None
        held.append(
            Comment(
                review=reply_to.review if reply_to else reviews[n % 3],
                author=authors[n % 10],
                body=f"Held comment {n}",
                body_html=f"<p>Held comment {n}</p>",
                status=Status.PENDING,
                held_reason="Reader on probation",
                created_at=start + timedelta(seconds=n),
                parent=reply_to,
                root=reply_to,
                in_reply_to=reply_to,
                depth=2 if reply_to else 1,
            )
        )
    Comment.objects.bulk_create(held)
    flagged = Comment.objects.bulk_create(
        Comment(
            review=reviews[n % 3],
            author=authors[n % 10],
            body=f"Reported comment {n}",
            body_html=f"<p>Reported comment {n}</p>",
            created_at=start + timedelta(seconds=n, milliseconds=500),
            status=Status.APPROVED,
        )
        for n in range(held_count // 5)
    )
    CommentReport.objects.bulk_create(
        CommentReport(comment=comment, reporter=reporter, reason=reason)
        for comment in flagged
        for reporter, reason in [(authors[0], "spam"), (authors[1], "harassment")]
        if reporter != comment.author
    )


# The page cache is off (tests/conftest.py), so each load renders the queue: session, user with
# profile, the permissions (one statement), the count (the nav shows it too), the page of ids,
# the items, open reports, sanctions, the review filter options. Cached: test_desk_queue_cache.
QUEUE_QUERIES = 9


@pytest.mark.parametrize("held_count", [10, 1000])
def test_the_queue_runs_the_same_queries_for_ten_or_a_thousand_comments(
    moderator_client, django_assert_num_queries, held_count
):
    fill_queue(held_count)

    with django_assert_num_queries(QUEUE_QUERIES):
        response = moderator_client.get(QUEUE)

    assert response.status_code == HTTPStatus.OK
    total = held_count + held_count // 5
    assert f"{total} comments waiting" in response.text
    assert len(queued(response)) == min(total, 25)


# --- Items' HTML from the cache ---------------------------------------------------------


def test_cached_queue_items_are_never_stale_and_carry_the_moderators_own_token(moderator):
    held = CommentFactory(status=Status.PENDING, held_reason="More than 2 links")
    vega = Client(enforce_csrf_checks=True)
    vega.force_login(ModeratorFactory(username="vega"))
    vega.get(QUEUE)
    deneb = Client(enforce_csrf_checks=True)
    deneb.force_login(moderator)

    page = deneb.get(QUEUE).text  # the item as vega's page left it in the cache

    assert "More than 2 links" in page
    assert "Reports:" not in page
    CommentReportFactory(comment=held, reason=CommentReport.Reason.SPAM)
    assert "Reports:</strong> Spam \N{MULTIPLICATION SIGN} 1" in deneb.get(QUEUE).text
    # The item's form carries deneb's own token: the decision goes through.
    token = re.search(
        rf'action="{decide_url(held)}".*?name="csrfmiddlewaretoken" value="([^"]+)"', page, re.S
    ).group(1)
    decided = deneb.post(
        decide_url(held),
        {"action": "approve", "expected_status": "pending", "csrfmiddlewaretoken": token},
    )
    assert decided.status_code == HTTPStatus.FOUND
    held.refresh_from_db()
    assert held.status == Status.APPROVED
