"""The demo's premiere: Lost in Starlight watched together tomorrow evening at 20:00 (the
site's time), for its 96 minutes, scheduled through the admin's service. Once: a seed run
again leaves an existing premiere as it is."""

from datetime import timedelta

from django.utils import timezone

from films import services
from films.models import Film, Premiere


def seed_premiere() -> Premiere | None:
    film = Film.objects.filter(slug="lost-in-starlight").first()
    if film is None or film.premieres.exists():
        return None
    tomorrow = timezone.localtime() + timedelta(days=1)
    starts = tomorrow.replace(hour=20, minute=0, second=0, microsecond=0)
    return services.premiere_save(
        premiere=Premiere(
            film=film,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=film.running_time or 96),
            slow_mode_seconds=30,
            hold_accounts_younger_than=timedelta(days=1),
        )
    )
