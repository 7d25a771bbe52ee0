"""The watch-progress form's answer: kept on the reader's account, or in a visitor's cookie."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from films.models import Film
from reviews.spoilers import gate as gates
from reviews.spoilers import services
from reviews.spoilers.forms import ProgressForm
from reviews.spoilers.progress import TEMPLATE, progress_context


@csrf_exempt
@require_POST
def progress_update(request: HttpRequest, film_pk: int) -> HttpResponse:
    """Say how far the reader has watched the film, or turn their gate off or on, then go back
    to the page the form was on.

    Visitors' pages are kept and shared, so their form carries no CSRF token: a forged post
    can only change a visitor's own spoiler cookie (as the language menu's can their language,
    reviews/readers/languages.py). A signed-in reader's is checked as any other form is."""
    if request.user.is_authenticated:
        # Checked as for a view without the exemption (this one has it).
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    film = get_object_or_404(Film, pk=film_pk)
    form = ProgressForm(request.POST, running_time=film.running_time)
    back = _back(request, film)
    if not form.is_valid():
        context = progress_context(request, film.pk, form=form, back=back)
        if request.htmx:
            return render(request, f"{TEMPLATE}#progress-form", context)
        return render(request, TEMPLATE, context, status=400)
    action, position = form.cleaned_data["action"], form.cleaned_data["position"]
    response = HttpResponseRedirect(back)
    if request.htmx:  # what the page collapses changes: load it again (`back` is this page)
        response = HttpResponse(status=204, headers={"HX-Refresh": "true"})
    if request.user.is_authenticated:
        _save(request.user, film, action, position)
    else:
        _set_cookie(request, response, film, action, position)
    return response


def _back(request: HttpRequest, film: Film) -> str:
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and back.startswith("/"):
        return back
    return film.get_absolute_url()


def _save(reader, film: Film, action: str, position: int | None) -> None:
    if action == "at":
        services.progress_set(reader=reader, film=film, position=position)
    elif action == "finished":
        services.progress_set(reader=reader, film=film, finished=True)
    elif action in ("gate-off", "gate-on"):
        services.gate_set(reader=reader, film=film, off=action == "gate-off")
    else:
        services.progress_clear(reader=reader, film=film)


def _set_cookie(request, response, film: Film, action: str, position: int | None) -> None:
    progress = gates.parse_cookie(request.COOKIES.get(gates.COOKIE, ""))
    state = {"at": str(position), "finished": "done", "gate-off": "off"}.get(action)
    if state is None:  # on again, or cleared: nothing said of this film
        progress.pop(film.pk, None)
    else:
        progress[film.pk] = state
    if not progress:
        response.delete_cookie(gates.COOKIE, samesite="Lax")
        return
    response.set_cookie(
        gates.COOKIE,
        gates.write_cookie(progress),
        max_age=gates.COOKIE_MAX_AGE,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )
