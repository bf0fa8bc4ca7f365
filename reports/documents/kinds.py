"""Every document kind the system renders, registered once (``ReportsConfig.ready``)."""

from django.shortcuts import get_object_or_404

from awards.models import Nomination
from campaigns.exporters import attainment_table, attainment_workbook
from campaigns.models import Campaign
from campaigns.selectors import attainment_rows_for_all

from .. import workbooks
from . import Kind, campaigns, council, decisions, file_name, pdf_prepared, proposals, register, xlsx_prepared


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
    """Keyed on the printed cells: units' and officers' names, target codes and ranks show in the table
    but not in the attainment inputs' digest."""
    campaign = Campaign.objects.select_related("plan__issuer").get(pk=pk)
    rows = attainment_rows_for_all(campaign)
    return xlsx_prepared(file_name("ket-qua-chi-tieu", str(pk), extension="xlsx"),
                         repr(attainment_table(campaign, rows)), lambda: attainment_workbook(campaign, rows))


def _session_minutes(pk: int):
    session = council.load_session(pk)
    number = session.minutes_entry.reference if session.minutes_entry else "du-thao"
    return pdf_prepared(file_name("bien-ban-hop-hoi-dong", number, session.held_on.isoformat(), extension="pdf"),
                        council.session_minutes_parts(session))


def _session_passed_list(pk: int):
    session = council.load_session(pk)
    return pdf_prepared(file_name("danh-sach-thong-qua", session.held_on.isoformat(), extension="pdf"),
                        council.passed_list_parts(session))


def _session_list_xlsx(pk: int):
    session = council.load_session(pk)
    rows, titles = workbooks.nominee_rows_for_session(session), workbooks.title_lines_for_session(session)
    return xlsx_prepared(file_name("danh-sach-bieu-quyet", session.held_on.isoformat(), extension="xlsx"),
                         repr((rows, titles)),
                         lambda: workbooks.nominee_list_workbook(rows, title_lines=titles, with_votes=True))


def _decision(pk: int):
    decision = decisions.load_decision(pk)
    return pdf_prepared(file_name("quyet-dinh", decision.reference, extension="pdf"),
                        decisions.decision_parts(decision))


def _plan(pk: int):
    plan = campaigns.load_plan(pk)
    return pdf_prepared(file_name("ke-hoach", plan.reference.replace("…", "so"), str(plan.year), extension="pdf"),
                        campaigns.plan_parts(plan))


def _campaign_summary(pk: int):
    campaign = campaigns.load_campaign(pk)
    return pdf_prepared(file_name("bao-cao-phong-trao", str(pk), extension="pdf"), campaigns.summary_parts(campaign))


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
    register(Kind("session_minutes", "Biên bản họp Hội đồng Thi đua – Khen thưởng (PDF)", "session",
                  _session_minutes))
    register(Kind("session_passed_list", "Danh sách được Hội đồng thông qua (PDF)", "session", _session_passed_list))
    register(Kind("session_list_xlsx", "Danh sách và kết quả biểu quyết (Excel)", "session", _session_list_xlsx,
                  "xlsx"))
    register(Kind("decision", "Quyết định khen thưởng kèm danh sách (PDF)", "decision", _decision))
    register(Kind("plan", "Kế hoạch (PDF)", "plan", _plan))
    register(Kind("campaign_summary", "Báo cáo sơ kết / tổng kết phong trào (PDF)", "campaign", _campaign_summary,
                  staff_only=True))
