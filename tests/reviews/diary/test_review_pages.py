"""A reader review's permalink page (diary:entry): the review, its like button and the threaded
discussion under it, which follows the same rules as a review article's."""

from datetime import date
from http import HTTPStatus

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from reviews.diary.models import ReaderReviewLike
from reviews.discussion.models import Comment, CommentLike
from reviews.discussion.services import comment_create
from tests.factories import (
    CommentFactory,
    DiaryEntryFactory,
    FilmFactory,
    ModeratorFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def entry(film):
    reader = UserFactory(username="haneul")
    reader.profile.display_name = "Haneul"
    reader.profile.save()
    return DiaryEntryFactory(
        reader=reader,
        film=film,
        score=7,
        watched_on=date(2026, 5, 30),
        rewatch=True,
        tags=["rooftops", "Seoul"],
        review="The *stars* over the rooftop scene.",
    )


def entry_url(entry) -> str:
    return reverse("diary:entry", args=[entry.pk])


def comments_url(entry) -> str:
    return reverse("diary:entry-comment-create", args=[entry.pk])


def signed_in(client, user=None):
    client.force_login(user or UserFactory())
    return client


# --- The page ---------------------------------------------------------------------------------


def test_anyone_reads_a_published_reader_review_with_what_goes_with_it(client, entry):
    response = client.get(entry_url(entry))

    assert response.status_code == HTTPStatus.OK
    text = response.text
    assert "The <em>stars</em> over the rooftop scene." in text
    assert f'href="{reverse("readers:profile", args=["haneul"])}">Haneul</a>' in text
    assert f'href="{entry.film.get_absolute_url()}"' in text
    assert 'aria-label="Rated 7 out of 10"' in text
    assert "Watched 30 May 2026" in text
    assert "Rewatch" in text
    assert "rooftops" in text
    assert "Seoul" in text
    # Shared by every anonymous reader: a like is a link to sign in, and no form token.
    login = reverse("account_login")
    assert f'href="{login}?next=/en/diary/{entry.pk}/"' in text
    assert "csrfmiddlewaretoken" not in text
    assert 'id="discussion"' in text


def test_spoilers_stay_behind_a_reveal_that_needs_no_script(client, entry):
    entry.contains_spoilers = True
    entry.save()

    text = client.get(entry_url(entry)).text

    # Collapsed by the spoiler gate of a reader who has not said how far they watched.
    details = text[text.index('<details class="gated">') :]
    assert details.index("<summary>") < details.index("rooftop scene") < details.index("</details>")


def test_a_diary_entry_without_a_review_shows_the_watch_alone(client, film):
    entry = DiaryEntryFactory(film=film, review="")

    response = client.get(entry_url(entry))

    assert response.status_code == HTTPStatus.OK
    assert "Diary entry" in response.text
    assert 'id="discussion"' not in response.text


@pytest.mark.parametrize("hidden_by", ["private diary", "inactive account"])
def test_a_private_or_closed_diary_is_404_to_all_but_its_author(client, entry, hidden_by):
    if hidden_by == "private diary":
        entry.reader.profile.diary_private = True
        entry.reader.profile.save()
    else:
        entry.reader.is_active = False
        entry.reader.save()

    assert client.get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    assert signed_in(client).get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    moderator = ModeratorFactory()
    assert signed_in(client, moderator).get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    if hidden_by == "private diary":
        own = signed_in(client, entry.reader).get(entry_url(entry))
        assert own.status_code == HTTPStatus.OK
        assert "rooftop scene" in own.text


@pytest.mark.parametrize("status", ["pending", "rejected", "removed"])
def test_a_held_or_refused_review_shows_only_to_its_author_and_moderators(client, entry, status):
    entry.review_status = status
    entry.moderation_reason = "" if status == "pending" else "Spoilers without a warning"
    entry.save()

    others = signed_in(client).get(entry_url(entry)).text
    assert "rooftop scene" not in others
    assert "This review is not shown." in others
    assert 'id="discussion"' not in others

    own = signed_in(client, entry.reader).get(entry_url(entry)).text
    assert "rooftop scene" in own
    if status == "pending":
        assert "Awaiting moderation" in own
    else:
        assert "The moderator’s reason: Spoilers without a warning" in own  # noqa: RUF001

    moderator = signed_in(client, ModeratorFactory()).get(entry_url(entry)).text
    assert "rooftop scene" in moderator


def test_an_unknown_entry_is_404(client):
    assert client.get(reverse("diary:entry", args=[999999])).status_code == HTTPStatus.NOT_FOUND


# --- Likes ------------------------------------------------------------------------------------


def like_url(entry) -> str:
    return reverse("diary:entry-like", args=[entry.pk])


def test_a_reader_likes_a_review_and_takes_the_like_back(client, entry):
    reader = UserFactory()
    signed_in(client, reader)

    response = client.post(like_url(entry))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == entry_url(entry) + "#like"
    entry.refresh_from_db()
    assert entry.like_count == 1
    assert 'aria-pressed="true"' in client.get(entry_url(entry)).text
    client.post(like_url(entry))
    entry.refresh_from_db()
    assert entry.like_count == 0
    assert not ReaderReviewLike.objects.exists()


def test_a_like_in_place_with_htmx_returns_the_button_alone(client, entry):
    signed_in(client)

    response = client.post(like_url(entry), headers={"HX-Request": "true"})

    assert response.status_code == HTTPStatus.OK
    assert response.text.strip().startswith('<form class="inline-form like-form"')
    assert '<span class="like__count">1</span>' in response.text
    assert 'aria-pressed="true"' in response.text


def test_own_review_cannot_be_liked_and_says_why(client, entry):
    signed_in(client, entry.reader)

    response = client.post(like_url(entry), follow=True)

    assert "You cannot like your own review." in response.text
    entry.refresh_from_db()
    assert entry.like_count == 0


def test_signed_out_likes_go_to_sign_in(client, entry):
    response = client.post(like_url(entry))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))


