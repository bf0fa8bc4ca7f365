"""The award catalogue with its rule versions (../shared/domain/law.md) and what each seed campaign
offers, with its criteria and quotas as written in the plan."""

import datetime

D = datetime.date
ND98 = ("Nghị định 98/2023/NĐ-CP", D(2024, 1, 1), D(2025, 6, 30))
ND152 = ("Nghị định 152/2025/NĐ-CP", D(2025, 7, 1), None)

# code, name, kind, subject type, authority, authority level, rank, description
CATALOGUE = [
    ("GK_CUC", "Giấy khen của Cục trưởng Cục Thi hành án dân sự tỉnh", "commendation", "both",
     "Cục trưởng Cục THADS tỉnh (từ 01/07/2025: Trưởng Thi hành án dân sự tỉnh)", "provincial", 10,
     "Luật Thi đua, khen thưởng 2022 Điều 74, 80; hồ sơ, thủ tục do Bộ Tư pháp quy định (NĐ 152/2025 Điều 6)."),
    ("GK_TCUC", "Giấy khen của Tổng Cục trưởng Tổng cục Thi hành án dân sự", "commendation", "both",
     "Tổng Cục trưởng Tổng cục THADS (từ 01/07/2025: Cục trưởng Cục Quản lý THADS)", "national", 20,
     "Đổi tên theo TT 24/2025/TT-BTP; thẩm quyền sau 01/07/2025 chưa đối chiếu được văn bản."),
    ("BK_BTP", "Bằng khen của Bộ trưởng Bộ Tư pháp", "commendation", "both", "Bộ trưởng Bộ Tư pháp", "ministry",
     30, "Luật Thi đua, khen thưởng 2022 Điều 72."),
    ("BK_UBND", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "commendation", "both", "Chủ tịch UBND tỉnh",
     "province_committee", 30, "Luật Thi đua, khen thưởng 2022 Điều 72."),
    ("LDTT", "Lao động tiên tiến", "title", "individual", "Thủ trưởng cơ quan", "provincial", 5,
     "Luật 2022 Điều 24: hoàn thành tốt nhiệm vụ trở lên; tự lực, đoàn kết, tích cực tham gia thi đua."),
    ("CSTDCS", "Chiến sĩ thi đua cơ sở", "title", "individual", "Thủ trưởng cơ quan", "provincial", 15,
     "Luật 2022 Điều 23: đạt Lao động tiên tiến và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được công nhận."),
    ("CSTD_BO", "Chiến sĩ thi đua Bộ Tư pháp", "title", "individual", "Bộ trưởng Bộ Tư pháp", "ministry", 40,
     "Luật 2022 Điều 22: chọn trong số có 03 lần liên tục đạt Chiến sĩ thi đua cơ sở, có sáng kiến phạm vi Bộ."),
    ("TTLDTT", "Tập thể lao động tiên tiến", "title", "collective", "Thủ trưởng cơ quan", "provincial", 5,
     "Luật 2022 Điều 28 (chi tiết do Bộ, tỉnh quy định)."),
    ("TTLDXS", "Tập thể lao động xuất sắc", "title", "collective", "Thủ trưởng cơ quan", "provincial", 15,
     "100 % thành viên hoàn thành nhiệm vụ, ≥ 70 % Lao động tiên tiến, ≥ 01 Chiến sĩ thi đua cơ sở."),
    ("DHTT_CS_NAM", "Điển hình tiên tiến cấp cơ sở hằng năm", "recognition", "both", "Cục trưởng Cục THADS tỉnh",
     "provincial", 12, "Kế hoạch xây dựng, bồi dưỡng, nhân rộng điển hình tiên tiến (seed 003) mục 2.2.2."),
    ("DHTT_NGANH_NAM", "Điển hình tiên tiến ngành Tư pháp hằng năm", "recognition", "both", "Bộ trưởng Bộ Tư pháp",
     "ministry", 25, "Seed 003 mục 2.2.3."),
    ("DHTT_CS_GD", "Điển hình tiên tiến cấp cơ sở giai đoạn 2021–2025", "recognition", "both",
     "Cục trưởng Cục THADS tỉnh", "provincial", 22, "Seed 003 mục 2.2.3 a)."),
    ("DHTT_NGANH_GD", "Điển hình tiên tiến ngành Tư pháp giai đoạn 2021–2025", "recognition", "both",
     "Bộ trưởng Bộ Tư pháp", "ministry", 35, "Seed 003 mục 2.2.3 b): ít nhất 01 lần điển hình ngành hằng năm."),
]

