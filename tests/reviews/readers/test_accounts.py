"""Readers' accounts through django-allauth, in the site's own pages."""

from http import HTTPStatus

import pytest
from django.contrib.auth import backends, get_user_model
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.urls import reverse

from reviews.readers.accounts import ModelBackend
from reviews.readers.models import Profile
from tests.factories import EditorFactory, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"  # the factories' password


@pytest.mark.parametrize("login", ["jay", "jay@example.com", "JAY@example.com"])
def test_readers_sign_in_with_their_username_or_e_mail(client, login):
    UserFactory(username="jay", email="jay@example.com")

    response = client.post(reverse("account_login"), {"login": login, "password": PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert client.get(reverse("readers:profile-edit")).status_code == HTTPStatus.OK


def test_a_wrong_password_gets_a_message_and_keeps_the_login(client):
    UserFactory(username="jay")

    response = client.post(reverse("account_login"), {"login": "jay", "password": "nope"})

    assert response.status_code == HTTPStatus.OK
    assert "The username and/or password you specified are not correct." in response.text
    assert 'value="jay"' in response.text


def test_sign_up_creates_a_profile_with_the_display_name_and_asks_to_confirm(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nan@example.com",
            "username": "nanyoung",
            "display_name": "Nan-young",
            "password1": "mars-is-far-2050",
            "password2": "mars-is-far-2050",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Profile.objects.get(user__username="nanyoung").display_name == "Nan-young"
    assert mail.outbox[0].to == ["nan@example.com"]
    assert "/en/accounts/confirm-email/" in mail.outbox[0].body


def test_sign_up_with_a_taken_e_mail_reveals_nothing_and_creates_nothing(client):
    """allauth's enumeration protection: the page cannot be used to test who has an account."""
    UserFactory(username="nan", email="nan@example.com")

    response = client.post(
        reverse("account_signup"),
        {
            "email": "nan@example.com",
            "username": "another",
            "password1": "mars-is-far-2050",
            "password2": "mars-is-far-2050",
        },
    )

    # The same answer as a new address gets, and no second account.
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("account_email_verification_sent")
    assert not User.objects.filter(username="another").exists()


def test_sign_up_with_mismatched_passwords_gets_a_message_and_keeps_the_input(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "jay@example.com",
            "username": "jay",
            "password1": "mars-is-far-2050",
            "password2": "mars-is-far-2051",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "You must type the same password each time." in response.text
    assert 'value="jay@example.com"' in response.text


def test_password_reset_mails_a_link(client):
    UserFactory(username="jay", email="jay@example.com")

    response = client.post(reverse("account_reset_password"), {"email": "jay@example.com"})

    assert response.status_code == HTTPStatus.FOUND
    assert mail.outbox[0].to == ["jay@example.com"]
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_change_works_for_a_signed_in_reader(client):
    reader = UserFactory(username="jay")
    client.force_login(reader)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "new-orbit-2050", "password2": "new-orbit-2050"},
    )

    assert response.status_code == HTTPStatus.FOUND
    reader.refresh_from_db()
    assert reader.check_password("new-orbit-2050")


def test_signing_out_is_a_post_from_the_header(client):
    client.force_login(UserFactory())
    assert 'action="/en/accounts/logout/"' in client.get(reverse("home")).text

    client.post(reverse("account_logout"))

    assert client.get(reverse("readers:profile-edit")).status_code == HTTPStatus.FOUND


@pytest.mark.parametrize(
    "who", ["moderator", "editor with a permission of their own", "reader", "inactive moderator"]
)
def test_permissions_are_read_in_one_statement_and_are_django_s_own(who, django_assert_num_queries):
    user = EditorFactory() if who.startswith("editor") else UserFactory()
    if who.endswith("moderator"):
        user = ModeratorFactory(is_active=who == "moderator")
    if "of their own" in who:
        user.user_permissions.add(Permission.objects.get(codename="moderate_comment"))
    expected = backends.ModelBackend().get_all_permissions(User.objects.get(pk=user.pk))

    user = User.objects.get(pk=user.pk)
    with django_assert_num_queries(1 if user.is_active else 0):
        found = ModelBackend().get_all_permissions(user)
        assert user.has_perm("reviews.moderate_comment") == (
            who in ("moderator", "editor with a permission of their own")
        )

    assert found == expected
    assert bool(found) == (who != "reader" and user.is_active)


def test_a_reader_is_loaded_with_their_profile_in_one_query(db, django_assert_num_queries):
    reader = UserFactory(username="loaded", is_staff=True)
    Profile.objects.filter(user=reader).delete()
    Profile.objects.create(user=reader, display_name="Loaded One", bio="Hi", diary_private=True)
    expected = get_user_model().objects.select_related("profile").get(pk=reader.pk)
    with django_assert_num_queries(1):
        loaded = ModelBackend().get_user(str(reader.pk))
        profile = loaded.profile
    fields = [f.attname for f in get_user_model()._meta.concrete_fields]
    assert [getattr(loaded, f) for f in fields] == [getattr(expected, f) for f in fields]
    assert (profile.display_name, profile.bio, profile.diary_private) == ("Loaded One", "Hi", True)
    assert profile.user is loaded
    assert not loaded._state.adding
    assert loaded._state.db == "default"


def test_a_reader_without_a_profile_loads_as_the_orm_would(db, django_assert_num_queries):
    reader = UserFactory(username="bare")
    Profile.objects.filter(user=reader).delete()
    with django_assert_num_queries(1):
        loaded = ModelBackend().get_user(reader.pk)
        with pytest.raises(Profile.DoesNotExist):
            _ = loaded.profile


@pytest.mark.parametrize("user_id", ["999999", "not-a-number", None])
def test_no_such_reader_loads_as_none(db, user_id):
    assert ModelBackend().get_user(user_id) is None


def test_an_inactive_reader_is_not_loaded(db):
    assert ModelBackend().get_user(UserFactory(is_active=False).pk) is None
