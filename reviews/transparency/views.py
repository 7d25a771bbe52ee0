"""The public moderation log and its Atom feed: the same for every reader, signed in or not,
moderators included (no moderator is named on either)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.generic import ListView

from config import pagecache
from reviews import stamps
from reviews.moderation.models import ModerationDecision
from reviews.transparency import selectors

DECISIONS_PER_PAGE = 50
FEED_LENGTH = 50


def _with_items(decisions) -> list[tuple[ModerationDecision, selectors.LoggedItem]]:
    return [(decision, selectors.logged_item(decision)) for decision in decisions]


class ModerationLogView(pagecache.CachedPageMixin, ListView):
    """Counts per ISO week by action and category (the last WEEKS weeks), then the decisions of
    the last DAYS days one by one, DECISIONS_PER_PAGE a page; a page number out of range or
    not a number is a 404, as on the site's other lists. Kept until a decision is recorded
    (`stamps.MODERATION_LOG`), or the items listed change, or midnight."""

    template_name = "reviews/transparency/log.html"
    paginate_by = DECISIONS_PER_PAGE
    context_object_name = "decisions"

    def get_queryset(self):
        self.today = selectors.today()
        return selectors.listed_decisions(selectors.listed_since(self.today))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["logged"] = _with_items(context["decisions"])
        context["counts"] = selectors.weekly_counts(self.today)
        context["days"], context["weeks"] = selectors.DAYS, selectors.WEEKS
        return context

    def page_stamps(self, context):
        return [stamps.MODERATION_LOG]

    def page_until(self, context) -> float:
        return selectors.next_change(self.today).timestamp()


moderation_log = ModerationLogView.as_view()


class ModerationLogFeed(Feed):
    """The decisions the log lists, newest first, in the request's language; an entry links
    to its item while the item is public, else to its line in the log."""

    feed_type = Atom1Feed
    link = reverse_lazy("transparency:log")

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response.page_cache_wanted = getattr(request, "page_cache_wanted", False)
        until = selectors.next_change(selectors.today()).timestamp()
        pagecache.page_dependencies(response, lambda: [stamps.MODERATION_LOG], until=until)
        return response

    def title(self) -> str:
        return _("%(site)s: moderation log") % {"site": settings.SITE_NAME}

    def subtitle(self) -> str:
        return _(
            "What the moderators decided about published comments and reader reviews in the "
            "last %(days)s days, without who decided or why in their words."
        ) % {"days": selectors.DAYS}

    def items(self):
        since = selectors.listed_since(selectors.today())
        return _with_items(selectors.listed_decisions(since)[:FEED_LENGTH])

    def item_title(self, item) -> str:
        decision, _logged = item
        if decision.category:
            return f"{decision.get_action_display()}: {decision.get_category_display()}"
        return decision.get_action_display()

    def item_description(self, item) -> str:
        return item[1].description

    def item_link(self, item) -> str:
        decision, logged = item
        return logged.url or f"{reverse('transparency:log')}#decision-{decision.pk}"

    def item_guid(self, item) -> str:
        decision, _logged = item
        return f"{reverse('transparency:log')}#decision-{decision.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item[0].created_at

    def item_updateddate(self, item):
        return item[0].created_at
