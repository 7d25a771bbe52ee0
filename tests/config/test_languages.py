"""Addresses name their language (/en/, /ko/); a first visit goes by Accept-Language; the
language menu switches, remembers and lands on the same page; each page names its language
and links its other-language version; the page cache keeps each language apart."""

from __future__ import annotations

import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from reviews.readers.models import Profile
from tests.factories import FilmFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def film():
    return FilmFactory(slug="lost-in-starlight", title="Lost in Starlight")


def html_lang(response) -> str:
    return re.search(rb'<html lang="([^"]+)"', response.content).group(1).decode()


@pytest.mark.parametrize(
    ("accept_language", "lands_on"),
    [
        ("ko-KR,ko;q=0.9,en-US;q=0.8", "/ko/"),
        ("ko", "/ko/"),
        ("en-US,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("ja,en;q=0.5", "/en/"),
        ("", "/en/"),
    ],
)
def test_a_first_visit_goes_by_accept_language(client, accept_language, lands_on):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == lands_on
    # Which language depends on who asks: no proxy may hand it to another reader.
    assert "Accept-Language" in response["Vary"]
    assert "Cookie" in response["Vary"]
    assert "private" in response["Cache-Control"]


def test_a_deep_link_without_a_language_keeps_its_path_and_query(client, film):
    response = client.get("/films/lost-in-starlight/?tab=cast", headers={"accept-language": "ko"})
    assert response["Location"] == "/ko/films/lost-in-starlight/?tab=cast"


def test_the_language_in_the_address_wins_over_accept_language(client, film):
    response = client.get("/en/films/lost-in-starlight/", headers={"accept-language": "ko"})
    assert response.status_code == HTTPStatus.OK
    assert html_lang(response) == "en"
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_page_names_its_language_and_links_the_other(client, film, language):
    response = client.get(f"/{language}/films/lost-in-starlight/")
    assert html_lang(response) == language
    content = response.content.decode()
    for code in ("en", "ko"):
        assert (
            f'<link rel="alternate" hreflang="{code}" '
            f'href="http://testserver/{code}/films/lost-in-starlight/">'
        ) in content
    assert (
        '<link rel="alternate" hreflang="x-default" '
        'href="http://testserver/films/lost-in-starlight/">'
    ) in content
    locale = {"en": "en_GB", "ko": "ko_KR"}[language]
    assert f'<meta property="og:locale" content="{locale}">' in content


def test_the_menu_offers_the_other_language_in_its_own_words(client, film):
    english = client.get("/en/films/lost-in-starlight/").content.decode()
    korean = client.get("/ko/films/lost-in-starlight/").content.decode()
    assert 'name="language" value="ko" lang="ko">' in english
    assert "한국어</button>" in english
    assert 'name="language" value="en" lang="en">' in korean
    assert "English</button>" in korean
    assert 'name="next" value="/en/films/lost-in-starlight/"' in english


def test_the_menu_switches_lands_on_the_same_page_and_remembers(client, film):
    response = client.post(
        reverse("set_language"), {"language": "ko", "next": "/en/films/lost-in-starlight/"}
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/ko/films/lost-in-starlight/"
    assert client.cookies["django_language"].value == "ko"
    # Remembered: an address without a language now goes to Korean, whatever the browser says.
    again = client.get("/films/", headers={"accept-language": "en"})
    assert again["Location"] == "/ko/films/"


def test_the_menu_works_for_visitors_without_a_csrf_token(film):
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post(
        reverse("set_language"), {"language": "ko", "next": "/en/films/lost-in-starlight/"}
    )
    assert response["Location"] == "/ko/films/lost-in-starlight/"


def test_a_signed_in_readers_switch_is_csrf_checked(film):
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(UserFactory(username="switcher"))
    forged = reader.post(reverse("set_language"), {"language": "ko", "next": "/en/films/"})
    assert forged.status_code == HTTPStatus.FORBIDDEN
    assert Profile.objects.get(user__username="switcher").language == ""
    page = reader.get("/en/films/lost-in-starlight/")
    token = re.search(
        rb'action="/language/">\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"',
        page.content,
    )
    assert token, "the signed-in reader's menu carries a token"
    switched = reader.post(
        reverse("set_language"),
        {"language": "ko", "next": "/en/films/", "csrfmiddlewaretoken": token.group(1).decode()},
    )
    assert switched["Location"] == "/ko/films/"
    # Kept on the profile for the e-mails the site sends later.
    assert Profile.objects.get(user__username="switcher").language == "ko"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_the_menu_never_leaves_the_site(client, next_url):
    response = client.post(reverse("set_language"), {"language": "ko", "next": next_url})
    assert response.status_code == HTTPStatus.FOUND
    assert "evil" not in response["Location"]


def test_an_unknown_language_changes_nothing(client):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/en/films/"})
    assert response["Location"] == "/en/films/"
    assert "django_language" not in client.cookies


def test_the_menu_is_a_post_form(client):
    assert client.get(reverse("set_language")).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_reverse_follows_the_active_language(film):
    with translation.override("ko"):
        assert reverse("films:film-list") == "/ko/films/"
    assert reverse("films:film-list") == "/en/films/"


@pytest.mark.parametrize(("remembered", "page", "chosen"), [("ko", "en", "ko"), ("en", "ko", "en")])
def test_the_menu_lands_on_the_same_page_whatever_was_remembered(
    client, film, remembered, page, chosen
):
    """A reader whose cookie says one language, on a page in the other (a shared link)."""
    client.cookies["django_language"] = remembered
    response = client.post(
        reverse("set_language"),
        {"language": chosen, "next": f"/{page}/films/lost-in-starlight/?tab=cast"},
    )
    assert response["Location"] == f"/{chosen}/films/lost-in-starlight/?tab=cast"


def test_the_admin_keeps_one_address_in_the_editors_language(admin_client):
    admin_client.cookies["django_language"] = "ko"
    response = admin_client.get(reverse("admin:index"))
    assert response.status_code == HTTPStatus.OK
    assert reverse("admin:index") == "/admin/"
    assert html_lang(response) == "ko"
    assert "사이트 관리" in response.content.decode()
