from django.urls import path

from reviews import desk, feeds, views

app_name = "reviews"

urlpatterns = [
    path("reviews/", views.ReviewListView.as_view(), name="review-list"),
    path("feeds/reviews/", feeds.LatestReviewsFeed(), name="feed"),
    path("films/<slug:slug>/feed/", feeds.FilmReviewsFeed(), name="film-feed"),
    path("reviews/<int:pk>/preview/", views.ReviewPreviewView.as_view(), name="review-preview"),
    path("reviews/<slug:slug>/", views.ReviewDetailView.as_view(), name="review-detail"),
    path("reviews/<slug:slug>/comments/", views.comment_create, name="comment-create"),
    path("reviews/<slug:slug>/comments/draft/", views.comment_draft, name="comment-draft"),
    path("comments/<int:pk>/", views.comment_permalink, name="comment-permalink"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment-edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("comments/<int:pk>/like/", views.comment_like, name="comment-like"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment-report"),
    path("readers/<str:username>/", views.reader_profile, name="reader-profile"),
    path("account/profile/", views.profile_edit, name="profile-edit"),
    path("account/delete/", views.account_delete, name="account-delete"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("moderation/", desk.queue, name="desk-queue"),
    path("moderation/comments/<int:pk>/decide/", desk.decide, name="desk-decide"),
    path("moderation/bulk/", desk.bulk_decide, name="desk-bulk"),
    path("moderation/readers/<int:user_id>/sanction/", desk.sanction, name="desk-sanction"),
    path("moderation/sanctions/<int:pk>/lift/", desk.sanction_lift, name="desk-sanction-lift"),
    path("moderation/blocklist/", desk.blocklist, name="desk-blocklist"),
    path("moderation/dashboard/", desk.dashboard, name="desk-dashboard"),
    path("moderation/decisions/", desk.decision_log, name="desk-decisions"),
]
