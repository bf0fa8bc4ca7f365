"""Project URLs: each app under its own prefix and namespace. ``MEDIA_ROOT`` is not mounted, in DEBUG
either: every stored file goes out through a view that checks the user's scope (or, for the honour
board, publication)."""

from django.contrib import admin
from django.urls import include, path

from emulation.views.health import healthz

admin.site.site_header = "Thi đua – Khen thưởng: quản trị"
admin.site.site_title = "Thi đua – Khen thưởng"

urlpatterns = [
    path("healthz", healthz, name="healthz"),  # no namespace, no trailing slash: probes ask exactly this
    path("", include("reports.urls")),
    path("to-chuc/", include("emulation.urls")),
    path("ke-hoach/", include("campaigns.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
