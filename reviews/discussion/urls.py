from django.urls import path

from reviews.discussion import views

app_name = "discussion"

urlpatterns = [
    path("reviews/<slug:slug>/comments/", views.comment_create, name="comment-create"),
    path("reviews/<slug:slug>/comments/draft/", views.comment_draft, name="comment-draft"),
    path("comments/<int:pk>/", views.comment_permalink, name="comment-permalink"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment-edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("comments/<int:pk>/like/", views.comment_like, name="comment-like"),
]
