from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.urls import reverse


def language_code_field(of: str) -> models.CharField:
    """The language of an original title or name, for its lang attribute."""
    return models.CharField(
        max_length=10,
        blank=True,
        help_text=f"Language of the original {of} as a BCP 47 code, e.g. ko or ja.",
    )


def trigram_indexes(prefix: str, *fields: str) -> list[GinIndex]:
    """For spelling suggestions: names spelt like the query (pg_trgm's similarity)."""
    return [
        GinIndex(fields=[field], opclasses=["gin_trgm_ops"], name=f"{prefix}_{field}_trgm")
        for field in fields
    ]


def weighted_search_vector(config: str, a: tuple[str, ...], b: str, c: str) -> models.Field:
    """A tsvector PostgreSQL keeps up to date: matches in `a` rank above `b` above `c`."""
    return models.GeneratedField(
        expression=(
            SearchVector(*a, config=config, weight="A")
            + SearchVector(b, config=config, weight="B")
            + SearchVector(c, config=config, weight="C")
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


class Genre(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """Anyone credited on a film; studios are credited the same way."""

    name = models.CharField(max_length=200)
    original_name = models.CharField(
        max_length=200, blank=True, help_text="The name in its own script, e.g. 한지원."
    )
    original_name_language = language_code_field("name")
    slug = models.SlugField(max_length=200, unique=True)
    bio = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Names in any script: the "simple" configuration neither stems nor drops words.
    search_vector = models.GeneratedField(
        expression=SearchVector("name", "original_name", config="simple"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    hangul_keys = hangul_search_keys("name", "original_name")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [
            GinIndex(fields=["search_vector"], name="person_search_vector"),
            *trigram_indexes("person", "name", "original_name"),
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


class Film(models.Model):
    class DatePrecision(models.TextChoices):
        DAY = "day", "Exact day"
        YEAR = "year", "Year only"

    title = models.CharField(max_length=200)
    original_title = models.CharField(
        max_length=200, blank=True, help_text="The title in its own language and script."
    )
    original_language = language_code_field("title")
    slug = models.SlugField(max_length=200, unique=True)
    release_date = models.DateField(
        help_text="First release. When only the year is known, use 1 January and 'Year only'."
    )
    release_date_precision = models.CharField(
        max_length=4, choices=DatePrecision, default=DatePrecision.DAY
    )
    running_time = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="In minutes. Leave empty if not known."
    )
    tagline = models.CharField(max_length=200, blank=True)
    synopsis = models.TextField(blank=True)
    poster = models.ImageField(upload_to="posters/", blank=True)
    # Resized WebP copies for srcset, written by films.images.make_poster_variants on upload:
    # [{"name": storage name, "width": px, "height": px}, ...], narrowest first.
    poster_variants = models.JSONField(default=list, blank=True, editable=False)
    genres = models.ManyToManyField(Genre, related_name="films", blank=True)
    countries = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    languages = ArrayField(models.CharField(max_length=80), default=list, blank=True)
    # How many readers gave each score, 1 to 10: kept by the service that records readers'
    # ratings (another app's), so cards and pages show the readers' average without a join.
    reader_score_counts = ArrayField(
        models.PositiveIntegerField(), size=10, default=no_scores, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Titles above the tagline above the synopsis. "simple" rather than "english": titles
    # mix languages and scripts, and stemming them would lose Korean and Japanese words.
    # Credited names live in other tables, out of a GeneratedField's reach: the search
    # matches people separately and reaches their films through the credits.
    search_vector = weighted_search_vector(
        "simple", a=("title", "original_title"), b="tagline", c="synopsis"
    )
    hangul_keys = hangul_search_keys("title", "original_title")

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["-release_date", "title"]
        indexes = [
            GinIndex(fields=["search_vector"], name="film_search_vector"),
            *trigram_indexes("film", "title", "original_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(running_time__isnull=True) | models.Q(running_time__gt=0),
                name="film_running_time_positive",
                violation_error_message="The running time must be a positive number of minutes.",
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
        DIRECTOR = "director", "Director"
        WRITER = "writer", "Screenplay"
        ORIGINAL_STORY = "original_story", "Original story"
        VOICE = "voice", "Voice"
        MUSIC = "music", "Music"
        PRODUCER = "producer", "Producer"
        STUDIO = "studio", "Studio"

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(max_length=20, choices=Role)
    character_name = models.CharField(
        max_length=200, blank=True, help_text="For voice roles: the character voiced."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Billing order; lower first.")

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role", "character_name"],
                name="credit_unique",
                violation_error_message="This person already has this credit on this film.",
            ),
            models.CheckConstraint(
                condition=models.Q(role="voice") | models.Q(character_name=""),
                name="credit_character_only_for_voice",
                violation_error_message="Only voice roles have a character name.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.role_label}, {self.film}"

    @property
    def role_label(self) -> str:
        """The role as readers see it: "Screenplay", or "Voice (Nan-young)"."""
        label = self.get_role_display()
        if self.character_name:
            label = f"{label} ({self.character_name})"
        return label


class WatchOption(models.Model):
    """Where a film can be watched: a provider, in a region, from a date."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="watch_options")
    provider = models.CharField(max_length=100)
    url = models.URLField("link")
    region = models.CharField(max_length=100, default="Worldwide")
    available_from = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["provider", "region"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "provider", "region"], name="watch_option_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.film} on {self.provider} ({self.region})"