# code → (requires ballot, threshold %, comparison, verified) under NĐ 98 and under NĐ 152 (law.md §1.5: the
# NĐ 152 thresholds were not found; the NĐ 98 values are kept as configurable defaults). NĐ 98/2023 Điều 30
# khoản 7 words its thresholds "từ 90% / từ 80% trở lên" (at least); the other forms take the majority rule
# (Bắc Ninh QĐ 86/2025, law.md §1.5), "quá nửa": strictly more than 50 %.
BALLOT = {"CSTDCS": (True, 80, "at_least", True), "CSTD_BO": (True, 90, "at_least", True),
          "LDTT": (False, 50, "more_than", False), "TTLDTT": (False, 50, "more_than", False)}
DEFAULT_BALLOT = (True, 50, "more_than", False)
TEMPLATES = {"Nghị định 98/2023/NĐ-CP": ("nd98_mau01", "nd98_mau03"),
             "Nghị định 152/2025/NĐ-CP": ("nd152_mau01", "nd152_mau05")}

SEED_001_WINDOW = {"from": "2023-10-01", "to": "2024-06-30", "min_form": "reprimand"}
SEED_001_COLLECTIVE = ("“Giấy khen của Cục trưởng/Tổng Cục trưởng” được xét, tặng cho tập thể đạt các tiêu chuẩn, "
                       "điều kiện sau:\n- Lập thành tích xuất sắc trong đợt thi đua cao điểm;\n- Nội bộ đoàn kết, "
                       "thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, nội quy, quy "
                       "chế của cơ quan;\n- Không có cá nhân thuộc đơn vị vi phạm pháp luật hoặc bị kỷ luật từ hình "
                       "thức “khiển trách” trở lên tính đến thời điểm đề nghị khen thưởng (từ ngày 01/10/2023 đến ngày "
                       "30/6/2024).")
SEED_001_INDIVIDUAL = ("“Giấy khen của Cục trưởng/Tổng Cục trưởng” được xét, tặng cho cá nhân đạt các tiêu chuẩn, "
                       "điều kiện sau:\n+ Là cá nhân có thành tích xuất sắc trong đợt thi đua cao điểm;\n+ Có tinh "
                       "thần trách nhiệm cao, gương mẫu, đi đầu trong việc thực hiện nhiệm vụ; có ý thức trong đơn "
                       "vị xây dựng tập thể đoàn kết, vững mạnh; chủ động, sáng tạo trong thực hiện nhiệm vụ được "
                       "giao;\n+ Không vi phạm pháp luật hoặc bị kỷ luật từ hình thức “khiển trách” trở lên tính đến "
                       "thời điểm đề nghị khen thưởng (từ ngày 01/10/2023 đến ngày 30/6/2024).\nLưu ý: Đối với Thủ "
                       "trưởng đơn vị phải đạt các tiêu chuẩn, điều kiện của cá nhân và tập thể nêu trên.")
SEED_001_CRITERIA = [  # (kind, applies to, params, text)
    ("attainment", "collective", {}, "Lập thành tích xuất sắc trong đợt thi đua cao điểm (đạt các chỉ tiêu về việc "
                                     "và về tiền)"),
    ("qualitative", "collective", {}, "Nội bộ đoàn kết, thực hiện tốt chủ trương, đường lối của Đảng, chính sách, "
                                      "pháp luật của Nhà nước, nội quy, quy chế của cơ quan"),
    ("no_member_discipline", "collective", SEED_001_WINDOW, "Không có cá nhân thuộc đơn vị bị kỷ luật từ “khiển "
                                                            "trách” trở lên (01/10/2023 – 30/6/2024)"),
    ("attainment", "individual", {}, "Có thành tích xuất sắc trong đợt thi đua cao điểm (đạt chỉ tiêu được giao)"),
    ("qualitative", "individual", {}, "Có tinh thần trách nhiệm cao, gương mẫu, đi đầu trong việc thực hiện nhiệm "
                                      "vụ; chủ động, sáng tạo"),
    ("no_discipline", "individual", SEED_001_WINDOW, "Không bị kỷ luật từ “khiển trách” trở lên (01/10/2023 – "
                                                     "30/6/2024)"),
    ("head_collective", "individual", {}, "Thủ trưởng đơn vị phải đạt tiêu chuẩn của cá nhân và tập thể"),
]
SEED_001_QUOTAS = [  # (subject kind, per unit, limit, text)
    ("enforcement_officer", False, None, "Đối với Chấp hành viên: không giới hạn số lượng"),
    ("other_officer", True, 1, "Cá nhân không là Chấp hành viên: 01 cá nhân/Phòng và Chi cục"),
    ("division", False, 2, "Tập thể Phòng chuyên môn: 02 tập thể"),
    ("sub_department", False, None, "Tập thể Chi cục THADS: không giới hạn số lượng"),
]

