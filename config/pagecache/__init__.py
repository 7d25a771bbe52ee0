"""Pages and parts of pages kept in the shared cache, fresh to the moment.

- `stamps`: what a cached value depends on (read off the objects it shows) and what a change
  makes stale (said by the services that change things).
- `parts`: `page_part()`, values kept until their stamps change, for pages put together per
  reader; and the changes that come by themselves (a scheduled review going live).
- `pages`: whole pages for anonymous readers, and how proxies may keep them.
- `keys`: names built from what a value is made of (template digests).

The apps say which stamps their objects have beyond their own rows (`also_depends`) and what
each of their writes makes stale; this package names no domain object.
"""

from config.pagecache.keys import digest, template_version
from config.pagecache.pages import CachedPageMixin, PageCacheMiddleware, page_dependencies
from config.pagecache.parts import PagePart, changes_by_itself, lifetime, page_part
from config.pagecache.stamps import (
    DependsOn,
    also_depends,
    changed,
    changed_objects,
    stamp,
    stamp_for,
    stamps_of,
    version,
)

__all__ = [
    "CachedPageMixin",
    "DependsOn",
    "PageCacheMiddleware",
    "PagePart",
    "also_depends",
    "changed",
    "changed_objects",
    "changes_by_itself",
    "digest",
    "lifetime",
    "page_dependencies",
    "page_part",
    "stamp",
    "stamp_for",
    "stamps_of",
    "template_version",
    "version",
]
