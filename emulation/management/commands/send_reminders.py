"""``python manage.py send_reminders [--date dd/mm/yyyy]``: the daily deadline reminders, by hand (the beat
schedule runs the same function through the ``emulation.send_reminders`` task)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from emulation import reminders


def parse_day(value: str) -> datetime.date:
    try:
        return datetime.datetime.strptime(value.strip(), "%d/%m/%Y").date()
    except ValueError as exc:
        raise CommandError(f"Ngày không hợp lệ: “{value}”. Nhập theo dạng dd/mm/yyyy, ví dụ 05/12/2026.") from exc


class Command(BaseCommand):
    help = "Gửi thông báo nhắc hạn cho các đơn vị, thành viên Hội đồng còn chưa thực hiện (mặc định: hôm nay)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="ngày chạy nhắc hạn, dạng dd/mm/yyyy (mặc định: hôm nay)")

    def handle(self, *args, date=None, **options):
        day = parse_day(date) if date else timezone.localdate()
        sent = reminders.send_reminders(today=day)
        self.stdout.write(f"{day:%d/%m/%Y}: {sent} thông báo nhắc hạn.")
