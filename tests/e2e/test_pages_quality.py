"""Every kind of page, as a new reader meets it: in English and Korean, in light and dark, on a
phone and a desktop.

axe-core (in Chromium) finds no accessibility violations, no page scrolls sideways from 360 to
1440 px, the Nu HTML Checker finds no errors in the HTML as served, and screenshots of every
page are left in test-artifacts/screenshots/<page>-<language>-<width>-<scheme>.png for people to look at.
"""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Browser

from reviews.diary import services as diary
from reviews.discussion.models import Comment
from tests.e2e.conftest import CHROMIUM, CHROMIUM_FLAGS, SCREENSHOTS
from tests.factories import (
    CommentFactory,
    CommentReportFactory,
    CreditFactory,
    EditorFactory,
    FilmFactory,
    GenreFactory,
    ModeratorFactory,
    PersonFactory,
    ReviewFactory,
    SceneFactory,
    UserFactory,
    WatchOptionFactory,
)

VNU_JAR = Path(__file__).resolve().parents[2] / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar"
# Axe, screenshots and the sideways-scroll check at a phone and a desktop width; the
# sideways-scroll check also at the narrowest phone and a wide screen next to them.
WIDTHS = {390: 360, 1280: 1440}
HEIGHT = 900
AXE = Axe()


def build_site() -> dict[str, tuple[str, str | None]]:
    """A small site with one of everything; returns page name -> (path, who is signed in)."""
    drama = GenreFactory(name="Drama", slug="drama")
    film = FilmFactory(
        lost_in_starlight=True,
        tagline="Between Earth and Mars, a song.",
        countries=["South Korea"],
        languages=["Korean"],
    )
    film.genres.add(drama)
    director = PersonFactory(
        name="Han Ji-won", slug="han-ji-won", original_name="한지원", bio="Animator and director."
    )
    CreditFactory(film=film, person=director)
    CreditFactory(
        film=film, person=PersonFactory(name="Kim Tae-ri"), role="voice", character_name="Nan-young"
    )
    WatchOptionFactory(film=film, region="Worldwide")
    FilmFactory(title="The Sky Between Us", slug="the-sky-between-us")  # a drawn poster card

    author = EditorFactory(username="critic", profile__display_name="Min Critic")
    review = ReviewFactory(
        film=film,
        author=author,
        slug="a-farewell-written-in-the-stars",
        headline="A farewell written in the stars",
        standfirst="Seoul in 2050 has never looked lonelier, or lovelier.",
        body=(
            "## The sky\n\nA *gorgeous* film about distance, with a "
            "[turntable](https://www.netflix.com/) at its heart.\n\n"
            "> Love at interplanetary range.\n\n## The sound\n\n- Vinyl\n- Static\n"
        ),
        rating=9,
        contains_spoilers=True,
    )
    ReviewFactory(film=film, headline="Static on the line to Mars", rating=7)

    reader = UserFactory(username="rea", profile__display_name="Rea")
    nan = UserFactory(username="nan", profile__display_name="Nan")
    first = CommentFactory(review=review, author=nan, body="The ||ending|| made me call my mother.")
    CommentFactory(review=review, author=reader, parent=first, body="Same, that *needle drop*!")
    CommentFactory(review=review, author=reader, body="Has anyone seen it [twice](/films/)?")
    CommentFactory(
        review=review,
        author=UserFactory(username="newbie"),
        status=Comment.Status.PENDING,
        held_reason="New account: first comment is reviewed",
        body="My first comment here!",
    )
    CommentReportFactory(comment=first, reporter=UserFactory(username="picky"), reason="spam")
    launch = SceneFactory(film=film, number=1, title="Launch day", slug="launch-day", start=0)
    SceneFactory(film=film, number=2, title="The repair shop", slug="repair-shop", start=1200)
    CommentFactory(review=review, author=nan, body="At 0:25 the shop bell rings.", timecode=1500)
    CommentFactory(scene=launch, review=None, author=reader, body="The city, first.", timecode=30)
    ModeratorFactory(username="mod")

    diary.watch_log(reader=reader, film=film, score=9, tags=["netflix"], review="Loved it.")
    diary.watch_log(reader=nan, film=film, score=6)
    diary.watchlist_add(reader=reader, film=FilmFactory(title="Suzume", slug="suzume"))

    return {
        "home": ("/en/", None),
        "film-list": ("/en/films/", None),
        "film": (film.get_absolute_url(), None),
        "person": (director.get_absolute_url(), None),
        "review-list": ("/en/reviews/", None),
        "review": (review.get_absolute_url(), "rea"),
        "search": ("/en/search/?q=starlight", None),
        "sign-in": ("/en/accounts/login/", None),
        "sign-up": ("/en/accounts/signup/", None),
        "profile": ("/en/account/profile/", "rea"),
        "film-signed-in": (film.get_absolute_url(), "rea"),
        "log-watch": (f"/en/films/{film.slug}/log/", "rea"),
        "diary": ("/en/readers/rea/diary/", None),
        "reader-profile": ("/en/readers/rea/", None),
        "watchlist": ("/en/watchlist/", "rea"),
        "moderation-queue": ("/en/moderation/", "mod"),
        "moderation-dashboard": ("/en/moderation/dashboard/", "mod"),
        "scene": (launch.get_absolute_url(), None),
        "scene-signed-in": (launch.get_absolute_url(), "rea"),
        "not-found": ("/en/films/no-such-film/", None),
        "forbidden": ("/en/moderation/", "rea"),
    }


