from datetime import date, timedelta

import pytest
from django.utils import translation

from films.models import Film
from films.templatetags.starlight import (
    duration_human,
    iso_duration,
    lang_attribute,
    release,
    runtime,
    stars,
)


@pytest.mark.parametrize(
    ("rating", "shapes"),
    [
        (10, ["full"] * 5),
        (7, ["full", "full", "full", "half", "empty"]),
        (7.5, ["full"] * 4 + ["empty"]),
        (1, ["half"] + ["empty"] * 4),
        (None, []),
    ],
)
def test_stars_show_a_rating_out_of_ten_as_five_stars_with_halves(rating, shapes):
    assert stars(rating) == {"rating": rating, "shapes": shapes}


@pytest.mark.parametrize(
    ("language", "precision", "shown"),
    [
        ("en", Film.DatePrecision.DAY, "3 July 2025"),
        ("en", Film.DatePrecision.YEAR, "2025"),
        ("ko", Film.DatePrecision.DAY, "2025년 7월 3일"),
        ("ko", Film.DatePrecision.YEAR, "2025"),
    ],
)
def test_release_shows_the_date_at_the_precision_known_as_the_language_writes_it(
    language, precision, shown
):
    film = Film(release_date=date(2025, 7, 3), release_date_precision=precision)

    with translation.override(language):
        assert release(film) == shown


@pytest.mark.parametrize(
    ("minutes", "english", "korean"),
    [
        (None, "", ""),
        (0, "", ""),
        (45, "45 min", "45분"),
        (60, "1 h", "1시간"),
        (96, "1 h 36 min", "1시간 36분"),
        (120, "2 h", "2시간"),
    ],
)
def test_runtime_in_hours_and_minutes_in_each_language(minutes, english, korean):
    with translation.override("en"):
        assert runtime(minutes) == english
    with translation.override("ko"):
        assert runtime(minutes) == korean


@pytest.mark.parametrize(
    ("minutes", "machine"),
    [(None, ""), (0, ""), (45, "PT45M"), (60, "PT1H"), (96, "PT1H36M"), (120, "PT2H")],
)
def test_iso_duration_is_the_same_in_every_language(minutes, machine):
    for language in ("en", "ko"):
        with translation.override(language):
            assert iso_duration(minutes) == machine


@pytest.mark.parametrize(
    ("duration", "shown"),
    [
        (timedelta(seconds=45), "45 s"),
        (timedelta(minutes=12, seconds=30), "12 min"),
        (timedelta(hours=3, minutes=20), "3 h 20 min"),
        (timedelta(hours=47, minutes=59), "47 h 59 min"),
        (timedelta(hours=49), "2 days"),
    ],
)
def test_duration_human_in_the_largest_units_that_fit(duration, shown):
    assert duration_human(duration) == shown


@pytest.mark.parametrize(
    ("duration", "shown"),
    [
        (timedelta(seconds=45), "45초"),
        (timedelta(minutes=12, seconds=30), "12분"),
        (timedelta(hours=3, minutes=20), "3시간 20분"),
        (timedelta(hours=49), "2일"),
    ],
)
def test_duration_human_in_korean(duration, shown):
    with translation.override("ko"):
        assert duration_human(duration) == shown


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("난영이의 목소리가 오래 남았어요.", ' lang="ko"'),
        ("The soundtrack 정말 좋았어요 and the ending too", ' lang="en"'),
        ("마지막 장면은 rewatch할 때 더 좋았어요", ' lang="ko"'),
        ("君の名はの方が好き", ' lang="ja"'),
        ("A quiet, lovely film.", ' lang="en"'),
        ("新海誠", ""),
        ("1:12:30 !!", ""),
        ("", ""),
    ],
)
def test_a_readers_text_names_the_language_most_of_its_letters_are_written_in(text, attribute):
    assert lang_attribute(text) == attribute
