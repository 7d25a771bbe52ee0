"""An editor uploads a poster in the admin of the site running as `make serve` runs it (DEBUG
off, gunicorn, collectstatic's files, Redis, uploads on disk), and readers see it."""

import re
from collections.abc import Iterator
from http import HTTPStatus
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, Page, expect

from tests.factories import EditorFactory, FilmFactory, with_production_password
from tests.servers import Server, gunicorn, on_this_database, production_env, run_manage

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "night-sky-2050"


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> Path:
    """Hashed, compressed static files, as `make serve` collects them: once per test run."""
    root = tmp_path_factory.mktemp("static")
    result = run_manage(
        "collectstatic", "--no-input", "-v0", env=production_env(STATIC_ROOT=str(root))
    )
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def media_root(tmp_path) -> Path:
    return tmp_path / "media"


@pytest.fixture
def production_server(collected_static, media_root, tmp_path):
    """The production configuration on this test's database, plain HTTP on loopback."""
    with (
        on_this_database(STATIC_ROOT=str(collected_static), MEDIA_ROOT=str(media_root)) as env,
        gunicorn(env, tmp_path / "app.log") as server,
    ):
        yield server


@pytest.fixture
def editor_with_password():
    return with_production_password(EditorFactory(username="sora"), PASSWORD)


@pytest.fixture
def reader(browser: Browser, viewport) -> Iterator[Page]:
    """A reader who is not signed in, in a browser of their own."""
    context = browser.new_context(viewport=viewport)
    yield context.new_page()
    context.close()


def poster_png() -> bytes:
    """A small night-sky poster: a planet and a few stars on dark blue."""
    image = Image.new("RGB", (600, 900), (14, 22, 64))
    draw = ImageDraw.Draw(image)
    draw.ellipse((170, 260, 430, 520), fill=(236, 140, 72))
    for x, y in [(80, 90), (500, 140), (300, 700), (120, 620), (460, 780)]:
        draw.ellipse((x - 6, y - 6, x + 6, y + 6), fill=(250, 244, 210))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def assert_poster_loaded(page: Page) -> list[str]:
    """The film page's poster was fetched and decoded; returns the addresses it came from."""
    poster = page.locator(".film__poster img.poster")
    expect(poster).to_be_visible()
    # decode() settles once the image has loaded: it rejects for a broken one.
    loaded = poster.evaluate(
        "async img => { await img.decode(); return [img.naturalWidth, img.currentSrc, img.src]; }"
    )
    natural_width, current_src, src = loaded
    assert natural_width > 0
    return [current_src, src]


def test_editor_uploads_a_poster_in_the_admin_and_readers_see_it_on_the_film_page(
    page: Page,
    reader: Page,
    production_server: Server,
    media_root: Path,
    editor_with_password,
    screenshot,
):
    film = FilmFactory(title="Lost in Starlight", slug="lost-in-starlight")
    base = production_server.base
    console = []
    page.on("console", lambda message: console.append(message.text))
    reader.on("console", lambda message: console.append(message.text))
    # A reader opens the page first, so the page cache holds it without a poster.
    reader.goto(f"{base}{film.get_absolute_url()}")
    expect(reader.locator(".film__poster .poster--drawn")).to_be_visible()

    page.goto(f"{base}/admin/films/film/")
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next="))
    page.get_by_label("Login").fill("sora")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("link", name="Lost in Starlight").click()
    # The admin puts a file field in a fieldset of its own, named by its legend.
    page.get_by_role("group", name="Poster").locator("input[type=file]").set_input_files(
        {"name": "starlight.png", "mimeType": "image/png", "buffer": poster_png()}
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    film.refresh_from_db()
    assert film.poster.name.startswith("posters/starlight")
    assert (media_root / film.poster.name).is_file()
    assert len(film.poster_variants) == 3

    reader.reload()  # anonymous: the page cache must not keep the page without its poster
    page.goto(f"{base}{film.get_absolute_url()}")  # signed in: rendered for the editor
    for viewer in (reader, page):
        addresses = assert_poster_loaded(viewer)
        for address in addresses:
            assert address.startswith(f"{base}/media/posters/"), address
            response = viewer.request.get(address)
            assert response.status == HTTPStatus.OK, address
            assert response.headers["content-type"] in {"image/png", "image/webp"}
            assert response.headers["x-content-type-options"] == "nosniff"
            assert response.headers["cache-control"] == "public, max-age=86400"
    assert [text for text in console if "Content Security Policy" in text] == []
    screenshot("film-poster-uploaded")
