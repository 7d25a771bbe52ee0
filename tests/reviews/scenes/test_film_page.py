"""The film page's scene index, and `?t=` opening the scene playing at a time."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.conftest import in_korean
from tests.factories import CommentFactory, DiaryEntryFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def film_url(film, **query) -> str:
    url = reverse("films:film-detail", args=[film.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.mark.parametrize(
    ("t", "scene"), [("0:00", 0), ("0:19:59", 0), ("0:20", 1), ("1:12:30", 2), ("1:36", 2)]
)
def test_a_time_opens_the_scene_playing_then(client, scenes, t, scene):
    response = client.get(film_url(scenes[0].film, t=t))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(scenes[scene].get_absolute_url() + "#t-")


@pytest.mark.parametrize(
    ("t", "says"),
    [
        ("99:99", "Minutes and seconds go up to 59"),
        ("abc", "like 0:45 or 1:12:30"),
        ("-0:10", "like 0:45 or 1:12:30"),
        ("1:37", "after the end of the film, which runs 1:36"),
        ("", "like 0:45 or 1:12:30"),
        ("9" * 500, "like 0:45 or 1:12:30"),
    ],
)
@pytest.mark.parametrize("signed_in", [False, True])
def test_a_bad_time_shows_the_film_page_saying_why(client, reader, scenes, t, says, signed_in):
    if signed_in:
        client.force_login(reader)
    response = client.get(film_url(scenes[0].film, t=t))
    assert response.status_code == HTTPStatus.OK
    assert "We could not open that time in the film" in response.text
    assert says in response.text
    assert "Lost in Starlight" in response.text


def test_a_time_in_a_film_without_scenes_says_so(client, starlight):
    response = client.get(film_url(starlight, t="0:45"))
    assert response.status_code == HTTPStatus.OK
    assert "scenes are not listed yet" in response.text.replace("&#x27;", "'")


def test_a_bad_time_in_korean(client, scenes):
    response = in_korean(client).get(film_url(scenes[0].film, t="99:99"))
    assert response.status_code == HTTPStatus.OK
    assert 'lang="ko"' in response.text


def test_the_scene_index_counts_what_was_posted_or_tagged_in_each_scene(client, scenes):
    film = scenes[0].film
    review = ReviewFactory(film=film)
    CommentFactory(scene=scenes[0], review=None)
    CommentFactory(scene=scenes[0], review=None, status="pending")
    CommentFactory(review=review, timecode=1300)
    CommentFactory(review=review, timecode=4400)
    CommentFactory(review=review, timecode=5000)
    CommentFactory(review=ReviewFactory(film=film, draft=True), timecode=5000)
    entry = DiaryEntryFactory(film=film)
    CommentFactory(entry=entry, timecode=10)

    text = client.get(film_url(film)).text

    assert 'id="scenes"' in text
    items = text.split('class="scene-index__item"')[1:]
    assert [item.count("scene-index__title") for item in items] == [1, 1, 1]
    assert "2 comments" in items[0]
    assert "1 comment<" in items[1]
    assert "2 comments" in items[2]
    assert f'href="{scenes[1].get_absolute_url()}"' in items[1]
    assert '<time class="scene-index__start" datetime="PT1H12M30S">1:12:30</time>' in items[2]


def test_a_film_without_scenes_shows_no_index(client, starlight):
    assert 'id="scenes"' not in client.get(film_url(starlight)).text


def test_the_film_page_with_scenes_runs_a_fixed_number_of_queries(
    client, scenes, django_assert_num_queries
):
    film = scenes[0].film
    review = ReviewFactory(film=film)
    for n in range(5):
        CommentFactory(review=review, timecode=100 * n)
        CommentFactory(scene=scenes[n % 3], review=None)
    with django_assert_num_queries(11) as captured:
        response = client.get(film_url(film))
    assert response.status_code == HTTPStatus.OK
    scene_queries = [q for q in captured.captured_queries if "films_scene" in q["sql"]]
    # the scenes with their spans, the comments posted in their threads (with the film's
    # scenes), and the times tagged under the film's reviews
    assert len(scene_queries) == 2
