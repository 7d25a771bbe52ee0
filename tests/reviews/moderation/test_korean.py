"""The desk in Korean: its pages, counts, messages and form errors follow the reader's language,
and the reasons automatic rules keep on the record stay English, shown in the moderator's."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from reviews.discussion.services import comment_create
from reviews.moderation import reasons
from reviews.moderation.models import Sanction
from tests.conftest import in_korean as as_korean_reader
from tests.factories import (
    CommentFactory,
    ModerationDecisionFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)
from tests.reviews.moderation.conftest import (
    BULK,
    DASHBOARD,
    DECISIONS,
    QUEUE,
    Action,
    Status,
    messages_of,
    sanction_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_korean(moderator_client):
    as_korean_reader(moderator_client)
    return moderator_client


def test_the_queue_is_in_korean_with_the_hold_reason_in_korean(in_korean):
    CommentFactory(status=Status.PENDING, held_reason="New account: first comment is reviewed")
    CommentFactory(status=Status.PENDING, held_reason="Reported by 3 readers")

    page = in_korean.get(QUEUE).text

    assert "검토 대기열" in page
    assert "검토 대기 2건" in page
    assert "새 계정: 처음 쓴 댓글 1개는 검토해요" in page
    assert "회원 3명이 신고함" in page
    assert "이 리뷰와 관계없는 내용" in page  # a canned reason
    assert "comments waiting" not in page
    assert "New account" not in page


def test_the_kept_queue_is_kept_apart_per_language(moderator_client):
    CommentFactory(status=Status.PENDING, held_reason="Reader on probation")
    korean = moderator_client.get(QUEUE.replace("/en/", "/ko/", 1)).text

    english = moderator_client.get(QUEUE).text

    assert "관찰 중인 회원" in korean
    assert "1 comment waiting" in english
    assert "Reader on probation" in english
    assert "검토" not in english


def test_the_dashboard_counts_in_korean(in_korean):
    CommentFactory.create_batch(2, status=Status.PENDING)

    page = in_korean.get(DASHBOARD).text

    assert "검토 대시보드" in page
    assert "검토 대기 댓글 2개" in page
    assert "신고된 관객 리뷰 0개" in page
    assert "comments held" not in page


def test_a_bulk_decision_is_reported_in_korean_with_its_count(in_korean):
    chosen = CommentFactory.create_batch(2, status=Status.PENDING)

    response = in_korean.post(BULK, {"action": "approve", "selected": [c.pk for c in chosen]})

    assert messages_of(response) == ["승인 완료: 댓글 2개."]


def test_the_sanction_form_says_what_is_missing_in_korean(in_korean, reader):
    response = in_korean.post(sanction_url(reader), {"kind": "mute", "reason": "", "duration": "7"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "사유를 적어 주세요. 회원에게 사유가 보여요." in response.text
    assert "Say why" not in response.text


def test_the_decision_log_names_decisions_and_statuses_in_korean(in_korean, moderator):
    ModerationDecisionFactory(
        moderator=moderator,
        action=Action.APPROVE,
        from_status=Status.PENDING,
        to_status=Status.APPROVED,
    )

    page = in_korean.get(DECISIONS).text

    assert "승인됨" in page
    assert "검토 대기 → 승인" in page
    assert "pending → approved" not in page


def test_a_reader_reporting_a_comment_without_a_reason_is_told_in_korean(reader_client):
    comment = CommentFactory()
    as_korean_reader(reader_client)

    response = reader_client.post(
        reverse("moderation:comment-report", args=[comment.pk]), {"note": ""}
    )

    assert "사유를 골라 주세요." in response.text
    assert "Choose a reason." not in response.text


def test_a_muted_reader_is_refused_in_korean_with_a_korean_date():
    sanction = SanctionFactory(
        kind=Sanction.Kind.MUTE,
        reason="욕설",
        expires_at=timezone.now() + timedelta(days=3),
    )

    with translation.override("ko"), pytest.raises(ValidationError) as caught:
        comment_create(review=ReviewFactory(), author=sanction.user, body="안녕하세요")

    message = caught.value.messages[0]
    assert message.startswith(f"{timezone.localtime(sanction.expires_at).year}년 ")
    assert "까지 글쓰기가 제한되어 글을 올릴 수 없어요. 사유: 욕설" in message


def test_a_hold_is_recorded_in_english_whatever_language_its_author_reads(settings):
    settings.MODERATION_NEW_ACCOUNT_HELD = 1
    with translation.override("ko"):
        held = comment_create(review=ReviewFactory(), author=UserFactory(), body="첫 댓글이에요")

    assert held.held_reason == "New account: first comment is reviewed"


# Every reason and note an automatic rule keeps: its words and the values it is given.
RECORDED = [
    (reasons.new_account, {"count": 1}),
    (reasons.new_account, {"count": 3}),
    (reasons.too_many_links, {"limit": 1}),
    (reasons.too_many_links, {"limit": 2}),
    (reasons.blocklisted, {"phrase": "바보 idiot"}),
    (reasons.repeated_across_threads, {}),
    (reasons.repeated_in_thread, {}),
    (reasons.on_probation, {}),
    (reasons.reported, {"count": 1}),
    (reasons.reported, {"count": 4}),
    (reasons.with_the_ban, {}),
    *((reasons.sanctioned, {"kind": kind}) for kind in Sanction.Kind),
    *((reasons.sanctioned, {"kind": kind, "until": "2026-12-24 18:00"}) for kind in Sanction.Kind),
]


@pytest.mark.parametrize(("words", "values"), RECORDED)
def test_a_kept_reason_is_shown_in_the_moderators_language(words, values):
    kept = reasons.recorded(words, **values)

    with translation.override("ko"):
        korean = reasons.shown(kept)
        assert korean == words(**values)
    with translation.override("en"):
        assert reasons.shown(kept) == kept
    assert korean != kept


def test_a_note_no_rule_wrote_is_shown_as_written():
    with translation.override("ko"):
        assert reasons.shown("Warned them by e-mail") == "Warned them by e-mail"
