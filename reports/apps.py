from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo, văn bản, bảng điều khiển")

    def ready(self):
        from emulation import panels

        from . import notifications
        from . import panels as document_panels
        from .documents import kinds

        kinds.register_all()
        for page in ("proposal", "session", "decision", "campaign", "plan"):
            panels.register(page, "reports/_documents_panel.html", document_panels.context_for(page))
        notifications.register()
