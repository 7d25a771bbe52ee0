"""Note counts beside each paragraph of a review article, put into its stored HTML where
reviews.markdown.note_marker left room for them."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from reviews.markdown import note_marker


@dataclass(frozen=True)
class ParagraphNotes:
    """A paragraph as its note link shows it (from `selectors.with_paragraph_notes`)."""

    anchor: str
    current: bool
    count: int
    text: str  # for a paragraph that left the article: the start of its last text
    url: str


def paragraph_notes(review) -> list[ParagraphNotes]:
    return [
        ParagraphNotes(
            anchor=row["anchor"],
            current=row["current"],
            count=row["count"],
            text=row["text"],
            url=reverse("notes:paragraph", args=[review.slug, row["anchor"]]),
        )
        for row in getattr(review, "paragraph_notes", None) or []
    ]


def note_link(paragraph: ParagraphNotes) -> SafeString:
    """The count that opens the paragraph's notes: in place with htmx, else on their page."""
    if paragraph.count:
        label = ngettext("%(count)s note", "%(count)s notes", paragraph.count) % {
            "count": paragraph.count
        }
    else:
        label = gettext("Add a note")
    return format_html(
        '<a class="note-count{}" href="{url}" data-hx-get="{url}" data-hx-target="#notes-{anchor}"'
        ' data-hx-swap="innerHTML" aria-controls="notes-{anchor}">{label}</a>'
        '<div class="paragraph-notes" id="notes-{anchor}"></div>',
        "" if paragraph.count else " note-count--none",
        url=paragraph.url,
        anchor=paragraph.anchor,
        label=label,
    )


def body_with_note_links(review, paragraphs: list[ParagraphNotes]) -> SafeString:
    """The review's stored HTML with each current paragraph's note link after it."""
    html = review.body_html
    for paragraph in paragraphs:
        if paragraph.current:
            html = html.replace(note_marker(paragraph.anchor), note_link(paragraph), 1)
    return mark_safe(html)  # the article's own sanitised HTML (reviews.markdown.render_article)
