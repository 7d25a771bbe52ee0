"""Tagging comments and reader reviews with a time in the film: typed or picked from the
scenes, refused with a reason and the reader's text kept, shown as a link to the scene; and
times in the text linked."""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews.diary import services as diary
from reviews.diary.models import DiaryEntry
from reviews.discussion import services
from reviews.discussion.forms import CommentForm
from reviews.discussion.models import Comment
from reviews.markdown import link_timecodes, render_comment
from tests.factories import CommentFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(scenes):
    return ReviewFactory(film=scenes[0].film, slug="a-farewell")


def post_comment(client, review, **data):
    return client.post(reverse("discussion:comment-create", args=[review.slug]), data)


def test_a_comment_tagged_with_a_typed_time(reader_client, review, scenes):
    response = post_comment(reader_client, review, body="That hum.", timecode="1:12:30")
    assert response.status_code == HTTPStatus.FOUND
    assert Comment.objects.get().timecode == 4350

    page = reader_client.get(review.get_absolute_url())
    tag = (
        '<a class="timecode-tag" href="/en/films/lost-in-starlight/?t=1:12:30" '
        'data-timecode="4350">'
    )
    assert tag in page.text
    assert '<time datetime="PT1H12M30S">1:12:30</time></a>' in page.text
    # and the tag's address opens the scene playing then
    to_scene = reader_client.get("/en/films/lost-in-starlight/?t=1:12:30")
    assert to_scene["Location"] == scenes[2].get_absolute_url() + "#t-4350"


@pytest.mark.parametrize(
    ("typed", "picked", "stored"),
    [("", "2", 1200), ("0:45", "2", 2700), ("0:45", "", 2700), ("", "", None)],
)
def test_a_typed_time_wins_over_a_picked_scene(reader_client, review, typed, picked, stored):
    post_comment(reader_client, review, body="Tagged?", timecode=typed, scene=picked)
    assert Comment.objects.get().timecode == stored


def test_the_form_offers_the_films_scenes_with_their_starts(reader_client, review):
    page = reader_client.get(review.get_absolute_url())
    assert '<option value="2" data-timecode="0:20">2. The repair shop (0:20)</option>' in page.text


@pytest.mark.parametrize(
    ("typed", "picked", "says"),
    [
        ("99:99", "", "Minutes and seconds go up to 59"),
        ("1:37", "", "after the end of the film, which runs 1:36"),
        ("-0:10", "", "like 0:45 or 1:12:30"),
        ("abc", "", "like 0:45 or 1:12:30"),
        ("1:5", "", "like 0:45 or 1:12:30"),
        ("", "7", "Pick one of the film"),
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_a_bad_time_on_a_comment_keeps_the_text_and_says_why(
    reader_client, review, typed, picked, says, htmx
):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = reader_client.post(
        reverse("discussion:comment-create", args=[review.slug]),
        {"body": "Words I do not want to lose.", "timecode": typed, "scene": picked},
        **headers,
    )
    # As every refused comment: the page again (400), or the discussion swapped in place.
    assert response.status_code == (HTTPStatus.OK if htmx else HTTPStatus.BAD_REQUEST)
    text = response.text.replace("&#x27;", "'")
    assert says in text
    assert "Words I do not want to lose." in text
    assert f'value="{typed}"' in text
    assert not Comment.objects.exists()


def test_editing_a_comment_changes_its_time(reader_client, reader, review):
    comment = CommentFactory(review=review, author=reader, timecode=100)
    response = reader_client.post(
        reverse("discussion:comment-edit", args=[comment.pk]),
        {"body": comment.body, "timecode": "0:45"},
    )
    assert response.status_code == HTTPStatus.FOUND
    comment.refresh_from_db()
    assert comment.timecode == 2700
    bad = reader_client.post(
        reverse("discussion:comment-edit", args=[comment.pk]),
        {"body": "New words", "timecode": "2:00"},
    )
    assert bad.status_code == HTTPStatus.BAD_REQUEST
    assert "after the end of the film" in bad.text
    assert "New words" in bad.text


def test_the_service_refuses_a_time_outside_the_film(reader, review):
    with pytest.raises(ValidationError) as refused:
        services.comment_create(review=review, author=reader, body="Late.", timecode=96 * 60 + 1)
    assert refused.value.code == "timecode_outside"
    assert not Comment.objects.exists()


def log(client, film, **data):
    fields = {"watched_on": "2025-06-01", "score": "", "tags": "", **data}
    return client.post(reverse("diary:log", args=[film.slug]), fields)


def test_a_reader_review_tagged_with_a_time(reader_client, scenes):
    film = scenes[0].film
    response = log(reader_client, film, review="The shop scene.", timecode="", scene="2")
    assert response.status_code == HTTPStatus.FOUND
    entry = DiaryEntry.objects.get()
    assert entry.timecode == 1200
    page = reader_client.get(entry.get_absolute_url())
    assert '<time datetime="PT20M">0:20</time></a>' in page.text


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("99:99", "Minutes and seconds go up to 59"),
        ("1:37", "after the end of the film"),
        ("-0:10", "like 0:45 or 1:12:30"),
        ("letters", "like 0:45 or 1:12:30"),
    ],
)
def test_a_bad_time_on_a_reader_review_keeps_the_text(reader_client, scenes, typed, says):
    response = log(reader_client, scenes[0].film, review="My review, kept.", timecode=typed)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert says in response.text
    assert "My review, kept." in response.text
    assert f'value="{typed}"' in response.text
    assert not DiaryEntry.objects.exists()


