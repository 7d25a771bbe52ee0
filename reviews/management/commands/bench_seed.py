"""A large catalogue and discussion for `make bench`: 200 films, 2,000 people, 5,000 reviews,
200,000 comments, and one review with 2,000 approved and 1,000 held comments; on its film
(Lost in Starlight), 10,000 readers' ratings and 500 reader reviews, and a diary for "reader".

Writes with PostgreSQL's COPY (psycopg's `cursor.copy()`), so it takes a minute or two.
Refuses any database whose name does not contain "bench": it is not for real data.
"""

import random
import time
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from films.models import Credit, Film, Genre, Person
from reviews.diary.models import DiaryEntry, Rating
from reviews.discussion.models import Comment
from reviews.groups import EDITORS, MODERATORS, sync_groups
from reviews.markdown import render_article, render_comment
from reviews.models import Review
from reviews.moderation.models import ModerationDecision
from reviews.readers.models import Profile

FILMS, PEOPLE, REVIEWS, COMMENTS, READERS = 200, 2_000, 5_000, 200_000, 2_000
RATINGS, READER_REVIEWS, DIARY = 10_000, 500, 120  # on the big review's film; "reader"'s diary
BIG_APPROVED, BIG_HELD = 2_000, 1_000
BIG_REVIEW_SLUG = "bench-big-discussion"
# The moderation log's decisions: approvals over 12 weeks, and comments taken down.
BENCH_APPROVALS, BENCH_REMOVALS = 5_000, 300
PASSWORD = "starlight-bench"
WORDS = [
    *[
        "star",
        "song",
        "mars",
        "earth",
        "signal",
        "orbit",
        "light",
        "night",
        "sky",
        "music",
        "record",
        "voice",
        "quiet",
        "farewell",
    ],
    *["tape", "rocket", "distance", "planet", "heart", "memory", "comet", "dust", "dawn", "echo"],
]


