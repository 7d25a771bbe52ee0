from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0005_comment_text_fingerprint"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                condition=models.Q(("status", "pending")),
                fields=["created_at", "id"],
                include=("review",),
                name="comment_held_oldest_first",
            ),
        ),
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(fields=["author", "status"], name="comment_author_status"),
        ),
        migrations.AddIndex(
            model_name="commentreport",
            index=models.Index(
                condition=models.Q(("resolution", "open")),
                fields=["comment"],
                name="report_open",
            ),
        ),
    ]
