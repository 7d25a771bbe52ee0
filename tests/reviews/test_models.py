from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from reviews.models import Review
from tests.factories import ReviewFactory

# --- Constraints and derived fields ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("rating", [0, 11])
def test_rating_outside_one_to_ten_is_rejected_by_the_database(rating):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(rating=rating)

    assert not Review.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rating", [1, 10])
def test_rating_bounds_are_allowed(rating):
    assert ReviewFactory(rating=rating).stars == rating / 2


@pytest.mark.django_db
def test_published_review_must_have_a_publish_time():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(status=Review.Status.PUBLISHED, publish_at=None)

    assert not Review.objects.exists()


@pytest.mark.django_db
def test_draft_needs_no_publish_time():
    review = ReviewFactory(draft=True)

    assert review.publish_at is None
    assert not review.is_public
    assert not review.is_scheduled


@pytest.mark.django_db
def test_review_slugs_are_unique():
    ReviewFactory(slug="same")

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(slug="same")


@pytest.mark.django_db
def test_saving_renders_the_body_and_computes_the_reading_time():
    review = ReviewFactory(body="## Verdict\n\n" + "word " * 461)

    review.refresh_from_db()
    assert review.body_html.startswith("<h2>Verdict</h2>")
    # 463 words at 230 a minute, rounded up
    assert review.reading_time == 3


@pytest.mark.django_db
def test_a_short_review_still_takes_a_minute():
    assert ReviewFactory(body="Short.").reading_time == 1


@pytest.mark.django_db
def test_saving_only_the_body_also_saves_what_is_derived_from_it():
    review = ReviewFactory(body="Short.")
    review.body = "*Longer* " * 300

    review.save(update_fields=["body"])

    review.refresh_from_db()
    assert review.body_html.startswith("<p><em>Longer</em>")
    assert review.reading_time == 2


@pytest.mark.django_db
def test_review_urls():
    review = ReviewFactory(slug="a-farewell")

    assert review.get_absolute_url() == "/en/reviews/a-farewell/"
    assert review.get_preview_url() == f"/en/reviews/{review.pk}/preview/"


# --- Querysets: who is in, who is out --------------------------------------------------------


@pytest.fixture
def reviews_by_state(db):
    now = timezone.now()
    return {
        "published": ReviewFactory(),
        "just_published": ReviewFactory(publish_at=now - timedelta(minutes=1)),
        "draft": ReviewFactory(draft=True),
        "draft_with_old_time": ReviewFactory(
            status=Review.Status.DRAFT, publish_at=now - timedelta(days=2)
        ),
        "scheduled": ReviewFactory(publish_at=now + timedelta(minutes=1)),
    }


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("published", {"published", "just_published"}),
        ("scheduled", {"scheduled"}),
    ],
)
def test_review_querysets(reviews_by_state, method, expected):
    names = {review.pk: name for name, review in reviews_by_state.items()}

    found = {names[review.pk] for review in getattr(Review.objects, method)()}

    assert found == expected


def test_scheduled_review_appears_by_itself_when_its_time_comes(reviews_by_state, monkeypatch):
    scheduled = reviews_by_state["scheduled"]
    assert scheduled not in Review.objects.published()
    assert scheduled.is_scheduled

    later = timezone.now() + timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert scheduled in Review.objects.published()
    assert scheduled not in Review.objects.scheduled()
    assert scheduled.is_public
    assert not scheduled.is_scheduled


def test_published_newest_first(reviews_by_state):
    assert list(Review.objects.published()) == [
        reviews_by_state["just_published"],
        reviews_by_state["published"],
    ]


def test_for_listing_fetches_film_and_byline_in_one_query(
    reviews_by_state, django_assert_num_queries
):
    with django_assert_num_queries(1):
        cards = [
            (review.film.title, review.author.profile.display_name, review.standfirst)
            for review in Review.objects.for_listing()
        ]

    assert len(cards) == len(reviews_by_state)
