"""Typical-example pages: scoped to the user's units (others answer 404), forbidden actions 403, bad
input saves nothing, constant query counts."""
# ruff: noqa: F811 - the fixtures imported from typical_fixtures are requested by name

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import PublicationState, RecognitionLevel, Stage, TypicalExample, TypicalExampleNote
from tests.awards.typical_fixtures import JPEG, PDF, PNG, example_a, example_b, make_example, typical_campaign  # noqa: F401
from tests.factories import OfficerFactory

pytestmark = pytest.mark.integration


def url(name, *args):
    return reverse(f"awards:{name}", args=args)


def test_anonymous_is_sent_to_login(client, example_a):
    for target in (url("typical_list"), url("typical_detail", example_a.pk), url("typical_photo", example_a.pk)):
        response = client.get(target)
        assert (response.status_code, response.url.split("?")[0]) == (302, reverse("emulation:login"))


def test_unit_head_sees_only_own_unit(login, example_a, example_b, head_a):
    response = login(head_a).get(url("typical_list"))
    assert [e.pk for e in response.context["page_obj"]] == [example_a.pk]
    assert "Chấp hành viên gương mẫu Vị Thanh" in response.content.decode()


def test_other_unit_head_gets_404_everywhere(login, example_a, head_b):
    client = login(head_b)
    note = TypicalExampleNote.objects.create(example=example_a, stage=Stage.DETECT, text="Ghi nhận",
                                             evidence=SimpleUploadedFile("x.pdf", PDF))
    for target in (url("typical_detail", example_a.pk), url("typical_edit", example_a.pk),
                   url("typical_photo", example_a.pk), url("typical_evidence", note.pk)):
        assert client.get(target).status_code == 404, target
    for target in (url("typical_note_add", example_a.pk), url("typical_stage", example_a.pk),
                   url("typical_publication", example_a.pk, "request")):
        assert client.post(target, {"text": "x", "to": "nurture"}).status_code == 404, target
    assert example_a.notes.count() == 1


def test_viewer_reads_but_may_not_change(login, example_a, viewer):
    client = login(viewer)
    response = client.get(url("typical_detail", example_a.pk))
    assert response.status_code == 200 and response.context["can_edit"] is False
    assert 'data-testid="typical-edit"' not in response.content.decode()
    assert client.get(url("typical_edit", example_a.pk)).status_code == 403
    assert client.post(url("typical_note_add", example_a.pk), {"text": "x"}).status_code == 403
    assert client.get(url("typical_create")).status_code == 403


def test_detail_shows_timeline_notes_and_evidence_to_the_unit(login, example_a, head_a):
    note = TypicalExampleNote.objects.create(example=example_a, stage=Stage.DETECT, text="Phát hiện qua sơ kết",
                                             evidence=SimpleUploadedFile("bien-ban.pdf", PDF))
    client = login(head_a)
    page = client.get(url("typical_detail", example_a.pk))
    html = page.content.decode()
    assert [s["state"] for s in page.context["timeline"]] == ["current", "todo", "todo", "todo"]
    assert "Phát hiện qua sơ kết" in html and url("typical_evidence", note.pk) in html
    evidence = client.get(url("typical_evidence", note.pk))
    assert (evidence.status_code, evidence["Content-Type"]) == (200, "application/pdf")
    assert evidence["Content-Disposition"].startswith("attachment")
    assert b"".join(evidence.streaming_content) == PDF  # consuming the stream closes the file
    photo = client.get(url("typical_photo", example_a.pk))
    assert (photo.status_code, photo["Content-Type"], b"".join(photo.streaming_content)) == (200, "image/png", PNG)


def test_unit_head_creates_an_example_with_photo(login, typical_campaign, unit_a, officer_a, head_a, media_root):
    response = login(head_a).post(url("typical_create"), {
        "campaign": typical_campaign.pk, "unit": unit_a.pk, "officer": officer_a.pk,
        "title": "Gương sáng tiếp dân", "level": "", "story": "Câu chuyện",
        "photo": SimpleUploadedFile("chan-dung.png", PNG)})
    example = TypicalExample.objects.get()
    assert response.url == url("typical_detail", example.pk)
    assert (example.officer, example.stage, example.created_by) == (officer_a, Stage.DETECT, head_a)
    assert example.photo.name.endswith("-chan-dung.png")


