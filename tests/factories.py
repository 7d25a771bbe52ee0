"""Factories for test data; each makes a valid row with the fewest fields set."""

from datetime import date, timedelta

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.utils import timezone

from films.models import Credit, Film, Genre, Person, Premiere, WatchOption
from reviews.discussion.models import Comment, CommentReport
from reviews.groups import EDITORS, MODERATORS
from reviews.models import Review
from reviews.moderation.models import ModerationDecision, Sanction
from reviews.readers.models import Profile


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")
    profile = factory.RelatedFactory("tests.factories.ProfileFactory", factory_related_name="user")

    @factory.post_generation
    def confirmed_email(self, create, extracted, **kwargs):
        """Factory users have confirmed their address, so they can sign in (allauth)."""
        if create and self.email:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


def in_group(name: str) -> factory.PostGeneration:
    """A step after a user is made: it joins the group called `name`."""

    def join(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=name))

    return factory.PostGeneration(join)


class EditorFactory(UserFactory):
    is_staff = True
    groups = in_group(EDITORS)


class ModeratorFactory(UserFactory):
    is_staff = True
    groups = in_group(MODERATORS)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ["user"]

    user = factory.SubFactory(UserFactory, profile=None)
    display_name = factory.LazyAttribute(lambda profile: profile.user.username.title())
    bio = "Writes about animation."


class GenreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Genre
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Genre {n}")
    slug = factory.Sequence(lambda n: f"genre-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")


class FilmFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Film

    title = factory.Sequence(lambda n: f"Film {n}")
    slug = factory.Sequence(lambda n: f"film-{n}")
    release_date = factory.Sequence(lambda n: date(2000, 1, 1) + timedelta(days=40 * n))
    running_time = 100
    synopsis = "Two people, one night sky."

    class Params:
        # The catalogue's running example, with its Korean original title.
        lost_in_starlight = factory.Trait(
            title="Lost in Starlight",
            original_title="이 별에 필요한",
            original_language="ko",
            slug="lost-in-starlight",
        )


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    film = factory.SubFactory(FilmFactory)
    person = factory.SubFactory(PersonFactory)
    role = Credit.Role.DIRECTOR


class WatchOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchOption

    film = factory.SubFactory(FilmFactory)
    provider = "Netflix"
    url = "https://www.netflix.com/"


class ReviewFactory(factory.django.DjangoModelFactory):
    """A published review, live since yesterday."""

    class Meta:
        model = Review

    film = factory.SubFactory(FilmFactory)
    headline = factory.Sequence(lambda n: f"Review headline {n}")
    slug = factory.Sequence(lambda n: f"review-{n}")
    standfirst = "A short verdict."
    body = "## A heading\n\nSome *emphasis* and a [link](/films/)."
    author = factory.SubFactory(EditorFactory)
    rating = 8
    status = Review.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    class Params:
        draft = factory.Trait(status=Review.Status.DRAFT, publish_at=None)
        scheduled = factory.Trait(
            publish_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
        )


class CommentFactory(factory.django.DjangoModelFactory):
    """An approved top-level comment; pass `parent=` for a reply (depth and root follow), and
    `entry=` for one under a reader review."""

    class Meta:
        model = Comment

    entry = factory.Maybe(
        "parent", yes_declaration=factory.SelfAttribute("parent.entry"), no_declaration=None
    )
    review = factory.Maybe(
        "parent",
        yes_declaration=factory.SelfAttribute("parent.review"),
        no_declaration=factory.Maybe(
            "entry", yes_declaration=None, no_declaration=factory.SubFactory(ReviewFactory)
        ),
    )
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment number {n} about the stars.")
    status = Comment.Status.APPROVED
    parent = None
    depth = factory.LazyAttribute(lambda c: c.parent.depth + 1 if c.parent else 1)
    root = factory.LazyAttribute(lambda c: (c.parent.root or c.parent) if c.parent else None)
    in_reply_to = factory.LazyAttribute(lambda c: c.parent)


class SanctionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sanction

    user = factory.SubFactory(UserFactory)
    kind = Sanction.Kind.MUTE
    reason = "Personal attacks on other readers."


class CommentReportFactory(factory.django.DjangoModelFactory):
    """An open report on an approved comment."""

    class Meta:
        model = "reviews.CommentReport"

    comment = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = CommentReport.Reason.SPAM


class BlockedTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.BlockedTerm"
        django_get_or_create = ["phrase"]

    phrase = factory.Sequence(lambda n: f"blocked{n}")


class ModerationDecisionFactory(factory.django.DjangoModelFactory):
    """A moderator's approval of a held comment; the comment is left as the decision left it."""

    class Meta:
        model = "reviews.ModerationDecision"

    comment = factory.SubFactory(CommentFactory, status=factory.SelfAttribute("..to_status"))
    moderator = factory.SubFactory(ModeratorFactory)
    action = ModerationDecision.Action.APPROVE
    from_status = Comment.Status.PENDING
    to_status = Comment.Status.APPROVED


def make_reviews(count: int, film=None) -> list:
    """Reviews by different authors of films with several credits each."""
    reviews = []
    for _ in range(count):
        target = film or FilmFactory()
        if film is None:
            CreditFactory.create_batch(2, film=target)
            CreditFactory(film=target, role=Credit.Role.VOICE, character_name="Jay")
        reviews.append(ReviewFactory(film=target))
    return reviews


def review_admin_data(review, **changes) -> dict:
    """What the review's change form in the admin posts as it stands, with `changes`."""
    published = timezone.localtime(review.publish_at) if review.publish_at else None
    return {
        "film": review.film_id,
        "headline": review.headline,
        "slug": review.slug,
        "standfirst": review.standfirst,
        "body": review.body,
        "rating": review.rating,
        "author": review.author_id,
        "status": review.status,
        "language": review.language,
        "translation_of": review.translation_of_id or "",
        "publish_at_0": published.strftime("%Y-%m-%d") if published else "",
        "publish_at_1": published.strftime("%H:%M:%S") if published else "",
        **changes,
    }


def with_production_password(user, password: str):
    """Hash the password as a real server does: servers started by a test do not know the
    tests' fast hasher."""
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(password, hasher.salt())
    user.save(update_fields=["password"])
    return user


class DiaryEntryFactory(factory.django.DjangoModelFactory):
    """A watch logged in a public diary, with an approved reader review and a rating."""

    class Meta:
        model = "reviews.DiaryEntry"

    reader = factory.SubFactory(UserFactory)
    film = factory.SubFactory(FilmFactory)
    score = 8
    review = factory.Sequence(lambda n: f"Reader review number {n}: the stars were lovely.")
    review_status = "approved"


class SceneFactory(factory.django.DjangoModelFactory):
    """A scene of a film (100 minutes long by default), a minute apart from the one before."""

    class Meta:
        model = "films.Scene"

    film = factory.SubFactory(FilmFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda scene: f"Scene {scene.number}")
    slug = factory.LazyAttribute(lambda scene: f"scene-{scene.number}")
    start = factory.LazyAttribute(lambda scene: (scene.number - 1) * 600)


class PremiereFactory(factory.django.DjangoModelFactory):
    """A premiere on now: it began 42 minutes ago (not at a gate bucket's edge, where the
    gate's key would change within the test) and ends in an hour."""

    class Meta:
        model = Premiere

    film = factory.SubFactory(FilmFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=42))
    ends_at = factory.LazyAttribute(lambda premiere: premiere.starts_at + timedelta(minutes=100))
    slow_mode_seconds = 30
    hold_accounts_younger_than = timedelta(days=1)
