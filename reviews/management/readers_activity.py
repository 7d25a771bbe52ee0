"""Seed the demo readers' activity (reviews/demo/activity.py) through the diary's services, which
keep each film's readers' score and mark the pages stale. What exists already is left alone, so a
second run writes nothing."""

from __future__ import annotations

from datetime import date, datetime, time

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.test.utils import override_settings
from django.utils import timezone

from films.models import Film
from reviews.demo.activity import Activity, Reader
from reviews.diary import services
from reviews.diary.models import DiaryEntry, Rating, ReaderReviewLike, WatchlistEntry
from reviews.readers.models import Profile


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def seed_readers_activity(activity: Activity, *, password: str) -> None:
    users = _accounts(activity.readers, password=password)
    films = {film.slug: film for film in Film.objects.all()}
    today = timezone.localdate()
    rated_on: dict[tuple[int, int], date] = {}

    logged = set(DiaryEntry.objects.values_list("reader__username", "film__slug", "watched_on"))
    entries = []
    for watch in activity.watches:
        if (watch.reader, watch.film, watch.watched_on) in logged or watch.watched_on > today:
            continue
        reader, film = users[watch.reader], films[watch.film]
        # The demo's readers are regulars: the hold on a new account's first words is for
        # real newcomers, as the one newcomer here shows.
        with override_settings(**({} if watch.newcomer else {"MODERATION_NEW_ACCOUNT_HELD": 0})):
            entry = services.watch_log(
                reader=reader,
                film=film,
                watched_on=watch.watched_on,
                rewatch=watch.rewatch,
                score=watch.score,
                review=watch.review,
                contains_spoilers=watch.contains_spoilers,
                tags=list(watch.tags),
            )
        entry.created_at = at(watch.watched_on, 22)
        entries.append(entry)
        if watch.score is not None:
            rated_on[reader.pk, film.pk] = watch.watched_on

    ratings = Rating.objects.values_list("reader_id", "film_id", "score")
    scores = {(reader, film): score for reader, film, score in ratings}
    for rating in activity.ratings:
        reader, film = users[rating.reader], films[rating.film]
        if scores.get((reader.pk, film.pk)) == rating.score or rating.rated_on > today:
            continue
        services.rating_set(reader=reader, film=film, score=rating.score)
        rated_on[reader.pk, film.pk] = rating.rated_on

    listed = set(WatchlistEntry.objects.values_list("reader__username", "film__slug"))
    added = []
    for wish in activity.watchlist:
        if (wish.reader, wish.film) not in listed and wish.added_on <= today:
            entry = services.watchlist_add(reader=users[wish.reader], film=films[wish.film])
            entry.added_at = at(wish.added_on, 20)
            added.append(entry)

    _likes(activity, users)
    # When it happened, not when the seed ran: diaries and feeds list by these times.
    DiaryEntry.objects.bulk_update(entries, ["created_at"], batch_size=500)
    WatchlistEntry.objects.bulk_update(added, ["added_at"], batch_size=500)
    backdated = [
        rating
        for rating in Rating.objects.filter(reader_id__in={reader for reader, _ in rated_on})
        if (rating.reader_id, rating.film_id) in rated_on
    ]
    for rating in backdated:
        rating.rated_at = at(rated_on[rating.reader_id, rating.film_id], 22)
    Rating.objects.bulk_update(backdated, ["rated_at"], batch_size=500)


def _accounts(readers: list[Reader], *, password: str) -> dict:
    """The readers' accounts, created once with one shared demo password (hashed once: a few
    hundred hashes would take a minute); every participant's account by username."""
    User = get_user_model()
    existing = set(User.objects.values_list("username", flat=True))
    new = [reader for reader in readers if reader.username not in existing]
    if new:
        hashed = make_password(password)
        users = User.objects.bulk_create(
            User(
                username=reader.username,
                email=f"{reader.username}@example.com",
                password=hashed,
                date_joined=at(reader.joined_on, 12),
            )
            for reader in new
        )
        Profile.objects.bulk_create(
            Profile(user=user, display_name=reader.display_name, bio=reader.bio)
            for user, reader in zip(users, new, strict=True)
        )
        # Confirmed, so that any of them can sign in.
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
        )
    return {user.username: user for user in User.objects.all()}


def _likes(activity: Activity, users: dict) -> None:
    reviews = {
        (entry.reader.username, entry.film.slug, entry.watched_on): entry
        for entry in DiaryEntry.objects.reviews().select_related("reader", "film")
    }
    liked = set(ReaderReviewLike.objects.values_list("entry_id", "user__username"))
    for watch in activity.watches:
        entry = reviews.get((watch.reader, watch.film, watch.watched_on))
        if entry is None:
            continue
        for username in watch.liked_by:
            # A like is a toggle: only the missing ones are pressed.
            if (entry.pk, username) not in liked:
                services.review_like(entry=entry, user=users[username])
