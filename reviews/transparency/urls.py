from django.urls import path

from reviews.transparency import views

app_name = "transparency"

urlpatterns = [
    path("moderation-log/", views.moderation_log, name="log"),
    path("moderation-log/feed/", views.ModerationLogFeed(), name="log-feed"),
]
