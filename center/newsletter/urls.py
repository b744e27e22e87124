from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("", views.signup, name="signup"),
    path("thanks/", views.thanks, name="thanks"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("unsubscribe/<slug:token>/", views.unsubscribe, name="unsubscribe"),
    path("preferences/<slug:token>/", views.preferences, name="preferences"),
    path("campaign/<uuid:public_id>/", views.campaign_web, name="campaign_web"),
]
