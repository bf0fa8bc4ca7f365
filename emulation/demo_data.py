"""Organisations of the five seed plans, as they were when the plans were issued, and their
successors after the 01/07/2025 reorganisation (law.md §6). People are fictional: names are composed
from the lists below, deterministically, and never equal the real signers of the seed plans."""

import datetime

D = datetime.date
OLD_UNTIL = D(2025, 6, 30)
REORGANISED = D(2025, 7, 1)

NATIONAL_OLD = ("TCTHADS", "Tổng cục Thi hành án dân sự", "Tổng cục THADS")
NATIONAL_NEW = ("CQLTHADS", "Cục Quản lý Thi hành án dân sự", "Cục Quản lý THADS")
NATIONAL_BASIS = "Quyết định số 1898/QĐ-BTP ngày 25/06/2025 của Bộ trưởng Bộ Tư pháp"
PROVINCE_BASIS = ("Nghị quyết số 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh; tổ chức lại "
                  "cơ quan thi hành án dân sự từ 01/07/2025 (tên gọi theo Thông tư số 24/2025/TT-BTP)")
RENAME_BASIS = ("Tổ chức lại cơ quan thi hành án dân sự từ 01/07/2025: Cục THADS tỉnh đổi tên thành Thi hành án "
                "dân sự tỉnh (tên gọi theo Thông tư số 24/2025/TT-BTP)")
AREA_BASIS = ("Tổ chức lại cơ quan thi hành án dân sự từ 01/07/2025: bỏ Chi cục THADS cấp huyện, thành lập "
              "Phòng Thi hành án dân sự khu vực (tên gọi theo Thông tư số 24/2025/TT-BTP)")

# Divisions of each provincial department named in the seeds: (code suffix, name, short label).
DIVISIONS = [
    ("VP", "Văn phòng Cục", "Văn phòng Cục"),
    ("TCCB", "Phòng Tổ chức cán bộ", "Phòng TCCB"),
    ("NV", "Phòng Nghiệp vụ và tổ chức thi hành án dân sự", "Phòng Nghiệp vụ"),
    ("KT", "Phòng Kiểm tra và giải quyết khiếu nại, tố cáo", "Phòng Kiểm tra"),
]

# Districts: (code suffix, "huyện/thị xã/thành phố X", hardship posting). Successor: (code, name, short, kind).
PROVINCES = [
    {
        "code": "BD", "name": "Cục Thi hành án dân sự tỉnh Bình Định", "short": "Cục THADS Bình Định",
        "districts": [
            ("QN", "thành phố Quy Nhơn", False), ("AN", "thị xã An Nhơn", False), ("HN", "thị xã Hoài Nhơn", False),
            ("TP", "huyện Tuy Phước", False), ("PC", "huyện Phù Cát", False), ("PM", "huyện Phù Mỹ", False),
            ("HA", "huyện Hoài Ân", False), ("AL", "huyện An Lão", True), ("TS", "huyện Tây Sơn", False),
            ("VC", "huyện Vân Canh", True), ("VT", "huyện Vĩnh Thạnh", True),
        ],
        # Bình Định + Gia Lai → Gia Lai; only the Bình Định side is loaded.
        "successor": ("GL", "Thi hành án dân sự tỉnh Gia Lai", "THADS Gia Lai", "merge"),
    },
    {
        "code": "HG", "name": "Cục Thi hành án dân sự tỉnh Hậu Giang", "short": "Cục THADS Hậu Giang",
        "districts": [
            ("VTH", "thành phố Vị Thanh", False), ("NB", "thành phố Ngã Bảy", False),
            ("LMX", "thị xã Long Mỹ", False), ("LMH", "huyện Long Mỹ", False), ("VTY", "huyện Vị Thủy", False),
            ("CT", "huyện Châu Thành", False), ("CTA", "huyện Châu Thành A", False),
            ("PH", "huyện Phụng Hiệp", False),
        ],
        # Hậu Giang + Sóc Trăng merged into Cần Thơ.
        "successor": ("CTO", "Thi hành án dân sự thành phố Cần Thơ", "THADS Cần Thơ", "merge"),
    },
    {
        "code": "TN", "name": "Cục Thi hành án dân sự tỉnh Thái Nguyên", "short": "Cục THADS Thái Nguyên",
        "districts": [
            ("TPTN", "thành phố Thái Nguyên", False), ("SC", "thành phố Sông Công", False),
            ("PY", "thành phố Phổ Yên", False), ("DH", "huyện Định Hóa", True), ("VN", "huyện Võ Nhai", True),
            ("PL", "huyện Phú Lương", False), ("DHY", "huyện Đồng Hỷ", False), ("DT", "huyện Đại Từ", False),
            ("PB", "huyện Phú Bình", False),
        ],
        # Thái Nguyên + Bắc Kạn → Thái Nguyên.
        "successor": ("TN2025", "Thi hành án dân sự tỉnh Thái Nguyên", "THADS Thái Nguyên", "merge"),
    },
    {
        "code": "LS", "name": "Cục Thi hành án dân sự tỉnh Lạng Sơn", "short": "Cục THADS Lạng Sơn",
        "districts": [
            ("TPLS", "thành phố Lạng Sơn", False), ("TD", "huyện Tràng Định", True), ("VL", "huyện Văn Lãng", True),
            ("VQ", "huyện Văn Quan", False), ("BG", "huyện Bình Gia", True), ("BS", "huyện Bắc Sơn", True),
            ("HL", "huyện Hữu Lũng", False), ("CL", "huyện Chi Lăng", False), ("CLO", "huyện Cao Lộc", False),
            ("LB", "huyện Lộc Bình", False), ("DL", "huyện Đình Lập", True),
        ],
        # Lạng Sơn was not merged: the department was renamed.
        "successor": ("LS2025", "Thi hành án dân sự tỉnh Lạng Sơn", "THADS Lạng Sơn", "rename"),
    },
]

