from django.urls import path

from reviews.appeals import views

app_name = "appeals"

urlpatterns = [
    path("comments/<int:pk>/appeal/", views.comment_appeal, name="comment-appeal"),
    path("diary/<int:pk>/appeal/", views.entry_appeal, name="entry-appeal"),
    path("moderation/appeals/", views.queue, name="queue"),
    path("moderation/appeals/<int:pk>/decide/", views.decide, name="decide"),
]
