"""Every document kind the system renders, registered once (``ReportsConfig.ready``)."""

from django.shortcuts import get_object_or_404

from awards.models import Nomination

from . import Kind, file_name, pdf_prepared, proposals, register


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


def register_all() -> None:
    register(Kind("proposal_dossier", "Hồ sơ đề nghị đầy đủ (PDF)", "proposal", _proposal_dossier))
    register(Kind("proposal_letter", "Tờ trình và danh sách đề nghị (PDF)", "proposal", _proposal_letter))
    register(Kind("proposal_minutes", "Biên bản họp xét (PDF)", "proposal", _proposal_minutes))
    register(Kind("nomination_report", "Báo cáo thành tích (PDF)", "nomination", _nomination_report))
