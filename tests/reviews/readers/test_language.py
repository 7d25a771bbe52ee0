"""A reader's language: chosen in their profile, recorded when they sign up, and the language
of the e-mails the site sends them."""

from http import HTTPStatus

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from reviews.discussion import tasks
from reviews.discussion.services import comment_create
from reviews.readers.models import Profile
from reviews.readers.services import profile_set_language
from tests.conftest import in_korean
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_profile_set_language_remembers_the_readers_choice(reader):
    profile_set_language(user=reader, language="ko")

    assert Profile.objects.get(user=reader).language == "ko"


def test_profile_set_language_refuses_a_language_the_site_does_not_speak(reader):
    with pytest.raises(ValidationError) as refused:
        profile_set_language(user=reader, language="ja")

    assert refused.value.code == "unknown_language"
    assert Profile.objects.get(user=reader).language == ""


@pytest.mark.parametrize("language", ["en", "ko"])
def test_signing_up_records_the_language_of_the_sign_up(client, language):
    with translation.override(language):
        signup = reverse("account_signup")  # /en/accounts/signup/ or /ko/accounts/signup/
    response = client.post(
        signup,
        {
            "email": "nan@example.com",
            "username": "nanyoung",
            "password1": "mars-is-far-2050",
            "password2": "mars-is-far-2050",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Profile.objects.get(user__username="nanyoung").language == language


def test_the_profile_form_speaks_korean_and_saves_the_language(reader_client, reader):
    in_korean(reader_client)

    page = reader_client.get(reverse("readers:profile-edit"))
    assert "내 프로필" in page.text
    assert "Your profile" not in page.text
    assert "아직 고르지 않음" in page.text  # the language not chosen yet

    response = reader_client.post(
        reverse("readers:profile-edit"),
        {"display_name": "Rea", "bio": "", "language": "ko", "notify_replies": "on"},
        follow=True,
    )
    assert "프로필을 저장했어요." in response.text
    assert "Your profile is saved." not in response.text
    assert Profile.objects.get(user=reader).language == "ko"


def test_the_account_deletion_form_says_what_is_missing_in_korean(reader_client, reader):
    in_korean(reader_client)

    response = reader_client.post(reverse("readers:account-delete"), {"password": "nope"})

    assert "확인란에 체크해 주세요." in response.text
    assert "비밀번호가 맞지 않아요." in response.text
    assert "Tick the box to confirm." not in response.text


def test_the_unsubscribe_page_in_korean(client):
    in_korean(client)

    response = client.get(reverse("readers:unsubscribe", kwargs={"token": "forged"}))

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "올바른 수신 거부 링크가 아니에요." in response.text


# --- E-mails in the recipient's language -----------------------------------------------------


@pytest.fixture
def reply_to(review, django_capture_on_commit_callbacks, monkeypatch):
    """Reply to a comment by a reader who chose `language`, the replier's request in
    `replier_language`; the e-mail sent, and the language its body was rendered in."""
    rendered_in = []
    render = tasks.render_to_string

    def recording_render(*args, **kwargs):
        rendered_in.append(translation.get_language())
        return render(*args, **kwargs)

    monkeypatch.setattr(tasks, "render_to_string", recording_render)

    def reply(language: str, replier_language: str = "en"):
        author = UserFactory(email="nan@example.com", profile__language=language)
        parent = CommentFactory(review=review, author=author)
        with (
            translation.override(replier_language),
            django_capture_on_commit_callbacks(execute=True),
        ):
            comment_create(review=review, author=UserFactory(), body="Agreed!", parent=parent)
        [message] = mail.outbox
        return message, rendered_in[-1]

    return reply


def test_a_korean_reader_gets_the_reply_e_mail_in_korean(reply_to, review):
    message, language = reply_to("ko")

    assert message.subject == f"“{review.headline}”에 단 댓글에 새 답글이 달렸어요"
    assert language == "ko"
    assert "/notifications/unsubscribe/" in message.body


@pytest.mark.parametrize("chosen", ["en", ""])  # English chosen, or nothing chosen yet
def test_other_readers_get_it_in_english_whatever_the_replier_speaks(reply_to, review, chosen):
    message, language = reply_to(chosen, replier_language="ko")

    assert message.subject == f"New reply to your comment on “{review.headline}”"
    assert language == "en"
    assert message.body.startswith("Hello ")
