"""Benchmark: a proposal dossier for 100 nominees (about 150 pages) rendered to a signed-ready PDF.

    .venv/bin/python bench/dossier_bench.py [nominees]

Builds the proposal in a scratch SQLite database (units, officers, award history, one achievement
report of about a page and a half per nominee), then prints:

- prepare: loading the proposal and rendering the HTML of every part (what the request and the
  cache check cost);
- one worker: ``reports.pdf.render_pdf`` on all parts, as the Celery task does it (layout of each
  part, one PDF write with the font subset once, the signature fields added);
- two workers, two dossiers: two processes each rendering a whole dossier at the same time (what a
  ``worker --concurrency=2`` deployment gets), as throughput against one worker;
- two workers, one dossier split: the parts in two halves rendered by two processes, then joined
  with pypdf (what splitting one dossier across workers would give, join included);
- the floor: WeasyPrint on plain pages of the same size, font and margins (paragraphs only, no
  tables or header blocks), per page, and the dossier's time per page against it; the two take
  turns (three runs each) so the machine's load touches both alike; wall time, and the process's CPU
  time, which the other processes of a shared machine change much less;
- the phases: layout of the parts, then ``write_pdf`` with the signature fields.
"""

import io
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emulation.settings")
SCRATCH = Path(tempfile.gettempdir()) / "thidua-dossier-bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{SCRATCH}"
os.environ.setdefault("MEDIA_ROOT", str(Path(tempfile.gettempdir()) / "thidua-dossier-bench-media"))

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc"]
GIVEN = ["An", "Ân", "Bình", "Cúc", "Dũng", "Đức", "Hạnh", "Khoa", "Lộc", "Phương", "Quý", "Ơn"]
ACHIEVEMENT = (
    "Trong năm, đồng chí được phân công tổ chức thi hành {cases} việc, trong đó có điều kiện thi hành {ready} việc; "
    "đã thi hành xong {done} việc, đạt tỷ lệ {rate}% trên số việc có điều kiện, vượt chỉ tiêu được giao. Về tiền, "
    "đã thi hành xong {money} đồng trên tổng số tiền có điều kiện thi hành. Đồng chí thường xuyên rà soát, phân "
    "loại án, tập trung giải quyết dứt điểm các vụ việc phức tạp, kéo dài; phối hợp chặt chẽ với các cơ quan hữu "
    "quan trong tổ chức cưỡng chế; không có đơn thư khiếu nại, tố cáo vượt cấp; chấp hành nghiêm kỷ luật, kỷ cương "
    "hành chính và quy tắc ứng xử của công chức thi hành án dân sự.")


