"""The diary's pages, forms, messages and import reports in Korean."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from reviews.diary import services
from reviews.diary.letterboxd import formats, importer
from reviews.diary.letterboxd.models import LetterboxdImportRow
from tests.conftest import in_korean
from tests.factories import FilmFactory
from tests.reviews.diary.letterboxd.conftest import csv_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean(reader_client):
    in_korean(reader_client)
    return reader_client


def test_the_diary_page_in_korean_with_korean_dates(korean, reader):
    film = FilmFactory(title="Lost in Starlight")
    services.watch_log(reader=reader, film=film, watched_on=date(2025, 5, 30), score=9)

    response = korean.get(reverse("diary:diary", kwargs={"username": reader.username}))

    assert "님의 다이어리" in response.text
    assert "2025년 5월" in response.text
    assert "May 2025" not in response.text
    assert "s diary" not in response.text  # nor “…'s diary”, however escaped


def test_the_film_page_counts_the_readers_watches_in_korean(korean, reader):
    film = FilmFactory()
    services.watch_log(reader=reader, film=film, score=8)
    services.watch_log(reader=reader, film=film, rewatch=True)

    response = korean.get(film.get_absolute_url())

    assert "다이어리에 2번 기록함" in response.text
    assert "별점 1개의 평균" in response.text
    assert "In your diary" not in response.text


def test_logging_a_watch_refuses_and_confirms_in_korean(korean):
    film = FilmFactory()
    log = reverse("diary:log", kwargs={"slug": film.slug})
    tomorrow = timezone.localdate() + timedelta(days=1)

    refused = korean.post(log, {"watched_on": tomorrow.isoformat()})
    assert "본 날짜는 미래일 수 없어요." in refused.text
    assert "cannot be in the future" not in refused.text

    logged = korean.post(log, {"watched_on": timezone.localdate().isoformat()}, follow=True)
    assert "다이어리에 기록했어요." in logged.text


def test_an_imports_reasons_are_written_in_the_language_it_was_asked_in(reader):
    rows = csv_text(formats.RATINGS, {"Name": "Nowhere to be found", "Year": "2020"})
    upload = formats.read_upload(rows.encode(), name="ratings.csv", max_unzipped=10**8)
    with translation.override("ko"):
        job = importer.import_create(reader=reader, upload=upload)

    importer.import_run(job=job)  # the worker runs in English

    [row] = job.rows.all()
    assert job.language == "ko"
    assert row.outcome == LetterboxdImportRow.Outcome.NOT_MATCHED
    assert row.reason == "저희 영화 목록에 이 제목의 영화가 없어요."
