from django.urls import path

from reviews.scenes import views

app_name = "scenes"

urlpatterns = [
    path(
        "films/<slug:film>/scenes/<int:number>-<slug:slug>/",
        views.scene_detail,
        name="scene-detail",
    ),
    path("scenes/<int:pk>/comments/", views.scene_comment_create, name="comment-create"),
    path("scenes/<int:pk>/comments/draft/", views.scene_comment_draft, name="comment-draft"),
]