def test_editing_a_reader_review_keeps_and_changes_its_time(reader_client, reader, scenes):
    film = scenes[0].film
    entry = diary.watch_log(reader=reader, film=film, review="Lovely.", timecode=300)
    url = reverse("diary:entry-edit", args=[entry.pk])
    assert 'value="0:05"' in reader_client.get(url).text
    reader_client.post(
        url, {"watched_on": "2025-06-01", "review": "Lovely.", "timecode": "1:00", "tags": ""}
    )
    entry.refresh_from_db()
    assert entry.timecode == 3600


def test_times_in_a_comments_text_become_links_to_the_film(reader, review):
    comment = services.comment_create(
        review=review,
        author=reader,
        body="At 1:12:30 the song, not `0:45` nor [0:10](https://example.com), nor 2:00.",
    )
    html = comment.body_html
    assert (
        '<a class="timecode" href="/films/lost-in-starlight/?t=1:12:30" data-timecode="4350">'
        "1:12:30</a>"
    ) in html
    assert "<code>0:45</code>" in html
    assert 'href="https://example.com" rel="nofollow ugc noopener">0:10</a>' in html
    assert "nor 2:00." in html  # after the end of a 96-minute film


def test_a_language_free_time_link_opens_in_the_readers_language(client, reader, review, scenes):
    response = client.get("/films/lost-in-starlight/?t=0:45", follow=True)
    assert response.redirect_chain[-1][0] == scenes[1].get_absolute_url() + "#t-2700"


def test_times_in_a_reader_reviews_text_become_links(reader, scenes):
    entry = diary.watch_log(reader=reader, film=scenes[0].film, review="Cried at 0:20:05.")
    assert 'href="/films/lost-in-starlight/?t=0:20:05"' in entry.review_html


def test_the_comment_form_without_a_film_has_no_scene_picker():
    form = CommentForm()
    assert "scene" not in form.fields
    assert "timecode" in form.fields


class Film:
    slug = "f"
    running_time = 96


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.text(alphabet="0123456789: <>/acode`*[]()ab", max_size=60))
def test_linking_times_never_breaks_the_sanitised_html(text):
    html = render_comment(text, film=Film())
    plain = render_comment(text)
    # Linking only adds anchors around times: without them, the same HTML.
    unlinked = re.sub(
        r'<a class="timecode" href="[^"]*" data-timecode="\d+">([^<]*)</a>', r"\1", html
    )
    assert unlinked == plain
    assert link_timecodes(plain, film=Film()) == html
