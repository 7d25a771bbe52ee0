"""Importing rows: matching films, each outcome and its reason, no duplicates on a second
import, and a 10,000-row import in bounded queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reviews.diary import services
from reviews.diary.letterboxd import formats, importer
from reviews.diary.letterboxd.models import LetterboxdImport, LetterboxdImportRow
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry
from reviews.discussion.models import Comment
from reviews.moderation.models import Sanction
from tests.factories import FilmFactory, SanctionFactory
from tests.reviews.diary.letterboxd.conftest import csv_text, zipped

Outcome = LetterboxdImportRow.Outcome


def run(reader, data: bytes, name: str = "export.csv") -> LetterboxdImport:
    upload = formats.read_upload(data, name=name, max_unzipped=10**8)
    job = LetterboxdImport.objects.create(
        reader=reader,
        filename=name,
        files={section.kind: section.text for section in upload.sections},
        total_rows=sum(section.rows for section in upload.sections),
    )
    return importer.import_run(job=job)


def outcomes(job) -> list[tuple[str, str]]:
    return list(job.rows.values_list("outcome", "reason"))


def run_csv(reader, kind: str, *rows: dict) -> LetterboxdImport:
    return run(reader, csv_text(kind, *rows).encode())


@pytest.mark.parametrize(
    ("name", "year", "film"),
    [
        ("Lost in Starlight", "2025", "starlight"),
        ("  lost   IN starlight ", "", "starlight"),
        ("이 별에 필요한", "2025", "starlight"),
        ("ﾊﾟｰﾌｪｸﾄﾌﾞﾙｰ", "1997", "perfect_blue"),  # half-width katakana, NFKC-normalised
        ("Solaris", "1972", "remake_old"),
        ("SOLARIS", "2002", "remake_new"),
    ],
)
def test_films_match_by_title_or_original_title_and_year(reader, catalogue, name, year, film):
    job = run_csv(reader, "watchlist", {"Name": name, "Year": year})
    assert outcomes(job) == [(Outcome.IMPORTED, "")]
    assert WatchlistEntry.objects.get(reader=reader).film == catalogue[film]


@pytest.mark.parametrize(
    ("name", "year", "reason"),
    [
        ("Solaris", "", "Several films have this title"),
        ("Solaris", "1990", "we have it from 1972, 2002"),
        ("Akira", "1988", "No film of this title"),
        ("Akira", "", "No film of this title"),
    ],
)
def test_rows_without_one_film_are_not_matched(reader, catalogue, name, year, reason):
    job = run_csv(reader, "watchlist", {"Name": name, "Year": year})
    [(outcome, why)] = outcomes(job)
    assert outcome == Outcome.NOT_MATCHED
    assert reason in why
    assert not WatchlistEntry.objects.exists()


def test_our_own_film_address_matches_whatever_the_title(reader, catalogue, settings):
    uri = settings.SITE_URL + catalogue["remake_new"].get_absolute_url()
    run_csv(reader, "watchlist", {"Name": "Solyaris", "Year": "", "Letterboxd URI": uri})
    assert WatchlistEntry.objects.get(reader=reader).film == catalogue["remake_new"]


def test_ratings_import_update_or_are_already_there(reader, catalogue):
    services.rating_set(reader=reader, film=catalogue["remake_old"], score=6)
    services.rating_set(reader=reader, film=catalogue["remake_new"], score=4)
    job = run_csv(
        reader,
        "ratings",
        {"Name": "Lost in Starlight", "Year": "2025", "Rating": "4.5"},
        {"Name": "Solaris", "Year": "1972", "Rating": "3"},
        {"Name": "Solaris", "Year": "2002", "Rating": "3.5"},
    )
    assert outcomes(job) == [
        (Outcome.IMPORTED, ""),
        (Outcome.ALREADY_THERE, ""),
        (Outcome.UPDATED, "Your rating was 2 stars."),
    ]
    assert dict(Rating.objects.filter(reader=reader).values_list("film__slug", "score")) == {
        "lost-in-starlight": 9,
        "solaris-1972": 6,
        "solaris-2002": 7,
    }
    catalogue["starlight"].refresh_from_db()
    assert catalogue["starlight"].reader_score_counts[8] == 1


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"Rating": "7"}, "not from 0.5 to 5 stars"),
        ({"Rating": "4.25"}, "not from 0.5 to 5 stars"),
        ({"Rating": "great"}, "is not a number"),
        ({"Rating": ""}, "no rating"),
        ({"Rating": "4", "Year": "twenty"}, "The year “twenty” is not a number."),
        ({"Rating": "4", "Name": " "}, "no film name"),
    ],
)
def test_bad_ratings_are_not_imported_with_their_reason(reader, catalogue, cells, reason):
    job = run_csv(reader, "ratings", {"Name": "Perfect Blue", "Year": "1997", **cells})
    [(outcome, why)] = outcomes(job)
    assert outcome == Outcome.NOT_IMPORTED
    assert reason in why
    assert not Rating.objects.exists()


def test_a_diary_row_logs_a_watch_with_its_rating_rewatch_and_tags(reader, catalogue):
    job = run_csv(
        reader,
        "diary",
        {
            "Date": "2025-06-02",
            "Name": "Lost in Starlight",
            "Year": "2025",
            "Rating": "5",
            "Rewatch": "Yes",
            "Tags": "cinema, with mum,  cinema",
            "Watched Date": "2025-06-01",
        },
    )
    assert outcomes(job) == [(Outcome.IMPORTED, "")]
    entry = DiaryEntry.objects.get(reader=reader)
    assert (entry.watched_on, entry.rewatch, entry.score, entry.tags) == (
        date(2025, 6, 1),
        True,
        10,
        ["cinema", "with mum"],
    )
    assert Rating.objects.get(reader=reader).score == 10


def test_a_diary_row_without_a_watched_date_takes_its_date(reader, catalogue):
    run_csv(reader, "diary", {"Date": "2024-02-03", "Name": "Perfect Blue", "Year": "1997"})
    assert DiaryEntry.objects.get(reader=reader).watched_on == date(2024, 2, 3)


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"Watched Date": "31/12/2024"}, "is not a date like 2024-03-31"),
        ({"Watched Date": "2024-02-30"}, "is not a date"),
        ({"Watched Date": ""}, "no date"),
        ({"Watched Date": "2999-01-01"}, "cannot be in the future"),
        ({"Watched Date": "2024-01-01", "Rating": "6"}, "not from 0.5 to 5 stars"),
        ({"Watched Date": "2024-01-01", "Tags": "x" * 50}, "Keep each tag under"),
    ],
)
def test_bad_diary_rows_are_not_imported_with_their_reason(reader, catalogue, cells, reason):
    job = run_csv(reader, "diary", {"Name": "Perfect Blue", "Year": "1997", **cells})
    [(outcome, why)] = outcomes(job)
    assert outcome == Outcome.NOT_IMPORTED
    assert reason in why
    assert not DiaryEntry.objects.exists()


def test_a_review_row_is_screened_like_a_comment(reader, catalogue, settings):
    settings.MODERATION_NEW_ACCOUNT_HELD = 5
    job = run_csv(
        reader,
        "reviews",
        {
            "Name": "Perfect Blue",
            "Year": "1997",
            "Review": "Unsettling.",
            "Watched Date": "2024-05-05",
        },
    )
    assert outcomes(job) == [(Outcome.IMPORTED, "The review waits for a moderator.")]
    assert DiaryEntry.objects.get().review_status == Comment.Status.PENDING


def test_a_review_row_of_a_muted_reader_is_not_imported(reader, catalogue):
    SanctionFactory(user=reader, kind=Sanction.Kind.MUTE)
    job = run_csv(
        reader,
        "reviews",
        {
            "Name": "Perfect Blue",
            "Year": "1997",
            "Review": "Unsettling.",
            "Watched Date": "2024-05-05",
        },
    )
    [(outcome, why)] = outcomes(job)
    assert outcome == Outcome.NOT_IMPORTED
    assert why
    assert not DiaryEntry.objects.exists()


def test_a_review_joins_the_diary_entry_of_its_watch(reader, catalogue):
    watch = {"Name": "Perfect Blue", "Year": "1997", "Rating": "4", "Watched Date": "2024-05-05"}
    data = zipped(
        {
            "diary.csv": csv_text("diary", watch),
            "reviews.csv": csv_text("reviews", {**watch, "Review": "Unsettling."}),
        }
    )
    job = run(reader, data, name="export.zip")
    assert outcomes(job) == [
        (Outcome.IMPORTED, ""),
        (Outcome.IMPORTED, "The review was added to your diary entry."),
    ]
    entry = DiaryEntry.objects.get(reader=reader)
    assert entry.review == "Unsettling."
    assert "Unsettling." in entry.review_html


def test_a_review_of_a_watch_with_another_review_is_not_imported(reader, catalogue):
    services.watch_log(
        reader=reader, film=catalogue["perfect_blue"], watched_on=date(2024, 5, 5), review="Mine."
    )
    job = run_csv(
        reader,
        "reviews",
        {"Name": "Perfect Blue", "Year": "1997", "Review": "Other.", "Watched Date": "2024-05-05"},
    )
    assert outcomes(job) == [
        (Outcome.NOT_IMPORTED, "Your diary entry of that day has another review.")
    ]


def test_the_same_export_imported_twice_adds_nothing_the_second_time(reader, catalogue):
    watch = {"Name": "Perfect Blue", "Year": "1997", "Rating": "4", "Watched Date": "2024-05-05"}
    data = zipped(
        {
            "ratings.csv": csv_text("ratings", {"Name": "Solaris", "Year": "1972", "Rating": "2"}),
            "diary.csv": csv_text(
                "diary", watch, {**watch, "Rewatch": "Yes"}, {**watch, "Watched Date": "2024-06-01"}
            ),
            "reviews.csv": csv_text("reviews", {**watch, "Review": "Unsettling."}),
            "watchlist.csv": csv_text("watchlist", {"Name": "Lost in Starlight", "Year": "2025"}),
        }
    )
    first = run(reader, data, name="export.zip")
    assert {outcome for outcome, _ in outcomes(first)} == {Outcome.IMPORTED}
    counts = (DiaryEntry.objects.count(), Rating.objects.count(), WatchlistEntry.objects.count())
    assert counts == (3, 2, 1)
    second = run(reader, data, name="export.zip")
    assert {outcome for outcome, _ in outcomes(second)} == {Outcome.ALREADY_THERE}
    assert counts == (
        DiaryEntry.objects.count(),
        Rating.objects.count(),
        WatchlistEntry.objects.count(),
    )


def test_a_diary_row_differing_in_rating_or_rewatch_is_another_watch(reader, catalogue):
    film = catalogue["perfect_blue"]
    services.watch_log(reader=reader, film=film, watched_on=date(2024, 5, 5), score=8)
    run_csv(
        reader,
        "diary",
        {"Name": "Perfect Blue", "Year": "1997", "Rating": "4", "Watched Date": "2024-05-05"},
        {"Name": "Perfect Blue", "Year": "1997", "Rating": "3", "Watched Date": "2024-05-05"},
    )
    assert sorted(DiaryEntry.objects.values_list("score", flat=True)) == [6, 8]


def test_rows_are_reported_in_file_order_with_their_lines(reader, catalogue):
    text = csv_text(
        "watchlist",
        {"Name": "Akira", "Year": "1988"},
        {"Name": "Perfect Blue", "Year": "1997"},
    ).replace("Akira", '"Akira\nthe film"')
    job = run(reader, text.encode())
    assert list(job.rows.values_list("position", "line", "outcome")) == [
        (1, 3, Outcome.NOT_MATCHED),
        (2, 4, Outcome.IMPORTED),
    ]
    assert (job.status, job.done_rows, job.total_rows, job.files) == ("done", 2, 2, {})


def test_a_failure_part_way_marks_the_job_failed_keeping_batches_done(
    reader, catalogue, monkeypatch
):
    monkeypatch.setattr(importer, "BATCH_SIZE", 1)
    calls = []

    def flaky(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("the disk is full")
        return WatchlistEntry.objects.create(**kwargs)

    monkeypatch.setattr(services, "watchlist_add", flaky)
    job = run_csv(
        reader,
        "watchlist",
        {"Name": "Perfect Blue", "Year": "1997"},
        {"Name": "Lost in Starlight", "Year": "2025"},
    )
    assert (job.status, job.done_rows) == (LetterboxdImport.Status.FAILED, 1)
    assert "went wrong" in job.error
    assert WatchlistEntry.objects.count() == 1


def test_ten_thousand_rows_are_all_processed_in_bounded_queries(reader):
    """The catalogue is read once, not looked up row by row: rows of unknown films and rows
    already there cost no query, each batch a few, and each imported row a bounded few."""
    films = FilmFactory.create_batch(20)
    today = timezone.localdate()
    names = [film.title for film in films] + [f"Unknown film {n}" for n in range(480)]
    rows = [
        {
            "Name": names[n % len(names)],
            "Year": "",
            "Rating": str(1 + n % 5),
            "Watched Date": (today - timedelta(days=n % 3)).isoformat(),
        }
        for n in range(10_000)
    ]
    data = zipped(
        {
            "diary.csv": csv_text("diary", *rows[:4000]),
            "ratings.csv": csv_text("ratings", *rows[4000:7000]),
            "watchlist.csv": csv_text("watchlist", *rows[7000:]),
        }
    )
    with CaptureQueriesContext(connection) as queries:
        job = run(reader, data, name="big.zip")
    assert (job.status, job.total_rows, job.done_rows) == ("done", 10_000, 10_000)
    assert job.rows.count() == 10_000
    assert job.rows.filter(outcome=Outcome.NOT_MATCHED).count() == 10_000 * 480 // 500
    # Each film: three days' watches (its rating is the same on each), one watchlist entry.
    written = job.rows.filter(outcome__in=[Outcome.IMPORTED, Outcome.UPDATED]).count()
    assert written == 20 * 3 + 20
    batches = 10_000 // importer.BATCH_SIZE
    assert len(queries) <= 10 + 3 * batches + 15 * written
