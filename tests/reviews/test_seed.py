import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

from films.models import Credit, Film, Genre, Person, WatchOption
from reviews.groups import EDITORS, MODERATORS
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


def printed_sign_ins() -> dict[str, str]:
    out = StringIO()
    call_command("seed_demo", "--print-sign-ins", stdout=out)
    # "    Editor             editor     starlight-editor"
    return dict(re.findall(r"^\s+.+?\s{2,}(\S+)\s+(\S+)$", out.getvalue(), re.MULTILINE))


def snapshot() -> dict:
    """Every row the seed writes, every field included (timestamps too)."""
    rows = {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Film, Person, Credit, Genre, WatchOption, Review, User, Profile)
    }
    rows["Film.genres"] = sorted(Film.genres.through.objects.values_list("film_id", "genre_id"))
    rows["User.groups"] = sorted(User.groups.through.objects.values_list("user_id", "group_id"))
    rows["Group.permissions"] = sorted(
        Group.permissions.through.objects.values_list("group_id", "permission_id")
    )
    return rows


def test_seed_loads_the_demo_catalogue_and_reviews(seed):
    output = seed()

    assert Film.objects.count() == 7
    assert Review.objects.count() == 8
    assert Review.objects.filter(status=Review.Status.DRAFT).count() == 1
    assert Review.objects.scheduled().count() == 1
    assert Review.objects.published().count() == 6
    assert Film.objects.filter(slug="lost-in-starlight").exists()
    assert "Demo data ready: 7 films" in output


def test_seed_creates_the_four_sign_ins(seed):
    seed()

    admin, editor, moderator, reader = (
        User.objects.get(username=name) for name in ("admin", "editor", "moderator", "reader")
    )
    assert admin.is_superuser
    assert admin.is_staff
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    assert list(moderator.groups.values_list("name", flat=True)) == [MODERATORS]
    assert (editor.is_staff, moderator.is_staff) == (True, True)
    assert not editor.is_superuser
    assert not reader.groups.exists()
    assert not reader.is_staff
    assert all(Profile.objects.filter(user=user).exists() for user in User.objects.all())


def test_printed_sign_ins_let_each_account_log_in(seed, client):
    seed()
    sign_ins = printed_sign_ins()

    assert set(sign_ins) == {"admin", "editor", "moderator", "reader"}
    for username, password in sign_ins.items():
        assert client.login(username=username, password=password), username
        client.logout()


def test_seed_reviews_are_signed_by_editors(seed):
    seed()

    assert not Review.objects.exclude(author__groups__name=EDITORS).exists()


def test_seed_review_bodies_are_300_to_800_words(seed):
    seed()

    lengths = {review.slug: len(review.body.split()) for review in Review.objects.all()}
    assert all(300 <= words <= 800 for words in lengths.values()), lengths


def test_seed_gives_each_original_title_and_name_its_language(seed):
    seed()

    assert dict(Film.objects.values_list("slug", "original_language")) == {
        "lost-in-starlight": "ko",
        "the-summer": "ko",
        "clearer-than-you-think": "ko",
        "your-name": "ja",
        "weathering-with-you": "ja",
        "suzume": "ja",
        "5-centimeters-per-second": "ja",
    }
    assert Person.objects.get(slug="makoto-shinkai").original_name_language == "ja"
    assert Person.objects.get(slug="kim-tae-ri").original_name_language == "ko"
    # A language only where there is an original name to mark.
    assert not Person.objects.filter(original_name="").exclude(original_name_language="").exists()
    assert not Person.objects.exclude(original_name="").filter(original_name_language="").exists()


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
