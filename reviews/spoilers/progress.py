"""The watch-progress form as pages show it: on the film page (a part rendered per reader,
registered with films.pages) and above every gated discussion."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from films.models import Film
from films.pages import FilmPageParts
from reviews.spoilers.forms import ProgressForm
from reviews.spoilers.gate import gate_for, progress_stamp

TEMPLATE = "reviews/spoilers/progress.html"


def progress_context(
    request: HttpRequest, film_pk: int, *, back: str, form: ProgressForm | None = None
) -> dict:
    """What the form shows: the reader's gate, and the form itself (with `form`, what they
    sent and why it was refused). Nothing in it belongs to the request but the gate, which
    the page's cache keys name (Gate.key), and a signed-in reader's CSRF token."""
    gate = gate_for(request, film_pk)
    if form is None:
        form = ProgressForm(initial={"position": gate.position_text, "next": back})
    return {
        "progress_form": form,
        "progress_film_pk": film_pk,
        "spoiler_gate": gate,
        "signed_in": request.user.is_authenticated,
    }


def progress_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    """The film page's section with the form, rendered for each request (a visitor's page is
    kept whole per progress bucket: PAGE_CACHE_KEY_COOKIES)."""
    context = progress_context(request, film.pk, back=film.get_absolute_url())
    stamps = [progress_stamp(request.user.pk)] if request.user.is_authenticated else []
    html = render_to_string(f"{TEMPLATE}#film-section", context, request)
    return FilmPageParts(sections=html, stamps=stamps)
