from django.urls import path

from reviews.diary import review_pages, views
from reviews.diary.letterboxd import views as letterboxd

app_name = "diary"

urlpatterns = [
    path("films/<slug:slug>/rating/", views.film_rate, name="rate"),
    path("films/<slug:slug>/log/", views.watch_log, name="log"),
    path("films/<slug:slug>/watchlist/", views.watchlist_toggle, name="watchlist-toggle"),
    path(
        "films/<slug:slug>/reader-reviews/",
        review_pages.film_reader_reviews,
        name="film-reader-reviews",
    ),
    path("watchlist/", views.watchlist, name="watchlist"),
    path("readers/<str:username>/diary/", views.DiaryView.as_view(), name="diary"),
    path("readers/<str:username>/diary/feed/", views.DiaryFeed(), name="diary-feed"),
    path("diary/<int:pk>/", review_pages.entry_detail, name="entry"),
    path("diary/<int:pk>/edit/", views.entry_edit, name="entry-edit"),
    path("diary/<int:pk>/delete/", views.entry_delete, name="entry-delete"),
    path("diary/<int:pk>/like/", review_pages.entry_like, name="entry-like"),
    path(
        "diary/<int:pk>/comments/", review_pages.entry_comment_create, name="entry-comment-create"
    ),
    path(
        "diary/<int:pk>/comments/draft/",
        review_pages.entry_comment_draft,
        name="entry-comment-draft",
    ),
    path("account/letterboxd/", letterboxd.letterboxd, name="letterboxd"),
    path("account/letterboxd/export.zip", letterboxd.export, name="letterboxd-export"),
    path(
        "account/letterboxd/imports/<int:pk>/", letterboxd.import_status, name="letterboxd-import"
    ),
    path(
        "account/letterboxd/imports/<int:pk>/resume/",
        letterboxd.import_resume,
        name="letterboxd-import-resume",
    ),
    path(
        "account/letterboxd/imports/<int:pk>/report.csv",
        letterboxd.import_report,
        name="letterboxd-import-report",
    ),
]
