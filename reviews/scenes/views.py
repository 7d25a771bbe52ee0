"""A scene's page: its span, the scenes either side, its own thread (the discussion's rules:
posting, replies, likes, reports, moderation, drafts) and what readers said of it elsewhere."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from config import pagecache
from films.models import Scene
from reviews import stamps
from reviews.discussion.forms import CommentForm
from reviews.discussion.page import COMMENT_DRAFTS_KEY, discussion_context, signed_in_discussion
from reviews.discussion.subjects import Subject
from reviews.discussion.views import keep_draft, post_comment
from reviews.scenes import selectors
from reviews.spoilers.gate import gate_for, mark_gated

TEMPLATE = "reviews/scenes/scene_detail.html"


class SceneDetailView(pagecache.CachedPageMixin, DetailView):
    """`/films/<film>/scenes/<n>-<slug>/`: an unknown film or number is 404; a wrong or old
    slug is sent (301) to the scene's address."""

    template_name = TEMPLATE
    context_object_name = "scene"

    def get_object(self, queryset=None) -> Scene:
        scenes = selectors.scenes_of(self.kwargs["film"])
        numbers = [scene.number for scene in scenes]
        if self.kwargs["number"] not in numbers:
            raise Http404("No such scene.")
        at = numbers.index(self.kwargs["number"])
        self.previous_scene = scenes[at - 1] if at > 0 else None
        self.next_scene = scenes[at + 1] if at + 1 < len(scenes) else None
        return scenes[at]

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.slug != kwargs["slug"]:
            address = self.object.get_absolute_url()
            if query := request.META.get("QUERY_STRING"):
                address += f"?{query}"
            return HttpResponsePermanentRedirect(address)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        scene, request = self.object, self.request
        elsewhere = selectors.elsewhere_in(scene)
        # What was said elsewhere about this stretch of the film is gated like any thread: a
        # reader who has not watched this far sees it collapsed (the page is kept per gate).
        gate = gate_for(request, scene.film_id)
        mark_gated(elsewhere.comments, gate)
        mark_gated(elsewhere.reader_reviews, gate)
        context = {
            "film": scene.film,
            "previous_scene": getattr(self, "previous_scene", None),
            "next_scene": getattr(self, "next_scene", None),
            "elsewhere": elsewhere,
            **kwargs,
        }
        subject = Subject(scene)
        if "comment_form" not in context:
            # A draft kept from before signing in comes back into the form.
            drafts = request.session.get(COMMENT_DRAFTS_KEY, {})
            context["comment_form"] = CommentForm(
                initial=drafts.get(subject.draft_key, {}), film=scene.film
            )
        if request.user.is_authenticated:
            form = context["comment_form"]
            blank = not form.is_bound and not form.initial
            context["discussion_for_reader"] = signed_in_discussion(
                request, scene, form=None if blank else form
            )
        else:  # anonymous readers get the whole page from the page cache
            context.update(discussion_context(request, scene))
        return super().get_context_data(**context)

    def page_stamps(self, context):
        film = self.object.film
        elsewhere = context["elsewhere"]
        authors = {c.author_id for c in elsewhere.comments} | {
            e.reader_id for e in elsewhere.reader_reviews
        }
        return [
            stamps.scene_discussion(self.object.pk),
            stamps.film_timeline(film.pk),
            stamps.reader_reviews(film.pk),
            stamps.film_reviews(film.pk),
            *(stamps.diary_of(pk) for pk in authors),
        ]


scene_detail = SceneDetailView.as_view()


def _scene(pk: int) -> Scene:
    return get_object_or_404(Scene.objects.select_related("film"), pk=pk)


def render_scene(request: HttpRequest, scene: Scene, status: int = 200, **context):
    """The scene's page again, e.g. with a comment form's errors and the reader's text."""
    view = SceneDetailView(
        request=request,
        kwargs={"film": scene.film.slug, "number": scene.number, "slug": scene.slug},
    )
    view.object = view.get_object()
    return render(
        request, TEMPLATE, view.get_context_data(object=view.object, **context), status=status
    )


@require_POST
def scene_comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Post a comment or reply in a scene's thread: the discussion's own rules."""
    return post_comment(request, Subject(_scene(pk)), render_page=render_scene)


@csrf_exempt  # as discussion's comment_draft: anonymous pages carry no token
@require_POST
def scene_comment_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """Keep what a signed-out reader wrote in a scene's thread while they sign in."""
    return keep_draft(request, Subject(_scene(pk)))