def build(nominees: int) -> int:
    """A fresh scratch database with one submitted proposal of ``nominees`` officers; returns its id."""
    import datetime

    from django.core.management import call_command

    from awards.models import (
        AchievementReport,
        AwardForm,
        AwardRecord,
        AwardRule,
        CampaignAward,
        Nomination,
        Proposal,
        ProposalStatus,
    )
    from campaigns.models import Campaign, Plan
    from emulation import registers
    from emulation.models import Officer, Unit, UnitKind

    if SCRATCH.exists():
        SCRATCH.unlink()
    call_command("migrate", verbosity=0)
    d = datetime.date
    nation = Unit.objects.create(code="TC", name="Tổng cục Thi hành án dân sự", kind=UnitKind.NATIONAL)
    province = Unit.objects.create(code="HG", name="Cục Thi hành án dân sự tỉnh Hậu Giang",
                                   kind=UnitKind.PROVINCIAL, parent=nation)
    unit = Unit.objects.create(code="HG-VT", name="Chi cục Thi hành án dân sự thành phố Vị Thanh",
                               kind=UnitKind.SUB_DEPARTMENT, parent=province)
    plan = Plan.objects.create(issuer=province, number=12, symbol="KH-CTHADS", year=2024, title="Kế hoạch thi đua")
    campaign = Campaign.objects.create(plan=plan, name="Phong trào thi đua năm 2024", kind="annual",
                                       starts_on=d(2024, 1, 1), ends_on=d(2024, 12, 31), dossier_due_on=d(2024, 12, 20))
    form = AwardForm.objects.create(code="GK_CUC", name="Giấy khen của Cục trưởng Cục THADS tỉnh",
                                    kind="commendation", subject_type="both", authority="Cục trưởng")
    rule = AwardRule.objects.create(award_form=form, legal_basis="Nghị định 98/2023/NĐ-CP", valid_from=d(2024, 1, 1),
                                    valid_to=d(2025, 6, 30), vote_threshold=50, report_template="nd98_mau03",
                                    proposal_template="nd98_mau01")
    award = CampaignAward.objects.create(campaign=campaign, award_form=form)
    proposal = Proposal.objects.create(
        campaign=campaign, unit=unit, status=ProposalStatus.SUBMITTED, title="Tờ trình đề nghị tặng Giấy khen",
        meeting_held_on=d(2024, 12, 10), meeting_chair="Trần Văn Hải", meeting_present=9, meeting_total=9,
        meeting_attendees="\n".join(f"{FAMILY[i]} {MIDDLE[i % 6]} {GIVEN[i]} – Chấp hành viên" for i in range(9)),
        submitted_at=datetime.datetime(2024, 12, 15, 9, 0, tzinfo=datetime.UTC),
        letter_entry=registers.issue_number(issuer=unit, series="TTr", issued_on=d(2024, 12, 15), subject="Đề nghị"),
        minutes_entry=registers.issue_number(issuer=unit, series="BB", issued_on=d(2024, 12, 10), subject="BB"))
    for n in range(nominees):
        officer = Officer.objects.create(code=f"VT-{n:03d}", full_name=f"{FAMILY[n % 10]} {MIDDLE[n % 6]} "
                                         f"{GIVEN[n % 12]}", gender="male" if n % 2 else "female", unit=unit,
                                         position="Chấp hành viên sơ cấp", birth_date=d(1980 + n % 15, 1 + n % 12, 9))
        nomination = Nomination.objects.create(proposal=proposal, campaign_award=award, unit=unit, officer=officer,
                                               rule=rule, position=n)
        text = ACHIEVEMENT.format(cases=120 + n, ready=100 + n, done=90 + n, rate=f"{90 + n % 10},5",
                                  money=f"{(n + 1) * 1_234_567:,}".replace(",", "."))
        AchievementReport.objects.create(
            nomination=nomination, summary="Trình độ chuyên môn: Cử nhân Luật; lý luận chính trị: Trung cấp.",
            duties="Tổ chức thi hành các bản án, quyết định được phân công; theo dõi, đôn đốc việc thi hành án.",
            achievements="\n".join([text] * 2), initiatives="Sáng kiến: phân loại án theo điều kiện thi hành.")
        for year in range(2019, 2024):
            AwardRecord.objects.create(award_form=form, officer=officer, year=year, decided_on=d(year, 12, 20),
                                       decision_reference=f"{n % 90 + 1:02d}/QĐ-CTHADS", issued_by=province.name)
    return proposal.pk


def dossier_parts(proposal_id: int) -> list[str]:
    from reports.documents import proposals

    return proposals.dossier_parts(proposals.load(proposal_id))


def render(parts: list[str]) -> tuple[float, int, int, float]:
    """Wall time, pages, bytes and this process's CPU time of one render_pdf."""
    from reports.pdf import render_pdf

    start, cpu = time.perf_counter(), time.process_time()
    rendered = render_pdf(parts)
    return time.perf_counter() - start, rendered.pages, len(rendered.data), time.process_time() - cpu


def render_bytes(parts: list[str]) -> bytes:
    from reports.pdf import render_pdf

    return render_pdf(parts).data


def phases(parts: list[str]) -> tuple[float, float]:
    """render_pdf's two steps timed apart: laying out every part, then writing the joined pages with the fields."""
    from reports.pdf import lay_out, write

    start = time.perf_counter()
    documents = lay_out(parts)
    layout = time.perf_counter() - start
    start = time.perf_counter()
    write(documents)
    return layout, time.perf_counter() - start


