"""The public moderation log: weekly counts by action and category, the decisions of the last
30 days about items once public, paginated, its Atom feed; never who decided, their notes or
the reason given to the author."""

import re
from datetime import date, datetime, time, timedelta
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision
from reviews.moderation.record import decision_record
from reviews.moderation.services import comment_decide, entry_decide, sanction_create
from reviews.transparency import selectors, views
from tests.factories import CommentFactory, DiaryEntryFactory, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db
Action = ModerationDecision.Action
LOG = "/en/moderation-log/"
FEED = "/en/moderation-log/feed/"
ATOM = "{http://www.w3.org/2005/Atom}"
SECRET_NOTE, SECRET_REASON = "Note only moderators read", "Reason naming Haneul Kim"
ITEM = re.compile(r'<li class="log-list__item" id="decision-(\d+)">')


def at(day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


def decided(when: datetime, action=Action.REMOVE, category="spam", **fields) -> ModerationDecision:
    """A decision recorded at `when` about a published comment (unless given another item)."""
    if "comment" not in fields and "entry" not in fields:
        fields["comment"] = CommentFactory()
    fields.setdefault("from_status", Comment.Status.APPROVED)
    return decision_record(
        action=action, category=category, to_status="removed", created_at=when, **fields
    )


@pytest.fixture
def named_moderator(db):
    return ModeratorFactory(username="moderator-margot")


def test_counts_each_iso_week_by_action_and_category(client):
    today = selectors.today()
    monday = today - timedelta(days=today.weekday())
    decided(at(monday), category="spam")
    decided(at(monday), category="spoilers")
    decided(at(monday - timedelta(days=1)), Action.APPROVE, category="")  # last week's Sunday
    decided(at(monday - timedelta(weeks=12)))  # out of the twelve weeks

    counts = selectors.weekly_counts(today)

    this_week, last_week = counts.weeks[0], counts.weeks[1]
    assert len(counts.weeks) == 12
    assert this_week.start == monday
    assert [label for value, label in counts.actions] == ["Approved", "Removed after publication"]
    assert (this_week.total, this_week.by_action) == (2, (0, 2))
    assert (last_week.total, last_week.by_action) == (1, (1, 0))
    categories = dict(
        zip([value for value, _ in counts.categories], this_week.by_category, strict=True)
    )
    assert (categories["spam"], categories["spoilers"], categories["other"]) == (1, 1, 0)
    assert sum(week.total for week in counts.weeks) == 3


def test_lists_the_last_30_days_newest_first(client):
    today = selectors.today()
    newest = decided(at(today))
    oldest_in = decided(at(today - timedelta(days=29), hour=0))
    decided(at(today - timedelta(days=30), hour=23))

    listed = [int(pk) for pk in ITEM.findall(client.get(LOG).text)]

    assert listed == [newest.pk, oldest_in.pk]


def test_leaves_out_items_never_public_and_sanctions_but_counts_them(client, moderator):
    held = CommentFactory(status=Comment.Status.PENDING)
    comment_decide(comment=held, moderator=moderator, action=Action.SPAM)
    rejected = CommentFactory(status=Comment.Status.PENDING)
    comment_decide(comment=rejected, moderator=moderator, action=Action.REJECT, reason="No")
    sanction_create(
        user=UserFactory(username="sanctioned-sam"), moderator=moderator, kind="mute", reason="x"
    )
    approved = CommentFactory(status=Comment.Status.PENDING)
    comment_decide(comment=approved, moderator=moderator, action=Action.APPROVE)

    text = client.get(LOG).text

    assert [int(pk) for pk in ITEM.findall(text)] == [approved.decisions.get().pk]
    assert "sanctioned-sam" not in text
    assert selectors.weekly_counts(selectors.today()).weeks[0].total == 4


def test_a_comment_hidden_by_reports_then_removed_is_listed(client, moderator):
    comment = CommentFactory()
    decided(timezone.now(), Action.HIDE, category="", comment=comment)
    removal = decided(
        timezone.now(), Action.UPHOLD_REPORTS, comment=comment, from_status=Comment.Status.PENDING
    )

    assert str(removal.pk) in ITEM.findall(client.get(LOG).text)


def test_an_item_is_a_link_while_public_else_its_tombstone(client, moderator):
    kept = CommentFactory()
    comment_decide(comment=kept, moderator=moderator, action=Action.REMOVE, category="harassment")
    comment_decide(comment=kept, moderator=moderator, action=Action.RESTORE)
    gone = CommentFactory()
    comment_decide(comment=gone, moderator=moderator, action=Action.REMOVE, category="off_topic")
    review = DiaryEntryFactory()
    entry_decide(entry=review, moderator=moderator, action=Action.REMOVE, category="spoilers")

    text = client.get(LOG).text

    assert f'href="{kept.get_absolute_url()}"' in text
    assert f'href="{gone.get_absolute_url()}"' not in text
    assert "A comment, removed by a moderator: Off topic" in text
    assert (
        f"A reader review of {review.film.title}, removed by a moderator: Spoiler without a tag"
        in text
    )


def test_never_names_the_moderator_nor_shows_notes_or_reasons(client, named_moderator):
    comment = CommentFactory()
    comment_decide(
        comment=comment,
        moderator=named_moderator,
        action=Action.REMOVE,
        category="harassment",
        reason=SECRET_REASON,
        note=SECRET_NOTE,
    )

    for url in (LOG, FEED):
        text = client.get(url).text
        assert "moderator-margot" not in text
        assert SECRET_NOTE not in text
        assert SECRET_REASON not in text
        assert "Harassment" in text


def test_is_paginated_and_a_bad_page_is_a_404(client):
    for _ in range(views.DECISIONS_PER_PAGE + 1):
        decided(timezone.now())

    first, second = client.get(LOG), client.get(f"{LOG}?page=2")

    assert len(ITEM.findall(first.text)) == views.DECISIONS_PER_PAGE
    assert "Page 1 of 2" in first.text
    assert len(ITEM.findall(second.text)) == 1
    for bad in ("3", "0", "abc", "-1", "1.5", "9" * 30):
        assert client.get(f"{LOG}?page={bad}").status_code == HTTPStatus.NOT_FOUND


def test_the_feed_is_valid_atom_with_the_same_decisions(client):
    decisions = [decided(timezone.now(), category=c) for c in ("spam", "spoilers")]

    response = client.get(FEED)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Removed after publication: Spoiler without a tag",
        "Removed after publication: Spam",
    ]
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == 2
    assert ids[0].endswith(f"#decision-{decisions[1].pk}")
    assert all(entry.find(f"{ATOM}author") is None for entry in entries)
    assert f'href="{FEED}"' in client.get(LOG).text  # <link rel="alternate">


