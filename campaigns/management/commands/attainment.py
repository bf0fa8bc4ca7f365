"""``python manage.py attainment CAMPAIGN_ID --format json|csv``: the computed attainment table."""

import csv
import json

from django.core.management.base import BaseCommand, CommandError

from campaigns.models import Campaign
from campaigns.selectors import attainment_rows_for_all
from campaigns.snapshots import as_record

COLUMNS = ["unit_code", "unit", "officer_code", "officer", "target_code", "metric", "bracket", "target_value",
           "actual", "state", "gap_units", "gap_points", "rank", "peers", "reason"]


class Command(BaseCommand):
    help = "In bảng đạt chỉ tiêu của một phong trào (số liệu đã xác nhận mới nhất), dạng JSON hoặc CSV."

    def add_arguments(self, parser):
        parser.add_argument("campaign", type=int, help="mã (id) phong trào")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, campaign, format, **options):
        try:
            instance = Campaign.objects.get(pk=campaign)
        except Campaign.DoesNotExist as exc:
            raise CommandError(f"Không có phong trào mã {campaign}.") from exc
        records = [as_record(row) for row in attainment_rows_for_all(instance)]
        if format == "json":
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
