"""Staff fill the results grid with the keyboard and a block pasted from Excel, see the refused cell, fix it
and save; at 1366 and 390 px the page never scrolls sideways (the wide grid scrolls in its own box)."""

import pytest
from django.urls import reverse

from campaigns.models import Result, ResultValue
from tests.e2e.test_notifications_flow import _looked_at
from tests.factories import TargetFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASTE = """([name, text]) => {
  const cell = document.querySelector(`[name="${name}"]`);
  cell.focus();
  const data = new DataTransfer();
  data.setData("text/plain", text);
  cell.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""
# Two rows copied from Excel: unit A's six figures (completed above enforceable), then unit B's.
BLOCK = "1.200\t1.000\t1.100\t150.000.000\t120.000.000\t90.000.000\r\n900\t800\t600\t0\t0\t0\r\n"


def _focused(page) -> str:
    return page.evaluate("document.activeElement.name")


@pytest.mark.parametrize("width", [1366, 390])
def test_staff_type_paste_see_the_error_fix_it_and_save(page, sign_in, staff, results_campaign, unit_a, unit_b, width):
    campaign = results_campaign
    targets = [
        TargetFactory(
            campaign=campaign,
            subject_kind="unit",
            code=f"4.{n}",
            title=title,
            metric_kind=kind,
            value=None if kind == "boolean" else 10,
        )
        for n, (title, kind) in enumerate(
            [
                ("Số đơn thư được giải quyết", "count"),
                ("Tỷ lệ hồ sơ lưu trữ đúng hạn", "percentage"),
                ("Hoàn thành kế hoạch kiểm tra", "boolean"),
            ],
            start=1,
        )
    ]
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(staff)
    page.goto(page.base_url + reverse("campaigns:campaign_results", args=[campaign.pk]))
    with page.expect_navigation():
        page.click("[data-testid=open-grid]")
    page.fill("#grid-as-of", "30/06/2024")
    with page.expect_navigation():
        page.click("text=Mở bảng")
    assert page.locator("[data-testid=grid-row]").count() == 2
    a, b = f"u{unit_a.pk}", f"u{unit_b.pk}"

    page.evaluate(PASTE, [f"{a}-cases_total", BLOCK])  # fills two rows from the focused cell
    assert page.input_value(f"[name={a}-money_completed]") == "90.000.000"
    assert page.input_value(f"[name={b}-cases_total]") == "900"
    page.focus(f"[name={a}-t{targets[0].pk}]")
    page.keyboard.type("12")
    page.keyboard.press("Enter")  # down, not sending the form
    assert _focused(page) == f"{b}-t{targets[0].pk}"
    page.keyboard.type("7")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")  # the caret is at the end of "12": the next column
    assert _focused(page) == f"{a}-t{targets[1].pk}"
    page.keyboard.type("76,5")
    page.keyboard.press("ArrowRight")
    page.keyboard.type("Đạt")
    with page.expect_navigation():
        page.click("[data-testid=grid-save]")

    problems = page.inner_text("[data-testid=grid-problems]")
    assert "Chưa lưu: 1 lỗi cần sửa." in problems
    assert f"{unit_a.name} – Việc thi hành xong: Số thi hành xong không được lớn hơn" in problems
    assert page.input_value(f"[name={a}-t{targets[2].pk}]") == "Đạt"  # everything typed is kept
    assert page.locator(f"#{a}-cases_completed-error").is_visible() and not Result.objects.exists()
    box = page.evaluate(
        "(() => { const b = document.querySelector('[data-testid=grid-box]');"
        " return [b.scrollWidth, b.clientWidth]; })()"
    )
    assert box[0] > box[1]  # the grid is wider than its box and scrolls inside it
    _looked_at(page, f"grid-refused-{width}")

    page.click(f"[data-testid=grid-problems] a[href='#{a}-cases_completed']")
    assert _focused(page) in (f"{a}-cases_completed", None)
    page.fill(f"[name={a}-cases_completed]", "800")
    with page.expect_navigation():
        page.click("[data-testid=grid-save]")
    assert "Đã lưu bảng số liệu ngày 30/06/2024: 2 kết quả mới, 0 kết quả cập nhật." in page.inner_text("main")
    assert page.locator("[data-status=draft]").count() == 2
    _looked_at(page, f"grid-saved-{width}")
    saved = {r.unit_id: r for r in Result.objects.all()}
    assert (saved[unit_a.pk].cases_completed, saved[unit_b.pk].cases_total) == (800, 900)
    assert sorted(ResultValue.objects.values_list("result__unit_id", "target__code")) == sorted(
        [(unit_a.pk, "4.1"), (unit_a.pk, "4.2"), (unit_a.pk, "4.3"), (unit_b.pk, "4.1")]
    )
