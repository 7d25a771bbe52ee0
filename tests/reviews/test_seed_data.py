"""What the demo seed holds: read from one seeded database shared by the module's tests."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Avg, Count, F
from django.test.utils import override_settings
from django.utils import timezone

from films.models import Film, Person
from reviews.diary.models import DiaryEntry, Rating, ReaderReviewLike, WatchlistEntry
from reviews.discussion.models import Comment
from reviews.groups import EDITORS, MODERATORS
from reviews.management.commands.seed_demo import EXTRA_READER_PASSWORD
from reviews.models import Review
from reviews.readers.models import Profile

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> str:
    """The demo seeded once for the tests that only read it (seeding takes seconds), as in
    development (new accounts' first words held), in a transaction rolled back after them;
    what the command printed."""
    out = StringIO()
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEBUG=True,
            MODERATION_NEW_ACCOUNT_HELD=1,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        transaction.atomic(),
    ):
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def printed_sign_ins() -> dict[str, str]:
    out = StringIO()
    call_command("seed_demo", "--print-sign-ins", stdout=out)
    # "    Editor             editor     starlight-editor"
    return dict(re.findall(r"^\s+.+?\s{2,}(\S+)\s+(\S+)$", out.getvalue(), re.MULTILINE))


def test_seed_loads_the_demo_catalogue_and_reviews(seeded):
    output = seeded

    assert Film.objects.count() == 7
    assert Review.objects.count() == 10
    assert Review.objects.filter(status=Review.Status.DRAFT).count() == 1
    assert Review.objects.scheduled().count() == 1
    assert Review.objects.published().count() == 8
    assert Film.objects.filter(slug="lost-in-starlight").exists()
    assert "Demo data ready: 7 films" in output


def test_seed_has_reviews_in_korean_one_of_them_a_linked_translation(seeded):
    korean = Review.objects.published().in_language(Review.Language.KO)
    assert korean.count() == 2
    translation = korean.get(translation_of__isnull=False)
    assert translation.translation_of.slug == "lost-in-starlight-a-farewell-written-in-the-stars"
    assert translation.translation_of.language == Review.Language.EN
    assert korean.filter(translation_of__isnull=True).count() == 1


def test_seed_creates_the_four_sign_ins(seeded):
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


def test_printed_sign_ins_let_each_account_log_in(seeded, client):
    sign_ins = printed_sign_ins()

    assert set(sign_ins) == {"admin", "editor", "moderator", "reader"}
    for username, password in sign_ins.items():
        assert client.login(username=username, password=password), username
        client.logout()


def test_seed_reviews_are_signed_by_editors(seeded):
    assert not Review.objects.exclude(author__groups__name=EDITORS).exists()


def test_seed_review_bodies_are_300_to_800_words(seeded):
    lengths = {review.slug: len(review.body.split()) for review in Review.objects.all()}
    assert all(300 <= words <= 800 for words in lengths.values()), lengths


def test_seed_gives_each_original_title_and_name_its_language(seeded):
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


HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_seed_rates_lost_in_starlight_hundreds_of_times_with_counts_kept_on_each_film(seeded):
    starlight = Film.objects.get(slug="lost-in-starlight")
    assert starlight.readers_rating_count >= 200
    assert Rating.objects.count() >= 300
    for film in Film.objects.all():
        ratings = Rating.objects.filter(film=film)
        counted = dict(ratings.values_list("score").annotate(n=Count("pk")))
        assert film.reader_score_counts == [counted.get(score, 0) for score in range(1, 11)]
        assert film.readers_average == pytest.approx(ratings.aggregate(Avg("score"))["score__avg"])
    counts = starlight.reader_score_counts
    assert sum(counts[6:9]) > 3 * sum(counts[0:3])  # more 3.5-4.5 stars than 0.5-1.5
    assert Film.objects.get(slug="your-name").readers_average > starlight.readers_average


def test_seed_writes_reader_reviews_in_english_and_korean_enthusiastic_and_critical(seeded):
    reviews = list(DiaryEntry.objects.reviews())
    korean = [entry for entry in reviews if HANGUL.search(entry.review)]
    scores = {entry.score for entry in reviews}

    assert len(reviews) >= 12
    assert 3 <= len(korean) <= len(reviews) - 8
    assert scores & {9, 10}
    assert scores & {4, 5}
    assert sum(entry.contains_spoilers for entry in reviews) >= 2
    assert all(entry.review_html for entry in reviews)


def test_seed_likes_reader_reviews_and_counts_the_likes(seeded):
    assert ReaderReviewLike.objects.count() >= 60
    assert not ReaderReviewLike.objects.filter(user_id=F("entry__reader_id")).exists()
    for entry in DiaryEntry.objects.reviews():
        assert entry.like_count == entry.likes.count()


def test_the_newcomers_review_waits_for_a_moderator_the_regulars_do_not(seeded):
    held = DiaryEntry.objects.reviews().filter(review_status=Comment.Status.PENDING)

    assert [entry.reader.username for entry in held] == ["newcomer"]
    assert held.get().held_reason == "New account: first comment is reviewed"
    assert (
        DiaryEntry.objects.published_reviews().count() == DiaryEntry.objects.reviews().count() - 1
    )


def test_seed_keeps_diaries_of_past_watches(seeded):
    entries = DiaryEntry.objects.all()
    tags = {tag for entry_tags in entries.values_list("tags", flat=True) for tag in entry_tags}

    assert entries.count() >= 80
    assert entries.filter(rewatch=True).count() >= 5
    assert {"netflix", "animation", "rewatch", "seoul"} <= tags
    assert not entries.filter(watched_on__gt=timezone.localdate()).exists()
    assert {day.year for day in entries.values_list("watched_on", flat=True)} == {2025, 2026}
    assert not entries.filter(film__slug="lost-in-starlight", watched_on__lt="2025-05-30").exists()
    # A rating given with a watch is the score of the reader's latest scored watch.
    latest = {}
    for entry in entries.filter(score__isnull=False).order_by("watched_on", "created_at"):
        latest[entry.reader_id, entry.film_id] = entry.score
    ratings = Rating.objects.values_list("reader_id", "film_id", "score")
    assert {(reader, film): score for reader, film, score in ratings} | latest == {
        (reader, film): score for reader, film, score in ratings
    }


def test_seed_keeps_watchlists_of_films_not_yet_rated(seeded):
    assert WatchlistEntry.objects.count() >= 20
    assert not WatchlistEntry.objects.filter(reader__ratings__film=F("film")).exists()


def test_demo_readers_have_names_and_sign_in_with_the_shared_reader_password(seeded, client):
    readers = User.objects.filter(ratings__isnull=False).distinct()

    assert readers.count() >= 200
    assert readers.filter(profile__display_name__regex=r"[가-힣]").count() >= 20
    assert not readers.filter(profile__isnull=True).exists()
    assert client.login(username="seoyeon", password=EXTRA_READER_PASSWORD)
