"""The paragraphs of a review article, each with an anchor that outlives edits of the others,
so readers' notes on a paragraph (comments with `paragraph` set) stay beside it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewParagraph(models.Model):
    """One paragraph of a review's body as it is now. `anchor` is kept while the paragraph
    stays in the article; `text_hash` changes when its own text changes, which is how a note
    knows it was left on an earlier version."""

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="paragraphs"
    )
    anchor = models.CharField(_("anchor"), max_length=16)
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("text"))
    text_hash = models.CharField(max_length=16)
    # False once the paragraph left the article: its notes keep their quoted text.
    current = models.BooleanField(default=True)

    class Meta:
        ordering = ["review", "position"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["review", "anchor"], name="paragraph_anchor_unique"),
            models.UniqueConstraint(
                fields=["review", "position"],
                condition=models.Q(current=True),
                name="paragraph_position_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.review_id}#{self.anchor}"
