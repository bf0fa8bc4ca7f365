"""Benchmark: full attainment recompute and ranking on a national-scale dataset in PostgreSQL.

    .venv/bin/python bench/attainment.py            # generates the data once, then times
    BENCH_DATABASE_URL=postgres://…/db .venv/bin/python bench/attainment.py

Prints the time of the product's computation (``attainment_rows_for_all``: set-based queries plus
the pure rules) and its ratio to (a) a naive per-subject ORM loop, timed on a sample and scaled,
and (b) one raw SQL aggregate over the same rows (the floor: reading the latest figures and dividing).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.databases import ensure_database  # noqa: E402

URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/thidua_bench")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")



def timed(function, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), value


def main() -> None:
    ensure_database(URL)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench.dataset import build_dataset, naive_attainment, raw_sql_floor
    from campaigns.selectors import attainment_rows_for_all

    campaign, counts = build_dataset()
    print(f"dataset: {counts['units']} sub-units, {counts['officers']} officers, {counts['dates']} reporting dates, "
          f"{counts['results']} results")
    best, median, rows = timed(lambda: attainment_rows_for_all(campaign))
    print(f"product  attainment_rows_for_all: {len(rows)} rows  min {best:.3f} s  median {median:.3f} s")
    floor_best, floor_median, floor_rows = timed(lambda: raw_sql_floor(campaign))
    print(f"floor    one raw SQL aggregate:    {floor_rows} rows  "
          f"min {floor_best:.3f} s  median {floor_median:.3f} s")
    sample = 300
    naive_best, _, naive_rows = timed(lambda: naive_attainment(campaign, limit=sample), repeat=3)
    subjects = counts["units"] + counts["officers"]
    naive_full = naive_best * subjects / sample
    print(f"naive    per-subject ORM loop:     {naive_rows} subjects in {naive_best:.3f} s "
          f"→ {naive_full:.1f} s for {subjects} subjects (scaled)")
    print(f"ratios   naive / product = {naive_full / best:.1f}×   product / floor = {best / floor_best:.1f}×")


if __name__ == "__main__":
    main()
