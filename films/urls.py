from django.urls import path

from films import views
from reviews.views import FilmReviewListView

app_name = "films"

urlpatterns = [
    path("films/", views.FilmListView.as_view(), name="film-list"),
    path("films/<slug:slug>/", views.FilmDetailView.as_view(), name="film-detail"),
    path("films/<slug:slug>/reviews/", FilmReviewListView.as_view(), name="film-reviews"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("search/", views.search, name="search"),
]
