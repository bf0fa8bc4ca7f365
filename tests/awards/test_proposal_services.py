"""Proposal workflow through the services: nominate, complete the dossier, submit (deadline,
completeness, eligibility, quotas), return with a new version, reopen."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.models import (
    AchievementReport,
    AttachmentKind,
    AwardRecord,
    Criterion,
    CriterionKind,
    Nomination,
    NominationStatus,
    Proposal,
    ProposalStatus,
    Quota,
)
from awards.services import proposals as services
from emulation.models import AuditEntry, DisciplineForm
from tests.awards.test_decisions import approve, closed_session
from tests.factories import DisciplineFactory, OfficerFactory
from tests.samples import JPEG, PDF

pytestmark = pytest.mark.django_db
BEFORE_DUE = datetime.datetime(2024, 6, 25, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def campaign(campaign_award):
    campaign = campaign_award.campaign
    campaign.results_starts_on, campaign.results_ends_on = datetime.date(2023, 10, 1), datetime.date(2024, 6, 30)
    campaign.dossier_due_on = datetime.date(2024, 7, 1)
    campaign.save()
    return campaign


@pytest.fixture
def draft(campaign, unit_a, head_a):
    return services.open_proposal(actor=head_a, campaign=campaign, unit=unit_a, title="Đề nghị tặng Giấy khen")


def complete(proposal, actor, *nominees):
    proposal.meeting_held_on, proposal.meeting_present, proposal.meeting_total = datetime.date(2024, 6, 20), 9, 10
    services.update_proposal(actor=actor, proposal=proposal)
    services.attach(actor=actor, proposal=proposal, kind=AttachmentKind.MINUTES,
                    upload=SimpleUploadedFile("bien-ban.pdf", PDF, "application/pdf"))
    for nomination in nominees:
        services.save_report(actor=actor, report=AchievementReport(
            nomination=nomination, duties="Chấp hành viên", achievements="Vượt chỉ tiêu về việc và về tiền."))


def test_a_complete_proposal_is_submitted_with_its_eligibility_and_rule(draft, campaign_award, officer_a, head_a,
                                                                           media_root):
    nomination = services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer_a)
    complete(draft, head_a, nomination)
    services.submit(actor=head_a, proposal=draft, now=BEFORE_DUE)
    draft.refresh_from_db()
    nomination.refresh_from_db()
    assert draft.status == ProposalStatus.SUBMITTED and draft.submitted_by == head_a
    assert nomination.rule.legal_basis == "Nghị định 98/2023/NĐ-CP"  # in force on 25/06/2024
    assert nomination.eligibility["verdict"] == "eligible"
    assert nomination.eligibility["evaluated_on"] == "2024-06-25"
    entries = AuditEntry.objects.filter(model_label="awards.Proposal", object_id=str(draft.pk)).order_by("id")
    assert [e.action for e in entries] == ["create", "update", "update"]  # opened, meeting recorded, submitted
    assert entries.last().changes["status"] == ["draft", "submitted"]


def test_missing_parts_are_listed_and_nothing_changes(draft, campaign_award, officer_a, head_a):
    services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer_a)
    with pytest.raises(ValidationError) as refused:
        services.submit(actor=head_a, proposal=draft, now=BEFORE_DUE)
    assert len(refused.value.messages) == 3
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.DRAFT


def test_after_the_deadline_only_a_reopening_lets_the_unit_submit(draft, campaign, campaign_award, officer_a, head_a,
                                                                   staff, unit_a, media_root):
    nomination = services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer_a)
    complete(draft, head_a, nomination)
    late = datetime.datetime(2024, 7, 1, 9, 0, tzinfo=datetime.UTC)
    with pytest.raises(ValidationError, match="hết hạn"):
        services.submit(actor=head_a, proposal=draft, now=late)
    with pytest.raises(PermissionDenied):
        services.reopen(actor=head_a, campaign=campaign, unit=unit_a, until=datetime.date(2024, 7, 5), reason="x")
    services.reopen(actor=staff, campaign=campaign, unit=unit_a, until=datetime.date(2024, 7, 5), reason="Bổ sung")
    services.submit(actor=head_a, proposal=draft, now=late)
    assert Proposal.objects.get(pk=draft.pk).status == ProposalStatus.SUBMITTED


def reprimanded_nominee(draft, campaign_award, officer, head, decided_on, ends_on, number):
    """``officer`` nominated in a complete ``draft`` whose award wants no reprimand in 01/10/2023–30/06/2024."""
    Criterion.objects.create(campaign_award=campaign_award, kind=CriterionKind.NO_DISCIPLINE, applies_to="individual",
                             params={"from": "2023-10-01", "to": "2024-06-30", "min_form": "reprimand"})
    DisciplineFactory(officer=officer, form=DisciplineForm.REPRIMAND, decided_on=decided_on, ends_on=ends_on,
                      decision_number=number)
    nomination = services.nominate(actor=head, proposal=draft, campaign_award=campaign_award, officer=officer)
    complete(draft, head, nomination)
    return nomination


def test_a_disciplined_officer_is_refused_with_the_reason(draft, campaign_award, officer_a, head_a, media_root):
    reprimanded_nominee(draft, campaign_award, officer_a, head_a, datetime.date(2024, 2, 1), datetime.date(2024, 5, 1),
                        "07/QĐ-CTHADS")
    with pytest.raises(ValidationError) as refused:
        services.submit(actor=head_a, proposal=draft, now=BEFORE_DUE)
    assert "Nguyễn Văn An: không đủ điều kiện" in refused.value.messages[0]
    assert "khiển trách" in refused.value.messages[0]


def test_quota_counts_other_units_submissions(campaign, campaign_award, unit_a, unit_b, head_a, head_b, media_root):
    Quota.objects.create(campaign_award=campaign_award, subject_kind="other_officer", per_unit=False, limit=1,
                         text="01 cá nhân không là Chấp hành viên")
    clerk_a = OfficerFactory(unit=unit_a, position="Kế toán", is_enforcement_officer=False)
    clerk_b = OfficerFactory(unit=unit_b, position="Kế toán", is_enforcement_officer=False)
    first = services.open_proposal(actor=head_a, campaign=campaign, unit=unit_a, title="Đề nghị")
    complete(first, head_a, services.nominate(actor=head_a, proposal=first, campaign_award=campaign_award,
                                              officer=clerk_a))
    services.submit(actor=head_a, proposal=first, now=BEFORE_DUE)
    second = services.open_proposal(actor=head_b, campaign=campaign, unit=unit_b, title="Đề nghị")
    complete(second, head_b, services.nominate(actor=head_b, proposal=second, campaign_award=campaign_award,
                                               officer=clerk_b))
    with pytest.raises(ValidationError, match="Vượt chỉ tiêu khen thưởng"):
        services.submit(actor=head_b, proposal=second, now=BEFORE_DUE)


def test_unit_head_cannot_nominate_another_units_people(draft, campaign_award, officer_b, unit_b, head_a, head_b):
    with pytest.raises(ValidationError, match="thuộc đơn vị mình"):
        services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer_b)
    with pytest.raises(ValidationError, match="thuộc đơn vị mình"):
        services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, unit=unit_b)
    with pytest.raises(PermissionDenied):
        services.nominate(actor=head_b, proposal=draft, campaign_award=campaign_award, officer=officer_b)
    assert not Nomination.objects.exists()


def test_return_keeps_the_submitted_version_and_opens_a_new_one(draft, campaign_award, officer_a, head_a, staff,
                                                                 media_root):
    nomination = services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer_a)
    complete(draft, head_a, nomination)
    services.submit(actor=head_a, proposal=draft, now=BEFORE_DUE)
    with pytest.raises(PermissionDenied):
        services.return_proposal(actor=head_a, proposal=draft, comment="x")
    with pytest.raises(ValidationError):
        services.return_proposal(actor=staff, proposal=draft, comment="  ")
    new = services.return_proposal(actor=staff, proposal=draft, comment="Bổ sung số liệu về tiền.")
    draft.refresh_from_db()
    assert draft.status == ProposalStatus.RETURNED and draft.return_comment == "Bổ sung số liệu về tiền."
    assert (new.version, new.status, new.previous_id) == (2, ProposalStatus.DRAFT, draft.pk)
    copied = new.nominations.get()
    assert copied.officer == officer_a and copied.report.achievements == "Vượt chỉ tiêu về việc và về tiền."
    assert new.attachments.get().file.name == draft.attachments.get().file.name
    with pytest.raises(ValidationError, match="không sửa được"):
        services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, unit=draft.unit)


def test_upload_type_is_read_from_the_bytes(draft, head_a, media_root):
    fake = SimpleUploadedFile("bien-ban.pdf", b"\xff\xd8\xff\xe0 a JPEG named .pdf", "application/pdf")
    with pytest.raises(ValidationError, match="không phải PDF/JPEG"):
        services.attach(actor=head_a, proposal=draft, kind=AttachmentKind.MINUTES, upload=fake)
    with pytest.raises(ValidationError, match="không phải PDF/JPEG"):
        services.attach(actor=head_a, proposal=draft, kind=AttachmentKind.MINUTES,
                        upload=SimpleUploadedFile("x.docx", b"PK\x03\x04", "application/msword"))
    scan = SimpleUploadedFile("bien-ban.jpg", JPEG, "image/jpeg")
    assert services.attach(actor=head_a, proposal=draft, kind=AttachmentKind.MINUTES, upload=scan).content_type \
        == "image/jpeg"


def test_writes_see_a_submission_that_committed_after_the_page_loaded(draft, campaign_award, officer_a, head_a,
                                                                       media_root):
    nomination = services.nominate(actor=head_a, proposal=draft, campaign_award=campaign_award, officer=officer_a)
    stale, stale_nomination = Proposal.objects.get(pk=draft.pk), Nomination.objects.get(pk=nomination.pk)
    Proposal.objects.filter(pk=draft.pk).update(status=ProposalStatus.SUBMITTED, submitted_by=head_a,
                                                submitted_at=BEFORE_DUE)  # another request's submit
    stale.meeting_chair = "Chi cục trưởng"
    writes = [
        lambda: services.nominate(actor=head_a, proposal=stale, campaign_award=campaign_award, unit=draft.unit),
        lambda: services.save_report(actor=head_a, report=AchievementReport(nomination=stale_nomination,
                                                                            duties="d", achievements="a")),
        lambda: services.attach(actor=head_a, proposal=stale, kind=AttachmentKind.MINUTES,
                                upload=SimpleUploadedFile("b.pdf", PDF, "application/pdf")),
        lambda: services.update_proposal(actor=head_a, proposal=stale),
        lambda: services.withdraw_nomination(actor=head_a, nomination=stale_nomination),
    ]
    for write in writes:
        with pytest.raises(ValidationError, match="không sửa được"):
            write()
    current = Proposal.objects.get(pk=draft.pk)
    assert (current.status, current.meeting_chair) == (ProposalStatus.SUBMITTED, "")
    assert list(current.nominations.values_list("officer", flat=True)) == [officer_a.pk]
    assert not AchievementReport.objects.exists() and not current.attachments.exists()


def test_a_reprimand_after_the_submission_day_counts_at_decision_not_at_submission(
        draft, campaign_award, officer_a, head_a, director, media_root):
    """Reprimanded on 27/06/2024, inside the criterion's window, two days after the unit submitted:
    the submission verdict (facts of 25/06) stands; the director's decision of 10/07 refuses the award."""
    nomination = reprimanded_nominee(draft, campaign_award, officer_a, head_a, datetime.date(2024, 6, 27),
                                     datetime.date(2025, 6, 27), "09/QĐ-CTHADS")
    services.submit(actor=head_a, proposal=draft, now=BEFORE_DUE)
    nomination.refresh_from_db()
    assert (nomination.eligibility["verdict"], nomination.eligibility["evaluated_on"]) == ("eligible", "2024-06-25")

    with pytest.raises(ValidationError) as refused:
        approve(closed_session(draft.campaign, [nomination]), director)
    assert refused.value.messages == [
        "Không còn đối tượng nào đủ điều kiện khen thưởng ngày 10/07/2024; chưa ban hành quyết định được.",
        "Đang trong thời gian thi hành kỷ luật: thành tích trong kỳ chưa được tính. (Nguyễn Văn An: khiển trách "
        "ngày 27/06/2024 (QĐ 09/QĐ-CTHADS), chấp hành xong: 27/06/2025) Bị kỷ luật hình thức “khiển trách” trở "
        "lên từ 01/10/2023 đến 30/06/2024. (Nguyễn Văn An: khiển trách ngày 27/06/2024 (QĐ 09/QĐ-CTHADS))"]
    assert not AwardRecord.objects.exists()
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.PASSED  # nothing decided: the director may wait for the facts
