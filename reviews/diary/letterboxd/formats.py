"""Letterboxd's export format: the columns of each file, how its ratings and dates are written,
and reading an upload (the export's zip, or one of its CSV files) into checked CSV text."""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

RATINGS, DIARY, REVIEWS, WATCHLIST = "ratings", "diary", "reviews", "watchlist"
# In the order an import applies them: a diary row's rating becomes the reader's rating, so
# ratings.csv (the ratings as they stand) comes after; logging a watch takes the film off the
# watchlist, so the watchlist comes last.
IMPORTED_KINDS = (DIARY, REVIEWS, RATINGS, WATCHLIST)

COLUMNS = {
    RATINGS: ("Date", "Name", "Year", "Letterboxd URI", "Rating"),
    DIARY: ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"),
    WATCHLIST: ("Date", "Name", "Year", "Letterboxd URI"),
    REVIEWS: (
        "Date",
        "Name",
        "Year",
        "Letterboxd URI",
        "Rating",
        "Rewatch",
        "Review",
        "Tags",
        "Watched Date",
    ),
}
# What an import cannot do without; the others may be missing.
REQUIRED = {
    RATINGS: ("Name", "Year", "Rating"),
    DIARY: ("Name", "Year", "Watched Date"),
    REVIEWS: ("Name", "Year", "Watched Date", "Review"),
    WATCHLIST: ("Name", "Year"),
}
COMMENTS_COLUMNS = ("Date", "Review", "URL", "Comment")
FILE_NAMES = {f"{kind}.csv": kind for kind in COLUMNS}
# Folders of a Letterboxd export whose CSV files share the names and columns above but hold
# something else (liked films, lists, deleted entries).
OTHER_FOLDERS = {"likes", "lists", "deleted", "orphaned"}


@dataclass(frozen=True)
class Section:
    """One CSV file of an upload, decoded and checked."""

    kind: str
    name: str
    text: str
    rows: int


@dataclass(frozen=True)
class Upload:
    name: str
    sections: list[Section]


def stars(score: int | None) -> str:
    """Our 1-10 score as Letterboxd writes it: 0.5 to 5 stars ("3.5", "4")."""
    return "" if score is None else f"{score / 2:g}"


def score_from_stars(text: str) -> int | None:
    """Letterboxd's 0.5-5 stars as our 1-10 score; None when empty."""
    text = text.strip()
    if not text:
        return None
    try:
        halves = float(text) * 2
    except ValueError:
        raise ValidationError(
            _("The rating “%(rating)s” is not a number.") % {"rating": text[:20]}, code="rating"
        ) from None
    if not 1 <= halves <= 10 or halves != int(halves):  # NaN fails the first test
        raise ValidationError(
            _("The rating %(rating)s is not from 0.5 to 5 stars in half stars.")
            % {"rating": text[:20]},
            code="rating",
        )
    return int(halves)


def date_from_text(text: str, *, column: str) -> date | None:
    """A cell of the date column `column` (its CSV name, e.g. "Watched Date") as a date."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("“%(date)s” in the column %(column)s is not a date like 2024-03-31.")
            % {"column": column, "date": text[:30]},
            code="date",
        ) from None


def decode(data: bytes) -> str:
    """Text in UTF-8 (with or without a byte-order mark), else in Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        _("This file is not text in UTF-8 or Windows-1252: save it as UTF-8 CSV and try again."),
        code="encoding",
    )


def kind_of(header: list[str]) -> str | None:
    """Which of the export's files these columns are, by the columns only it has."""
    columns = set(header)
    if "Review" in columns and "Name" in columns:
        return REVIEWS
    if columns & {"Watched Date", "Rewatch"}:
        return DIARY
    if "Rating" in columns:
        return RATINGS
    if "Name" in columns:
        return WATCHLIST
    return None


def _not_letterboxd() -> ValidationError:
    return ValidationError(
        _(
            "This is not a Letterboxd export: it has no Name column. Upload the zip Letterboxd "
            "gave you, or one of its files: ratings.csv, diary.csv, reviews.csv or watchlist.csv."
        ),
        code="not_letterboxd",
    )


