"""The review list shows the schedule in the editor's time zone and warns of reviews
scheduled less than an hour apart."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.editorial.selectors import schedule_clashes, with_schedule_clash
from reviews.models import Review
from reviews.readers.models import Profile
from tests.factories import ReviewFactory, review_admin_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule():
    soon = timezone.now().replace(microsecond=0) + timedelta(days=2)
    return {
        "a": ReviewFactory(headline="Alpha", publish_at=soon),
        "b": ReviewFactory(headline="Beta", publish_at=soon + timedelta(minutes=40)),
        "c": ReviewFactory(headline="Gamma", publish_at=soon + timedelta(hours=5)),
        "live": ReviewFactory(headline="Live"),
    }


def test_reviews_less_than_an_hour_apart_clash(schedule):
    flags = dict(
        with_schedule_clash(Review.objects.all()).values_list("headline", "schedule_clash")
    )

    assert flags == {"Alpha": True, "Beta": True, "Gamma": False, "Live": False}
    assert [(a.headline, b.headline) for a, b in schedule_clashes()] == [("Alpha", "Beta")]


def test_changelist_warns_and_marks_the_clashing_reviews(editor_client, schedule):
    response = editor_client.get(reverse("admin:reviews_review_changelist"))

    assert response.status_code == HTTPStatus.OK
    warnings = [str(m) for m in response.context["messages"]]
    assert any("“Alpha”" in w and "“Beta”" in w and "less than an hour" in w for w in warnings)
    assert response.text.count("Within an hour of another") == 2


def test_the_scheduled_filter(editor_client, schedule):
    url = reverse("admin:reviews_review_changelist")

    scheduled = editor_client.get(url, {"scheduled": "yes"}).context["cl"].result_list
    clashing = editor_client.get(url, {"scheduled": "clash"}).context["cl"].result_list

    assert {r.headline for r in scheduled} == {"Alpha", "Beta", "Gamma"}
    assert {r.headline for r in clashing} == {"Alpha", "Beta"}


def test_times_show_in_the_editors_time_zone(editor_client, editor, schedule):
    Profile.objects.filter(user=editor).update(time_zone="America/New_York")
    alpha = schedule["a"].publish_at

    response = editor_client.get(reverse("admin:reviews_review_changelist"))

    in_new_york = timezone.localtime(
        alpha, timezone=__import__("zoneinfo").ZoneInfo("America/New_York")
    )
    assert in_new_york.strftime("%H:%M") in response.text


def test_saving_a_review_near_another_warns(editor_client, schedule):
    gamma = schedule["c"]
    data = review_admin_data(gamma)
    new_time = timezone.localtime(schedule["a"].publish_at + timedelta(minutes=10))
    data.update(
        publish_at_0=new_time.strftime("%Y-%m-%d"), publish_at_1=new_time.strftime("%H:%M:%S")
    )

    response = editor_client.post(
        reverse("admin:reviews_review_change", args=[gamma.pk]), data, follow=True
    )

    warnings = [str(m) for m in response.context["messages"]]
    assert any("less than an hour from “Alpha”" in w for w in warnings)
    assert any("less than an hour from “Beta”" in w for w in warnings)


def test_editors_choose_their_time_zone_in_their_profile(editor_client, editor):
    url = reverse("readers:profile-edit")
    form = {"display_name": "Ed", "bio": "", "language": "en", "notify_replies": "on"}

    page = editor_client.get(url)
    saved = editor_client.post(url, {**form, "time_zone": "Europe/London"})
    refused = editor_client.post(url, {**form, "time_zone": "Mars/Olympus"})

    assert 'name="time_zone"' in page.text
    assert saved.status_code == HTTPStatus.FOUND
    assert Profile.objects.get(user=editor).time_zone == "Europe/London"
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert "Mars/Olympus is not one of the available choices" in refused.text
    assert Profile.objects.get(user=editor).time_zone == "Europe/London"


def test_readers_have_no_time_zone_choice(reader_client):
    assert 'name="time_zone"' not in reader_client.get(reverse("readers:profile-edit")).text


def test_the_model_refuses_an_unknown_zone(editor):
    from django.core.exceptions import ValidationError

    profile = Profile.objects.get(user=editor)
    profile.time_zone = "Mars/Olympus"

    with pytest.raises(ValidationError, match="not a time zone we know"):
        profile.full_clean()
