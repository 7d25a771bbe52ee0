"""What a discussion is under: a review article, a reader review (a diary entry's review), a
scene of a film (its thread on the scene's page, reviews/scenes), or a premiere's live thread.

The discussion's selectors, page, views and services take a `Subject`, so both kinds of thread
follow one set of rules: posting, replies, edits, likes, placeholders, counts and permalinks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.db.models import QuerySet
from django.urls import reverse

from films.models import Premiere, Scene
from reviews import stamps
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment
from reviews.models import Review


@dataclass(frozen=True)
class Subject:
    obj: Review | DiaryEntry | Scene | Premiere

    @property
    def kind(self) -> Literal["review", "entry", "scene", "premiere"]:
        if isinstance(self.obj, Scene):
            return "scene"
        if isinstance(self.obj, Premiere):
            return "premiere"
        return "entry" if isinstance(self.obj, DiaryEntry) else "review"

    @property
    def film_id(self) -> int:
        """The film the thread is about (a premiere's rules hold on all of its threads)."""
        return self.obj.film_id

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def column(self) -> str:
        """The comment's column naming its subject (written into SQL: never a reader's text)."""
        return f"{self.kind}_id"

    def comments(self) -> QuerySet[Comment]:
        """The discussion's comments: readers' notes on a review's paragraphs are not in it
        (reviews/notes)."""
        return Comment.objects.filter(**{self.column: self.pk}, paragraph__isnull=True)

    def owns(self, comment: Comment) -> bool:
        return getattr(comment, self.column) == self.pk

    def new_comment(self, **fields) -> Comment:
        return Comment(**{self.kind: self.obj}, **fields)

    @property
    def stamp(self) -> str:
        """Bumped by every change to what the discussion shows."""
        if self.kind == "entry":
            return stamps.entry_discussion(self.pk)
        if self.kind == "scene":
            return stamps.scene_discussion(self.pk)
        if self.kind == "premiere":
            return stamps.premiere_discussion(self.pk)
        return stamps.discussion(self.pk)

    @property
    def is_open(self) -> bool:
        """Whether readers may comment: a published review article, or a reader review every
        reader sees (approved, in a public diary of a live account), a scene (every film
        in the catalogue is public), or a premiere's thread (always: after the premiere it
        stays, read-only, see `accepts_comments`)."""
        if self.kind == "scene":
            return True
        if self.kind == "review":
            return self.obj.is_public
        if self.kind == "premiere":
            return True
        return DiaryEntry.objects.published_reviews().filter(pk=self.pk).exists()

    @property
    def accepts_comments(self) -> bool:
        """Whether new comments may be posted: into an open discussion, a premiere's thread
        until the premiere ends."""
        if self.kind == "premiere":
            return not self.obj.has_ended()
        return self.is_open

    @property
    def default_sort(self) -> str:
        """How its threads are ordered unless the reader asks: a live thread newest first."""
        return "newest" if self.kind == "premiere" else "oldest"

    @property
    def live_url(self) -> str | None:
        """Where readers with the thread open ask for its new comments (premieres only)."""
        if self.kind == "premiere":
            return reverse("premiere:premiere-live", kwargs={"film": self.obj.film.slug})
        return None

    @property
    def url(self) -> str:
        return self.obj.get_absolute_url()

    @property
    def create_url(self) -> str:
        if self.kind == "scene":
            return reverse("scenes:comment-create", args=[self.pk])
        if self.kind == "premiere":
            return reverse("premiere:comment-create", args=[self.pk])
        if self.kind == "entry":
            return reverse("diary:entry-comment-create", args=[self.pk])
        return reverse("discussion:comment-create", args=[self.obj.slug])

    @property
    def draft_url(self) -> str:
        if self.kind == "scene":
            return reverse("scenes:comment-draft", args=[self.pk])
        if self.kind == "premiere":
            return reverse("premiere:comment-draft", args=[self.pk])
        if self.kind == "entry":
            return reverse("diary:entry-comment-draft", args=[self.pk])
        return reverse("discussion:comment-draft", args=[self.obj.slug])

    @property
    def draft_key(self) -> str:
        """Where a signed-out reader's draft is kept in their session."""
        return self.cache_name

    @property
    def cache_name(self) -> str:
        """Names its kept parts: review articles keep the names they always had."""
        return str(self.pk) if self.kind == "review" else f"{self.kind}-{self.pk}"

    @property
    def film(self):
        """The film the discussion is about: what its timecodes point into."""
        return self.obj.film


def subject_of(obj: Review | DiaryEntry | Scene | Premiere | Subject) -> Subject:
    return obj if isinstance(obj, Subject) else Subject(obj)


def of_comment(comment: Comment) -> Subject:
    """The comment's subject, with its row loaded (one query unless select_related)."""
    return Subject(comment.subject)