# Area offices after 01/07/2025: each absorbs this many former Chi cục, in the order above (3–4 per province).
AREA_OFFICE_SIZE = 3

PEOPLES_COMMITTEE = ("UBND-HG", "Ủy ban nhân dân tỉnh Hậu Giang", "UBND tỉnh Hậu Giang")
PEOPLES_COMMITTEE_NEW = ("UBND-CTO", "Ủy ban nhân dân thành phố Cần Thơ", "UBND thành phố Cần Thơ")
# Seed 002's coordinating bodies outside the THADS system (members of the provincial steering committee for civil
# judgment enforcement, provincial departments, the credit institutions and the district People's Committees it
# names), as children of the People's Committee: (code, name, kind).
EXTERNAL_UNITS = [
    ("HG-SNV", "Sở Nội vụ tỉnh Hậu Giang", "authority"),
    ("HG-CA", "Công an tỉnh Hậu Giang", "external"),
    ("HG-TAND", "Tòa án nhân dân tỉnh Hậu Giang", "external"),
    ("HG-VKS", "Viện kiểm sát nhân dân tỉnh Hậu Giang", "external"),
    ("HG-STC", "Sở Tài chính tỉnh Hậu Giang", "external"),
    ("HG-STNMT", "Sở Tài nguyên và Môi trường tỉnh Hậu Giang", "external"),
    ("HG-NHNN", "Ngân hàng Nhà nước chi nhánh tỉnh Hậu Giang", "external"),
    ("HG-UBND-VTH", "Ủy ban nhân dân thành phố Vị Thanh", "external"),
]

# Names on the seed plans (signers): real people, never given to a fictional officer or account.
REAL_NAMES = {"Nguyễn Xuân Hồng", "Lê Phước Toàn", "Đồng Văn Thanh", "Nguyễn Xuân Tùng", "Phạm Văn Dũng",
              "Bùi Thị Diễm"}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
          "Lý", "Phan", "Trương", "Vũ", "Đinh", "Lâm", "Mai"]
MIDDLE = {"male": ["Văn", "Minh", "Quốc", "Hữu", "Đức", "Thanh", "Công", "Xuân", "Hoàng", "Ngọc"],
          "female": ["Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Bích", "Diệu", "Thùy", "Hồng"]}
