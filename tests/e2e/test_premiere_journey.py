"""Two readers in two browsers watch a premiere together: one posts, the other sees it arrive
without reloading; slow mode answers the eager one in place."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import FilmFactory, PremiereFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_slow_mode():
    cache.clear()


def signed_in(context, live_server, username: str) -> Page:
    reader = UserFactory(
        username=username,
        profile__display_name=username.title(),
        date_joined=timezone.now() - timedelta(days=30),
    )
    client = Client()
    client.force_login(reader)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_two_readers_see_each_others_comments_arrive(
    page: Page, browser, live_server, viewport, screenshot
):
    film = FilmFactory(title="Lost in Starlight", slug="lost-in-starlight", running_time=96)
    premiere = PremiereFactory(film=film, slow_mode_seconds=30)
    thread = f"{live_server.url}{premiere.get_absolute_url()}"
    nan = signed_in(page.context, live_server, "nan")
    other = browser.new_context(viewport=viewport)
    jay = signed_in(other, live_server, "jay")
    nan.goto(thread)
    jay.goto(thread)
    expect(jay.locator(".premiere-banner")).to_contain_text("Premiere mode is on until")

    nan.get_by_label("Your comment").fill("The record player scene, already!")
    nan.get_by_role("button", name="Post comment").click()
    expect(nan.locator(".comment", has_text="The record player scene")).to_be_visible()

    # Jay's page polls every 3 s: the comment arrives without a reload.
    url_before = jay.url
    expect(jay.locator(".comment", has_text="The record player scene")).to_be_visible(
        timeout=10_000
    )
    assert jay.url == url_before

    # And back the other way.
    jay.get_by_label("Your comment").fill("I cried at the first song.")
    jay.get_by_role("button", name="Post comment").click()
    expect(nan.locator(".comment", has_text="I cried at the first song.")).to_be_visible(
        timeout=10_000
    )

    # Slow mode: Nan's second comment is refused in place, with their words kept.
    nan.get_by_label("Your comment").fill("And the stars!")
    nan.get_by_role("button", name="Post comment").click()
    expect(nan.locator(".errorlist")).to_contain_text("you can post again at")
    expect(nan.get_by_label("Your comment")).to_have_value("And the stars!")

    page.goto(thread)
    screenshot("premiere-thread")
    page.goto(f"{live_server.url}{film.get_absolute_url()}")
    expect(page.locator(".premiere-banner")).to_contain_text("Join the premiere thread")
    screenshot("premiere-film-page")
    other.close()
