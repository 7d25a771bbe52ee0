from django.urls import path

from reviews.premiere import views

app_name = "premiere"

urlpatterns = [
    path("films/<slug:film>/premiere/", views.premiere_thread, name="premiere-thread"),
    path("films/<slug:film>/premiere/live/", views.premiere_live, name="premiere-live"),
    path("premieres/<int:pk>/comments/", views.comment_create, name="comment-create"),
    path("premieres/<int:pk>/comments/draft/", views.comment_draft, name="comment-draft"),
]
