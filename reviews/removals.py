"""Why a published comment or reader review was taken down, as its tombstone tells every
reader (issue 17). The values are those of a reader's report reasons (discussion's
Report.Reason), so upholding reports can name the category the reporters chose."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RemovalCategory(models.TextChoices):
    SPOILERS = "spoilers", _("Spoiler without a tag")
    HARASSMENT = "harassment", _("Harassment")
    SPAM = "spam", _("Spam")
    OFF_TOPIC = "off_topic", _("Off topic")
    OTHER = "other", _("Other")