def test_a_held_review_cannot_be_liked(client, entry):
    entry.review_status = "pending"
    entry.save()

    assert signed_in(client).post(like_url(entry)).status_code == HTTPStatus.NOT_FOUND


# --- The discussion under it ----------------------------------------------------------------


def test_a_reader_comments_on_a_reader_review_and_lands_on_the_comment(client, entry):
    signed_in(client)

    response = client.post(comments_url(entry), {"body": "Same *rooftop* for me."})

    comment = Comment.objects.get()
    assert comment.entry == entry
    assert comment.review is None
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == comment.get_absolute_url()
    page = client.get(response.url, follow=True)
    assert page.redirect_chain[-1][0] == f"{entry_url(entry)}#comment-{comment.pk}"
    assert "Same <em>rooftop</em> for me." in page.text


def test_replies_thread_under_a_reader_review_as_under_an_article(client, entry):
    top = CommentFactory(entry=entry)
    signed_in(client)

    response = client.post(comments_url(entry), {"body": "A reply", "parent": top.pk})

    reply = Comment.objects.get(body="A reply")
    assert response.status_code == HTTPStatus.FOUND
    assert (reply.parent, reply.root, reply.depth, reply.entry) == (top, top, 2, entry)
    page = client.get(entry_url(entry)).text
    reply_form = f'action="{comments_url(entry)}"'
    assert page.count(reply_form) >= 2  # the comment form and each reply form post here


def test_a_reply_to_a_comment_elsewhere_is_refused(client, entry):
    elsewhere = CommentFactory(review=ReviewFactory())
    signed_in(client)

    response = client.post(comments_url(entry), {"body": "A reply", "parent": elsewhere.pk})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "You can only reply to a comment on the same review." in response.text
    assert "A reply" in response.text  # kept in the form
    assert not Comment.objects.filter(entry=entry).exists()


