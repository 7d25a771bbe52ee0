"""Importing a Letterboxd export: each row matched to a film of the catalogue (loaded once,
not looked up row by row) and added through the diary's services, in batches, each batch one
transaction that also records its rows' report and the job's progress."""

from __future__ import annotations

import logging
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import batched, islice

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from films.models import Film
from reviews.diary import services
from reviews.diary.letterboxd import formats
from reviews.diary.letterboxd.models import LetterboxdImport, LetterboxdImportRow
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry
from reviews.discussion.models import Comment

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
Outcome = LetterboxdImportRow.Outcome


def title_key(title: str) -> str:
    """A title as matching compares it: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())


class Catalogue:
    """Every film's titles, years and address, read in one query, to match rows against."""

    def __init__(self) -> None:
        self.by_title: dict[str, set[tuple[int, int]]] = defaultdict(set)
        self.by_url: dict[str, int] = {}
        for pk, title, original_title, released, slug in Film.objects.values_list(
            "pk", "title", "original_title", "release_date", "slug"
        ):
            for each in {title_key(title), title_key(original_title)} - {""}:
                self.by_title[each].add((pk, released.year))
            self.by_url[settings.SITE_URL + Film(slug=slug).get_absolute_url()] = pk

    def match(self, *, name: str, year: int | None, uri: str) -> tuple[int | None, str]:
        """The film's pk, or None and why not."""
        if pk := self.by_url.get(uri.strip()):
            return pk, ""
        films = self.by_title.get(title_key(name), set())
        if year is not None:
            of_year = {pk for pk, released in films if released == year}
            if len(of_year) == 1:
                return of_year.pop(), ""
            if of_year:
                return None, _("Several films have this title and year.")
            if films:
                years = ", ".join(sorted({str(released) for _pk, released in films}))
                return None, _(
                    "No film of this title from %(year)s; we have it from %(years)s."
                ) % {
                    "year": year,
                    "years": years,
                }
            return None, _("No film of this title in our catalogue.")
        pks = {pk for pk, _released in films}
        if len(pks) == 1:
            return pks.pop(), ""
        if pks:
            return None, _("Several films have this title; the row gives no year to choose.")
        return None, _("No film of this title in our catalogue.")


