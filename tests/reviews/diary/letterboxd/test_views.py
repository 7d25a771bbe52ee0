"""The Letterboxd pages: who may see them, the upload's refusals with their messages, the
progress page with and without htmx, the report, and any upload never failing."""

import csv
import io
import zipfile
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews.diary.letterboxd import formats
from reviews.diary.letterboxd.forms import LetterboxdImportForm
from reviews.diary.letterboxd.models import LetterboxdImport
from reviews.diary.models import WatchlistEntry
from tests.factories import UserFactory
from tests.reviews.diary.letterboxd.conftest import csv_text, uploaded, zipped

WATCHLIST = csv_text(
    "watchlist", {"Name": "Perfect Blue", "Year": "1997"}, {"Name": "Akira", "Year": "1988"}
)


@pytest.fixture
def signed_in(client, reader):
    client.force_login(reader)
    return client


def waiting_import(reader, **fields) -> LetterboxdImport:
    return LetterboxdImport.objects.create(
        reader=reader, filename="diary.csv", files={"watchlist": WATCHLIST}, total_rows=2, **fields
    )


@pytest.mark.parametrize(
    "url",
    [
        reverse("diary:letterboxd"),
        reverse("diary:letterboxd-export"),
        reverse("diary:letterboxd-import", args=[1]),
        reverse("diary:letterboxd-import-report", args=[1]),
    ],
)
def test_the_pages_are_for_signed_in_readers(client, db, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", ["diary:letterboxd-import", "diary:letterboxd-import-report"])
def test_another_readers_import_is_not_found(signed_in, name):
    job = waiting_import(UserFactory(username="someone-else"))
    assert signed_in.get(reverse(name, args=[job.pk])).status_code == HTTPStatus.NOT_FOUND


def test_the_page_has_the_export_the_form_and_the_readers_imports(signed_in, reader):
    waiting_import(reader)
    waiting_import(UserFactory(username="someone-else"), error="not mine")
    response = signed_in.get(reverse("diary:letterboxd"))
    assert response.status_code == HTTPStatus.OK
    page = response.text
    assert reverse("diary:letterboxd-export") in page
    assert 'enctype="multipart/form-data"' in page
    assert '<label for="id_upload">' in page
    assert page.count("<h1") == 1
    assert page.count("diary.csv</a>") == 1
    assert "0 of 2 rows" in page


def test_the_profile_settings_link_to_the_page(signed_in):
    page = signed_in.get(reverse("readers:profile-edit")).text
    assert reverse("diary:letterboxd") in page


def test_the_export_downloads_a_zip(signed_in, reader):
    response = signed_in.get(reverse("diary:letterboxd-export"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "rea" in response["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert "diary.csv" in archive.namelist()


def test_an_upload_is_imported_and_the_reader_sent_to_its_report(
    signed_in, reader, catalogue, post_upload
):
    response = post_upload("watchlist.csv", WATCHLIST)
    job = LetterboxdImport.objects.get(reader=reader)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == job.get_absolute_url()
    assert WatchlistEntry.objects.filter(reader=reader).count() == 1

    page = signed_in.get(response.url).text
    assert "2 of 2 rows done" in page
    assert "Not matched" in page
    assert "No film of this title in our catalogue." in page
    assert 'data-hx-trigger="every 2s"' not in page
    assert reverse("diary:letterboxd-import-report", args=[job.pk]) in page


def test_the_request_only_keeps_the_upload_and_returns(signed_in, reader, catalogue, client):
    """Without the commit (and so without the task) the job waits, with its files kept."""
    response = client.post(reverse("diary:letterboxd"), {"upload": uploaded("w.csv", WATCHLIST)})
    assert response.status_code == HTTPStatus.FOUND
    job = LetterboxdImport.objects.get(reader=reader)
    assert (job.status, job.total_rows, job.done_rows) == ("waiting", 2, 0)
    assert job.files == {"watchlist": WATCHLIST}
    assert not WatchlistEntry.objects.exists()


def test_a_second_import_waits_for_the_first(signed_in, reader, catalogue, post_upload):
    waiting_import(reader, status=LetterboxdImport.Status.RUNNING)
    response = post_upload("watchlist.csv", WATCHLIST)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "still running" in response.text


def test_the_report_filters_by_outcome(signed_in, reader, catalogue, post_upload):
    job_url = post_upload("watchlist.csv", WATCHLIST).url
    page = signed_in.get(job_url, {"outcome": "imported"}).text
    assert "Perfect Blue" in page
    assert "Akira" not in page
    assert "Akira" in signed_in.get(job_url, {"outcome": "nonsense"}).text


def test_the_report_downloads_as_csv(signed_in, reader, catalogue, post_upload, settings):
    job = LetterboxdImport.objects.get(pk=post_upload("w.csv", WATCHLIST).url.split("/")[-2])
    response = signed_in.get(reverse("diary:letterboxd-import-report", args=[job.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["File", "Line", "Name", "Year", "Outcome", "Reason", "Film"],
        [
            "watchlist.csv",
            "2",
            "Perfect Blue",
            "1997",
            "Imported",
            "",
            settings.SITE_URL + "/en/films/perfect-blue/",
        ],
        [
            "watchlist.csv",
            "3",
            "Akira",
            "1988",
            "Not matched",
            "No film of this title in our catalogue.",
            "",
        ],
    ]


def test_a_running_import_polls_with_htmx_and_offers_a_refresh_link(signed_in, reader):
    job = waiting_import(reader, status=LetterboxdImport.Status.RUNNING, done_rows=1)
    url = reverse("diary:letterboxd-import", args=[job.pk])
    page = signed_in.get(url).text
    assert 'data-hx-trigger="every 2s"' in page
    assert f'data-hx-get="{url}"' in page
    assert f'<a href="{url}">Refresh</a>' in page
    assert "1 of 2 rows done" in page
    assert 'value="1"' in page

    fragment = signed_in.get(url, headers={"HX-Request": "true"})
    assert fragment.status_code == HTTPStatus.OK
    assert "<html" not in fragment.text
    assert fragment.text.lstrip().startswith('<section id="import-status"')
    assert "no-cache" in fragment["Cache-Control"]


def test_the_status_page_reads_in_few_queries(
    signed_in, reader, catalogue, post_upload, django_assert_num_queries
):
    url = post_upload("w.csv", WATCHLIST).url
    # Session, user, the job, the counts, the page's count and rows.
    with django_assert_num_queries(6):
        signed_in.get(url, headers={"HX-Request": "true"})


def error_page(response) -> str:
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'role="alert"' in response.text
    assert "choose the file again" in response.text
    return response.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("poster.png", b"\x89PNG\r\n\x1a\n\x00\x00", "neither a CSV file nor a zip"),
        ("notes.txt", b"just some words\n", "not a Letterboxd export"),
        ("ratings.csv", b"Date,Name,Year\n2024-01-01,x,1\n", "has no column Rating"),
        ("diary.csv", b"Name,Rewatch\n", "has no columns Year, Watched Date"),
        ("export.zip", b"PK\x03\x04broken", "cannot be opened"),
        ("empty.csv", b"", "This file is empty."),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(
    signed_in, db, post_upload, name, content, message
):
    page = error_page(post_upload(name, content))
    assert message in page
    assert not LetterboxdImport.objects.exists()


def test_no_file_at_all_is_asked_for(signed_in, db):
    page = error_page(signed_in.post(reverse("diary:letterboxd"), {}))
    assert "Choose the file to import." in page


def test_an_upload_over_the_limit_gets_the_message(signed_in, db, post_upload, settings):
    settings.LETTERBOXD_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
    page = error_page(post_upload("diary.csv", b"x" * (11 * 1024 * 1024)))
    assert "This file is 11 MB; an import takes up to 10 MB." in page


class FiftyMegabytes(UploadedFile):
    """An upload that says it is 50 MB and fails the test if anything reads it."""

    def __init__(self):
        super().__init__(file=None, name="diary.csv", size=50 * 1024 * 1024)

    def read(self, *args):
        raise AssertionError("read")

    def chunks(self, *args):
        raise AssertionError("read")

    def open(self, *args):
        raise AssertionError("read")


def test_a_50_mb_file_is_refused_before_it_is_read(db):
    form = LetterboxdImportForm(files={"upload": FiftyMegabytes()})
    assert not form.is_valid()
    assert "This file is 50 MB" in form.errors["upload"][0]


def test_a_zip_bomb_upload_is_refused(signed_in, db, post_upload):
    bomb = zipped({"diary.csv": csv_text("diary") + "," * (60 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    assert "too large" in error_page(post_upload("export.zip", bomb))


def test_bom_and_windows_1252_uploads_import(signed_in, reader, catalogue, post_upload):
    text = csv_text("watchlist", {"Name": "Perfect Blue", "Year": "1997"})
    post_upload("bom.csv", b"\xef\xbb\xbf" + text.encode())
    post_upload("win.csv", text.replace("Perfect Blue", "Perfect Blue é").encode("cp1252"))
    jobs = LetterboxdImport.objects.filter(reader=reader).order_by("pk")
    assert [job.rows.get().outcome for job in jobs] == ["imported", "not_matched"]
    assert jobs[1].rows.get().name == "Perfect Blue é"


# --- Any upload, through the view --------------------------------------------------------

examples = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
known_columns = st.sampled_from(
    sorted({column for columns in formats.COLUMNS.values() for column in columns})
)
cells = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "Perfect Blue", "Solaris", "1997", "4.5", "11", "Yes", "2024-02-30"]),
)


@st.composite
def csv_uploads(draw) -> bytes:
    header = draw(st.lists(st.one_of(known_columns, st.text(max_size=15)), max_size=10))
    rows = draw(st.lists(st.lists(cells, max_size=len(header) + 2), max_size=8))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return out.getvalue().encode(encoding, errors="replace")


uploads = st.one_of(
    st.binary(max_size=400),
    csv_uploads(),
    st.builds(lambda text: zipped({"diary.csv": text}), csv_uploads()),
    st.builds(lambda data: b"PK\x03\x04" + data, st.binary(max_size=200)),
)


@examples
@given(data=uploads, name=st.sampled_from(["export.zip", "diary.csv", "x", "watched.csv"]))
def test_any_upload_never_fails(signed_in, catalogue, post_upload, data, name):
    response = post_upload(name, data)
    assert response.status_code in {HTTPStatus.FOUND, HTTPStatus.BAD_REQUEST}
    if response.status_code == HTTPStatus.FOUND:
        assert signed_in.get(response.url).status_code == HTTPStatus.OK
        assert LetterboxdImport.objects.latest("pk").status == "done"
