"""A reader's own pages for films, and in place with htmx: rating, logging a watch, the
watchlist, their diary (page and Atom feed) and editing or deleting its entries."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import ListView

from config import pagecache
from config.rendering import render_form
from films.models import Film
from films.pages import kept_film
from reviews import stamps
from reviews.diary import selectors, services
from reviews.diary.film_pages import panel_context, readers_panel
from reviews.diary.forms import RatingForm, WatchLogForm
from reviews.diary.models import DiaryEntry
from reviews.discussion.models import Comment

ENTRIES_PER_PAGE = 30
FEED_LENGTH = 20


def _readers_part(request: HttpRequest, film: Film, *, status: int = 200, **kwargs) -> HttpResponse:
    """The film page's readers' part alone, for htmx to swap in place."""
    film.refresh_from_db(fields=["reader_score_counts"])
    return HttpResponse(readers_panel(request, film, **kwargs), status=status)


@login_required
@require_POST
def film_rate(request: HttpRequest, slug: str) -> HttpResponse:
    # What a rating needs of the film, kept (its readers' counts are read again when shown);
    # a refused one shows its page, with the rest.
    film = kept_film(request, slug, fields=("pk", "slug"))
    form = RatingForm(request.POST)
    if not form.is_valid():
        if request.htmx:
            return _readers_part(request, film, status=400, rating_form=form)
        film.refresh_from_db()
        context = {"film": film, "form": form, **panel_context(request, film, rating_form=form)}
        return render_form(request, "reviews/diary/rating_form.html", context)
    if form.cleaned_data["remove"]:
        services.rating_remove(reader=request.user, film=film)
        notice = _("Your rating is removed.")
    else:
        services.rating_set(reader=request.user, film=film, score=form.cleaned_data["score"])
        notice = _("Your rating is saved.")
    if request.htmx:
        return _readers_part(request, film)
    messages.success(request, notice)
    return redirect(film.get_absolute_url() + "#readers-score")


@login_required
@require_POST
def watchlist_toggle(request: HttpRequest, slug: str) -> HttpResponse:
    film = get_object_or_404(Film, slug=slug)
    if request.POST.get("action") == "remove":
        services.watchlist_remove(reader=request.user, film=film)
        notice = _("%(film)s is off your watchlist.") % {"film": film.title}
    else:
        services.watchlist_add(reader=request.user, film=film)
        notice = _("%(film)s is on your watchlist.") % {"film": film.title}
    if request.htmx:
        return _readers_part(request, film)
    messages.success(request, notice)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, {request.get_host()}, require_https=request.is_secure()
    ):
        back = film.get_absolute_url()
    return redirect(back)


def _entry_fields(form: WatchLogForm) -> dict:
    fields = (*WatchLogForm.Meta.fields, "timecode")
    return {name: form.cleaned_data[name] for name in fields}


@login_required
@require_http_methods(["GET", "POST"])
def watch_log(request: HttpRequest, slug: str) -> HttpResponse:
    film = get_object_or_404(Film, slug=slug)
    form = WatchLogForm(request.POST or None, film=film)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.watch_log(reader=request.user, film=film, **_entry_fields(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _held_or_logged(entry))
            return redirect("diary:diary", username=request.user.username)
    context = {"film": film, "form": form}
    return render_form(request, "reviews/diary/diaryentry_form.html", context)


def _held_or_logged(entry: DiaryEntry) -> str:
    if entry.is_review and entry.review_status == Comment.Status.PENDING:
        return _("Logged. Your review waits for a moderator before others see it.")
    return _("Logged in your diary.")


def _own_entry(request: HttpRequest, pk: int) -> DiaryEntry:
    return get_object_or_404(DiaryEntry.objects.select_related("film"), pk=pk, reader=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    form = WatchLogForm(
        request.POST or None, instance=DiaryEntry.objects.get(pk=entry.pk), film=entry.film
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(entry=entry, user=request.user, **_entry_fields(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your diary entry is saved."))
            return redirect("diary:diary", username=request.user.username)
    context = {"film": entry.film, "form": form, "entry": entry}
    return render_form(request, "reviews/diary/diaryentry_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(request, pk)
    if request.method == "POST":
        services.entry_delete(entry=entry, user=request.user)
        messages.success(request, _("The entry is deleted from your diary."))
        return redirect("diary:diary", username=request.user.username)
    return render(request, "reviews/diary/diaryentry_confirm_delete.html", {"entry": entry})


@login_required
def watchlist(request: HttpRequest) -> HttpResponse:
    listed = selectors.watchlist_of(request.user)
    return render(request, "reviews/diary/watchlist.html", {"listed": listed})


def _diary_owner(request: HttpRequest, username: str):
    reader = get_object_or_404(
        get_user_model().objects.select_related("profile"), username=username
    )
    if not selectors.diary_shown(reader, request.user):
        raise Http404("This diary is private.")
    return reader


class DiaryView(pagecache.CachedPageMixin, ListView):
    """A reader's diary by month, newest first; private diaries show to their reader alone.
    Kept whole for anonymous readers until the reader logs, edits or hides something."""

    template_name = "reviews/diary/diary.html"
    paginate_by = ENTRIES_PER_PAGE

    def get_queryset(self):
        self.reader = _diary_owner(self.request, self.kwargs["username"])
        return selectors.diary_entries(self.reader)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return context | {
            "reader": self.reader,
            "months": selectors.by_month(context["page_obj"].object_list),
            "is_own": self.request.user.pk == self.reader.pk,
        }

    def page_stamps(self, context):
        return [stamps.diary_of(self.reader.pk)]


class DiaryFeed(Feed):
    """A public diary's latest entries; a private diary has no feed (404)."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, username: str):
        reader = get_object_or_404(
            get_user_model().objects.select_related("profile"),
            username=username,
            is_active=True,
            profile__diary_private=False,
        )
        return reader

    def title(self, reader) -> str:
        return _("%(name)s's film diary on %(site)s") % {
            "name": reader.profile.display_name,
            "site": settings.SITE_NAME,
        }

    def link(self, reader) -> str:
        return reverse("diary:diary", kwargs={"username": reader.username})

    def items(self, reader):
        return selectors.diary_entries(reader)[:FEED_LENGTH]

    def item_title(self, entry: DiaryEntry) -> str:
        film = {"title": entry.film.title, "year": entry.film.release_year}
        if entry.rewatch:
            return _("Rewatched %(title)s (%(year)s)") % film
        return _("Watched %(title)s (%(year)s)") % film

    def item_description(self, entry: DiaryEntry) -> str:
        # Held or refused reviews, and those behind a spoiler warning, stay off the feed.
        parts = []
        if entry.score:
            parts.append(_("Rated %(stars)s out of 5.") % {"stars": f"{entry.score / 2:g}"})
        if entry.is_review and entry.review_status == Comment.Status.APPROVED:
            parts.append(
                _("The review contains spoilers: read it on the site.")
                if entry.contains_spoilers
                else entry.review_html
            )
        return " ".join(parts)

    def item_link(self, entry: DiaryEntry) -> str:
        return entry.get_absolute_url()

    def item_pubdate(self, entry: DiaryEntry):
        return entry.created_at

    def item_updateddate(self, entry: DiaryEntry):
        return entry.edited_at or entry.created_at
