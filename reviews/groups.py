"""The staff groups and exactly the permissions each needs, kept in sync by code."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
MODERATORS = "Moderators"

_CRUD = ("add", "change", "delete", "view")

GROUP_PERMISSIONS: dict[str, set[str]] = {
    EDITORS: {
        *(
            f"films.{action}_{model}"
            for action in _CRUD
            for model in ("film", "person", "credit", "genre", "watchoption", "scene", "premiere")
        ),
        *(f"reviews.{action}_review" for action in _CRUD),
        # The author field's autocomplete lists users, which needs view access to them.
        "auth.view_user",
        "reviews.view_profile",
        "reviews.change_profile",
    },
    # The desk, and the same work in the admin; no access to films or review articles.
    MODERATORS: {
        "reviews.view_review",
        "reviews.moderate_comment",
        "reviews.view_comment",
        "reviews.change_comment",
        # Reader reviews in the admin, to decide on them (they are not changed there).
        "reviews.view_readerreview",
        "reviews.view_commentreport",
        "reviews.change_commentreport",
        "reviews.view_moderationdecision",
        "reviews.view_appeal",
        *(f"reviews.{action}_sanction" for action in ("add", "change", "view")),
        *(f"reviews.{action}_blockedterm" for action in _CRUD),
    },
}


def sync_groups(apps=global_apps) -> None:
    """Create the groups and set their permissions to exactly GROUP_PERMISSIONS. Idempotent."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created by a post_migrate handler that may run after ours.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps)
    for name, codes in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for code in sorted(codes):
            app_label, codename = code.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


def sync_groups_after_migrate(sender, apps=global_apps, **kwargs) -> None:
    # A flush sends post_migrate without `apps`, hence the default.
    sync_groups(apps)
