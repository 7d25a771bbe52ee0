"""Gated discussions: what a reader has not watched yet is collapsed, replies with their
parent; finished readers and readers with the gate off see everything."""

from __future__ import annotations

from http import HTTPStatus

import pytest

from reviews.spoilers import gate as gates
from reviews.spoilers import services
from tests.factories import CommentFactory, DiaryEntryFactory, FilmFactory, ReviewFactory
from tests.reviews.spoilers.html import comment_id, read_gates

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread():
    review = ReviewFactory(film=FilmFactory(running_time=100))
    early = CommentFactory(review=review, timecode=30 * 60, body="The lantern scene.")
    late = CommentFactory(review=review, timecode=70 * 60, body="The ending!")
    spoiler = CommentFactory(review=review, contains_spoilers=True, body="Who she is.")
    plain = CommentFactory(review=review, body="Lovely colours.")
    reply = CommentFactory(parent=late, body="Agreed about the ending.")
    early_reply = CommentFactory(parent=early, timecode=80 * 60, body="Later it pays off.")
    return {
        "review": review, "early": early, "late": late, "spoiler": spoiler, "plain": plain,
        "reply": reply, "early_reply": early_reply,
    }  # fmt: skip


def as_visitor(client, thread, state):
    if state is not None:
        client.cookies[gates.COOKIE] = f"{thread['review'].film_id}={state}"
    return client


def as_reader(client, reader, thread, state):
    client.force_login(reader)
    film = thread["review"].film
    if state == "done":
        services.progress_set(reader=reader, film=film, finished=True)
    elif state == "off":
        services.gate_set(reader=reader, film=film, off=True)
    elif state is not None:
        services.progress_set(reader=reader, film=film, position=int(state))
    return client


@pytest.fixture(params=["visitor", "reader"])
def who(request, client, reader):
    def reading(thread, state):
        if request.param == "visitor":
            return as_visitor(client, thread, state)
        return as_reader(client, reader, thread, state)

    return reading


def ids(thread, *names):
    return {comment_id(thread[name]) for name in names}


def test_reader_at_045_sees_what_came_before(who, thread):
    page = who(thread, "2820").get(thread["review"].get_absolute_url()).text  # 0:47 → 0:45
    seen = read_gates(page)
    assert seen.open_ids == ids(thread, "early", "plain")
    assert seen.gated_ids == ids(thread, "late", "spoiler", "reply", "early_reply")
    assert "The ending!" in page  # in the page (works without JS), behind the reveal
    assert seen.summaries.count("Later in the film After 0:45 · reveal") == 2
    assert seen.summaries.count("Spoilers Spoiler · reveal") == 1


def test_replies_of_a_collapsed_comment_are_inside_its_block(who, thread):
    page = who(thread, "2700").get(thread["review"].get_absolute_url()).text
    late = page.index(f'id="gated-{thread["late"].pk}"')
    block = page[late : page.index("</details>", page.index(comment_id(thread["reply"])))]
    assert comment_id(thread["reply"]) in block


@pytest.mark.parametrize("state", ["done", "off"])
def test_finished_or_gate_off_sees_everything(who, thread, state):
    page = who(thread, state).get(thread["review"].get_absolute_url()).text
    seen = read_gates(page)
    assert seen.gated_ids == set()
    assert seen.open_ids == ids(*[thread], *thread.keys() - {"review"})


def test_without_progress_everything_tagged_is_collapsed(who, thread):
    page = who(thread, None).get(thread["review"].get_absolute_url()).text
    seen = read_gates(page)
    assert seen.open_ids == ids(thread, "plain")
    assert "Later in the film At 0:30 · reveal" in seen.summaries


def test_a_comment_can_be_flagged_as_spoilers(reader_client, thread):
    from django.urls import reverse

    from reviews.discussion.models import Comment

    reader_client.post(
        reverse("discussion:comment-create", args=[thread["review"].slug]),
        {"body": "The twist, spelt out.", "contains_spoilers": "on"},
    )
    assert Comment.objects.get(body="The twist, spelt out.").contains_spoilers
    page = reader_client.get(thread["review"].get_absolute_url()).text
    assert 'name="contains_spoilers"' in page


def test_reader_reviews_are_gated_on_the_film_page_and_their_own(client, who):
    film = FilmFactory(running_time=100)
    late = DiaryEntryFactory(film=film, timecode=70 * 60, review="The final reveal.")
    early = DiaryEntryFactory(film=film, timecode=10 * 60, review="The opening.")
    reading = who({"review": ReviewFactory(film=film)}, "2700")
    page = reading.get(film.get_absolute_url()).text
    assert page.count('<details class="gated">') == 2  # in "Popular" and in "Recent"
    assert "After 0:45 · reveal" in page
    page = reading.get(late.get_absolute_url()).text
    assert '<details class="gated">' in page
    page = reading.get(early.get_absolute_url()).text
    assert '<details class="gated">' not in page


def queries_of(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def test_the_gate_costs_a_visitor_no_query(client, thread, django_assert_num_queries):
    """The cookie is read, not looked up: a visitor at 0:45 costs what one without it does."""
    from django.test import Client

    url = thread["review"].get_absolute_url()
    without = queries_of(Client(), url)
    with django_assert_num_queries(without):
        page = as_visitor(client, thread, "2700").get(url)
    assert '<details class="gated"' in page.text


def test_a_signed_in_reader_pays_one_query_for_their_gate(
    reader_client, reader, thread, django_assert_num_queries
):
    """Their progress row, however many comments (kept until they change it when the page
    cache is on: tests/reviews/discussion/test_page_cache.py)."""
    services.progress_set(reader=reader, film=thread["review"].film, position=2700)
    url = thread["review"].get_absolute_url()
    reader_client.get(url)
    # the review, session, user with profile, other reviews, whether they took part, the
    # counts, threads, replies, their likes, their progress, the film's scenes for the
    # comment form's scene picker, and its premiere (the banner and the gate's default)
    with django_assert_num_queries(12):
        reader_client.get(url)
    for _ in range(20):
        CommentFactory(review=thread["review"], timecode=90 * 60)
    with django_assert_num_queries(12):
        reader_client.get(url)


def test_the_refused_form_page_costs_one_query(client, thread, django_assert_num_queries):
    from django.urls import reverse

    url = reverse("spoilers:progress", args=[thread["review"].film_id])
    with django_assert_num_queries(2):  # the film, and its premiere (the gate's default)
        response = client.post(url, {"action": "at", "position": "99:99"})
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_a_reply_can_be_flagged_as_spoilers(reader_client, thread):
    from django.urls import reverse

    from reviews.discussion.models import Comment

    page = reader_client.get(thread["review"].get_absolute_url()).text
    assert f'id="reply-{thread["plain"].pk}-spoilers"' in page
    reader_client.post(
        reverse("discussion:comment-create", args=[thread["review"].slug]),
        {"body": "And then she leaves.", "parent": thread["plain"].pk, "contains_spoilers": "on"},
    )
    reply = Comment.objects.get(body="And then she leaves.")
    assert (reply.parent_id, reply.contains_spoilers) == (thread["plain"].pk, True)
