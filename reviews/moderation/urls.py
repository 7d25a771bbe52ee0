from django.urls import path

from reviews.moderation import views

app_name = "moderation"

urlpatterns = [
    path("comments/<int:pk>/report/", views.comment_report, name="comment-report"),
    path("moderation/", views.queue, name="queue"),
    path("diary/<int:pk>/report/", views.entry_report, name="entry-report"),
    path("moderation/comments/<int:pk>/decide/", views.decide, name="decide"),
    path("moderation/reader-reviews/<int:pk>/decide/", views.entry_decide, name="entry-decide"),
    path("moderation/bulk/", views.bulk_decide, name="bulk-decide"),
    path("moderation/readers/<int:user_id>/sanction/", views.sanction, name="sanction"),
    path("moderation/sanctions/<int:pk>/lift/", views.sanction_lift, name="sanction-lift"),
    path("moderation/blocklist/", views.blocklist, name="blocklist"),
    path("moderation/dashboard/", views.dashboard, name="dashboard"),
    path("moderation/decisions/", views.decision_log, name="decisions"),
]
