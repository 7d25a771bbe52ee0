"""Editorial review articles. The app's other models live in its packages (discussion,
moderation, readers), each in its own models module; importing them here is how Django finds
them, all under the one app label "reviews"."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, Concat, JSONObject, Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from films.models import Film, hangul_search_keys, weighted_search_vector
from reviews.markdown import render_article
from reviews.scores import rating_summary

WORDS_READ_PER_MINUTE = 230


@dataclass(frozen=True)
class TranslationLink:
    """A link to the review in another language, named in that language."""

    language: str
    language_name: str
    headline: str
    url: str


class ReviewQuerySet(models.QuerySet):
    def published(self) -> ReviewQuerySet:
        """Reviews a reader may see now: scheduled ones appear by themselves when due."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__lte=timezone.now())

    def scheduled(self) -> ReviewQuerySet:
        """Published by an editor, but not due yet."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__gt=timezone.now())

    def in_language(self, language: str) -> ReviewQuerySet:
        """Reviews written in `language` (a code of settings.LANGUAGES)."""
        return self.filter(language=language)

    def with_translations(self) -> ReviewQuerySet:
        """Each review with `translated_versions`: its original and the original's other
        translations that an editor published (public or scheduled), in the review's own
        query; `Review.translation_links` picks those a reader may see now."""
        family = Coalesce(models.OuterRef("translation_of_id"), models.OuterRef("pk"))
        versions = (
            Review.objects.filter(models.Q(pk=family) | models.Q(translation_of_id=family))
            .exclude(pk=models.OuterRef("pk"))
            .filter(status=Review.Status.PUBLISHED)
            .order_by("language")
            .values(
                json=JSONObject(
                    pk="pk",
                    slug="slug",
                    language="language",
                    headline="headline",
                    publish_at="publish_at",
                )
            )
        )
        return self.annotate(translated_versions=ArraySubquery(versions))

    def rating_summary(self) -> dict:
        """The critics' average, count and histogram (see `rating_summary`)."""
        return rating_summary(self, "rating")

    def for_listing(self) -> ReviewQuerySet:
        """The plan for review cards: film and author byline in the same query."""
        # A correlated subquery rather than a JOIN + GROUP BY: it counts only for the rows
        # shown, and leaves the model's ordering alone.
        from reviews.discussion.models import Comment

        approved_comments = (
            Comment.objects.public()
            .filter(review=models.OuterRef("pk"), paragraph__isnull=True)
            .order_by()
            .values("review")
            .annotate(total=models.Count("pk"))
            .values("total")
        )
        return (
            self.select_related("film", "author__profile")
            .defer("body", "body_html", "hangul_text")
            .annotate(comment_count=Coalesce(models.Subquery(approved_comments), 0))
        )


# The languages an article can be written in: the site's own (settings.LANGUAGES).
Language = models.TextChoices(
    "Language", [(code.upper(), (code, name)) for code, name in settings.LANGUAGES]
)


