"""A reader's account: their profile, their notifications, and deleting the account."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from reviews import stamps
from reviews.diary import services as diary
from reviews.discussion.models import Comment, CommentLike, CommentReport, CommentRevision
from reviews.moderation.models import ModerationDecision
from reviews.readers.models import Profile


@transaction.atomic
def profile_update(
    *,
    user: User,
    display_name: str,
    bio: str,
    notify_replies: bool,
    diary_private: bool | None = None,
    language: str | None = None,
    time_zone: str | None = None,
) -> Profile:
    """Save a reader's profile; `diary_private` (None: unchanged) hides or shows their diary,
    ratings and reviews everywhere but to themselves; `language` (None: unchanged) is the
    language of their e-mails; `time_zone` (None: unchanged) the zone of an editor's admin."""
    profile = profile_for(user)
    profile.display_name, profile.bio, profile.notify_replies = display_name, bio, notify_replies
    if language is not None:
        profile.language = language
    if time_zone is not None:
        profile.time_zone = time_zone
    privacy_changed = diary_private is not None and diary_private != profile.diary_private
    if privacy_changed:
        profile.diary_private = diary_private
    profile.full_clean()
    profile.save()
    names_changed(user=user)
    if privacy_changed:
        reviewed = user.diary_entries.exclude(review="").values_list("film_id", flat=True)
        stamps.diary_privacy_changed(reader_pk=user.pk, film_pks=set(reviewed))
    return profile


def names_changed(*, user: User) -> None:
    """What the site shows of a user changed: their display name (here, or in the admin), or
    in the admin their username or when they joined. Every page that shows them depends on
    their stamps: bylines and the desk through the objects, discussions through their rows."""
    profile = Profile.objects.filter(user=user).first()
    stamps.names_changed(user, profile)


def profile_for(user: User) -> Profile:
    """The user's profile, created with their username as display name if missing."""
    profile, _created = Profile.objects.get_or_create(
        user=user, defaults={"display_name": user.get_username()}
    )
    return profile


@transaction.atomic
def profile_set_language(*, user: User, language: str) -> None:
    """Remember the language the reader chose (one of settings.LANGUAGES) for what the site
    sends them when no request says it: their e-mails."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(
            _("%(language)s is not a language of this site.") % {"language": language},
            code="unknown_language",
        )
    profile = profile_for(user)
    if profile.language != language:
        profile.language = language
        profile.save(update_fields=["language"])


@transaction.atomic
def notifications_unsubscribe(*, user: User) -> Profile:
    profile = profile_for(user)
    if profile.notify_replies:
        profile.notify_replies = False
        profile.save(update_fields=["notify_replies"])
    return profile


# --- Accounts ------------------------------------------------------------------------------


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete a reader's or a moderator's account, at their request or an admin's.

    Their comments stay as "deleted account" placeholders with the text gone, so threads stay
    readable and the moderation record keeps every decision; their likes, reports, earlier
    comment texts, profile, e-mail addresses and sessions go. Where the record named them as
    the moderator, it names a deleted account: the one change to it the database allows,
    when this transaction says which account it deletes."""
    if user.reviews.exists():
        raise ValidationError(
            _(
                "This account has review articles under its name: an admin must give them "
                "another author first."
            ),
            code="has_reviews",
        )
    diary.reader_forget(user=user)
    comments = Comment.objects.filter(author=user)
    likes = CommentLike.objects.filter(user=user)
    # The discussions they took part in, under review articles, reader reviews and scenes.
    took_part = [
        *comments.values_list("review_id", "entry_id", "scene_id"),
        *likes.values_list("comment__review_id", "comment__entry_id", "comment__scene_id"),
    ]
    stale = {review_id for review_id, _, _ in took_part}
    stale_entries = {entry_id for _, entry_id, _ in took_part}
    stale_scenes = {scene_id for _, _, scene_id in took_part}
    Comment.objects.filter(pk__in=likes.values("comment_id")).update(like_count=F("like_count") - 1)
    likes.delete()
    CommentReport.objects.filter(reporter=user).delete()
    CommentRevision.objects.filter(comment__author=user).delete()
    comments.update(author=None, body="", body_html="", body_fingerprint="", ip_address=None)
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('starlight.deleting_account', %s, true)", [str(user.pk)])
        ModerationDecision.objects.filter(moderator=user).update(
            moderator=None, moderator_deleted=True
        )
        cursor.execute("SELECT set_config('starlight.deleting_account', '', true)")
    stamps.account_deleted(
        user,
        reviews_commented=stale,
        entries_commented=stale_entries,
        scenes_commented=stale_scenes,
    )
    user.delete()
