"""The moderation queue kept whole in the cache (reviews/moderation/views.py `queue`): no query of its own
when nothing changed, fresh at once after every change to what it shows, each moderator's own
CSRF token in its forms."""

import re
import time
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.pagecache.fragments import CSRF_PLACEHOLDER
from reviews.discussion.models import Comment, CommentReport
from reviews.discussion.services import comment_create, comment_delete, comment_edit, comment_like
from reviews.moderation import views as desk
from reviews.moderation.forms import CANNED_REASONS
from reviews.moderation.models import Sanction
from reviews.moderation.queue import waiting_count
from reviews.moderation.services import comment_report, sanction_create, sanction_lift
from reviews.readers.services import profile_update
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    CommentReportFactory,
    ModeratorFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
    review_admin_data,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

Status = Comment.Status
QUEUE = reverse("moderation:queue")


def item(page: str, comment: Comment) -> str:
    """The queue item of `comment` in the page, or "" if it is not there."""
    found = re.search(rf'<li class="queue-item" id="queue-{comment.pk}".*?</li>', page, re.S)
    return found.group(0) if found else ""


def decide_url(comment: Comment) -> str:
    return reverse("moderation:decide", args=[comment.pk])


@pytest.fixture(autouse=True)
def a_minute_just_began(monkeypatch):
    """The queue is kept to the end of the minute (its items say how long ago, to the minute).
    Each test's clock starts as a minute begins, so two loads a moment apart never straddle
    one on a slow machine."""
    real = time.time
    offset = 60 - real() % 60 + 0.5
    monkeypatch.setattr(time, "time", lambda: real() + offset)


@pytest.fixture
def orion():
    return UserFactory(username="orion")


@pytest.fixture
def held(orion):
    return CommentFactory(
        author=orion, status=Status.PENDING, held_reason="Reader on probation", body="Held words"
    )


def cached_queue(client) -> str:
    """Load the queue twice; prove the second came from the cache by a change made behind the
    services' back (as no code of ours does), which it must not show."""
    client.get(QUEUE)
    sneaked = CommentFactory(status=Status.PENDING, body="Sneaked in behind the services")
    page = client.get(QUEUE).text
    assert not item(page, sneaked), "the queue was not served from the cache"
    Comment.objects.filter(pk=sneaked.pk).update(status=Status.APPROVED)
    return page


# --- Queries ------------------------------------------------------------------------------

# Session, user with profile, permissions, then the queue's own: its count (the nav shows it
# too), the page of ids, the items, open reports, sanctions, the review filter's options. (When
# the next scheduled review goes live was asked, and kept, with the nav's count.)
COLD_QUERIES = 9
# Session, user with profile, permissions: nothing for the queue.
WARM_QUERIES = 3


def test_a_cached_queue_runs_no_query_of_its_own(moderator_client, held, django_assert_num_queries):
    CommentReportFactory(comment=CommentFactory(), reason="spam")
    waiting_count()  # the nav's count, kept until the queue changes

    with django_assert_num_queries(COLD_QUERIES):
        cold = moderator_client.get(QUEUE)
    with django_assert_num_queries(WARM_QUERIES):
        warm = moderator_client.get(QUEUE)

    assert cold.status_code == warm.status_code == HTTPStatus.OK
    assert "2 comments waiting" in warm.text
    assert item(warm.text, held)
    assert 'nav-count">2<' in warm.text


def test_each_filter_and_page_is_cached_apart(moderator_client, settings, held):
    settings.MODERATION_QUEUE_PAGE_SIZE = 1
    reported = CommentFactory(body="Reported words", created_at=held.created_at + timedelta(1))
    CommentReportFactory(comment=reported, reason="harassment")
    asked = {
        "all, page 1": ({}, held),
        "all, page 2": ({"page": "2"}, reported),
        "held": ({"status": "held"}, held),
        "reported": ({"status": "reported"}, reported),
        "harassment": ({"reason": "harassment"}, reported),
        "review": ({"review": str(held.review_id)}, held),
    }
    for query, _ in asked.values():
        moderator_client.get(QUEUE, query)

    for name, (query, expected) in asked.items():
        page = moderator_client.get(QUEUE, query).text
        shown = [c for c in (held, reported) if item(page, c)]
        assert shown == [expected], name


