"""The five seed plans (../shared/seeds/) with their campaigns, milestones, participants,
sub-plan requirements and some pledges. Upserts on natural keys: loading twice changes nothing."""

import datetime

from emulation.models import Officer, Unit, UnitKind

from . import demo_targets
from .demo_texts import SEED_TEXTS
from .models import Campaign, CampaignKind, Milestone, MilestoneKind, Participation, Plan, Pledge, SubPlanRequirement
from .services import derive_campaign_fields, derive_plan_fields

D = datetime.date


def _lines(text: str) -> str:
    """Legal basis: one referenced document per line."""
    return "\n".join(part.strip().rstrip(".;") + ";" for part in text.replace("\n", " ").split(";") if part.strip())


PLANS = [
    {
        "seed": "000", "issuer": "BD", "symbol": "KH-CTHADS", "year": 2023, "place": "Bình Định",
        "title": "Phát động phong trào thi đua trong Hệ thống Thi hành án dân sự tỉnh Bình Định năm 2023",
        "theme": "Kỷ cương, trách nhiệm, đoàn kết, sáng tạo, nỗ lực phấn đấu thi đua hoàn thành xuất sắc nhiệm vụ "
                 "chính trị được giao năm 2023",
        "signer": ("Nguyễn Xuân Hồng", "CỤC TRƯỞNG"), "subplans_due": D(2023, 2, 28),
    },
    {
        "seed": "001", "issuer": "HG", "symbol": "KH-CTHADS", "year": 2024, "place": "Hậu Giang",
        "title": "Phát động đợt thi đua cao điểm lập thành tích chào mừng kỷ niệm 78 năm Ngày Truyền thống "
                 "Thi hành án dân sự (19/7/1946 - 19/7/2024)",
        "theme": "Thi đua lập thành tích hoàn thành các chỉ tiêu, nhiệm vụ THADS, theo dõi THAHC chào mừng Kỷ niệm "
                 "78 năm Ngày Truyền thống THADS (19/7/1946 - 19/7/2024).",
        "signer": ("Lê Phước Toàn", "CỤC TRƯỞNG"),
    },
    {
        "seed": "002", "issuer": "UBND-HG", "symbol": "KH-UBND", "year": 2025, "place": "Hậu Giang",
        "title": "Phát động phong trào thi đua trong công tác thi hành án dân sự, theo dõi thi hành án hành chính "
                 "năm 2025, lập thành tích chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030",
        "theme": SEED_TEXTS["002"]["theme"],
        "signer": ("Đồng Văn Thanh", "TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH"),
    },
    {
        "seed": "003", "issuer": "TN", "symbol": "KH-CTHADS", "year": 2023, "place": "Thái Nguyên",
        "title": "Xây dựng, bồi dưỡng, nhân rộng điển hình tiên tiến hướng tới Đại hội Thi đua yêu nước ngành "
                 "Tư pháp lần thứ VI trong các cơ quan Thi hành án dân sự tỉnh Thái Nguyên",
        "theme": "", "signer": ("Nguyễn Xuân Tùng", "CỤC TRƯỞNG"), "subplans_due": D(2023, 2, 20),
    },
    {
        "seed": "004", "issuer": "LS", "symbol": "KH-CTHADS", "year": 2019, "place": "Lạng Sơn",
        "title": "Tổ chức thực hiện Phong trào thi đua “Công chức, người lao động cơ quan Thi hành án dân sự tỉnh "
                 "Lạng Sơn thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025",
        "theme": "Công chức, người lao động cơ quan Thi hành án dân sự tỉnh Lạng Sơn thi đua thực hiện văn hóa "
                 "công sở", "signer": ("Phạm Văn Dũng", "CỤC TRƯỞNG"),
    },
]