def floor_per_page(pages: int) -> tuple[float, float]:
    """Plain pages: same A4 size, margins, font and body size; paragraphs only."""
    import weasyprint

    from reports.pdf import FONT_DIR

    paragraph = "<p>" + ACHIEVEMENT.format(cases=120, ready=100, done=90, rate="90,5", money="1.234.567") + "</p>"
    html = ("<style>@font-face{font-family:'Liberation Serif';src:url('LiberationSerif-Regular.ttf')}"
            "@page{size:A4;margin:20mm 15mm 20mm 30mm}html{font-family:'Liberation Serif';font-size:14pt}"
            "p{text-align:justify;margin:0 0 6pt}</style>" + paragraph * (pages * 4))
    start, cpu = time.perf_counter(), time.process_time()
    document = weasyprint.HTML(string=html, base_url=str(FONT_DIR)).render()
    document.write_pdf()
    return (time.perf_counter() - start) / len(document.pages), (time.process_time() - cpu) / len(document.pages)


def main() -> None:
    import django

    django.setup()
    nominees = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    proposal_id = build(nominees)
    render(dossier_parts(proposal_id)[:2])  # warm up fonts and templates

    prepare_times = []
    for _ in range(3):
        start = time.perf_counter()
        parts = dossier_parts(proposal_id)
        prepare_times.append(time.perf_counter() - start)
    one, floors = [], []
    for _ in range(3):  # the product and the floor take turns, so a change of load touches both alike
        one.append(render(parts))
        floors.append(floor_per_page(one[-1][1]))
    best = min(t for t, _, _, _ in one)
    pages, size = one[0][1], one[0][2]
    layout, writing = phases(parts)

    context = multiprocessing.get_context("fork")
    with context.Pool(2) as pool:
        pool.map(render, [parts[:2], parts[:2]])  # warm both processes
        start = time.perf_counter()
        pool.map(render, [parts, parts])
        two_dossiers = time.perf_counter() - start
        half = len(parts) // 2
        start = time.perf_counter()
        halves = pool.map(render_bytes, [parts[:half], parts[half:]])
        from pypdf import PdfWriter

        writer = PdfWriter()
        for data in halves:
            writer.append(io.BytesIO(data))
        out = io.BytesIO()
        writer.write(out)
        split = time.perf_counter() - start

    floor = min(wall for wall, _ in floors)
    cpu_floor = [cpu for _, cpu in floors]
    cpu_pages = [cpu / pages for _, _, _, cpu in one]
    per_page = best / pages
    print(f"dossier  {nominees} nominees, {len(parts)} parts, {pages} pages, {size / 2**20:.2f} MiB")
    print(f"prepare  load + HTML of every part: min {min(prepare_times):.2f} s  median "
          f"{statistics.median(prepare_times):.2f} s")
    print(f"1 worker render_pdf: min {best:.2f} s  median {statistics.median(t for t, _, _, _ in one):.2f} s  "
          f"goal < 20 s ({'met' if best < 20 else 'NOT met'})")
    print(f"2 workers, two dossiers at once: {two_dossiers:.2f} s for both  → throughput "
          f"{2 * best / two_dossiers:.2f}× one worker")
    print(f"2 workers, one dossier split in halves + pypdf join: {split:.2f} s  → speed-up {best / split:.2f}×  "
          f"({len(out.getvalue()) / 2**20:.2f} MiB: the font subset is embedded twice)")
    print(f"phases   layout of the parts {layout:.2f} s ({layout / (layout + writing):.0%}), write_pdf with the "
          f"signature fields {writing:.2f} s ({writing / (layout + writing):.0%})")
    print(f"per page {per_page * 1000:.0f} ms   floor (WeasyPrint, plain A4 page, same font and margins) "
          f"{floor * 1000:.0f} ms   ratio {per_page / floor:.2f}× (min / min)   median "
          f"{statistics.median(t for t, _, _, _ in one) / pages / statistics.median(w for w, _ in floors):.2f}×   "
          f"goal ≤ 1,5×   load average {os.getloadavg()[0]:.1f}")
    print(f"cpu/page {min(cpu_pages) * 1000:.0f} ms   floor {min(cpu_floor) * 1000:.0f} ms   ratio "
          f"{min(cpu_pages) / min(cpu_floor):.2f}× (min / min)   median "
          f"{statistics.median(cpu_pages) / statistics.median(cpu_floor):.2f}×   (this process's CPU time: what a "
          f"shared machine's load changes least)")
    print(f"cores    {os.cpu_count()}")


if __name__ == "__main__":
    main()