def test_a_new_decision_shows_on_the_kept_page(client, page_cache_on, moderator):
    first = client.get(LOG)
    assert client.get(LOG).headers.get("X-Page-Cache") == "hit"
    comment = CommentFactory()

    comment_decide(comment=comment, moderator=moderator, action=Action.REMOVE)

    again = client.get(LOG)
    assert again.headers.get("X-Page-Cache") != "hit"
    assert len(ITEM.findall(again.text)) == len(ITEM.findall(first.text)) + 1
    cache.clear()


def test_the_kept_page_lasts_until_midnight_at_most(client, page_cache_on, settings, monkeypatch):
    settings.PAGE_CACHE_TIMEOUT = 60 * 60 * 24 * 7
    kept, original = {}, cache.set

    def spy(key, value, timeout=None, **options):
        if key.startswith("pagecache:page:"):
            kept[key] = timeout
        return original(key, value, timeout=timeout, **options)

    monkeypatch.setattr(cache, "set", spy)
    client.get(LOG)

    midnight = selectors.next_change(selectors.today()).timestamp()
    assert kept
    assert max(kept.values()) <= midnight - timezone.now().timestamp() + 1


@pytest.mark.parametrize("decisions", [1, 30])
def test_the_page_costs_the_same_queries_however_many(client, decisions, django_assert_num_queries):
    for n in range(decisions):
        entry = DiaryEntryFactory() if n % 2 else None
        decided(timezone.now(), **({"entry": entry} if entry else {}))

    # the page's count, the page of decisions with their items, the weekly counts
    with django_assert_num_queries(3):
        response = client.get(LOG)
    assert response.status_code == HTTPStatus.OK
    with django_assert_num_queries(1):  # the decisions, with their items
        assert client.get(FEED).status_code == HTTPStatus.OK


def test_in_korean(client):
    decided(timezone.now())

    response = client.get(reverse("transparency:log").replace("/en/", "/ko/", 1))

    assert response.status_code == HTTPStatus.OK
    assert '<html lang="ko">' in response.text


def test_linked_from_every_page_footer(client):
    assert f'href="{LOG}"' in client.get("/en/").text
