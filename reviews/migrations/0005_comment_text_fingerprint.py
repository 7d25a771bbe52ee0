import itertools

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from reviews.discussion.texts import fingerprint


def fill_fingerprints(apps, schema_editor):
    """Every existing comment gets the fingerprint save() now keeps (the function itself, not
    a copy: the rules compare new comments with these)."""
    Comment = apps.get_model("reviews", "Comment")
    rows = Comment.objects.values_list("pk", "body").iterator(chunk_size=5000)
    with schema_editor.connection.cursor() as cursor:
        while batch := list(itertools.islice(rows, 5000)):
            # One UPDATE per batch from two arrays (bulk_update's CASE grows with the square).
            cursor.execute(
                """
                UPDATE reviews_comment SET body_fingerprint = new.fingerprint
                FROM unnest(%s::bigint[], %s::text[]) AS new (id, fingerprint)
                WHERE reviews_comment.id = new.id
                """,
                [[pk for pk, _ in batch], [fingerprint(body) for _, body in batch]],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_moderation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="body_fingerprint",
            field=models.CharField(db_default="", editable=False, max_length=16),
        ),
        migrations.RunPython(fill_fingerprints, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                fields=["author", "body_fingerprint", "created_at"], name="comment_author_text_idx"
            ),
        ),
        # The new index starts with author: the foreign key's own index is redundant.
        migrations.AlterField(
            model_name="comment",
            name="author",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
