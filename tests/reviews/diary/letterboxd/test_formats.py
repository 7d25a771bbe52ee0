"""Reading an upload: which file it is, its columns, its encoding, and zips that lie."""

import zipfile

import pytest
from django.core.exceptions import ValidationError

from reviews.diary.letterboxd import formats
from tests.reviews.diary.letterboxd.conftest import csv_text, zipped

LIMIT = 1024 * 1024


def read(data: bytes, name: str = "upload.csv") -> formats.Upload:
    return formats.read_upload(data, name=name, max_unzipped=LIMIT)


def refusal(data: bytes, name: str = "upload.csv") -> str:
    with pytest.raises(ValidationError) as caught:
        read(data, name)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize("kind", list(formats.COLUMNS))
def test_a_csv_is_known_by_its_header(kind):
    text = csv_text(kind, {"Name": "Solaris", "Year": "1972"})
    [section] = read(text.encode(), name="export.csv").sections
    assert (section.kind, section.rows) == (kind, 1)


def test_blank_lines_are_not_rows():
    text = csv_text("watchlist", {"Name": "Solaris"}) + "\n\n,,,\n"
    assert read(text.encode()).sections[0].rows == 1


def test_a_utf8_byte_order_mark_just_works():
    text = csv_text("ratings", {"Name": "Perfect Blue", "Year": "1997", "Rating": "4"})
    [section] = read(b"\xef\xbb\xbf" + text.encode()).sections
    assert section.kind == "ratings"
    assert section.text.startswith("Date,Name")


def test_windows_1252_is_decoded():
    text = csv_text("watchlist", {"Name": "Amélie", "Year": "2001"})
    [section] = read(text.encode("cp1252")).sections
    assert "Amélie" in section.text


def test_text_in_neither_encoding_is_refused():
    assert "UTF-8" in refusal(b"Date,Name,Year\n\x81\x8d\x8f,x,1\n")


@pytest.mark.parametrize(
    ("columns", "missing"),
    [
        (("Date", "Name", "Rating"), "Year"),
        (("Date", "Name", "Year", "Rewatch", "Tags"), "Watched Date"),
        (("Name", "Review"), "Year, Watched Date"),
    ],
)
def test_missing_columns_are_named(columns, missing):
    message = refusal(csv_text("watchlist", columns=columns).encode())
    assert f"no column{'s' if ',' in missing else ''} {missing}" in message
    assert "first line should be" in message


def test_a_file_without_a_name_column_is_not_letterboxd():
    assert "not a Letterboxd export" in refusal(b"Title,Score\nSolaris,5\n")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", b"GIF89a\x00\x01"])
def test_binary_files_are_neither_csv_nor_zip(data):
    assert "neither a CSV file nor a zip" in refusal(data, name="poster.png")


def test_an_empty_csv_is_refused():
    assert "is empty" in refusal(b"\n\n", name="diary.csv")


def test_comments_csv_is_not_imported():
    text = csv_text("watchlist", columns=formats.COMMENTS_COLUMNS)
    assert "not imported" in refusal(text.encode(), name="comments.csv")


def test_watched_csv_is_not_taken_for_the_watchlist():
    text = csv_text("watchlist", {"Name": "Solaris", "Year": "1972"})
    assert "diary.csv" in refusal(text.encode(), name="watched.csv")


def test_a_zip_is_read_by_its_file_names_leaving_likes_and_lists_aside():
    watchlist = csv_text("watchlist", {"Name": "Solaris", "Year": "1972"})
    data = zipped(
        {
            "profile.csv": "Date Joined,Username\n",
            "watched.csv": watchlist,
            "watchlist.csv": watchlist,
            "likes/films.csv": watchlist,
            "lists/favourites.csv": watchlist,
            "diary.csv": csv_text("diary", {"Name": "Solaris", "Watched Date": "2024-01-02"}),
            "comments.csv": csv_text("watchlist", columns=formats.COMMENTS_COLUMNS),
        }
    )
    sections = read(data, name="letterboxd-export.zip").sections
    assert [(s.kind, s.name, s.rows) for s in sections] == [
        ("diary", "diary.csv", 1),
        ("watchlist", "watchlist.csv", 1),
    ]


def test_a_zipped_folder_of_the_export_is_read_too():
    data = zipped({"letterboxd-me/ratings.csv": csv_text("ratings", {"Name": "x", "Rating": "1"})})
    assert [s.kind for s in read(data).sections] == ["ratings"]


def test_a_zip_member_with_missing_columns_is_named():
    message = refusal(zipped({"ratings.csv": "Date,Name,Year\n"}))
    assert "ratings.csv" in message
    assert "Rating" in message


def test_a_zip_without_the_export_files_is_refused():
    assert "none of Letterboxd" in refusal(zipped({"notes.txt": "hello"}))


def test_a_damaged_zip_is_refused():
    data = zipped({"diary.csv": csv_text("diary")})
    assert "cannot be opened" in refusal(data[: len(data) // 2])
    assert "cannot be opened" in refusal(b"PK\x03\x04 not a zip at all")


def test_a_zip_bomb_is_refused_from_its_directory_before_unpacking(monkeypatch):
    bomb = zipped({"diary.csv": csv_text("diary") + "," * (2 * LIMIT)})
    assert len(bomb) < LIMIT // 100
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *args, **kwargs: opened.append(args))
    assert "too large" in refusal(bomb)
    assert opened == []


def test_a_zip_whose_directory_understates_a_member_is_refused():
    data = bytearray(zipped({"diary.csv": csv_text("diary", {"Name": "Solaris"})}))
    # Shrink the uncompressed size in the local header and the central directory.
    size = len(csv_text("diary", {"Name": "Solaris"}))
    old, new = size.to_bytes(4, "little"), (size - 5).to_bytes(4, "little")
    assert "cannot be opened" in refusal(bytes(data.replace(old, new)))


@pytest.mark.parametrize(
    ("text", "score"), [("0.5", 1), ("5", 10), ("3.5", 7), (" 4 ", 8), ("", None)]
)
def test_stars_read_as_scores(text, score):
    assert formats.score_from_stars(text) == score


@pytest.mark.parametrize("text", ["0", "5.5", "7", "-1", "3.25", "four", "nan", "inf"])
def test_stars_out_of_range_are_refused(text):
    with pytest.raises(ValidationError):
        formats.score_from_stars(text)


def test_scores_write_as_stars():
    assert [formats.stars(score) for score in (1, 7, 10, None)] == ["0.5", "3.5", "5", ""]
