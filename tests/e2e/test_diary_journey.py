"""A reader rates a film with the keyboard alone, in place, and logs a watch."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Page, expect

from films.models import Film
from reviews.diary.models import DiaryEntry, Rating
from tests.e2e.test_keyboard_touch_theme import tab_to
from tests.e2e.test_pages_quality import axe_report
from tests.factories import FilmFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_rating_with_arrow_keys_in_place_then_logging_a_watch(page: Page, live_server, screenshot):
    film = FilmFactory(title="Lost in Starlight", slug="lost-in-starlight")
    reader = UserFactory(username="rea", profile__display_name="Rea")
    client = Client()
    client.force_login(reader)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + film.get_absolute_url())

    tab_to(page, ".star-input input")
    assert page.evaluate("document.activeElement.value") == "1"
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.value") == "7"
    tab_to(page, ".rating-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#readers-score")).to_contain_text("Average of 1 rating")
    assert page.url.endswith(film.get_absolute_url())  # swapped in place, no navigation
    assert Rating.objects.get().score == 7
    assert Film.objects.get().readers_average == 7
    violations = axe_report(Axe().run(page, context="#readers-score"))
    assert not violations, violations
    screenshot("film-rated")

    page.get_by_role("link", name="Log a watch").click()
    page.get_by_label("Review (optional)").fill("The turntable scene stayed with me.")
    page.get_by_text("4½").click()
    page.get_by_role("button", name="Log it").click()
    expect(page.locator(".diary__entry")).to_have_count(1)
    entry = DiaryEntry.objects.get()
    assert (entry.score, entry.review) == (9, "The turntable scene stayed with me.")
    violations = axe_report(Axe().run(page))
    assert not violations, violations
    screenshot("diary")
