"""Readers' reviews on a film's page (reviews/diary/film_reviews.py) and on their own paginated
list (diary:film-reader-reviews): published ones only, the same for every anonymous reader."""

import re
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews import stamps
from reviews.diary.film_reviews import reader_reviews_of_film
from reviews.diary.services import review_like
from tests.factories import DiaryEntryFactory, UserFactory

pytestmark = pytest.mark.django_db


def reader_reviews(film, *, count: int, **fields) -> list:
    """`count` published reader reviews, newest last, the first the most liked."""
    start = timezone.now() - timedelta(days=count)
    return [
        DiaryEntryFactory(
            film=film,
            review=f"Words of reader {n}.",
            like_count=count - n,
            created_at=start + timedelta(days=n),
            **fields,
        )
        for n in range(count)
    ]


def section(page: str) -> str:
    """The "Readers' reviews" section, with the sections inside it."""
    start = page.index('<section class="film__section reader-reviews"')
    depth, at = 0, start
    for tag in re.finditer(r"<(/?)section\b", page[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            at = start + tag.end()
            break
    return page[start:at]


def list_url(film, **query) -> str:
    url = reverse("diary:film-reader-reviews", args=[film.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_film_page_lists_the_most_liked_and_the_newest(client, film):
    entries = reader_reviews(film, count=6)

    text = client.get(film.get_absolute_url()).text

    popular, recent = text.split('id="reader-reviews-recent"')
    popular = popular.split('id="reader-reviews-popular"')[1]
    assert [f"Words of reader {n}." in popular for n in range(6)] == [True] * 4 + [False] * 2
    assert [f"Words of reader {n}." in recent for n in range(6)] == [False] * 2 + [True] * 4
    assert recent.index("reader 5") < recent.index("reader 2")  # newest first
    assert list_url(film) in text
    assert "All 6 reader reviews of Lost in Starlight" in text
    for entry in entries[:4]:
        assert entry.get_absolute_url() in popular


def test_only_published_reader_reviews_of_public_diaries_are_listed(client, film):
    DiaryEntryFactory(film=film, review="Published words")
    DiaryEntryFactory(film=film, review="Held words", review_status="pending")
    DiaryEntryFactory(film=film, review="")
    private = DiaryEntryFactory(film=film, review="Private words")
    private.reader.profile.diary_private = True
    private.reader.profile.save()
    gone = DiaryEntryFactory(film=film, review="Closed account words")
    gone.reader.is_active = False
    gone.reader.save()

    for url in (film.get_absolute_url(), list_url(film)):
        text = client.get(url).text
        assert "Published words" in text
        for hidden in ("Held words", "Private words", "Closed account words"):
            assert hidden not in text


def test_spoilers_are_hidden_behind_a_reveal_on_the_cards(client, film):
    DiaryEntryFactory(film=film, review="The ending twist", contains_spoilers=True)

    card = section(client.get(film.get_absolute_url()).text)

    assert re.search(r"<details[^>]*>\s*<summary>.*?</summary>.*The ending twist", card, re.S)


def test_the_section_holds_nothing_per_request(client, film):
    entry = DiaryEntryFactory(film=film, like_count=3)

    anonymous = section(client.get(film.get_absolute_url()).text)
    client.force_login(UserFactory())
    signed_in = section(client.get(film.get_absolute_url()).text)

    assert "csrfmiddlewaretoken" not in anonymous + signed_in
    assert f"{reverse('account_login')}?next=/en/diary/{entry.pk}/" in anonymous
    assert f'href="{entry.get_absolute_url()}#like"' in signed_in
    assert '<span class="like__count">3</span>' in anonymous


def test_a_film_without_reader_reviews_says_so(client, film):
    assert "No reader reviews of Lost in Starlight yet." in client.get(film.get_absolute_url()).text


@pytest.mark.parametrize("count", [2, 12])
def test_the_section_costs_the_same_queries_however_many_reviews(
    client, film, django_assert_num_queries, count
):
    reader_reviews(film, count=count)
    request = client.get("/en/").wsgi_request
    # the most liked with the count of all; the newest once there are more than a list shows;
    # the film's premiere (the spoiler gate's default during one)
    with django_assert_num_queries(2 if count <= 4 else 3):
        part = reader_reviews_of_film(request, film)

    assert part.sections.count('class="reader-review-card"') == 2 * min(count, 4)
    assert f"reviews.reader-reviews:{film.pk}" in part.stamps


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_page_costs_the_same_queries_however_many(
    client, film, django_assert_num_queries, count
):
    reader_reviews(film, count=count)

    # the film, the count, the page of reviews with their readers, the film's premiere (the
    # spoiler gate's default during one)
    with django_assert_num_queries(4):
        response = client.get(list_url(film))

    assert response.status_code == HTTPStatus.OK


def test_the_list_sorts_by_likes_or_date_and_pages(client, film):
    reader_reviews(film, count=25)

    popular = client.get(list_url(film, sort="popular")).text
    recent = client.get(list_url(film, sort="recent")).text
    second = client.get(list_url(film, sort="recent", page=2)).text

    assert popular.index("reader 0.") < popular.index("reader 1.")
    assert recent.index("reader 24.") < recent.index("reader 23.")
    assert "reader 0." in second
    assert "reader 24." not in second
    assert 'href="?sort=recent&amp;page=2"' in recent
    nonsense = client.get(list_url(film, sort="nonsense"))
    assert nonsense.status_code == HTTPStatus.OK
    assert nonsense.context["sort"] == "popular"


def test_an_unknown_film_or_page_is_404(client, film):
    assert client.get(list_url(film, page=99)).status_code == HTTPStatus.NOT_FOUND
    missing = reverse("diary:film-reader-reviews", args=["no-such-film"])
    assert client.get(missing).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.usefixtures("page_cache_on")
def test_cached_film_pages_show_a_new_like_and_a_diary_made_private(client, film):
    entry = DiaryEntryFactory(film=film, review="Cached words")
    for url in (film.get_absolute_url(), list_url(film), entry.get_absolute_url()):
        client.get(url)
        assert client.get(url).headers.get("X-Page-Cache") == "hit"

    review_like(entry=entry, user=UserFactory())

    assert '<span class="like__count">1</span>' in client.get(film.get_absolute_url()).text
    assert '<span class="like__count">1</span>' in client.get(list_url(film)).text
    assert '<span class="like__count">1</span>' in client.get(entry.get_absolute_url()).text

    # What the privacy setting's service declares (reviews.stamps.diary_privacy_changed).
    entry.reader.profile.diary_private = True
    entry.reader.profile.save()
    stamps.diary_privacy_changed(reader_pk=entry.reader_id, film_pks=[film.pk])
    assert "Cached words" not in client.get(film.get_absolute_url()).text
    assert client.get(entry.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