@dataclass
class ReaderState:
    """What the reader already has, read once and kept up to date as rows are imported, so
    that a row already there costs no query."""

    ratings: dict[int, int]
    watchlist: set[int]
    # (film, watched on, rewatch, score) -> [(entry pk, review)]
    diary: dict[tuple, list[tuple[int, str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, reader: User) -> ReaderState:
        state = cls(
            ratings=dict(Rating.objects.filter(reader=reader).values_list("film_id", "score")),
            watchlist=set(
                WatchlistEntry.objects.filter(reader=reader).values_list("film_id", flat=True)
            ),
        )
        for pk, *key, review in DiaryEntry.objects.filter(reader=reader).values_list(
            "pk", "film_id", "watched_on", "rewatch", "score", "review"
        ):
            state.diary.setdefault(tuple(key), []).append((pk, review))
        return state


@dataclass
class Row:
    kind: str
    line: int
    cells: dict[str, str]
    film_pk: int | None = None
    not_matched: str = ""  # why no film matches
    not_imported: str = ""  # why the row cannot be read

    @property
    def name(self) -> str:
        return self.cells.get("Name", "").strip()

    @property
    def year_text(self) -> str:
        return self.cells.get("Year", "").strip()[:20]


class Superseded(Exception):
    """The job was resumed by another run while this one was thought lost."""


def _live_import(reader: User) -> LetterboxdImport | None:
    """The reader's import still waiting or running (not stalled), if any; under the lock of
    the reader's row, so that two requests cannot both start one."""
    User.objects.select_for_update().filter(pk=reader.pk).values_list("pk").get()
    return LetterboxdImport.objects.filter(reader=reader).live().defer("files").first()


def _still_running(job: LetterboxdImport) -> ValidationError:
    return ValidationError(
        _("Your import of %(name)s is still running: wait for it to finish.")
        % {"name": job.filename},
        code="running",
    )


def _enqueue(job: LetterboxdImport) -> None:
    from reviews.diary.letterboxd.tasks import run_letterboxd_import

    transaction.on_commit(lambda: run_letterboxd_import.enqueue(job_id=job.pk))


@transaction.atomic
def import_create(*, reader: User, upload: formats.Upload) -> LetterboxdImport:
    """Keep a checked upload as a job and start it in the background; one at a time per reader."""
    if (running := _live_import(reader)) is not None:
        raise _still_running(running)
    job = LetterboxdImport.objects.create(
        reader=reader,
        filename=upload.name[:255],
        files={section.kind: section.text for section in upload.sections},
        total_rows=sum(section.rows for section in upload.sections),
        language=translation.get_language() or "",
    )
    _enqueue(job)
    return job


@transaction.atomic
def import_resume(*, reader: User, job_id: int) -> LetterboxdImport:
    """Start a stalled import again from its last batch done, as the next attempt: the rows
    reported stay, the rest are imported, none twice."""
    job = LetterboxdImport.objects.select_for_update().get(pk=job_id, reader=reader)
    if not job.is_stalled:
        raise ValidationError(
            _("This import is not stalled: it is running or has finished."), code="not_stalled"
        )
    if (running := _live_import(reader)) is not None:
        raise _still_running(running)
    job.status, job.attempt, job.progressed_at, job.error = (
        LetterboxdImport.Status.WAITING,
        job.attempt + 1,
        timezone.now(),
        "",
    )
    job.save(update_fields=["status", "attempt", "progressed_at", "error"])
    _enqueue(job)
    return job


def import_run(*, job: LetterboxdImport) -> LetterboxdImport:
    """Import the job's rows that are not done yet, batch by batch; a failure part-way keeps
    the batches done. Only a waiting job is run, by one worker: the first to claim it."""
    now = timezone.now()
    claimed = LetterboxdImport.objects.filter(
        pk=job.pk, attempt=job.attempt, status=LetterboxdImport.Status.WAITING
    ).update(
        status=LetterboxdImport.Status.RUNNING,
        started_at=Coalesce("started_at", Value(now)),
        progressed_at=now,
    )
    if not claimed:
        return job
    job.status = LetterboxdImport.Status.RUNNING
    # The report's reasons are kept as text, written in the language the reader asked in.
    with translation.override(job.language or settings.LANGUAGE_CODE):
        return _run_claimed(job)


def _run_claimed(job: LetterboxdImport) -> LetterboxdImport:
    try:
        _import_rows(job)
    except Superseded:
        logger.warning("Letterboxd import %s was resumed by a later attempt", job.pk)
        return job
    except Exception:
        logger.exception("Letterboxd import %s failed", job.pk)
        job.status, job.error = (
            LetterboxdImport.Status.FAILED,
            _("Something went wrong part-way; the rows reported were imported."),
        )
    else:
        job.status = LetterboxdImport.Status.DONE
    job.files, job.finished_at = {}, timezone.now()
    LetterboxdImport.objects.filter(pk=job.pk, attempt=job.attempt).update(
        status=job.status, error=job.error, files=job.files, finished_at=job.finished_at
    )
    return job


def _rows(job: LetterboxdImport):
    for kind in formats.IMPORTED_KINDS:
        if text := job.files.get(kind):
            for line, cells in formats.rows_of(text):
                yield Row(kind=kind, line=line, cells=cells)


def _import_rows(job: LetterboxdImport) -> None:
    reader, catalogue, state = job.reader, Catalogue(), ReaderState.of(job.reader)
    # A resumed job goes on after its last batch done: those rows are in the report already.
    position = job.done_rows
    for batch in batched(islice(_rows(job), position, None), BATCH_SIZE, strict=False):
        for row in batch:
            _match(row, catalogue)
        with transaction.atomic():
            # Holding the job's row for the batch: a resume waits for it, and a run that was
            # resumed meanwhile finds another attempt and writes nothing.
            if (
                not LetterboxdImport.objects.select_for_update()
                .filter(pk=job.pk, attempt=job.attempt)
                .exists()
            ):
                raise Superseded
            films = Film.objects.only("pk", "slug", "title").in_bulk(
                {row.film_pk for row in batch if row.film_pk}
            )
            report = []
            for row in batch:
                position += 1
                outcome, reason = _outcome(row, films.get(row.film_pk), reader, state)
                report.append(
                    LetterboxdImportRow(
                        job=job,
                        position=position,
                        file=row.kind,
                        line=row.line,
                        name=row.name,
                        year=row.year_text,
                        outcome=outcome,
                        reason=reason,
                        film_id=row.film_pk,
                    )
                )
            LetterboxdImportRow.objects.bulk_create(report)
            job.done_rows = position
            LetterboxdImport.objects.filter(pk=job.pk).update(
                done_rows=position, progressed_at=timezone.now()
            )


def _match(row: Row, catalogue: Catalogue) -> None:
    if not row.name:
        row.not_imported = _("The row has no film name.")
        return
    year = None
    if row.year_text:
        try:
            year = int(row.year_text)
        except ValueError:
            row.not_imported = _("The year “%(year)s” is not a number.") % {"year": row.year_text}
            return
    row.film_pk, row.not_matched = catalogue.match(
        name=row.name, year=year, uri=row.cells.get("Letterboxd URI", "")
    )


def _outcome(row: Row, film: Film | None, reader: User, state: ReaderState) -> tuple[str, str]:
    if row.not_imported:
        return Outcome.NOT_IMPORTED, row.not_imported
    if row.film_pk is None:
        return Outcome.NOT_MATCHED, row.not_matched
    if film is None:
        return Outcome.NOT_IMPORTED, _("The film is no longer in the catalogue.")
    apply = {
        formats.RATINGS: _rating,
        formats.DIARY: _watch,
        formats.REVIEWS: _watch,
        formats.WATCHLIST: _watchlist,
    }[row.kind]
    try:
        return apply(row, film, reader, state)
    except ValidationError as error:
        return Outcome.NOT_IMPORTED, " ".join(error.messages)
    except DatabaseError:
        # The service's own savepoint is rolled back; the batch goes on.
        logger.exception("Letterboxd import row refused by the database")
        return Outcome.NOT_IMPORTED, _("The row could not be saved.")


def _rating(row: Row, film: Film, reader: User, state: ReaderState) -> tuple[str, str]:
    score = formats.score_from_stars(row.cells.get("Rating", ""))
    if score is None:
        return Outcome.NOT_IMPORTED, _("The row has no rating.")
    old = state.ratings.get(film.pk)
    if old == score:
        return Outcome.ALREADY_THERE, ""
    services.rating_set(reader=reader, film=film, score=score)
    state.ratings[film.pk] = score
    if old is None:
        return Outcome.IMPORTED, ""
    return Outcome.UPDATED, _("Your rating was %(old)s stars.") % {"old": formats.stars(old)}


def _watch(row: Row, film: Film, reader: User, state: ReaderState) -> tuple[str, str]:
    watched_on = formats.date_from_text(
        row.cells.get("Watched Date", ""), column="Watched Date"
    ) or formats.date_from_text(row.cells.get("Date", ""), column="Date")
    if watched_on is None:
        return Outcome.NOT_IMPORTED, _("The row has no date.")
    score = formats.score_from_stars(row.cells.get("Rating", ""))
    rewatch = row.cells.get("Rewatch", "").strip().casefold() in {"yes", "true", "1", "y"}
    tags = services.clean_tags(row.cells.get("Tags", "").split(","))
    review = row.cells.get("Review", "").strip() if row.kind == formats.REVIEWS else ""
    key = (film.pk, watched_on, rewatch, score)
    entries = state.diary.get(key, [])
    # A diary row is there when any entry has its film, day, rewatch and rating; a review
    # row when one also has its review, or can take it (Letterboxd lists a reviewed watch in
    # both diary.csv and reviews.csv).
    if (entries and not review) or any(text == review for _pk, text in entries):
        return Outcome.ALREADY_THERE, ""
    if entries:
        bare = next((pk for pk, text in entries if not text), None)
        if bare is None:
            return Outcome.NOT_IMPORTED, _("Your diary entry of that day has another review.")
        entry = DiaryEntry.objects.select_related("film").get(pk=bare)
        entry = services.entry_update(
            entry=entry,
            user=reader,
            watched_on=entry.watched_on,
            rewatch=entry.rewatch,
            score=entry.score,
            review=review,
            contains_spoilers=entry.contains_spoilers,
            tags=entry.tags or tags,
        )
        entries[entries.index((bare, ""))] = (bare, entry.review)
        return Outcome.IMPORTED, _held(entry) or _("The review was added to your diary entry.")
    entry = services.watch_log(
        reader=reader,
        film=film,
        watched_on=watched_on,
        rewatch=rewatch,
        score=score,
        review=review,
        tags=tags,
    )
    state.diary.setdefault(key, []).append((entry.pk, entry.review))
    if score is not None:
        state.ratings[film.pk] = score
    state.watchlist.discard(film.pk)
    return Outcome.IMPORTED, _held(entry)


def _held(entry: DiaryEntry) -> str:
    if entry.review and entry.review_status == Comment.Status.PENDING:
        return _("The review waits for a moderator.")
    return ""


def _watchlist(row: Row, film: Film, reader: User, state: ReaderState) -> tuple[str, str]:
    if film.pk in state.watchlist:
        return Outcome.ALREADY_THERE, ""
    services.watchlist_add(reader=reader, film=film)
    state.watchlist.add(film.pk)
    return Outcome.IMPORTED, ""
