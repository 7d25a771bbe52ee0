from django.urls import path

from reviews.notes import views

app_name = "notes"

urlpatterns = [
    path(
        "reviews/<slug:slug>/notes/<slug:anchor>/",
        views.ParagraphNotesView.as_view(),
        name="paragraph",
    ),
    path("reviews/<slug:slug>/notes/<slug:anchor>/new/", views.note_create, name="note-create"),
]
