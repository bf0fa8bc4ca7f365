"""Targets of the seed plans as written (seed 000's numbered tasks, seed 001's tier tables with their
edge gaps, seed 002's criteria), and illustrative results for seed 001. Loaded by ``campaigns.demo``;
upserts on natural keys."""

from decimal import Decimal

from emulation.models import Officer, Unit

from .models import BracketBasis, Campaign, MetricKind, Result, SubjectKind, Target, TargetBracket

TY = 10**9
C, M, P, B, CMP = (MetricKind.COMPLETION_CASES, MetricKind.COMPLETION_MONEY, MetricKind.PERCENTAGE,
                   MetricKind.BOOLEAN, MetricKind.COMPARISON)

# (code, title, metric, subject, value, strict)
SEED_000 = [
    ("1.1.1", "Ra quyết định thi hành án đúng quy định của pháp luật 100% đối với bản án, quyết định về dân sự đã "
     "có hiệu lực.", P, SubjectKind.UNIT, 100, False),
    ("1.1.2", "Bảo đảm xác minh, phân loại chính xác, đúng pháp luật việc THADS có điều kiện thi hành và chưa có "
     "điều kiện thi hành; đăng tải kịp thời thông tin người phải thi hành án chưa có điều kiện thi hành.",
     B, SubjectKind.UNIT, None, False),
    ("1.1.3", "Tỷ lệ thi hành xong trên 84% về việc trên tổng số có điều kiện thi hành.",
     C, SubjectKind.UNIT, 84, True),
    ("1.1.3", "Tỷ lệ thi hành xong trên 46% về tiền trên tổng số có điều kiện thi hành.",
     M, SubjectKind.UNIT, 46, True),
    ("1.1.4", "Thi hành có hiệu quả các khoản thu hồi tiền, tài sản trong các vụ án hình sự về tham nhũng, kinh tế.",
     B, SubjectKind.UNIT, None, False),
    ("1.1.5", "Kết quả thi hành án các khoản nợ của tổ chức tín dụng, các khoản thu cho ngân sách nhà nước đạt tỷ lệ "
     "thi hành xong về việc, về tiền trên tổng số có điều kiện thi hành cao hơn năm 2022.", CMP, SubjectKind.UNIT,
     None, True),
    ("1.1.6", "Cơ bản khắc phục tình trạng vi phạm pháp luật trong hoạt động THADS, nhất là trong kê biên, thẩm định "
     "giá, đấu giá tài sản.", B, SubjectKind.UNIT, None, False),
    ("1.1.7", "Trả lời đúng trình tự, thủ tục và thời hạn 100% số văn bản xin ý kiến chỉ đạo của Chấp hành viên, "
     "cơ quan THADS cấp dưới.", P, SubjectKind.UNIT, 100, False),
    ("1.1.8", "Giải quyết đúng thời hạn 100% số đơn thư khiếu nại, tố cáo.", P, SubjectKind.UNIT, 100, False),
    ("1.1.9", "Theo dõi đối với 100% bản án, quyết định của Tòa án có nội dung theo dõi thi hành án hành chính.",
     P, SubjectKind.UNIT, 100, False),
    ("1.1.10", "Rà soát, nghiên cứu, đề xuất hoàn thiện thể chế về THADS, THAHC.", B, SubjectKind.UNIT, None, False),
    ("1.1.11", "Kiện toàn tổ chức bộ máy, đội ngũ công chức THADS theo Nghị quyết số 18-NQ/TW.", B, SubjectKind.UNIT,
     None, False),
    ("1.1.12", "Thực hiện các nhiệm vụ THADS phục vụ chuyển đổi số quốc gia; ứng dụng công nghệ thông tin.",
     B, SubjectKind.UNIT, None, False),
    ("1.1.13", "Xây dựng, sửa chữa, bảo trì trụ sở, kho vật chứng theo kế hoạch đầu tư công trung hạn 2021 - 2025.",
     B, SubjectKind.UNIT, None, False),
    ("1.1.14", "Đẩy mạnh cải cách hành chính, cắt giảm hồ sơ, giấy tờ, đơn giản hóa thủ tục hành chính.",
     B, SubjectKind.UNIT, None, False),
]

