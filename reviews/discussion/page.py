"""The discussion part of a review page or of a reader review's page: one page of threads as a
reader sees it, and the same kept for signed-in readers until it changes."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from config import pagecache
from config.pagecache.fragments import CSRF_PLACEHOLDER
from reviews.discussion import fragments, selectors
from reviews.discussion.forms import CommentForm
from reviews.discussion.models import Comment, CommentLike
from reviews.discussion.subjects import subject_of
from reviews.spoilers.gate import gate_for, mark_gated
from reviews.spoilers.progress import progress_context

TEMPLATE = "reviews/discussion/discussion.html"

COMMENT_DRAFTS_KEY = "comment_drafts"
THREAD_SORTS = {
    "oldest": ("created_at", "id"),
    "newest": ("-created_at", "-id"),
    "liked": ("-like_count", "created_at", "id"),
}


def _thread_sort(request: HttpRequest, default: str = "oldest") -> str:
    """The order of threads asked for, `default` unless one of THREAD_SORTS is named."""
    sort = request.GET.get("sort")
    return sort if sort in THREAD_SORTS else default


def discussion_context(
    request: HttpRequest, subject, *, keep_csrf_placeholder: bool = False
) -> dict:
    """One page of threads under a review or a reader review (`subject`: either, or their
    Subject), in a fixed number of queries however many."""
    user = request.user
    subject = subject_of(subject)
    sort = _thread_sort(request, subject.default_sort)
    counted = selectors.counts(subject, user)
    threads = selectors.shown_threads(subject, user).order_by(*THREAD_SORTS[sort])
    paginator = Paginator(selectors.rows(threads, user), settings.COMMENTS_PER_PAGE)
    paginator.count = counted["threads"]  # counted above, with the total: one query for both
    page = paginator.get_page(request.GET.get("page"))
    roots = selectors.as_shown(page.object_list)
    # Every reply under the page's threads, whatever its state: a hidden one with replies
    # still shown leaves a placeholder (reviews/discussion/selectors.py).
    replies = Comment.objects.filter(root__in=[root.pk for root in roots]).order_by(
        "created_at", "id"
    )
    arranged = selectors.arrange(roots, selectors.as_shown(selectors.rows(replies, user)))
    shown = selectors.on_page(arranged)
    liked = set()
    if user.is_authenticated and shown:
        liked = set(
            CommentLike.objects.filter(
                user=user, comment__in=[comment.pk for comment in shown if comment.in_full]
            ).values_list("comment_id", flat=True)
        )
    fragments.attach_html(
        request, shown, liked_ids=liked, keep_csrf_placeholder=keep_csrf_placeholder
    )
    # What the reader has not watched yet is collapsed, replies with their parent (the thread
    # template puts them inside its block); never their own words (the discussion of a reader
    # who took part is theirs alone: signed_in_discussion).
    gate = gate_for(request, subject.obj.film_id)
    own = {user.pk} if user.is_authenticated else set()
    mark_gated([comment for comment in shown if comment.author_id not in own], gate)
    # The page shows these rows' values, not objects: what they depend on, said here.
    authors = {comment.author_id for comment in shown if comment.author_id}
    depends_on = pagecache.DependsOn(
        subject.stamp, *(pagecache.stamp_for(User, pk) for pk in authors)
    )
    return {
        "discussion_subject": subject,
        "threads": arranged,
        "comment_page": page,
        "comment_sort": sort,
        "comment_sorts": [
            ("oldest", _("Oldest")),
            ("newest", _("Newest")),
            ("liked", _("Most liked")),
        ],
        "liked_ids": liked,
        "comment_total": counted["comments"],
        "edits_close_at": fragments.first_edit_window_end(shown, user),
        "discussion_depends_on": depends_on,
        **progress_context(request, subject.obj.film_id, back=f"{subject.url}#discussion"),
    }


# Around the comment form in a kept discussion: a reader's draft or errors go in between.
_FORM_START, _FORM_END = "<!--comment-form-->", "<!--/comment-form-->"


def signed_in_discussion(request: HttpRequest, subject, *, form: CommentForm | None) -> SafeString:
    """The discussion as a signed-in reader sees it, kept until it changes, with a blank
    comment form, or with `form` (holding the reader's draft or errors) put in its place.

    Every signed-in reader who has neither commented on the review nor liked one of its
    comments sees the same section (but for the CSRF token, put in here), so they share one
    entry. A reader who has keeps entries of their own: their comments carry edit and delete
    (until the edit window closes: the entry's `until`), their likes show, and so do their
    comments awaiting moderation (their newest comment is in the name). The discussion stamp
    is bumped by every change to what the section shows, likes included; its authors' stamps
    by a change of their names. Readers whose spoiler gates differ (`Gate.key`: progress in
    five-minute buckets, finished, off) see different versions, kept apart."""
    user = request.user
    subject = subject_of(subject)
    # Whether they took part changes only with the discussion (a reader's post, held or not,
    # and their likes bump its stamp), so it is kept too.
    own = pagecache.page_part(
        request,
        f"took-part:{subject.cache_name}:{user.pk}",
        lambda: (selectors.took_part(subject, user), [subject.stamp]),
        localised=False,
    ).value
    viewer = "reader" if own is None else f"user-{user.pk}-{own}"
    viewer += f":{gate_for(request, subject.obj.film_id).key}"  # what it collapses
    sort, page = _thread_sort(request, subject.default_sort), request.GET.get("page", "")
    made_of = (pagecache.template_version(TEMPLATE), pagecache.template_version(fragments.TEMPLATE))
    digest = pagecache.digest((made_of, subject.url, sort, page))
    name = f"discussion:{subject.cache_name}:{viewer}:{digest}"

    def compute() -> tuple[str, set[str], float | None]:
        discussion = discussion_context(request, subject, keep_csrf_placeholder=True)
        html = render_to_string(
            f"{TEMPLATE}#discussion",
            {"user": user, "csrf_token": CSRF_PLACEHOLDER,
             "comment_form": CommentForm(film=subject.film), "form_marks": (_FORM_START, _FORM_END),
             **discussion},
        )  # fmt: skip
        depends = pagecache.stamps_of(subject.obj, discussion["discussion_depends_on"])
        return html, depends, discussion["edits_close_at"]

    html = pagecache.page_part(request, name, compute).value
    if form is not None:
        before, rest = html.split(_FORM_START)
        after = rest.split(_FORM_END)[1]
        context = {"discussion_subject": subject, "comment_form": form}
        html = before + render_to_string(f"{TEMPLATE}#comment-form", context, request) + after
    return mark_safe(html.replace(CSRF_PLACEHOLDER, get_token(request)))
