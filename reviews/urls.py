from django.urls import path

from reviews import feeds, views
from reviews.search import views as search

app_name = "reviews"

urlpatterns = [
    path("reviews/", views.ReviewListView.as_view(), name="review-list"),
    path("search/", search.search, name="search"),
    path("feeds/reviews/", feeds.LatestReviewsFeed(), name="feed"),
    path("films/<slug:slug>/feed/", feeds.FilmReviewsFeed(), name="film-feed"),
    path("films/<slug:slug>/reviews/", views.FilmReviewListView.as_view(), name="film-reviews"),
    path("reviews/<int:pk>/preview/", views.ReviewPreviewView.as_view(), name="review-preview"),
    path("reviews/<slug:slug>/", views.ReviewDetailView.as_view(), name="review-detail"),
]
