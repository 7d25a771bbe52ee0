import csv
import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reviews.diary.letterboxd import formats
from tests.factories import FilmFactory


def csv_text(kind: str, *rows: dict, columns=None) -> str:
    """A Letterboxd file of `kind` with these rows (missing cells empty)."""
    columns = columns or formats.COLUMNS[kind]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return out.getvalue()


def zipped(files: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def uploaded(name: str, content: str | bytes) -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def catalogue(db):
    """Films to match against: two of one title in different years, one with a Korean
    original title, one with a Japanese title written in full-width letters."""
    return {
        "starlight": FilmFactory(
            title="Lost in Starlight",
            original_title="이 별에 필요한",
            slug="lost-in-starlight",
            release_date=date(2025, 5, 30),
        ),
        "remake_old": FilmFactory(
            title="Solaris", slug="solaris-1972", release_date=date(1972, 3, 20)
        ),
        "remake_new": FilmFactory(
            title="Solaris", slug="solaris-2002", release_date=date(2002, 11, 27)
        ),
        "perfect_blue": FilmFactory(
            title="Perfect Blue",
            original_title="パーフェクトブルー",
            slug="perfect-blue",
            release_date=date(1997, 2, 28),
        ),
    }


@pytest.fixture
def post_upload(client, django_capture_on_commit_callbacks):
    """Post a file to the import form, running the import it starts; the response."""

    def post(name: str, content: str | bytes, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("diary:letterboxd"), {"upload": uploaded(name, content)}, **extra
            )

    return post