def test_bad_create_input_rerenders_and_saves_nothing(login, typical_campaign, unit_a, unit_b, head_a, media_root):
    other = OfficerFactory(unit=unit_b)
    client = login(head_a)
    response = client.post(url("typical_create"), {
        "campaign": typical_campaign.pk, "unit": unit_a.pk, "officer": other.pk, "title": "Gương sáng",
        "photo": SimpleUploadedFile("anh.png", JPEG)})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"officer", "photo"}
    assert "không phải JPEG/PNG" in response.content.decode()
    assert "Chưa lưu: vui lòng sửa các lỗi được đánh dấu bên dưới." in response.content.decode()
    response = client.post(url("typical_create"), {
        "campaign": typical_campaign.pk, "unit": unit_a.pk, "title": "Điển hình ngành",
        "level": RecognitionLevel.SECTOR_PERIOD})
    assert "Thiếu: có ít nhất 01 lần được công nhận" in response.content.decode()
    assert TypicalExample.objects.count() == 0


def test_note_with_wrong_evidence_is_refused_then_accepted(login, example_a, head_a):
    client = login(head_a)
    response = client.post(url("typical_note_add", example_a.pk),
                           {"text": "Biên bản", "evidence": SimpleUploadedFile("bb.pdf", JPEG)})
    assert response.status_code == 200 and "evidence" in response.context["note_form"].errors
    assert example_a.notes.count() == 0
    response = client.post(url("typical_note_add", example_a.pk),
                           {"text": "Biên bản", "evidence": SimpleUploadedFile("bb.pdf", PDF)})
    assert response.url == url("typical_detail", example_a.pk)
    assert list(example_a.notes.values_list("stage", "text")) == [("detect", "Biên bản")]


def test_stage_advance_and_back_through_the_page(login, example_a, head_a):
    client = login(head_a)
    client.post(url("typical_stage", example_a.pk), {"to": "nurture"})
    assert TypicalExample.objects.get(pk=example_a.pk).stage == Stage.DETECT  # no note yet
    client.post(url("typical_note_add", example_a.pk), {"text": "Phát hiện"})
    client.post(url("typical_stage", example_a.pk), {"to": "nurture"})
    assert TypicalExample.objects.get(pk=example_a.pk).stage == Stage.NURTURE
    response = client.post(url("typical_stage", example_a.pk), {"to": "detect", "reason": ""})
    assert response.status_code == 200 and "reason" in response.context["back_form"].errors
    assert TypicalExample.objects.get(pk=example_a.pk).stage == Stage.NURTURE


def test_unit_head_requests_but_cannot_approve(login, example_a, head_a):
    client = login(head_a)
    client.post(url("typical_publication", example_a.pk, "request"))
    assert TypicalExample.objects.get(pk=example_a.pk).publication == PublicationState.REQUESTED
    assert client.post(url("typical_publication", example_a.pk, "approve")).status_code == 403
    assert client.post(url("typical_publication", example_a.pk, "publish-all")).status_code == 404
    assert TypicalExample.objects.get(pk=example_a.pk).publication == PublicationState.REQUESTED


def test_staff_approval_puts_the_example_on_the_honour_board(login, client, example_a, head_a, staff):
    login(head_a).post(url("typical_publication", example_a.pk, "request"))
    response = login(staff).post(url("typical_publication", example_a.pk, "approve"), follow=True)
    assert "Đã duyệt: điển hình được công bố trên trang vinh danh." in response.content.decode()
    board = client.get(url("honour_board"))
    assert [e.pk for e in board.context["page_obj"]] == [example_a.pk]


def test_list_filters(login, typical_campaign, example_a, unit_a, staff):
    other = make_example(typical_campaign, unit_a, title="Mô hình khác", stage=Stage.NURTURE,
                         level=RecognitionLevel.GRASSROOTS_ANNUAL)
    client = login(staff)
    by = {"stage": "nurture", "level": "grassroots_annual", "campaign": str(typical_campaign.pk)}
    assert [e.pk for e in client.get(url("typical_list"), {"stage": "nurture"}).context["page_obj"]] == [other.pk]
    assert [e.pk for e in client.get(url("typical_list"), by).context["page_obj"]] == [other.pk]
    assert [e.pk for e in client.get(url("typical_list"), {"stage": "detect"}).context["page_obj"]] == [example_a.pk]


@pytest.mark.parametrize("user_fixture", ["staff", "head_a"])
def test_list_query_count_is_constant(request, login, typical_campaign, unit_a, officer_a,
                                      django_assert_max_num_queries, user_fixture):
    client = login(request.getfixturevalue(user_fixture))
    for count in (3, 20):
        for n in range(count - TypicalExample.objects.count()):
            make_example(typical_campaign, unit_a, officer_a if n % 2 else None, title=f"Điển hình {n}")
        with django_assert_max_num_queries(11):  # + the succession links, + 3: the idle-session refresh
            response = client.get(url("typical_list"))
        assert len(response.context["page_obj"]) == count
