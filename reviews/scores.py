"""Scores out of ten, as the site summarises them: an average, a count and a histogram."""

from __future__ import annotations

from django.db import models

SCORES = range(1, 11)  # a rating out of ten, shown as five stars with halves


def rating_summary(ratings: models.QuerySet, field: str) -> dict:
    """The average of `field` (1-10) over `ratings`, their count, and a bar for each score
    from 10 down, in one query: `average_rating`, `review_count`, `histogram`."""
    counts = ratings.aggregate(
        average=models.Avg(field),
        total=models.Count(field),
        **{f"r{score}": models.Count("pk", filter=models.Q(**{field: score})) for score in SCORES},
    )
    most = max([counts[f"r{score}"] for score in SCORES] + [1])
    histogram = [
        {
            "score": score,
            "count": counts[f"r{score}"],
            "percent": round(100 * counts[f"r{score}"] / most),
        }
        for score in reversed(SCORES)
    ]
    return {
        "average_rating": counts["average"],
        "review_count": counts["total"],
        "histogram": histogram,
    }
