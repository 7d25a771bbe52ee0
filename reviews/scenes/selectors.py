"""What a scene's page and the film's scene index read: the film's scenes with their spans, and
what readers said inside each span (tagged with a time in it, or posted in its thread)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Window

from films.models import Film, Scene
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment
from reviews.models import Review

# "Elsewhere in this scene" shows this many of each kind, and says how many there are.
ELSEWHERE_SHOWN = 10


def scenes_of(film_slug: str) -> list[Scene]:
    """The film's scenes in order, with their spans and the film, in one query."""
    return list(
        Scene.objects.filter(film__slug=film_slug)
        .with_spans()
        .select_related("film")
        .order_by("start")
    )


def tagged_comments(film: Film) -> QuerySet[Comment]:
    """Public comments tagged with a time in the film, under its published reviews and its
    published reader reviews (a scene's own thread is shown on its page, not here)."""
    return Comment.objects.public().filter(
        Q(review__in=Review.objects.published().filter(film=film))
        | Q(entry__in=DiaryEntry.objects.published_reviews().filter(film=film)),
        timecode__isnull=False,
    )


def tagged_reader_reviews(film: Film) -> QuerySet[DiaryEntry]:
    return DiaryEntry.objects.published_reviews().filter(film=film, timecode__isnull=False)


def _inside(scene: Scene) -> Q:
    inside = Q(timecode__gte=scene.start)
    return inside & Q(timecode__lt=scene.end) if scene.end is not None else inside


@dataclass
class Elsewhere:
    """Up to ELSEWHERE_SHOWN of each, newest first, and how many there are in all."""

    comments: list[Comment]
    comment_total: int
    reader_reviews: list[DiaryEntry]
    reader_review_total: int


def elsewhere_in(scene: Scene) -> Elsewhere:
    """Comments and reader reviews tagged inside the scene: two queries, each counting all
    as it reads the first few."""
    total = Window(Count("pk"))
    comments = list(
        tagged_comments(scene.film)
        .filter(_inside(scene))
        .select_related("author__profile", "review", "entry__reader__profile")
        .annotate(total=total)
        .order_by("-created_at", "-id")[:ELSEWHERE_SHOWN]
    )
    reviews = list(
        tagged_reader_reviews(scene.film)
        .filter(_inside(scene))
        .select_related("reader__profile")
        .annotate(total=total)
        .order_by("-created_at", "-id")[:ELSEWHERE_SHOWN]
    )
    return Elsewhere(
        comments=comments,
        comment_total=comments[0].total if comments else 0,
        reader_reviews=reviews,
        reader_review_total=reviews[0].total if reviews else 0,
    )


def scene_index(film: Film) -> list[tuple[Scene, int]]:
    """Each scene of the film with how many comments are in it: posted in its thread or
    tagged with a time inside it. One query without scenes, three with."""
    scenes = list(Scene.objects.of(film).with_spans())
    if not scenes:
        return []
    for scene in scenes:
        scene.film = film  # for their addresses
    posted = Counter(
        dict(
            Comment.objects.public()
            .filter(scene__film=film)
            .values_list("scene_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    starts = [scene.start for scene in scenes]
    tagged = Counter()
    for timecode in tagged_comments(film).values_list("timecode", flat=True):
        at = bisect_right(starts, timecode) - 1
        tagged[scenes[max(at, 0)].pk] += 1
    return [(scene, posted[scene.pk] + tagged[scene.pk]) for scene in scenes]
