"""A reader halfway through the film reads a discussion without being spoiled, reveals one
comment, says they finished, and sees everything: at a phone's and a desktop's width."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from playwright.sync_api import Page, expect

from tests.e2e.test_pages_quality import axe_report
from tests.factories import CommentFactory, FilmFactory, ReviewFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def test_reader_at_045_reveals_one_spoiler_then_finishes(page: Page, live_server, screenshot):
    review = ReviewFactory(film=FilmFactory(running_time=100), headline="Stars over Seoul")
    CommentFactory(review=review, timecode=30 * 60, body="The lantern scene is gorgeous.")
    late = CommentFactory(review=review, timecode=70 * 60, body="The rooftop goodbye broke me.")
    CommentFactory(parent=late, body="The goodbye, yes.")
    CommentFactory(review=review, contains_spoilers=True, body="She was the voice all along.")
    later = CommentFactory(review=review, timecode=90 * 60, body="The final song plays.")

    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    form = page.locator("#watch-progress")
    form.get_by_label("I'm at").fill("99:99")
    form.get_by_role("button", name="Save").click()
    expect(page.locator("#watch-progress")).to_contain_text("Minutes and seconds go up to 59")
    expect(page.locator("#watch-progress").get_by_label("I'm at")).to_have_value("99:99")

    page.locator("#watch-progress").get_by_label("I'm at").fill("0:47")
    page.locator("#watch-progress").get_by_role("button", name="Save").click()
    expect(page.locator("#watch-progress")).to_contain_text("You are at 0:45")
    expect(page.get_by_text("The lantern scene is gorgeous.")).to_be_visible()
    for hidden in ("The rooftop goodbye", "The goodbye, yes.", "She was the voice", "final song"):
        expect(page.get_by_text(hidden)).to_be_hidden()
    expect(page.locator("details.gated")).to_have_count(3)
    violations = axe_report(Axe().run(page))
    assert not violations, violations
    screenshot("spoilers-gated")

    # Reveal one: that comment and its reply, nothing else.
    page.locator(f"#gated-{late.pk} > summary").click()
    expect(page.get_by_text("The rooftop goodbye broke me.")).to_be_visible()
    expect(page.get_by_text("The goodbye, yes.")).to_be_visible()
    expect(page.get_by_text("She was the voice all along.")).to_be_hidden()
    expect(page.locator(f"#comment-{later.pk}")).to_be_hidden()
    screenshot("spoilers-one-revealed")

    page.locator("#watch-progress").get_by_role("button", name="Finished").click()
    expect(page.locator("#watch-progress")).to_contain_text("You have finished the film")
    expect(page.locator("details.gated")).to_have_count(0)
    for shown in ("The rooftop goodbye", "She was the voice", "The final song plays."):
        expect(page.get_by_text(shown)).to_be_visible()
    violations = axe_report(Axe().run(page))
    assert not violations, violations
