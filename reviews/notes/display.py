"""Note counts beside each paragraph of a review article, put into its stored HTML where
reviews.markdown.note_marker left room for them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from reviews.markdown import note_marker, render_article


@dataclass(frozen=True)
class ParagraphNotes:
    """A paragraph as its note link shows it (from `selectors.with_paragraph_notes`)."""

    anchor: str
    current: bool
    count: int
    text: str  # for a paragraph that left the article: the start of its last text, as text
    url: str


def paragraph_notes(review) -> list[ParagraphNotes]:
    return [
        ParagraphNotes(
            anchor=row["anchor"],
            current=row["current"],
            count=row["count"],
            text=strip_tags(render_article(row["text"])).strip() if row["text"] else "",
            url=reverse("notes:paragraph", args=[review.slug, row["anchor"]]),
        )
        for row in getattr(review, "paragraph_notes", None) or []
    ]


def count_link(paragraph: ParagraphNotes, *, out_of_band: bool = False) -> SafeString:
    """The count that opens the paragraph's notes: in place with htmx, else on their page.
    `out_of_band`: the same, for htmx to put in place of the one shown after a note is posted."""
    if paragraph.count:
        label = ngettext("%(count)s note", "%(count)s notes", paragraph.count) % {
            "count": paragraph.count
        }
    else:
        label = gettext("Add a note")
    return format_html(
        '<a class="note-count{}" id="note-count-{anchor}" href="{url}" data-hx-get="{url}"'
        ' data-hx-target="#notes-{anchor}" data-hx-swap="innerHTML"'
        ' aria-controls="notes-{anchor}"{}>{label}</a>',
        "" if paragraph.count else " note-count--none",
        mark_safe(' data-hx-swap-oob="true"') if out_of_band else "",
        url=paragraph.url,
        anchor=paragraph.anchor,
        label=label,
    )


def note_link(paragraph: ParagraphNotes) -> SafeString:
    """The count, and the place under the paragraph where its notes open."""
    return format_html(
        '{}<div class="paragraph-notes" id="notes-{}"></div>',
        count_link(paragraph),
        paragraph.anchor,
    )


_HEADING_END = re.compile(r"</h[2-6]>$")


def body_with_note_links(review, paragraphs: list[ParagraphNotes]) -> SafeString:
    """The review's stored HTML with each current paragraph's note link after it. Headings
    keep their anchors (links to a section) but take no notes."""
    html = review.body_html
    for paragraph in paragraphs:
        marker = note_marker(paragraph.anchor)
        before, found, after = html.partition(marker)
        if paragraph.current and found and not _HEADING_END.search(before):
            html = before + note_link(paragraph) + after
    return mark_safe(html)  # the article's own sanitised HTML (reviews.markdown.render_article)
