"""Paragraph anchors: what survives an edit of the body, and notes posted through the
discussion's service."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviews import services as reviews
from reviews.discussion import services as discussion
from reviews.discussion.models import Comment
from reviews.notes.models import ReviewParagraph
from reviews.notes.services import match_paragraphs, text_hash
from tests.factories import ReviewFactory, UserFactory

FIRST, SECOND, THIRD = (
    "The first paragraph, about the opening shot.",
    "The second paragraph, about the score.",
    "The third paragraph, about the ending.",
)


def save_body(review, *paragraphs: str):
    review.body = "\n\n".join(paragraphs)
    reviews.review_save(review=review)
    return anchors_of(review)


def anchors_of(review) -> dict[str, str]:
    """Text of each current paragraph: its anchor."""
    return {
        paragraph.text: paragraph.anchor
        for paragraph in ReviewParagraph.objects.filter(review=review, current=True)
    }


@pytest.fixture
def article(db):
    review = ReviewFactory()
    save_body(review, FIRST, SECOND, THIRD)
    return review


def test_each_block_gets_a_short_anchor_and_the_html_names_it(article):
    anchors = anchors_of(article)
    assert len(set(anchors.values())) == 3
    assert all(anchor.startswith("p-") and len(anchor) == 8 for anchor in anchors.values())
    article.refresh_from_db()
    for anchor in anchors.values():
        assert f'id="{anchor}"' in article.body_html
    positions = ReviewParagraph.objects.filter(review=article).values_list("position", flat=True)
    assert sorted(positions) == [0, 1, 2]


def test_headings_lists_and_quotes_are_blocks_too(db):
    review = ReviewFactory()
    anchors = save_body(review, "## A heading", "- one\n- two", "> A quote", "A paragraph.")
    assert set(anchors) == {"## A heading", "- one\n- two", "> A quote", "A paragraph."}
    review.refresh_from_db()
    assert f'<h2 id="{anchors["## A heading"]}">' in review.body_html
    assert f'<ul id="{anchors["- one\n- two"]}">' in review.body_html


def test_editing_another_paragraph_keeps_the_anchor(article):
    before = anchors_of(article)
    after = save_body(article, FIRST, SECOND + " Edited.", THIRD)
    assert after[FIRST] == before[FIRST]
    assert after[THIRD] == before[THIRD]


def test_inserting_a_paragraph_before_keeps_the_anchors(article):
    before = anchors_of(article)
    after = save_body(article, "A new opening.", FIRST, SECOND, THIRD)
    assert {text: after[text] for text in before} == before
    assert after["A new opening."] not in before.values()


def test_removing_a_paragraph_before_keeps_the_anchors(article):
    before = anchors_of(article)
    after = save_body(article, SECOND, THIRD)
    assert after == {SECOND: before[SECOND], THIRD: before[THIRD]}
    gone = ReviewParagraph.objects.get(review=article, anchor=before[FIRST])
    assert not gone.current


def test_reordering_keeps_every_anchor(article):
    before = anchors_of(article)
    after = save_body(article, THIRD, FIRST, SECOND)
    assert after == before


def test_editing_the_paragraph_itself_keeps_its_anchor_with_a_new_hash(article):
    before = anchors_of(article)
    old_hash = ReviewParagraph.objects.get(anchor=before[SECOND]).text_hash
    after = save_body(article, FIRST, "The second paragraph, now about the silence.", THIRD)
    edited = ReviewParagraph.objects.get(anchor=before[SECOND])
    assert after["The second paragraph, now about the silence."] == before[SECOND]
    assert edited.current
    assert edited.text_hash != old_hash


def test_a_paragraph_that_comes_back_gets_its_anchor_back(article):
    before = anchors_of(article)
    save_body(article, FIRST, THIRD)
    assert save_body(article, FIRST, SECOND, THIRD) == before


def test_notes_keep_the_text_they_were_written_on(article, reader):
    paragraph = ReviewParagraph.objects.get(review=article, text=SECOND)
    note = discussion.comment_create(
        review=article, author=reader, body="The score is wonderful.", paragraph=paragraph
    )
    assert (note.paragraph, note.quoted_text, note.quoted_hash) == (
        paragraph,
        SECOND,
        paragraph.text_hash,
    )
    save_body(article, FIRST, THIRD)
    note.refresh_from_db()
    assert note.quoted_text == SECOND
    assert not note.paragraph.current


def test_a_reply_to_a_note_is_on_the_same_paragraph(article, reader):
    paragraph = ReviewParagraph.objects.get(review=article, text=FIRST)
    note = discussion.comment_create(
        review=article, author=reader, body="Lovely shot.", paragraph=paragraph
    )
    reply = discussion.comment_create(
        review=article, author=UserFactory(), body="It is.", parent=note
    )
    assert reply.paragraph == paragraph
    assert reply.quoted_hash == paragraph.text_hash


def test_a_note_on_a_paragraph_that_left_the_review_is_refused(article, reader):
    paragraph = ReviewParagraph.objects.get(review=article, text=FIRST)
    save_body(article, SECOND, THIRD)
    paragraph.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        discussion.comment_create(review=article, author=reader, body="Hm.", paragraph=paragraph)
    assert refused.value.code == "paragraph_gone"
    assert not Comment.objects.exists()


def test_a_note_on_another_reviews_paragraph_is_refused(article, reader):
    paragraph = ReviewParagraph.objects.get(review=article, text=FIRST)
    other = ReviewFactory()
    with pytest.raises(ValidationError):
        discussion.comment_create(review=other, author=reader, body="Hm.", paragraph=paragraph)
    assert not Comment.objects.exists()


# --- Random edit sequences --------------------------------------------------------------

# An edit of a list of paragraph ids: insert a new one, delete, rewrite one in place, move one.
edits = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "rewrite", "move"]),
        st.integers(min_value=0, max_value=50),
        st.integers(min_value=0, max_value=50),
    ),
    max_size=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=st.integers(min_value=1, max_value=7), steps=st.lists(edits, max_size=4))
def test_untouched_paragraphs_always_keep_their_anchors(db, start, steps):
    """Each paragraph is (id, version); its text says both, so texts are unique. After every
    save, a paragraph whose text did not change keeps its anchor, and anchors stay unique."""
    review = ReviewFactory()
    fresh = iter(range(1000))
    paragraphs = [(next(fresh), 0) for _ in range(start)]

    def text(paragraph):
        return f"Paragraph {paragraph[0]}, version {paragraph[1]}."

    anchors = save_body(review, *map(text, paragraphs))
    for edit in steps:
        for kind, at, to in edit:
            if kind == "insert":
                paragraphs.insert(at % (len(paragraphs) + 1), (next(fresh), 0))
            elif len(paragraphs) > 1 and kind == "delete":  # a review has a body
                paragraphs.pop(at % len(paragraphs))
            elif paragraphs and kind == "rewrite":
                number, version = paragraphs[at % len(paragraphs)]
                paragraphs[at % len(paragraphs)] = (number, version + 1)
            elif paragraphs and kind == "move":
                moved = paragraphs.pop(at % len(paragraphs))
                paragraphs.insert(to % (len(paragraphs) + 1), moved)
        after = save_body(review, *map(text, paragraphs))
        for paragraph_text, anchor in anchors.items():
            if paragraph_text in after:
                assert after[paragraph_text] == anchor
        every = list(ReviewParagraph.objects.filter(review=review).values_list("anchor", flat=True))
        assert len(every) == len(set(every))
        assert len(after) == len(paragraphs)
        anchors = after


def test_match_paragraphs_pairs_a_replaced_run_one_for_one():
    old = ["a", "b", "c"]
    assert match_paragraphs(old, ["a", "x", "c"]) == [0, 1, 2]
    assert match_paragraphs(old, ["a", "x", "y", "c"]) == [0, None, None, 2]
    assert match_paragraphs(old, ["c", "a", "b"]) == [2, 0, 1]
    assert match_paragraphs(["a"], ["a", "z"], ["z"]) == [0, 1]


def test_text_hash_ignores_only_spacing():
    assert text_hash("A  line\nhere") == text_hash("A line here")
    assert text_hash("A line") != text_hash("a line")


def test_the_command_gives_older_reviews_their_anchors(db):
    from django.core.management import call_command

    older = ReviewFactory(body=f"{FIRST}\n\n{SECOND}")  # saved without the service
    assert not older.paragraphs.exists()
    call_command("paragraphs_sync", stdout=None)
    older.refresh_from_db()
    anchors = anchors_of(older)
    assert set(anchors) == {FIRST, SECOND}
    assert all(f'id="{anchor}"' in older.body_html for anchor in anchors.values())
    call_command("paragraphs_sync", stdout=None)  # again: nothing changes
    assert anchors_of(older) == anchors
