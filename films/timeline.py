"""A film's time line, as editors keep it: its scenes, and the premieres readers watch together.

Points in the film are whole seconds from its start (films/timecodes.py reads and writes them).
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, Lead
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from films import timecodes


class SceneQuerySet(models.QuerySet):
    def of(self, film) -> SceneQuerySet:
        return self.filter(film=film).order_by("start")

    def with_spans(self) -> SceneQuerySet:
        """Each scene with its `end`: the next scene's start, or the film's running time for
        the last (None when the film has none). One query, a window over the film's scenes."""
        next_start = models.Window(Lead("start"), partition_by=["film"], order_by="start")
        return self.annotate(
            end=Coalesce(next_start, models.F("film__running_time") * 60),
        )

    def containing(self, seconds: int) -> SceneQuerySet:
        """The scene a point in the film falls in first (the latest to start by then)."""
        return self.filter(start__lte=seconds).order_by("-start")


def scene_at(film, seconds: int) -> Scene | None:
    """The scene of `film` playing at `seconds`; a point before the first scene starts is in
    the first scene. None when the film has no scenes."""
    scenes = Scene.objects.of(film)
    return scenes.containing(seconds).first() or scenes.first()


class Scene(models.Model):
    """A stretch of a film from `start` to the next scene's start (the last: to the end)."""

    film = models.ForeignKey(
        "films.Film", verbose_name=_("film"), on_delete=models.CASCADE, related_name="scenes"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    start = models.PositiveIntegerField(
        _("starts at"), help_text=_("Seconds from the start of the film.")
    )

    objects = SceneQuerySet.as_manager()

    class Meta:
        ordering = ["film", "start"]
        verbose_name = _("scene")
        verbose_name_plural = _("scenes")
        constraints = [
            models.UniqueConstraint(fields=["film", "number"], name="scene_number_unique"),
            models.UniqueConstraint(fields=["film", "start"], name="scene_start_unique"),
            models.CheckConstraint(condition=models.Q(number__gt=0), name="scene_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "scenes:scene-detail",
            kwargs={"film": self.film.slug, "number": self.number, "slug": self.slug},
        )

    @property
    def start_label(self) -> str:
        return timecodes.format(self.start)

    @property
    def span_label(self) -> str:
        """'0:45-1:02' with an en dash, from a queryset `with_spans()`; the start alone when the end is unknown."""
        end = getattr(self, "end", None)
        return (
            self.start_label
            if end is None
            else f"{self.start_label}\N{EN DASH}{timecodes.format(end)}"
        )

    def holds(self, seconds: int | None) -> bool:
        """Whether a point falls inside this scene (`with_spans()` rows)."""
        end = getattr(self, "end", None)
        return seconds is not None and self.start <= seconds and (end is None or seconds < end)


class PremiereQuerySet(models.QuerySet):
    def on_now(self, at=None) -> PremiereQuerySet:
        at = at or timezone.now()
        return self.filter(starts_at__lte=at, ends_at__gt=at)

    def upcoming(self, at=None) -> PremiereQuerySet:
        return self.filter(ends_at__gt=at or timezone.now()).order_by("starts_at")


class Premiere(models.Model):
    """A window in which readers watch the film together: slow mode, new accounts held, and
    everything gated at each reader's progress (reviews/premiere)."""

    film = models.ForeignKey(
        "films.Film", verbose_name=_("film"), on_delete=models.CASCADE, related_name="premieres"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    slow_mode_seconds = models.PositiveIntegerField(
        _("slow mode"),
        default=30,
        help_text=_("Each reader may post at most one comment in this many seconds."),
    )
    hold_accounts_younger_than = models.DurationField(
        _("hold comments of accounts younger than"),
        default=timedelta(days=1),
        help_text=_(
            "Their comments wait for a moderator during the premiere. E.g. 1 00:00:00 for a day."
        ),
    )

    objects = PremiereQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("premiere")
        verbose_name_plural = _("premieres")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="premiere_ends_after_start",
                violation_error_message=_("A premiere must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.film} ({self.starts_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        """The film's premiere thread (it shows the current or next premiere, else the last)."""
        return reverse("premiere:premiere-thread", kwargs={"film": self.film.slug})

    def clean(self) -> None:
        """Two premieres of one film never overlap: a reader would not know which is on."""
        super().clean()
        if not (self.film_id and self.starts_at and self.ends_at):
            return
        overlapping = (
            Premiere.objects.filter(
                film_id=self.film_id, starts_at__lt=self.ends_at, ends_at__gt=self.starts_at
            )
            .exclude(pk=self.pk)
            .first()
        )
        if overlapping is not None:
            raise ValidationError(
                _("This premiere overlaps another of the same film (%(other)s). Pick another time.")
                % {"other": overlapping.window_label()},
                code="premiere_overlaps",
            )

    def window_label(self) -> str:
        """When it is on, in the current time zone: "2026-12-05 20:00 - 21:30"."""
        starts, ends = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        end_format = "%H:%M" if starts.date() == ends.date() else "%Y-%m-%d %H:%M"
        return f"{starts:%Y-%m-%d %H:%M}–{ends.strftime(end_format)}"  # noqa: RUF001

    def is_on(self, at=None) -> bool:
        at = at or timezone.now()
        return self.starts_at <= at < self.ends_at

    def has_ended(self, at=None) -> bool:
        return self.ends_at <= (at or timezone.now())

    def elapsed(self, at=None) -> int:
        """Seconds into the film at `at`, for readers watching from the start of the premiere
        (0 before it, the running time at most)."""
        seconds = max(0, int(((at or timezone.now()) - self.starts_at).total_seconds()))
        if self.film.running_time:
            seconds = min(seconds, self.film.running_time * 60)
        return seconds
