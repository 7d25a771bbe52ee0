from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy


def language_code_field(help_text: str) -> models.CharField:
    """The language of an original title or name, for its lang attribute."""
    return models.CharField(_("original language"), max_length=10, blank=True, help_text=help_text)


def trigram_indexes(prefix: str, *fields: str) -> list[GinIndex]:
    """For spelling suggestions: names spelt like the query (pg_trgm's similarity)."""
    return [
        GinIndex(fields=[field], opclasses=["gin_trgm_ops"], name=f"{prefix}_{field}_trgm")
        for field in fields
    ]


def weighted_search_vector(
    config: str, a: tuple[str, ...], b: str | tuple[str, ...], c: str | tuple[str, ...]
) -> models.Field:
    """A tsvector PostgreSQL keeps up to date: matches in `a` rank above `b` above `c`."""
    b, c = ((f,) if isinstance(f, str) else f for f in (b, c))
    return models.GeneratedField(
        expression=(
            SearchVector(*a, config=config, weight="A")
            + SearchVector(*b, config=config, weight="B")
            + SearchVector(*c, config=config, weight="C")
        ),
        output_field=SearchVectorField(),
        db_persist=True,
    )


def hangul_search_keys(*fields: str) -> models.Field:
    """What a Hangul search matches by substring, kept by PostgreSQL: each field without its
    spaces, then each field's initial consonants (초성), joined by "|" (the function is made
    by migration films 0008: Python never computes it)."""
    return models.GeneratedField(
        expression=models.Func(
            *fields, function="starlight_hangul_keys", output_field=models.TextField()
        ),
        output_field=models.TextField(),
        db_persist=True,
    )


def no_scores() -> list[int]:
    return [0] * 10


class SavesSourceLanguage(models.Model):
    """For a model with translated fields (films/translation.py): the untranslated column
    (`title` beside title_en and title_ko) keeps the English value, or the Korean when there
    is none, whatever language the editor works in. Other apps' lookups and exports read it."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            super().save(*args, **kwargs)


class Genre(SavesSourceLanguage):
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("genre")
        verbose_name_plural = _("genres")

    def __str__(self) -> str:
        return self.name


class Person(SavesSourceLanguage):
    """Anyone credited on a film; studios are credited the same way."""

    name = models.CharField(_("name"), max_length=200)
    original_name = models.CharField(
        _("original name"),
        max_length=200,
        blank=True,
        help_text=_("The name in its own script, e.g. 한지원."),
    )
    original_name_language = language_code_field(
        _("Language of the original name as a BCP 47 code, e.g. ko or ja.")
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    bio = models.TextField(_("biography"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Names in any script, in both languages: "simple" neither stems nor drops words.
    search_vector = models.GeneratedField(
        expression=SearchVector("name_en", "name_ko", "original_name", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    hangul_keys = hangul_search_keys("name_en", "name_ko", "original_name")

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            GinIndex(fields=["search_vector"], name="person_search_vector"),
            *trigram_indexes("person", "name_en", "name_ko", "original_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("films:person-detail", kwargs={"slug": self.slug})


class FilmQuerySet(models.QuerySet):
    def with_directors(self) -> FilmQuerySet:
        """Prefetch the director credits, in billing order, as `film.director_credits`."""
        return self.prefetch_related(
            models.Prefetch(
                "credits",
                queryset=Credit.objects.filter(role=Credit.Role.DIRECTOR)
                .select_related("person")
                .order_by("order"),
                to_attr="director_credits",
            )
        )

    def released_in(self, year: int) -> FilmQuerySet:
        return self.filter(release_date__year=year)

    def directed_by(self, person_slug: str) -> FilmQuerySet:
        return self.filter(
            credits__role=Credit.Role.DIRECTOR, credits__person__slug=person_slug
        ).distinct()


class Film(SavesSourceLanguage):
    class DatePrecision(models.TextChoices):
        DAY = "day", _("Exact day")
        YEAR = "year", _("Year only")

    title = models.CharField(_("title"), max_length=200)
    original_title = models.CharField(
        _("original title"),
        max_length=200,
        blank=True,
        help_text=_("The title in its own language and script."),
    )
    original_language = language_code_field(
        _("Language of the original title as a BCP 47 code, e.g. ko or ja.")
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    release_date = models.DateField(
        _("release date"),
        help_text=_("First release. When only the year is known, use 1 January and 'Year only'."),
    )
    release_date_precision = models.CharField(
        _("release date precision"), max_length=4, choices=DatePrecision, default=DatePrecision.DAY
    )
    running_time = models.PositiveSmallIntegerField(
        _("running time"),
        null=True,
        blank=True,
        help_text=_("In minutes. Leave empty if not known."),
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    synopsis = models.TextField(_("synopsis"), blank=True)
    poster = models.ImageField(_("poster"), upload_to="posters/", blank=True)
    # Resized WebP copies for srcset, written by films.images.make_poster_variants on upload:
    # [{"name": storage name, "width": px, "height": px}, ...], narrowest first.
    poster_variants = models.JSONField(default=list, blank=True, editable=False)
    genres = models.ManyToManyField(
        Genre, verbose_name=_("genres"), related_name="films", blank=True
    )
    countries = ArrayField(
        models.CharField(max_length=80), verbose_name=_("countries"), default=list, blank=True
    )
    languages = ArrayField(
        models.CharField(max_length=80), verbose_name=_("languages"), default=list, blank=True
    )
    # How many readers gave each score, 1 to 10: kept by the service that records readers'
    # ratings (another app's), so cards and pages show the readers' average without a join.
    reader_score_counts = ArrayField(
        models.PositiveIntegerField(), size=10, default=no_scores, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Titles above the taglines above the synopses, in both languages. "simple" rather than
    # "english": titles mix languages and scripts, and stemming them would lose Korean and
    # Japanese words. Credited names live in other tables, out of a GeneratedField's reach:
    # the search matches people separately and reaches their films through the credits.
    search_vector = weighted_search_vector(
        "simple",
        a=("title_en", "title_ko", "original_title"),
        b=("tagline_en", "tagline_ko"),
        c=("synopsis_en", "synopsis_ko"),
    )
    hangul_keys = hangul_search_keys("title_en", "title_ko", "original_title")

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["-release_date", "title"]
        verbose_name = _("film")
        verbose_name_plural = _("films")
        indexes = [
            GinIndex(fields=["search_vector"], name="film_search_vector"),
            *trigram_indexes("film", "title_en", "title_ko", "original_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(running_time__isnull=True) | models.Q(running_time__gt=0),
                name="film_running_time_positive",
                violation_error_message=_("The running time must be a positive number of minutes."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("films:film-detail", kwargs={"slug": self.slug})

    @property
    def release_year(self) -> int:
        return self.release_date.year

    @property
    def poster_srcset(self) -> str:
        """The poster's resized copies as an <img srcset> value ("" before any were made)."""
        storage = self.poster.storage
        return ", ".join(f"{storage.url(v['name'])} {v['width']}w" for v in self.poster_variants)

    @property
    def poster_size(self) -> tuple[int, int]:
        """Width and height for <img>, so the page keeps its layout while the poster loads."""
        if self.poster_variants:
            largest = self.poster_variants[-1]
            return largest["width"], largest["height"]
        return 300, 450  # the 2:3 shape posters are drawn in

    @property
    def readers_rating_count(self) -> int:
        return sum(self.reader_score_counts)

    @property
    def readers_average(self) -> float | None:
        """The readers' average score out of 10, None before anyone rated the film."""
        if not (count := self.readers_rating_count):
            return None
        return sum(score * n for score, n in enumerate(self.reader_score_counts, 1)) / count

    @property
    def directors(self) -> list[Person]:
        """Directors from the credits; uses the prefetch of `with_directors()` when present."""
        credits = getattr(self, "director_credits", None)
        if credits is None:
            credits = self.credits.filter(role=Credit.Role.DIRECTOR).select_related("person")
        return [credit.person for credit in credits]


