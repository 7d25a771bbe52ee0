"""Keeping a review's paragraphs, and their anchors, in step with its body.

An anchor names a paragraph for as long as it stays in the article: readers' notes hang on
it. Editing another paragraph, inserting or removing one around it, or moving it leaves it
alone; editing the paragraph itself keeps the anchor but changes its `text_hash`, so notes
written before say they were on an earlier version."""

from __future__ import annotations

import hashlib
import secrets
import string
from difflib import SequenceMatcher

from django.db import transaction

from reviews import stamps
from reviews.markdown import article_blocks, render_article
from reviews.models import Review
from reviews.notes.models import ReviewParagraph

_ANCHOR_LETTERS = string.ascii_lowercase + string.digits


def text_hash(text: str) -> str:
    """A short digest of a paragraph's text, spaces collapsed: equal for an unchanged text."""
    return hashlib.blake2b(" ".join(text.split()).encode(), digest_size=8).hexdigest()


def new_anchor(taken: set[str]) -> str:
    """`p-` and six random letters or digits, none of the review's anchors so far."""
    while True:
        anchor = "p-" + "".join(secrets.choice(_ANCHOR_LETTERS) for _ in range(6))
        if anchor not in taken:
            taken.add(anchor)
            return anchor


def match_paragraphs(old: list[str], new: list[str], gone: list[str] = ()) -> list[int | None]:
    """For each of the `new` hashes, the index of the old paragraph it continues (in `old`,
    then in `gone`, counted after `old`), or None for a new paragraph.

    1. Unchanged runs, in order (SequenceMatcher over the hashes).
    2. Unchanged text anywhere else: a moved paragraph, or one that comes back.
    3. What is left of a replaced run of the same length, one for one: edited in place."""
    matched: list[int | None] = [None] * len(new)
    taken: set[int] = set()
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, _j2 in opcodes:
        if tag == "equal":
            for offset in range(i2 - i1):
                matched[j1 + offset] = i1 + offset
                taken.add(i1 + offset)
    hashes = [*old, *gone]
    by_hash: dict[str, list[int]] = {}
    for index, value in enumerate(hashes):
        if index not in taken:
            by_hash.setdefault(value, []).append(index)
    for j, value in enumerate(new):
        if matched[j] is None and by_hash.get(value):
            matched[j] = by_hash[value].pop(0)
            taken.add(matched[j])
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace":
            continue
        olds = [i for i in range(i1, i2) if i not in taken]
        news = [j for j in range(j1, j2) if matched[j] is None]
        if len(olds) == len(news):
            for i, j in zip(olds, news, strict=True):
                matched[j] = i
                taken.add(i)
    return matched


@transaction.atomic
def paragraphs_sync(*, review: Review) -> list[ReviewParagraph]:
    """Match the review's stored paragraphs to its body's top-level blocks (see
    `match_paragraphs`), then store the body's HTML with each block's anchor. Called by
    reviews.services.review_save, so every save of a body goes through it."""
    blocks, _ = article_blocks(review.body)
    stored = list(ReviewParagraph.objects.filter(review=review).order_by("position", "pk"))
    current = [paragraph for paragraph in stored if paragraph.current]
    gone = [paragraph for paragraph in stored if not paragraph.current]
    texts = [block.text for block in blocks]
    hashes = [text_hash(text) for text in texts]
    matched = match_paragraphs([p.text_hash for p in current], hashes, [p.text_hash for p in gone])
    earlier = [*current, *gone]
    anchors = {paragraph.anchor for paragraph in stored}
    kept, created, result = [], [], []
    for position, (text, digest, index) in enumerate(zip(texts, hashes, matched, strict=True)):
        if index is None:
            paragraph = ReviewParagraph(
                review=review, anchor=new_anchor(anchors), position=position,
                text=text, text_hash=digest,
            )  # fmt: skip
            created.append(paragraph)
        else:
            paragraph = earlier[index]
            paragraph.position, paragraph.text, paragraph.text_hash = position, text, digest
            paragraph.current = True
            kept.append(paragraph)
        result.append(paragraph)
    # Every current row steps out first: positions are unique among current paragraphs only.
    ReviewParagraph.objects.filter(review=review, current=True).update(current=False)
    ReviewParagraph.objects.bulk_update(kept, ["position", "text", "text_hash", "current"])
    ReviewParagraph.objects.bulk_create(created)
    review.body_html = render_article(review.body, [p.anchor for p in result])
    Review.objects.filter(pk=review.pk).update(body_html=review.body_html)
    # The article's anchors and counts, and whether each note is on the current version.
    stamps.paragraphs_changed(review)
    return result
