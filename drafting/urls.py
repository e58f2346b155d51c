from django.urls import path

from drafting import views

urlpatterns = [
    path("confirm/<str:token>/", views.confirm_comment, name="drafting_confirm"),
]
