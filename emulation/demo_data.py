"""Organisations of the five seed plans, as they were when the plans were issued, and their
successors after the 01/07/2025 reorganisation (law.md §6). Officers are fictional."""

import datetime

OLD_UNTIL = datetime.date(2025, 6, 30)
REORGANISED = datetime.date(2025, 7, 1)

NATIONAL_OLD = ("TCTHADS", "Tổng cục Thi hành án dân sự", "Tổng cục THADS")
NATIONAL_NEW = ("CQLTHADS", "Cục Quản lý Thi hành án dân sự", "Cục Quản lý THADS")
NATIONAL_BASIS = "Quyết định số 1898/QĐ-BTP ngày 25/06/2025 của Bộ trưởng Bộ Tư pháp"
PROVINCE_BASIS = "Nghị quyết số 202/2025/QH15; Thông tư số 24/2025/TT-BTP"

DIVISIONS = [
    ("VP", "Văn phòng Cục"),
    ("TCCB", "Phòng Tổ chức cán bộ"),
    ("NV", "Phòng Nghiệp vụ và tổ chức thi hành án dân sự"),
    ("KT", "Phòng Kiểm tra và giải quyết khiếu nại, tố cáo"),
]

# (code, name, short name, place, districts (code, "huyện/thị xã/thành phố X", hardship), successor)
PROVINCES = [
    {
        "code": "BD", "name": "Cục Thi hành án dân sự tỉnh Bình Định", "short": "Cục THADS Bình Định",
        "place": "Quy Nhơn, Bình Định",
        "districts": [
            ("QN", "thành phố Quy Nhơn", False), ("AN", "thị xã An Nhơn", False), ("HN", "thị xã Hoài Nhơn", False),
            ("TP", "huyện Tuy Phước", False), ("PC", "huyện Phù Cát", False), ("PM", "huyện Phù Mỹ", False),
            ("HA", "huyện Hoài Ân", False), ("AL", "huyện An Lão", True), ("TS", "huyện Tây Sơn", False),
            ("VC", "huyện Vân Canh", True), ("VT", "huyện Vĩnh Thạnh", True),
        ],
        "successor": ("GL", "Thi hành án dân sự tỉnh Gia Lai", "THADS Gia Lai", "merge"),
    },
    {
        "code": "HG", "name": "Cục Thi hành án dân sự tỉnh Hậu Giang", "short": "Cục THADS Hậu Giang",
        "place": "Vị Thanh, Hậu Giang",
        "districts": [
            ("VTH", "thành phố Vị Thanh", False), ("NB", "thành phố Ngã Bảy", False),
            ("LMX", "thị xã Long Mỹ", False), ("LMH", "huyện Long Mỹ", False), ("VTY", "huyện Vị Thủy", False),
            ("CT", "huyện Châu Thành", False), ("CTA", "huyện Châu Thành A", False),
            ("PH", "huyện Phụng Hiệp", False),
        ],
        "successor": ("CTO", "Thi hành án dân sự thành phố Cần Thơ", "THADS Cần Thơ", "merge"),
    },
    {
        "code": "TN", "name": "Cục Thi hành án dân sự tỉnh Thái Nguyên", "short": "Cục THADS Thái Nguyên",
        "place": "Thái Nguyên",
        "districts": [
            ("TPTN", "thành phố Thái Nguyên", False), ("SC", "thành phố Sông Công", False),
            ("PY", "thành phố Phổ Yên", False), ("DH", "huyện Định Hóa", True), ("VN", "huyện Võ Nhai", True),
            ("PL", "huyện Phú Lương", False), ("DHY", "huyện Đồng Hỷ", False), ("DT", "huyện Đại Từ", False),
            ("PB", "huyện Phú Bình", False),
        ],
        "successor": ("TN2025", "Thi hành án dân sự tỉnh Thái Nguyên", "THADS Thái Nguyên", "merge"),
    },
    {
        "code": "LS", "name": "Cục Thi hành án dân sự tỉnh Lạng Sơn", "short": "Cục THADS Lạng Sơn",
        "place": "Lạng Sơn",
        "districts": [
            ("TPLS", "thành phố Lạng Sơn", False), ("TD", "huyện Tràng Định", True), ("VL", "huyện Văn Lãng", True),
            ("VQ", "huyện Văn Quan", False), ("BG", "huyện Bình Gia", True), ("BS", "huyện Bắc Sơn", True),
            ("HL", "huyện Hữu Lũng", False), ("CL", "huyện Chi Lăng", False), ("CLO", "huyện Cao Lộc", False),
            ("LB", "huyện Lộc Bình", False), ("DL", "huyện Đình Lập", True),
        ],
        "successor": ("LS2025", "Thi hành án dân sự tỉnh Lạng Sơn", "THADS Lạng Sơn", "rename"),
    },
]

# Area offices after 01/07/2025: each absorbs this many former Chi cục, in order.
AREA_OFFICE_SIZE = 3

PEOPLES_COMMITTEE = ("UBND-HG", "Ủy ban nhân dân tỉnh Hậu Giang", "UBND tỉnh Hậu Giang")
PEOPLES_COMMITTEE_NEW = ("UBND-CTO", "Ủy ban nhân dân thành phố Cần Thơ", "UBND thành phố Cần Thơ")
# Coordinating agencies of the provincial steering committee for civil judgment enforcement (seed 002).
EXTERNAL_UNITS = [
    ("HG-SNV", "Sở Nội vụ tỉnh Hậu Giang", "authority"),
    ("HG-CA", "Công an tỉnh Hậu Giang", "external"),
    ("HG-TAND", "Tòa án nhân dân tỉnh Hậu Giang", "external"),
    ("HG-VKS", "Viện kiểm sát nhân dân tỉnh Hậu Giang", "external"),
    ("HG-STC", "Sở Tài chính tỉnh Hậu Giang", "external"),
    ("HG-STNMT", "Sở Tài nguyên và Môi trường tỉnh Hậu Giang", "external"),
    ("HG-NHNN", "Ngân hàng Nhà nước chi nhánh tỉnh Hậu Giang", "external"),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
          "Lý", "Phan", "Trương", "Vũ", "Đinh", "Lâm", "Mai"]
MIDDLE = {"male": ["Văn", "Minh", "Quốc", "Hữu", "Đức", "Thanh", "Công", "Xuân"],
          "female": ["Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Bích", "Diệu"]}
GIVEN = {"male": ["An", "Bảo", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Nam", "Phúc",
                  "Quang", "Sơn", "Tài", "Thắng", "Tùng", "Việt", "Vinh", "Ân", "Ấn", "Hiếu", "Toàn"],
         "female": ["Anh", "Ánh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai", "Ngân",
                    "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Vân", "Yến", "Ân", "Diễm"]}

# Staff of each sub-department: (position, is_leader, is_enforcement_officer); Hậu Giang gets the fuller roster.
ROSTER_FULL = [("Chi cục trưởng", True, True), ("Phó Chi cục trưởng", True, True), ("Chấp hành viên", False, True),
               ("Chấp hành viên", False, True), ("Thư ký thi hành án", False, False), ("Kế toán", False, False)]
ROSTER_SMALL = [("Chi cục trưởng", True, True), ("Chấp hành viên", False, True), ("Thư ký thi hành án", False, False)]
DIVISION_ROSTER = [("Trưởng phòng", True, False), ("Chuyên viên", False, False)]
PROVINCE_ROSTER = [("Cục trưởng", True, False), ("Phó Cục trưởng", True, False)]

ASSIGNMENT_START = datetime.date(2020, 1, 1)