class Command(BaseCommand):
    help = "Seed the benchmark database (its name must contain 'bench')."

    def handle(self, *args, **options):
        name = connection.settings_dict["NAME"]
        if "bench" not in name:
            raise CommandError(f"Refusing to seed {name!r}: the database name must say 'bench'.")
        self.rng = random.Random(42)
        self.started = time.monotonic()
        if Review.objects.filter(slug=BIG_REVIEW_SLUG).exists():
            self.stdout.write("Bench data already there.")
            if not Rating.objects.exists():  # seeded before readers could rate
                with transaction.atomic():
                    self.readers_activity()
            if not ModerationDecision.objects.exists():  # seeded before the public log
                with transaction.atomic():
                    self.decisions()
            self.vacuum()  # migrations since the seed may have rewritten rows
            return
        with transaction.atomic():
            sync_groups()
            self.users()
            self.catalogue()
            self.reviews()
            self.comments()
            self.readers_activity()
            self.decisions()
        self.vacuum()
        self.progress("done")

    def vacuum(self) -> None:
        """What autovacuum does soon after a bulk load in production: statistics, the
        visibility map, and the GIN indexes' pending lists merged (a GIN index still holding
        5,000 rows in its pending list is read in full by every search). These machines' own
        PostgreSQL runs with autovacuum off, so the bench does it."""
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    def progress(self, what: str) -> None:
        self.stdout.write(f"  [{time.monotonic() - self.started:6.1f}s] {what}")
        self.stdout.flush()

    def words(self, count: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(count))

    def copy(self, table: str, columns: list[str], rows) -> None:
        sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)

    def users(self) -> None:
        User = get_user_model()
        password = make_password(PASSWORD)
        now = timezone.now()
        staff = [("moderator", True), ("reader", False)] + [(f"critic{i}", True) for i in range(10)]
        names = [name for name, _ in staff] + [f"reader{i}" for i in range(READERS)]
        self.copy(
            "auth_user",
            ["username", "password", "email", "is_staff", "is_active", "is_superuser",
             "first_name", "last_name", "date_joined"],
            (
                (name, password, f"{name}@bench.invalid", name.startswith(("moderator", "critic")),
                 True, False, "", "", now - timedelta(days=400))
                for name in names
            ),
        )  # fmt: skip
        ids = dict(User.objects.filter(username__in=names).values_list("username", "pk"))
        Profile.objects.bulk_create(
            Profile(user_id=ids[name], display_name=name.title(), notify_replies=False)
            for name in names
        )
        User.objects.get(pk=ids["moderator"]).groups.add(Group.objects.get(name=MODERATORS))
        editors = Group.objects.get(name=EDITORS)
        for i in range(10):
            User.objects.get(pk=ids[f"critic{i}"]).groups.add(editors)
        self.critics = [ids[f"critic{i}"] for i in range(10)]
        self.readers = [ids["reader"]] + [ids[f"reader{i}"] for i in range(READERS)]
        self.progress(f"{len(names)} users")

    def catalogue(self) -> None:
        genres = [Genre.objects.get_or_create(slug=s, defaults={"name": s.title()})[0] for s in
                  ("animation", "drama", "science-fiction", "romance", "family")]  # fmt: skip
        # Model-made rows (bulk_create) where there are few, so new fields get their defaults.
        Person.objects.bulk_create(
            Person(name=f"Person {i}", slug=f"person-{i}") for i in range(PEOPLE)
        )
        person_ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
        films = [("Lost in Starlight", "lost-in-starlight")] + [
            (f"Film {i} {self.words(2).title()}", f"film-{i}") for i in range(FILMS - 1)
        ]
        Film.objects.bulk_create(
            Film(
                title=title,
                slug=slug,
                release_date=date(2000, 1, 1) + timedelta(days=37 * i),
                running_time=95,
                tagline=self.words(6),
                synopsis=self.words(60),
                countries=["South Korea"],
                languages=["Korean"],
            )
            for i, (title, slug) in enumerate(films)
        )
        self.film_ids = list(Film.objects.order_by("pk").values_list("pk", flat=True))
        roles = ["director", "writer", "music", "producer", "studio"]
        credits = []
        for index, film_id in enumerate(self.film_ids):
            for order in range(10):
                person = person_ids[(index * 10 + order) % len(person_ids)]
                role = "voice" if order >= 5 else roles[order]
                character = f"Character {order}" if role == "voice" else ""
                credits.append((film_id, person, role, character, order))
        Credit.objects.bulk_create(
            Credit(film_id=f, person_id=p, role=r, character_name=c, order=o)
            for f, p, r, c, o in credits
        )
        through = Film.genres.through
        self.copy(
            through._meta.db_table,
            ["film_id", "genre_id"],
            ((film_id, genres[i % len(genres)].pk) for i, film_id in enumerate(self.film_ids)),
        )
        self.progress(
            f"{len(self.film_ids)} films, {len(person_ids)} people, {len(credits)} credits"
        )

    def reviews(self) -> None:
        body = "\n\n".join(f"## Part {n}\n\n{self.words(120)}" for n in range(1, 5))
        body_html = render_article(body)
        now = timezone.now()
        Review.objects.bulk_create(
            (
                Review(
                    film_id=self.film_ids[i % len(self.film_ids)],
                    headline=f"Review {i}: {self.words(4)}",
                    slug=BIG_REVIEW_SLUG if i == 0 else f"bench-review-{i}",
                    standfirst=self.words(18),
                    body=body,
                    body_html=body_html,  # what save() would derive; bulk_create skips save()
                    reading_time=3,
                    author_id=self.critics[i % 10],
                    rating=1 + i % 10,
                    status=Review.Status.PUBLISHED,
                    publish_at=now - timedelta(hours=i + 1),
                )
                for i in range(REVIEWS)
            ),
            batch_size=1000,
        )
        self.review_ids = list(Review.objects.order_by("pk").values_list("pk", flat=True))
        self.big = Review.objects.get(slug=BIG_REVIEW_SLUG).pk
        self.progress(f"{REVIEWS} reviews")

    def comments(self) -> None:
        columns = ["review_id", "author_id", "depth", "body", "body_html", "status",
                   "held_reason", "like_count", "created_at"]  # fmt: skip
        start = timezone.now() - timedelta(days=30)
        bodies = [self.words(25) for _ in range(200)]
        htmls = [render_comment(b) for b in bodies]

        def rows():
            # The big review: 2,000 approved, then 1,000 held for the moderation queue.
            for n in range(BIG_APPROVED + BIG_HELD):
                status = "approved" if n < BIG_APPROVED else "pending"
                k = n % len(bodies)
                yield (self.big, self.readers[n % len(self.readers)], 1, f"{bodies[k]} #{n}",
                       htmls[k], status, "" if status == "approved" else "First comment",
                       n % 7, start + timedelta(seconds=n))  # fmt: skip
            others = self.review_ids[1:]
            for n in range(COMMENTS - BIG_APPROVED - BIG_HELD):
                k = n % len(bodies)
                yield (others[n % len(others)], self.readers[(n * 7) % len(self.readers)], 1,
                       f"{bodies[k]} ~{n}", htmls[k], "approved", "", n % 5,
                       start + timedelta(seconds=n))  # fmt: skip
                if n and n % 50_000 == 0:
                    self.progress(f"{n:,} comments")

        self.copy("reviews_comment", columns, rows())
        # A reply under every fifth top-level comment of the big review, for real threads.
        with connection.cursor() as cursor:
            cursor.execute(
                """
                UPDATE reviews_comment AS c
                   SET depth = 2, parent_id = p.id, root_id = p.id, in_reply_to_id = p.id
                  FROM reviews_comment AS p
                 WHERE c.review_id = %s AND p.review_id = %s AND c.status = 'approved'
                   AND p.status = 'approved' AND c.id = p.id + 1 AND p.id %% 5 = 0
                   AND p.depth = 1
                """,
                [self.big, self.big],
            )
        total = Comment.objects.count()
        self.progress(f"{total:,} comments")

    def decisions(self) -> None:
        """The public moderation log's material: approvals spread over its 12 weeks, and
        comments taken down (off the big review, whose pages the other endpoints measure),
        each leaving a tombstone, one category after another."""
        moderator = get_user_model().objects.get(username="moderator").pk
        big = Review.objects.get(slug=BIG_REVIEW_SLUG).pk
        columns = """(comment_id, moderator_id, moderator_deleted, action, from_status,
                      to_status, reason, note, category, created_at)"""
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO reviews_moderationdecision {columns}
                SELECT id, %(moderator)s, false, 'approve', 'pending', 'approved', '', '', '',
                       now() - (id %% 84) * interval '1 day' - (id %% 1440) * interval '1 minute'
                  FROM reviews_comment WHERE review_id <> %(big)s ORDER BY id LIMIT %(approved)s
                """,
                {"moderator": moderator, "big": big, "approved": BENCH_APPROVALS},
            )
            cursor.execute(
                """
                UPDATE reviews_comment AS c
                   SET status = 'removed',
                       removal_category = (ARRAY['spoilers', 'harassment', 'spam', 'off_topic',
                                                 'other'])[1 + c.id %% 5],
                       removed_at = now() - (c.id %% 60) * interval '1 day'
                  FROM (SELECT id FROM reviews_comment
                         WHERE review_id <> %(big)s AND status = 'approved' AND depth = 1
                         ORDER BY id DESC LIMIT %(removed)s) AS picked
                 WHERE c.id = picked.id
                """,
                {"big": big, "removed": BENCH_REMOVALS},
            )
            cursor.execute(
                f"""
                INSERT INTO reviews_moderationdecision {columns}
                SELECT id, %(moderator)s, false, 'remove', 'approved', 'removed', '', '',
                       removal_category, removed_at
                  FROM reviews_comment WHERE removed_at IS NOT NULL
                """,
                {"moderator": moderator},
            )
        self.progress(f"{ModerationDecision.objects.count():,} moderation decisions")

    def readers_activity(self) -> None:
        """Ratings with a believable spread and reader reviews on the big film, a diary for
        "reader" (who rated the film too), and every film's counts of readers' scores."""
        User = get_user_model()
        film = Film.objects.get(slug="lost-in-starlight")
        raters = list(
            User.objects.filter(username__startswith="reader")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        extra = RATINGS - len(raters)
        self.copy(
            "auth_user",
            ["username", "password", "email", "is_staff", "is_active", "is_superuser",
             "first_name", "last_name", "date_joined"],
            ((f"rater{i}", "!", "", False, True, False, "", "", timezone.now()) for i in range(extra)),
        )  # fmt: skip
        raters += list(
            User.objects.filter(username__startswith="rater")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        spread = [1, 1, 2, 3, 5, 8, 14, 22, 26, 18]  # weights of scores 1 to 10
        scores = self.rng.choices(range(1, 11), weights=spread, k=RATINGS)
        now = timezone.now()
        self.copy(
            Rating._meta.db_table,
            ["reader_id", "film_id", "score", "rated_at"],
            ((reader, film.pk, score, now) for reader, score in zip(raters, scores, strict=True)),
        )
        reviewed = raters[1 : READER_REVIEWS + 1]
        body = f"{self.words(40)}\n\n{self.words(30)}"
        columns = ["reader_id", "film_id", "watched_on", "rewatch", "score", "tags", "review",
                   "review_html", "contains_spoilers", "review_status", "held_reason",
                   "moderation_reason", "like_count", "created_at"]  # fmt: skip

        def entry(reader, film_id, day, score, review=""):
            return (reader, film_id, date(2025, 6, 1) + timedelta(days=day), day % 7 == 0, score,
                    "{netflix}", review, render_comment(review) if review else "", day % 9 == 0,
                    "approved", "", "", day % 13, now - timedelta(minutes=day))  # fmt: skip

        films = list(Film.objects.order_by("pk").values_list("pk", flat=True))
        self.copy(
            DiaryEntry._meta.db_table,
            columns,
            [
                *(entry(r, film.pk, i % 500, scores[i + 1], body) for i, r in enumerate(reviewed)),
                *(entry(raters[0], films[i % len(films)], i * 3, 1 + i % 10) for i in range(DIARY)),
            ],
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"""UPDATE {Film._meta.db_table} AS film SET reader_score_counts = ARRAY(
                    SELECT count(rating.id) FROM generate_series(1, 10) AS wanted(score)
                    LEFT JOIN {Rating._meta.db_table} AS rating
                      ON rating.film_id = film.id AND rating.score = wanted.score
                    GROUP BY wanted.score ORDER BY wanted.score)"""
            )
        self.progress(f"{RATINGS} ratings, {READER_REVIEWS} reader reviews, a {DIARY}-entry diary")