# (seed, kind, name, start, end, results start, results end, pledges due, dossier due, description key)
CAMPAIGNS = [
    ("000", CampaignKind.ANNUAL, "Phong trào thi đua năm 2023 trong Hệ thống Thi hành án dân sự tỉnh Bình Định",
     D(2023, 1, 1), D(2023, 12, 31), D(2022, 10, 1), D(2023, 9, 30), D(2023, 3, 15), None, "targets"),
    ("000", CampaignKind.PEAK, "Đợt thi đua thứ nhất năm 2023: lập thành tích chào mừng 93 năm thành lập Đảng, "
     "48 năm giải phóng Miền Nam, 77 năm Ngày Truyền thống THADS", D(2023, 1, 1), D(2023, 6, 30),
     None, None, None, None, "phase1"),
    ("000", CampaignKind.PEAK, "Đợt thi đua thứ hai năm 2023: chào mừng 78 năm Cách mạng tháng Tám và Quốc khánh "
     "2/9, 78 năm Ngày truyền thống Ngành Tư pháp", D(2023, 7, 1), D(2023, 12, 31),
     None, None, None, None, "phase2"),
    ("001", CampaignKind.PEAK, "Đợt thi đua cao điểm chào mừng kỷ niệm 78 năm Ngày Truyền thống Thi hành án dân sự",
     D(2024, 4, 1), D(2024, 6, 30), D(2023, 10, 1), D(2024, 6, 30), None, D(2024, 7, 1), "targets"),
    ("002", CampaignKind.THEMATIC, "Phong trào thi đua trong công tác thi hành án dân sự, theo dõi thi hành án "
     "hành chính năm 2025 trên địa bàn tỉnh Hậu Giang", D(2025, 1, 1), D(2025, 9, 30),
     None, None, None, D(2025, 10, 10), "targets"),
    ("003", CampaignKind.TYPICAL_EXAMPLES, "Xây dựng, bồi dưỡng, nhân rộng điển hình tiên tiến hướng tới Đại hội "
     "Thi đua yêu nước ngành Tư pháp lần thứ VI", D(2023, 2, 1), D(2025, 12, 31),
     None, None, None, None, "targets"),
    ("004", CampaignKind.MULTI_YEAR, "Phong trào thi đua “Công chức, người lao động cơ quan Thi hành án dân sự "
     "tỉnh Lạng Sơn thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025", D(2019, 8, 22), D(2025, 12, 31),
     None, None, None, None, "targets"),
]

PHASE_TEXT = {
    "phase1": "Từ đầu năm đến ngày 30/6/2023, lập thành tích chào mừng kỷ niệm 93 năm ngày thành lập Đảng Cộng sản "
              "Việt Nam (03/02/1930 - 03/02/2023), 48 năm giải phóng Miền Nam, thống nhất đất nước (30/4/1975 - "
              "30/4/2023), kỷ niệm 75 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023); "
              "133 năm Ngày sinh của Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2023); kỷ niệm 77 năm Ngày Truyền "
              "thống Thi hành án dân sự (19/7/1946 - 19/7/2023).\nSau đợt thi đua cao điểm, các đơn vị tiến hành "
              "sơ, tổng kết phong trào thi đua, bình xét khen thưởng theo thẩm quyền.",
    "phase2": "Từ ngày 01/7/2023 đến kết thúc năm 2023: phát động Thi đua lập thành tích xuất sắc chào mừng kỷ niệm "
              "78 năm cách mạng tháng tám và Quốc khánh 2/9 (02/9/1945-02/9/2023); chào mừng 42 năm tái lập Bộ "
              "Tư pháp (7/1981-7/2023), kỷ niệm 78 năm Ngày truyền thống Ngành Tư pháp (28/8/1945-28/8/2023).",
}

