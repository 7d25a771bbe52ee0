"""The seed command: it writes through the services, refuses without DEBUG, and a second run
changes nothing."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from films.models import Credit, Film, Genre, Person, WatchOption
from reviews.diary.models import DiaryEntry, Rating, ReaderReviewLike, WatchlistEntry
from reviews.models import Review
from reviews.readers.models import Profile

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def seed(settings):
    settings.DEBUG = True

    def run() -> str:
        out = StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return run


SEEDED_MODELS = [
    *(Film, Person, Credit, Genre, WatchOption, Review, User, Profile, EmailAddress),
    *(Rating, DiaryEntry, ReaderReviewLike, WatchlistEntry),
]


def snapshot() -> dict:
    """Every row the seed writes, every field included (timestamps too)."""
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in SEEDED_MODELS}
    rows["Film.genres"] = sorted(Film.genres.through.objects.values_list("film_id", "genre_id"))
    rows["User.groups"] = sorted(User.groups.through.objects.values_list("user_id", "group_id"))
    rows["Group.permissions"] = sorted(
        Group.permissions.through.objects.values_list("group_id", "permission_id")
    )
    return rows


def test_seeding_twice_changes_nothing(seed):
    seed()
    first = snapshot()

    seed()

    assert snapshot() == first


def test_seed_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", stdout=StringIO())

    assert not User.objects.exists()
    assert not Film.objects.exists()


@pytest.mark.usefixtures("page_cache_on")
def test_seeding_again_over_an_edit_shows_at_once_on_cached_pages(seed, client):
    """The seed writes through the services, so what it puts back is not hidden by a page
    kept from before."""
    seed()
    film = Film.objects.get(slug="lost-in-starlight")
    Film.objects.filter(pk=film.pk).update(tagline="Edited behind the seed's back")
    client.get(film.get_absolute_url())
    assert "Edited behind" in client.get(film.get_absolute_url()).text  # kept

    seed()

    assert "Edited behind" not in client.get(film.get_absolute_url()).text


def test_the_seed_gives_lost_in_starlight_its_scenes_and_tagged_comments(seed):
    from films.models import Scene
    from reviews.discussion.models import Comment

    seed()
    film = Film.objects.get(slug="lost-in-starlight")
    scenes = list(Scene.objects.of(film).with_spans())
    assert 8 <= len(scenes) <= 10
    assert all(scene.title_en and scene.title_ko for scene in scenes)
    assert scenes[-1].end == film.running_time * 60
    assert Comment.objects.filter(scene__film=film).exists()
    assert Comment.objects.filter(review__film=film, timecode__isnull=False).exists()
    count = Comment.objects.count()
    seed()
    assert Comment.objects.count() == count
