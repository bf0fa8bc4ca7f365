"""Services for typical examples: who may do what, the stage and level rules, publication, the audit."""
# ruff: noqa: F811 - the fixtures imported from typical_fixtures are requested by name

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.models import PublicationState, RecognitionLevel, Stage, TypicalExample, TypicalExampleNote
from awards.services import typical as services
from emulation.models import AuditEntry
from tests.awards.typical_fixtures import JPEG, PNG, example_a, example_b, make_example, typical_campaign  # noqa: F401
from tests.factories import CampaignFactory

pytestmark = pytest.mark.integration


def new_example(campaign, unit, officer=None, **values):
    return TypicalExample(campaign=campaign, unit=unit, officer=officer, **{"title": "Mô hình mới", **values})


def test_unit_head_creates_for_own_officer_at_detect_stage(typical_campaign, unit_a, officer_a, head_a):
    example = services.create_typical_example(actor=head_a, example=new_example(
        typical_campaign, unit_a, officer_a, stage=Stage.REPLICATE, publication=PublicationState.PUBLISHED))
    assert (example.stage, example.publication, example.created_by) == (Stage.DETECT, PublicationState.PRIVATE, head_a)
    entry = AuditEntry.objects.get(model_label="awards.TypicalExample", object_id=str(example.pk))
    assert (entry.action, entry.actor, entry.unit_id) == ("create", head_a, unit_a.pk)


def test_unit_head_cannot_create_for_another_unit(typical_campaign, unit_a, head_b):
    with pytest.raises(PermissionDenied):
        services.create_typical_example(actor=head_b, example=new_example(typical_campaign, unit_a))
    assert TypicalExample.objects.count() == 0


def test_subject_must_hold_together(typical_campaign, province_plan, unit_a, officer_b, staff):
    with pytest.raises(ValidationError) as caught:
        services.create_typical_example(actor=staff, example=new_example(typical_campaign, unit_a, officer_b))
    assert caught.value.message_dict == {"officer": ["Cán bộ không thuộc đơn vị đã chọn."]}
    peak = CampaignFactory(plan=province_plan)
    with pytest.raises(ValidationError) as caught:
        services.create_typical_example(actor=staff, example=new_example(peak, unit_a))
    assert list(caught.value.message_dict) == ["campaign"]
    assert TypicalExample.objects.count() == 0


def test_sector_period_level_needs_earlier_recognitions_of_the_same_subject(typical_campaign, unit_a, officer_a,
                                                                           staff):
    with pytest.raises(ValidationError) as caught:
        services.create_typical_example(actor=staff, example=new_example(
            typical_campaign, unit_a, officer_a, level=RecognitionLevel.SECTOR_PERIOD))
    assert len(caught.value.message_dict["level"]) == 2
    make_example(typical_campaign, unit_a, None, level=RecognitionLevel.SECTOR_ANNUAL)  # the collective: not him
    make_example(typical_campaign, unit_a, officer_a, level=RecognitionLevel.SECTOR_ANNUAL)
    make_example(typical_campaign, unit_a, officer_a, level=RecognitionLevel.GRASSROOTS_PERIOD)
    example = services.create_typical_example(actor=staff, example=new_example(
        typical_campaign, unit_a, officer_a, level=RecognitionLevel.SECTOR_PERIOD))
    assert example.level == RecognitionLevel.SECTOR_PERIOD


def test_stage_moves_need_a_note_and_going_back_a_reason(example_a, head_a):
    with pytest.raises(ValidationError):
        services.move_stage(actor=head_a, example=example_a, to_stage=Stage.NURTURE)
    services.add_note(actor=head_a, example=example_a, text="Phát hiện qua sơ kết quý I.")
    services.move_stage(actor=head_a, example=example_a, to_stage=Stage.NURTURE)
    assert TypicalExample.objects.get(pk=example_a.pk).stage == Stage.NURTURE
    with pytest.raises(ValidationError) as caught:
        services.move_stage(actor=head_a, example=example_a, to_stage=Stage.DETECT, reason=" ")
    assert caught.value.messages == ["Quay lại giai đoạn trước phải ghi rõ lý do."]
    services.move_stage(actor=head_a, example=example_a, to_stage=Stage.DETECT, reason="Cần xác minh thêm.")
    assert TypicalExample.objects.get(pk=example_a.pk).stage == Stage.DETECT
    assert list(example_a.notes.values_list("stage", "text")) == [
        ("detect", "Phát hiện qua sơ kết quý I."),
        ("nurture", "Quay lại giai đoạn “Phát hiện”. Lý do: Cần xác minh thêm."),
    ]


