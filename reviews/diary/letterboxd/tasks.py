"""Imports run by `manage.py db_worker` (at once in tests)."""

from django.tasks import task

from reviews.diary.letterboxd import importer
from reviews.diary.letterboxd.models import LetterboxdImport


@task()
def run_letterboxd_import(job_id: int) -> int:
    """Run a waiting import; the rows done (0 if it was not waiting)."""
    job = (
        LetterboxdImport.objects.select_related("reader")
        .filter(pk=job_id, status=LetterboxdImport.Status.WAITING)
        .first()
    )
    if job is None:
        return 0
    return importer.import_run(job=job).done_rows
