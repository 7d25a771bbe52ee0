from django.urls import path

from reviews.readers import views

app_name = "readers"

urlpatterns = [
    path("readers/<str:username>/", views.reader_profile, name="profile"),
    path("account/profile/", views.profile_edit, name="profile-edit"),
    path("account/record/", views.record, name="record"),
    path("account/delete/", views.account_delete, name="account-delete"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
