"""A failed import is no dead end: the page lists the file's errors in a table, shows no empty bar beside
"Lỗi", and leads to the same form again (Tải lên lại) or back to where the import belongs — at 1366 and 390 px."""

import pytest
from django.urls import reverse

from emulation.models import Job, Unit
from tests.e2e.test_notifications_flow import _looked_at
from tests.emulation.workbooks import unit_row, workbook_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize("width", [1366, 390])
def test_a_failed_import_lists_its_errors_and_offers_a_way_on(page, sign_in, staff, province, media_root, width):
    rows = [unit_row(f"HG-X{n}", "", "HG") for n in range(12)]  # twelve units without a name
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(staff)
    page.goto(page.base_url + reverse("emulation:import_start"))
    page.set_input_files("input[type=file]", files=[{"name": "don-vi-loi.xlsx", "mimeType": XLSX,
                                                     "buffer": workbook_bytes(units=rows)}])
    with page.expect_navigation(url="**/cong-viec/*/"):
        page.click("[data-testid=import-submit]")
    assert page.inner_text("[data-testid=job-status]") == "Lỗi"
    assert page.locator("[role=progressbar]").count() == 0
    assert page.locator("[data-testid=job-error]").count() == 12
    assert page.inner_text("[data-testid=error-count]") == "12 lỗi — chưa nhập dữ liệu nào"
    assert page.inner_text("[data-testid=job-error] >> nth=0").split("\t") == ["Đơn vị", "2", "Tên đơn vị",
                                                                              "Bắt buộc nhập."]
    _looked_at(page, f"import-failed-{width}")
    assert Job.objects.get().status == "failed" and not Unit.objects.filter(code__startswith="HG-X").exists()

    with page.expect_navigation():
        page.click("[data-testid=job-restart]")
    assert page.url.endswith(reverse("emulation:import_start")) and page.locator("input[type=file]").count() == 1
    page.go_back()
    with page.expect_navigation():
        page.click("[data-testid=job-back]")
    assert page.url.endswith(reverse("emulation:unit_list"))
