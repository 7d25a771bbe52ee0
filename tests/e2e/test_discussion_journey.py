"""A new reader signs up, confirms, and takes part in a discussion, in a real browser."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import Page, expect

from reviews.discussion.models import Comment, CommentReport
from tests.factories import CommentFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def test_new_reader_signs_up_comments_replies_edits_and_reports(
    page: Page, live_server, browser, screenshot, viewport
):
    review = ReviewFactory(headline="A farewell written in the stars")
    nan = UserFactory(username="nan", email="nan@example.com", profile__display_name="Nan")
    first = CommentFactory(review=review, author=nan, body="The turntable scene got me.")

    # Sign up, then confirm the address from the mailbox.
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Email").fill("jay@example.com")
    page.get_by_label("Username").fill("jay")
    page.get_by_label("Password:", exact=True).fill("mars-is-far-2050")
    page.get_by_label("Password (again):").fill("mars-is-far-2050")
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")
    confirmation = next(m for m in mail.outbox if m.to == ["jay@example.com"])
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", confirmation.body)[0]
    page.goto(link.replace("http://testserver", live_server.url))
    page.get_by_role("button", name="Confirm").click()

    # Comment.
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    page.get_by_label("Your comment").fill("The ||ending|| made me call my mother.")
    page.get_by_role("button", name="Post comment").click()
    mine = page.locator(".comment", has_text="made me call my mother")
    expect(mine).to_be_visible()
    expect(mine.locator(".spoiler__text")).to_have_text("ending")

    # Reply to Nan.
    theirs = page.locator(f"#comment-{first.pk}")
    theirs.get_by_text("Reply", exact=True).click()
    theirs.get_by_label("Reply to Nan").fill("Same, the needle drop!")
    theirs.get_by_role("button", name="Post reply").click()
    reply = page.locator(".comment", has_text="Same, the needle drop!")
    expect(reply).to_be_visible()

    # Fix a typo in the reply.
    reply.get_by_role("link", name="Edit").click()
    page.locator(".edit-form").get_by_label("Your comment").fill("Same, that needle drop!")
    page.get_by_role("button", name="Save changes").click()
    edited = page.locator(".comment", has_text="Same, that needle drop!")
    expect(edited).to_be_visible()
    expect(edited.locator(".comment__edited")).to_have_text("Edited")
    screenshot("discussion")

    # Report Nan's comment.
    page.locator(f"#comment-{first.pk}").get_by_role("link", name="Report").click()
    page.get_by_label("Off topic").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("The moderators will look at this comment.")).to_be_visible()
    assert CommentReport.objects.filter(comment=first, reporter__username="jay").exists()

    # Another reader sees the comment and the reply.
    other = browser.new_context(viewport=viewport).new_page()
    other.goto(f"{live_server.url}{review.get_absolute_url()}")
    expect(other.locator(".comment", has_text="made me call my mother")).to_be_visible()
    expect(other.locator(".comment", has_text="Same, that needle drop!")).to_be_visible()

    # Nan was told about the reply, with a link to it and a way to stop these mails.
    reply_comment = Comment.objects.get(body="Same, that needle drop!")
    notice = next(m for m in mail.outbox if m.to == ["nan@example.com"])
    assert reply_comment.get_absolute_url() in notice.body
    assert "/en/notifications/unsubscribe/" in notice.body
