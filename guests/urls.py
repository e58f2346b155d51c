from django.urls import path

from guests import views

app_name = "guests"
urlpatterns = [
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("preview/<str:token>/", views.shared_preview, name="shared_preview"),
]
