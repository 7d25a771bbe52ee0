"""A film's scenes in the film admin: typed as timecodes, checked together, saved through the
catalogue's services."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from config import pagecache
from films.models import Film, Scene
from tests.factories import FilmFactory
from tests.films.test_admin import film_form, inline_management

pytestmark = pytest.mark.django_db


def scene_rows(*rows: tuple, initial: list[Scene] = (), film=None) -> dict:
    """The scenes inline's data: (number, title_en, title_ko, slug, start) for each row, the
    first `len(initial)` rows being those scenes."""
    data = inline_management("scenes", len(rows), initial=len(initial))
    for index, (number, title_en, title_ko, slug, start) in enumerate(rows):
        prefix = f"scenes-{index}-"
        data |= {
            f"{prefix}number": str(number),
            f"{prefix}title_en": title_en,
            f"{prefix}title_ko": title_ko,
            f"{prefix}slug": slug,
            f"{prefix}start": start,
        }
        if index < len(initial):
            data |= {f"{prefix}id": initial[index].pk, f"{prefix}film": film.pk}
    return data


@pytest.fixture
def starlight(db):
    return FilmFactory(lost_in_starlight=True, running_time=96)


def change(editor_client, film, **data):
    return editor_client.post(reverse("admin:films_film_change", args=[film.pk]), film_form(**data))


def test_editor_adds_scenes_with_timecodes(editor_client, starlight):
    response = change(
        editor_client,
        starlight,
        **scene_rows(
            (1, "Launch day", "발사일", "", "0:00"),
            (2, "The repair shop", "수리점", "repair-shop", "0:12:30"),
            (3, "Nodeul Island", "노들섬", "", "1:02"),
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    scenes = list(Scene.objects.of(starlight).with_spans())
    assert [(s.number, s.slug, s.start, s.end) for s in scenes] == [
        (1, "launch-day", 0, 750),
        (2, "repair-shop", 750, 3720),
        (3, "nodeul-island", 3720, 96 * 60),
    ]
    assert scenes[1].title_ko == "수리점"
    assert scenes[1].span_label == "0:12:30\N{EN DASH}1:02"


def test_the_change_form_shows_starts_as_timecodes(editor_client, starlight):
    Scene.objects.create(film=starlight, number=1, title="Launch", slug="launch", start=4350)
    page = editor_client.get(reverse("admin:films_film_change", args=[starlight.pk]))
    assert page.status_code == HTTPStatus.OK
    assert 'value="1:12:30"' in page.text


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        (
            [(1, "A", "", "a", "0:30"), (2, "B", "", "b", "0:10")],
            "Scene 2 starts at 0:10, not after scene 1 (0:30)",
        ),
        (
            [(1, "A", "", "a", "0:30"), (2, "B", "", "b", "0:30")],
            "Scene 2 starts at 0:30, not after scene 1 (0:30)",
        ),
        ([(1, "A", "", "a", "1:36")], "Scene 1 starts at 1:36, but the film ends at 1:36"),
        ([(1, "A", "", "a", "2:00")], "Scene 1 starts at 2:00, but the film ends at 1:36"),
        (
            [(1, "A", "", "a", "0:10"), (1, "B", "", "b", "0:20")],
            "Two scenes are numbered 1",
        ),
        ([(1, "A", "", "a", "99:99")], "Minutes and seconds go up to 59"),
        ([(1, "A", "", "a", "abc")], "like 0:45 or 1:12:30"),
        ([(1, "A", "", "a", "-0:10")], "like 0:45 or 1:12:30"),
    ],
)
def test_bad_scenes_are_refused_with_the_reason_and_the_text_kept(
    editor_client, starlight, rows, says
):
    response = change(editor_client, starlight, **scene_rows(*rows))

    assert response.status_code == HTTPStatus.OK
    assert says in response.text.replace("&#x27;", "'")
    assert f'value="{rows[-1][4]}"' in response.text
    assert not Scene.objects.exists()


def test_scenes_need_a_running_time(editor_client, starlight):
    response = change(
        editor_client, starlight, running_time="", **scene_rows((1, "A", "", "a", "0:10"))
    )

    assert response.status_code == HTTPStatus.OK
    assert "Scenes need a running time" in response.text.replace("&#x27;", "'")
    assert not Scene.objects.exists()


def test_a_shorter_running_time_refuses_scenes_after_the_new_end(editor_client, starlight):
    scene = Scene.objects.create(film=starlight, number=1, title="A", slug="a", start=3600)
    response = change(
        editor_client,
        starlight,
        running_time="50",
        **scene_rows((1, "A", "", "a", "1:00"), initial=[scene], film=starlight),
    )

    assert response.status_code == HTTPStatus.OK
    assert "but the film ends at 0:50" in response.text
    assert Film.objects.get(pk=starlight.pk).running_time == 96


def test_a_number_taken_by_another_saved_scene_is_refused_not_a_server_error(
    editor_client, starlight
):
    first = Scene.objects.create(film=starlight, number=1, title="A", slug="a", start=0)
    second = Scene.objects.create(film=starlight, number=2, title="B", slug="b", start=600)
    # Swapping the numbers but not the starts: out of order, said so.
    response = change(
        editor_client,
        starlight,
        **scene_rows(
            (2, "A", "", "a", "0:00"),
            (1, "B", "", "b", "0:10"),
            initial=[first, second],
            film=starlight,
        ),
    )
    assert response.status_code == HTTPStatus.OK
    assert "errornote" in response.text


def test_editing_and_deleting_scenes_goes_through_the_services(
    editor_client, starlight, monkeypatch
):
    first = Scene.objects.create(film=starlight, number=1, title="A", slug="a", start=0)
    second = Scene.objects.create(film=starlight, number=2, title="B", slug="b", start=600)
    bumped = []
    monkeypatch.setattr(pagecache, "changed", lambda *names: bumped.extend(names))
    rows = scene_rows(
        (1, "Opening", "", "opening", "0:05"),
        (2, "B", "", "b", "0:10"),
        initial=[first, second],
        film=starlight,
    )
    rows["scenes-1-DELETE"] = "on"
    response = change(editor_client, starlight, **rows)

    assert response.status_code == HTTPStatus.FOUND
    assert list(Scene.objects.values_list("number", "title", "start")) == [(1, "Opening", 300)]
    # The film's page (and with it the scene index) and both scenes' pages are stale.
    assert pagecache.stamp_for(Film, starlight.pk) in bumped
    assert {pagecache.stamp_for(Scene, first.pk), pagecache.stamp_for(Scene, second.pk)} <= set(
        bumped
    )


def test_two_scenes_swap_numbers_and_starts_in_one_save(editor_client, starlight):
    first = Scene.objects.create(film=starlight, number=1, title="A", slug="a", start=0)
    second = Scene.objects.create(film=starlight, number=2, title="B", slug="b", start=600)
    response = change(
        editor_client,
        starlight,
        **scene_rows(
            (2, "A", "", "a", "0:10"),
            (1, "B", "", "b", "0:00"),
            initial=[first, second],
            film=starlight,
        ),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert list(Scene.objects.of(starlight).values_list("title", "number", "start")) == [
        ("B", 1, 0),
        ("A", 2, 600),
    ]


def test_a_start_taken_by_a_scene_kept_as_it_was_is_refused_in_the_editors_words(
    editor_client, starlight
):
    first = Scene.objects.create(film=starlight, number=1, title="A", slug="a", start=0)
    second = Scene.objects.create(film=starlight, number=2, title="B", slug="b", start=600)
    response = change(
        editor_client,
        starlight,
        **scene_rows(
            (1, "A", "", "a", "0:00"),
            (2, "B", "", "b", "0:00"),
            initial=[first, second],
            film=starlight,
        ),
    )
    assert response.status_code == HTTPStatus.OK
    assert "Scene 2 starts at 0:00, not after scene 1 (0:00)" in response.text
    assert Scene.objects.get(pk=second.pk).start == 600


def test_scenes_are_numbered_from_one(editor_client, starlight):
    response = change(editor_client, starlight, **scene_rows((0, "A", "", "a", "0:10")))
    assert response.status_code == HTTPStatus.OK
    assert "Scenes are numbered from 1." in response.text
    assert not Scene.objects.exists()
