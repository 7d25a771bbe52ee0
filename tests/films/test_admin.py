"""The film admin as an editor sees it: an Editors member, not a superuser."""

import re
from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from films.models import Credit, Film, Person
from tests.factories import (
    CreditFactory,
    FilmFactory,
    GenreFactory,
    PersonFactory,
    WatchOptionFactory,
)

pytestmark = pytest.mark.django_db


def inline_management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def film_form(**fields) -> dict:
    return {
        "title_en": "Lost in Starlight",
        "original_title": "이 별에 필요한",
        "original_language": "ko",
        "slug": "lost-in-starlight",
        "tagline_en": "",
        "synopsis_en": "",
        "release_date": "2025-05-30",
        "release_date_precision": Film.DatePrecision.DAY,
        "running_time": "96",
        "countries": "South Korea",
        "languages": "Korean",
        **inline_management("credits", 0),
        **inline_management("watch_options", 0),
        **inline_management("scenes", 0),
        **inline_management("premieres", 0),
        **fields,
    }


@pytest.mark.parametrize("model", ["film", "person", "genre"])
def test_editor_sees_the_changelist_and_add_form(editor_client, model):
    FilmFactory()
    PersonFactory()
    GenreFactory()

    changelist = editor_client.get(reverse(f"admin:films_{model}_changelist"))
    add = editor_client.get(reverse(f"admin:films_{model}_add"))

    assert changelist.status_code == HTTPStatus.OK
    assert add.status_code == HTTPStatus.OK


