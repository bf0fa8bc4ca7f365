from django.urls import path

from .views import proposals

app_name = "awards"

urlpatterns = [
    path("phong-trao/<int:pk>/", proposals.campaign_awards, name="campaign_awards"),
]
