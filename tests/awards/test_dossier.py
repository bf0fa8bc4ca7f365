import datetime

import pytest

from awards.dossier import DossierParts, NomineeParts, basis_discrepancy, missing_parts, submission_open

pytestmark = pytest.mark.unit
D = datetime.date


def test_complete_dossier_has_nothing_missing():
    parts = DossierParts([NomineeParts("Nguyễn Văn An", True, False), NomineeParts("Chi cục Vị Thanh", False, True)],
                         D(2024, 6, 25), 12, 14, True)
    assert missing_parts(parts) == []


def test_each_missing_part_is_named():
    parts = DossierParts([NomineeParts("Nguyễn Văn An", False, False)], None, None, None, False)
    assert missing_parts(parts) == [
        "Chưa ghi cuộc họp xét (ngày họp, số người có mặt / được triệu tập).",
        "Chưa đính kèm Biên bản họp xét đã ký (bản ký số hoặc bản chụp).",
        "Nguyễn Văn An: chưa có báo cáo thành tích (nhập nội dung hoặc đính kèm bản ký).",
    ]
    assert missing_parts(DossierParts([], D(2024, 6, 25), 3, 3, True)) == ["Danh sách đề nghị chưa có ai."]


def test_before_the_due_day_and_reopened_until_a_later_day():
    due = D(2024, 7, 1)  # "trước ngày 01 tháng 7 năm 2024"
    assert submission_open(D(2024, 6, 30), due, None)
    assert not submission_open(D(2024, 7, 1), due, None)
    assert submission_open(D(2024, 7, 5), due, D(2024, 7, 5))
    assert not submission_open(D(2024, 7, 6), due, D(2024, 7, 5))
    assert submission_open(D(2030, 1, 1), None, None)


def test_seed_002_cites_an_expired_decree():
    message = basis_discrepancy("mẫu ban hành kèm theo Nghị định số 98/2023/NĐ-CP", "Nghị định 152/2025/NĐ-CP")
    assert "152/2025" in message
    assert basis_discrepancy("Nghị định số 98/2023/NĐ-CP", "Nghị định 98/2023/NĐ-CP") == ""
    assert basis_discrepancy("", "Nghị định 152/2025/NĐ-CP") == ""
