"""A premiere on now for `make bench`'s premiere row: Lost in Starlight's, begun ten minutes
ago, through the admin's service (so cached pages know). Slow mode is short enough for the
bench's 100 posting readers at 5 comments a second (each posts every 20 s), and no account is
held. Prints the premiere's id. Refuses any database whose name does not contain "bench"."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from films import services
from films.models import Film, Premiere


class Command(BaseCommand):
    help = "Schedule the bench's premiere (on now) and print its id."

    def handle(self, *args, **options):
        if "bench" not in connection.settings_dict["NAME"]:
            raise CommandError("bench_premiere only runs on a bench database.")
        film = Film.objects.get(slug="lost-in-starlight")
        for old in Premiere.objects.filter(film=film):
            services.premiere_delete(premiere=old)  # its comments go with it
        now = timezone.now()
        premiere = services.premiere_save(
            premiere=Premiere(
                film=film,
                starts_at=now - timedelta(minutes=10),
                ends_at=now + timedelta(hours=3),
                slow_mode_seconds=10,
                hold_accounts_younger_than=timedelta(0),
            )
        )
        self.stdout.write(str(premiere.pk))
