from datetime import date, timedelta

import pytest

from films.models import Film
from films.templatetags.starlight import duration_human, lang_attribute, release, runtime, stars


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
    ("precision", "shown"),
    [(Film.DatePrecision.DAY, "3 July 2025"), (Film.DatePrecision.YEAR, "2025")],
)
def test_release_shows_the_date_at_the_precision_known(precision, shown):
    film = Film(release_date=date(2025, 7, 3), release_date_precision=precision)

    assert release(film) == shown


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [(None, ""), (0, ""), (45, "45 min"), (60, "1 h 0 min"), (96, "1 h 36 min")],
)
def test_runtime_in_hours_and_minutes(minutes, shown):
    assert runtime(minutes) == shown


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
