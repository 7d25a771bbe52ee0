"""Every kind of change, made through its service outside the admin (as a command or the shell
would), leaves no page stale: after it, each page as the cache serves it, to an anonymous reader
and to a signed-in one, equals a fresh render."""

import re
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from films import services as films
from films.models import Credit, WatchOption
from reviews import services as reviews
from reviews.diary import services as diary
from reviews.discussion import services as discussion
from reviews.discussion.models import Comment
from reviews.moderation import services as moderation
from reviews.moderation.models import ModerationDecision, Sanction
from reviews.readers.services import profile_update
from tests.factories import (
    CommentFactory,
    CreditFactory,
    FilmFactory,
    GenreFactory,
    ModeratorFactory,
    PersonFactory,
    ReviewFactory,
    UserFactory,
    WatchOptionFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def site(settings):
    settings.FEATURED_FILM_SLUG = "starlight"
    genre = GenreFactory(name="Romance", slug="romance")
    starlight = FilmFactory(title="Lost in Starlight", slug="starlight")
    summer = FilmFactory(title="The Summer", slug="summer")
    starlight.genres.add(genre)
    han = PersonFactory(name="Han Ji-won", slug="han")
    credit = CreditFactory(film=starlight, person=han, role=Credit.Role.DIRECTOR)
    CreditFactory(film=summer, person=han, role=Credit.Role.DIRECTOR)
    option = WatchOptionFactory(film=starlight, provider="Netflix")
    review = ReviewFactory(film=starlight, headline="Stars over Seoul", slug="stars")
    other = ReviewFactory(film=starlight, headline="A turntable", slug="turntable")
    ReviewFactory(film=summer, headline="One summer hour", slug="hour")
    commenter = UserFactory(username="haneul")
    comment = CommentFactory(review=review, author=commenter, body="The turntable scene")
    reply = CommentFactory(parent=comment, body="Agreed, the song")
    held = CommentFactory(review=review, status=Comment.Status.PENDING, body="Held words")
    diary.rating_set(reader=commenter, film=summer, score=8)
    rea = UserFactory(username="rea")
    diary.watch_log(reader=rea, film=summer, score=7, review="Short and warm.")
    return {
        "genre": genre, "starlight": starlight, "summer": summer, "han": han,
        "credit": credit, "option": option, "review": review, "other": other,
        "commenter": commenter, "comment": comment, "reply": reply, "held": held,
        "moderator": ModeratorFactory(username="vega"), "reader": rea,
    }  # fmt: skip


def pages(site) -> list[str]:
    return [
        reverse("home"),
        reverse("films:film-list"),
        site["starlight"].get_absolute_url(),
        site["summer"].get_absolute_url(),
        site["han"].get_absolute_url(),
        reverse("reviews:review-list"),
        reverse("reviews:film-reviews", args=["starlight"]),
        site["review"].get_absolute_url(),
        site["other"].get_absolute_url(),
        reverse("reviews:search") + "?q=starlight",
        reverse("reviews:search") + "?q=han",
        reverse("diary:diary", args=["rea"]),
    ]


def normalised(response) -> tuple[int, str]:
    text = response.content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return response.status_code, re.sub(r'\s+nonce="[^"]+"\s*>', ">", text).replace(" >", ">")


def viewers(site) -> dict[str, Client]:
    signed_in, moderator = Client(), Client()
    signed_in.force_login(site["reader"])
    moderator.force_login(site["moderator"])
    return {"anonymous": Client(), "reader": signed_in, "moderator": moderator}


def assert_fresh(site, clients) -> None:
    urls = pages(site)
    for name, client in clients.items():
        for url in [*urls, reverse("moderation:queue")] if name == "moderator" else urls:
            served = normalised(client.get(url))
            with override_settings(PAGE_CACHE_ENABLED=False):
                rendered = normalised(client.get(url))
            assert served == rendered, f"{name} {url}"


CHANGES = {
    "film renamed": lambda s: films.film_save(film=_set(s["starlight"], title="Starlit")),
    "film's genres": lambda s: films.film_genres_set(film=s["summer"], genres=[s["genre"]]),
    "film added": lambda s: films.film_save(film=FilmFactory.build(title="Suzume", slug="suzume")),
    "film deleted": lambda s: films.film_delete(film=_film_without_reviews()),
    "person renamed": lambda s: films.person_save(person=_set(s["han"], name="Han J.")),
    "person deleted": lambda s: films.person_delete(person=s["han"]),
    "credit added": lambda s: films.credit_save(
        credit=Credit(film=s["summer"], person=PersonFactory(name="Yoon"), role=Credit.Role.VOICE)
    ),
    "credit changed": lambda s: films.credit_save(
        credit=_set(s["credit"], role=Credit.Role.WRITER)
    ),
    "credit deleted": lambda s: films.credit_delete(credit=s["credit"]),
    "genre renamed": lambda s: films.genre_save(genre=_set(s["genre"], name="Love")),
    "genre deleted": lambda s: films.genre_delete(genre=s["genre"]),
    "watch option added": lambda s: films.watch_option_save(
        option=WatchOption(film=s["summer"], provider="Watcha", url="https://watcha.com/")
    ),
    "watch option deleted": lambda s: films.watch_option_delete(option=s["option"]),
    "review edited": lambda s: reviews.review_save(review=_set(s["review"], headline="Starlit")),
    "review moved": lambda s: reviews.review_save(review=_set(s["other"], film=s["summer"])),
    "review published": lambda s: reviews.review_publish(
        review=ReviewFactory(film=s["summer"], draft=True, headline="Late word")
    ),
    "review unpublished": lambda s: reviews.review_unpublish(review=s["other"]),
    "review deleted": lambda s: reviews.review_delete(review=s["other"]),
    "comment posted": lambda s: discussion.comment_create(
        review=s["review"], author=UserFactory(), body="A new voice"
    ),
    "comment edited": lambda s: discussion.comment_edit(
        comment=s["comment"], user=s["commenter"], body="The turntable, again"
    ),
    "comment deleted": lambda s: discussion.comment_delete(
        comment=s["comment"], user=s["commenter"]
    ),
    "comment liked": lambda s: discussion.comment_like(comment=s["comment"], user=s["reader"]),
    "comment approved": lambda s: moderation.comment_decide(
        comment=s["held"], moderator=s["moderator"], action=ModerationDecision.Action.APPROVE
    ),
    "comment removed": lambda s: moderation.comment_decide(
        comment=s["reply"], moderator=s["moderator"], action=ModerationDecision.Action.REMOVE
    ),
    "comment reported": lambda s: moderation.comment_report(
        comment=s["reply"], reporter=s["reader"], reason="spam"
    ),
    "commenter renamed": lambda s: profile_update(
        user=s["commenter"], display_name="Haneul K.", bio="", notify_replies=True
    ),
    "critic renamed": lambda s: profile_update(
        user=s["review"].author, display_name="A critic", bio="", notify_replies=True
    ),
    "reader rated": lambda s: diary.rating_set(reader=s["reader"], film=s["starlight"], score=6),
    "rating removed": lambda s: diary.rating_remove(reader=s["commenter"], film=s["summer"]),
    "watch logged": lambda s: diary.watch_log(reader=s["reader"], film=s["starlight"], score=9),
    "diary made private": lambda s: profile_update(
        user=s["reader"], display_name="Rea", bio="", notify_replies=True, diary_private=True
    ),
    "watchlisted": lambda s: diary.watchlist_add(reader=s["reader"], film=s["summer"]),
    "reader sanctioned": lambda s: moderation.sanction_create(
        user=s["held"].author, moderator=s["moderator"], kind=Sanction.Kind.MUTE, reason="Rude"
    ),
}


def _set(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    return obj


def _film_without_reviews():
    film = FilmFactory(title="Weathering with You", slug="weathering")
    CreditFactory(film=film, person=PersonFactory(name="Makoto Shinkai"))
    return film


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_after_a_change_every_page_is_as_a_fresh_render_shows_it(site, change):
    clients = viewers(site)
    assert_fresh(site, clients)  # every page kept once, for each viewer

    change(site)

    assert_fresh(site, clients)


def test_a_scheduled_review_going_live_needs_no_change_at_all(site, monkeypatch):
    clients = viewers(site)
    due = ReviewFactory(film=site["summer"], headline="Just in time", publish_at=timezone.now())
    # Far enough ahead that the first comparison cannot straddle it on a loaded machine.
    due.publish_at = timezone.now() + timedelta(seconds=30)
    due.save()
    assert_fresh(site, clients)

    later = timezone.now() + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    import time as clock

    real = clock.time
    monkeypatch.setattr(clock, "time", lambda: real() + 60)

    assert "Just in time" in clients["anonymous"].get(reverse("reviews:review-list")).text
    assert_fresh(site, clients)
