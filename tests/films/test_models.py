from datetime import date

import pytest
from django.db import IntegrityError, transaction

from films.models import Credit, Film, Genre
from tests.factories import CreditFactory, FilmFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "create",
    [
        lambda n: FilmFactory(slug="same"),
        lambda n: PersonFactory(slug="same"),
        # GenreFactory gets-or-creates by slug, so create the row directly.
        lambda n: Genre.objects.create(name=f"Genre {n}", slug="same"),
    ],
    ids=["film", "person", "genre"],
)
def test_slugs_are_unique(create):
    create(1)

    with pytest.raises(IntegrityError), transaction.atomic():
        create(2)


@pytest.mark.parametrize("minutes", [0, -5])
def test_running_time_must_be_positive(minutes):
    with pytest.raises(IntegrityError), transaction.atomic():
        FilmFactory(running_time=minutes)

    assert not Film.objects.exists()


def test_running_time_may_be_unknown():
    film = FilmFactory(running_time=None)

    film.refresh_from_db()
    assert film.running_time is None


def test_the_same_credit_cannot_be_recorded_twice():
    credit = CreditFactory(role=Credit.Role.VOICE, character_name="Nan-young")

    with pytest.raises(IntegrityError), transaction.atomic():
        CreditFactory(
            film=credit.film,
            person=credit.person,
            role=Credit.Role.VOICE,
            character_name="Nan-young",
        )

    assert Credit.objects.count() == 1


def test_one_person_may_voice_two_characters_and_also_direct():
    credit = CreditFactory(role=Credit.Role.VOICE, character_name="Nan-young")

    CreditFactory(
        film=credit.film, person=credit.person, role=Credit.Role.VOICE, character_name="Jay"
    )
    CreditFactory(film=credit.film, person=credit.person, role=Credit.Role.DIRECTOR)

    assert credit.film.credits.count() == 3


@pytest.mark.parametrize(
    "role", [role for role in Credit.Role if role != Credit.Role.VOICE], ids=str
)
def test_character_name_is_only_allowed_on_voice_roles(role):
    with pytest.raises(IntegrityError), transaction.atomic():
        CreditFactory(role=role, character_name="Nan-young")

    assert not Credit.objects.exists()


def test_voice_role_may_name_its_character():
    credit = CreditFactory(role=Credit.Role.VOICE, character_name="Nan-young")

    assert str(credit) == f"{credit.person} — Voice (Nan-young), {credit.film}"


@pytest.mark.parametrize(
    ("role", "character_name", "label"),
    [
        (Credit.Role.DIRECTOR, "", "Director"),
        (Credit.Role.WRITER, "", "Screenplay"),
        (Credit.Role.VOICE, "Nan-young", "Voice (Nan-young)"),
        (Credit.Role.VOICE, "", "Voice"),
    ],
)
def test_credit_role_label_names_the_role_and_any_character(role, character_name, label):
    assert Credit(role=role, character_name=character_name).role_label == label


def test_directors_come_from_the_credits_in_billing_order():
    film = FilmFactory()
    second = CreditFactory(film=film, person=PersonFactory(name="Second"), order=2)
    first = CreditFactory(film=film, person=PersonFactory(name="First"), order=1)
    CreditFactory(film=film, role=Credit.Role.WRITER)
    CreditFactory(film=film, role=Credit.Role.VOICE, character_name="Jay")

    assert film.directors == [first.person, second.person]


def test_directors_use_the_prefetch_of_with_directors(django_assert_num_queries):
    for _ in range(3):
        film = FilmFactory()
        CreditFactory.create_batch(2, film=film)
        CreditFactory(film=film, role=Credit.Role.MUSIC)

    with django_assert_num_queries(2):
        directors = [film.directors for film in Film.objects.with_directors()]

    assert [len(people) for people in directors] == [2, 2, 2]


def test_released_in_keeps_only_that_year():
    in_2024 = FilmFactory(release_date=date(2024, 12, 31))
    FilmFactory(release_date=date(2025, 1, 1))
    FilmFactory(release_date=date(2023, 6, 1))

    assert list(Film.objects.released_in(2024)) == [in_2024]


def test_directed_by_keeps_films_the_person_directed_once_each():
    director = PersonFactory(slug="han-ji-won")
    directed = FilmFactory()
    CreditFactory(film=directed, person=director)
    CreditFactory(film=directed, person=director, role=Credit.Role.WRITER)
    CreditFactory(film=directed, person=director, role=Credit.Role.VOICE, character_name="A")
    CreditFactory(film=directed, person=director, role=Credit.Role.VOICE, character_name="B")
    only_wrote = FilmFactory()
    CreditFactory(film=only_wrote, person=director, role=Credit.Role.WRITER)
    FilmFactory()

    assert list(Film.objects.directed_by("han-ji-won")) == [directed]


def test_film_urls_and_names():
    film = FilmFactory(title="Lost in Starlight", slug="lost-in-starlight")
    person = PersonFactory(name="Han Ji-won", slug="han-ji-won")

    assert film.get_absolute_url() == "/en/films/lost-in-starlight/"
    assert person.get_absolute_url() == "/en/people/han-ji-won/"
    assert str(film) == "Lost in Starlight"
    assert str(person) == "Han Ji-won"
