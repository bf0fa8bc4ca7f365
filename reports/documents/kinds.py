"""Every document kind the system renders, registered once (``ReportsConfig.ready``)."""

from django.shortcuts import get_object_or_404

from awards.models import Nomination
from campaigns import snapshots
from campaigns.models import Campaign

from .. import workbooks
from . import Kind, file_name, pdf_prepared, proposals, register, xlsx_prepared


def _proposal_dossier(pk: int):
    proposal = proposals.load(pk)
    return pdf_prepared(file_name("ho-so-de-nghi", proposal.unit.code, f"lan-{proposal.version}", extension="pdf"),
                        proposals.dossier_parts(proposal))


def _proposal_letter(pk: int):
    proposal = proposals.load(pk)
    number = proposal.letter_entry.reference if proposal.letter_entry else "du-thao"
    return pdf_prepared(file_name("to-trinh", number, proposal.unit.code, extension="pdf"),
                        proposals.letter_parts(proposal))


def _proposal_minutes(pk: int):
    proposal = proposals.load(pk)
    return pdf_prepared(file_name("bien-ban-hop-xet", proposal.unit.code, f"lan-{proposal.version}", extension="pdf"),
                        proposals.minutes_parts(proposal))


def _nomination_report(pk: int):
    nomination = get_object_or_404(Nomination.objects.only("proposal_id"), pk=pk)
    proposal = proposals.load(nomination.proposal_id)
    nomination = next(n for n in proposal.nominations.all() if n.pk == pk)
    history = proposals.history_of([nomination])
    return pdf_prepared(file_name("bao-cao-thanh-tich", str(nomination.subject), extension="pdf"),
                        proposals.report_parts(proposal, nomination, history, 1, prefix=""))


def _proposal_list_xlsx(pk: int):
    proposal = proposals.load(pk)
    rows, titles = workbooks.nominee_rows_for_proposal(proposal), workbooks.title_lines_for_proposal(proposal)
    return xlsx_prepared(file_name("danh-sach-de-nghi", proposal.unit.code, f"lan-{proposal.version}",
                                   extension="xlsx"), repr((rows, titles)),
                         lambda: workbooks.nominee_list_workbook(rows, title_lines=titles))


def _campaign_nominees_xlsx(pk: int):
    campaign = Campaign.objects.select_related("plan__issuer").get(pk=pk)
    rows, titles = workbooks.nominee_rows_for_campaign(campaign), workbooks.title_lines_for_campaign(campaign)
    return xlsx_prepared(file_name("danh-sach-de-nghi-phong-trao", str(pk), extension="xlsx"), repr((rows, titles)),
                         lambda: workbooks.nominee_list_workbook(rows, title_lines=titles))


def _campaign_attainment_xlsx(pk: int):
    campaign = Campaign.objects.select_related("plan__issuer").get(pk=pk)
    inputs = f"{snapshots.inputs_digest(campaign)}|{campaign.name}|{campaign.plan.issuer.name}"
    return xlsx_prepared(file_name("ket-qua-chi-tieu", str(pk), extension="xlsx"), inputs,
                         lambda: workbooks.attainment_workbook_for(campaign))


def register_all() -> None:
    register(Kind("proposal_dossier", "Hồ sơ đề nghị đầy đủ (PDF)", "proposal", _proposal_dossier))
    register(Kind("proposal_letter", "Tờ trình và danh sách đề nghị (PDF)", "proposal", _proposal_letter))
    register(Kind("proposal_minutes", "Biên bản họp xét (PDF)", "proposal", _proposal_minutes))
    register(Kind("nomination_report", "Báo cáo thành tích (PDF)", "nomination", _nomination_report))
    register(Kind("proposal_list_xlsx", "Danh sách đề nghị (Excel)", "proposal", _proposal_list_xlsx, "xlsx"))
    register(Kind("campaign_nominees_xlsx", "Danh sách đề nghị của phong trào (Excel)", "campaign",
                  _campaign_nominees_xlsx, "xlsx", staff_only=True))
    register(Kind("campaign_attainment_xlsx", "Bảng kết quả thực hiện chỉ tiêu (Excel)", "campaign",
                  _campaign_attainment_xlsx, "xlsx", staff_only=True))
