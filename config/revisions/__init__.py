"""Revisions of editors' records (review articles, film records), with django-simple-history.

Why django-simple-history rather than django-reversion, for this project:

- It records every save, wherever it comes from: the admin, but also `review_save` and
  `film_save` called from commands, the seed and the shell (post_save), and a restore is one
  more save, so history is never rewritten. django-reversion records only inside a revision
  block (`create_revision()`, which its VersionAdmin opens for admin saves); every service
  and command would have to open one itself.
- Its revisions are typed tables (`reviews_historicalreview`, `films_historicalfilm`) with a
  column per field, modeltranslation's `title_en`/`title_ko` included (Film is registered
  after them, films/history.py): they can be queried, filtered and diffed with the ORM and
  indexed by PostgreSQL. django-reversion keeps each version as serialised JSON in one
  generic table, to be deserialised before it can be compared, and an old version whose
  fields no longer match the model fails to load.
- Both are kept by Django Commons-level maintainers; 3.13 (the version locked here) declares
  Django 6.0 and runs the project's tests on 6.1.3; django-reversion 6.4 declares 6.0 too.
- What we give up: reversion's multi-object revisions (a review saved with its paragraphs as
  one revision). Our paragraph anchors are derived from the body and remade by `review_save`,
  so restoring the body restores them.

Generated and derived columns (search vectors, Hangul keys, rendered HTML) stay out of the
history tables: the services derive them again when a revision is restored. Bulk inserts
(`bench_seed`'s `bulk_create`) write no revision: a seeded row has its first revision when it
is next saved.

`records`: the history field with a summary of what changed in each revision; `diff`: two
revisions side by side; `admin`: the revision list, the comparison and the restore in the
admin, which restores through the app's service.
"""
