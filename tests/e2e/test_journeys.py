"""A reader and an editor, each in a real browser, doing what they came to do."""

import re

import pytest
from playwright.sync_api import Page, expect

from reviews.models import Review
from tests.factories import CreditFactory, EditorFactory, FilmFactory, PersonFactory, ReviewFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def lost_in_starlight():
    film = FilmFactory(
        title="Lost in Starlight",
        original_title="이 별에 필요한",
        slug="lost-in-starlight",
        tagline="Between Earth and Mars, a song.",
    )
    CreditFactory(film=film, person=PersonFactory(name="Han Ji-won", slug="han-ji-won"))
    return film


def test_reader_goes_from_home_to_film_to_review(
    page: Page, live_server, lost_in_starlight, screenshot
):
    ReviewFactory(
        film=lost_in_starlight,
        headline="A farewell written in the stars",
        standfirst="Seoul in 2050 has never looked lonelier, or lovelier.",
        body="## The sky\n\nA *gorgeous* film about distance.",
        rating=9,
    )

    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lost in Starlight")
    screenshot("home")

    page.get_by_role("link", name="Credits, ratings and where to watch").click()
    expect(page).to_have_url(re.compile(r"/en/films/lost-in-starlight/$"))
    expect(page.get_by_role("link", name="Han Ji-won").first).to_be_visible()
    screenshot("film")

    page.get_by_role("link", name="A farewell written in the stars").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A farewell written in the stars")
    expect(page.get_by_role("img", name="Rated 9 out of 10").first).to_be_visible()
    expect(page.locator(".review__body h2")).to_have_text("The sky")
    screenshot("review")


def test_editor_writes_and_publishes_a_review_that_a_reader_then_sees(
    page: Page, live_server, lost_in_starlight, browser, viewport
):
    EditorFactory(username="sora", password="night-sky-2050")
    # The Content-Security-Policy must not block anything the admin needs: Chromium reports
    # each thing it refuses as a console error naming the policy.
    console_errors = []
    page.on("console", lambda message: console_errors.append(message.text))

    # The admin signs in through the site's own (throttled) sign-in page, then returns.
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next=%2Fadmin%2F$"))
    page.get_by_label("Login").fill("sora")
    page.get_by_label("Password").fill("night-sky-2050")
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("link", name=re.compile("Add review")).click()

    # The film field is an autocomplete (select2): open it, type, pick the match.
    page.locator(".field-film .select2-selection").click()
    page.locator(".select2-search__field").fill("Lost")
    page.get_by_role("option", name="Lost in Starlight").click()
    page.get_by_label("Headline").press_sequentially("Static on the line to Mars")
    expect(page.get_by_label("Slug")).to_have_value("static-on-the-line-to-mars")
    page.get_by_label("Standfirst").fill("A love story told across a delay of minutes.")
    page.get_by_label("Body").fill("## Sound\n\nThe turntable scene *sings*.")
    page.get_by_label("Rating").fill("8")
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert [text for text in console_errors if "Content Security Policy" in text] == []
    assert Review.objects.published().filter(slug="static-on-the-line-to-mars").exists()

    reader = browser.new_context(viewport=viewport).new_page()
    reader.goto(f"{live_server.url}/reviews/")
    reader.get_by_role("link", name="Static on the line to Mars").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Static on the line to Mars")
    expect(reader.locator(".byline")).to_contain_text("Sora")
