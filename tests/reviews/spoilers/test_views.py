"""The watch-progress form: cookies for visitors, rows for signed-in readers, bad input kept."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.urls import reverse

from reviews.spoilers import gate as gates
from reviews.spoilers.models import WatchProgress
from tests.factories import FilmFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def film():
    return FilmFactory(running_time=100)


def say(client, film, action="at", position="", next_url="", **extra):
    data = {"action": action, "position": position, "next": next_url}
    return client.post(reverse("spoilers:progress", args=[film.pk]), data, **extra)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("99:99", "Minutes and seconds go up to 59"),
        ("1:45", "after the end of the film"),
        ("-0:45", "Write a time in the film as hours and minutes"),
        ("soon", "Write a time in the film as hours and minutes"),
        ("", "Write how far you have watched"),
    ],
)
@pytest.mark.parametrize("signed_in", [False, True])
def test_bad_input_gets_the_forms_message_and_keeps_the_text(
    client, reader, film, typed, message, signed_in
):
    if signed_in:
        client.force_login(reader)
    response = say(client, film, position=typed)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.text
    assert f'value="{typed}"' in response.text
    assert gates.COOKIE not in response.cookies
    assert not WatchProgress.objects.exists()


def test_bad_input_with_htmx_answers_the_form_alone(client, film):
    response = say(client, film, position="99:99", headers={"HX-Request": "true"})
    assert response.status_code == HTTPStatus.OK
    assert response.text.lstrip().startswith("<form")
    assert 'value="99:99"' in response.text


def test_an_unknown_action_is_refused(client, film):
    response = say(client, film, action="reveal-everything")
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_unknown_film_is_404(client):
    response = client.post(reverse("spoilers:progress", args=[999999]), {"action": "clear"})
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_visitors_progress_goes_into_a_cookie(client, film):
    response = say(client, film, position="0:47", next_url="/en/reviews/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/reviews/"
    cookie = response.cookies[gates.COOKIE]
    assert cookie.value == f"{film.pk}=2820"
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == gates.COOKIE_MAX_AGE
    assert not WatchProgress.objects.exists()


def test_the_cookie_keeps_other_films(client, film):
    other = FilmFactory()
    client.cookies[gates.COOKIE] = f"{other.pk}=done"
    say(client, film, action="gate-off")
    assert client.cookies[gates.COOKIE].value == gates.write_cookie(
        {other.pk: "done", film.pk: "off"}
    )
    say(client, film, action="clear")
    assert client.cookies[gates.COOKIE].value == f"{other.pk}=done"


def test_clearing_the_last_film_deletes_the_cookie(client, film):
    client.cookies[gates.COOKIE] = f"{film.pk}=done"
    response = say(client, film, action="clear")
    assert response.cookies[gates.COOKIE].value == ""
    assert response.cookies[gates.COOKIE]["max-age"] == 0


@pytest.mark.parametrize("elsewhere", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_only_our_own_pages_are_gone_back_to(client, film, elsewhere):
    response = say(client, film, action="finished", next_url=elsewhere)
    assert response["Location"] == film.get_absolute_url()


def test_visitors_form_needs_no_csrf_token(film):
    from django.test import Client

    response = say(Client(enforce_csrf_checks=True), film, action="finished")
    assert response.status_code == HTTPStatus.FOUND


def test_signed_in_readers_form_is_checked_for_csrf(reader, film):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    response = say(client, film, action="finished")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not WatchProgress.objects.exists()


@pytest.mark.parametrize(
    ("action", "position", "state"),
    [
        ("at", "0:45", (2700, False, False)),
        ("finished", "", (None, True, False)),
        ("gate-off", "", (None, False, True)),
    ],
)
def test_signed_in_readers_progress_is_a_row(reader_client, reader, film, action, position, state):
    response = say(reader_client, film, action=action, position=position)
    assert response.status_code == HTTPStatus.FOUND
    assert gates.COOKIE not in response.cookies
    progress = WatchProgress.objects.get(reader=reader, film=film)
    assert (progress.position, progress.finished, progress.gate_off) == state


def test_htmx_success_loads_the_page_again(reader_client, film):
    response = say(
        reader_client, film, position="0:45", next_url="/en/x/", headers={"HX-Request": "true"}
    )
    assert response["HX-Refresh"] == "true"


def test_logging_a_watch_in_the_diary_means_finished(reader_client, reader, film):
    say(reader_client, film, position="0:45")
    reader_client.post(reverse("diary:log", args=[film.slug]), {"watched_on": "2024-01-01"})
    assert WatchProgress.objects.get(reader=reader, film=film).finished


def test_the_film_page_has_the_form(reader, film):
    from django.test import Client

    page = Client().get(film.get_absolute_url()).text
    assert 'id="watch-progress"' in page
    assert "csrfmiddlewaretoken" not in page.split('id="watch-progress"')[1].split("</form>")[0]
    reader_client = Client()
    reader_client.force_login(reader)
    page = reader_client.get(film.get_absolute_url()).text
    assert "csrfmiddlewaretoken" in page.split('id="watch-progress"')[1].split("</form>")[0]
