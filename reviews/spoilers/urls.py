from django.urls import path

from reviews.spoilers import views

app_name = "spoilers"

urlpatterns = [
    path("progress/<int:film_pk>/", views.progress_update, name="progress"),
]
