"""``python manage.py load_demo``: the five seed plans with their organisations, people and accounts.

Lives in reports/ because it loads every app's demo data, in dependency order."""

from django.core.management.base import BaseCommand
from django.db import transaction

from awards import demo as awards_demo
from campaigns import demo as campaigns_demo
from campaigns.models import Campaign, Plan, Pledge
from emulation import demo as emulation_demo
from emulation.models import Officer, Unit


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: năm kế hoạch thi đua thật, đơn vị, cán bộ và tài khoản demo (chạy nhiều lần an toàn)."

    def handle(self, *args, **options):
        with transaction.atomic():
            loaded = emulation_demo.load()
            campaigns_demo.load(loaded["units"])
            awards_demo.load()
        self.stdout.write(self.style.SUCCESS(
            f"Dữ liệu mẫu: {Unit.objects.count()} đơn vị, {Officer.objects.count()} cán bộ, "
            f"{Plan.objects.count()} kế hoạch, {Campaign.objects.count()} phong trào, "
            f"{Pledge.objects.count()} đăng ký giao ước."))
        self.stdout.write(f"Tài khoản demo (mật khẩu: {emulation_demo.DEMO_PASSWORD}):")
        names = dict(Unit.objects.values_list("code", "name"))
        for account in emulation_demo.DEMO_ACCOUNTS:
            role = account["role"].label if account["role"] else "Quản trị hệ thống"
            scope = names[account["unit"]] if account["unit"] else "toàn hệ thống"
            self.stdout.write(f"  {account['username']:<17} {role:<40} {scope}")
