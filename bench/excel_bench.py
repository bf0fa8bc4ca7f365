"""Benchmark: writing a 10.000-row nominee list (Danh sách đề nghị khen thưởng) in the exchange layout.

    .venv/bin/python bench/excel_bench.py [rows]

Prints the time of ``reports.workbooks.nominee_list_workbook`` (write-only openpyxl, every cell
styled: borders, Times New Roman, number formats; merged title lines, frozen header, print setup)
on synthetic rows with the council columns (11 columns), against the floor measured in the same run,
the two taking turns: a bare write-only openpyxl loop over the same values, no styles. Then the peak memory of each
(tracemalloc, in a separate pass because tracing slows Python down). No database is touched.
"""

import io
import os
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc"]
GIVEN = ["An", "Ân", "Bình", "Cúc", "Dũng", "Đức", "Hạnh", "Khoa", "Lộc", "Phương", "Quý", "Ơn"]
UNITS = [f"Chi cục Thi hành án dân sự huyện số {n:02d}" for n in range(1, 41)]
AWARDS = ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Giấy khen của Cục trưởng Cục THADS tỉnh",
          "Bằng khen của Bộ trưởng Bộ Tư pháp"]
TITLE_LINES = ["Cục Thi hành án dân sự tỉnh Hậu Giang", "Danh sách đề nghị khen thưởng",
               "Đợt thi đua cao điểm năm 2024",
               "(Kèm theo Biên bản họp Hội đồng Thi đua – Khen thưởng ngày 10/07/2024)"]


def synthetic_rows(count: int) -> list:
    from reports.workbooks import NomineeRow

    rows = []
    for n in range(count):
        yes = 4 + n % 6
        rows.append(NomineeRow(
            name=f"{FAMILY[n % 10]} {MIDDLE[n % 6]} {GIVEN[n % 12]}", position="Chấp hành viên trung cấp",
            unit=UNITS[n % 40], award=AWARDS[n % 4],
            summary=f"Thi hành xong {300 + n % 97}/400 việc có điều kiện; thu {n * 1_000_000:,} đồng.",
            verdict="Đủ điều kiện", note="", yes=yes, percent=(Decimal(yes * 100) / 9).quantize(Decimal("0.01")),
            outcome="Đạt" if yes >= 5 else "Không đạt"))
    return rows


def floor_workbook(rows) -> bytes:
    """The same values through a bare write-only loop: no styles, no title lines, no print setup."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách đề nghị")
    for number, row in enumerate(rows, start=1):
        sheet.append([number, row.name, row.position, row.unit, row.award, row.summary, row.verdict, row.yes,
                      row.percent, row.outcome, row.note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def interleaved(functions, repeat=7):
    """Each function run ``repeat`` times, taking turns, so a change in the machine's load touches all of
    them alike (the helpers share 2 cores); returns (min, median, last value) per function."""
    times, values = [[] for _ in functions], [None] * len(functions)
    for _ in range(repeat):
        for index, function in enumerate(functions):
            start = time.perf_counter()
            values[index] = function()
            times[index].append(time.perf_counter() - start)
    return [(min(t), statistics.median(t), v) for t, v in zip(times, values, strict=True)]


def peak_mib(function) -> float:
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    import django

    django.setup()
    from reports.workbooks import nominee_list_workbook

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rows = synthetic_rows(count)

    def product():
        return nominee_list_workbook(rows, title_lines=TITLE_LINES, with_votes=True)

    def floor():
        return floor_workbook(rows)

    (best, median, data), (floor_best, floor_median, floor_data) = interleaved([product, floor])
    print(f"product  nominee_list_workbook: {count} rows × 11 columns  min {best:.3f} s  median {median:.3f} s  "
          f"{len(data) / 2**20:.2f} MiB")
    print(f"floor    bare write-only loop:  {count} rows × 11 columns  min {floor_best:.3f} s  "
          f"median {floor_median:.3f} s  {len(floor_data) / 2**20:.2f} MiB")
    print(f"ratio    product / floor = {best / floor_best:.2f}× (min)  {median / floor_median:.2f}× (median)   "
          f"goal ≤ 1,5×: {'met' if best / floor_best <= 1.5 else 'NOT met'}   load average {os.getloadavg()[0]:.1f}")
    print(f"memory   peak (tracemalloc, rows excluded): product {peak_mib(product):.1f} MiB   "
          f"floor {peak_mib(floor):.1f} MiB")


if __name__ == "__main__":
    main()
