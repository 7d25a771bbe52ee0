"""The catalogue's pages in sitemap.xml, with the dates they last changed."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from films.models import Film, Person, Scene


class _CatalogueSitemap(Sitemap):
    model: type[Film] | type[Person]
    # Each page in every language, each entry naming the others (xhtml:link) and x-default.
    i18n = alternates = x_default = True

    def items(self):
        return self.model.objects.order_by("pk")

    def lastmod(self, obj: Film | Person):
        return obj.updated_at


class FilmSitemap(_CatalogueSitemap):
    model = Film
    changefreq = "weekly"
    priority = 0.8


class PersonSitemap(_CatalogueSitemap):
    model = Person
    changefreq = "monthly"
    priority = 0.4


class SceneSitemap(Sitemap):
    """Each scene's page; it changes with its film (editors keep scenes on the film's form)."""

    i18n = alternates = x_default = True
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Scene.objects.select_related("film").order_by("film_id", "number")

    def lastmod(self, scene: Scene):
        return scene.film.updated_at
