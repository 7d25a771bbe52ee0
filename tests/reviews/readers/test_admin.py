"""Bylines in the admin: each editor keeps their own."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from reviews.readers.models import Profile
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reviews_review_changelist")
ADD = reverse("admin:reviews_review_add")


def results(response) -> list:
    return list(response.context["cl"].result_list)


def test_editor_sees_and_edits_only_their_own_profile(editor_client, editor):
    other = EditorFactory(username="mina")

    listing = editor_client.get(reverse("admin:reviews_profile_changelist"))
    own = editor_client.post(
        reverse("admin:reviews_profile_change", args=[editor.profile.pk]),
        {"display_name": "Ed Kim", "bio": "Edits."},
    )
    others = editor_client.get(reverse("admin:reviews_profile_change", args=[other.profile.pk]))

    assert [profile.user for profile in results(listing)] == [editor]
    assert own.status_code == HTTPStatus.FOUND
    assert Profile.objects.get(user=editor).display_name == "Ed Kim"
    # The admin redirects to its index when the object is outside the editor's queryset.
    assert others.status_code == HTTPStatus.FOUND
    assert editor_client.get(reverse("admin:reviews_profile_add")).status_code == (
        HTTPStatus.FORBIDDEN
    )