def check_csv(text: str, *, name: str, kind: str | None = None) -> Section:
    """The file's rows counted and its columns checked; its kind from its name or columns."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [column.strip() for column in next(reader, [])]
        rows = sum(1 for row in reader if any(cell.strip() for cell in row))
    except csv.Error as error:
        raise ValidationError(
            _("%(name)s cannot be read as CSV (line %(line)s: %(error)s).")
            % {"name": name, "line": reader.line_num, "error": error},
            code="csv",
        ) from None
    if not any(header):
        raise ValidationError(_("%(name)s is empty.") % {"name": name}, code="empty")
    if header[: len(COMMENTS_COLUMNS)] == list(COMMENTS_COLUMNS) and kind is None:
        raise ValidationError(
            _("%(name)s holds comments on reviews, which are not imported.") % {"name": name},
            code="comments",
        )
    # Letterboxd's own file name says which it is; else the columns do.
    kind = kind or FILE_NAMES.get(PurePosixPath(name).name.casefold()) or kind_of(header)
    if kind is None:
        raise _not_letterboxd()
    if kind == WATCHLIST and PurePosixPath(name).name.casefold().startswith("watched"):
        raise ValidationError(
            _(
                "watched.csv lists films without the day you saw them, and a diary here needs "
                "one: upload diary.csv, or the whole zip."
            ),
            code="watched",
        )
    missing = [column for column in REQUIRED[kind] if column not in header]
    if missing:
        problem = ngettext(
            "%(name)s looks like Letterboxd's %(file)s but has no column %(columns)s.",
            "%(name)s looks like Letterboxd's %(file)s but has no columns %(columns)s.",
            len(missing),
        ) % {"name": name, "file": f"{kind}.csv", "columns": ", ".join(missing)}
        expected = _("Its first line should be: %(header)s") % {"header": ",".join(COLUMNS[kind])}
        raise ValidationError(f"{problem} {expected}", code="columns")
    return Section(kind=kind, name=name, text=text, rows=rows)


def read_zip(data: bytes, *, max_unzipped: int) -> list[Section]:
    """The export's CSV files, each checked; sizes come from the zip's directory and are
    checked before anything is unpacked, and reading stops at them whatever the data says."""
    damaged = ValidationError(
        _("This zip cannot be opened: it is damaged, encrypted or compressed in an unusual way."),
        code="bad_zip",
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {}
        for info in archive.infolist():
            path = PurePosixPath(info.filename)
            kind = FILE_NAMES.get(path.name)
            if (
                kind
                and not info.is_dir()
                and len(path.parts) <= 2
                and not OTHER_FOLDERS & set(path.parts[:-1])
            ):
                members.setdefault(kind, info)
        if not members:
            raise ValidationError(
                _(
                    "This zip holds none of Letterboxd's ratings.csv, diary.csv, reviews.csv or "
                    "watchlist.csv."
                ),
                code="no_files",
            )
        if sum(info.file_size for info in members.values()) > max_unzipped:
            raise ValidationError(
                _("Unpacked, this zip is over %(size)s MB: too large to import.")
                % {"size": max_unzipped // (1024 * 1024)},
                code="too_large_unzipped",
            )
        sections = []
        for kind in IMPORTED_KINDS:
            if info := members.get(kind):
                with archive.open(info) as member:
                    raw = member.read(info.file_size + 1)
                if len(raw) > info.file_size:
                    raise damaged
                sections.append(check_csv(decode(raw), name=info.filename, kind=kind))
        return sections
    except (
        zipfile.BadZipFile,
        zlib.error,
        RuntimeError,
        NotImplementedError,
        EOFError,
        OSError,
        ValueError,
    ):
        raise damaged from None


def read_upload(data: bytes, *, name: str, max_unzipped: int) -> Upload:
    """An upload as the CSV files it holds, in the order they are imported."""
    if data.startswith(b"PK"):
        return Upload(name=name, sections=read_zip(data, max_unzipped=max_unzipped))
    if b"\x00" in data:
        raise ValidationError(
            _("This is neither a CSV file nor a zip: upload Letterboxd's export as it came."),
            code="not_csv",
        )
    return Upload(name=name, sections=[check_csv(decode(data), name=name)])


def rows_of(text: str):
    """Each non-empty row of a checked file as (line number, {column: cell})."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip() for column in next(reader)]
    for row in reader:
        if any(cell.strip() for cell in row):
            cells = dict(zip(header, row, strict=False))
            yield reader.line_num, {column: cells.get(column, "") for column in header}
