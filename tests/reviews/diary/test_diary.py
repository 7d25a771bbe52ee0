"""Logging watches, the diary by month, its feed, the profile's figures, and private diaries."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.diary import services
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry
from reviews.discussion.models import Comment
from reviews.readers.services import profile_for, profile_update
from tests.factories import BlockedTermFactory, FilmFactory, UserFactory, WatchOptionFactory


def log_url(film) -> str:
    return reverse("diary:log", args=[film.slug])


def make_private(reader) -> None:
    profile = profile_for(reader)
    profile_update(
        user=reader,
        display_name=profile.display_name,
        bio="",
        notify_replies=True,
        diary_private=True,
    )


def test_logging_a_watch_from_its_form(reader_client, reader, film):
    form = reader_client.get(log_url(film))
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in form.text  # today by default
    services.watchlist_add(reader=reader, film=film)
    response = reader_client.post(
        log_url(film),
        {
            "watched_on": "2025-06-01",
            "rewatch": "on",
            "score": "8",
            "tags": "netflix, Netflix, seoul",
        },
    )
    assert response.status_code == 302
    entry = DiaryEntry.objects.get()
    assert (entry.watched_on, entry.rewatch, entry.score) == (date(2025, 6, 1), True, 8)
    assert entry.tags == ["netflix", "seoul"]
    assert Rating.objects.get(reader=reader, film=film).score == 8  # the film's rating too
    assert not WatchlistEntry.objects.exists()  # off the watchlist
    assert "Logged in your diary." in reader_client.get(response.url).text


def test_a_watch_logged_with_the_form_left_blank_is_today_with_nothing_else(
    reader_client, reader, film
):
    today = f"{timezone.localdate():%Y-%m-%d}"
    response = reader_client.post(log_url(film), {"watched_on": today, "score": "", "tags": ""})
    assert response.status_code == 302
    entry = DiaryEntry.objects.get()
    assert (entry.tags, entry.score, entry.review) == ([], None, "")


def test_several_entries_for_one_film_and_the_film_page_says_so(reader_client, reader, film):
    services.watch_log(reader=reader, film=film)
    services.watch_log(reader=reader, film=film, rewatch=True)
    assert "In your diary 2 times" in reader_client.get(film.get_absolute_url()).text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"watched_on": "2999-01-01"}, "cannot be in the future"),
        ({"watched_on": "01/02/yesterday"}, "Enter a valid date"),
        ({"watched_on": "2025-06-01", "score": "11"}, "Select a valid choice"),
        ({"watched_on": "2025-06-01", "review": "x" * 10_001}, "at most 10000 characters"),
        ({"watched_on": "2025-06-01", "tags": "a" * 41}, "Keep each tag under 40"),
    ],
)
def test_bad_input_keeps_what_was_typed(reader_client, film, data, message):
    data = {"review": "My words stay here.", **data}
    response = reader_client.post(log_url(film), data)
    assert response.status_code == 400
    assert message in response.text
    assert data["review"][:50] in response.text
    assert not DiaryEntry.objects.exists()


def test_a_review_with_a_blocked_term_is_held_like_a_comment(reader, film, settings):
    BlockedTermFactory(phrase="forbidden")
    entry = services.watch_log(reader=reader, film=film, review="A forbidden word in here.")
    assert entry.review_status == Comment.Status.PENDING
    assert entry.held_reason
    assert not DiaryEntry.objects.published_reviews().exists()


def test_the_diary_groups_by_month_newest_first(client, reader, film):
    other = FilmFactory(title="Other film")
    services.watch_log(reader=reader, film=film, watched_on=date(2025, 5, 31), score=6)
    services.watch_log(reader=reader, film=other, watched_on=date(2025, 7, 2))
    services.watch_log(reader=reader, film=film, watched_on=date(2025, 7, 20), rewatch=True)
    page = client.get(reverse("diary:diary", args=[reader.username])).text
    assert page.index("July 2025") < page.index("May 2025")
    july = page[page.index("July 2025") : page.index("May 2025")]
    assert july.index('datetime="2025-07-20"') < july.index('datetime="2025-07-02"')
    assert "Rewatch" in july


def test_the_diary_is_paginated(client, reader, film, django_assert_num_queries):
    DiaryEntry.objects.bulk_create(
        DiaryEntry(reader=reader, film=film, watched_on=date(2025, 1, 1) + timedelta(days=i))
        for i in range(45)
    )
    url = reverse("diary:diary", args=[reader.username])
    with django_assert_num_queries(3):
        first = client.get(url)
    assert first.text.count('class="diary__entry"') == 30
    assert client.get(url + "?page=2").text.count('class="diary__entry"') == 15


def test_the_profile_shows_counts_histogram_and_the_last_four(client, reader, film):
    this_year = timezone.localdate().replace(month=1, day=1)
    for _days, title in enumerate(["A", "B", "C", "D", "E"]):
        services.watch_log(
            reader=reader, film=FilmFactory(title=f"Film {title}"), watched_on=this_year, score=8
        )
    services.watch_log(reader=reader, film=film, watched_on=date(2024, 3, 1))
    page = client.get(reverse("readers:profile", args=[reader.username])).text
    assert "<dt>Films watched</dt><dd>6</dd>" in page
    assert "<dt>This year</dt><dd>5</dd>" in page
    assert "Number of this reader" in page  # the histogram
    latest = page[page.index("Latest entries") : page.index("The whole diary")]
    assert latest.count("<li>") == 4


def test_the_atom_feed_lists_public_entries_without_spoilers(client, reader, film):
    services.watch_log(reader=reader, film=film, score=9, review="Loved **it**.")
    services.watch_log(
        reader=reader, film=film, review="The ending: she leaves.", contains_spoilers=True
    )
    feed = client.get(reverse("diary:diary-feed", args=[reader.username]))
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Loved &lt;strong&gt;it" in feed.text
    assert "she leaves" not in feed.text
    assert "contains spoilers" in feed.text


def test_a_private_diary_is_seen_by_its_reader_alone(client, reader, film):
    services.watch_log(reader=reader, film=film, score=9, review="Only for me.")
    make_private(reader)
    diary = reverse("diary:diary", args=[reader.username])
    assert client.get(diary).status_code == 404
    assert client.get(reverse("diary:diary-feed", args=[reader.username])).status_code == 404
    assert (
        "Films watched" not in client.get(reverse("readers:profile", args=[reader.username])).text
    )
    assert not DiaryEntry.objects.published_reviews().exists()
    other = UserFactory()
    client.force_login(other)
    assert client.get(diary).status_code == 404
    client.force_login(reader)
    own = client.get(diary)
    assert own.status_code == 200
    assert "Your diary is private" in own.text


def test_a_reader_edits_and_deletes_their_own_entries_only(reader_client, reader, film):
    entry = services.watch_log(reader=reader, film=film, score=4)
    edit = reverse("diary:entry-edit", args=[entry.pk])
    response = reader_client.post(edit, {"watched_on": "2025-06-02", "score": "", "tags": "x"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.watched_on, entry.score, entry.tags) == (date(2025, 6, 2), None, ["x"])
    someone_else = services.watch_log(reader=UserFactory(), film=film)
    assert reader_client.get(reverse("diary:entry-edit", args=[someone_else.pk])).status_code == 404
    assert (
        reader_client.post(reverse("diary:entry-delete", args=[someone_else.pk])).status_code == 404
    )
    assert reader_client.post(reverse("diary:entry-delete", args=[entry.pk])).status_code == 302
    assert list(DiaryEntry.objects.all()) == [someone_else]


def test_the_watchlist_shows_where_to_watch_and_toggles(reader_client, reader, film):
    WatchOptionFactory(film=film, provider="Netflix")
    toggle = reverse("diary:watchlist-toggle", args=[film.slug])
    assert reader_client.post(toggle, {"action": "add"}).status_code == 302
    page = reader_client.get(reverse("diary:watchlist")).text
    assert film.title in page
    assert "Netflix" in page
    reader_client.post(toggle, {"action": "remove"})
    assert "Nothing on your watchlist yet" in reader_client.get(reverse("diary:watchlist")).text


def test_the_film_page_adds_to_the_watchlist_in_place(reader_client, film):
    response = reader_client.post(
        reverse("diary:watchlist-toggle", args=[film.slug]),
        {"action": "add"},
        headers={"HX-Request": "true"},
    )
    assert 'aria-pressed="true"' in response.text


def test_private_entries_stay_out_of_search_and_the_sitemap(client, reader, film):
    entry = services.watch_log(reader=reader, film=film, review="Moonlit turntable secrets.")
    make_private(reader)
    found = client.get(reverse("reviews:search"), {"q": "turntable secrets"}).text
    assert "Moonlit" not in found
    sitemap = client.get(reverse("sitemap")).text
    assert entry.get_absolute_url() not in sitemap
    assert reverse("diary:diary", args=[reader.username]) not in sitemap


def test_film_cards_carry_the_watchlist_button_and_it_comes_back_to_the_list(
    reader_client, reader, film
):
    services.watchlist_add(reader=reader, film=FilmFactory(title="Suzume"))
    page = reader_client.get(reverse("films:film-list")).text
    assert page.count('class="film-card__watchlist"') == 2
    assert page.count('aria-pressed="true">On watchlist') == 1
    response = reader_client.post(
        reverse("diary:watchlist-toggle", args=[film.slug]),
        {"action": "add", "next": "/en/films/?page=1"},
    )
    assert response.url == "/en/films/?page=1"
    assert WatchlistEntry.objects.filter(reader=reader, film=film).exists()


@pytest.mark.parametrize("elsewhere", ["https://evil.example/", "//evil.example/"])
def test_the_watchlist_button_never_sends_readers_off_the_site(reader_client, film, elsewhere):
    response = reader_client.post(
        reverse("diary:watchlist-toggle", args=[film.slug]), {"action": "add", "next": elsewhere}
    )
    assert response.url == film.get_absolute_url()
