"""Moderators clearing the queue from the desk in a real browser, with the keyboard only."""

import pytest
from django.core.cache import cache
from playwright.sync_api import Browser, Page, expect

from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision
from tests.factories import CommentFactory, ModeratorFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "correct horse battery staple"  # the factories' password


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def review():
    return ReviewFactory(headline="A farewell written in the stars")


def signed_in(browser: Browser, live_server, username: str, viewport: dict) -> Page:
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Login").fill(username)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Sign In").click()
    expect(page.locator(".account-nav")).to_contain_text("Sign out")
    return page


def test_held_comment_is_approved_from_the_desk_with_the_keyboard(
    browser: Browser, page: Page, live_server, review, settings, screenshot, viewport
):
    settings.MODERATION_NEW_ACCOUNT_HELD = 1
    UserFactory(username="newbie", email="newbie@example.com")
    ModeratorFactory(username="mod")

    reader = signed_in(browser, live_server, "newbie", viewport)
    reader.goto(f"{live_server.url}{review.get_absolute_url()}")
    reader.get_by_label("Your comment").fill("My first comment here!")
    reader.get_by_role("button", name="Post comment").click()
    expect(reader.locator(".comment", has_text="My first comment here!")).to_contain_text(
        "Awaiting moderation"
    )

    anonymous = browser.new_context(viewport=viewport).new_page()
    anonymous.goto(f"{live_server.url}{review.get_absolute_url()}")
    expect(anonymous.get_by_text("My first comment here!")).to_have_count(0)

    desk = signed_in(browser, live_server, "mod", viewport)
    desk.goto(f"{live_server.url}/moderation/")
    expect(desk.locator(".queue-item")).to_contain_text("New account: first comment is reviewed")
    screenshot_page = page  # the fixture's page takes the desk screenshots
    screenshot_page.context.add_cookies(desk.context.cookies())
    screenshot_page.goto(f"{live_server.url}/moderation/")
    screenshot("moderation-queue")

    desk.keyboard.press("j")
    desk.keyboard.press("a")
    expect(desk.locator(".queue-item--decided")).to_contain_text("Approved")

    anonymous.reload()
    expect(anonymous.locator(".comment", has_text="My first comment here!")).to_be_visible()
    decision = ModerationDecision.objects.get()
    assert (decision.moderator.username, decision.action) == ("mod", "approve")


def test_comment_reported_by_enough_readers_disappears_and_a_moderator_restores_it(
    browser: Browser, live_server, review, settings, viewport
):
    settings.MODERATION_REPORTS_TO_HIDE = 2
    target = CommentFactory(review=review, body="A perfectly fine opinion.")
    ModeratorFactory(username="mod")
    for name in ("alice", "bob"):
        UserFactory(username=name)
        reporter = signed_in(browser, live_server, name, viewport)
        reporter.goto(f"{live_server.url}{review.get_absolute_url()}")
        reporter.locator(f"#comment-{target.pk}").get_by_role("link", name="Report").click()
        reporter.get_by_label("Harassment or abuse").check()
        reporter.get_by_role("button", name="Send report").click()
        expect(reporter.get_by_text("The moderators will look at this comment.")).to_be_visible()

    anonymous = browser.new_context(viewport=viewport).new_page()
    anonymous.goto(f"{live_server.url}{review.get_absolute_url()}")
    expect(anonymous.get_by_text("A perfectly fine opinion.")).to_have_count(0)

    desk = signed_in(browser, live_server, "mod", viewport)
    desk.goto(f"{live_server.url}/moderation/")
    expect(desk.locator(".queue-item")).to_contain_text("Harassment or abuse × 2")  # noqa: RUF001
    desk.keyboard.press("j")
    desk.keyboard.press("a")
    expect(desk.locator(".queue-item--decided")).to_contain_text("Reports dismissed")

    anonymous.reload()
    expect(anonymous.locator(".comment", has_text="A perfectly fine opinion.")).to_be_visible()
    target.refresh_from_db()
    assert target.status == Comment.Status.APPROVED
