"""An editor compares two revisions of a review side by side, in the light and dark admin."""

from pathlib import Path

from playwright.sync_api import expect

from reviews import services
from tests.e2e.conftest import DESKTOP
from tests.factories import EditorFactory, ReviewFactory

SHOTS = Path("/work/briefs/shots")


def test_editor_compares_two_revisions_side_by_side(live_server, browser):
    EditorFactory(username="sora", password="night-sky-2050")
    review = ReviewFactory(
        draft=True, headline="Static on the line", body="## Sound\n\nThe turntable scene sings."
    )
    review.headline = "Static on the line to Mars"
    review.body = "## Sound\n\nThe turntable scene *sings*, softly.\n\nA new closing paragraph."
    services.review_save(review=review)

    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
        page = context.new_page()
        page.goto(f"{live_server.url}/admin/reviews/review/{review.pk}/history/")
        page.get_by_label("Login").fill("sora")
        page.get_by_label("Password").fill("night-sky-2050")
        page.get_by_role("button", name="Sign In").click()
        page.get_by_role("button", name="Compare the chosen revisions").click()

        expect(page.get_by_role("heading", name="Body")).to_be_visible()
        expect(page.locator(".text-diff mark").first).to_be_visible()
        if SHOTS.is_dir():
            page.screenshot(path=SHOTS / f"editorial-diff-{scheme}-1280.png", full_page=True)
        context.close()