# (campaign index, kind, title, start, end, note)
MILESTONES = [
    (0, MilestoneKind.LAUNCH, "Phát động phong trào thi đua năm 2023", D(2023, 2, 1), None,
     "Kế hoạch ban hành tháng 02/2023 (văn bản không ghi ngày)."),
    (0, MilestoneKind.DEADLINE, "Các đơn vị gửi Kế hoạch phát động phong trào thi đua năm 2023 về Cục THADS tỉnh",
     D(2023, 2, 28), None, ""),
    (0, MilestoneKind.INTERIM_REVIEW, "Sơ kết đợt thi đua thứ nhất, bình xét khen thưởng", D(2023, 7, 1), None,
     "Sau đợt thi đua cao điểm thứ nhất (kết thúc 30/6/2023)."),
    (0, MilestoneKind.FINAL_REVIEW, "Tổng kết phong trào thi đua năm 2023", D(2023, 12, 31), None, ""),
    (3, MilestoneKind.LAUNCH, "Phát động đợt thi đua cao điểm", D(2024, 4, 1), None, ""),
    (3, MilestoneKind.DEADLINE, "Hạn gửi hồ sơ đề nghị khen thưởng (Tờ trình, Biên bản, Danh sách, Báo cáo thành tích) "
     "về Cục THADS tỉnh qua Phòng Tổ chức cán bộ", D(2024, 7, 1), None,
     "Văn bản ghi “trước ngày 01 tháng 7 năm 2024”; đồng thời gửi file mềm qua hộp thư điện tử."),
    (4, MilestoneKind.DEADLINE, "Hạn gửi báo cáo và hồ sơ đề nghị khen thưởng về Cục THADS tỉnh", D(2025, 10, 10),
     None, "Bình xét cùng Sở Nội vụ, trình Chủ tịch UBND tỉnh tặng Bằng khen (05 tập thể, 10 cá nhân)."),
    (5, MilestoneKind.DEADLINE, "Các đơn vị xây dựng kế hoạch triển khai", D(2023, 2, 20), None, ""),
    (5, MilestoneKind.STAGE, "Phát hiện, lựa chọn tập thể, cá nhân có thành tích tiêu biểu", D(2023, 2, 1),
     D(2025, 12, 31), "Giai đoạn 1 của quy trình: phát hiện."),
    (5, MilestoneKind.STAGE, "Bồi dưỡng điển hình tiên tiến", D(2023, 2, 1), D(2025, 12, 31),
     "Giai đoạn 2: bồi dưỡng."),
    (5, MilestoneKind.INTERIM_REVIEW, "Sơ kết vào dịp kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi "
     "thi đua ái quốc (11/6/1948 - 11/6/2023)", D(2023, 6, 11), None, "Giai đoạn 3: tổng kết (sơ kết)."),
    (5, MilestoneKind.FINAL_REVIEW, "Tổng kết, công nhận điển hình tiên tiến giai đoạn 2021-2025 tại Đại hội Thi "
     "đua yêu nước ngành Tư pháp lần thứ VI", D(2025, 10, 1), None,
     "Văn bản ghi “năm 2025”; ngày cụ thể theo lịch Đại hội. Giai đoạn 4: nhân rộng."),
    (6, MilestoneKind.LAUNCH, "Phát động phong trào (văn bản số 77/PĐ-CTHADS)", D(2019, 8, 22), None, ""),
    (6, MilestoneKind.INTERIM_REVIEW, "Sơ kết, khen thưởng thành tích giai đoạn 2019-2022", D(2022, 12, 1), None,
     "Văn bản ghi “năm 2022”; ngày cụ thể theo văn bản hướng dẫn sơ kết."),
    (6, MilestoneKind.FINAL_REVIEW, "Tổng kết vào dịp kỷ niệm 80 năm Ngày truyền thống ngành Tư pháp", D(2025, 8, 28),
     None, "Cùng Đại hội thi đua yêu nước ngành Tư pháp lần thứ VI."),
]

# Sub-plans filed under seed 000 and 003: (parent seed, issuing unit, number, issued on)
FILED_SUBPLANS = [
    ("000", "BD-CC-QN", 5, D(2023, 2, 20)), ("000", "BD-CC-AN", 3, D(2023, 2, 24)),
    ("000", "BD-CC-TS", 4, D(2023, 2, 27)), ("000", "BD-VP", 2, D(2023, 2, 16)),
    ("000", "BD-CC-VC", 6, D(2023, 3, 8)),
    ("003", "TN-CC-TPTN", 7, D(2023, 2, 17)), ("003", "TN-CC-DH", 4, D(2023, 2, 28)),
]


def _upsert(model, lookup: dict, values: dict, derive=None):
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    changed = obj.pk is None or any(getattr(obj, k) != v for k, v in values.items())
    for key, value in values.items():
        setattr(obj, key, value)
    if derive:
        derive(obj)
    if changed:
        obj.full_clean()
        obj.save()
    return obj


def load_plans(units: dict[str, Unit]) -> dict[str, Plan]:
    plans = {}
    for spec in PLANS:
        text = SEED_TEXTS[spec["seed"]]
        content = "\n".join(text.get(k, "") for k in ("preamble", "other", "organisation") if text.get(k))
        values = {"place": spec["place"], "theme": spec["theme"], "legal_basis": _lines(text["legal_basis"]),
                  "purposes": text["purposes"], "requirements": text["requirements"], "content": content,
                  "recipients": text["recipients"], "signer_name": spec["signer"][0],
                  "signer_title": spec["signer"][1]}
        plans[spec["seed"]] = _upsert(Plan, {"issuer": units[spec["issuer"]], "year": spec["year"],
                                             "symbol": spec["symbol"], "title": spec["title"]}, values,
                                      derive_plan_fields)
    return plans


def load_campaigns(plans: dict[str, Plan]) -> list[Campaign]:
    campaigns = []
    for seed, kind, name, start, end, r_start, r_end, pledges_due, dossier_due, text_key in CAMPAIGNS:
        description = PHASE_TEXT.get(text_key) or SEED_TEXTS[seed][text_key]
        values = {"kind": kind, "starts_on": start, "ends_on": end, "results_starts_on": r_start,
                  "results_ends_on": r_end, "pledges_due_on": pledges_due, "dossier_due_on": dossier_due,
                  "description": description, "theme": plans[seed].theme}
        campaigns.append(_upsert(Campaign, {"plan": plans[seed], "name": name}, values, derive_campaign_fields))
    for index, kind, title, start, end, note in MILESTONES:
        _upsert(Milestone, {"campaign": campaigns[index], "title": title},
                {"kind": kind, "starts_on": start, "ends_on": end, "note": note})
    return campaigns


