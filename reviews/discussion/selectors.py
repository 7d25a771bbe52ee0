"""Which comments of a discussion a reader sees, and where.

A thread is a top-level comment with its replies. A comment is shown in full when
`Comment.visible_to(reader)` says so, unless a moderator took it down after publication: then
its place shows a tombstone (the removal's category and date; to its author also the reason
and, collapsed, their text), with or without replies. Any other hidden comment (withdrawn by
its author, of a deleted account, waiting for a moderator) with replies still shown leaves a
placeholder in its place, so the thread stays readable; with none, it leaves nothing. A
thread is on the page when anything in it is shown. Counts are of comments one can read:
tombstones and placeholders are not counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from reviews.discussion.fragments import CommentView, ShownComment
from reviews.discussion.models import SUBJECTS, Comment, CommentLike
from reviews.discussion.subjects import Subject, subject_of

# Why a hidden comment with visible replies leaves a placeholder (the template words each).
ACCOUNT_DELETED, WITHDRAWN, WAITING, TAKEN_DOWN = "account-deleted", "deleted", "held", "removed"


TOMBSTONE = Q(removed_at__isnull=False)


def in_thread(user) -> Q:
    """Comments that keep a place of their own in their thread for `user`, whatever their
    replies: those shown in full, and the tombstones of those taken down."""
    return Comment.visible_to(user) | TOMBSTONE


def in_full(user) -> Q:
    """Comments `user` reads in full (and counts): a tombstone is never one."""
    return Comment.visible_to(user) & ~TOMBSTONE


def shown_threads(subject, user) -> QuerySet[Comment]:
    """The top-level comments whose threads `user` sees: shown in full or as a tombstone, or
    with a reply that is. `subject`: a review, a diary entry or their Subject, as for every
    function here."""
    placed = in_thread(user)
    shown_under = Comment.objects.filter(placed, root=OuterRef("pk"))
    return subject_of(subject).comments().filter(depth=1).filter(placed | Exists(shown_under))


def rows(comments: QuerySet[Comment], user) -> QuerySet:
    """`comments` as rows for `shown()`: whether each is shown in full to `user`, and its view."""
    shown = ExpressionWrapper(in_full(user), output_field=BooleanField())
    return comments.annotate(shown_in_full=shown).values_list("shown_in_full", *CommentView.LOOKUPS)


def as_shown(found: Iterable[tuple]) -> list[ShownComment]:
    return [ShownComment(CommentView(*row[1:]), in_full=row[0]) for row in found]


def counts(subject, user) -> dict[str, int]:
    """How many threads and how many comments `user` sees, in one statement.

    A thread is counted by its top-level comment's id, which every comment of it names
    (`root`, or its own id for the top-level one); read from comment_review_counts alone.
    A thread whose only trace is a tombstone is on the page; the tombstone is not counted."""
    comments = subject_of(subject).comments()
    return comments.aggregate(
        threads=Count(Coalesce("root", "id"), distinct=True, filter=in_thread(user)),
        comments=Count("id", filter=in_full(user)),
    )


def earlier_threads(subject, user, root: Comment) -> int:
    """How many shown threads come before `root`'s in the subject's order, oldest first or
    (a live thread) newest first (for its permalink)."""
    before = Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk)
    if subject_of(subject).default_sort == "newest":
        before = Q(created_at__gt=root.created_at) | Q(created_at=root.created_at, pk__gt=root.pk)
    return shown_threads(subject, user).filter(before).count()


def placeholder_reason(comment: ShownComment) -> str:
    if comment.removed_at is not None:  # a tombstone, before whatever happened since
        return TAKEN_DOWN
    if comment.author_id is None:
        return ACCOUNT_DELETED
    if comment.deleted_at is not None:
        return WITHDRAWN
    if comment.status == Comment.Status.PENDING:
        return WAITING
    return TAKEN_DOWN


def arrange(roots: list[ShownComment], replies: list[ShownComment]) -> list[ShownComment]:
    """The threads as shown: each comment in full or as a placeholder, under its parent.

    `replies` are every reply under `roots`, whatever their state, oldest first. A reply
    whose parent is missing (deleted meanwhile) goes under its thread's top-level comment."""
    by_pk = {comment.pk: comment for comment in [*roots, *replies]}
    children: dict[int, list[ShownComment]] = {}
    for reply in replies:
        parent = reply.parent_id if reply.parent_id in by_pk else reply.root_id
        children.setdefault(parent, []).append(reply)

    def keep(comment: ShownComment) -> bool:
        comment.thread_replies = [reply for reply in children.get(comment.pk, []) if keep(reply)]
        if comment.in_full:
            return True
        if comment.thread_replies or comment.removed_at is not None:
            comment.placeholder = placeholder_reason(comment)
            return True
        return False

    return [root for root in roots if keep(root)]


def on_page(threads: list[ShownComment]) -> list[ShownComment]:
    """Every comment and placeholder on the page, threads first."""
    found, stack = [], list(reversed(threads))
    while stack:
        comment = stack.pop()
        found.append(comment)
        stack.extend(reversed(comment.thread_replies))
    return found


def took_part(subject, user) -> str | None:
    """None if `user` has neither commented on the subject (in any state) nor liked a comment
    under it: the discussion then looks the same to them as to every such reader. Otherwise a
    mark that changes whenever they post there, held comments included. Notes on a review's
    paragraphs are not in its discussion."""
    subject: Subject = subject_of(subject)
    # One statement, written out: asked on every signed-in reader's view of a review.
    with connection.cursor() as cursor:
        cursor.execute(_TOOK_PART_SQL[subject.column], {"subject": subject.pk, "user": user.pk})
        last_comment, liked = cursor.fetchone()
    return None if last_comment is None and not liked else f"{last_comment}"


# One statement for each column that names a discussion's subject.
_TOOK_PART_SQL = {
    column: f"""
    SELECT (
        SELECT max(id) FROM {Comment._meta.db_table}
        WHERE {column} = %(subject)s AND author_id = %(user)s AND paragraph_id IS NULL
    ), EXISTS (
        SELECT 1 FROM {CommentLike._meta.db_table} AS liked
        JOIN {Comment._meta.db_table} AS comment ON comment.id = liked.comment_id
        WHERE liked.user_id = %(user)s AND comment.{column} = %(subject)s
            AND comment.paragraph_id IS NULL
    )
"""
    for column in (f"{subject}_id" for subject in SUBJECTS)
}
