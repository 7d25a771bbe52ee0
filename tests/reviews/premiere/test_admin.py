"""Editors schedule premieres on the film's admin page, in their time zone."""

from datetime import datetime, timedelta
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from config.pagecache.stamps import version
from films import services
from films import stamps as film_stamps
from films.models import Premiere
from tests.factories import PremiereFactory
from tests.films.test_admin import film_form, inline_management

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")


def premiere_rows(*rows, initial: int = 0) -> dict:
    data = inline_management("premieres", len(rows), initial=initial)
    for n, row in enumerate(rows):
        data |= {
            f"premieres-{n}-slow_mode_seconds": "30",
            f"premieres-{n}-hold_accounts_younger_than": "1 00:00:00",
            **{f"premieres-{n}-{field}": value for field, value in row.items()},
        }
    return data


def window(start: str, end: str) -> dict:
    """Dates and times as the admin's split widgets take them, in the editor's zone."""
    (start_date, start_time), (end_date, end_time) = start.split(), end.split()
    return {
        "starts_at_0": start_date,
        "starts_at_1": start_time,
        "ends_at_0": end_date,
        "ends_at_1": end_time,
    }


def change(editor_client, film, *rows, initial=0):
    url = reverse("admin:films_film_change", args=[film.pk])
    data = film_form(slug=film.slug, **premiere_rows(*rows, initial=initial))
    return editor_client.post(url, data)


def test_the_film_page_in_the_admin_shows_the_premieres_inline(editor_client, film):
    PremiereFactory(film=film)

    response = editor_client.get(reverse("admin:films_film_change", args=[film.pk]))

    assert response.status_code == HTTPStatus.OK
    assert "premieres-TOTAL_FORMS" in response.text
    assert "In Asia/Seoul time." in response.text


def test_an_editor_schedules_a_premiere_in_their_time_zone(editor_client, film):
    response = change(editor_client, film, window("2026-12-05 20:00:00", "2026-12-05 21:30:00"))

    assert response.status_code == HTTPStatus.FOUND
    premiere = Premiere.objects.get()
    assert premiere.starts_at == datetime(2026, 12, 5, 20, 0, tzinfo=SEOUL)
    assert premiere.ends_at == datetime(2026, 12, 5, 21, 30, tzinfo=SEOUL)


def test_a_premiere_ending_before_it_starts_is_refused_with_a_message(editor_client, film):
    response = change(editor_client, film, window("2026-12-05 21:00:00", "2026-12-05 20:00:00"))

    assert response.status_code == HTTPStatus.OK
    assert "A premiere must end after it starts." in response.text
    assert not Premiere.objects.exists()


def test_a_premiere_overlapping_a_scheduled_one_is_refused(editor_client, film):
    start = datetime(2026, 12, 5, 20, 0, tzinfo=SEOUL)
    existing = PremiereFactory(film=film, starts_at=start, ends_at=start + timedelta(hours=2))
    kept = {
        "id": str(existing.pk),
        "film": str(film.pk),
        **window("2026-12-05 20:00:00", "2026-12-05 22:00:00"),
    }

    response = change(
        editor_client, film, kept, window("2026-12-05 21:00:00", "2026-12-05 23:00:00"), initial=1
    )

    assert response.status_code == HTTPStatus.OK
    overlap = "This premiere overlaps another of the same film (2026-12-05 20:00–22:00)"  # noqa: RUF001
    assert overlap in response.text
    assert Premiere.objects.count() == 1


def test_two_new_overlapping_premieres_are_refused_together(editor_client, film):
    response = change(
        editor_client,
        film,
        window("2026-12-05 20:00:00", "2026-12-05 22:00:00"),
        window("2026-12-05 21:00:00", "2026-12-05 23:00:00"),
    )

    assert response.status_code == HTTPStatus.OK
    assert "Two of these premieres overlap." in response.text
    assert not Premiere.objects.exists()


@pytest.mark.parametrize("bad", ["soon", "2026-13-45", ""])
def test_bad_dates_get_a_message_and_keep_the_text(editor_client, film, bad):
    row = window("2026-12-05 20:00:00", "2026-12-05 21:30:00") | {"starts_at_0": bad}

    response = change(editor_client, film, row)

    assert response.status_code == HTTPStatus.OK
    assert "errorlist" in response.text
    assert not Premiere.objects.exists()


def test_a_premiere_next_to_another_is_fine(film):
    start = datetime(2026, 12, 5, 20, 0, tzinfo=SEOUL)
    PremiereFactory(film=film, starts_at=start, ends_at=start + timedelta(hours=2))

    services.premiere_save(
        premiere=Premiere(
            film=film, starts_at=start + timedelta(hours=2), ends_at=start + timedelta(hours=4)
        )
    )

    assert Premiere.objects.count() == 2


def test_the_service_refuses_an_overlap_from_the_shell_too(film):
    start = datetime(2026, 12, 5, 20, 0, tzinfo=SEOUL)
    PremiereFactory(film=film, starts_at=start, ends_at=start + timedelta(hours=2))

    with pytest.raises(ValidationError, match="overlaps"):
        services.premiere_save(
            premiere=Premiere(film=film, starts_at=start, ends_at=start + timedelta(hours=1))
        )


def test_scheduling_a_premiere_makes_its_film_pages_stale(film):
    before = version([film_stamps.PREMIERES])
    start = datetime(2026, 12, 5, 20, 0, tzinfo=SEOUL)

    services.premiere_save(
        premiere=Premiere(film=film, starts_at=start, ends_at=start + timedelta(hours=1))
    )

    assert version([film_stamps.PREMIERES]) != before
