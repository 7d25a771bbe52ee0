"""The export: Letterboxd's files and columns, our values in its formats, and a round trip
through the import into another account."""

import csv
import io
import zipfile
from datetime import date

import pytest
from django.utils import timezone

from reviews.diary import services
from reviews.diary.letterboxd import export, formats
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry
from tests.factories import CommentFactory, UserFactory
from tests.reviews.diary.letterboxd.test_import import run


def files_of(data: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: list(csv.reader(io.StringIO(archive.read(name).decode())))
            for name in archive.namelist()
        }


@pytest.fixture
def history(reader, catalogue):
    """A reader's ratings, diary (a rewatch with tags, a review), watchlist and a comment."""
    starlight, perfect_blue = catalogue["starlight"], catalogue["perfect_blue"]
    services.watch_log(
        reader=reader, film=starlight, watched_on=date(2025, 6, 1), score=9, tags=["cinema", "imax"]
    )
    services.watch_log(
        reader=reader,
        film=starlight,
        watched_on=date(2025, 6, 8),
        rewatch=True,
        score=10,
        review="Better the *second* time.",
    )
    services.rating_set(reader=reader, film=catalogue["remake_old"], score=3)
    services.watchlist_add(reader=reader, film=perfect_blue)
    # Listed after a watch: the watchlist keeps it, and so must the round trip.
    services.watch_log(reader=reader, film=catalogue["remake_new"], watched_on=date(2024, 1, 2))
    services.watchlist_add(reader=reader, film=catalogue["remake_new"])
    CommentFactory(author=reader, body="Agreed about the ending.")
    return reader


def test_the_export_has_letterboxd_files_and_columns(history, settings):
    files = files_of(export.export_zip(reader=history))
    assert sorted(files) == [
        "comments.csv",
        "diary.csv",
        "ratings.csv",
        "reviews.csv",
        "watchlist.csv",
    ]
    for kind in formats.COLUMNS:
        assert tuple(files[f"{kind}.csv"][0]) == formats.COLUMNS[kind]
    assert files["comments.csv"][0] == ["Date", "Review", "URL", "Comment"]
    today = timezone.localdate().isoformat()
    uri = f"{settings.SITE_URL}/en/films/lost-in-starlight/"
    assert files["diary.csv"][1:] == [
        [
            today,
            "Solaris",
            "2002",
            f"{settings.SITE_URL}/en/films/solaris-2002/",
            "",
            "",
            "",
            "2024-01-02",
        ],
        [today, "Lost in Starlight", "2025", uri, "4.5", "", "cinema, imax", "2025-06-01"],
        [today, "Lost in Starlight", "2025", uri, "5", "Yes", "", "2025-06-08"],
    ]
    assert files["reviews.csv"][1:] == [
        [
            today,
            "Lost in Starlight",
            "2025",
            uri,
            "5",
            "Yes",
            "Better the *second* time.",
            "",
            "2025-06-08",
        ]
    ]
    assert sorted(row[1:] for row in files["ratings.csv"][1:]) == [
        ["Lost in Starlight", "2025", uri, "5"],
        ["Solaris", "1972", f"{settings.SITE_URL}/en/films/solaris-1972/", "1.5"],
    ]
    assert sorted(row[1] for row in files["watchlist.csv"][1:]) == ["Perfect Blue", "Solaris"]
    [comment] = files["comments.csv"][1:]
    assert comment[1].startswith("Review headline")
    assert comment[2].startswith(settings.SITE_URL + "/")
    assert comment[3] == "Agreed about the ending."


def test_the_export_reads_in_four_queries(history, django_assert_num_queries):
    with django_assert_num_queries(4):
        export.export_zip(reader=history)


def test_an_empty_account_exports_headers_only(reader):
    files = files_of(export.export_zip(reader=reader))
    assert all(len(rows) == 1 for rows in files.values())


def test_export_then_import_into_another_account_gives_the_same_history(history):
    other = UserFactory(username="twin")
    job = run(other, export.export_zip(reader=history), name="export.zip")
    assert job.status == "done"

    def ratings(user):
        return set(Rating.objects.filter(reader=user).values_list("film", "score"))

    def diary(user):
        return sorted(
            DiaryEntry.objects.filter(reader=user).values_list(
                "film", "watched_on", "rewatch", "score", "tags", "review"
            )
        )

    def watchlist(user):
        return set(WatchlistEntry.objects.filter(reader=user).values_list("film", flat=True))

    assert ratings(other) == ratings(history)
    assert diary(other) == diary(history)
    assert watchlist(other) == watchlist(history)
    # And importing it again adds nothing.
    again = run(other, export.export_zip(reader=history), name="export.zip")
    assert set(again.rows.values_list("outcome", flat=True)) == {"already"}
    assert diary(other) == diary(history)
