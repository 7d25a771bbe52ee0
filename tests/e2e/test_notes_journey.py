"""A reader opens a paragraph's notes in place, under the paragraph, and posts one."""

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from reviews import services as reviews
from reviews.discussion.models import Comment
from tests.factories import ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

OPENING = "The opening shot holds on the night sky for a full minute."
SCORE = "The score arrives late, and quietly."
PASSWORD = "correct horse battery staple"  # the factories' password


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def test_a_reader_opens_a_paragraphs_notes_in_place_and_posts_one(
    page: Page, live_server, screenshot
):
    review = reviews.review_save(review=ReviewFactory(body=f"## The film\n\n{OPENING}\n\n{SCORE}"))
    UserFactory(username="jay")
    score = review.paragraphs.get(text=SCORE)
    article_url = f"{live_server.url}{review.get_absolute_url()}"

    page.goto(f"{live_server.url}/accounts/login/?next={review.get_absolute_url()}")
    page.get_by_label("Login").fill("jay")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(article_url)

    page.locator(f'a.note-count[aria-controls="notes-{score.anchor}"]').click()
    panel = page.locator(f"#notes-{score.anchor}")
    expect(panel.get_by_text("No notes on this paragraph yet.")).to_be_visible()
    expect(page).to_have_url(article_url)  # opened in place, not on a page of its own

    panel.get_by_label("Your note on this paragraph").fill("The harp comes in at last.")
    panel.get_by_role("button", name="Post note").click()
    expect(panel.get_by_text("Your note is posted.")).to_be_visible()
    expect(panel.locator(".note")).to_contain_text("The harp comes in at last.")
    expect(page).to_have_url(article_url)
    assert Comment.objects.get().paragraph_id == score.pk
    # The count beside the paragraph follows at once.
    expect(page.locator(f"#note-count-{score.anchor}")).to_have_text("1 note")
    screenshot("paragraph-notes")

    page.reload()
    expect(page.locator(f'a.note-count[aria-controls="notes-{score.anchor}"]')).to_have_text(
        "1 note"
    )
    # The discussion does not count it.
    expect(page.locator(".discussion__count")).to_have_text("0 comments")
