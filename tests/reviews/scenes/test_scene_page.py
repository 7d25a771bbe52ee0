"""A scene's page: its span and neighbours, its own thread, and what was said of it elsewhere."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from reviews.discussion.models import Comment
from tests.factories import CommentFactory, DiaryEntryFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_a_scene_shows_its_span_and_the_scenes_either_side(client, scenes):
    response = client.get(scenes[1].get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    text = response.text
    assert "The repair shop" in text
    span = '<time datetime="PT20M">0:20</time>\N{EN DASH}<time datetime="PT1H12M30S">1:12:30</time>'
    assert span in text
    assert f'rel="prev" href="{scenes[0].get_absolute_url()}"' in text
    assert f'rel="next" href="{scenes[2].get_absolute_url()}"' in text


def test_the_last_scene_ends_at_the_running_time(client, scenes):
    text = client.get(scenes[2].get_absolute_url()).text
    assert '<time datetime="PT1H36M">1:36</time>' in text
    assert 'rel="next"' not in text


def test_a_wrong_slug_is_sent_to_the_scenes_address(client, scenes):
    url = reverse(
        "scenes:scene-detail", kwargs={"film": "lost-in-starlight", "number": 2, "slug": "old"}
    )
    response = client.get(url + "?page=2")
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == scenes[1].get_absolute_url() + "?page=2"


@pytest.mark.parametrize(("film", "number"), [("lost-in-starlight", 9), ("no-such-film", 1)])
def test_an_unknown_scene_is_not_found(client, scenes, film, number):
    url = reverse("scenes:scene-detail", kwargs={"film": film, "number": number, "slug": "x"})
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND


def test_the_scene_page_runs_a_fixed_number_of_queries(client, scenes, django_assert_num_queries):
    review = ReviewFactory(film=scenes[0].film)
    for n in range(4):
        parent = CommentFactory(scene=scenes[1], review=None)
        CommentFactory(parent=parent, scene=scenes[1], review=None)
        CommentFactory(review=review, timecode=1300 + n)
        DiaryEntryFactory(film=scenes[0].film, timecode=1500 + n)

    # the scenes with their spans and film; the tagged comments and the tagged reader
    # reviews, each with its total; the discussion's counts, threads and replies; the film's
    # scenes for the comment form's scene picker; the film's premiere (the spoiler gate's
    # default during one)
    with django_assert_num_queries(8):
        response = client.get(scenes[1].get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    assert response.text.count('class="comment"') == 8
    assert "4 comments tagged in this scene" in response.text
    assert "4 reader reviews tagged in this scene" in response.text


def test_a_reader_posts_in_the_scenes_thread(reader_client, scenes):
    response = reader_client.post(
        reverse("scenes:comment-create", args=[scenes[1].pk]),
        {"body": "The turntable hum in this one.", "timecode": "", "scene": "2"},
    )

    comment = Comment.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert (comment.scene, comment.review, comment.timecode) == (scenes[1], None, 1200)
    permalink = reader_client.get(comment.get_absolute_url())
    assert permalink["Location"] == f"{scenes[1].get_absolute_url()}#comment-{comment.pk}"
    page = reader_client.get(scenes[1].get_absolute_url())
    assert "The turntable hum in this one." in page.text
    assert '<time datetime="PT20M">0:20</time></a>' in page.text


def test_a_reply_in_the_scenes_thread(reader_client, scenes):
    parent = CommentFactory(scene=scenes[0], review=None)
    reader_client.post(
        reverse("scenes:comment-create", args=[scenes[0].pk]),
        {"body": "Agreed.", "parent": parent.pk},
    )
    reply = Comment.objects.get(body="Agreed.")
    assert (reply.scene, reply.parent, reply.depth) == (scenes[0], parent, 2)


@pytest.mark.parametrize(
    ("timecode", "says"),
    [
        ("99:99", "Minutes and seconds go up to 59"),
        ("1:37", "after the end of the film, which runs 1:36"),
        ("-0:10", "like 0:45 or 1:12:30"),
        ("abc", "like 0:45 or 1:12:30"),
    ],
)
def test_a_bad_time_keeps_the_text_and_says_what_is_wrong(reader_client, scenes, timecode, says):
    response = reader_client.post(
        reverse("scenes:comment-create", args=[scenes[0].pk]),
        {"body": "My words, kept.", "timecode": timecode},
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert says in response.text
    assert "My words, kept." in response.text
    assert f'value="{timecode}"' in response.text
    assert not Comment.objects.exists()


def test_a_signed_out_reader_keeps_their_draft_while_signing_in(client, scenes):
    response = client.post(
        reverse("scenes:comment-draft", args=[scenes[0].pk]),
        {"body": "Draft about launch day.", "timecode": "0:05"},
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]
    assert client.session["comment_drafts"][f"scene-{scenes[0].pk}"]["timecode"] == "0:05"


def test_elsewhere_lists_what_was_tagged_inside_the_span_and_published(client, scenes):
    film = scenes[0].film
    review = ReviewFactory(film=film, headline="A song for Mars")
    draft = ReviewFactory(film=film, draft=True)
    CommentFactory(review=review, timecode=1250, body="Inside the span")
    CommentFactory(review=review, timecode=4350, body="Next scene already")
    CommentFactory(review=review, timecode=1300, body="Held back", status="pending")
    CommentFactory(review=draft, timecode=1300, body="Under a draft")
    CommentFactory(review=ReviewFactory(), timecode=1300, body="Another film")
    DiaryEntryFactory(film=film, timecode=2000, review="A reader on the repair shop")
    DiaryEntryFactory(film=film, timecode=100, review="A reader on launch day")

    text = client.get(scenes[1].get_absolute_url()).text

    assert "Inside the span" in text
    assert "A song for Mars" in text
    assert "A reader on the repair shop" in text
    for absent in ("Next scene already", "Held back", "Under a draft", "Another film",
                   "A reader on launch day"):  # fmt: skip
        assert absent not in text


@pytest.mark.parametrize(
    ("progress", "collapsed"),
    [("2700", True), ("", True), ("done", False), ("off", False), ("4800", False)],
)
def test_elsewhere_is_gated_at_the_readers_progress(client, scenes, progress, collapsed):
    """A reader at 0:45 opening the last scene's page is not spoiled by what was said of it
    under the reviews; one who watched further, or finished, or turned the gate off, is."""
    film = scenes[0].film
    CommentFactory(review=ReviewFactory(film=film), timecode=4400, body="What the ending does")
    DiaryEntryFactory(film=film, timecode=4500, review="A reader on the ending")
    if progress:
        client.cookies["watch_progress"] = f"{film.pk}={progress}"

    text = client.get(scenes[2].get_absolute_url()).text

    for said in ("What the ending does", "A reader on the ending"):
        before = text[: text.index(said)]
        inside_gate = before.rfind('<details class="gated"') > before.rfind("</details>")
        assert inside_gate is collapsed, (said, progress)


def test_a_held_comment_in_a_scenes_thread_is_on_the_desk(moderator_client, scenes):
    CommentFactory(scene=scenes[0], review=None, status="pending", body="Held in a scene.")

    response = moderator_client.get(reverse("moderation:queue"))

    assert response.status_code == HTTPStatus.OK
    assert "Held in a scene." in response.text
    assert "Scene 1. Launch day of Lost in Starlight" in response.text
    assert scenes[0].get_absolute_url() in response.text
    assert "Comment in a scene's thread" in response.text
    assert "Comment on a review<" not in response.text