def test_bad_text_gets_a_clear_message_in_place_with_htmx(client, entry):
    signed_in(client)

    response = client.post(comments_url(entry), {"body": "  "}, headers={"HX-Request": "true"})

    assert response.status_code == HTTPStatus.OK
    assert response.text.lstrip().startswith('<section class="discussion"')
    assert "Write something before posting." in response.text


def test_a_signed_out_reader_keeps_their_draft_while_signing_in(client, entry):
    draft = reverse("diary:entry-comment-draft", args=[entry.pk])

    response = client.post(draft, {"body": "Kept words"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("account_login"))
    client.force_login(UserFactory())
    assert "Kept words" in client.get(entry_url(entry)).text
    assert not Comment.objects.exists()


def test_comments_are_closed_under_a_review_not_published(client, entry):
    entry.review_status = "pending"
    entry.save()
    signed_in(client)

    response = client.post(comments_url(entry), {"body": "Hello"})

    assert response.status_code == HTTPStatus.NOT_FOUND
    with pytest.raises(Exception, match="not open for comments"):
        comment_create(entry=entry, author=UserFactory(), body="Hello")


def test_editing_deleting_and_liking_a_comment_lead_back_to_the_reader_review(client, entry):
    mine = CommentFactory(entry=entry, body="First words")
    other = CommentFactory(entry=entry)
    signed_in(client, mine.author)

    edited = client.post(reverse("discussion:comment-edit", args=[mine.pk]), {"body": "Better"})
    liked = client.post(reverse("discussion:comment-like", args=[other.pk]))
    deleted = client.post(reverse("discussion:comment-delete", args=[mine.pk]))

    assert edited.url == mine.get_absolute_url()
    assert liked.url == f"{entry_url(entry)}#comment-{other.pk}"
    assert deleted.url == f"{entry_url(entry)}#comment-{mine.pk}"
    assert CommentLike.objects.filter(comment=other).exists()
    page = client.get(entry_url(entry)).text
    assert "Better" not in page  # deleted, with no replies: nothing left of it


def test_a_comment_under_a_reader_review_is_reported_like_any_other(client, entry):
    comment = CommentFactory(entry=entry)
    signed_in(client)
    url = reverse("moderation:comment-report", args=[comment.pk])

    form = client.get(url)
    response = client.post(url, {"reason": "spam"})

    assert f'on <a href="{entry_url(entry)}">Haneul&#x27;s review of' in form.text
    assert response.url == f"{entry_url(entry)}#comment-{comment.pk}"
    assert comment.reports.count() == 1


def test_a_comment_is_on_a_review_or_a_reader_review_never_both_nor_neither(entry):
    review = ReviewFactory()
    for subject in ({"review": review, "entry": entry}, {"review": None, "entry": None}):
        with pytest.raises(IntegrityError), transaction.atomic():
            CommentFactory(**subject)


@pytest.mark.parametrize("count", [2, 12])
def test_the_page_runs_the_same_queries_however_many_comments(
    client, entry, django_assert_num_queries, count
):
    for _ in range(count):
        CommentFactory(parent=CommentFactory(entry=entry))

    # the entry with its reader and film; the discussion's counts, threads and replies; the
    # film's scenes for the comment form's scene picker; its premiere (the spoiler gate's
    # default during one)
    with django_assert_num_queries(6):
        response = client.get(entry_url(entry))

    assert response.status_code == HTTPStatus.OK
    assert response.context["comment_total"] == 2 * count


def test_a_reply_under_a_reader_review_tells_the_author_with_its_title(
    entry, mailoutbox, django_capture_on_commit_callbacks
):
    top = CommentFactory(entry=entry)

    with django_capture_on_commit_callbacks(execute=True):
        comment_create(entry=entry, author=UserFactory(), body="Answering you", parent=top)

    (mail,) = mailoutbox
    assert mail.subject == "New reply to your comment on “Haneul's review of Lost in Starlight”"


def test_a_film_page_link_and_other_films_are_untouched(client):
    """A diary entry's film need not be the featured one."""
    entry = DiaryEntryFactory(film=FilmFactory(title="Other Stars"))
    assert "Other Stars" in client.get(entry_url(entry)).text
