from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Tổ chức, cán bộ, tài khoản")

    def ready(self):
        from . import account_audit, reorganisation_movers, sign_in

        reorganisation_movers.register()
        sign_in.connect()
        account_audit.connect()
