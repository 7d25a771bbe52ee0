"""Load the demo catalogue, reviews, sign-ins and readers' activity. Running it again changes
nothing."""

from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from films import services as films
from films import timecodes
from films.models import Credit, Film, Genre, Person, Scene, WatchOption
from reviews import demo, stamps
from reviews import services as reviews
from reviews.appeals import services as appeals
from reviews.demo.premiere import seed_premiere
from reviews.diary.models import DiaryEntry, Rating
from reviews.discussion.models import Comment, CommentReport
from reviews.groups import EDITORS, MODERATORS, sync_groups
from reviews.management.readers_activity import seed_readers_activity
from reviews.models import Review
from reviews.moderation import services as moderation
from reviews.moderation.models import ModerationDecision
from reviews.moderation.record import decision_record
from reviews.notes.models import ReviewParagraph
from reviews.readers.models import Profile

# Development passwords only; the command refuses to run unless DEBUG is on.
SIGN_INS = [
    # username, password, role, groups, superuser
    ("admin", "starlight-admin", "Admin (superuser)", [], True),
    ("editor", "starlight-editor", "Editor", [EDITORS], False),
    ("moderator", "starlight-moderator", "Moderator", [MODERATORS], False),
    ("reader", "starlight-reader", "Reader", [], False),
]
EXTRA_EDITOR_PASSWORD = "starlight-editor"
EXTRA_READER_PASSWORD = "starlight-reader"


