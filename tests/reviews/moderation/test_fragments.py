"""A queue item's HTML is rendered from a QueueItem and the values beside it alone, which name
its cached copy (reviews/moderation/fragments.py)."""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from config.pagecache.fragments import fragment_key, render_fragments
from reviews.moderation.fragments import ITEM_TEMPLATE, QueueItem

ITEM = QueueItem(
    pk=7, status="pending", held_reason="New account: first comment is reviewed",
    body_html="<p>My first words</p>", created_at=datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
    review_url="/en/reviews/stars/", review_headline="Stars over Seoul", author_id=3,
    author_username="nan", author_name="Nan", author_joined=datetime(2026, 11, 1, tzinfo=UTC),
    parent_author="", parent_body="", author_approved=0, author_refused=0, sanctions=(),
    report_reasons=(), reported=False,
)  # fmt: skip
STATES = {
    "held": ITEM,
    "reported": replace(
        ITEM, status="approved", reported=True, report_reasons=(("Spam", 2), ("Off topic", 1))
    ),
    "a reply": replace(ITEM, parent_author="Jay", parent_body="The parent's words"),
    "a reply to a deleted account": replace(ITEM, parent_author=None, parent_body="Old words"),
    "sanctioned": replace(
        ITEM, sanctions=(("On probation", None), ("Muted", datetime(2026, 12, 9, tzinfo=UTC)))
    ),
}


def context(item: QueueItem) -> dict:
    return {"item": item, "query": "status=held", "canned_reasons": ("Spam",), "ages": (5, 43200)}


@pytest.mark.usefixtures("loud_templates")
@pytest.mark.parametrize("item", STATES.values(), ids=STATES.keys())
def test_the_item_template_shows_only_what_its_key_is_made_of(item):
    (html,) = render_fragments([item], ITEM_TEMPLATE, context)
    assert "MISSING" not in html
    assert f'id="queue-{item.pk}"' in html


def test_items_that_differ_in_anything_they_show_never_share_a_rendering():
    keys = {fragment_key(ITEM_TEMPLATE, context(item)) for item in STATES.values()}
    keys.add(fragment_key(ITEM_TEMPLATE, context(replace(ITEM, pk=8))))
    keys.add(fragment_key(ITEM_TEMPLATE, {**context(ITEM), "ages": (6, 43200)}))
    assert len(keys) == len(STATES) + 2
