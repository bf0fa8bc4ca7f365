# ruff: noqa: F811 - fixtures are imported by name
"""A dossier signed in one field of nine, uploaded through the page at 1366 and 390 px: each field in words,
the signing time in local dd/mm/yyyy, and the eight empty fields said plainly."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from reports import pipeline
from reports.documents import KINDS
from tests.awards.conftest import campaign_award, certificate, province_campaign, submitted_proposal  # noqa: F401
from tests.e2e.test_award_flow import signed_in
from tests.e2e.test_notifications_flow import _looked_at
from tests.reports import pki
from tests.reports.conftest import root_ca, signer  # noqa: F401
from tests.reports.test_documents_proposal import dossier_proposal  # noqa: F401
from tests.reports.test_signed_upload import _bytes, trusted  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_a_partly_signed_dossier_says_what_is_signed_and_what_is_not(
        browser, live_server, head_a, dossier_proposal, media_root, signer, trusted, tmp_path, width):
    dossier = pipeline.produce(kind=KINDS["proposal_dossier"], object_id=dossier_proposal.pk)
    signed = tmp_path / "ho-so-da-ky.pdf"
    with ThreadPoolExecutor(1) as pool:  # pyHanko signs in asyncio, which Playwright's loop in this thread forbids
        signed.write_bytes(pool.submit(pki.sign_field, _bytes(dossier), "ToTrinh_NguoiKy", signer).result())
    context, page = signed_in(browser, live_server, head_a)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("reports:document_detail", args=[dossier.pk]))
    assert "Báo cáo thành tích số 01 – thủ trưởng xác nhận" in page.inner_text("[data-testid=signature-fields]")
    page.set_input_files("[data-testid=signed-upload-form] input[type=file]", str(signed))
    with page.expect_navigation():
        page.click("[data-testid=signed-upload-form] button")
    assert "Đã kiểm tra chữ ký số và lưu bản đã ký." in page.inner_text("main")
    count = page.inner_text("[data-testid=signed-count]")
    assert count.startswith("Đã ký 1/9 ô. Còn 8 ô chưa ký")
    fields = page.locator("[data-testid=signed-field]").all_inner_texts()
    assert len(fields) == 9 and sum("chưa ký" in f for f in fields) == 8
    [done] = [f for f in fields if "chưa ký" not in f]
    assert done.startswith("Tờ trình – người ký: Nguyễn Văn An") and "ký lúc " in done
    when = done.split("ký lúc ")[1][:19]
    assert when[2] == when[5] == "/" and when[10] == " "  # 01/12/2026 14:16:28, not 2026-12-0107:16:28
    page.locator("[data-testid=signed-copy]").scroll_into_view_if_needed()
    _looked_at(page, f"signed-copy-{width}")
    context.close()
