from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Kế hoạch và phong trào thi đua")

    def ready(self):
        from . import notifications, reminders, reorganisation

        reorganisation.register()
        notifications.register()
        reminders.register()
