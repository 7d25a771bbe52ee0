"""Readers' own moderation record, the appeal prompt beside a tombstone, and the removal
category on the desk and in the admin."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from reviews.appeals.services import appeal_decide, appeal_file
from reviews.discussion.models import Comment
from reviews.moderation import services as moderation
from reviews.moderation.models import ModerationDecision
from tests.factories import CommentFactory, CommentReportFactory, UserFactory

from .conftest import removed_days_ago

Action = ModerationDecision.Action
pytestmark = pytest.mark.django_db
RECORD = reverse("readers:record")


# --- The record ---------------------------------------------------------------------------


def test_the_record_lists_every_decision_about_the_reader_without_moderators(
    client, author, remover, decider, removed_comment, removed_entry
):
    moderation.sanction_create(
        user=author, moderator=remover, kind="mute", reason="Spoiling on purpose.",
        expires_at=timezone.now() + timedelta(days=7),
    )  # fmt: skip
    lifted = moderation.sanction_create(
        user=author, moderator=remover, kind="probation", reason="Links everywhere."
    )
    moderation.sanction_lift(sanction=lifted, moderator=decider, note="Calmer now.")
    moderation.sanction_create(user=author, moderator=remover, kind="ban", reason="Threats.")
    appeal = appeal_file(author=author, item=removed_entry, text="No spoilers.")
    appeal_decide(appeal=appeal, moderator=decider, grant=False, reason="It names the twist.")
    CommentFactory()  # someone else's
    client.force_login(author)

    response = client.get(RECORD)

    text = response.text
    assert response.status_code == HTTPStatus.OK
    assert "Tells the ending without a spoiler tag." in text  # the reason shown to the author
    assert "Spoiler without a tag" in text
    assert "Appeal this decision" in text  # the comment's removal, still appealable
    assert reverse("appeals:comment-appeal", args=[removed_comment.pk]) in text
    assert "Appeal: Denied" in text
    assert "It names the twist." in text
    assert "Spoiling on purpose." in text
    assert "Until " in text
    assert "Lifted on" in text
    assert "No end" in text
    assert "Sanction lifted" in text
    for secret in ("sirius", "vega", "Third time this week.", "Calmer now."):
        assert secret not in text
    rows = response.context["page_obj"].object_list
    assert len(rows) == 7  # 2 removals, 3 sanctions, 1 lift, the appeal's denial
    # Not one decision about another reader.
    assert {row.decision.comment.author_id for row in rows if row.decision.comment} == {author.pk}


def test_an_old_removal_says_the_time_to_appeal_ended(client, author, remover):
    removed_days_ago(20, author, remover)
    client.force_login(author)

    assert "The time to appeal ended on" in client.get(RECORD).text


def test_the_record_is_paginated_and_its_queries_are_pinned(
    client, author, remover, django_assert_num_queries
):
    for _ in range(25):
        removed_days_ago(1, author, remover)
    client.force_login(author)

    # Session, user, count, the page's decisions with their items and appeal statuses.
    with django_assert_num_queries(4):
        response = client.get(RECORD)
    assert len(response.context["page_obj"].object_list) == 20
    assert "Page 1 of 2" in response.text
    assert len(client.get(RECORD, {"page": 2}).context["page_obj"].object_list) == 5


def test_the_profile_settings_link_to_the_record(client, author):
    client.force_login(author)

    assert f'href="{RECORD}"' in client.get(reverse("readers:profile-edit")).text


# --- The prompt beside a tombstone --------------------------------------------------------


def render_prompt(
    item, user, template="{% include 'includes/appeal_prompt.html' with item=item %}"
):
    request = RequestFactory().get("/")
    request.user = user
    return Template(template).render(Context({"item": item, "request": request}))


def test_the_prompt_offers_the_author_an_appeal(author, removed_comment):
    html = render_prompt(removed_comment, author)

    assert "Appeal this decision" in html
    assert reverse("appeals:comment-appeal", args=[removed_comment.pk]) in html


def test_the_prompt_says_nothing_to_anyone_else(removed_comment):
    assert render_prompt(removed_comment, UserFactory()).strip() == ""


def test_the_prompt_shows_the_appeals_status(author, removed_comment):
    appeal_file(author=author, item=removed_comment, text="Unfair.")

    assert "Your appeal: Open" in render_prompt(removed_comment, author)


def test_the_prompt_says_when_the_time_ended(author, remover):
    comment = removed_days_ago(15, author, remover)

    assert "The time to appeal ended on" in render_prompt(comment, author)


def test_the_tag_takes_a_reader_review(author, removed_entry):
    html = render_prompt(removed_entry, author, "{% load appeals %}{% appeal_prompt item %}")

    assert "Appeal this decision" in html
    assert reverse("appeals:entry-appeal", args=[removed_entry.pk]) in html


# --- Categories on the desk ---------------------------------------------------------------


def reported(reasons: list[str]) -> Comment:
    comment = CommentFactory()
    for reason in reasons:
        CommentReportFactory(comment=comment, reason=reason)
    return comment


def test_a_reported_item_offers_the_categories_with_the_reporters_reason_chosen(
    moderator_client,
):
    reported(["harassment", "harassment", "spam"])

    page = moderator_client.get(reverse("moderation:queue")).text

    assert 'name="category"' in page
    assert '<option value="harassment" selected>' in page
    assert '<option value="spam">' in page


def test_removing_on_the_desk_records_the_chosen_category(moderator_client):
    comment = reported(["spam"])

    moderator_client.post(
        reverse("moderation:decide", args=[comment.pk]),
        {"action": "uphold_reports", "category": "off_topic"},
    )

    comment.refresh_from_db()
    assert (comment.status, comment.removal_category) == ("removed", "off_topic")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "remove"}, "Choose why it is removed: its category."),
        ({"action": "remove", "category": "rude"}, "Choose a removal category from the list."),
        ({"action": "uphold_reports", "category": "rude"}, "Choose a removal category"),
    ],
)
def test_a_removal_without_a_known_category_is_refused_with_a_message(
    moderator_client, data, message
):
    comment = reported(["spam"])

    response = moderator_client.post(
        reverse("moderation:decide", args=[comment.pk]), data, headers={"HX-Request": "true"}
    )

    assert response.status_code == HTTPStatus.OK
    assert message in response.text
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert not comment.decisions.exists()


# --- Categories in the admin --------------------------------------------------------------


@pytest.mark.parametrize(("posted", "recorded"), [({}, "other"), ({"category": "spam"}, "spam")])
def test_the_admins_remove_action_records_a_category(moderator_client, posted, recorded):
    comment = CommentFactory()

    moderator_client.post(
        reverse("admin:reviews_comment_changelist"),
        {"action": "remove", ACTION_CHECKBOX_NAME: [comment.pk], **posted},
    )

    comment.refresh_from_db()
    assert (comment.status, comment.removal_category) == ("removed", recorded)


def test_the_admins_uphold_action_takes_the_category_chosen(moderator_client):
    comment = reported(["spam"])

    moderator_client.post(
        reverse("admin:reviews_commentreport_changelist"),
        {
            "action": "uphold",
            ACTION_CHECKBOX_NAME: [comment.reports.get().pk],
            "category": "harassment",
        },
    )

    comment.refresh_from_db()
    assert comment.removal_category == "harassment"


def test_an_unknown_category_in_the_admin_gets_a_message_and_changes_nothing(moderator_client):
    comment = CommentFactory()

    response = moderator_client.post(
        reverse("admin:reviews_comment_changelist"),
        {"action": "remove", ACTION_CHECKBOX_NAME: [comment.pk], "category": "rude"},
        follow=True,
    )

    assert response.status_code == HTTPStatus.OK
    assert "Choose a removal category from the list." in response.text
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_the_admin_lists_appeals_read_only(moderator_client, author, removed_comment):
    appeal_file(author=author, item=removed_comment, text="Unfair.")

    response = moderator_client.get(reverse("admin:reviews_appeal_changelist"))

    assert response.status_code == HTTPStatus.OK
    assert "haneul" in response.text
    assert moderator_client.get(reverse("admin:reviews_appeal_add")).status_code == 403
