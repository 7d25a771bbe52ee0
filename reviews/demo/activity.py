"""What the demo's readers did: who rated which film how, what they logged in their diaries,
what they reviewed, liked and mean to watch. Drawn from readers.toml and reader_reviews.toml with a seeded random
generator, so it is the same on every machine and every run; pure data, no Django."""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

_DATA = {}
for name in ("readers.toml", "reader_reviews.toml"):  # the prose apart, each under 400 lines
    with (Path(__file__).parent / name).open("rb") as data:
        _DATA |= tomllib.load(data)

# Readers of reviews/demo/discussion.py (created with the sign-ins) who keep diaries too.
DISCUSSION_READERS = ["haneul", "vinylgrace", "reader"]


@dataclass(frozen=True)
class Reader:
    username: str
    display_name: str
    bio: str
    joined_on: date


@dataclass(frozen=True)
class Watch:
    """A diary entry; its score (if any) becomes the reader's rating of the film."""

    reader: str
    film: str
    watched_on: date
    rewatch: bool = False
    score: int | None = None
    tags: tuple[str, ...] = ()
    review: str = ""
    contains_spoilers: bool = False
    liked_by: tuple[str, ...] = ()
    # A new account's review passes the new-account hold; the others are regulars'.
    newcomer: bool = False


@dataclass(frozen=True)
class Rating:
    """A rating given without logging a watch."""

    reader: str
    film: str
    score: int
    rated_on: date


@dataclass(frozen=True)
class Listed:
    reader: str
    film: str
    added_on: date


@dataclass
class Activity:
    readers: list[Reader] = field(default_factory=list)
    watches: list[Watch] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    watchlist: list[Listed] = field(default_factory=list)


def _crowd(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Usernames and display names for readers who only rate: half Korean, half English."""
    names, taken = [], set()
    parts = _DATA["names"]
    while len(names) < count:
        if len(names) % 2 == 0:
            (family, family_ko), (given, given_ko) = (
                rng.choice(parts["korean_family"]),
                rng.choice(parts["korean_given"]),
            )
            username = f"{given.replace('-', '').lower()}.{family.lower()}"
            display = rng.choice([family_ko + given_ko, f"{given} {family}", given_ko])
        else:
            given, initial = rng.choice(parts["english_given"]), rng.choice(parts["initials"])
            username, display = f"{given.lower()}.{initial.lower()}", f"{given} {initial}."
        if username in taken:
            username = f"{username}{len(names)}"
        taken.add(username)
        names.append((username, display))
    return names


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _watch_day(rng: random.Random, film: dict, last: date) -> date:
    # Many watch a new film in its first weeks; older ones are watched any time.
    if film["since"] > _DATA["activity"]["first_day"] and rng.random() < 0.4:
        return _day(rng, film["since"], film["since"] + timedelta(days=20))
    return _day(rng, film["since"], last)


def _tags(rng: random.Random, film: dict) -> tuple[str, ...]:
    return tuple(rng.sample(film["tags"], rng.choice([0, 0, 1, 1, 2, 3])))


def _reviews(rng: random.Random, usernames: list[str]) -> list[Watch]:
    watches = []
    for review in _DATA["reviews"]:
        others = [name for name in usernames if name != review["reader"]]
        common = {"reader": review["reader"], "film": review["film"]}
        if first := review.get("first_watched_on"):
            watches.append(Watch(**common, watched_on=first, score=review["score"]))
        watches.append(
            Watch(
                **common,
                watched_on=review["watched_on"],
                rewatch=bool(first),
                score=review["score"],
                tags=tuple(review["tags"]),
                review=review["text"],
                contains_spoilers=review.get("spoilers", False),
                liked_by=tuple(rng.sample(others, review["likes"])),
                newcomer=review.get("newcomer", False),
            )
        )
    return watches


def _draw() -> Activity:
    settings = _DATA["activity"]
    rng = random.Random(settings["seed"])
    first, last = settings["first_day"], settings["last_day"]
    keepers = [
        (reader["username"], reader["display_name"], reader["bio"]) for reader in _DATA["readers"]
    ]
    crowd = [(username, name, "") for username, name in _crowd(rng, settings["crowd"])]
    activity = Activity()
    activity.watches = _reviews(rng, [*DISCUSSION_READERS, *(r[0] for r in keepers + crowd)])
    reviewed = {(watch.reader, watch.film) for watch in activity.watches}
    for slug, film in _DATA["films"].items():
        for diarist in [*DISCUSSION_READERS, *(reader[0] for reader in keepers)]:
            if (diarist, slug) in reviewed:
                continue
            if rng.random() >= film["regulars"]:
                if rng.random() < 0.3:
                    activity.watchlist.append(Listed(diarist, slug, _day(rng, first, last)))
                continue
            score = rng.choices(range(1, 11), weights=film["scores"])[0]
            watched_on = _watch_day(rng, film, last)
            if rng.random() >= film["logged"]:
                activity.ratings.append(Rating(diarist, slug, score, watched_on))
                continue
            again = rng.random() < film["rewatched"] and watched_on < last - timedelta(days=30)
            activity.watches.append(
                Watch(
                    diarist, slug, watched_on, score=None if again else score, tags=_tags(rng, film)
                )
            )
            if again:
                tags = ("rewatch", *_tags(rng, film)) if rng.random() < 0.5 else _tags(rng, film)
                rewatched_on = _day(rng, watched_on + timedelta(days=14), last)
                activity.watches.append(
                    Watch(diarist, slug, rewatched_on, True, score, tuple(dict.fromkeys(tags)))
                )
        for username, _name, _bio in crowd:
            if rng.random() < film["crowd"]:
                score = rng.choices(range(1, 11), weights=film["scores"])[0]
                activity.ratings.append(Rating(username, slug, score, _watch_day(rng, film, last)))
    activity.watches.sort(key=lambda watch: (watch.watched_on, watch.reader, watch.film))
    activity.ratings.sort(key=lambda rating: (rating.rated_on, rating.reader, rating.film))
    activity.readers = _joined(keepers + crowd, activity, first)
    return activity


def _joined(readers: list[tuple[str, str, str]], activity: Activity, first: date) -> list[Reader]:
    """Each reader joined a little before the first thing they did."""
    earliest: dict[str, date] = {}
    for reader, day in [
        *((watch.reader, watch.watched_on) for watch in activity.watches),
        *((rating.reader, rating.rated_on) for rating in activity.ratings),
        *((listed.reader, listed.added_on) for listed in activity.watchlist),
    ]:
        earliest[reader] = min(day, earliest.get(reader, day))
    return [
        Reader(username, name, bio, earliest.get(username, first) - timedelta(days=3))
        for username, name, bio in readers
    ]


ACTIVITY = _draw()