# Seed 001 tier tables exactly as written ("trên" = strictly over, hence the gaps at the edges).
TIERS_001 = [
    ("3.1", "Chi cục THADS – tỷ lệ thi hành xong trên có điều kiện về việc, theo tổng số giải quyết", C,
     SubjectKind.SUB_DEPARTMENT, BracketBasis.CASES_TOTAL,
     [(0, True, 800, False, 77), (800, True, 1000, False, 76), (1000, True, 1500, False, 75),
      (1500, False, None, False, 74)]),
    ("3.1", "Chi cục THADS – tỷ lệ thi hành xong trên có điều kiện về tiền, theo tổng số giải quyết", M,
     SubjectKind.SUB_DEPARTMENT, BracketBasis.MONEY_TOTAL,
     [(0, True, 100 * TY, False, 40), (100 * TY, True, 150 * TY, False, 38), (150 * TY, True, 300 * TY, False, 36),
      (300 * TY, False, None, False, 34)]),
    ("3.2", "Chấp hành viên – tỷ lệ thi hành xong trên có điều kiện về việc, theo tổng số giải quyết", C,
     SubjectKind.ENFORCEMENT_OFFICER, BracketBasis.CASES_TOTAL,
     [(0, True, 100, False, 77), (100, True, 200, False, 75), (200, True, 300, False, 73),
      (300, False, None, False, 71)]),
    ("3.2", "Chấp hành viên – tỷ lệ thi hành xong trên có điều kiện về tiền, theo tổng số giải quyết", M,
     SubjectKind.ENFORCEMENT_OFFICER, BracketBasis.MONEY_TOTAL,
     [(0, True, 10 * TY, False, 45), (10 * TY, True, 50 * TY, False, 43), (50 * TY, True, 100 * TY, False, 41),
      (100 * TY, False, None, False, 39)]),
]
FLAT_001 = [
    ("3.1", "Phòng Nghiệp vụ và tổ chức THADS – tỷ lệ thi hành xong trên có điều kiện về việc đạt 76%", C,
     SubjectKind.DIVISION, 76, "HG-NV"),
    ("3.1", "Phòng Nghiệp vụ và tổ chức THADS – tỷ lệ thi hành xong trên có điều kiện về tiền đạt 39%", M,
     SubjectKind.DIVISION, 39, "HG-NV"),
    ("3.3", "Cá nhân không là Chấp hành viên: hoàn thành xuất sắc nhiệm vụ được giao", B, SubjectKind.OTHER_OFFICER,
     None, None),
]
SEED_002 = [
    ("II.2", "Đạt và vượt các chỉ tiêu về việc và về tiền do cấp trên giao", B, SubjectKind.UNIT, None, False),
    ("II.2", "Giải quyết xong các vụ việc khiếu nại, tố cáo thuộc thẩm quyền mới phát sinh trong năm 2025 đạt tỷ lệ "
     "ít nhất 95%", P, SubjectKind.UNIT, 95, False),
    ("II.2", "Theo dõi việc thi hành đối với 100% bản án, quyết định của Tòa án về vụ án hành chính có nội dung theo "
     "dõi", P, SubjectKind.UNIT, 100, False),
    ("III.3", "Là đơn vị, cá nhân tiêu biểu hoàn thành xuất sắc nhiệm vụ trong công tác THADS, theo dõi THAHC hoặc "
     "có nhiều đóng góp tích cực trong công tác phối hợp THADS", B, SubjectKind.UNIT, None, False),
]


def upsert_target(campaign, position, code, title, metric, subject, *, value=None, strict=False,
                  basis=BracketBasis.NONE, unit=None) -> Target:
    values = {"metric_kind": metric, "subject_kind": subject, "value": None if value is None else Decimal(value),
              "strict": strict, "basis": basis, "unit": unit, "position": position}
    target = Target.objects.filter(campaign=campaign, code=code, title=title).first()
    if target is None:
        return Target.objects.create(campaign=campaign, code=code, title=title, **values)
    if any(getattr(target, k) != v for k, v in values.items()):
        for key, val in values.items():
            setattr(target, key, val)
        target.save()
    return target


def upsert_brackets(target: Target, rows) -> None:
    """``rows``: (lower, lower inclusive, upper, upper inclusive, value), upserted on (target, lower, inclusive)."""
    for lower, lower_inc, upper, upper_inc, value in rows:
        TargetBracket.objects.get_or_create(target=target, lower=lower, lower_inclusive=lower_inc,
                                            defaults={"upper": upper, "upper_inclusive": upper_inc,
                                                      "value": Decimal(value)})


