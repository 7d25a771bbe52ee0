import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from reviews.groups import EDITORS, GROUP_PERMISSIONS, MODERATORS, sync_groups
from tests.factories import EditorFactory, ModeratorFactory

pytestmark = pytest.mark.django_db


def permissions_of(name: str) -> set[str]:
    group = Group.objects.get(name=name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def refetched(user):
    """A fresh user object: permissions are cached on the instance."""
    return get_user_model().objects.get(pk=user.pk)


def snapshot() -> dict[str, tuple[int, set[str]]]:
    return {
        group.name: (group.pk, permissions_of(group.name))
        for group in Group.objects.filter(name__in=GROUP_PERMISSIONS)
    }


@pytest.mark.parametrize("name", [EDITORS, MODERATORS])
def test_groups_exist_with_exactly_their_permissions(name):
    assert permissions_of(name) == GROUP_PERMISSIONS[name]


def test_every_listed_permission_exists():
    for codes in GROUP_PERMISSIONS.values():
        for code in codes:
            app_label, codename = code.split(".")
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), code


def test_sync_groups_is_idempotent():
    before = snapshot()

    sync_groups()
    sync_groups()

    assert snapshot() == before
    assert Group.objects.filter(name__in=GROUP_PERMISSIONS).count() == 2


def test_sync_groups_restores_a_removed_permission_and_removes_an_extra_one():
    editor = EditorFactory()
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.remove(Permission.objects.get(codename="change_review"))
    editors.permissions.add(Permission.objects.get(codename="delete_user"))
    assert not refetched(editor).has_perm("reviews.change_review")
    assert refetched(editor).has_perm("auth.delete_user")

    sync_groups()

    assert permissions_of(EDITORS) == GROUP_PERMISSIONS[EDITORS]
    assert refetched(editor).has_perm("reviews.change_review")
    assert not refetched(editor).has_perm("auth.delete_user")


def test_sync_groups_recreates_a_deleted_group():
    Group.objects.filter(name=MODERATORS).delete()

    sync_groups()

    assert permissions_of(MODERATORS) == GROUP_PERMISSIONS[MODERATORS]


@pytest.mark.parametrize(
    ("perm", "editor_has", "moderator_has"),
    [
        ("films.add_film", True, False),
        ("films.change_credit", True, False),
        ("reviews.add_review", True, False),
        ("reviews.change_review", True, False),
        ("reviews.delete_review", True, False),
        ("reviews.view_review", True, True),
        ("auth.view_user", True, False),
        ("auth.change_user", False, False),
        ("auth.add_group", False, False),
        ("reviews.add_profile", False, False),
    ],
)
def test_what_each_group_may_do(perm, editor_has, moderator_has):
    editor, moderator = EditorFactory(), ModeratorFactory()

    assert refetched(editor).has_perm(perm) is editor_has
    assert refetched(moderator).has_perm(perm) is moderator_has