class Command(BaseCommand):
    help = "Load the demo films, people, reviews, sign-ins and readers' activity (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-sign-ins", action="store_true", help="Only print the demo sign-ins."
        )

    def handle(self, *args, print_sign_ins: bool = False, **options):
        if print_sign_ins:
            self.print_sign_ins()
            return
        if not settings.DEBUG:
            raise CommandError("Refusing to seed demo accounts with known passwords: DEBUG is off.")
        with transaction.atomic():
            sync_groups()
            self.seed_users()
            self.seed_catalogue()
            self.seed_reviews()
            self.seed_comments()
            self.seed_notes()
            self.seed_scenes()
            seed_readers_activity(demo.ACTIVITY, password=EXTRA_READER_PASSWORD)
            seed_premiere()
        self.stdout.write(
            f"Demo data ready: {Film.objects.count()} films, {Person.objects.count()} people, "
            f"{Review.objects.count()} reviews, {Comment.objects.count()} comments, "
            f"{Rating.objects.count()} readers' ratings, {DiaryEntry.objects.count()} diary "
            "entries."
        )

    def print_sign_ins(self) -> None:
        self.stdout.write("  Demo sign-ins (development passwords only):")
        for username, password, role, _groups, _superuser in SIGN_INS:
            self.stdout.write(f"    {role:<18} {username:<10} {password}")

    def seed_users(self) -> None:
        User = get_user_model()
        bylines = {author["username"]: author for author in demo.AUTHORS}
        accounts = [(u, p, g, s) for u, p, _role, g, s in SIGN_INS]
        accounts += [
            (author["username"], EXTRA_EDITOR_PASSWORD, [EDITORS], False)
            for author in demo.AUTHORS
            if author["username"] not in {a[0] for a in accounts}
        ]
        accounts += [(r["username"], EXTRA_READER_PASSWORD, [], False) for r in demo.READERS]
        accounts += [("nightdesk", EXTRA_EDITOR_PASSWORD, [MODERATORS], False)]
        bylines.update({reader["username"]: reader for reader in demo.READERS})
        for username, password, groups, superuser in accounts:
            author = bylines.get(username, {})
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": author.get("email", f"{username}@example.com"),
                    "is_staff": superuser or EDITORS in groups or MODERATORS in groups,
                    "is_superuser": superuser,
                },
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
                user.groups.set(Group.objects.filter(name__in=groups))
            # Demo addresses count as confirmed, so the sign-ins work at once.
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
            Profile.objects.get_or_create(
                user=user,
                defaults={
                    "display_name": author.get("display_name", username.title()),
                    "bio": author.get("bio", ""),
                },
            )

    def seed_catalogue(self) -> None:
        genres = {
            g["slug"]: upsert(
                Genre,
                {"slug": g["slug"]},
                {"name_en": g["name"], "name_ko": g["name_ko"]},
                save=lambda genre: films.genre_save(genre=genre),
            )
            for g in demo.GENRES
        }
        people = {
            p["slug"]: upsert(
                Person,
                {"slug": p["slug"]},
                {
                    "name_en": p["name"],
                    "name_ko": p["name_ko"],
                    "bio_en": p["bio"],
                    "bio_ko": p["bio_ko"],
                    **{key: p[key] for key in ("original_name", "original_name_language")},
                },
                save=lambda person: films.person_save(person=person),
            )
            for p in demo.PEOPLE
        }
        for data in demo.FILMS:
            film = upsert(
                Film,
                {"slug": data["slug"]},
                {
                    # English and Korean; a Korean title not yet known stays empty.
                    **{
                        f"{field}_{code}": data.get(f"{field}_ko") if code == "ko" else data[field]
                        for field in ("title", "tagline", "synopsis")
                        for code in ("en", "ko")
                    },
                    **{
                        key: data[key]
                        for key in (
                            "original_title",
                            "original_language",
                            "release_date",
                            "release_date_precision",
                            "running_time",
                            "countries",
                            "languages",
                        )
                    },
                },
                save=lambda film: films.film_save(film=film),
            )
            if set(film.genres.values_list("slug", flat=True)) != set(data["genres"]):
                films.film_genres_set(film=film, genres=[genres[slug] for slug in data["genres"]])
            for credit in data["credits"]:
                upsert(
                    Credit,
                    {
                        "film": film,
                        "person": people[credit["person"]],
                        "role": credit["role"],
                        "character_name": credit["character"],
                    },
                    {"order": credit["order"]},
                    save=lambda credit: films.credit_save(credit=credit),
                )
            for option in data["watch"]:
                upsert(
                    WatchOption,
                    {"film": film, "provider": option["provider"], "region": option["region"]},
                    {
                        "url": option["url"],
                        "available_from": option["available_from"],
                        "note_en": option.get("note_en", ""),
                        "note_ko": option.get("note_ko", ""),
                    },
                    save=lambda option: films.watch_option_save(option=option),
                )

    def seed_reviews(self) -> None:
        User = get_user_model()
        films = {film.slug: film for film in Film.objects.all()}
        authors = {user.username: user for user in User.objects.filter(groups__name=EDITORS)}
        for data in demo.REVIEWS:
            if data["published_on"]:
                publish_at = timezone.make_aware(datetime.combine(data["published_on"], time(9)))
            elif data["scheduled_in_days"]:
                publish_at = timezone.now() + timedelta(days=data["scheduled_in_days"])
            else:
                publish_at = None
            upsert(
                Review,
                {"slug": data["slug"]},
                {
                    "film": films[data["film"]],
                    "headline": data["headline"],
                    "standfirst": data["standfirst"],
                    "body": data["body"],
                    "author": authors[data["author"]],
                    "rating": data["rating"],
                    "contains_spoilers": data["contains_spoilers"],
                    "status": data["status"],
                    "language": data.get("language", Review.Language.EN),
                    "translation_of": (
                        Review.objects.get(slug=data["translation_of"])
                        if data.get("translation_of")
                        else None
                    ),
                },
                # A scheduled time is set once, so a second run does not move it.
                create_only={"publish_at": publish_at},
                save=lambda review: reviews.review_save(review=review),
            )

    def seed_comments(self) -> None:
        """A small discussion; comments are only ever added, matched on review, author and text."""
        User = get_user_model()
        by_key: dict[str, Comment] = {}
        for data in demo.COMMENTS:
            review = Review.objects.get(slug=data["review"])
            author = User.objects.get(username=data["author"])
            comment = Comment.objects.filter(
                review=review, author=author, body=data["body"]
            ).first()
            if comment is None:
                parent = by_key.get(data.get("reply_to", ""))
                comment = Comment(
                    review=review,
                    author=author,
                    body=data["body"],
                    status=Comment.Status.APPROVED,
                    in_reply_to=parent,
                    parent=parent,
                    root=(parent.root or parent) if parent else None,
                    depth=parent.depth + 1 if parent else 1,
                    timecode=data.get("timecode"),
                    contains_spoilers=data.get("contains_spoilers", False),
                )
                comment.save()
                stamps.comment_changed(comment)
            by_key[data["key"]] = comment
        self.seed_moderation(by_key)

    def seed_notes(self) -> None:
        """Readers' notes on review paragraphs, added once (matched like comments)."""
        User = get_user_model()
        for data in demo.NOTES:
            review = Review.objects.get(slug=data["review"])
            author = User.objects.get(username=data["author"])
            if Comment.objects.filter(review=review, author=author, body=data["body"]).exists():
                continue
            paragraph = ReviewParagraph.objects.get(
                review=review, current=True, text__startswith=data["paragraph"]
            )
            comment = Comment(
                review=review,
                author=author,
                body=data["body"],
                status=Comment.Status.APPROVED,
                paragraph=paragraph,
                quoted_text=paragraph.text,
                quoted_hash=paragraph.text_hash,
            )
            comment.save()
            stamps.comment_changed(comment)

    def seed_scenes(self) -> None:
        """The film's scenes (through the catalogue's service) and a few comments in and
        about them, added once."""
        film = Film.objects.get(slug=demo.SCENES_FILM)
        scenes = {
            number: upsert(
                Scene,
                {"film": film, "number": number},
                {"title_en": title, "title_ko": title_ko, "slug": slug,
                 "start": timecodes.parse(start, running_time=film.running_time)},
                save=lambda scene: films.scene_save(scene=scene),
            )
            for number, title, title_ko, slug, start in demo.SCENES
        }  # fmt: skip
        User = get_user_model()
        for data in demo.SCENE_COMMENTS:
            author = User.objects.get(username=data["author"])
            if Comment.objects.filter(author=author, body=data["body"]).exists():
                continue
            where = (
                {"scene": scenes[data["scene"]]}
                if "scene" in data
                else {"review": Review.objects.get(slug=data["review"])}
            )
            timecode = data.get("timecode")
            comment = Comment(
                **where,
                author=author,
                body=data["body"],
                status=Comment.Status.APPROVED,
                timecode=timecodes.parse(timecode) if timecode else None,
            )
            comment.save()
            stamps.comment_changed(comment)

    def seed_moderation(self, by_key: dict[str, Comment]) -> None:
        """Past decisions, a held comment and an open report, created once."""
        User = get_user_model()
        moderator = User.objects.get(username="moderator")
        now = timezone.now()
        for data in demo.MODERATED_COMMENTS:
            review = Review.objects.get(slug=data["review"])
            author = User.objects.get(username=data["author"])
            if Comment.objects.filter(review=review, author=author, body=data["body"]).exists():
                continue
            submitted = now - timedelta(days=data["days_ago"], hours=2)
            comment = Comment(
                review=review,
                author=author,
                body=data["body"],
                status=Comment.Status.PENDING,
                held_reason=data.get("held_reason", "New account: first comment is reviewed"),
                created_at=submitted,
            )
            comment.save()
            if decision := data.get("decision"):
                action, minutes = decision
                to_status = {"approve": Comment.Status.APPROVED, "spam": Comment.Status.SPAM}[
                    action
                ]
                Comment.objects.filter(pk=comment.pk).update(status=to_status)
                decision_record(
                    comment=comment,
                    moderator=moderator,
                    action=action,
                    from_status=Comment.Status.PENDING,
                    to_status=to_status,
                    created_at=submitted + timedelta(minutes=minutes),
                )
            stamps.comment_changed(comment, waiting=True, history=True)
        for data in demo.REPORTS:
            _report, created = CommentReport.objects.get_or_create(
                comment=by_key[data["comment"]],
                reporter=User.objects.get(username=data["reporter"]),
                defaults={"reason": data["reason"], "note": data["note"]},
            )
            if created:
                stamps.reports_changed()
        for data in demo.REMOVALS:
            comment = by_key[data["comment"]]
            if comment.decisions.exists():
                continue
            removed = moderation.comment_decide(
                comment=comment,
                moderator=User.objects.get(username=data["moderator"]),
                action=ModerationDecision.Action.REMOVE,
                category=data["category"],
                reason=data["reason"],
            )
            appeals.appeal_file(author=comment.author, item=removed, text=data["appeal"])


def upsert(model, lookup: dict, values: dict, *, save, create_only: dict | None = None):
    """Create the row, or update only the fields that differ, so a re-run writes nothing.
    Writes go through `save`, the model's service, which marks stale the pages showing it."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values, **(create_only or {}))
    elif all(getattr(obj, field) == value for field, value in values.items()):
        return obj
    for field, value in values.items():
        setattr(obj, field, value)
    save(obj)
    return obj
