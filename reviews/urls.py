from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("", views.ReviewListView.as_view(), name="review-list"),
    path("<int:pk>/preview/", views.ReviewPreviewView.as_view(), name="review-preview"),
    path("<slug:slug>/", views.ReviewDetailView.as_view(), name="review-detail"),
]