def _members(units: dict[str, Unit], province: str) -> list[Unit]:
    prefix = f"{province}-"
    return [u for code, u in units.items() if code.startswith(prefix)
            and u.kind in (UnitKind.DIVISION, UnitKind.SUB_DEPARTMENT) and u.valid_from is None]


def load_participation(units, plans, campaigns) -> None:
    for campaign in campaigns:
        issuer = campaign.plan.issuer.code
        members = _members(units, "HG") + [units["HG"]] + [u for c, u in units.items() if c.startswith("HG-")
                                                          and u.kind in (UnitKind.EXTERNAL, UnitKind.AUTHORITY)] \
            if issuer == "UBND-HG" else _members(units, issuer)
        for unit in members:
            Participation.objects.get_or_create(campaign=campaign, unit=unit)
    for spec in PLANS:
        if "subplans_due" in spec:
            for unit in _members(units, spec["issuer"]):
                _upsert(SubPlanRequirement, {"plan": plans[spec["seed"]], "unit": unit},
                        {"due_on": spec["subplans_due"]})
    for seed, unit_code, number, issued_on in FILED_SUBPLANS:
        unit, parent = units[unit_code], plans[seed]
        _upsert(Plan, {"issuer": unit, "year": parent.year, "number": number, "symbol": "KH-CCTHADS"
                       if unit.kind == UnitKind.SUB_DEPARTMENT else "KH-VP"},
                {"issued_on": issued_on, "parent": parent, "place": parent.place,
                 "title": f"Thực hiện {parent.reference}: {parent.title} ({unit.short_name or unit.name})",
                 "theme": parent.theme, "legal_basis": f"Thực hiện Kế hoạch {parent.reference} của {parent.issuer};"},
                derive_plan_fields)


# (campaign index, unit code, officer slot or None, registered on, title)
PLEDGES = [
    (0, "BD-CC-QN", None, D(2023, 3, 10), "Tập thể Lao động xuất sắc"),
    (0, "BD-CC-AN", None, D(2023, 3, 12), "Tập thể Lao động tiên tiến"),
    (0, "BD-VP", None, D(2023, 3, 14), "Tập thể Lao động tiên tiến"),
    (0, "BD-CC-QN", 2, D(2023, 3, 10), "Chiến sĩ thi đua cơ sở"),
    (0, "BD-CC-QN", 3, D(2023, 3, 10), "Lao động tiên tiến"),
    (3, "HG-CC-VTH", None, D(2024, 4, 5), "Giấy khen của Cục trưởng"),
    (3, "HG-CC-VTH", 2, D(2024, 4, 5), "Giấy khen của Cục trưởng"),
    (3, "HG-CC-VTH", 3, D(2024, 4, 5), "Giấy khen của Tổng Cục trưởng"),
    (3, "HG-CC-NB", None, D(2024, 4, 8), "Giấy khen của Cục trưởng"),
    (3, "HG-NV", None, D(2024, 4, 3), "Giấy khen của Cục trưởng"),
    (6, "LS-CC-TPLS", None, D(2019, 9, 10), "Đơn vị đạt chuẩn văn hóa công sở"),
]
PLEDGE_TEXT = ("Đăng ký thực hiện đạt và vượt các chỉ tiêu, nhiệm vụ được giao trong phong trào; chấp hành nghiêm "
               "kỷ luật, kỷ cương hành chính; không có công chức, người lao động bị kỷ luật.")


def load_pledges(units, campaigns) -> None:
    for index, unit_code, slot, registered_on, title in PLEDGES:
        officer = Officer.objects.get(code=f"{unit_code}-{slot:02d}") if slot else None
        _upsert(Pledge, {"campaign": campaigns[index], "unit": units[unit_code], "officer": officer},
                {"registered_on": registered_on, "target_title": title, "content": PLEDGE_TEXT})


def load(units: dict[str, Unit]) -> dict:
    plans = load_plans(units)
    campaigns = load_campaigns(plans)
    load_participation(units, plans, campaigns)
    load_pledges(units, campaigns)
    demo_targets.load(campaigns)
    return {"plans": plans, "campaigns": campaigns}
