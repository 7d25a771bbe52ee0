"""Give every review's paragraphs their anchors: for reviews saved before notes existed, or
saved without reviews.services.review_save (which keeps them up to date by itself)."""

from django.core.management.base import BaseCommand

from reviews.models import Review
from reviews.notes.services import paragraphs_sync


class Command(BaseCommand):
    help = "Match every review's paragraphs to its body and store its HTML with their anchors."

    def handle(self, *args, **options):
        count = 0
        for review in Review.objects.order_by("pk").iterator():
            paragraphs_sync(review=review)
            count += 1
        self.stdout.write(f"Paragraphs of {count} reviews in step with their bodies.")
