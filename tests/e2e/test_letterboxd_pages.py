"""The Letterboxd pages in a browser: an upload refused and then imported, the report, at a
phone's and a desktop's width, with no axe violations and nothing scrolling sideways."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_pages_quality import axe_report
from tests.factories import FilmFactory, UserFactory
from tests.reviews.diary.letterboxd.conftest import csv_text

AXE = Axe()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_import_journey_is_accessible_and_fits(browser: Browser, live_server, tmp_path, width):
    reader = UserFactory(username="lina")
    FilmFactory(title="Lost in Starlight", slug="lost-in-starlight", release_date=date(2025, 5, 30))
    client = Client()
    client.force_login(reader)
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    problems = []

    def check(name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"letterboxd-{name}-{width}.png", full_page=True)
        problems.extend(
            f"{name}: {line}"
            for line in axe_report(AXE.run(page, options={"resultTypes": ["violations"]}))
        )
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.append(f"{name}: scrolls {overflow} px sideways")

    page.goto(f"{live_server.url}/account/letterboxd/")
    check("page")

    bad = tmp_path / "ratings.csv"
    bad.write_text("Date,Name,Year\n")
    page.get_by_label("Your Letterboxd export").set_input_files(bad)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("alert")).to_contain_text("has no column Rating")
    check("error")

    good = tmp_path / "diary.csv"
    good.write_text(
        csv_text(
            "diary",
            {
                "Name": "Lost in Starlight",
                "Year": "2025",
                "Rating": "4.5",
                "Watched Date": "2025-06-01",
            },
            {"Name": "A film with a very long title that goes on " * 3, "Year": "1999"},
            {"Name": "Lost in Starlight", "Year": "2025", "Watched Date": "01/06/2025"},
        )
    )
    page.get_by_label("Your Letterboxd export").set_input_files(good)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", name="Report")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Not matched")
    expect(page.locator("table")).to_contain_text("is not a date like 2024-03-31")
    check("report")
    context.close()

    assert not problems, "\n".join(problems)
