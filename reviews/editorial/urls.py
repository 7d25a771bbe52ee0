from django.urls import path

from reviews.editorial import views

app_name = "editorial"

urlpatterns = [
    path("preview/<str:token>/", views.PreviewLinkView.as_view(), name="preview-link"),
]
