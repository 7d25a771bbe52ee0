"""A reader's imports of a Letterboxd export: the job, run in the background, and its report,
one row for each row of the files."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from films.models import Film

# A batch of rows takes well under a second; a job with no batch for this long has lost its
# worker (stopped, restarted or killed mid-batch).
STALLED_AFTER = timedelta(minutes=10)


class LetterboxdImportQuerySet(models.QuerySet):
    def live(self) -> LetterboxdImportQuerySet:
        """Imports waiting or running that have moved within STALLED_AFTER (`is_stalled`'s
        opposite, for the unfinished)."""
        moved_since = timezone.now() - STALLED_AFTER
        return self.filter(
            models.Q(progressed_at__gt=moved_since)
            | models.Q(progressed_at__isnull=True, created_at__gt=moved_since),
            status__in=[LetterboxdImport.Status.WAITING, LetterboxdImport.Status.RUNNING],
        )


class LetterboxdImport(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="letterboxd_imports",
        verbose_name=_("reader"),
    )
    filename = models.CharField(_("file name"), max_length=255)
    # The upload's CSV files as text, by kind ("diary": "Date,Name,..."), read and checked
    # when it was sent; emptied once the import has run.
    files = models.JSONField(default=dict, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.WAITING)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    done_rows = models.PositiveIntegerField(_("rows done"), default=0)
    error = models.CharField(_("error"), max_length=300, blank=True)
    # The language the reader asked in: the report's reasons are written in it.
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    # When a batch last landed (or the job was started or resumed): a job that has not moved
    # for `STALLED_AFTER` lost its worker, and the reader may resume it.
    progressed_at = models.DateTimeField(null=True, blank=True)
    # Which run of the job may write its rows: a resume starts the next one, so a worker
    # thought lost that wakes up again stops at its next batch instead of writing twice.
    attempt = models.PositiveSmallIntegerField(default=1)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = LetterboxdImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Letterboxd import")
        verbose_name_plural = _("Letterboxd imports")
        indexes = [models.Index(fields=["reader", "-created_at"], name="letterboxd_import_reader")]

    def __str__(self) -> str:
        return f"{self.reader}'s import of {self.filename}"

    def get_absolute_url(self) -> str:
        return reverse("diary:letterboxd-import", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def is_stalled(self) -> bool:
        if self.is_finished:
            return False
        return (self.progressed_at or self.created_at) < timezone.now() - STALLED_AFTER

    @property
    def percent_done(self) -> int:
        if not self.total_rows:
            return 100 if self.is_finished else 0
        return 100 * self.done_rows // self.total_rows


class LetterboxdImportRow(models.Model):
    """What became of one row of an imported file."""

    class Outcome(models.TextChoices):
        IMPORTED = "imported", _("Imported")
        UPDATED = "updated", _("Updated")
        ALREADY_THERE = "already", _("Already there")
        NOT_MATCHED = "not_matched", _("Not matched")
        NOT_IMPORTED = "not_imported", _("Not imported")

    job = models.ForeignKey(
        LetterboxdImport, on_delete=models.CASCADE, related_name="rows", verbose_name=_("import")
    )
    position = models.PositiveIntegerField(_("position"))
    file = models.CharField(_("file"), max_length=20)
    line = models.PositiveIntegerField(_("line"))
    name = models.TextField(_("name"), blank=True)
    year = models.CharField(_("year"), max_length=20, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome)
    reason = models.TextField(_("reason"), blank=True)
    film = models.ForeignKey(
        Film,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("film"),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("Letterboxd import row")
        verbose_name_plural = _("Letterboxd import rows")
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="letterboxd_row_position")
        ]

    def __str__(self) -> str:
        return f"{self.file} line {self.line}: {self.get_outcome_display()}"
