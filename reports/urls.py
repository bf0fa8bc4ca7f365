from django.urls import path

from .views import campaign_charts, dashboard, documents

app_name = "reports"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    # under the campaign's own address (campaigns.urls is mounted at ke-hoach/): the charts are drawn here
    path("ke-hoach/phong-trao/<int:pk>/bieu-do/", campaign_charts.campaign_dashboard, name="campaign_dashboard"),
    path("van-ban/tao/<slug:kind>/<int:object_id>/", documents.document_request, name="document_request"),
    path("van-ban/<int:pk>/", documents.document_detail, name="document_detail"),
    path("van-ban/<int:pk>/tai-ve/", documents.document_download, name="document_download"),
    path("van-ban/ban-ky/<int:pk>/tai-ve/", documents.signed_download, name="signed_download"),
]