SEED_002_WINDOW = {"from": "2024-10-01", "to": "2025-09-30", "min_form": "reprimand"}
SEED_002_CRITERIA = [
    ("attainment", "collective", {}, "Đơn vị tiêu biểu hoàn thành xuất sắc nhiệm vụ; đạt và vượt các chỉ tiêu về "
                                     "việc và về tiền hoặc có nhiều đóng góp tích cực trong công tác phối hợp THADS"),
    ("no_member_discipline", "collective", SEED_002_WINDOW, "Không có cá nhân thuộc đơn vị bị kỷ luật từ “khiển "
                                                            "trách” trở lên tính đến thời điểm đề nghị"),
    ("attainment", "individual", {}, "Cá nhân tiêu biểu hoàn thành xuất sắc nhiệm vụ; đạt và vượt chỉ tiêu hoặc có "
                                     "đóng góp tích cực trong công tác phối hợp THADS"),
    ("no_discipline", "individual", SEED_002_WINDOW, "Không vi phạm pháp luật hoặc bị kỷ luật từ “khiển trách” trở "
                                                     "lên tính đến thời điểm đề nghị"),
]
SEED_002_QUOTAS = [("unit", False, 5, "05 tập thể"), ("officer", False, 10, "10 cá nhân")]

SEED_004_CRITERIA = [
    ("qualitative", "", {}, "Có thành tích xuất sắc trong phong trào thi đua thực hiện văn hóa công sở"),
    ("no_discipline", "individual", {"min_form": "reprimand"}, "Không bị kỷ luật trong năm xét"),
]
SEED_003_CRITERIA = {
    "DHTT_CS_NAM": [("qualitative", "", {}, "Đủ điều kiện được xét tặng Tập thể Lao động xuất sắc / Chiến sĩ thi đua "
                                            "cơ sở trở lên"),
                    ("no_member_discipline", "collective", {"min_form": "reprimand"},
                     "Không có công chức, người lao động thuộc đơn vị bị kỷ luật từ khiển trách trở lên")],
    "DHTT_NGANH_GD": [("prior_award", "", {"award_codes": ["DHTT_NGANH_NAM"], "min_count": 1, "from_year": 2021,
                                           "to_year": 2025},
                       "Có ít nhất 01 lần được công nhận là điển hình tiên tiến ngành Tư pháp hằng năm"),
                      ("qualitative", "", {}, "Có bề dày thành tích cao được Bộ, Ngành, tỉnh và cấp Nhà nước tặng "
                                              "thưởng")],
}

# Seed 000 (annual, 2023): the annual titles under the Law (../shared/domain/law.md §7), for the year 2023.
LAW_2022 = "Luật Thi đua, khen thưởng 2022"
SEED_000_CRITERIA = {
    "LDTT": [("rating", "individual", {"year": 2023, "min_level": "good"},
              "Hoàn thành tốt nhiệm vụ trở lên năm 2023 (Luật 2022 Điều 24)"),
             ("no_discipline", "individual", {"from": "2023-01-01", "to": "2023-12-31", "min_form": "reprimand"},
              "Không bị kỷ luật trong năm 2023"),
             ("qualitative", "individual", {}, "Tự lực, đoàn kết, tích cực tham gia phong trào thi đua")],
    "CSTDCS": [("rating", "individual", {"year": 2023, "min_level": "good"},
                "Đạt tiêu chuẩn Lao động tiên tiến: hoàn thành tốt nhiệm vụ trở lên năm 2023"),
               ("initiative", "individual", {"year": 2023, "or_level": "excellent", "min_scope": "grassroots"},
                "Hoàn thành xuất sắc nhiệm vụ, hoặc có sáng kiến được công nhận cấp cơ sở năm 2023 "
                "(Luật 2022 Điều 23)"),
               ("no_discipline", "individual", {"from": "2023-01-01", "to": "2023-12-31", "min_form": "reprimand"},
                "Không bị kỷ luật trong năm 2023")],
    "TTLDTT": [("member_awards", "collective", {"award_code": "LDTT", "year": 2023, "min_percent": 70},
                "Có từ 70% thành viên đạt Lao động tiên tiến"),
               ("no_member_discipline", "collective", {"from": "2023-01-01", "to": "2023-12-31",
                                                       "min_form": "warning"},
                "Không có thành viên bị kỷ luật từ cảnh cáo trở lên")],
    "TTLDXS": [("attainment", "collective", {}, "Hoàn thành xuất sắc nhiệm vụ: đạt các chỉ tiêu năm 2023"),
               ("members_rating", "collective", {"year": 2023, "min_level": "completed", "min_percent": 100},
                "100% thành viên hoàn thành nhiệm vụ"),
               ("member_awards", "collective", {"award_code": "LDTT", "year": 2023, "min_percent": 70},
                "Có từ 70% thành viên đạt Lao động tiên tiến"),
               ("member_awards", "collective", {"award_code": "CSTDCS", "year": 2023, "min_count": 1},
                "Có ít nhất 01 thành viên đạt Chiến sĩ thi đua cơ sở")],
}

