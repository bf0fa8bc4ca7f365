"""``python manage.py load_demo``: the five seed plans with their organisations, people and accounts; the 2025
reorganisation applied to them through the operation; and the current THADS statistical year of Cần Thơ.

Lives in reports/ because it loads every app's demo data, in dependency order."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from awards import demo as awards_demo
from campaigns import demo as campaigns_demo
from campaigns.models import Campaign, Plan, Pledge
from emulation import demo as emulation_demo
from emulation.models import Officer, RoleGrant, Unit


class Command(BaseCommand):
    help = ("Nạp dữ liệu mẫu: năm kế hoạch thi đua thật, đơn vị, cán bộ, tài khoản demo, sắp xếp đơn vị 2025 và năm "
            "thống kê hiện tại (chạy nhiều lần an toàn).")

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                            help="Ngày dựng năm thống kê hiện tại (YYYY-MM-DD; mặc định: hôm nay).")
        parser.add_argument("--seed-era", action="store_true",
                            help="Chỉ dữ liệu của năm kế hoạch mẫu như trước ngày 01/07/2025 (không sắp xếp đơn vị, "
                                 "không có năm hiện tại).")

    def handle(self, *args, today=None, seed_era=False, **options):
        today = today or timezone.localdate()
        with transaction.atomic():
            loaded = emulation_demo.load()
            campaigns_demo.load(loaded["units"])
            awards_demo.load()
            if not seed_era:
                emulation_demo.reorganise(loaded["units"])
                campaigns_demo.load_current(today=today)
                awards_demo.load_current(today=today)
        self.stdout.write(self.style.SUCCESS(
            f"Dữ liệu mẫu: {Unit.objects.count()} đơn vị, {Officer.objects.count()} cán bộ, "
            f"{Plan.objects.count()} kế hoạch, {Campaign.objects.count()} phong trào, "
            f"{Pledge.objects.count()} đăng ký giao ước."))
        self.stdout.write(f"Tài khoản demo (mật khẩu: {emulation_demo.DEMO_PASSWORD}):")
        scopes = {(g.user.username, g.role): g.unit.name for g in RoleGrant.objects.select_related("user", "unit")}
        for account in emulation_demo.DEMO_ACCOUNTS:
            role = account["role"].label if account["role"] else "Quản trị hệ thống"
            scope = scopes.get((account["username"], account["role"]), "toàn hệ thống")
            self.stdout.write(f"  {account['username']:<17} {role:<40} {scope}")
