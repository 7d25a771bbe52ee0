"""The review admin as an editor sees it: an Editors member, not a superuser."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from django.utils import timezone

from reviews import services
from reviews.models import Review
from tests.factories import EditorFactory, FilmFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reviews_review_changelist")
ADD = reverse("admin:reviews_review_add")


def review_form(film, author, **fields) -> dict:
    return {
        "film": film.pk,
        "headline": "A farewell written in the stars",
        "slug": "a-farewell",
        "standfirst": "A quiet goodbye.",
        "body": "## Verdict\n\nSee it.",
        "rating": "8",
        "author": author.pk,
        "status": Review.Status.DRAFT,
        "language": Review.Language.EN,
        "publish_at_0": "",
        "publish_at_1": "",
        **fields,
    }


def results(response) -> list:
    return list(response.context["cl"].result_list)


def test_editor_sees_the_review_changelist_with_each_status(editor_client):
    ReviewFactory(headline="Live", publish_at=timezone.now() - timedelta(days=1))
    ReviewFactory(headline="Later", scheduled=True)
    ReviewFactory(headline="Unfinished", draft=True)

    response = editor_client.get(CHANGELIST)

    assert response.status_code == HTTPStatus.OK
    assert len(results(response)) == 3
    assert "publish_selected" in response.text
    assert "Scheduled for" in response.text
    assert "Published" in response.text
    assert "Draft" in response.text


def test_status_column_names_the_scheduled_time_in_the_site_time_zone(editor_client, settings):
    at = timezone.now().replace(microsecond=0) + timedelta(days=3)
    ReviewFactory(publish_at=at)

    response = editor_client.get(CHANGELIST)

    assert f"Scheduled for {timezone.localtime(at):%-d %b %Y, %H:%M}" in response.text


def test_add_form_proposes_the_editor_as_author(editor_client, editor):
    response = editor_client.get(ADD)

    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.initial["author"] == editor.pk
    assert "Save the review to preview it." in response.text


def test_editor_saves_a_draft(editor_client, editor, film):
    response = editor_client.post(ADD, review_form(film, editor))

    assert response.status_code == HTTPStatus.FOUND
    review = Review.objects.get(slug="a-farewell")
    assert review.status == Review.Status.DRAFT
    assert review.publish_at is None
    heading, paragraph = review.paragraphs.order_by("position").values_list("anchor", flat=True)
    assert review.body_html == (
        f'<h2 id="{heading}">Verdict</h2><!--notes:{heading}-->\n'
        f'<p id="{paragraph}">See it.</p><!--notes:{paragraph}-->\n'
    )


def test_publishing_with_no_time_means_now(editor_client, editor, film):
    before = timezone.now()

    response = editor_client.post(ADD, review_form(film, editor, status=Review.Status.PUBLISHED))

    assert response.status_code == HTTPStatus.FOUND
    review = Review.objects.get(slug="a-farewell")
    assert before <= review.publish_at <= timezone.now()
    assert review.is_public


def test_publishing_with_a_future_time_schedules(editor_client, editor, film):
    response = editor_client.post(
        ADD,
        review_form(
            film,
            editor,
            status=Review.Status.PUBLISHED,
            publish_at_0="2099-01-02",
            publish_at_1="09:00:00",
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    review = Review.objects.get(slug="a-farewell")
    assert review.is_scheduled
    assert timezone.localtime(review.publish_at).hour == 9


def test_author_must_be_an_editor(editor_client, film):
    reader = UserFactory()

    response = editor_client.post(ADD, review_form(film, reader))

    assert response.status_code == HTTPStatus.OK
    assert "author" in response.context["adminform"].form.errors
    assert not Review.objects.exists()


def test_rating_above_ten_is_refused(editor_client, editor, film):
    response = editor_client.post(ADD, review_form(film, editor, rating="11"))

    assert response.status_code == HTTPStatus.OK
    assert response.context["adminform"].form.errors
    assert not Review.objects.exists()


def test_editor_changes_a_review(editor_client, editor):
    review = ReviewFactory(author=editor, draft=True, body="Old.")
    url = reverse("admin:reviews_review_change", args=[review.pk])

    assert editor_client.get(url).status_code == HTTPStatus.OK
    response = editor_client.post(
        url, review_form(review.film, editor, slug=review.slug, body="*New* words.")
    )

    assert response.status_code == HTTPStatus.FOUND
    review.refresh_from_db()
    (anchor,) = review.paragraphs.filter(current=True).values_list("anchor", flat=True)
    assert review.body_html == f'<p id="{anchor}"><em>New</em> words.</p><!--notes:{anchor}-->\n'


@pytest.mark.parametrize(
    ("trait", "expected"),
    [("draft", "preview"), ("scheduled", "preview"), ("published", "public")],
)
def test_view_on_site_opens_the_preview_until_the_review_is_public(editor_client, trait, expected):
    review = ReviewFactory(**({trait: True} if trait != "published" else {}))
    urls = {"preview": review.get_preview_url(), "public": review.get_absolute_url()}

    response = editor_client.get(reverse("admin:reviews_review_change", args=[review.pk]))

    assert response.context["absolute_url"] == urls[expected]
    assert f'href="{urls[expected]}"' in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "lost"}, {"About Lost"}),
        ({"q": "farewell"}, {"Farewell"}),
        ({"status__exact": "draft"}, {"Farewell"}),
        ({"status__exact": "published"}, {"About Lost", "Elsewhere"}),
        ({"contains_spoilers__exact": "1"}, {"Elsewhere"}),
    ],
)
def test_review_changelist_search_and_filters(editor_client, film, query, expected):
    ReviewFactory(film=film, headline="About Lost")
    ReviewFactory(headline="Farewell", draft=True)
    ReviewFactory(headline="Elsewhere", contains_spoilers=True)

    response = editor_client.get(CHANGELIST, query)

    assert response.status_code == HTTPStatus.OK
    assert {review.headline for review in results(response)} == expected


def test_review_changelist_filters_by_film_and_author(editor_client, film, editor):
    mine = ReviewFactory(film=film, author=editor)
    ReviewFactory(film=film)
    ReviewFactory(author=editor)

    response = editor_client.get(
        CHANGELIST, {"film__id__exact": film.pk, "author__id__exact": editor.pk}
    )

    assert results(response) == [mine]


@pytest.mark.parametrize(
    ("field_name", "term", "expected"),
    [
        ("film", "lost", ["Lost in Starlight"]),
        # Only members of Editors may sign a review.
        ("author", "mi", ["mina"]),
    ],
)
def test_review_autocomplete(editor_client, film, field_name, term, expected):
    FilmFactory(title="Your Name")
    EditorFactory(username="mina")
    UserFactory(username="milo")

    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "reviews", "model_name": "review", "field_name": field_name, "term": term},
    )

    assert response.status_code == HTTPStatus.OK
    assert [result["text"] for result in response.json()["results"]] == expected


@pytest.fixture
def service_calls(monkeypatch):
    """Record the reviews each service was called with, and still run the service."""
    calls = []
    for name in ("review_publish", "review_unpublish"):
        original = getattr(services, name)

        def spy(*, review, _original=original, _name=name, **kwargs):
            calls.append((_name, review.pk))
            return _original(review=review, **kwargs)

        monkeypatch.setattr(services, name, spy)
    return calls


def run_action(client, action: str, reviews: list):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [review.pk for review in reviews]},
        follow=True,
    )


def test_publish_action_publishes_through_the_service(editor_client, service_calls):
    draft = ReviewFactory(draft=True)
    scheduled = ReviewFactory(scheduled=True)
    untouched = ReviewFactory(draft=True)
    scheduled_for = scheduled.publish_at

    response = run_action(editor_client, "publish_selected", [draft, scheduled])

    assert response.status_code == HTTPStatus.OK
    assert "Published 2 reviews." in response.text
    assert sorted(service_calls) == sorted(
        [("review_publish", draft.pk), ("review_publish", scheduled.pk)]
    )
    draft.refresh_from_db()
    scheduled.refresh_from_db()
    untouched.refresh_from_db()
    assert draft.is_public
    assert scheduled.publish_at == scheduled_for
    assert untouched.status == Review.Status.DRAFT


def test_unpublish_action_sends_reviews_back_to_draft_through_the_service(
    editor_client, service_calls
):
    live, scheduled = ReviewFactory(), ReviewFactory(scheduled=True)

    response = run_action(editor_client, "unpublish_selected", [live, scheduled])

    assert "Unpublished 2 reviews." in response.text
    assert sorted(service_calls) == sorted(
        [("review_unpublish", live.pk), ("review_unpublish", scheduled.pk)]
    )
    assert set(Review.objects.filter(status=Review.Status.DRAFT)) == {live, scheduled}


def test_moderator_may_not_add_a_review(moderator_client):
    response = moderator_client.get(ADD)

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_moderator_may_read_the_review_changelist_but_not_act(moderator_client):
    review = ReviewFactory(draft=True)

    listing = moderator_client.get(CHANGELIST)
    action = run_action(moderator_client, "publish_selected", [review])

    assert listing.status_code == HTTPStatus.OK
    assert "publish_selected" not in listing.text
    assert action.status_code == HTTPStatus.OK
    review.refresh_from_db()
    assert review.status == Review.Status.DRAFT
