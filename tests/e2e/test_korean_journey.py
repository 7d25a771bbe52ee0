"""A Korean reader, in Korean, on a phone (360 and 390 px) and a desktop (1280 px): their browser's
language brings them to the Korean site; they search by initial consonants (초성), read the film
page with Korean dates and running time, sign in and rate it, then switch to English and land on
the same page. Nothing overflows and no label in the header wraps."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from films.models import Credit
from reviews.diary.models import Rating
from tests.e2e.test_pages_quality import axe_report
from tests.factories import CreditFactory, FilmFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Each link and button of the header: a label broken over two lines reads badly in Korean.
HEADER_LABELS = ".site-header a, .site-header button:not([hidden])"


def assert_laid_out(page, where: str) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{where}: scrolls {overflow} px sideways"
    # A label wraps when some of its text starts below where its first line ends.
    wrapped = page.eval_on_selector_all(
        HEADER_LABELS,
        """elements => elements
            .filter(e => e.offsetParent !== null)
            .filter(e => {
                const range = document.createRange();
                range.selectNodeContents(e);
                const boxes = [...range.getClientRects()].filter(r => r.width > 1 && r.height > 1);
                if (boxes.length < 2) return false;
                const firstLineEnds = Math.min(...boxes.map(r => r.bottom));
                return boxes.some(r => r.top >= firstLineEnds - 1);
            })
            .map(e => e.textContent.trim())""",
    )
    assert wrapped == [], f"{where}: header labels wrap: {wrapped}"


@pytest.mark.parametrize("width", [360, 390, 1280])
def test_a_korean_reader_finds_reads_rates_and_switches_language(
    browser: Browser, live_server, width
):
    film = FilmFactory(
        lost_in_starlight=True,
        title_ko="이 별에 필요한",
        tagline_ko="한 사람은 화성으로 떠나고, 한 사람은 지구에 남는다.",
        release_date=date(2025, 5, 30),
        running_time=96,
    )
    CreditFactory(
        film=film,
        person=PersonFactory(name="Kim Tae-ri", name_ko="김태리", slug="kim-tae-ri"),
        role=Credit.Role.VOICE,
    )
    UserFactory(username="nan", password="mars-is-far-2050")
    context = browser.new_context(
        locale="ko-KR", viewport={"width": width, "height": 900}, reduced_motion="reduce"
    )
    page = context.new_page()

    page.goto(live_server.url + "/")
    expect(page).to_have_url(f"{live_server.url}/ko/")
    assert page.get_attribute("html", "lang") == "ko"
    assert_laid_out(page, "home")

    page.get_by_role("searchbox", name="영화, 인물, 리뷰 검색").fill("ㅇㅂㅇㅍㅇㅎ")
    page.get_by_role("button", name="검색").click()
    page.get_by_role("link", name="이 별에 필요한").first.click()
    expect(page).to_have_url(f"{live_server.url}/ko/films/lost-in-starlight/")
    facts = page.locator(".facts")
    expect(facts).to_contain_text("개봉일")
    expect(facts).to_contain_text("2025년 5월 30일")
    expect(facts).to_contain_text("1시간 36분")
    expect(page.get_by_role("link", name="김태리")).to_be_visible()
    assert_laid_out(page, "film page")
    violations = axe_report(Axe().run(page))
    assert not violations, violations

    page.get_by_role("link", name="로그인").first.click()
    page.locator("input[name=login]").fill("nan")
    page.locator("input[name=password]").fill("mars-is-far-2050")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/ko/films/lost-in-starlight/")
    page.locator(".star-input label").nth(7).click()  # four stars
    page.locator(".rating-form button[type=submit]").click()
    expect(page.locator("#readers-score")).to_contain_text("별점 1개")
    assert Rating.objects.get().score == 8
    assert_laid_out(page, "film page, signed in")

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/films/lost-in-starlight/")
    assert page.get_attribute("html", "lang") == "en"
    expect(page.locator(".facts")).to_contain_text("30 May 2025")
    # Remembered: an address without a language now brings them to English.
    page.goto(live_server.url + "/films/")
    expect(page).to_have_url(f"{live_server.url}/en/films/")
    context.close()
