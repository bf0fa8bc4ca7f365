from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _officer_initiatives(user, officer) -> dict:
    from .selectors.initiatives import initiatives_of_officer

    rows = [{"initiative": i, "share": next(a.share for a in i.authors.all() if a.officer_id == officer.pk)}
            for i in initiatives_of_officer(officer)]
    return {"initiatives": rows}


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Khen thưởng")

    def ready(self):
        from emulation import panels

        from . import notifications, reminders, reorganisation
        from .selectors.proposals import award_history

        panels.register("officer", "awards/_history_panel.html",
                        lambda user, officer: {"records": list(award_history(officer=officer))})
        panels.register("officer", "awards/_initiative_panel.html", _officer_initiatives)
        panels.register("unit", "awards/_history_panel.html",
                        lambda user, unit: {"records": list(award_history(unit=unit))})
        panels.register("campaign_actions", "awards/_campaign_link.html", lambda user, campaign: {})
        reorganisation.register()
        notifications.register()
        reminders.register()
