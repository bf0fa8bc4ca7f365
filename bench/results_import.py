"""Benchmark: importing a 10.000-row results workbook (the Celery task's work), on PostgreSQL.

    .venv/bin/python bench/results_import.py

Uses the dataset of ``bench/attainment.py`` (built there on first run). Times reading + checking +
writing 10.000 officer rows (plus 700 unit rows) in one transaction, rolled back afterwards, and the
baseline of only reading the same workbook with openpyxl.
"""

import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")


class Rollback(Exception):
    pass


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from openpyxl import Workbook, load_workbook

    from bench.attainment import ensure_database
    from bench.dataset import build_dataset
    from campaigns.importers import OFFICER_COLUMNS, UNIT_COLUMNS, import_results
    from emulation.models import Officer
    from emulation.spreadsheets import workbook_bytes

    ensure_database()
    campaign, _ = build_dataset()
    user = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "bench", password="bench-only")
    book = Workbook()
    book.remove(book.active)
    units = book.create_sheet("Đơn vị")
    units.append(UNIT_COLUMNS)
    for participation in campaign.participations.select_related("unit"):
        units.append([participation.unit.code, "", "15/09/2024", 900, 800, 700, 10**11, 6 * 10**10, 3 * 10**10])
    people = book.create_sheet("Cá nhân")
    people.append(OFFICER_COLUMNS)
    for officer in Officer.objects.filter(unit__participations__campaign=campaign).select_related("unit"):
        people.append([officer.code, "", officer.unit.code, "15/09/2024", 120, 100, 80, 10**10, 5 * 10**9, 2 * 10**9])
    content = workbook_bytes(book)
    start = time.perf_counter()
    for sheet in load_workbook(io.BytesIO(content), read_only=True).worksheets:
        sum(1 for _ in sheet.iter_rows(values_only=True))
    read_only = time.perf_counter() - start
    start = time.perf_counter()
    try:
        with transaction.atomic():
            outcome = import_results(io.BytesIO(content), campaign=campaign, user=user)
            elapsed = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    rows = units.max_row + people.max_row - 2
    print(f"workbook: {rows} rows, {len(content) // 1024} KiB; errors: {len(outcome.errors)}; "
          f"created: {outcome.created}")
    print(f"import (read + check + bulk write + audit): {elapsed:.2f} s; reading only: {read_only:.2f} s; "
          f"ratio {elapsed / read_only:.1f}×")


if __name__ == "__main__":
    main()
