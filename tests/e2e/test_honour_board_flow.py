"""Staff approve a typical example in the UI; an anonymous visitor then finds it on the honour board."""
# ruff: noqa: F811 - the fixtures imported from typical_fixtures are requested by name

import pytest
from django.core.files.base import ContentFile

from awards.demo_typical import photo_png
from awards.models import RecognitionLevel, Stage, TypicalExampleNote
from awards.services import typical as services
from tests.awards.typical_fixtures import example_a, example_b, typical_campaign  # noqa: F401
from tests.e2e.conftest import ARTIFACTS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_approve_and_the_public_sees_it(page, sign_in, shot, browser, live_server, example_a, example_b,
                                              head_a, staff):
    example_a.level, example_a.title = RecognitionLevel.GRASSROOTS_ANNUAL, "Chấp hành viên “dân vận khéo” ở Vị Thanh"
    example_a.story = ("Anh thường xuyên xuống tận ấp, phối hợp với tổ hòa giải để thuyết phục đương sự tự nguyện "
                       "thi hành án.\n\nNăm 2024, tỷ lệ thi hành xong về việc đạt 92%, vượt chỉ tiêu được giao.")
    example_a.photo.save("chan-dung.png", ContentFile(photo_png((31, 92, 122))), save=False)
    example_a.save()
    TypicalExampleNote.objects.create(example=example_a, stage=Stage.DETECT, text="Phát hiện qua sơ kết quý I.",
                                      author=head_a)
    services.request_publication(actor=head_a, example=example_a)

    sign_in(staff)
    page.goto(page.base_url + "/khen-thuong/dien-hinh/")
    assert page.locator("[data-testid=typical-row]").count() == 2
    shot("typical-list-staff")
    page.click(f"text={example_a.title}")
    assert page.locator("[data-testid=typical-publication]").get_attribute("data-publication") == "requested"
    page.click("[data-testid=publication-approve]")
    assert "Đã duyệt: điển hình được công bố trên trang vinh danh." in page.inner_text("main")
    assert page.locator("[data-testid=typical-publication]").get_attribute("data-publication") == "published"
    shot("typical-detail-published")
    page.goto(page.base_url + "/khen-thuong/dien-hinh/tao-moi/")
    page.fill("#id_title", "Mô hình mới")
    page.click("[data-testid=form-submit]")
    assert "Chưa lưu: vui lòng sửa các lỗi được đánh dấu bên dưới." in page.inner_text("main")
    shot("typical-create-refused")

    visitor = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    try:
        public = visitor.new_page()
        public.goto(live_server.url + "/khen-thuong/vinh-danh/")
        cards = public.locator("[data-testid=honour-card]")
        assert cards.count() == 1
        card = cards.first.inner_text()
        assert example_a.title in card and "Nguyễn Văn An – " in card
        assert "Điển hình tiên tiến cấp cơ sở hằng năm" in card
        assert example_b.title not in public.inner_text("main")
        assert public.locator("[data-testid=whoami]").count() == 0
        assert public.eval_on_selector("[data-testid=honour-card] img", "img => img.naturalWidth") > 0
        ARTIFACTS.mkdir(exist_ok=True)
        public.screenshot(path=str(ARTIFACTS / "honour-board-public.png"), full_page=True)
        public.click(f"text={example_a.title}")
        assert "tỷ lệ thi hành xong về việc đạt 92%" in public.inner_text("[data-testid=honour-story]")
        assert "Phát hiện qua sơ kết quý I." not in public.inner_text("body")
        public.screenshot(path=str(ARTIFACTS / "honour-board-detail-public.png"), full_page=True)
        response = public.goto(live_server.url + f"/khen-thuong/vinh-danh/{example_b.pk}/")
        assert response.status == 404
    finally:
        visitor.close()
