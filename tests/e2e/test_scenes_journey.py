"""A reader finds a scene from the film page's index, tags a comment by picking a scene, and
follows the tag back to the scene."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Page, expect

from reviews.discussion.models import Comment
from tests.e2e.test_pages_quality import axe_report
from tests.factories import FilmFactory, SceneFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_the_scene_index_to_a_tagged_comment_in_a_scenes_thread(
    page: Page, live_server, screenshot
):
    film = FilmFactory(lost_in_starlight=True, running_time=96)
    titles = ["Seoul, 2050", "Training for Mars", "The turntable", "Sewoon Arcade"]
    for number, title in enumerate(titles, start=1):
        SceneFactory(film=film, number=number, title=title, slug=f"s{number}",
                     start=(number - 1) * 1200)  # fmt: skip
    reader = UserFactory(username="rea", profile__display_name="Rea")
    client = Client()
    client.force_login(reader)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    page.goto(live_server.url + film.get_absolute_url())
    expect(page.locator("#scenes")).to_be_visible()
    page.locator("#scenes").scroll_into_view_if_needed()
    screenshot("film-scene-index")
    page.get_by_role("link", name="The turntable").click()
    expect(page.locator("h1")).to_contain_text("The turntable")

    page.get_by_label("Your comment").fill("Listen for the hiss before the music.")
    page.get_by_label("or pick a scene").select_option("4")
    # The script fills in the picked scene's start.
    expect(page.get_by_label("Time in the film")).to_have_value("1:00")
    page.get_by_label("Time in the film").fill("0:45")  # a typed time wins
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".comment")).to_have_count(1)
    expect(page.locator(".comment .timecode-tag")).to_have_text("At 0:45")
    assert Comment.objects.get().timecode == 2700
    violations = axe_report(Axe().run(page))
    assert not violations, violations
    screenshot("scene-page")

    page.locator(".comment .timecode-tag").click()
    expect(page.locator("h1")).to_contain_text("The turntable")  # 0:45 is in scene 3