def test_editor_adds_a_film_with_credits_and_where_to_watch(editor_client):
    director = PersonFactory(name="Han Ji-won")
    voice = PersonFactory(name="Kim Tae-ri")
    drama = GenreFactory(name="Drama")

    response = editor_client.post(
        reverse("admin:films_film_add"),
        film_form(
            genres=[drama.pk],
            **inline_management("credits", 2),
            **{
                "credits-0-person": director.pk,
                "credits-0-role": Credit.Role.DIRECTOR,
                "credits-0-character_name": "",
                "credits-0-order": "0",
                "credits-1-person": voice.pk,
                "credits-1-role": Credit.Role.VOICE,
                "credits-1-character_name": "Nan-young",
                "credits-1-order": "1",
            },
            **inline_management("watch_options", 1),
            **{
                "watch_options-0-provider": "Netflix",
                "watch_options-0-url": "https://www.netflix.com/title/1",
                "watch_options-0-region": "Worldwide",
                "watch_options-0-available_from": "2025-05-30",
            },
        ),
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["errors"]
    assert response["Location"] == reverse("admin:films_film_changelist")
    film = Film.objects.get(slug="lost-in-starlight")
    assert (film.original_title, film.original_language) == ("이 별에 필요한", "ko")
    assert film.countries == ["South Korea"]
    assert film.directors == [director]
    assert list(film.genres.all()) == [drama]
    assert film.credits.get(role=Credit.Role.VOICE).character_name == "Nan-young"
    assert film.watch_options.get().available_from == date(2025, 5, 30)


def test_film_form_refuses_a_zero_running_time(editor_client):
    response = editor_client.post(reverse("admin:films_film_add"), film_form(running_time="0"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.errors
    assert not Film.objects.exists()


def test_film_form_refuses_a_character_name_on_a_director_credit(editor_client):
    director = PersonFactory()

    response = editor_client.post(
        reverse("admin:films_film_add"),
        film_form(
            **inline_management("credits", 1),
            **{
                "credits-0-person": director.pk,
                "credits-0-role": Credit.Role.DIRECTOR,
                "credits-0-character_name": "Nan-young",
                "credits-0-order": "0",
            },
        ),
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["inline_admin_formsets"][0].formset.errors[0]
    assert not Film.objects.exists()


def test_editor_changes_a_film_and_its_existing_credit(editor_client):
    film = FilmFactory(title="Lost in Starlight", slug="lost-in-starlight")
    credit = CreditFactory(film=film, order=0)
    option = WatchOptionFactory(film=film)
    url = reverse("admin:films_film_change", args=[film.pk])

    assert editor_client.get(url).status_code == HTTPStatus.OK
    response = editor_client.post(
        url,
        film_form(
            tagline_en="Between Earth and Mars, a song.",
            **inline_management("credits", 1, initial=1),
            **{
                "credits-0-id": credit.pk,
                "credits-0-film": film.pk,
                "credits-0-person": credit.person.pk,
                "credits-0-role": Credit.Role.WRITER,
                "credits-0-character_name": "",
                "credits-0-order": "3",
            },
            **inline_management("watch_options", 1, initial=1),
            **{
                "watch_options-0-id": option.pk,
                "watch_options-0-film": film.pk,
                "watch_options-0-provider": option.provider,
                "watch_options-0-url": option.url,
                "watch_options-0-region": "Korea",
                "watch_options-0-available_from": "",
                "watch_options-0-DELETE": "on",
            },
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    film.refresh_from_db()
    credit.refresh_from_db()
    assert film.tagline == "Between Earth and Mars, a song."
    assert (credit.role, credit.order) == (Credit.Role.WRITER, 3)
    assert not film.watch_options.exists()


def test_editor_adds_and_changes_a_person(editor_client):
    response = editor_client.post(
        reverse("admin:films_person_add"),
        {
            "name_en": "Han Ji-won",
            "original_name": "한지원",
            "original_name_language": "ko",
            "slug": "han-ji-won",
            "bio_en": "",
        },
    )
    person = Person.objects.get(slug="han-ji-won")
    change = editor_client.post(
        reverse("admin:films_person_change", args=[person.pk]),
        {
            "name_en": "Han Ji-won",
            "original_name": "한지원",
            "original_name_language": "ko",
            "slug": "han-ji-won",
            "bio_en": "Director.",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert change.status_code == HTTPStatus.FOUND
    person.refresh_from_db()
    assert (person.original_name, person.original_name_language, person.bio) == (
        "한지원",
        "ko",
        "Director.",
    )


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        ("film", ["original_title", "original_language"]),
        ("person", ["original_name", "original_name_language"]),
    ],
)
def test_admin_shows_the_original_language_beside_the_original_title(editor_client, model, fields):
    response = editor_client.get(reverse(f"admin:films_{model}_add"))

    # One fieldset row holds both fields, so they sit side by side.
    row = re.search(rf'<div class="form-row[^"]*field-{fields[0]}[^"]*"', response.text)
    assert row
    assert f"field-{fields[1]}" in row.group()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("starlight", ["Lost in Starlight"]),
        ("별", ["Lost in Starlight"]),
        # Films are found by the people credited on them too.
        ("shinkai", ["Your Name"]),
    ],
)
def test_film_search_by_title_original_title_and_credited_people(editor_client, query, expected):
    FilmFactory(title="Lost in Starlight", original_title="이 별에 필요한")
    your_name = FilmFactory(title="Your Name")
    CreditFactory(film=your_name, person=PersonFactory(name="Makoto Shinkai"))
    CreditFactory(film=your_name, person=PersonFactory(name="Makoto Shinkai Jr."))

    response = editor_client.get(reverse("admin:films_film_changelist"), {"q": query})

    assert response.status_code == HTTPStatus.OK
    assert [film.title for film in response.context["cl"].result_list] == expected


def test_film_changelist_filters_by_genre(editor_client):
    drama = GenreFactory(name="Drama")
    FilmFactory(title="Lost in Starlight").genres.add(drama)
    FilmFactory(title="Suzume")

    response = editor_client.get(
        reverse("admin:films_film_changelist"), {"genres__id__exact": drama.pk}
    )

    assert response.status_code == HTTPStatus.OK
    assert [film.title for film in response.context["cl"].result_list] == ["Lost in Starlight"]


def test_person_search_by_original_name(editor_client):
    PersonFactory(name="Han Ji-won", original_name="한지원")
    PersonFactory(name="Makoto Shinkai")

    response = editor_client.get(reverse("admin:films_person_changelist"), {"q": "한지원"})

    assert [p.name for p in response.context["cl"].result_list] == ["Han Ji-won"]


@pytest.mark.parametrize(
    ("app_label", "model_name", "field_name", "term", "expected"),
    [
        ("films", "credit", "person", "han", ["Han Ji-won"]),
        ("films", "film", "genres", "dra", ["Drama"]),
    ],
)
def test_editor_autocomplete(editor_client, app_label, model_name, field_name, term, expected):
    PersonFactory(name="Han Ji-won")
    PersonFactory(name="Makoto Shinkai")
    GenreFactory(name="Drama")
    GenreFactory(name="Fantasy")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )

    assert response.status_code == HTTPStatus.OK
    assert [result["text"] for result in response.json()["results"]] == expected


def test_reader_cannot_open_the_film_admin(client, reader):
    client.force_login(reader)

    response = client.get(reverse("admin:films_film_changelist"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("admin:login"))


def test_moderator_cannot_add_films(moderator_client):
    response = moderator_client.get(reverse("admin:films_film_add"))

    assert response.status_code == HTTPStatus.FORBIDDEN
