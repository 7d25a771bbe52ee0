"""Scene pages and the film's scene index are kept for anonymous readers until what they show
changes, and no longer."""

import pytest

from films import services as films
from reviews.discussion import services
from tests.factories import ReviewFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def test_a_post_in_a_scenes_thread_refreshes_its_page_and_the_index(client, scenes):
    film = scenes[0].film
    scene_page, film_page = scenes[1].get_absolute_url(), film.get_absolute_url()
    assert "No comments yet" in client.get(scene_page).text
    assert client.get(film_page).text.count("0 comments") == 3

    services.comment_create(scene=scenes[1], author=UserFactory(), body="New in the thread.")

    assert "New in the thread." in client.get(scene_page).text
    assert client.get(film_page).text.count("0 comments") == 2


def test_a_tagged_comment_elsewhere_refreshes_the_scene_and_the_index(client, scenes):
    review = ReviewFactory(film=scenes[0].film)
    scene_page = scenes[2].get_absolute_url()
    assert "Nothing tagged in this scene yet" in client.get(scene_page).text
    client.get(scenes[0].film.get_absolute_url())

    services.comment_create(review=review, author=UserFactory(), body="Late one.", timecode=5000)

    assert "Late one." in client.get(scene_page).text
    assert "1 comment<" in client.get(scenes[0].film.get_absolute_url()).text


def test_untagging_a_comment_refreshes_the_scene(client, scenes):
    author = UserFactory()
    review = ReviewFactory(film=scenes[0].film)
    comment = services.comment_create(review=review, author=author, body="Was here.", timecode=5000)
    scene_page = scenes[2].get_absolute_url()
    assert "Was here." in client.get(scene_page).text

    services.comment_edit(comment=comment, user=author, body="Was here.", timecode=None)

    assert "Was here." not in client.get(scene_page).text


def test_renaming_a_scene_refreshes_its_page_its_neighbours_and_the_index(client, scenes):
    pages = [scenes[0].get_absolute_url(), scenes[1].get_absolute_url()]
    film_page = scenes[0].film.get_absolute_url()
    for url in [*pages, film_page]:
        client.get(url)

    scenes[1].title = "Renamed scene"
    films.scene_save(scene=scenes[1])

    for url in [*pages, film_page]:
        assert "Renamed scene" in client.get(url).text
