"""A reader review a moderator took down leaves a tombstone where reader reviews are listed in
time order (the film page's newest, the film's list by date, the reader's diary) and on its own
page: the category and date for everyone; the reason and the text for its reader alone."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reviews.diary.film_reviews import reader_reviews_of_film
from reviews.moderation.models import ModerationDecision
from reviews.moderation.services import entry_decide
from tests.factories import DiaryEntryFactory, UserFactory

pytestmark = pytest.mark.django_db
Action = ModerationDecision.Action
CARD_TOMBSTONE = 'class="reader-review-card reader-review-card--tombstone"'
REASON = "It tells the ending in its first sentence."


@pytest.fixture
def removed(film, moderator):
    """The newest of three reader reviews of the film, taken down as a spoiler."""
    start = timezone.now() - timedelta(days=3)
    entries = [
        DiaryEntryFactory(
            film=film, review=f"Words of reader {n}.", created_at=start + timedelta(days=n)
        )
        for n in range(3)
    ]
    entry_decide(
        entry=entries[-1],
        moderator=moderator,
        action=Action.REMOVE,
        category="spoilers",
        reason=REASON,
    )
    return entries[-1]


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_film_page_lists_the_tombstone_among_the_newest_only(client, film, removed):
    text = client.get(film.get_absolute_url()).text

    assert text.count(CARD_TOMBSTONE) == 1
    assert "A reader review removed by a moderator: Spoiler without a tag" in text
    assert "Words of reader 2." not in text
    assert text.count('class="reader-review-card"') == 2 * 2  # two readable in each list
    assert "All 2 reader reviews" in text  # counted: those one can read


def test_the_section_with_a_tombstone_costs_two_queries(
    client, film, removed, django_assert_num_queries
):
    request = client.get("/en/").wsgi_request
    # the most liked with the counts; the newest (a tombstone among them); the film's premiere
    with django_assert_num_queries(3):
        part = reader_reviews_of_film(request, film)
    assert part.sections.count(CARD_TOMBSTONE) == 1


def test_the_list_by_date_shows_the_tombstone_the_list_by_likes_does_not(client, film, removed):
    url = reverse("diary:film-reader-reviews", args=[film.slug])

    assert CARD_TOMBSTONE in client.get(f"{url}?sort=recent").text
    assert CARD_TOMBSTONE not in client.get(f"{url}?sort=popular").text


@pytest.mark.parametrize("who", ["anonymous", "reader", "author", "moderator"])
def test_its_page_shows_the_tombstone_and_the_reason_to_its_reader_alone(removed, moderator, who):
    viewer = {
        "anonymous": None,
        "reader": UserFactory(),
        "author": removed.reader,
        "moderator": moderator,
    }[who]
    client = signed_in(viewer) if viewer else Client()

    response = client.get(removed.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert "Removed by a moderator: Spoiler without a tag" in response.text
    assert (REASON in response.text) is (who == "author")
    assert ("Words of reader 2." in response.text) is (who == "author")


def test_the_diary_shows_the_tombstone_instead_of_the_link(client, removed):
    text = client.get(reverse("diary:diary", args=[removed.reader.username])).text

    assert "Review removed by a moderator: Spoiler without a tag" in text
    assert f'href="{removed.get_absolute_url()}"' not in text


def test_restored_it_is_back_in_full(client, film, removed, moderator):
    entry_decide(entry=removed, moderator=moderator, action=Action.RESTORE)

    text = client.get(film.get_absolute_url()).text
    assert CARD_TOMBSTONE not in text
    assert "Words of reader 2." in text
