"""The site with a keyboard only, on a phone's fingers, in a dark room and on paper."""

import re

import pytest
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_pages_quality import build_site

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}
MIN_TARGET = 44  # px; inline links in prose are exempt (WCAG 2.5.8's inline exception)


@pytest.fixture
def site():
    return build_site()


def open_as(browser: Browser, live_server, username: str | None = None, **context_args) -> Page:
    context = browser.new_context(**context_args)
    if username:
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        session = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return context.new_page()


def tab_to(page: Page, selector: str, limit: int = 120) -> None:
    """Press Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab")


FOCUS_RING = """() => {
  const style = getComputedStyle(document.activeElement);
  return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
    || style.boxShadow !== "none";
}"""


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_main(
    browser: Browser, live_server, site
):
    page = open_as(browser, live_server, viewport=PHONE)
    page.goto(f"{live_server.url}/films/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0  # on screen, not just in the DOM
    assert box["height"] >= MIN_TARGET
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside the page's content
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_focus_stop_in_the_header_and_filters_shows_a_focus_ring(
    browser: Browser, live_server, site, scheme
):
    page = open_as(browser, live_server, "rea", color_scheme=scheme)
    page.goto(f"{live_server.url}/films/")
    unringed = []
    for _ in range(14):  # skip link, header links, search, account, theme, filters, button
        page.keyboard.press("Tab")
        if not page.evaluate(FOCUS_RING):
            unringed.append(page.evaluate("document.activeElement.outerHTML.slice(0, 90)"))
    assert not unringed, unringed


def test_spoiler_is_a_checkbox_revealed_with_space_and_a_reply_is_posted_by_keyboard(
    browser: Browser, live_server, site
):
    page = open_as(browser, live_server, "rea", viewport=PHONE)
    page.goto(f"{live_server.url}{site['review'][0]}")

    spoiler = page.get_by_role("checkbox", name="Reveal spoiler")
    expect(spoiler).not_to_be_checked()
    tab_to(page, ".spoiler__toggle")
    # The checkbox itself is invisible; its ring is drawn around the hidden words.
    assert page.evaluate(
        "getComputedStyle(document.activeElement.nextElementSibling).outlineStyle !== 'none'"
    )
    page.keyboard.press("Space")
    expect(spoiler).to_be_checked()
    assert page.locator(".spoiler__text").evaluate("e => getComputedStyle(e).color") != (
        "rgba(0, 0, 0, 0)"
    )

    # Reply to Nan: Tab to the "Reply" disclosure, open it, write, send, all by keyboard.
    tab_to(page, ".reply > summary")
    expect(page.locator(".reply").first).to_have_js_property("open", False)
    page.keyboard.press("Enter")
    expect(page.locator(".reply").first).to_have_js_property("open", True)
    reply = page.locator(".reply").first
    page.keyboard.press("Tab")
    expect(reply.get_by_label("Reply to Nan")).to_be_focused()
    page.keyboard.type("Typed without a mouse.")
    # Past the reply's time in the film, its scene and its spoiler flag, to the button.
    tab_to(page, ".reply[open] button[type=submit]", limit=6)
    expect(reply.get_by_role("button", name="Post reply")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".comment", has_text="Typed without a mouse.")).to_be_visible()


def test_form_errors_are_announced_and_linked_to_their_fields(browser: Browser, live_server, site):
    page = open_as(browser, live_server, viewport=PHONE)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Password:", exact=True).press("Enter")  # empty form

    alert = page.locator("main").get_by_role("alert")
    expect(alert).to_be_visible()
    login = page.get_by_label("Login")
    expect(login).to_have_attribute("aria-invalid", "true")
    described = login.get_attribute("aria-describedby") or ""
    assert any(page.locator(f"#{id_}").count() for id_ in described.split()), described


TARGETS = """() => {
  const selector = [
    "button", "input:not([type=hidden])", "select", "textarea", "summary",
    ".site-nav a", ".account-nav a", ".desk-nav a", ".pagination a", "a.button",
    ".thread-sort a", ".search-kinds a", ".comment__action", ".skip-link",
  ].join(",");
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest(".visually-hidden, .field--trap, .spoiler")) continue;  // spoilers are inline
    let box = el.getBoundingClientRect();
    if (el.matches("input[type=checkbox], input[type=radio]")) {
      // The target is the control with its label (the label is clickable too).
      const label = el.labels && el.labels[0];
      const parent = el.parentElement.getBoundingClientRect();
      box = label ? parent : box;
    }
    if (!box.width && !box.height) continue;  // not rendered (closed <details>, hidden)
    if (box.height < 44 || box.width < 44) {
      small.push(`${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


def test_touch_targets_are_at_least_44_px_on_a_phone(browser: Browser, live_server, site):
    small = []
    for name in (
        "home",
        "film-list",
        "film",
        "review",
        "search",
        "sign-in",
        "sign-up",
        "profile",
        "moderation-queue",
        "moderation-dashboard",
    ):
        path, username = site[name]
        page = open_as(browser, live_server, username, viewport=PHONE)
        page.goto(f"{live_server.url}{path}")
        small += [f"{name}: {item}" for item in page.evaluate(TARGETS)]
        page.context.close()
    assert not small, "\n".join(small)


BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def test_theme_follows_the_system_and_a_choice_is_remembered(browser: Browser, live_server, site):
    page = open_as(browser, live_server, color_scheme="dark")
    page.goto(live_server.url)
    toggle = page.get_by_role("button", name="Dark theme")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    dark = page.evaluate(BACKGROUND)

    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    light = page.evaluate(BACKGROUND)
    assert light != dark

    page.reload()
    expect(page.locator("html")).to_have_attribute("data-theme", "light")
    expect(page.get_by_role("button", name="Dark theme")).to_have_attribute("aria-pressed", "false")
    assert page.evaluate(BACKGROUND) == light
    page.goto(f"{live_server.url}/films/")  # and on every other page
    assert page.evaluate(BACKGROUND) == light

    # Someone else, whose system is light, gets light without choosing anything.
    other = open_as(browser, live_server, color_scheme="light")
    other.goto(live_server.url)
    expect(other.get_by_role("button", name="Dark theme")).to_have_attribute(
        "aria-pressed", "false"
    )
    assert other.evaluate(BACKGROUND) == light


@pytest.mark.parametrize(("scheme", "expected"), [("light", "light"), ("dark", "dark")])
def test_without_javascript_the_site_follows_the_system(
    browser: Browser, live_server, site, scheme, expected
):
    page = open_as(browser, live_server, color_scheme=scheme, java_script_enabled=False)
    page.goto(live_server.url)
    expect(page.locator("#theme-toggle")).to_be_hidden()  # it would do nothing
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == expected


def test_theme_script_runs_before_first_paint(client, site):
    html = client.get("/en/").content.decode()
    head = html[: html.index("</head>")]
    tag = re.search(r"<script [^>]*js/theme\.js[^>]*>", head)[0]
    assert " defer" not in tag
    assert " async" not in tag
    assert head.index("js/theme.js") < head.index("css/site.css")


def test_reduced_motion_stops_the_animations(browser: Browser, live_server, site):
    animation = "getComputedStyle(document.querySelector('.hero__sky'), '::before').animationName"
    moving = open_as(browser, live_server, reduced_motion="no-preference")
    moving.goto(live_server.url)
    assert moving.evaluate(animation) == "twinkle"
    still = open_as(browser, live_server, reduced_motion="reduce")
    still.goto(live_server.url)
    assert still.evaluate(animation) == "none"
    assert still.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"


def test_review_prints_black_on_white_without_the_site_around_it(
    browser: Browser, live_server, site
):
    page = open_as(browser, live_server, "rea", color_scheme="dark")
    page.goto(f"{live_server.url}{site['review'][0]}")
    page.emulate_media(media="print")

    for hidden in (".site-nav", ".site-search", ".account-nav", ".comment-form", ".thread-sort"):
        expect(page.locator(hidden).first).to_be_hidden()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.locator(".review__body p").first.evaluate("e => getComputedStyle(e).color") == (
        "rgb(0, 0, 0)"
    )
    link_after = page.locator(".review__body a").first.evaluate(
        "e => getComputedStyle(e, '::after').content"
    )
    assert "https://www.netflix.com/" in link_after
    page.pdf(path=SCREENSHOTS / "review-print.pdf")
