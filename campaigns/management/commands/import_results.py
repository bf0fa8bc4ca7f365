"""``python manage.py import_results CAMPAIGN_ID FILE.xlsx [--user USERNAME]``: all rows or nothing."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from campaigns.importers import import_results
from campaigns.models import Campaign


class Command(BaseCommand):
    help = "Nhập số liệu kết quả của một phong trào từ tệp Excel theo mẫu (có lỗi thì không ghi dòng nào)."

    def add_arguments(self, parser):
        parser.add_argument("campaign", type=int)
        parser.add_argument("file")
        parser.add_argument("--user", help="tài khoản chịu trách nhiệm (mặc định: quản trị hệ thống đầu tiên)")

    def handle(self, *args, campaign, file, user, **options):
        users = get_user_model().objects
        actor = users.filter(username=user).first() if user else users.filter(is_superuser=True).order_by("pk").first()
        if actor is None:
            raise CommandError("Không tìm thấy tài khoản để ghi nhật ký.")
        try:
            instance = Campaign.objects.get(pk=campaign)
        except Campaign.DoesNotExist as exc:
            raise CommandError(f"Không có phong trào mã {campaign}.") from exc
        with open(file, "rb") as workbook:
            outcome = import_results(workbook, campaign=instance, user=actor)
        for error in outcome.errors:
            self.stderr.write(f"{error.sheet} dòng {error.row}, cột {error.column}: {error.message}")
        if outcome.errors:
            raise CommandError(f"Không nhập dữ liệu nào: {len(outcome.errors)} lỗi.")
        self.stdout.write(self.style.SUCCESS(outcome.summary))