def test_other_unit_head_cannot_touch_the_example(example_a, head_b):
    for action in (lambda: services.add_note(actor=head_b, example=example_a, text="x"),
                   lambda: services.move_stage(actor=head_b, example=example_a, to_stage=Stage.NURTURE),
                   lambda: services.request_publication(actor=head_b, example=example_a)):
        with pytest.raises(PermissionDenied):
            action()
    assert example_a.notes.count() == 0


def test_publication_request_needs_photo_and_story(example_b, head_b):
    with pytest.raises(ValidationError) as caught:
        services.request_publication(actor=head_b, example=example_b)
    assert caught.value.messages == ["Cần ảnh của tập thể, cá nhân trước khi đề nghị công bố.",
                                     "Cần câu chuyện, thành tích tiêu biểu trước khi đề nghị công bố."]
    assert TypicalExample.objects.get(pk=example_b.pk).publication == PublicationState.PRIVATE


def test_only_issuer_staff_approve_and_withdraw(example_a, head_a, staff):
    services.request_publication(actor=head_a, example=example_a)
    with pytest.raises(PermissionDenied):
        services.approve_publication(actor=head_a, example=example_a)
    services.approve_publication(actor=staff, example=example_a)
    stored = TypicalExample.objects.get(pk=example_a.pk)
    assert (stored.publication, stored.published_by) == (PublicationState.PUBLISHED, staff)
    assert stored.published_at is not None
    with pytest.raises(PermissionDenied):
        services.withdraw_publication(actor=head_a, example=stored)
    services.withdraw_publication(actor=staff, example=stored)
    stored.refresh_from_db()
    assert (stored.publication, stored.published_at, stored.published_by) == (PublicationState.PRIVATE, None, None)
    actions = AuditEntry.objects.filter(object_id=str(example_a.pk)).order_by("id").values_list("changes", flat=True)
    assert [c["publication"] for c in actions] == [["private", "requested"], ["requested", "published"],
                                                   ["published", "private"]]


def test_approving_needs_a_request_first(example_a, staff):
    with pytest.raises(ValidationError):
        services.approve_publication(actor=staff, example=example_a)


def test_head_editing_published_content_sends_it_back_for_approval(example_a, head_a, staff):
    services.request_publication(actor=head_a, example=example_a)
    services.approve_publication(actor=staff, example=example_a)
    example = TypicalExample.objects.select_related("campaign__plan__issuer").get(pk=example_a.pk)
    example.title = "Chấp hành viên gương mẫu (sửa)"
    services.update_typical_example(actor=staff, example=example)
    assert TypicalExample.objects.get(pk=example.pk).publication == PublicationState.PUBLISHED
    example.story = "Câu chuyện viết lại."
    example.publication = PublicationState.PRIVATE  # state fields are ignored by an edit
    services.update_typical_example(actor=head_a, example=example)
    stored = TypicalExample.objects.get(pk=example.pk)
    assert (stored.publication, stored.published_at, stored.story) == (PublicationState.REQUESTED, None,
                                                                       "Câu chuyện viết lại.")


def test_head_cannot_move_an_example_to_another_unit(example_a, head_a, unit_b):
    example = TypicalExample.objects.get(pk=example_a.pk)
    example.unit, example.officer = unit_b, None
    with pytest.raises(PermissionDenied):
        services.update_typical_example(actor=head_a, example=example)


def test_note_evidence_is_checked_and_a_bad_file_saves_nothing(example_a, head_a):
    fake = SimpleUploadedFile("bien-ban.pdf", PNG)
    with pytest.raises(ValidationError):
        services.add_note(actor=head_a, example=example_a, text="Biên bản họp xét", evidence=fake)
    assert TypicalExampleNote.objects.count() == 0
    note = services.add_note(actor=head_a, example=example_a, text="Biên bản họp xét",
                             evidence=SimpleUploadedFile("bien-ban.jpg", JPEG))
    assert note.stage == Stage.DETECT and note.evidence.name.endswith("-bien-ban.jpg")
    assert note.evidence.name != "typical/evidence/bien-ban.jpg"  # a random prefix: not guessable
