"""The lifecycle and recognition-level rules of seed 003, without the database."""

import pytest

from awards import stages
from awards.models import RecognitionLevel as L
from awards.models import Stage

pytestmark = pytest.mark.unit


def test_stages_go_forward_one_step_and_back_one_step():
    assert [stages.next_stage(s) for s in stages.ORDER] == [Stage.NURTURE, Stage.SUMMARISE, Stage.REPLICATE, None]
    assert [stages.previous_stage(s) for s in stages.ORDER] == [None, Stage.DETECT, Stage.NURTURE, Stage.SUMMARISE]


@pytest.mark.parametrize(("current", "target", "kwargs", "expected"), [
    ("detect", "nurture", {"notes_at_stage": 1}, []),
    ("detect", "nurture", {"notes_at_stage": 0},
     ["Cần ít nhất một ghi nhận ở giai đoạn “Phát hiện” trước khi chuyển tiếp."]),
    ("detect", "summarise", {"notes_at_stage": 3},
     ["Chỉ được chuyển sang giai đoạn kế tiếp hoặc quay lại giai đoạn liền trước."]),
    ("nurture", "detect", {"reason": "  "}, ["Quay lại giai đoạn trước phải ghi rõ lý do."]),
    ("nurture", "detect", {"reason": "Cần xác minh thêm"}, []),
    ("replicate", "detect", {"reason": "x"},
     ["Chỉ được chuyển sang giai đoạn kế tiếp hoặc quay lại giai đoạn liền trước."]),
    ("replicate", "nowhere", {}, ["Giai đoạn không hợp lệ."]),
    ("summarise", "replicate", {"notes_at_stage": 1, "has_story": True, "has_level": True}, []),
    ("summarise", "replicate", {"notes_at_stage": 1},
     ["Cần viết câu chuyện, thành tích tiêu biểu trước khi nhân rộng.",
      "Cần ghi cấp công nhận (kết quả tổng kết) trước khi nhân rộng."]),
])
def test_move_blockers(current, target, kwargs, expected):
    assert stages.move_blockers(current, target, **kwargs) == expected


def test_sector_period_needs_an_earlier_sector_annual_and_grassroots_period_recognition():
    reasons = stages.level_reasons(L.SECTOR_PERIOD, is_collective=True, earlier_levels=[L.GRASSROOTS_ANNUAL])
    assert stages.blocking(reasons) == [
        "Thiếu: có ít nhất 01 lần được công nhận điển hình tiên tiến ngành Tư pháp hằng năm (chưa có điển hình "
        "“Điển hình tiên tiến ngành Tư pháp hằng năm” của cùng tập thể, cá nhân).",
        "Thiếu: được chọn trong số các điển hình tiên tiến cấp cơ sở giai đoạn 2021–2025 (chưa có điển hình "
        "“Điển hình tiên tiến cấp cơ sở giai đoạn 2021–2025” của cùng tập thể, cá nhân).",
    ]
    met = stages.level_reasons(L.SECTOR_PERIOD, is_collective=True,
                               earlier_levels=[L.SECTOR_ANNUAL, L.GRASSROOTS_PERIOD])
    assert stages.blocking(met) == []
    assert [r.text for r in met] == ["Cần Hội đồng xem xét: Có bề dày thành tích cao được Bộ, Ngành, tỉnh và cấp "
                                     "Nhà nước tặng thưởng."]


def test_grassroots_annual_needs_human_judgement_of_the_title_eligibility():
    collective = stages.level_reasons(L.GRASSROOTS_ANNUAL, is_collective=True)
    assert stages.blocking(collective) == []
    assert [r.text for r in collective] == [
        "Cần Hội đồng xem xét: Đủ điều kiện xét tặng danh hiệu Tập thể Lao động xuất sắc trở lên.",
        "Cần Hội đồng xem xét: Không có công chức, người lao động thuộc đơn vị bị kỷ luật từ khiển trách trở lên.",
    ]
    officer = stages.level_reasons(L.GRASSROOTS_ANNUAL, is_collective=False)
    assert [r.text for r in officer] == [
        "Cần Hội đồng xem xét: Đủ điều kiện xét tặng danh hiệu Chiến sĩ thi đua cơ sở trở lên."]
    leader = stages.level_reasons(L.GRASSROOTS_ANNUAL, is_collective=False, is_leader=True)
    assert len(leader) == 2 and "người đứng đầu" in leader[1].text


def test_no_level_has_no_prerequisites():
    assert stages.level_reasons("", is_collective=True) == []


def test_publication_needs_photo_and_story():
    assert stages.publication_blockers(has_photo=True, has_story=True) == []
    assert stages.publication_blockers(has_photo=False, has_story=False) == [
        "Cần ảnh của tập thể, cá nhân trước khi đề nghị công bố.",
        "Cần câu chuyện, thành tích tiêu biểu trước khi đề nghị công bố.",
    ]
