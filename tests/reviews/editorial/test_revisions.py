"""Every save of a review or a film keeps a revision; editors compare and restore them."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from config.revisions.diff import side_by_side
from films import services as film_services
from films.models import Film
from reviews import services
from reviews.editorial import services as editorial
from reviews.models import Review
from tests.factories import EditorFactory, FilmFactory, ReviewFactory
from tests.reviews.editorial.conftest import ROLES

pytestmark = pytest.mark.django_db


def edited(review: Review, **changes) -> Review:
    for name, value in changes.items():
        setattr(review, name, value)
    return services.review_save(review=review)


@pytest.fixture
def revised(draft):
    """The draft saved twice more through the service: three revisions."""
    services.review_save(review=draft)
    edited(draft, headline="Work, retitled", body="First line\nSecond line\nThird line")
    edited(draft, body="First line\nSecond line, rewritten\nThird line\nFourth line")
    return draft


def test_every_save_through_the_service_keeps_a_revision_with_what_changed(revised):
    reasons = list(revised.history.order_by("history_id").values_list("history_change_reason"))

    assert reasons == [("created",), ("",), ("headline,body",), ("body",)]


def test_a_revision_keeps_the_article_not_its_derived_columns(revised):
    fields = {field.name for field in Review.history.model._meta.fields}

    assert {"headline", "body", "status", "publish_at", "film"} <= fields
    assert not fields & {"body_html", "search_vector", "hangul_text", "headline_keys"}


def test_restore_makes_a_new_revision_and_keeps_the_history(revised):
    first = revised.history.order_by("history_id").first()
    before = revised.history.count()
    editor = EditorFactory(username="restorer")

    editorial.review_restore(review=revised, revision=first, editor=editor)

    revised.refresh_from_db()
    assert revised.history.count() == before + 1
    assert revised.headline == "Work"
    assert "First line" not in revised.body_html
    newest = revised.history.order_by("-history_id").first()
    assert newest.history_user == editor
    assert newest.history_change_reason == f"restored:{first.history_id};headline,body"
    # The older revisions are as they were.
    assert revised.history.filter(headline="Work, retitled").exists()


def test_restore_keeps_the_publication_as_it_is_now(revised):
    first = revised.history.order_by("history_id").first()
    services.review_publish(review=revised)

    editorial.review_restore(review=revised, revision=first, editor=revised.author)

    revised.refresh_from_db()
    assert revised.status == Review.Status.PUBLISHED


def test_restore_refuses_a_revision_of_another_review(revised):
    other = ReviewFactory()
    count = revised.history.count()

    with pytest.raises(Exception, match="another review"):
        editorial.review_restore(
            review=revised, revision=other.history.first(), editor=revised.author
        )
    assert revised.history.count() == count


def test_film_revisions_keep_both_languages_and_restore_through_the_service():
    film = FilmFactory(title="Before")
    film.title_ko = "이전"
    film_services.film_save(film=film)
    film.title_en = "After"
    film_services.film_save(film=film)
    first = film.history.order_by("history_id").first()

    film_services.film_restore(film=Film.objects.get(pk=film.pk), revision=first)

    film.refresh_from_db()
    assert (film.title_en, film.title) == ("Before", "Before")
    assert list(film.history.order_by("history_id").values_list("title_en", "title_ko")) == [
        ("Before", None),
        ("Before", "이전"),
        ("After", "이전"),
        ("Before", None),
    ]


def test_side_by_side_pairs_changed_lines_and_marks_the_changed_words():
    rows = side_by_side("one\ntwo three\nfour", "one\ntwo 3\nfour\nfive")

    kinds = [(left.kind, right.kind) for left, right in rows]
    assert kinds == [("same", "same"), ("changed", "changed"), ("same", "same"), ("empty", "added")]
    changed_left, changed_right = rows[1]
    assert [s.text for s in changed_left.segments if s.changed] == ["three"]
    assert [s.text for s in changed_right.segments if s.changed] == ["3"]


# --- The admin: list, compare, restore ---------------------------------------------------------

EXPECTED = {
    "anonymous": HTTPStatus.FOUND,  # to the admin's sign-in
    "reader": HTTPStatus.FOUND,
    "author": HTTPStatus.OK,  # an editor
    "editor": HTTPStatus.OK,
    "moderator": HTTPStatus.FORBIDDEN,  # may view reviews, not change them
    "admin": HTTPStatus.OK,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", ["history", "revision_compare"])
def test_who_may_see_revisions(client_as, revised, role, view):
    response = client_as(role, revised).get(
        reverse(f"admin:reviews_review_{view}", args=[revised.pk])
    )

    assert response.status_code == EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_who_may_restore(client_as, revised, role):
    first = revised.history.order_by("history_id").first()
    count = revised.history.count()

    response = client_as(role, revised).post(
        reverse("admin:reviews_review_revision_restore", args=[revised.pk, first.history_id])
    )

    allowed = EXPECTED[role] == HTTPStatus.OK
    assert response.status_code == (HTTPStatus.FOUND if allowed else EXPECTED[role])
    assert revised.history.count() == count + (1 if allowed else 0)


def test_revision_list_shows_who_when_and_what_in_fixed_queries(
    client_as, revised, django_assert_num_queries
):
    client = client_as("editor", revised)
    url = reverse("admin:reviews_review_history", args=[revised.pk])
    client.get(url)  # the session and the permissions loaded once

    # session, user, permissions, editor's time zone, the review, count, revisions
    with django_assert_num_queries(7):
        response = client.get(url)

    assert "Headline, body" in response.text or "headline, body" in response.text
    assert "Created" in response.text
    assert reverse("admin:reviews_review_revision_compare", args=[revised.pk]) in response.text


def test_compare_shows_the_fields_that_differ_side_by_side(
    client_as, revised, django_assert_num_queries
):
    first, *_, last = revised.history.order_by("history_id")
    client = client_as("editor", revised)
    url = reverse("admin:reviews_review_revision_compare", args=[revised.pk])
    client.get(url)

    # session, user, permissions, time zone, the review, the two revisions
    with django_assert_num_queries(6):
        response = client.get(url, {"older": first.history_id, "newer": last.history_id})

    assert response.status_code == HTTPStatus.OK
    changes = {change.name: change for change in response.context["changes"]}
    assert set(changes) == {"headline", "body"}
    assert changes["body"].is_text
    assert "Second line, rewritten" in response.text
    assert "<mark>" in response.text


@pytest.mark.parametrize("older", ["abc", "999999", ""])
def test_compare_with_a_bad_choice_says_so(client_as, revised, older):
    response = client_as("editor", revised).get(
        reverse("admin:reviews_review_revision_compare", args=[revised.pk]),
        {"older": older, "newer": "1"},
        follow=True,
    )

    assert response.status_code == HTTPStatus.OK
    assert "Choose two revisions of this object to compare." in response.text


def test_restore_from_the_admin_is_a_new_revision_by_the_editor(client_as, revised):
    first = revised.history.order_by("history_id").first()
    client = client_as("editor", revised)

    response = client.post(
        reverse("admin:reviews_review_revision_restore", args=[revised.pk, first.history_id]),
        follow=True,
    )

    assert "as a new revision" in response.text
    newest = revised.history.order_by("-history_id").first()
    assert newest.history_user.username == "ed2"
    assert Review.objects.get(pk=revised.pk).headline == "Work"


def test_restore_is_post_only(client_as, revised):
    first = revised.history.first()
    response = client_as("editor", revised).get(
        reverse("admin:reviews_review_revision_restore", args=[revised.pk, first.history_id])
    )

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_an_admin_save_records_the_editor_as_who(client_as, revised):
    from tests.factories import review_admin_data

    client = client_as("editor", revised)
    client.post(
        reverse("admin:reviews_review_change", args=[revised.pk]),
        review_admin_data(revised, headline="Saved in the admin"),
    )

    newest = revised.history.order_by("-history_id").first()
    assert newest.headline == "Saved in the admin"
    assert newest.history_user.username == "ed2"
    assert newest.history_change_reason == "headline"


def test_film_admin_lists_and_compares_revisions(client_as):
    film = FilmFactory()
    film.title_en = "Renamed"
    film_services.film_save(film=film)
    client = client_as("editor")

    listing = client.get(reverse("admin:films_film_history", args=[film.pk]))
    compare = client.get(reverse("admin:films_film_revision_compare", args=[film.pk]))

    assert listing.status_code == compare.status_code == HTTPStatus.OK
    assert "Renamed" in compare.text
