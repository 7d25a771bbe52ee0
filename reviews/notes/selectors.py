"""What readers see of the notes on a review's paragraphs."""

from __future__ import annotations

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models.functions import Coalesce, JSONObject, Left

from reviews.discussion.models import Comment
from reviews.notes.models import ReviewParagraph

# How much of a paragraph that left the article its link at the article's end quotes.
GONE_QUOTE_LENGTH = 240


def with_paragraph_notes(reviews: models.QuerySet) -> models.QuerySet:
    """Each review with `paragraph_notes`: its current paragraphs (anchor and public note
    count) in order, then those that left the article with public notes, with their text,
    in the review's own query (reviews/notes/display.py reads them)."""
    public_notes = (
        Comment.objects.public()
        .filter(paragraph=models.OuterRef("pk"))
        .order_by()
        .values("paragraph")
        .annotate(total=models.Count("pk"))
        .values("total")
    )
    paragraphs = (
        ReviewParagraph.objects.filter(review=models.OuterRef("pk"))
        .annotate(note_count=Coalesce(models.Subquery(public_notes), 0))
        .filter(models.Q(current=True) | models.Q(note_count__gt=0))
        .order_by("-current", "position", "pk")
        .values(
            json=JSONObject(
                anchor="anchor",
                current="current",
                count="note_count",
                text=models.Case(
                    models.When(current=False, then=Left("text", GONE_QUOTE_LENGTH)),
                    default=models.Value(""),
                ),
            )
        )
    )
    return reviews.annotate(paragraph_notes=ArraySubquery(paragraphs))


def notes_on(paragraph: ReviewParagraph, user) -> list[Comment]:
    """The notes on `paragraph` that `user` sees (published ones, and their own held or
    refused ones), oldest first, with their authors' names."""
    return list(
        Comment.objects.visible_to(user)
        .filter(paragraph=paragraph)
        .select_related("author__profile")
        .order_by("created_at", "id")
    )
