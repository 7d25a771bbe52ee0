"""Readers' notes on one paragraph of a review: their page (the paragraph quoted, its notes,
the form), the same opened in place under the paragraph with htmx, and posting a note."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from config import pagecache
from reviews.discussion import services
from reviews.discussion.forms import CommentForm
from reviews.discussion.models import Comment
from reviews.markdown import render_article
from reviews.notes import selectors
from reviews.notes.display import ParagraphNotes, count_link
from reviews.notes.models import ReviewParagraph
from reviews.views import published_review

TEMPLATE = "reviews/notes/paragraph_notes.html"


def _paragraph(request: HttpRequest, slug: str, anchor: str) -> ReviewParagraph:
    """The paragraph of a published review, in the article now or not; 404 otherwise."""
    review = published_review(request, slug).review
    paragraph = get_object_or_404(ReviewParagraph, review=review, anchor=anchor)
    paragraph.review = review
    return paragraph


def notes_context(request: HttpRequest, paragraph: ReviewParagraph, **context) -> dict:
    notes = selectors.notes_on(paragraph, request.user)
    for note in notes:
        note.on_earlier_version = not paragraph.current or note.quoted_hash != paragraph.text_hash
        if note.on_earlier_version:
            note.quote_html = render_article(note.quoted_text)
    return {
        "review": paragraph.review,
        "paragraph": paragraph,
        "paragraph_html": render_article(paragraph.text),
        "notes": notes,
        "note_form": context.pop("note_form", None) or CommentForm(auto_id="note-%s"),
        **context,
    }


class ParagraphNotesView(pagecache.CachedPageMixin, TemplateView):
    """A paragraph's notes: the whole page without JavaScript, the notes and the form alone
    for htmx (opened in place under the paragraph). Anonymous readers' page is kept whole
    (its form is a sign-in link: no CSRF token)."""

    template_name = TEMPLATE

    def get_template_names(self) -> list[str]:
        return [f"{TEMPLATE}#notes" if self.request.htmx else TEMPLATE]

    def get_context_data(self, **kwargs) -> dict:
        paragraph = _paragraph(self.request, kwargs["slug"], kwargs["anchor"])
        return super().get_context_data(**notes_context(self.request, paragraph))


@require_POST
def note_create(request: HttpRequest, slug: str, anchor: str) -> HttpResponse:
    """Post a note on a paragraph, through the discussion's rules (moderation, rate limits,
    duplicates). Signed-out readers are sent to sign in and back to the paragraph's page."""
    paragraph = _paragraph(request, slug, anchor)
    page_url = reverse("notes:paragraph", args=[slug, anchor])
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': page_url})}")
    form = CommentForm(request.POST, auto_id="note-%s")
    note = None
    if form.is_valid():
        try:
            note = services.comment_create(
                review=paragraph.review,
                author=request.user,
                body=form.cleaned_data["body"],
                paragraph=paragraph,
                ip_address=request.META.get("REMOTE_ADDR") or None,
            )
        except ValidationError as error:
            form.add_error("body", error)
    if note is None:
        context = notes_context(request, paragraph, note_form=form)
        if request.htmx:
            return render(request, f"{TEMPLATE}#notes", context)
        return render(request, TEMPLATE, context, status=400)
    if note.status == Comment.Status.APPROVED:
        notice = _("Your note is posted.")
    else:
        notice = _("Thanks: your note will appear once a moderator approves it.")
    if request.htmx:
        context = notes_context(request, paragraph, notice=notice)
        shown = ParagraphNotes(
            anchor=paragraph.anchor,
            current=True,
            count=sum(1 for note in context["notes"] if note.status == Comment.Status.APPROVED),
            text="",
            url=page_url,
        )  # the count beside the paragraph, as the article shows it from now on
        context["count_link"] = count_link(shown, out_of_band=True)
        return render(request, f"{TEMPLATE}#notes", context)
    messages.success(request, notice)
    return redirect(f"{page_url}#comment-{note.pk}")