@pytest.mark.parametrize(
    "query",
    [{"review": "abc"}, {"review": "99999999999999999999"}, {"status": "\x00"}, {"page": "-1"}],
)
def test_bad_filter_values_are_explained_from_the_cache_too(moderator_client, held, query):
    for _ in range(2):
        response = moderator_client.get(QUEUE, query)

        assert response.status_code == HTTPStatus.OK
        assert item(response.text, held)
        if "page" not in query:
            assert "Select a valid choice" in response.text


# --- Fresh at once after each change -------------------------------------------------------


def test_a_newly_held_comment_shows_at_once(moderator_client, held):
    cached_queue(moderator_client)
    BlockedTermFactory(phrase="moonbeam")

    comment = comment_create(
        review=ReviewFactory(), author=UserFactory(), body="A moonbeam for you"
    )

    page = moderator_client.get(QUEUE).text
    assert "Blocklisted phrase" in item(page, comment)
    assert "2 comments waiting" in page


def test_a_new_report_shows_at_once(moderator_client, held):
    comment = CommentFactory(body="Rude words")
    cached_queue(moderator_client)

    comment_report(comment=comment, reporter=UserFactory(), reason="harassment")

    shown = item(moderator_client.get(QUEUE).text, comment)
    assert "Harassment or abuse \N{MULTIPLICATION SIGN} 1" in shown
    # A second report of the same comment changes its count.
    comment_report(comment=comment, reporter=UserFactory(), reason="harassment")
    shown = item(moderator_client.get(QUEUE).text, comment)
    assert "Harassment or abuse \N{MULTIPLICATION SIGN} 2" in shown


def pending(author) -> Comment:
    return CommentFactory(author=author, status=Status.PENDING, held_reason="Reader on probation")


def reported(author) -> Comment:
    comment = CommentFactory(author=author)
    CommentReportFactory(comment=comment, reason="spam")
    return comment


@pytest.mark.parametrize(
    ("make", "action", "data"),
    [
        (pending, "approve", {}),
        (pending, "reject", {"reason": str(CANNED_REASONS[0])}),
        (pending, "spam", {}),
        (reported, "dismiss_reports", {}),
        (reported, "uphold_reports", {}),
        (reported, "remove", {"category": "spam"}),
    ],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["post", "htmx"])
def test_a_decision_on_the_desk_takes_the_comment_off_at_once(
    moderator_client, orion, make, action, data, htmx
):
    comment = make(orion)
    assert item(cached_queue(moderator_client), comment)
    headers = {"HX-Request": "true"} if htmx else {}

    moderator_client.post(decide_url(comment), {"action": action, **data}, headers=headers)

    page = moderator_client.get(QUEUE).text
    assert not item(page, comment)
    assert "0 comments waiting" in page


def test_a_bulk_decision_takes_the_comments_off_at_once(moderator_client, orion):
    chosen = [pending(orion) for _ in range(2)]
    kept = pending(orion)
    cached_queue(moderator_client)

    moderator_client.post(
        reverse("moderation:bulk-decide"), {"action": "spam", "selected": [c.pk for c in chosen]}
    )

    page = moderator_client.get(QUEUE).text
    assert [bool(item(page, c)) for c in (*chosen, kept)] == [False, False, True]


