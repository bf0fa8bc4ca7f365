from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Khen thưởng")

    def ready(self):
        from emulation import panels

        from . import notifications, reminders, reorganisation
        from .selectors.proposals import award_history

        panels.register("officer", "awards/_history_panel.html",
                        lambda user, officer: {"records": list(award_history(officer=officer))})
        panels.register("unit", "awards/_history_panel.html",
                        lambda user, unit: {"records": list(award_history(unit=unit))})
        panels.register("campaign_actions", "awards/_campaign_link.html", lambda user, campaign: {})
        reorganisation.register()
        notifications.register()
        reminders.register()
