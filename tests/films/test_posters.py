"""Posters uploaded through the admin get resized copies, and pages offer them as a srcset."""

from http import HTTPStatus
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from films.images import make_poster_variants
from films.models import Film
from tests.factories import FilmFactory
from tests.films.test_admin import film_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def poster_upload(width: int = 1000, height: int = 1500, name: str = "sky.png"):
    buffer = BytesIO()
    Image.new("RGB", (width, height), (20, 30, 90)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_poster_uploaded_in_the_admin_gets_resized_copies_listed_in_the_srcset(
    editor_client, client, settings, tmp_path
):
    response = editor_client.post(
        reverse("admin:films_film_add"), film_form(poster=poster_upload())
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    film = Film.objects.get(slug="lost-in-starlight")
    assert [(v["width"], v["height"]) for v in film.poster_variants] == [
        (200, 300),
        (400, 600),
        (800, 1200),
    ]
    for variant in film.poster_variants:
        with Image.open(tmp_path / variant["name"]) as copy:
            assert (copy.format, copy.size) == ("WEBP", (variant["width"], variant["height"]))

    page = client.get(film.get_absolute_url()).content.decode()
    for variant in film.poster_variants:
        assert f"/media/{variant['name']} {variant['width']}w" in page
    assert 'width="800" height="1200" loading="eager"' in page  # above the fold on its page
    listing = client.get(reverse("films:film-list")).content.decode()
    assert 'srcset="/media/posters/variants/sky-200w.webp 200w' in listing
    assert 'loading="lazy"' in listing


def test_small_poster_is_not_upscaled_and_a_new_upload_replaces_the_copies(editor_client, tmp_path):
    film = FilmFactory(slug="lost-in-starlight", poster=poster_upload(300, 450, "old.png"))
    make_poster_variants(film)
    old_names = [v["name"] for v in film.poster_variants]
    assert [v["width"] for v in film.poster_variants] == [200, 300]

    response = editor_client.post(
        reverse("admin:films_film_change", args=[film.pk]),
        film_form(poster=poster_upload(500, 750, "new.png")),
    )

    assert response.status_code == HTTPStatus.FOUND
    film.refresh_from_db()
    assert [v["width"] for v in film.poster_variants] == [200, 400, 500]
    assert not any((tmp_path / name).exists() for name in old_names)


def test_film_saved_without_a_new_poster_keeps_its_copies(editor_client):
    film = FilmFactory(slug="lost-in-starlight", poster=poster_upload())
    make_poster_variants(film)

    editor_client.post(reverse("admin:films_film_change", args=[film.pk]), film_form())

    film.refresh_from_db()
    assert len(film.poster_variants) == 3


def test_command_makes_copies_for_every_film_with_a_poster(capsys):
    with_poster = FilmFactory(slug="with", poster=poster_upload())
    FilmFactory(slug="without")

    call_command("make_poster_variants")

    with_poster.refresh_from_db()
    assert len(with_poster.poster_variants) == 3
    assert "with: 200, 400, 800 px" in capsys.readouterr().out
