"""The catalogue's pages in sitemap.xml, with the dates they last changed."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from films.models import Film, Person


class FilmSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Film.objects.order_by("pk")

    def lastmod(self, film: Film):
        return film.updated_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Person.objects.order_by("pk")

    def lastmod(self, person: Person):
        return person.updated_at
