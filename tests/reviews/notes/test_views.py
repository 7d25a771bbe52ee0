"""Readers' notes on review paragraphs: the counts beside the article, the paragraph's page and
its htmx fragment, posting, and notes kept out of the discussion."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse

from reviews import services as reviews
from reviews.discussion import services as discussion
from reviews.discussion.models import Comment
from reviews.models import Review
from reviews.notes.models import ReviewParagraph
from tests.factories import CommentFactory, ReviewFactory, UserFactory

OPENING = "The opening shot holds on the night sky for a full minute."
SCORE = "The score arrives late, and quietly."


@pytest.fixture
def article(db):
    review = ReviewFactory(slug="night-sky", body=f"{OPENING}\n\n{SCORE}")
    return reviews.review_save(review=review)


def paragraph_of(review, text: str) -> ReviewParagraph:
    return ReviewParagraph.objects.get(review=review, text=text, current=True)


def note(review, text: str, body: str = "A note.", **fields) -> Comment:
    return discussion.comment_create(
        review=review,
        author=fields.pop("author", None) or UserFactory(),
        body=body,
        paragraph=paragraph_of(review, text),
    )


def page_url(review, paragraph: ReviewParagraph) -> str:
    return reverse("notes:paragraph", args=[review.slug, paragraph.anchor])


def create_url(review, paragraph: ReviewParagraph) -> str:
    return reverse("notes:note-create", args=[review.slug, paragraph.anchor])


# --- The article ------------------------------------------------------------------------


def test_each_paragraph_shows_its_note_count_and_anchor(client, article):
    note(article, SCORE)
    note(article, SCORE, body="Another note.")
    opening, score = paragraph_of(article, OPENING), paragraph_of(article, SCORE)

    page = client.get(article.get_absolute_url()).text

    assert f'<p id="{opening.anchor}">' in page
    assert f'<p id="{score.anchor}">' in page
    assert f'href="{page_url(article, score)}" data-hx-get="{page_url(article, score)}"' in page
    assert ">2 notes</a>" in page
    assert ">Add a note</a>" in page  # the opening has none yet
    assert f'id="notes-{score.anchor}"' in page


def test_held_notes_are_not_counted(client, article, settings):
    settings.MODERATION_NEW_ACCOUNT_HELD = 10  # new accounts' first posts wait
    held = note(article, SCORE)
    assert held.status == Comment.Status.PENDING
    assert ">1 note</a>" not in client.get(article.get_absolute_url()).text


def test_notes_are_not_in_the_discussion_or_its_counts(client, article):
    note(article, OPENING, body="Only a note on the opening.")
    CommentFactory(review=article, body="A comment in the discussion.")

    page = client.get(article.get_absolute_url()).text

    assert "1 comment<" in page
    assert "A comment in the discussion." in page
    assert "Only a note on the opening." not in page
    (listed,) = Review.objects.filter(pk=article.pk).for_listing()
    assert listed.comment_count == 1


def test_the_review_page_takes_its_queries_with_the_counts_in_the_reviews_own(
    get_in_queries, article
):
    note(article, SCORE)
    note(article, OPENING)
    # The same count as a review without notes: the counts come in the review's query.
    plain = reviews.review_save(review=ReviewFactory())
    without = get_in_queries(plain.get_absolute_url(), QUERIES_REVIEW_PAGE)
    with_notes = get_in_queries(article.get_absolute_url(), QUERIES_REVIEW_PAGE)
    assert ">Add a note</a>" in without.text
    assert ">1 note</a>" in with_notes.text


# The review with its film, author, translations and note counts in one; the rest is the
# discussion's, "more on this film" the film's scenes (the comment form's scene picker) and its premiere (the banner).
QUERIES_REVIEW_PAGE = 5


def test_a_kept_review_page_shows_a_new_note_at_once(
    client, article, page_cache_on, django_assert_num_queries
):
    url = article.get_absolute_url()
    assert ">1 note</a>" not in client.get(url).text
    with django_assert_num_queries(0):  # from the cache now
        assert ">1 note</a>" not in client.get(url).text
    note(article, SCORE)
    assert ">1 note</a>" in client.get(url).text


# --- The paragraph's page and fragment --------------------------------------------------


def test_the_page_quotes_the_paragraph_and_lists_its_notes(client, article):
    note(article, SCORE, body="The strings come in *late*.")
    score = paragraph_of(article, SCORE)

    response = client.get(page_url(article, score))

    assert response.status_code == HTTPStatus.OK
    assert "<title>" in response.text
    assert SCORE in response.text
    assert "The strings come in <em>late</em>." in response.text
    assert "On an earlier version" not in response.text


def test_a_visitor_gets_a_sign_in_link_and_no_token(client, article):
    score = paragraph_of(article, SCORE)
    response = client.get(page_url(article, score))
    assert "csrfmiddlewaretoken" not in response.text
    assert "Sign in to leave a note" in response.text


def test_a_visitors_page_is_kept_and_a_new_note_makes_it_stale(
    client, article, page_cache_on, django_assert_num_queries
):
    score = paragraph_of(article, SCORE)
    url = page_url(article, score)
    client.get(url)
    with django_assert_num_queries(0):  # kept whole
        assert "Lovely strings." not in client.get(url).text
    note(article, SCORE, body="Lovely strings.")
    assert "Lovely strings." in client.get(url).text


def test_htmx_gets_the_notes_and_the_form_alone(reader_client, article):
    score = paragraph_of(article, SCORE)
    response = reader_client.get(page_url(article, score), headers={"HX-Request": "true"})
    assert response.status_code == HTTPStatus.OK
    assert "<html" not in response.text
    assert 'class="notes"' in response.text
    assert f'data-hx-target="#notes-{score.anchor}"' in response.text
    assert "csrfmiddlewaretoken" in response.text


@pytest.mark.parametrize(
    ("slug", "anchor"),
    [("night-sky", "p-nothere"), ("no-such-review", "p-aaaaaa")],
)
def test_an_unknown_anchor_or_review_is_404(client, article, slug, anchor):
    url = reverse("notes:paragraph", args=[slug, anchor])
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    post = reverse("notes:note-create", args=[slug, anchor])
    assert client.post(post, {"body": "Hi"}).status_code == HTTPStatus.NOT_FOUND


def test_a_drafts_paragraphs_are_404(client, db):
    draft = reviews.review_save(review=ReviewFactory(draft=True, body="Secret."))
    (paragraph,) = draft.paragraphs.all()
    assert client.get(page_url(draft, paragraph)).status_code == HTTPStatus.NOT_FOUND


def test_the_page_takes_its_queries(client, article, django_assert_num_queries):
    note(article, SCORE)
    note(article, SCORE)
    url = page_url(article, paragraph_of(article, SCORE))
    with django_assert_num_queries(3):  # the review with its counts, the paragraph, the notes
        assert client.get(url).status_code == HTTPStatus.OK


def test_a_readers_page_takes_its_queries(reader_client, article, django_assert_num_queries):
    note(article, SCORE)
    url = page_url(article, paragraph_of(article, SCORE))
    with django_assert_num_queries(QUERIES_READER_NOTES_PAGE):
        assert reader_client.get(url).status_code == HTTPStatus.OK


QUERIES_READER_NOTES_PAGE = 5


# --- Posting ----------------------------------------------------------------------------


def test_a_reader_posts_a_note(reader_client, reader, article):
    score = paragraph_of(article, SCORE)
    response = reader_client.post(create_url(article, score), {"body": "The harp, at last."})

    posted = Comment.objects.get()
    assert (posted.paragraph, posted.author, posted.review) == (score, reader, article)
    assert posted.quoted_text == SCORE
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{page_url(article, score)}#comment-{posted.pk}"
    assert "The harp, at last." in reader_client.get(response["Location"]).text


def test_a_reader_posts_a_note_in_place(reader_client, article):
    score = paragraph_of(article, SCORE)
    response = reader_client.post(
        create_url(article, score), {"body": "In place."}, headers={"HX-Request": "true"}
    )
    assert response.status_code == HTTPStatus.OK
    assert "<html" not in response.text
    assert "Your note is posted." in response.text
    assert "In place." in response.text
    # The count beside the paragraph is swapped too (out of band).
    assert f'id="note-count-{score.anchor}"' in response.text
    assert 'data-hx-swap-oob="true">1 note</a>' in response.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write something before posting."),
        ("   ", "Write something before posting."),
        ("x" * (settings.COMMENT_MAX_LENGTH + 1), "Keep it under"),
    ],
)
@pytest.mark.parametrize("htmx", [False, True])
def test_a_refused_note_says_why_and_keeps_the_text(reader_client, article, body, message, htmx):
    score = paragraph_of(article, SCORE)
    headers = {"HX-Request": "true"} if htmx else {}
    response = reader_client.post(create_url(article, score), {"body": body}, headers=headers)
    assert response.status_code == (HTTPStatus.OK if htmx else HTTPStatus.BAD_REQUEST)
    assert message in response.text
    if body.strip():
        assert body in response.text
    assert not Comment.objects.exists()


def test_a_visitor_posting_is_sent_to_sign_in(client, article):
    score = paragraph_of(article, SCORE)
    response = client.post(create_url(article, score), {"body": "Hello"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("account_login"))
    assert not Comment.objects.exists()


def test_a_note_goes_through_the_discussions_rules(reader_client, article, settings):
    settings.MODERATION_NEW_ACCOUNT_HELD = 10
    score = paragraph_of(article, SCORE)
    reader_client.post(create_url(article, score), {"body": "Held at first."})
    assert Comment.objects.get().status == Comment.Status.PENDING


def test_a_notes_permalink_leads_to_its_paragraphs_page(client, article):
    posted = note(article, SCORE)
    response = client.get(posted.get_absolute_url())
    score = paragraph_of(article, SCORE)
    assert response["Location"] == f"{page_url(article, score)}#comment-{posted.pk}"


# --- Earlier versions -------------------------------------------------------------------


def test_a_note_on_an_edited_paragraph_says_so_and_quotes_it(client, article):
    note(article, SCORE, body="Quiet indeed.")
    score = paragraph_of(article, SCORE)
    article.body = f"{OPENING}\n\nThe score arrives early, and loudly."
    reviews.review_save(review=article)
    score.refresh_from_db()
    assert score.current

    page = client.get(page_url(article, score)).text

    assert "On an earlier version" in page
    assert SCORE in page  # the quote
    assert "The score arrives early, and loudly." in page  # the paragraph now


def test_a_new_note_on_the_edited_paragraph_is_on_the_current_version(client, article):
    article.body = f"{OPENING}\n\nThe score arrives early."
    reviews.review_save(review=article)
    note(article, "The score arrives early.")
    score = paragraph_of(article, "The score arrives early.")
    assert "On an earlier version" not in client.get(page_url(article, score)).text


def test_notes_on_a_removed_paragraph_are_kept_with_their_quote(client, article):
    note(article, SCORE, body="Still here.")
    score = paragraph_of(article, SCORE)
    article.body = OPENING
    reviews.review_save(review=article)

    review_page = client.get(article.get_absolute_url()).text
    assert "Notes on earlier versions" in review_page
    assert page_url(article, score) in review_page
    assert f'id="{score.anchor}"' not in review_page

    page = client.get(page_url(article, score)).text
    assert "Still here." in page
    assert "On an earlier version" in page
    assert "Notes are closed" in page


def test_a_review_without_removed_notes_has_no_earlier_section(client, article):
    note(article, SCORE)
    assert "Notes on earlier versions" not in client.get(article.get_absolute_url()).text


# --- The desk ---------------------------------------------------------------------------


def test_the_desk_names_a_held_note(moderator_client, article, settings):
    settings.MODERATION_NEW_ACCOUNT_HELD = 10
    note(article, SCORE, body="Wait for me.")
    page = moderator_client.get(reverse("moderation:queue")).text
    assert "Note on a paragraph" in page
    assert "Wait for me." in page


def test_headings_keep_their_anchor_but_take_no_notes(client, db):
    review = reviews.review_save(review=ReviewFactory(body="## Verdict\n\nSee it."))
    heading, paragraph = review.paragraphs.order_by("position")
    page = client.get(review.get_absolute_url()).text
    assert f'<h2 id="{heading.anchor}">Verdict</h2>' in page
    assert page_url(review, heading) not in page
    assert page_url(review, paragraph) in page


def test_a_reader_deletes_their_note_and_comes_back_to_the_paragraph(
    reader_client, reader, article
):
    posted = note(article, SCORE, author=reader)
    score = paragraph_of(article, SCORE)
    page = reader_client.get(page_url(article, score)).text
    delete_url = reverse("discussion:comment-delete", args=[posted.pk])
    assert delete_url in page
    response = reader_client.post(delete_url)
    assert response["Location"] == page_url(article, score)
    assert "A note." not in reader_client.get(page_url(article, score)).text


def test_a_reader_may_report_someone_elses_note(reader_client, article):
    posted = note(article, SCORE)
    page = reader_client.get(page_url(article, paragraph_of(article, SCORE))).text
    assert reverse("moderation:comment-report", args=[posted.pk]) in page


def test_a_signed_in_readers_kept_article_shows_a_new_note_at_once(
    reader_client, article, page_cache_on
):
    url = article.get_absolute_url()
    assert ">1 note</a>" not in reader_client.get(url).text
    note(article, OPENING)
    assert ">1 note</a>" in reader_client.get(url).text


def test_editing_the_review_keeps_its_kept_notes_page_fresh(client, article, page_cache_on):
    note(article, SCORE)
    url = page_url(article, paragraph_of(article, SCORE))
    assert "On an earlier version" not in client.get(url).text
    article.body = f"{OPENING}\n\nThe score arrives at once."
    reviews.review_save(review=article)
    assert "On an earlier version" in client.get(url).text
