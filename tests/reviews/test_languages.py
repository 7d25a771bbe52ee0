"""Review articles in English and Korean (issue 15): the language and its constraint, translations
and their rules, the lists' language filter, the review page's links to its translations."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from reviews import services
from reviews.admin import ReviewAdminForm
from reviews.models import Review
from tests.factories import ReviewFactory, review_admin_data

REVIEWS = reverse("reviews:review-list")


@pytest.fixture
def original(film):
    return ReviewFactory(film=film, headline="A farewell in the stars", slug="farewell")


@pytest.fixture
def korean(original):
    return ReviewFactory(
        film=original.film,
        headline="별에 새겨 둔 작별 인사",
        slug="farewell-ko",
        language=Review.Language.KO,
        translation_of=original,
    )


# --- The model: language, and what a translation may be --------------------------------------


def test_a_review_is_in_english_unless_said_otherwise(db):
    assert ReviewFactory().language == "en"


def test_the_database_refuses_a_language_the_site_does_not_have(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(language="fr")


def test_a_translation_in_the_language_of_its_original_is_refused_by_the_database(original):
    with pytest.raises(IntegrityError, match="another language"), transaction.atomic():
        ReviewFactory(translation_of=original, language=original.language)


def test_an_original_cannot_take_the_language_of_its_translation_in_the_database(korean):
    original = korean.translation_of
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(pk=original.pk).update(language=Review.Language.KO)


def test_a_translation_of_a_translation_is_refused_by_the_database(korean):
    with pytest.raises(IntegrityError, match="original"), transaction.atomic():
        ReviewFactory(translation_of=korean, language=Review.Language.EN)


def test_a_translation_in_the_same_language_is_refused_in_words(original):
    review = ReviewFactory.build(
        film=original.film, author=original.author, translation_of=original, language="en"
    )
    with pytest.raises(ValidationError) as refused:
        services.review_save(review=review)
    assert refused.value.message_dict["language"] == [
        "The original review is in English too: a translation must be in another language."
    ]
    assert Review.objects.count() == 1


def test_the_admin_form_says_why_a_translation_is_refused(editor, original):
    form = ReviewAdminForm(
        data=review_admin_data(
            original, slug="farewell-again", translation_of=original.pk, author=editor.pk
        )
    )
    assert not form.is_valid()
    assert form.errors["language"] == [
        "The original review is in English too: a translation must be in another language."
    ]


def test_the_admin_form_says_it_in_korean_too(editor, original):
    with translation.override("ko"):
        form = ReviewAdminForm(
            data=review_admin_data(
                original, slug="farewell-again", translation_of=original.pk, author=editor.pk
            )
        )
        assert not form.is_valid()
        (message,) = form.errors["language"]
    assert "번역" in message
    assert "another language" not in message


def test_the_admin_lists_and_filters_reviews_by_language(admin_client, korean):
    url = reverse("admin:reviews_review_changelist")
    response = admin_client.get(url, {"language__exact": "ko"})
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["cl"].result_list) == [korean]


# --- The lists: a badge, lang, and the filter -----------------------------------------------


def test_the_list_shows_both_languages_each_card_saying_which(client, korean):
    response = client.get(REVIEWS)
    text = response.text
    assert {review.slug for review in response.context["review_list"]} == {
        "farewell",
        "farewell-ko",
    }
    assert '<h3 class="review-card__headline" lang="ko">' in text
    assert '<h3 class="review-card__headline" lang="en">' in text
    assert '<span class="badge badge--language">Korean</span>' in text


@pytest.mark.parametrize(
    ("language", "slugs"),
    [("ko", ["farewell-ko"]), ("en", ["farewell"]), ("", ["farewell", "farewell-ko"])],
)
def test_the_language_filter_narrows_the_list(client, korean, language, slugs):
    response = client.get(REVIEWS, {"language": language})
    assert sorted(review.slug for review in response.context["review_list"]) == slugs


def test_the_filter_works_on_a_film_s_reviews_too(client, korean):
    url = reverse("reviews:film-reviews", args=[korean.film.slug])
    response = client.get(url, {"language": "ko"})
    assert [review.slug for review in response.context["review_list"]] == ["farewell-ko"]
    assert 'href="?language=ko" lang="ko" aria-current="true">한국어</a>' in response.text


@pytest.mark.parametrize("value", ["fr", "<script>", "ko ko"])
def test_an_unknown_language_is_said_and_ignored(client, korean, value):
    response = client.get(REVIEWS, {"language": value})
    assert response.status_code == HTTPStatus.OK
    assert len(response.context["review_list"]) == 2
    assert "There are no reviews in" in response.text
    assert "<script>" not in response.text.split("<main", 1)[-1].split("</main>")[0]


def test_pages_of_a_filtered_list_keep_the_filter(client, settings, film):
    for n in range(settings.REVIEWS_PER_PAGE + 1):
        ReviewFactory(film=film, language="ko", slug=f"ko-{n}")
    response = client.get(REVIEWS, {"language": "ko"})
    assert 'href="?language=ko&amp;page=2"' in response.text


def test_the_filter_in_korean(client, korean):
    client.cookies["django_language"] = "ko"
    with translation.override("ko"):  # the address in Korean, where addresses name it
        url = reverse("reviews:review-list")
    text = client.get(url).text
    assert "모든 언어" in text
    assert "All languages" not in text


# --- The review page: lang and the links to its translations ----------------------------------


def test_the_review_page_links_its_published_translation_in_korean(client, korean):
    text = client.get(korean.translation_of.get_absolute_url()).text
    with translation.override("ko"):  # the translation's address is in its language
        korean_url = korean.get_absolute_url()
    assert (
        f'<li lang="ko"><a href="{korean_url}" hreflang="ko" rel="alternate">'
        "이 리뷰의 한국어판</a></li>"
    ) in text


def test_the_translation_links_back_to_the_original_in_english(client, korean):
    text = client.get(korean.get_absolute_url()).text
    assert '<h1 class="review__headline" lang="ko">' in text
    assert 'hreflang="en" rel="alternate">Read this review in English</a>' in text


def test_a_draft_or_scheduled_translation_is_not_linked(client, korean):
    services.review_unpublish(review=korean)
    assert "이 리뷰의 한국어판" not in client.get(korean.translation_of.get_absolute_url()).text
    services.review_publish(review=korean, at=timezone.now() + timedelta(days=1))
    assert "이 리뷰의 한국어판" not in client.get(korean.translation_of.get_absolute_url()).text


def test_publishing_a_translation_refreshes_its_original_s_kept_page(client, settings, original):
    settings.PAGE_CACHE_ENABLED = True
    url = original.get_absolute_url()
    assert "이 리뷰의 한국어판" not in client.get(url).text
    korean = ReviewFactory.build(
        film=original.film,
        author=original.author,
        slug="farewell-ko",
        language="ko",
        translation_of=original,
        status=Review.Status.DRAFT,
        publish_at=None,
    )
    services.review_save(review=korean)
    services.review_publish(review=korean)
    assert "이 리뷰의 한국어판" in client.get(url).text


# --- Query counts: as they were --------------------------------------------------------------


@pytest.mark.parametrize("language", ["", "ko", "xx"])
def test_a_filtered_list_costs_what_the_list_costs(get_in_queries, korean, language):
    get_in_queries(f"{REVIEWS}?language={language}", 2)  # count, reviews with film and byline


def test_a_review_page_with_translations_costs_what_it_did(get_in_queries, korean):
    ReviewFactory(film=korean.film, slug="other")
    # review with its versions, other reviews, the discussion's counts, the film's scenes for
    # the comment form's scene picker, the film's premiere
    response = get_in_queries(korean.translation_of.get_absolute_url(), 5)
    assert "이 리뷰의 한국어판" in response.text
