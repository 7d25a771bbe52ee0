"""The watch-progress form as pages show it: on the film page (a part rendered per reader,
registered with films.pages) and above every gated discussion."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

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


def progress_form(request: HttpRequest, film_pk: int, *, back: str) -> SafeString:
    context = progress_context(request, film_pk, back=back)
    return render_to_string(f"{TEMPLATE}#progress-form", context, request)


def progress_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    stamps = [progress_stamp(request.user.pk)] if request.user.is_authenticated else []
    return FilmPageParts(
        sections=progress_form(request, film.pk, back=film.get_absolute_url()), stamps=stamps
    )
