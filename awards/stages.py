"""Rules of the typical-example lifecycle (seed 003): phát hiện → bồi dưỡng → tổng kết → nhân rộng,
and the prerequisites of each recognition level. Plain functions over plain values; they return
reasons (an empty list means "allowed"), never bare booleans."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models.typical import RecognitionLevel, Stage

ORDER = [Stage.DETECT, Stage.NURTURE, Stage.SUMMARISE, Stage.REPLICATE]

# What a stage needs before the example moves on to the next one.
STAGE_NEEDS = {
    Stage.DETECT: ("note",),
    Stage.NURTURE: ("note",),
    Stage.SUMMARISE: ("note", "story", "level"),
    Stage.REPLICATE: (),
}
NEED_TEXT = {
    "note": _("Cần ít nhất một ghi nhận ở giai đoạn “%(stage)s” trước khi chuyển tiếp."),
    "story": _("Cần viết câu chuyện, thành tích tiêu biểu trước khi nhân rộng."),
    "level": _("Cần ghi cấp công nhận (kết quả tổng kết) trước khi nhân rộng."),
}


def next_stage(stage: str) -> str | None:
    index = ORDER.index(stage)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def previous_stage(stage: str) -> str | None:
    index = ORDER.index(stage)
    return ORDER[index - 1] if index > 0 else None


def stage_blockers(stage: str, *, notes_at_stage: int, has_story: bool, has_level: bool) -> list[str]:
    """What is still missing before leaving ``stage`` for the next one."""
    present = {"note": notes_at_stage > 0, "story": has_story, "level": has_level}
    return [str(NEED_TEXT[need] % {"stage": Stage(stage).label}) for need in STAGE_NEEDS[Stage(stage)]
            if not present[need]]


def move_blockers(current: str, target: str, *, reason: str = "", notes_at_stage: int = 0,
                  has_story: bool = False, has_level: bool = False) -> list[str]:
    """Forward one step once the current stage is complete; back only to the previous stage, with a reason."""
    if target not in ORDER:
        return [str(_("Giai đoạn không hợp lệ."))]
    if target == next_stage(current):
        return stage_blockers(current, notes_at_stage=notes_at_stage, has_story=has_story, has_level=has_level)
    if target == previous_stage(current):
        return [] if reason.strip() else [str(_("Quay lại giai đoạn trước phải ghi rõ lý do."))]
    return [str(_("Chỉ được chuyển sang giai đoạn kế tiếp hoặc quay lại giai đoạn liền trước."))]


# Recognition levels


@dataclass(frozen=True)
class Reason:
    """A prerequisite not met (``blocking``) or one that people must judge (the data live elsewhere)."""

    text: str
    blocking: bool


# Earlier recognitions a level requires: (level required, why) — seed 003, section II.2.2.
EARLIER = {
    RecognitionLevel.GRASSROOTS_ANNUAL: [],
    RecognitionLevel.SECTOR_ANNUAL: [
        (RecognitionLevel.GRASSROOTS_ANNUAL, _("được chọn trong số các điển hình tiên tiến cấp cơ sở")),
    ],
    RecognitionLevel.GRASSROOTS_PERIOD: [
        (RecognitionLevel.GRASSROOTS_ANNUAL, _("được chọn trong số các điển hình tiên tiến cấp cơ sở hằng năm")),
    ],
    RecognitionLevel.SECTOR_PERIOD: [
        (RecognitionLevel.SECTOR_ANNUAL, _("có ít nhất 01 lần được công nhận điển hình tiên tiến ngành Tư pháp "
                                           "hằng năm")),
        (RecognitionLevel.GRASSROOTS_PERIOD, _("được chọn trong số các điển hình tiên tiến cấp cơ sở giai đoạn "
                                               "2021–2025")),
    ],
}

# Conditions people must judge: (applies to "collective" / "individual" / "leader" / "any", text).
JUDGED = {
    RecognitionLevel.GRASSROOTS_ANNUAL: [
        ("collective", _("Đủ điều kiện xét tặng danh hiệu Tập thể Lao động xuất sắc trở lên.")),
        ("collective", _("Không có công chức, người lao động thuộc đơn vị bị kỷ luật từ khiển trách trở lên.")),
        ("individual", _("Đủ điều kiện xét tặng danh hiệu Chiến sĩ thi đua cơ sở trở lên.")),
        ("leader", _("Là người đứng đầu: đơn vị cũng phải đủ điều kiện xét tặng Tập thể Lao động xuất sắc trở lên.")),
    ],
    RecognitionLevel.SECTOR_ANNUAL: [
        ("any", _("Có bề dày thành tích được Bộ, Ngành, tỉnh và cấp Nhà nước tặng thưởng.")),
    ],
    RecognitionLevel.GRASSROOTS_PERIOD: [
        ("any", _("Có bề dày thành tích được Bộ, Ngành, tỉnh và cấp Nhà nước tặng thưởng.")),
        ("collective", _("Trong giai đoạn 2021–2025 không có công chức, người lao động bị kỷ luật từ khiển trách "
                         "trở lên.")),
        ("leader", _("Là người đứng đầu: đơn vị cũng phải đạt thành tích xuất sắc trở lên trong các phong trào "
                     "thi đua.")),
    ],
    RecognitionLevel.SECTOR_PERIOD: [
        ("any", _("Có bề dày thành tích cao được Bộ, Ngành, tỉnh và cấp Nhà nước tặng thưởng.")),
    ],
}


def _applies(scope: str, *, is_collective: bool, is_leader: bool) -> bool:
    return {"any": True, "collective": is_collective, "individual": not is_collective,
            "leader": not is_collective and is_leader}[scope]


def level_reasons(level: str, *, is_collective: bool, is_leader: bool = False,
                  earlier_levels: Iterable[str] = ()) -> list[Reason]:
    """The prerequisites of ``level`` for a subject: blocking ones (an earlier recognition is missing
    from the other typical examples of the same subject) and the ones that need human judgement."""
    if not level:
        return []
    earlier = set(earlier_levels)
    reasons = [Reason(str(_("Thiếu: %(why)s (chưa có điển hình “%(level)s” của cùng tập thể, cá nhân).")
                          % {"why": why, "level": RecognitionLevel(required).label}), blocking=True)
               for required, why in EARLIER[RecognitionLevel(level)] if required not in earlier]
    reasons += [Reason(str(_("Cần Hội đồng xem xét: %(text)s") % {"text": text}), blocking=False)
                for scope, text in JUDGED[RecognitionLevel(level)]
                if _applies(scope, is_collective=is_collective, is_leader=is_leader)]
    return reasons


def blocking(reasons: list[Reason]) -> list[str]:
    return [r.text for r in reasons if r.blocking]


# Publication on the department's web page (honour board)


def publication_blockers(*, has_photo: bool, has_story: bool) -> list[str]:
    """A photo and a story are needed before publication can be requested (and approved)."""
    reasons = []
    if not has_photo:
        reasons.append(str(_("Cần ảnh của tập thể, cá nhân trước khi đề nghị công bố.")))
    if not has_story:
        reasons.append(str(_("Cần câu chuyện, thành tích tiêu biểu trước khi đề nghị công bố.")))
    return reasons
