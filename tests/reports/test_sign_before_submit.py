"""The all-digital path of a unit: take the numbers, render the papers, sign them in the signing tool,
upload them back — the verified copies join the draft proposal's attachments, the dossier is complete
without scans, and submitting keeps the numbers that were signed."""
# ruff: noqa: F811

import datetime

import pytest
from django.urls import reverse

from awards.models import AchievementReport, AttachmentKind, Proposal, ProposalStatus
from awards.services import proposals as proposal_services
from emulation.models import RegisteredDocument
from reports import pipeline
from reports.documents import KINDS
from reports.models import SignedUpload
from tests.awards.conftest import campaign_award, certificate, province_campaign  # noqa: F401
from tests.reports import pdfcheck, pki
from tests.reports.test_signed_upload import _bytes, _upload, trusted  # noqa: F401

D = datetime.date


@pytest.fixture
def draft(campaign_award, unit_a, head_a, officer_a):
    campaign = campaign_award.campaign
    campaign.dossier_due_on = D(2099, 1, 1)
    campaign.save()
    proposal = proposal_services.open_proposal(actor=head_a, campaign=campaign, unit=unit_a,
                                               title="Đề nghị tặng Giấy khen")
    proposal.meeting_held_on, proposal.meeting_chair = D(2024, 6, 20), "Trần Văn Hải"
    proposal.meeting_secretary = "Phan Mai"
    proposal.meeting_present, proposal.meeting_total = 5, 5
    proposal_services.update_proposal(actor=head_a, proposal=proposal)
    nomination = proposal_services.nominate(actor=head_a, proposal=proposal, campaign_award=campaign_award,
                                            officer=officer_a, unit=None)
    proposal_services.save_report(actor=head_a, report=AchievementReport(
        nomination=nomination, duties="Tổ chức thi hành án.", achievements="Vượt chỉ tiêu về việc và về tiền."))
    return proposal


@pytest.mark.django_db
def test_numbers_taken_before_signing_are_printed_and_kept_at_submission(login, head_a, draft, media_root):
    client = login(head_a)
    assert "proposal-number" in client.get(reverse("awards:proposal_detail", args=[draft.pk])).content.decode()
    client.post(reverse("awards:proposal_number", args=[draft.pk]))
    draft.refresh_from_db()
    assert (draft.letter_entry.reference, draft.minutes_entry.reference) == ("01/TTr-CCTHADS", "01/BB-CCTHADS")
    assert draft.minutes_entry.issued_on == D(2024, 6, 20)
    letter = pipeline.produce(kind=KINDS["proposal_letter"], object_id=draft.pk)
    assert "Số: 01/TTr-CCTHADS" in pdfcheck.text(_bytes(letter))
    client.post(reverse("awards:proposal_number", args=[draft.pk]))  # twice: nothing new
    assert RegisteredDocument.objects.count() == 2


@pytest.mark.django_db
def test_a_meeting_must_be_recorded_before_the_minutes_take_a_number(head_a, campaign_award, unit_a):
    from django.core.exceptions import ValidationError

    proposal = proposal_services.open_proposal(actor=head_a, campaign=campaign_award.campaign, unit=unit_a,
                                               title="Đề nghị")
    with pytest.raises(ValidationError, match="ngày họp xét"):
        proposal_services.number_papers(actor=head_a, proposal=proposal)
    assert not RegisteredDocument.objects.exists()


@pytest.mark.django_db
def test_signed_papers_complete_the_draft_dossier_and_submission_keeps_their_numbers(
        login, head_a, draft, signer, trusted, media_root):
    client = login(head_a)
    proposal_services.number_papers(actor=head_a, proposal=draft)
    page = client.get(reverse("awards:proposal_detail", args=[draft.pk])).content.decode()
    assert "Biên bản họp xét đã ký" in page  # still missing

    minutes = pipeline.produce(kind=KINDS["proposal_minutes"], object_id=draft.pk)
    signed = pki.sign_field(pki.sign_field(_bytes(minutes), "BienBan_ThuKy", signer), "BienBan_ChuToa", signer)
    response = _upload(client, minutes, signed, name="bien-ban-da-ky.pdf")
    assert response.status_code == 302
    [attachment] = draft.attachments.all()
    assert attachment.kind == AttachmentKind.MINUTES and attachment.content_type == "application/pdf"
    with attachment.file.open("rb") as stored:
        assert stored.read() == signed
    page = client.get(reverse("awards:proposal_detail", args=[draft.pk])).content.decode()
    assert "Biên bản họp xét đã ký" not in page

    proposal_services.submit(actor=head_a, proposal=draft)
    draft = Proposal.objects.get(pk=draft.pk)
    assert draft.status == ProposalStatus.SUBMITTED
    assert (draft.letter_entry.reference, draft.minutes_entry.reference) == ("01/TTr-CCTHADS", "01/BB-CCTHADS")

    letter = pipeline.produce(kind=KINDS["proposal_letter"], object_id=draft.pk)
    _upload(client, letter, pki.sign_field(_bytes(letter), "ToTrinh_NguoiKy", signer))
    assert SignedUpload.objects.count() == 2
    assert draft.attachments.count() == 1  # a submitted proposal is not changed: the copy stays on the document