class Credit(models.Model):
    class Role(models.TextChoices):
        DIRECTOR = "director", _("Director")
        WRITER = "writer", _("Screenplay")
        ORIGINAL_STORY = "original_story", _("Original story")
        VOICE = "voice", pgettext_lazy("film credit", "Voice")
        MUSIC = "music", _("Music")
        PRODUCER = "producer", _("Producer")
        STUDIO = "studio", _("Studio")

    film = models.ForeignKey(
        Film, verbose_name=_("film"), on_delete=models.CASCADE, related_name="credits"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="credits"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    character_name = models.CharField(
        _("character name"),
        max_length=200,
        blank=True,
        help_text=_("For voice roles: the character voiced."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Billing order; lower first.")
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("credit")
        verbose_name_plural = _("credits")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role", "character_name"],
                name="credit_unique",
                violation_error_message=_("This person already has this credit on this film."),
            ),
            models.CheckConstraint(
                condition=models.Q(role="voice") | models.Q(character_name=""),
                name="credit_character_only_for_voice",
                violation_error_message=_("Only voice roles have a character name."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.role_label}, {self.film}"

    @property
    def role_label(self) -> str:
        """The role as readers see it: "Screenplay", or "Voice (Nan-young)"."""
        label = self.get_role_display()
        if self.character_name:
            label = pgettext("film credit", "%(role)s (%(character)s)") % {
                "role": label,
                "character": self.character_name,
            }
        return label


class WatchOption(models.Model):
    """Where a film can be watched: a provider, in a region, from a date."""

    film = models.ForeignKey(
        Film, verbose_name=_("film"), on_delete=models.CASCADE, related_name="watch_options"
    )
    provider = models.CharField(_("provider"), max_length=100)
    url = models.URLField(_("link"))
    region = models.CharField(_("region"), max_length=100, default="Worldwide")
    available_from = models.DateField(_("available from"), null=True, blank=True)
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("Shown beside the provider, e.g. “With Korean subtitles”."),
    )

    class Meta:
        ordering = ["provider", "region"]
        verbose_name = _("where to watch")
        verbose_name_plural = _("where to watch")
        constraints = [
            models.UniqueConstraint(
                fields=["film", "provider", "region"], name="watch_option_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.film} on {self.provider} ({self.region})"


# The time line's models (scenes, premieres) live beside their own rules; Django finds them here.
from films.timeline import Premiere, Scene  # noqa: E402, F401