def signed_in_client(username: str | None) -> Client:
    client = Client()
    if username:
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username=username))
    return client


def axe_report(results) -> list[str]:
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:4])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    return lines


def in_language(pages: dict, language: str) -> dict:
    """The same pages at their addresses in `language`."""
    return {
        name: (re.sub(r"^/en/", f"/{language}/", path), username)
        for name, (path, username) in pages.items()
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_kind_of_page_has_no_axe_violations_and_never_scrolls_sideways(
    browser: Browser, live_server, scheme, width, language
):
    pages = in_language(build_site(), language)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tabs = {}  # one context per signed-in person, reused across pages
    problems = []
    for name, (path, username) in pages.items():
        if username not in tabs:
            context = browser.new_context(
                color_scheme=scheme,
                reduced_motion="reduce",  # steady screenshots; motion has its own test
                viewport={"width": width, "height": HEIGHT},
            )
            client = signed_in_client(username)
            if username:
                cookie = client.cookies["sessionid"]
                context.add_cookies(
                    [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]
                )
            tabs[username] = context.new_page()
        page = tabs[username]
        page.set_viewport_size({"width": width, "height": HEIGHT})
        page.goto(f"{live_server.url}{path}")
        page.screenshot(
            path=SCREENSHOTS / f"{name}-{language}-{width}-{scheme}.png", full_page=True
        )
        problems += [
            f"{name} ({language}) at {width} px: {line}"
            for line in axe_report(AXE.run(page, options={"resultTypes": ["violations"]}))
        ]
        for size in (width, WIDTHS[width]):
            page.set_viewport_size({"width": size, "height": HEIGHT})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{name} ({language}) at {size} px: scrolls {overflow} px sideways")
    for page in tabs.values():
        page.context.close()

    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_every_kind_of_page_is_valid_html(tmp_path):
    """The Nu HTML Checker on each page's HTML exactly as served, in both languages; warnings
    are allowed."""
    assert VNU_JAR.exists(), "The Nu HTML Checker is missing: run `make tools`."
    files = {}
    site = build_site()
    for language in ("en", "ko"):
        for name, (path, username) in in_language(site, language).items():
            response = signed_in_client(username).get(path)
            assert response.status_code in {200, 403, 404}, f"{name}: {response.status_code}"
            files[f"{name}-{language}"] = tmp_path / f"{name}-{language}.html"
            files[f"{name}-{language}"].write_bytes(response.content)

    # One Java start for all pages: the checker takes many files.
    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(checked.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).stem} line {m.get('lastLine', '?')}: {m['message']}"
        f" — {m.get('extract', '').strip()[:120]}"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]
    assert not errors, "\n".join(errors)


LIGHTHOUSE = Path(__file__).resolve().parents[2] / "var/tools/lighthouse/node_modules/lighthouse"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_lighthouse_seo_audit_passes_hreflang_in_each_language(live_server, language):
    """Lighthouse's SEO category in Debian's Chromium, on the film page in each language: its
    hreflang audit passes (each page names its other-language version and x-default) and so
    does every other SEO audit."""
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `make tools`."
    film = FilmFactory(lost_in_starlight=True, title_ko="이 별에 필요한")
    url = f"{live_server.url}/{language}/films/{film.slug}/"
    audited = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE / "cli" / "index.js"),
            url,
            "--only-categories=seo",
            "--output=json",
            "--quiet",
            f"--chrome-flags=--headless {' '.join(CHROMIUM_FLAGS)}",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    report = json.loads(audited.stdout)
    assert report["audits"]["hreflang"]["score"] == 1, report["audits"]["hreflang"]
    failed = [
        ref["id"]
        for ref in report["categories"]["seo"]["auditRefs"]
        if report["audits"][ref["id"]]["score"] not in (None, 1) and ref["weight"]
    ]
    assert failed == []