def load(campaigns: list[Campaign]) -> None:
    load_targets(campaigns)
    load_results(campaigns)


def load_targets(campaigns: list[Campaign]) -> None:
    annual_000, peak_001, plan_002 = campaigns[0], campaigns[3], campaigns[4]
    for position, (code, title, metric, subject, value, strict) in enumerate(SEED_000):
        upsert_target(annual_000, position, code, title, metric, subject, value=value, strict=strict)
    for position, (code, title, metric, subject, basis, rows) in enumerate(TIERS_001):
        upsert_brackets(upsert_target(peak_001, position + 10, code, title, metric, subject, basis=basis), rows)
    for position, (code, title, metric, subject, value, unit_code) in enumerate(FLAT_001):
        unit = Unit.objects.get(code=unit_code) if unit_code else None
        upsert_target(peak_001, position, code, title, metric, subject, value=value, unit=unit)
    for position, (code, title, metric, subject, value, strict) in enumerate(SEED_002):
        upsert_target(plan_002, position, code, title, metric, subject, value=value, strict=strict)


# Seed 001 has no figures of its own: illustrative results for Hậu Giang as of 30/06/2024 (fictional),
# chosen to cover every bracket, one subject exactly on a gap (1.500 cases) and each status.
CHI_CUC_RESULTS = [  # (district code, cases total, cases rate ‰, money total in tỷ, money rate ‰, status)
    ("VTH", 650, 780, 85, 420, "confirmed"), ("NB", 820, 740, 120, 370, "confirmed"),
    ("LMX", 1500, 800, 160, 350, "confirmed"), ("LMH", 1200, 760, 300, 360, "confirmed"),
    ("VTY", 980, 770, 95, 410, "confirmed"), ("CT", 560, 700, 40, 450, "confirmed"),
    ("CTA", 1710, 750, 310, 330, "submitted"), ("PH", 760, 790, 70, 390, "returned"),
]
RETURN_REASON = "Số tiền có điều kiện thi hành chưa khớp với báo cáo thống kê; đề nghị đối chiếu lại."


def figures(cases_total, cases_rate, money_total, money_rate):
    cases_cond, money_cond = cases_total * 8 // 10, money_total * 6 // 10
    return {"cases_total": cases_total, "cases_with_conditions": cases_cond,
            "cases_completed": cases_cond * cases_rate // 1000, "money_total": money_total,
            "money_with_conditions": money_cond, "money_completed": money_cond * money_rate // 1000}


def load_results(campaigns: list[Campaign]) -> None:
    campaign, as_of = campaigns[3], campaigns[3].results_ends_on
    for index, (code, cases, cases_rate, money_ty, money_rate, status) in enumerate(CHI_CUC_RESULTS):
        unit = Unit.objects.get(code=f"HG-CC-{code}")
        result, _created = Result.objects.get_or_create(
            campaign=campaign, unit=unit, officer=None, as_of=as_of,
            defaults=figures(cases, cases_rate, money_ty * TY, money_rate))
        walk_result(result, status)
        for slot in (3, 4):
            officer = Officer.objects.get(code=f"{unit.code}-{slot:02d}")
            values = figures(60 + 37 * index + 41 * slot, 700 + 11 * index + 9 * slot,
                               (4 + 9 * index + 7 * slot) * TY, 380 + 13 * index + 5 * slot)
            result, _created = Result.objects.get_or_create(campaign=campaign, unit=unit, officer=officer,
                                                            as_of=as_of, defaults=values)
            walk_result(result, "confirmed" if status == "confirmed" else "draft")


RESULT_PATHS = {"draft": (), "submitted": ("submit",), "confirmed": ("submit", "confirm"),
                "returned": ("submit", "return")}


def walk_result(result: Result, state: str) -> None:
    """Move a new (draft) result to ``state`` through ``workflow.RESULT``, as the administrator."""
    from . import services
    from .demo import demo_actor

    if result.status != "draft":
        return
    actor = demo_actor()
    for action in RESULT_PATHS[state]:
        result = services.transition_result(actor=actor, result=result, action=action,
                                            reason=RETURN_REASON if action == "return" else "")
