"""(Re)make the resized poster copies of every film with a poster, e.g. after changing sizes."""

from django.core.management.base import BaseCommand

from films.images import make_poster_variants
from films.models import Film


class Command(BaseCommand):
    help = "Write resized WebP copies of every film poster for the pages' srcset."

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these films (default: all).")

    def handle(self, *args, slugs, **options):
        films = Film.objects.exclude(poster="").order_by("slug")
        if slugs:
            films = films.filter(slug__in=slugs)
        for film in films:
            variants = make_poster_variants(film)
            self.stdout.write(f"{film.slug}: {', '.join(str(v['width']) for v in variants)} px")