# (campaign key, award code, decided here, criteria text, criteria, quotas, cited basis)
CAMPAIGN_AWARDS = [
    *[("000", code, True, "", SEED_000_CRITERIA[code], [], "") for code in ("LDTT", "CSTDCS", "TTLDTT", "TTLDXS")],
    ("001", "GK_CUC", True, SEED_001_COLLECTIVE + "\n\n" + SEED_001_INDIVIDUAL, SEED_001_CRITERIA, SEED_001_QUOTAS,
     ""),
    ("001", "GK_TCUC", False, SEED_001_COLLECTIVE + "\n\n" + SEED_001_INDIVIDUAL, SEED_001_CRITERIA, [], ""),
    ("002", "BK_UBND", True, "Chủ tịch UBND tỉnh tặng Bằng khen cho các tập thể, cá nhân có thành tích tiêu biểu, "
     "xuất sắc. Số lượng: 05 tập thể và 10 cá nhân.", SEED_002_CRITERIA, SEED_002_QUOTAS,
     "mẫu ban hành kèm theo Nghị định số 98/2023/NĐ-CP"),
    ("003", "DHTT_CS_NAM", True, "", SEED_003_CRITERIA["DHTT_CS_NAM"], [], ""),
    ("003", "DHTT_NGANH_GD", False, "", SEED_003_CRITERIA["DHTT_NGANH_GD"], [], ""),
    ("004", "GK_CUC", True, "Cục trưởng tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong "
     "trào thi đua.", SEED_004_CRITERIA, [], ""),
    ("004", "BK_BTP", False, "Lựa chọn tập thể, cá nhân tiêu biểu xuất sắc đề nghị Bộ trưởng Bộ Tư pháp tặng Bằng "
     "khen.", SEED_004_CRITERIA, [], ""),
]

# Earlier awards (fictional) so prerequisites and the history pages have data: (officer code, award, year, ref)
HISTORY = [
    ("HG-CC-VTH-03", "LDTT", 2023, "112/QĐ-CTHADS"), ("HG-CC-VTH-03", "CSTDCS", 2023, "113/QĐ-CTHADS"),
    ("HG-CC-NB-04", "LDTT", 2023, "112/QĐ-CTHADS"), ("TN-CC-VN-03", "DHTT_NGANH_NAM", 2022, "1520/QĐ-BTP"),
]

# The seed-001 walk-through (awards.demo.load_walkthrough): submitted before "trước ngày 01 tháng 7 năm 2024".
SUBMITTED_AT = datetime.datetime(2024, 6, 28, 9, 0, tzinfo=datetime.UTC)
# Who chaired each unit's review meeting (the head, who signs the Tờ trình) and took its minutes.
MEETING_PEOPLE = {"HG-CC-VTH": ("Dương Hoàng Tùng", "Lý Diệu Dung"), "HG-CC-LMX": ("Vũ Mỹ Yến", "Hồ Văn Cường")}
REPORT_DUTIES = "Tổ chức thi hành các vụ việc được phân công; theo dõi thi hành án hành chính."
REPORT_ACHIEVEMENTS = ("Trong đợt thi đua cao điểm, thi hành xong vượt chỉ tiêu về việc và về tiền được giao "
                       "(số liệu tại bảng đạt chỉ tiêu của phong trào); không có đơn thư khiếu nại vượt cấp.")