@pytest.mark.parametrize(
    ("make", "changelist", "action"),
    [
        (pending, "admin:reviews_comment_changelist", "approve"),
        (pending, "admin:reviews_comment_changelist", "reject"),
        (pending, "admin:reviews_comment_changelist", "mark_spam"),
        (reported, "admin:reviews_comment_changelist", "remove"),
        (reported, "admin:reviews_commentreport_changelist", "uphold"),
        (reported, "admin:reviews_commentreport_changelist", "dismiss"),
    ],
)
def test_a_decision_in_the_admin_takes_the_comment_off_at_once(
    moderator_client, orion, make, changelist, action
):
    comment = make(orion)
    cached_queue(moderator_client)
    chosen = comment.reports.all() if "report" in changelist else [comment]

    response = moderator_client.post(
        reverse(changelist), {"action": action, ACTION_CHECKBOX_NAME: [o.pk for o in chosen]}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not item(moderator_client.get(QUEUE).text, comment)


def test_deleting_a_report_in_the_admin_takes_the_comment_off_at_once(admin_client, orion):
    comment = reported(orion)
    cached_queue(admin_client)

    admin_client.post(
        reverse("admin:reviews_commentreport_changelist"),
        {
            "action": "delete_selected",
            "post": "yes",
            ACTION_CHECKBOX_NAME: [r.pk for r in comment.reports.all()],
        },
    )

    assert not CommentReport.objects.exists()
    assert not item(admin_client.get(QUEUE).text, comment)


def test_the_authors_edit_of_a_held_comment_shows_at_once(moderator_client, orion, held):
    cached_queue(moderator_client)

    comment_edit(comment=held, user=orion, body="Better words")

    assert "Better words" in item(moderator_client.get(QUEUE).text, held)


def test_an_edit_of_the_comment_a_held_reply_answers_shows_at_once(moderator_client, orion):
    lyra = UserFactory(username="lyra")
    parent = CommentFactory(author=lyra, body="The parent about moons")
    reply = CommentFactory(parent=parent, author=orion, status=Status.PENDING)
    cached_queue(moderator_client)

    comment_edit(comment=parent, user=lyra, body="The parent about comets")

    assert "The parent about comets" in item(moderator_client.get(QUEUE).text, reply)


def test_the_authors_deletion_leaves_the_queue_consistent(moderator_client, orion, held):
    cached_queue(moderator_client)

    comment_delete(comment=held, user=orion)

    # Still waiting for a decision (the queue does not say it was withdrawn).
    assert item(moderator_client.get(QUEUE).text, held)


def test_the_authors_new_published_comment_counts_in_their_history_at_once(
    moderator_client, orion, held
):
    assert "<dt>Approved</dt><dd>0</dd>" in item(cached_queue(moderator_client), held)

    comment_create(review=ReviewFactory(), author=orion, body="A fine comment")

    assert "<dt>Approved</dt><dd>1</dd>" in item(moderator_client.get(QUEUE).text, held)


def test_a_sanction_and_its_lifting_show_at_once(moderator_client, moderator, orion, held):
    cached_queue(moderator_client)

    sanction = sanction_create(
        user=orion, moderator=moderator, kind=Sanction.Kind.PROBATION, reason="Links"
    )
    assert "On probation" in item(moderator_client.get(QUEUE).text, held)

    sanction_lift(sanction=sanction, moderator=moderator)
    assert "<dt>Sanctions</dt><dd>None</dd>" in item(moderator_client.get(QUEUE).text, held)


def test_a_sanction_given_on_the_desk_shows_at_once(moderator_client, orion, held):
    cached_queue(moderator_client)

    moderator_client.post(
        reverse("moderation:sanction", args=[orion.pk]),
        {"kind": "mute", "reason": "Rude", "duration": "7"},
    )

    assert "Muted until" in item(moderator_client.get(QUEUE).text, held)


def test_an_expired_sanction_drops_off_within_the_minute(
    moderator_client, orion, held, monkeypatch
):
    SanctionFactory(user=orion, kind=Sanction.Kind.MUTE, expires_at=timezone.now() + timedelta(1))
    assert "Muted until" in item(cached_queue(moderator_client), held)
    # Time passes: the sanction ends, which no service is told about.
    Sanction.objects.update(
        created_at=timezone.now() - timedelta(days=2), expires_at=timezone.now() - timedelta(1)
    )

    later = desk.time.time() + 60
    monkeypatch.setattr(desk.time, "time", lambda: later)

    assert "<dt>Sanctions</dt><dd>None</dd>" in item(moderator_client.get(QUEUE).text, held)


@pytest.mark.parametrize("whose", ["author", "answered author"])
def test_a_new_display_name_shows_at_once(moderator_client, orion, whose):
    lyra = UserFactory(username="lyra")
    parent = CommentFactory(author=lyra, body="The parent")
    reply = CommentFactory(parent=parent, author=orion, status=Status.PENDING)
    cached_queue(moderator_client)
    renamed = orion if whose == "author" else lyra

    profile_update(user=renamed, display_name="Stargazer", bio="", notify_replies=True)

    assert "Stargazer" in item(moderator_client.get(QUEUE).text, reply)


def test_a_display_name_changed_in_the_admin_shows_at_once(admin_client, orion, held):
    cached_queue(admin_client)

    admin_client.post(
        reverse("admin:reviews_profile_change", args=[orion.profile.pk]),
        {"display_name": "Stargazer", "bio": ""},
    )

    assert "Stargazer" in item(admin_client.get(QUEUE).text, held)


def test_a_reader_renamed_in_the_admin_shows_at_once(admin_client, orion, held):
    cached_queue(admin_client)
    joined = timezone.localtime(orion.date_joined)

    response = admin_client.post(
        reverse("admin:auth_user_change", args=[orion.pk]),
        {
            "username": "orion-b",
            "email": orion.email,
            "is_active": "on",
            "date_joined_0": joined.strftime("%Y-%m-%d"),
            "date_joined_1": joined.strftime("%H:%M:%S"),
            "profile-TOTAL_FORMS": "1",
            "profile-INITIAL_FORMS": "1",
            "profile-MIN_NUM_FORMS": "0",
            "profile-MAX_NUM_FORMS": "1",
            "profile-0-id": orion.profile.pk,
            "profile-0-user": orion.pk,
            "profile-0-display_name": "Stargazer",
            "profile-0-bio": "",
        },
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    shown = item(admin_client.get(QUEUE).text, held)
    assert "Stargazer" in shown
    assert "Sanction orion-b" in shown


def test_a_review_renamed_in_the_admin_shows_at_once(admin_client, held):
    review = held.review
    cached_queue(admin_client)

    response = admin_client.post(
        reverse("admin:reviews_review_change", args=[review.pk]),
        review_admin_data(review, headline="A new headline"),
    )

    assert response.status_code == HTTPStatus.FOUND
    page = admin_client.get(QUEUE).text
    assert "A new headline" in item(page, held)
    assert f'<option value="{review.pk}">A new headline</option>' in page


def test_changes_the_queue_does_not_show_leave_it_cached(moderator_client, held, orion):
    """Readers' everyday posts, likes and renames elsewhere cost the desk no new render."""
    lyra = UserFactory(username="lyra")
    cached_queue(moderator_client)
    sneaked = CommentFactory(status=Status.PENDING, body="Sneaked in again")

    liked = comment_create(review=ReviewFactory(), author=lyra, body="Hello")
    comment_like(comment=liked, user=orion)
    profile_update(user=lyra, display_name="Lyra B", bio="", notify_replies=True)

    assert not item(moderator_client.get(QUEUE).text, sneaked)


# --- Each moderator's own CSRF token ---------------------------------------------------------


def test_the_cached_queue_holds_no_token_and_each_moderator_posts_with_their_own(
    moderator, held, monkeypatch
):
    rendered = []
    real_render = desk.render_queue
    monkeypatch.setattr(
        desk, "render_queue", lambda *a: rendered.append(real_render(*a)) or rendered[-1]
    )
    vega, deneb = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    vega.force_login(ModeratorFactory(username="vega"))
    deneb.force_login(moderator)

    vegas_page = vega.get(QUEUE).text
    denebs_page = deneb.get(QUEUE).text  # from the cache vega's visit filled

    assert len(rendered) == 1
    ((html, _depends, _count),) = rendered
    assert 'name="csrfmiddlewaretoken"' in html
    assert set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html)) == {
        CSRF_PLACEHOLDER
    }
    for page in (vegas_page, denebs_page):
        assert CSRF_PLACEHOLDER not in page
    # Every form of the queue (the bulk form and each item's) carries a token.
    forms = re.findall(r'<form[^>]*method="post".*?</form>', denebs_page, re.S)
    assert len(forms) == 4  # bulk, the item, sign out and the language menu
    assert all('name="csrfmiddlewaretoken" value="' in form for form in forms)

    def token(page: str) -> str:
        form = re.search(rf'action="{decide_url(held)}".*?</form>', page, re.S).group(0)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)

    data = {"action": "approve", "expected_status": "pending"}
    refused = deneb.post(decide_url(held), {**data, "csrfmiddlewaretoken": token(vegas_page)})
    assert refused.status_code == HTTPStatus.FORBIDDEN
    decided = deneb.post(decide_url(held), {**data, "csrfmiddlewaretoken": token(denebs_page)})
    assert decided.status_code == HTTPStatus.FOUND
    held.refresh_from_db()
    assert held.status == Status.APPROVED
    assert not item(deneb.get(QUEUE).text, held)
