"""What a proposal needs before it can be submitted, and when submission is open. Plain functions."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class NomineeParts:
    name: str
    report_complete: bool
    report_scan: bool


@dataclass(frozen=True)
class DossierParts:
    nominees: list[NomineeParts]
    meeting_held_on: datetime.date | None
    meeting_present: int | None
    meeting_total: int | None
    minutes_scan: bool


def missing_parts(parts: DossierParts) -> list[str]:
    """Hồ sơ: Tờ trình (the proposal itself), Biên bản họp xét, Danh sách, Báo cáo thành tích."""
    missing = []
    if not parts.nominees:
        missing.append("Danh sách đề nghị chưa có ai.")
    if parts.meeting_held_on is None or not parts.meeting_present or not parts.meeting_total:
        missing.append("Chưa ghi cuộc họp xét (ngày họp, số người có mặt / được triệu tập).")
    if not parts.minutes_scan:
        missing.append("Chưa đính kèm Biên bản họp xét đã ký (bản ký số hoặc bản chụp).")
    for nominee in parts.nominees:
        if not (nominee.report_complete or nominee.report_scan):
            missing.append(f"{nominee.name}: chưa có báo cáo thành tích (nhập nội dung hoặc đính kèm bản ký).")
    return missing


def submission_open(day: datetime.date, due: datetime.date | None, reopened_until: datetime.date | None) -> bool:
    """Plans write "gửi … trước ngày 01 tháng 7 năm 2024": the due day itself is too late. Staff may
    reopen submission for a unit up to and including a later day."""
    if reopened_until is not None and day <= reopened_until:
        return True
    return due is None or day < due


def basis_discrepancy(cited: str, legal_basis: str) -> str:
    """Seed 002 asks for the templates of NĐ 98/2023, which expired before its deadline: say so."""
    if not cited or not legal_basis:
        return ""
    number = legal_basis.split()[-1] if " " in legal_basis else legal_basis
    if number.split("/")[0] in cited:
        return ""
    return (f"Kế hoạch viện dẫn “{cited}”, nhưng tại thời điểm gửi hồ sơ văn bản có hiệu lực là {legal_basis}: "
            "hồ sơ được lập theo mẫu của văn bản có hiệu lực.")
