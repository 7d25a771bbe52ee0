"""A film's premiere thread: its page, posting into it, and its live updates."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from config import pagecache
from config.pagecache.fragments import CSRF_PLACEHOLDER
from films.models import Premiere
from films.pages import kept_film
from reviews.discussion import selectors
from reviews.discussion.forms import CommentForm
from reviews.discussion.page import COMMENT_DRAFTS_KEY, TEMPLATE, discussion_context
from reviews.discussion.subjects import Subject
from reviews.discussion.views import keep_draft, post_comment
from reviews.premiere import live
from reviews.premiere.selectors import shown_premiere

THREAD_TEMPLATE = "reviews/premiere/premiere_thread.html"


def _shown(request: HttpRequest, film_slug: str) -> Premiere:
    film = kept_film(request, film_slug)
    premiere = shown_premiere(film.pk, request)
    if premiere is None:
        raise Http404("This film has no premiere.")
    return premiere


def _live_context(request: HttpRequest, premiere: Premiere) -> dict:
    gate = live.gate_key(request, premiere)
    return {"live_gate": gate, "live_etag": live.thread_etag(request, premiere, gate=gate)}


@require_GET
def premiere_thread(request: HttpRequest, film: str) -> HttpResponse:
    """The film's premiere thread: the premiere on now or next, with its banner, or after the
    last one its thread, read-only. 404 when the film has no premiere."""
    return render_thread(request, _shown(request, film))


def render_thread(request: HttpRequest, premiere: Premiere, status: int = 200, **context):
    """The thread's page, also again with a comment form's errors (`comment_form`)."""
    subject = Subject(premiere)
    if "comment_form" not in context:
        # A draft kept from before signing in comes back into the form.
        drafts = request.session.get(COMMENT_DRAFTS_KEY, {})
        context["comment_form"] = CommentForm(initial=drafts.get(subject.draft_key, {}))
    live_context = _live_context(request, premiere)  # before the rows are read: see live.py
    context = {
        "premiere": premiere,
        "film": premiere.film,
        "thread_open": subject.accepts_comments,
        **discussion_context(request, subject),
        **live_context,
        **context,
    }
    return render(request, THREAD_TEMPLATE, context, status=status)


@require_GET
def premiere_live(request: HttpRequest, film: str) -> HttpResponse:
    """The thread's newest threads for htmx to swap in, or 304 Not Modified when the reader
    has them already (`If-None-Match`): then no query and no render (reviews/premiere/live.py)."""
    premiere = _shown(request, film)
    gate = live.gate_key(request, premiere)
    etag = live.thread_etag(request, premiere, gate=gate)
    response = get_conditional_response(request, etag=etag)
    if response is None:
        # Rendered with the reader's real gate: a poll's claimed one only spares the query.
        # The ETag is taken before the rows are read, so a comment posted meanwhile is never
        # counted as seen.
        gate = live.gate_key(request, premiere, claimed_ok=False)
        etag = live.thread_etag(request, premiere, gate=gate)
        response = HttpResponse(_threads(request, premiere, gate=gate, etag=etag))
    response["ETag"] = etag
    patch_cache_control(response, private=True, no_cache=True)
    return response


def _threads(request: HttpRequest, premiere: Premiere, *, gate: str, etag: str) -> str:
    """The newest threads as the reader sees them. Anonymous readers all see the same, and so
    do signed-in readers who have neither posted nor liked in the thread (but for the CSRF
    token): one render per change of the thread serves each group (a page part, fresh while
    the thread's stamp is unbumped). A reader who took part gets a render of their own."""
    subject = Subject(premiere)

    def compute(*, kept: bool):
        context = {
            **discussion_context(request, subject, keep_csrf_placeholder=kept),
            "live_gate": gate,
            "live_etag": etag,
            **({"csrf_token": CSRF_PLACEHOLDER} if kept else {}),
        }
        html = render_to_string(f"{TEMPLATE}#threads", context, request)
        return html, pagecache.stamps_of(context["discussion_depends_on"])

    if live.session_reader(request) == "anon":
        viewer = "anon"
    else:
        user = request.user
        took_part = pagecache.page_part(
            request,
            f"took-part:{subject.cache_name}:{user.pk}",
            lambda: (selectors.took_part(subject, user), [subject.stamp]),
            localised=False,
        ).value
        if took_part is not None:
            return compute(kept=False)[0]
        viewer = "reader"
    name = f"premiere-live:{premiere.pk}:{gate}:{viewer}"
    html = pagecache.page_part(request, name, lambda: compute(kept=True)).value
    return html.replace(CSRF_PLACEHOLDER, get_token(request)) if viewer == "reader" else html


def _premiere(pk: int) -> Premiere:
    return get_object_or_404(Premiere.objects.select_related("film"), pk=pk)


@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Post a comment or reply in a premiere's thread: the discussion's rules and the
    premiere's (reviews/premiere/rules.py)."""
    return post_comment(request, Subject(_premiere(pk)), render_page=render_thread)


@csrf_exempt  # as discussion's comment_draft: anonymous pages carry no token
@require_POST
def comment_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep what a signed-out reader wrote in a premiere's thread while they sign in."""
    return keep_draft(request, Subject(_premiere(pk)))
