"""Project URLs: each app under its own prefix and namespace."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Thi đua – Khen thưởng: quản trị"
admin.site.site_title = "Thi đua – Khen thưởng"

urlpatterns = [
    path("", include("reports.urls")),
    path("to-chuc/", include("emulation.urls")),
    path("ke-hoach/", include("campaigns.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