GIVEN = {"male": ["An", "Bảo", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Nam", "Phúc",
                  "Quang", "Sơn", "Tài", "Thắng", "Tùng", "Việt", "Vinh", "Hiếu", "Toàn", "Trí", "Nghĩa",
                  "Khải", "Lộc", "Thịnh", "Đông", "Huy"],
         "female": ["Anh", "Ánh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Ngân",
                    "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Vân", "Yến", "Diễm", "Hằng",
                    "Loan", "Nguyệt", "Thủy", "Tuyết", "Xuân"]}

# Staff: (position, is_leader, is_enforcement_officer). A Chi cục head and deputy are also enforcement officers.
PROVINCE_ROSTER = [("Cục trưởng", True, False), ("Phó Cục trưởng", True, False)]
DIVISION_HEAD = {"VP": "Chánh Văn phòng"}  # the others are headed by a "Trưởng phòng"
DIVISION_STAFF = "Chuyên viên"
# Hậu Giang (seed 001, the richest) keeps slots 03 and 04 as enforcement officers: campaigns/demo_targets.py
# enters their results.
SUB_DEPARTMENT_ROSTER_HG = [("Chi cục trưởng", True, True), ("Phó Chi cục trưởng", True, True),
                            ("Chấp hành viên", False, True), ("Chấp hành viên", False, True),
                            ("Thư ký thi hành án", False, False), ("Kế toán", False, False)]
SUB_DEPARTMENT_ROSTER = [("Chi cục trưởng", True, True), ("Phó Chi cục trưởng", True, True),
                         ("Chấp hành viên", False, True), ("Chấp hành viên", False, True)]
CITY_EXTRA = ("Chấp hành viên", False, True)  # a "thành phố" Chi cục has a third enforcement officer
SUPPORT_POSITIONS = ["Thư ký thi hành án", "Kế toán", "Thẩm tra viên"]  # one per Chi cục, in turn

ASSIGNMENT_START = D(2020, 1, 1)

# (officer code, form, decision number, decided on, discipline period ends on, reason). Illustrative.
DISCIPLINES = [
    ("HG-CC-NB-03", "reprimand", "12/QĐ-CTHADS", D(2023, 11, 20), D(2024, 11, 20),
     "Chậm ra quyết định thi hành án chủ động, vi phạm thời hạn theo quy định."),
    ("HG-CC-PH-04", "warning", "25/QĐ-CTHADS", D(2024, 3, 5), D(2025, 3, 5),
     "Vi phạm trình tự, thủ tục kê biên tài sản thi hành án."),
    ("BD-CC-TS-03", "reprimand", "08/QĐ-CTHADS", D(2023, 5, 10), D(2024, 5, 10),
     "Chậm trả lời đơn khiếu nại của đương sự."),
    ("TN-CC-DT-03", "salary_downgrade", "31/QĐ-CTHADS", D(2023, 9, 1), D(2024, 9, 1),
     "Thiếu trách nhiệm trong quản lý hồ sơ thi hành án, để thất lạc tài liệu."),
    ("LS-CC-HL-03", "reprimand", "17/QĐ-CTHADS", D(2024, 6, 14), D(2025, 6, 14),
     "Vi phạm quy định về thẩm định giá tài sản kê biên."),
    ("LS-KT-02", "warning", "22/QĐ-CTHADS", D(2023, 1, 12), D(2024, 1, 12),
     "Vi phạm nội quy cơ quan, quy chế văn hóa công sở."),
]

# (officer code, kind, opened on, closed on, note). Illustrative.
AWARD_HOLDS = [
    ("HG-CC-CTA-03", "investigation", D(2024, 5, 15), None,
     "Đang kiểm tra hồ sơ kê biên tài sản theo phản ánh của đương sự."),
    ("BD-CC-PM-03", "complaint", D(2023, 4, 3), D(2023, 6, 30), "Đã xác minh nội dung tố cáo: không có vi phạm."),
]

# Yearly ratings (fictional) of Bình Định's officers for 2023, seed 000's year: most "hoàn thành tốt", every
# fourth "xuất sắc", the sixth of each Chi cục only "hoàn thành".
RATING_YEAR = 2023
