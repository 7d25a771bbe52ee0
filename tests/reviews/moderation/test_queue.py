"""The desk's queue: what waits, filters, pages, the navigation's count, the query plan and
the items' kept HTML."""

import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.discussion.models import Comment, CommentReport
from reviews.discussion.services import comment_create
from reviews.moderation.models import Sanction
from reviews.moderation.services import comment_report
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    CommentReportFactory,
    EditorFactory,
    ModeratorFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)
from tests.reviews.moderation.conftest import (
    DECISIONS,
    QUEUE,
    Status,
    ago,
    decide_url,
    queued,
)

pytestmark = pytest.mark.django_db


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
    assert first.sanctions == ((Sanction.Kind.PROBATION.label, None),)
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
    assert 'value="dismiss_reports"' in response.text
    assert 'value="uphold_reports"' in response.text


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
