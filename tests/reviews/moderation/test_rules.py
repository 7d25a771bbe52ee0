"""The hold rules: which new comments wait for a moderator, and which rule says why."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reviews.discussion.models import Comment
from reviews.discussion.services import comment_create, comment_edit
from reviews.discussion.texts import fingerprint
from reviews.moderation import rules
from reviews.moderation.models import ModerationDecision, Sanction
from reviews.moderation.services import comment_decide
from tests.factories import (
    BlockedTermFactory,
    CommentFactory,
    ModeratorFactory,
    ReviewFactory,
    SanctionFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def post(review, author, body: str) -> Comment:
    return comment_create(review=review, author=author, body=body)


# --- New accounts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("needed", "reason"),
    [
        (1, "New account: first comment is reviewed"),
        (2, "New account: first 2 comments are reviewed"),
    ],
)
def test_first_comments_of_a_new_account_are_held_until_enough_are_approved(
    settings, review, needed, reason
):
    settings.MODERATION_NEW_ACCOUNT_HELD = needed
    reader, moderator = UserFactory(), ModeratorFactory()

    for number in range(needed):
        held = post(review, reader, f"My comment number {number}")
        assert held.status == Comment.Status.PENDING
        assert held.held_reason == reason
        comment_decide(comment=held, moderator=moderator, action=ModerationDecision.Action.APPROVE)

    after = post(review, reader, "Now I am a regular")

    assert after.status == Comment.Status.APPROVED
    assert after.held_reason == ""


def test_a_new_account_stays_held_while_fewer_than_n_comments_are_approved(settings, review):
    settings.MODERATION_NEW_ACCOUNT_HELD = 2
    reader = UserFactory()
    CommentFactory(author=reader, review=review, status=Comment.Status.APPROVED)
    CommentFactory(author=reader, review=review, status=Comment.Status.REJECTED)

    comment = post(review, reader, "Still new here")

    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason.startswith("New account")


def test_the_new_account_rule_is_off_at_zero(settings, review):
    settings.MODERATION_NEW_ACCOUNT_HELD = 0

    assert post(review, UserFactory(), "First words").status == Comment.Status.APPROVED


# --- Links --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "links", "held", "reason"),
    [
        (2, 2, False, ""),
        (2, 3, True, "More than 2 links"),
        (1, 1, False, ""),
        (1, 2, True, "More than 1 link"),
        (0, 1, True, "More than 0 links"),
    ],
)
def test_more_than_the_allowed_number_of_links_holds_the_comment(
    settings, review, limit, links, held, reason
):
    settings.MODERATION_MAX_LINKS = limit
    body = " and ".join(f"see https://example.com/{n}" for n in range(links))

    comment = post(review, UserFactory(), body)

    assert comment.status == (Comment.Status.PENDING if held else Comment.Status.APPROVED)
    assert comment.held_reason == reason


def test_bare_www_addresses_count_as_links(settings, review):
    settings.MODERATION_MAX_LINKS = 1

    comment = post(review, UserFactory(), "Try www.example.com or WWW.example.org")

    assert comment.held_reason == "More than 1 link"


# --- Blocklist ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "body", "held"),
    [
        ("바보", "너 바보 같아", True),
        ("바보", "바보!", True),
        ("BAD word", "What a bad WORD to use", True),
        ("bad word", "what a bad\n   word", True),
        ("Straße", "I live on the STRASSE", True),
        ("bad", "so \uff42\uff41\uff44", True),  # full-width "bad" composes to "bad" (NFKC)
        ("café", "Meet at the CAFÉ.", True),
        ("spoiler", "Spoiler: he dies", True),
        # Inside a longer word a phrase does not count.
        ("바보", "바보야 뭐해", False),  # a longer Korean word that merely starts with it
        ("바보", "왕바보", False),
        ("class", "a classic film", False),
        ("ass", "the class assembled", False),
        ("bad word", "a bad wordsmith", False),
        ("bad word", "bad, word", False),
    ],
)
def test_a_blocklisted_word_or_phrase_holds_the_comment_unless_inside_a_longer_word(
    review, phrase, body, held
):
    BlockedTermFactory(phrase=phrase)

    comment = post(review, UserFactory(), body)

    if held:
        assert comment.status == Comment.Status.PENDING
        assert comment.held_reason == f"Blocklisted phrase: “{phrase}”"
    else:
        assert comment.status == Comment.Status.APPROVED
        assert comment.held_reason == ""


# --- Repeated text ------------------------------------------------------------------------


ACROSS_THREADS = "Same text posted in another thread"
IN_THREAD = "Same text posted earlier in this thread"


def earlier(settings):
    """Long enough ago to pass the duplicate refusal, within the repeat window."""
    return timezone.now() - timedelta(minutes=settings.COMMENT_DUPLICATE_MINUTES + 5)


def reply(parent: Comment, author, body: str) -> Comment:
    return comment_create(review=parent.review, author=author, body=body, parent=parent)


def post_again(review, author, body: str, *, as_reply: bool) -> Comment:
    """`body` on `review`: a new thread, or a reply in a thread someone else began."""
    if as_reply:
        return reply(CommentFactory(review=review), author, body)
    return post(review, author, body)


@pytest.mark.parametrize("as_reply", [False, True], ids=["new-thread", "reply"])
def test_the_same_text_in_another_thread_of_the_same_review_is_held(settings, review, as_reply):
    reader = UserFactory()
    CommentFactory(
        review=review, author=reader, body="Buy cheap tickets now", created_at=earlier(settings)
    )

    comment = post_again(review, reader, "buy  cheap TICKETS now", as_reply=as_reply)

    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == ACROSS_THREADS


@pytest.mark.parametrize("earlier_as_reply", [False, True], ids=["was-top-level", "was-reply"])
@pytest.mark.parametrize("as_reply", [False, True], ids=["new-thread", "reply"])
def test_the_same_text_on_another_review_is_held(settings, review, earlier_as_reply, as_reply):
    reader = UserFactory()
    elsewhere = CommentFactory(
        parent=CommentFactory() if earlier_as_reply else None,
        author=reader,
        body="Buy cheap tickets now",
        created_at=earlier(settings),
    )
    assert elsewhere.review != review

    comment = post_again(review, reader, "Buy cheap tickets NOW", as_reply=as_reply)

    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == ACROSS_THREADS


@pytest.mark.parametrize("earlier_in", ["top-level comment", "reply", "reply at the deepest level"])
def test_the_same_text_earlier_in_the_same_thread_is_held_as_a_repeat_in_the_thread(
    settings, review, earlier_in
):
    reader = UserFactory()

    def by_reader_if(position: str) -> dict:
        return {"author": reader, "body": "I said it before"} if position == earlier_in else {}

    top = CommentFactory(
        review=review, created_at=earlier(settings), **by_reader_if("top-level comment")
    )
    second = CommentFactory(parent=top, created_at=earlier(settings), **by_reader_if("reply"))
    deepest = CommentFactory(
        parent=second, created_at=earlier(settings), **by_reader_if("reply at the deepest level")
    )
    assert deepest.depth == Comment.MAX_DEPTH

    # A reply to the deepest comment joins the same thread, beside it.
    comment = reply(deepest, reader, "I SAID it before")

    assert comment.root_id == top.pk
    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == IN_THREAD


def test_a_repeat_in_the_thread_and_in_another_is_named_as_across_threads(settings, review):
    reader = UserFactory()
    top = CommentFactory(
        review=review, author=reader, body="Lovely film", created_at=earlier(settings)
    )
    CommentFactory(author=reader, body="Lovely film", created_at=earlier(settings))

    comment = reply(top, reader, "Lovely film")

    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == ACROSS_THREADS


def test_the_same_text_within_minutes_is_refused_as_a_duplicate_not_held(review):
    reader = UserFactory()
    CommentFactory(author=reader, body="Buy cheap tickets now")

    with pytest.raises(ValidationError) as caught:
        post(ReviewFactory(), reader, "Buy cheap tickets now")

    assert caught.value.code == "duplicate"
    assert Comment.objects.filter(author=reader).count() == 1


@pytest.mark.parametrize(
    "variant",
    [
        "Buy cheap tickets now",
        "BUY CHEAP TICKETS NOW",
        "  buy\tcheap\n\ntickets   now ",
        "\uff42uy cheap tickets now",  # a full-width "b" composes to "b" (NFKC)
    ],
)
def test_texts_a_reader_would_call_the_same_share_a_fingerprint(variant):
    assert fingerprint(variant) == fingerprint("buy cheap tickets now")


@pytest.mark.parametrize(
    "other",
    ["buy cheap tickets now!", "buy cheap tickets", "buycheap tickets now", "sell cheap tickets"],
)
def test_different_texts_have_different_fingerprints(other):
    assert fingerprint(other) != fingerprint("buy cheap tickets now")


def test_casefolding_makes_sharp_s_and_ss_the_same_text():
    assert fingerprint("Die Straße") == fingerprint("DIE STRASSE")


def test_a_comment_keeps_the_fingerprint_of_its_text_when_edited():
    comment = CommentFactory(body="Teh best film")
    assert comment.body_fingerprint == fingerprint("Teh best film")

    comment_edit(comment=comment, user=comment.author, body="The best film")

    comment.refresh_from_db()
    assert comment.body_fingerprint == fingerprint("The best film")


def test_different_text_by_the_same_reader_is_published(settings, review):
    reader = UserFactory()
    CommentFactory(author=reader, body="Buy cheap tickets now", created_at=earlier(settings))

    assert post(review, reader, "Buy cheap tickets later").status == Comment.Status.APPROVED


def test_the_same_text_in_other_words_within_minutes_is_held_not_refused(review):
    # The duplicate check refuses the very same text only; a variant is the repeat rule's.
    reader = UserFactory()
    CommentFactory(author=reader, body="Buy cheap tickets now")

    comment = post(review, reader, "BUY CHEAP TICKETS NOW")

    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == ACROSS_THREADS


@pytest.mark.parametrize("where", ["same thread", "another thread"])
def test_the_same_text_after_the_repeat_window_is_published(settings, review, where):
    reader = UserFactory()
    long_ago = timezone.now() - timedelta(hours=settings.MODERATION_REPEAT_WINDOW_HOURS + 1)
    top = CommentFactory(review=review, author=reader, body="Lovely film", created_at=long_ago)
    CommentFactory(review=review, author=reader, body="Lovely film", created_at=long_ago)

    if where == "same thread":
        comment = reply(top, reader, "Lovely film")
    else:
        comment = post(review, reader, "Lovely film")

    assert comment.status == Comment.Status.APPROVED
    assert comment.held_reason == ""


@pytest.mark.parametrize("where", ["same thread", "another thread", "another review"])
def test_the_same_text_by_another_reader_is_published(settings, review, where):
    top = CommentFactory(review=review, body="Lovely film", created_at=earlier(settings))
    CommentFactory(body="Lovely film", created_at=earlier(settings))
    reader = UserFactory()

    if where == "same thread":
        comment = reply(top, reader, "Lovely film")
    elif where == "another thread":
        comment = post(review, reader, "Lovely film")
    else:
        comment = post(ReviewFactory(), reader, "Lovely film")

    assert comment.status == Comment.Status.APPROVED
    assert comment.held_reason == ""


@pytest.mark.parametrize("thread", ["new", "existing"])
def test_each_repeat_rule_is_one_query(django_assert_num_queries, review, thread):
    reader = UserFactory()
    for _ in range(3):
        top = CommentFactory(review=review, author=reader, body="Lovely film")
        CommentFactory(parent=top, author=reader, body="Lovely film")
    draft = rules.Draft(
        author=reader,
        body="Lovely film",
        sanctions=[],
        thread_id=None if thread == "new" else top.pk,
    )

    with django_assert_num_queries(1):
        assert rules.repeated_across_threads(draft) == ACROSS_THREADS
    # A new thread has nothing earlier in it: no query at all.
    with django_assert_num_queries(0 if thread == "new" else 1):
        assert rules.repeated_in_thread(draft) == (None if thread == "new" else IN_THREAD)


# --- Sanctions ----------------------------------------------------------------------------


def test_a_reader_on_probation_is_held(review):
    sanction = SanctionFactory(kind=Sanction.Kind.PROBATION)

    comment = post(review, sanction.user, "Behaving now")

    assert comment.status == Comment.Status.PENDING
    assert comment.held_reason == "Reader on probation"


def test_probation_is_named_before_the_other_rules(review):
    BlockedTermFactory(phrase="awful")
    sanction = SanctionFactory(kind=Sanction.Kind.PROBATION)

    assert post(review, sanction.user, "awful").held_reason == "Reader on probation"


@pytest.mark.parametrize("ended", ["expired", "lifted"])
def test_an_ended_probation_no_longer_holds(review, ended):
    now = timezone.now()
    when = {
        "expired": {"created_at": now - timedelta(days=8), "expires_at": now - timedelta(days=1)},
        "lifted": {"lifted_at": now},
    }[ended]
    sanction = SanctionFactory(kind=Sanction.Kind.PROBATION, **when)

    assert post(review, sanction.user, "Free again").status == Comment.Status.APPROVED


@pytest.mark.parametrize(
    ("kind", "label"), [(Sanction.Kind.MUTE, "muted"), (Sanction.Kind.BAN, "banned")]
)
def test_muted_and_banned_readers_are_refused_with_the_reason(review, kind, label):
    expires_at = timezone.now() + timedelta(days=3)
    sanction = SanctionFactory(kind=kind, reason="Insulted other readers", expires_at=expires_at)

    with pytest.raises(ValidationError) as caught:
        post(review, sanction.user, "Let me in")

    assert caught.value.code == "sanctioned"
    message = caught.value.messages[0]
    assert f"You cannot post: {label} until " in message
    assert f"{timezone.localtime(expires_at):%-d %B %Y, %H:%M}" in message
    assert "Reason: Insulted other readers" in message
    assert not Comment.objects.filter(author=sanction.user).exists()


def test_a_ban_without_end_says_so_without_a_date(review):
    sanction = SanctionFactory(kind=Sanction.Kind.BAN, reason="Spam")

    with pytest.raises(ValidationError) as caught:
        post(review, sanction.user, "Let me in")

    assert caught.value.messages == ["You cannot post: banned. Reason: Spam"]


def test_of_several_sanctions_the_one_that_ends_last_is_named(review):
    mute = SanctionFactory(kind=Sanction.Kind.MUTE, expires_at=timezone.now() + timedelta(days=1))
    SanctionFactory(user=mute.user, kind=Sanction.Kind.BAN, reason="Spam")
    SanctionFactory(user=mute.user, kind=Sanction.Kind.PROBATION)

    with pytest.raises(ValidationError) as caught:
        post(review, mute.user, "Let me in")

    assert caught.value.messages == ["You cannot post: banned. Reason: Spam"]


def test_a_probation_beside_a_mute_still_refuses(review):
    probation = SanctionFactory(kind=Sanction.Kind.PROBATION)
    SanctionFactory(
        user=probation.user, kind=Sanction.Kind.MUTE, expires_at=timezone.now() + timedelta(days=1)
    )

    with pytest.raises(ValidationError) as caught:
        post(review, probation.user, "Let me in")

    assert caught.value.code == "sanctioned"


def test_an_expired_mute_no_longer_refuses(review):
    now = timezone.now()
    sanction = SanctionFactory(
        kind=Sanction.Kind.MUTE,
        created_at=now - timedelta(days=2),
        expires_at=now - timedelta(minutes=1),
    )

    assert post(review, sanction.user, "Back").status == Comment.Status.APPROVED