def spaceless_text(*fields: str) -> models.Field:
    """The fields' text in lower case without any white space, kept by PostgreSQL: a Hangul
    query matches it by substring, so a part of a word ("필요" in "필요한") and another spacing
    ("이별에 필요한" for "이 별에 필요한") find the review, where full text needs whole words
    (and Korean glues particles to them). Initial consonants (초성) only for the headline
    (`headline_keys`): over whole articles a few consonants match almost anything."""
    parts: list = []
    for field in fields:
        parts += [field, models.Value(" ")]
    return models.GeneratedField(
        expression=Lower(
            models.Func(
                Concat(*parts[:-1], output_field=models.TextField()),
                models.Value(r"\s+"),
                models.Value(""),
                models.Value("g"),
                function="regexp_replace",
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
    )


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    Language = Language

    film = models.ForeignKey(
        Film, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("film")
    )
    headline = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    standfirst = models.CharField(
        _("standfirst"),
        max_length=300,
        help_text=_("One or two sentences shown under the headline and in lists."),
    )
    body = models.TextField(
        _("body"), help_text=_("Markdown: ## headings, *emphasis*, links, lists, > quotes.")
    )
    body_html = models.TextField(editable=False, default="")
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language,
        default=Language.EN,
        db_index=True,
        help_text=_("The language the review is written in."),
    )
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        limit_choices_to={"translation_of__isnull": True},
        verbose_name=_("translation of"),
        help_text=_("The original review, when this one is its translation into another language."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reviews",
        limit_choices_to={"groups__name": "Editors"},
        verbose_name=_("author"),
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), help_text=_("From 1 to 10; shown as five stars.")
    )
    contains_spoilers = models.BooleanField(_("contains spoilers"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When a published review goes live. A future time schedules it."),
    )
    reading_time = models.PositiveSmallIntegerField(_("reading time"), editable=False, default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # For the site search: headline above standfirst above body (the Markdown source).
    search_vector = weighted_search_vector("english", a=("headline",), b="standfirst", c="body")
    # For searches in Hangul (reviews/search/engine.py).
    hangul_text = spaceless_text("headline", "standfirst", "body")
    # The headline without spaces and its initial consonants, as films' titles have them.
    headline_keys = hangul_search_keys("headline")

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-publish_at", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="review_search_vector"),
            GinIndex(
                fields=["hangul_text"], name="review_hangul_text_trgm", opclasses=["gin_trgm_ops"]
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__range=(1, 10)),
                name="review_rating_range",
                violation_error_message=_("The rating must be from 1 to 10."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(publish_at__isnull=False),
                name="review_published_has_publish_at",
                violation_error_message=_("A published review needs a publication time."),
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=Language.values),
                name="review_language_known",
                violation_error_message=_("The review's language must be one of the site's."),
            ),
            models.CheckConstraint(
                condition=~models.Q(translation_of=models.F("pk")),
                name="review_not_its_own_translation",
                violation_error_message=_("A review cannot be a translation of itself."),
            ),
            # With the trigger of migration 0015 (a translation's language differs from its
            # original's, and translations are of originals only): one translation per language.
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="review_one_translation_per_language",
                violation_error_message=_(
                    "The original review already has a translation in this language."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        # Derived from the body of this same row, so each page view need not redo it.
        self.body_html = render_article(self.body)
        self.reading_time = max(1, math.ceil(len(self.body.split()) / WORDS_READ_PER_MINUTE))
        if (update_fields := kwargs.get("update_fields")) and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_time"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reviews:review-detail", kwargs={"slug": self.slug})

    def get_preview_url(self) -> str:
        return reverse("reviews:review-preview", kwargs={"pk": self.pk})

    def clean(self) -> None:
        """A translation is of an original (not of another translation), in another language;
        an original's translations stay in languages other than its own. The database's
        trigger says the same (migration 0015); this says it in words next to the field."""
        super().clean()
        if self.pk:
            languages = list(
                Review.objects.filter(translation_of_id=self.pk).values_list("language", flat=True)
            )
            if languages and self.translation_of_id:
                raise ValidationError(
                    {
                        "translation_of": gettext(
                            "This review has translations of its own, so it cannot be a "
                            "translation of another review."
                        )
                    },
                    code="translation_has_translations",
                )
            if self.language in languages:
                raise ValidationError(
                    {
                        "language": gettext(
                            "A translation of this review is already in %(language)s: the "
                            "original must be in another language."
                        )
                        % {"language": self.get_language_display()}
                    },
                    code="translation_same_language",
                )
        original = self.translation_of
        if original is None:
            return
        if original.translation_of_id:
            raise ValidationError(
                {
                    "translation_of": gettext(
                        "That review is itself a translation: choose the original review."
                    )
                },
                code="translation_of_translation",
            )
        if original.language == self.language:
            raise ValidationError(
                {
                    "language": gettext(
                        "The original review is in %(language)s too: a translation must be "
                        "in another language."
                    )
                    % {"language": original.get_language_display()}
                },
                code="translation_same_language",
            )

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def original_id(self) -> int | None:
        """The original of the review's translations: the review itself unless it is one."""
        return self.translation_of_id or self.pk

    def translation_links(self) -> list[TranslationLink]:
        """The review in its other languages that a reader may see now (from
        `ReviewQuerySet.with_translations`)."""
        now = timezone.now()
        links = []
        for version in getattr(self, "translated_versions", None) or []:
            if not version["publish_at"] or parse_datetime(version["publish_at"]) > now:
                continue  # scheduled: not public yet
            language = version["language"]
            with translation.override(language):  # its address in its language, once it has one
                url = reverse("reviews:review-detail", kwargs={"slug": version["slug"]})
            links.append(
                TranslationLink(
                    language=language,
                    language_name=translation.get_language_info(language)["name_local"],
                    headline=version["headline"],
                    url=url,
                )
            )
        return links

    @property
    def stars(self) -> float:
        """The 1-10 rating as five stars with halves."""
        return self.rating / 2


from reviews.appeals.models import Appeal  # noqa: E402
from reviews.diary.letterboxd.models import LetterboxdImport, LetterboxdImportRow  # noqa: E402
from reviews.diary.models import (  # noqa: E402
    DiaryEntry,
    Rating,
    ReaderReviewLike,
    WatchlistEntry,
)
from reviews.discussion.models import (  # noqa: E402
    Comment,
    CommentLike,
    CommentReport,
    CommentRevision,
)
from reviews.editorial.models import PreviewLink  # noqa: E402
from reviews.moderation.models import (  # noqa: E402
    BlockedTerm,
    ModerationDecision,
    ReaderReviewReport,
    Sanction,
)
from reviews.notes.models import ReviewParagraph  # noqa: E402
from reviews.readers.models import Profile  # noqa: E402
from reviews.spoilers.models import WatchProgress  # noqa: E402

__all__ = [
    "Appeal", "BlockedTerm", "Comment", "CommentLike", "CommentReport", "CommentRevision",
    "DiaryEntry", "LetterboxdImport", "LetterboxdImportRow", "ModerationDecision", "PreviewLink",
    "Profile", "Rating", "ReaderReviewLike", "ReaderReviewReport", "Review", "ReviewParagraph",
    "Sanction",
    "WatchProgress", "WatchlistEntry",
]  # fmt: skip

# Every save of a review keeps a revision (reviews/editorial/history.py).
from reviews.editorial import history as _history  # noqa: E402, F401
