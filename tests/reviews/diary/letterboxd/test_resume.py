"""An import whose worker stopped part-way: its page says so and stops polling, the reader
resumes it, the rest is imported with no row twice, and a run thought lost that wakes up again
writes nothing."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.diary.letterboxd import importer
from reviews.diary.letterboxd.models import STALLED_AFTER, LetterboxdImport
from reviews.diary.models import WatchlistEntry
from tests.factories import FilmFactory, UserFactory
from tests.reviews.diary.letterboxd.conftest import csv_text

FILMS = 7


class WorkerStopped(BaseException):
    """What a killed worker looks like to the import: not an error it may report."""


@pytest.fixture
def films(db):
    return [FilmFactory(title=f"Film {n}", slug=f"film-{n}") for n in range(FILMS)]


def watchlist_job(reader, films) -> LetterboxdImport:
    rows = [{"Name": film.title, "Year": str(film.release_date.year)} for film in films]
    return LetterboxdImport.objects.create(
        reader=reader,
        filename="watchlist.csv",
        files={"watchlist": csv_text("watchlist", *rows)},
        total_rows=len(rows),
    )


@pytest.fixture
def stalled_job(reader, films, monkeypatch):
    """A job whose worker stopped in its second batch (of three rows) and has not moved for
    longer than STALLED_AFTER."""
    monkeypatch.setattr(importer, "BATCH_SIZE", 3)
    job = watchlist_job(reader, films)
    real_watchlist = importer._watchlist
    calls = 0

    def stops_in_the_second_batch(*args):
        nonlocal calls
        calls += 1
        if calls == 5:
            raise WorkerStopped
        return real_watchlist(*args)

    monkeypatch.setattr(importer, "_watchlist", stops_in_the_second_batch)
    with pytest.raises(WorkerStopped):
        importer.import_run(job=job)
    monkeypatch.setattr(importer, "_watchlist", real_watchlist)
    LetterboxdImport.objects.filter(pk=job.pk).update(
        progressed_at=timezone.now() - STALLED_AFTER - timedelta(seconds=1)
    )
    job.refresh_from_db()
    return job


@pytest.fixture
def signed_in(client, reader):
    client.force_login(reader)
    return client


def test_a_stopped_worker_leaves_the_first_batch_and_a_stalled_job(stalled_job, reader):
    assert (stalled_job.status, stalled_job.done_rows) == ("running", 3)
    assert stalled_job.is_stalled
    assert stalled_job.rows.count() == 3
    assert WatchlistEntry.objects.filter(reader=reader).count() == 3


def test_a_job_that_moves_is_not_stalled(reader, films):
    job = watchlist_job(reader, films)
    assert not job.is_stalled
    job.status, job.progressed_at = "running", timezone.now() - STALLED_AFTER / 2
    assert not job.is_stalled
    job.status = "done"
    job.progressed_at = timezone.now() - STALLED_AFTER * 10
    assert not job.is_stalled


def test_the_page_of_a_stalled_import_offers_to_resume_and_stops_polling(signed_in, stalled_job):
    page = signed_in.get(stalled_job.get_absolute_url()).text
    assert "has stopped moving" in page
    assert reverse("diary:letterboxd-import-resume", args=[stalled_job.pk]) in page
    assert "data-hx-trigger" not in page


def test_resuming_imports_the_rest_once(
    signed_in, stalled_job, reader, films, django_capture_on_commit_callbacks
):
    url = reverse("diary:letterboxd-import-resume", args=[stalled_job.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(url, follow=True)
    assert "goes on from where it stopped" in response.text
    stalled_job.refresh_from_db()
    assert (stalled_job.status, stalled_job.done_rows, stalled_job.attempt) == ("done", FILMS, 2)
    assert list(stalled_job.rows.values_list("position", flat=True)) == list(range(1, FILMS + 1))
    assert [row.film for row in stalled_job.rows.select_related("film")] == films
    assert set(stalled_job.rows.values_list("outcome", flat=True)) == {"imported"}
    assert WatchlistEntry.objects.filter(reader=reader).count() == FILMS


def test_a_job_that_is_not_stalled_is_not_resumed(signed_in, reader, films):
    job = watchlist_job(reader, films)
    response = signed_in.post(reverse("diary:letterboxd-import-resume", args=[job.pk]), follow=True)
    assert response.status_code == HTTPStatus.OK
    assert "not stalled" in response.text
    job.refresh_from_db()
    assert (job.status, job.attempt) == ("waiting", 1)


def test_a_stalled_job_is_not_resumed_while_another_import_runs(
    signed_in, stalled_job, reader, films
):
    watchlist_job(reader, films[:1])
    response = signed_in.post(
        reverse("diary:letterboxd-import-resume", args=[stalled_job.pk]), follow=True
    )
    assert "still running" in response.text
    stalled_job.refresh_from_db()
    assert stalled_job.attempt == 1


def test_another_readers_import_cannot_be_resumed(signed_in, films):
    job = watchlist_job(UserFactory(username="someone-else"), films)
    url = reverse("diary:letterboxd-import-resume", args=[job.pk])
    assert signed_in.post(url).status_code == HTTPStatus.NOT_FOUND
    assert signed_in.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_a_run_thought_lost_that_wakes_up_writes_nothing(stalled_job, reader):
    """The old worker's next batch finds a later attempt and stops; the resumed run imports."""
    lost_run = LetterboxdImport.objects.select_related("reader").get(pk=stalled_job.pk)
    resumed = importer.import_resume(reader=reader, job_id=stalled_job.pk)
    lost_run.status = "running"
    with pytest.raises(importer.Superseded):
        importer._import_rows(lost_run)
    assert stalled_job.rows.count() == 3
    importer.import_run(job=resumed)
    resumed.refresh_from_db()
    assert (resumed.status, resumed.rows.count()) == ("done", FILMS)


def test_a_stalled_import_no_longer_keeps_the_reader_from_starting_another(
    stalled_job, reader, films
):
    assert importer._live_import(reader) is None
