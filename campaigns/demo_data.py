"""The five seed plans (../shared/seeds/) as plain data: plan headers, legal basis lines, campaigns,
milestones, filed sub-plans and pledges. The long section texts (purposes, requirements, content, targets,
recipients) are in ``demo_texts``. Where a seed leaves a number or a day blank, it stays blank here; where a
date had to be chosen, a comment or the milestone's note says so."""

import datetime

D = datetime.date

# Legal basis (căn cứ): one cited document per line, as written, without the leading "Thực hiện" / "Hưởng ứng".
LEGAL_BASIS = {
    "000": [
        "Quyết định số 84/QĐ-BTP ngày 31/01/2023 của Bộ trưởng Bộ Tư pháp về ban hành Kế hoạch phát động phong trào "
        "thi đua ngành Tư pháp năm 2023;",
        "Quyết định số 2426/QĐ-BTP ngày 12/12/2022 của Bộ trưởng Bộ Tư pháp về ban hành Chương trình công tác trọng "
        "tâm của Bộ Tư pháp trong lĩnh vực thi hành án dân sự, theo dõi thi hành án hành chính năm 2023;",
        "Quyết định số 1395/QĐ-TCTHADS ngày 14/12/2022 của Tổng cục Thi hành án dân sự về việc giao chỉ tiêu, nhiệm "
        "vụ thi hành án dân sự, theo dõi thi hành án hành chính cho các cơ quan Thi hành án dân sự địa phương năm "
        "2023;",
        "Kế hoạch số 315/KH-TCTHADS ngày 07/02/2023 của Tổng cục THADS về ban hành Kế hoạch phát động phong trào thi "
        "đua trong Hệ thống Thi hành án dân sự năm 2023;",
        # The province's own documents, cited in the next paragraph of the seed (the chain's third level).
        "Quyết định số 332/QĐ-CTHADS, ngày 30/12/2022 của Cục Thi hành án dân sự tỉnh về ban hành Kế hoạch công tác "
        "năm 2023;",
        "Quyết định số 329/QĐ-CTHADS ngày 29/12/2022 của Cục Thi hành án dân sự tỉnh về việc giao chỉ tiêu, nhiệm vụ "
        "thi hành án dân sự, theo dõi thi hành án hành chính cho các đơn vị thuộc Cục và các Chi cục Thi hành án dân "
        "sự trong tỉnh năm 2023.",
    ],
    "001": [
        "Kế hoạch số 1046/KH-TCTHADS ngày 20 tháng 3 năm 2024 của Tổng cục Thi hành án dân sự (THADS) phát động đợt "
        "thi đua cao điểm lập thành tích chào mừng kỷ niệm 78 năm Ngày Truyền thống THADS (19/7/1946-19/7/2024).",
    ],
    "002": [
        "Nghị quyết số 96/2019/QH14 ngày 27 tháng 11 năm 2019 của Quốc hội về công tác phòng, chống tội phạm và vi "
        "phạm pháp luật, công tác của Viện kiểm sát nhân dân, của Tòa án nhân dân và công tác thi hành án;",
        "Nghị quyết số 23-NQ/BCSD ngày 29 tháng 3 năm 2022 của Ban cán sự đảng Bộ Tư pháp về lãnh đạo thực hiện các "
        "nhiệm vụ trọng tâm thi hành án dân sự (THADS), thi hành án hành chính (THAHC) giai đoạn 2022 - 2026.",
    ],
    "003": [
        "Quyết định số 40/QĐ-BTP ngày 13/01/2023 của Bộ trưởng Bộ Tư pháp về việc Ban hành Kế hoạch xây dựng, bồi "
        "dưỡng, nhân rộng điển hình tiên tiến hướng tới Đại hội Thi đua yêu nước ngành Tư pháp lần thứ VI;",
        "Kế hoạch số 69/KH-UBND ngày 20/4/2022 của Ủy ban nhân dân tỉnh Thái Nguyên về xây dựng và nhân rộng điển "
        "hình tiên tiến tỉnh Thái Nguyên giai đoạn 2022-2025;",
        "Kế hoạch số 240/KH-TCTHADS ngày 31/01/2023 của Tổng cục Thi hành án dân sự về việc xây dựng, bồi dưỡng, "
        "nhân rộng điển hình tiên tiến hướng tới Đại hội Thi đua yêu nước ngành Tư pháp lần thứ VI trong hệ thống các "
        "cơ quan Thi hành án dân sự.",
    ],
    "004": [
        "Quyết định số 733/QĐ-TTg ngày 14/6/2019 của Thủ tướng Chính phủ phát động phong trào thi đua “Cán bộ, công "
        "chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025;",
        "Kế hoạch số 1574/QĐ-BTP, ngày 11/7/2019 của Bộ trưởng Bộ Tư pháp về việc ban hành Kế hoạch tổ chức thực hiện "
        "phong trào thi đua “Cán bộ, công chức, viên chức, người lao động trong ngành Tư pháp thi đua thực hiện văn "
        "hóa công sở” giai đoạn 2019-2025;",
        # Symbol as written in the seed ("KH-CTHADS" for a Tổng cục plan).
        "Kế hoạch số 2370/KH-CTHADS ngày 01/8/2019 của Tổng cục Thi hành án dân sự về việc tổ chức thực hiện phong "
        "trào thi đua “Cán bộ, công chức, viên chức, người lao động trong Hệ thống Thi hành án dân sự thi đua thực "
        "hiện văn hóa công sở” giai đoạn 2019-2025;",
        "Kế hoạch số 131/KH-UBND ngày 29/7/2019 của Ủy ban nhân dân tỉnh Lạng Sơn về việc tổ chức thực hiện phong "
        "trào thi đua “Cán bộ, công chức, viên chức tỉnh Lạng Sơn thi đua thực hiện văn hóa công sở” giai đoạn "
        "2019-2025;",
        "Văn bản số 77/PĐ-CTHADS ngày 22/8/2019 của Cục THADS tỉnh Lạng Sơn về việc phát động trong toàn đơn vị phong "
        "trào thi đua “Công chức, người lao động cơ quan Thi hành án dân sự tỉnh Lạng Sơn thi đua thực hiện văn hóa "
        "công sở”.",
    ],
}

# The opening paragraph after the legal basis, as written; it heads Plan.content.
PREAMBLE = {
    "000": "Nhằm tạo động lực mạnh mẽ để các tập thể, cá nhân trong Hệ thống THADS của tỉnh thực hiện tốt các chỉ "
           "tiêu, nhiệm vụ theo Quyết định số 332/QĐ-CTHADS, ngày 30/12/2022 của Cục Thi hành án dân sự tỉnh về ban "
           "hành Kế hoạch công tác năm 2023 và Quyết định số 329/QĐ-CTHADS ngày 29/12/2022 của Cục Thi hành án dân "
           "sự tỉnh về việc giao chỉ tiêu, nhiệm vụ thi hành án dân sự, theo dõi thi hành án hành chính cho các đơn "
           "vị thuộc Cục và các Chi cục Thi hành án dân sự trong tỉnh năm 2023; phấn đấu hoàn thành xuất sắc nhiệm "
           "vụ công tác thi hành án dân sự, theo dõi thi hành án hành chính năm 2023, Cục Thi hành án dân sự tỉnh "
           "phát động phong trào thi đua yêu nước tới toàn thể công chức, người lao động trong toàn Hệ thống Thi hành "
           "án dân sự tỉnh Bình Định với Chủ đề: “Kỷ cương, trách nhiệm, đoàn kết, sáng tạo, nỗ lực phấn đấu thi đua "
           "hoàn thành xuất sắc nhiệm vụ chính trị được giao năm 2023” với các nội dung chính sau đây:",
    "001": "Cục THADS tỉnh Hậu Giang phát động đợt thi đua cao điểm tới toàn thể công chức, người lao động trong Hệ "
           "thống THADS tỉnh như sau:",
    "002": "Nhằm động viên cán bộ, công chức, người lao động trong hệ thống THADS tỉnh và các tổ chức, cá nhân có "
           "liên quan trong công tác phối hợp THADS trên địa bàn tỉnh, Ủy ban nhân dân tỉnh Hậu Giang phát động phong "
           "trào thi đua trong công tác thi hành án dân sự, theo dõi thi hành án hành chính năm 2025, lập thành tích "
           "chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030, cụ thể như sau:",
    "003": "Cục Thi hành án dân sự (THADS) tỉnh Thái Nguyên ban hành Kế hoạch xây dựng, bồi dưỡng, nhân rộng điển "
           "hình tiên tiến hướng tới Đại hội Thi đua yêu nước ngành Tư pháp lần thứ VI trong các cơ quan THADS tỉnh "
           "Thái Nguyên với những nội dung chính sau:",
    "004": "Ngày 22 tháng 8 năm 2019, Cục THADS tỉnh Lạng Sơn đã ban hành văn bản số 77/PĐ-CTHADS về việc phát động "
           "trong toàn đơn vị phong trào thi đua “Công chức, người lao động cơ quan Thi hành án dân sự tỉnh Lạng Sơn "
           "thi đua thực hiện văn hóa công sở” (sau đây gọi tắt là phong trào thi đua).\nĐể phong trào thi đua được "
           "triển khai đồng bộ, hiệu quả, thực chất, Cục THADS tỉnh Lạng Sơn ban hành Kế hoạch tổ chức thực hiện như "
           "sau:",
}

# One plan per seed. None of the five shows a number or a full date ("Số: /KH-CTHADS", "ngày tháng 02 năm 2023"):
# number and issued_on stay empty, the year is kept. Seed 004 has no header at all: issued in 2019, after 22/8.
PLANS = [
    {"seed": "000", "issuer": "BD", "symbol": "KH-CTHADS", "year": 2023, "place": "Bình Định",
     "title": "Phát động phong trào thi đua trong Hệ thống Thi hành án dân sự tỉnh Bình Định năm 2023",
     "theme": "Kỷ cương, trách nhiệm, đoàn kết, sáng tạo, nỗ lực phấn đấu thi đua hoàn thành xuất sắc nhiệm vụ chính "
              "trị được giao năm 2023",
     "signer": ("Nguyễn Xuân Hồng", "CỤC TRƯỞNG"), "subplans_due": D(2023, 2, 28)},
    {"seed": "001", "issuer": "HG", "symbol": "KH-CTHADS", "year": 2024, "place": "Hậu Giang",
     "title": "Phát động đợt thi đua cao điểm lập thành tích chào mừng kỷ niệm 78 năm Ngày Truyền thống Thi hành án "
              "dân sự (19/7/1946 - 19/7/2024)",
     "theme": "Thi đua lập thành tích hoàn thành các chỉ tiêu, nhiệm vụ THADS, theo dõi THAHC chào mừng Kỷ niệm 78 "
              "năm Ngày Truyền thống THADS (19/7/1946 - 19/7/2024).",
     "signer": ("Lê Phước Toàn", "CỤC TRƯỞNG")},
    # Seed 002 shows no number, date or place line: the symbol and place are those of the People's Committee.
    {"seed": "002", "issuer": "UBND-HG", "symbol": "KH-UBND", "year": 2025, "place": "Hậu Giang",
     "title": "Phát động phong trào thi đua trong công tác thi hành án dân sự, theo dõi thi hành án hành chính năm "
              "2025, lập thành tích chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030",
     "theme": "Thi đua đoàn kết, đổi mới, sáng tạo thực hiện hoàn thành toàn diện, đạt và vượt chỉ tiêu, nhiệm vụ "
              "THADS, theo dõi THAHC lập thành tích chào mừng Đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030 trên địa "
              "bàn tỉnh Hậu Giang.",
     "signer": ("Đồng Văn Thanh", "TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH")},
    {"seed": "003", "issuer": "TN", "symbol": "KH-CTHADS", "year": 2023, "place": "Thái Nguyên",
     "title": "Xây dựng, bồi dưỡng, nhân rộng điển hình tiên tiến hướng tới Đại hội Thi đua yêu nước ngành Tư pháp "
              "lần thứ VI trong các cơ quan Thi hành án dân sự tỉnh Thái Nguyên",
     "theme": "", "signer": ("Nguyễn Xuân Tùng", "CỤC TRƯỞNG"), "subplans_due": D(2023, 2, 20)},
    {"seed": "004", "issuer": "LS", "symbol": "KH-CTHADS", "year": 2019, "place": "Lạng Sơn",
     "title": "Tổ chức thực hiện Phong trào thi đua “Công chức, người lao động cơ quan Thi hành án dân sự tỉnh Lạng "
              "Sơn thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025",
     "theme": "Công chức, người lao động cơ quan Thi hành án dân sự tỉnh Lạng Sơn thi đua thực hiện văn hóa công sở",
     "signer": ("Phạm Văn Dũng", "CỤC TRƯỞNG")},
]

# Campaigns, in this order (campaigns/demo_targets.py reads positions 0, 3 and 4).
# (key, seed, kind, name, start, end, results start, results end, pledges due, dossier due, description key)
# - 000 annual: results over the THADS statistical year 2023 (01/10/2022–30/09/2023), the year the targets of
#   QĐ 1395/QĐ-TCTHADS and QĐ 329/QĐ-CTHADS are set for (derived, the seed gives no results period). The seed
#   asks for pledges but sets no date for them.
# - 000 phases: "từ đầu năm đến ngày 30/6/2023" and "từ ngày 01/7/2023 đến kết thúc năm 2023".
# - 001: emulation 01/4–30/6/2024, results "9 tháng đầu năm 2024 (tính từ 01/10/2023 đến hết 30/6/2024)",
#   dossier "trước ngày 01 tháng 7 năm 2024".
# - 002: "từ ngày ban hành Kế hoạch đến hết ngày 30 tháng 9 năm 2025"; the issue date is blank, 01/01/2025 is
#   assumed. Results over the statistical year 2025 (01/10/2024–30/09/2025: "chỉ tiêu ... năm 2025", derived).
# - 003: from the plan (02/2023) to the end of the 2021–2025 period. 004: from the launch (22/8/2019) to 2025.
CAMPAIGNS = [
    ("000", "000", "annual", "Phong trào thi đua năm 2023 trong Hệ thống Thi hành án dân sự tỉnh Bình Định",
     D(2023, 1, 1), D(2023, 12, 31), D(2022, 10, 1), D(2023, 9, 30), None, None, "targets"),
    ("000-1", "000", "peak", "Đợt thi đua thứ nhất năm 2023: lập thành tích chào mừng 93 năm thành lập Đảng, "
     "48 năm giải phóng Miền Nam, 77 năm Ngày Truyền thống THADS", D(2023, 1, 1), D(2023, 6, 30),
     None, None, None, None, "phase1"),
    ("000-2", "000", "peak", "Đợt thi đua thứ hai năm 2023: chào mừng 78 năm Cách mạng tháng Tám và Quốc khánh "
     "2/9, 78 năm Ngày truyền thống Ngành Tư pháp", D(2023, 7, 1), D(2023, 12, 31),
     None, None, None, None, "phase2"),
    ("001", "001", "peak", "Đợt thi đua cao điểm chào mừng kỷ niệm 78 năm Ngày Truyền thống Thi hành án dân sự",
     D(2024, 4, 1), D(2024, 6, 30), D(2023, 10, 1), D(2024, 6, 30), None, D(2024, 7, 1), "targets"),
    ("002", "002", "thematic", "Phong trào thi đua trong công tác thi hành án dân sự, theo dõi thi hành án hành "
     "chính năm 2025 trên địa bàn tỉnh Hậu Giang", D(2025, 1, 1), D(2025, 9, 30),
     D(2024, 10, 1), D(2025, 9, 30), None, D(2025, 10, 10), "targets"),
    ("003", "003", "typical_examples", "Xây dựng, bồi dưỡng, nhân rộng điển hình tiên tiến hướng tới Đại hội Thi "
     "đua yêu nước ngành Tư pháp lần thứ VI", D(2023, 2, 1), D(2025, 12, 31), None, None, None, None, "targets"),
    ("004", "004", "multi_year", "Phong trào thi đua “Công chức, người lao động cơ quan Thi hành án dân sự tỉnh "
     "Lạng Sơn thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025", D(2019, 8, 22), D(2025, 12, 31),
     None, None, None, None, "targets"),
]

PHASE_TEXT = {
    "phase1": "Từ đầu năm đến ngày 30/6/2023, lập thành tích chào mừng kỷ niệm 93 năm ngày thành lập Đảng Cộng sản "
              "Việt Nam (03/02/1930 - 03/02/2023), 48 năm giải phóng Miền Nam, thống nhất đất nước (30/4/1975 - "
              "30/4/2023), kỷ niệm 75 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023); "
              "133 năm Ngày sinh của Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2023); kỷ niệm 77 năm Ngày Truyền "
              "thống Thi hành án dân sự (19/7/1946 - 19/7/2023).\nSau đợt thi đua cao điểm, các đơn vị thuộc Cục "
              "THADS, Chi cục THADS trong tỉnh tiến hành sơ, tổng kết phong trào thi đua, bình xét khen thưởng theo "
              "thẩm quyền hoặc đề nghị cấp có thẩm quyền khen thưởng theo đúng quy trình thủ tục, bảo đảm công khai, "
              "dân chủ, chính xác, kịp thời; gắn thi đua với khen thưởng; chú trọng khen thưởng thành tích đột xuất, "
              "chuyên đề và quan tâm khen thưởng những tập thể và cá nhân cấp cơ sở; những công chức, người lao động "
              "THADS làm nhiệm vụ ở nơi khó khăn, gian khổ, vùng sâu, vùng xa.",
    "phase2": "Từ ngày 01/7/2023 đến kết thúc năm 2023: phát động Thi đua lập thành tích xuất sắc chào mừng kỷ niệm "
              "78 năm cách mạng tháng tám và Quốc khánh 2/9 (02/9/1945-02/9/2023); chào mừng 42 năm tái lập Bộ "
              "Tư pháp (7/1981-7/2023), kỷ niệm 78 năm Ngày truyền thống Ngành Tư pháp (28/8/1945-28/8/2023).",
}

# (campaign key, kind, title, start, end, note)
MILESTONES = [
    ("000", "launch", "Phát động phong trào thi đua năm 2023", D(2023, 2, 1), None,
     "Kế hoạch ban hành tháng 02/2023 (văn bản không ghi ngày)."),
    ("000", "deadline", "Các đơn vị gửi Kế hoạch phát động phong trào thi đua năm 2023 về Cục THADS tỉnh",
     D(2023, 2, 28), None, "Văn bản ghi “trước ngày 28/2/2023”."),
    ("000", "phase", "Đợt thi đua thứ nhất", D(2023, 1, 1), D(2023, 6, 30), "Từ đầu năm đến ngày 30/6/2023."),
    ("000", "phase", "Đợt thi đua thứ hai", D(2023, 7, 1), D(2023, 12, 31),
     "Từ ngày 01/7/2023 đến kết thúc năm 2023."),
    ("000", "interim_review", "Sơ kết đợt thi đua thứ nhất, bình xét khen thưởng", D(2023, 7, 1), None,
     "Sau đợt thi đua cao điểm thứ nhất (kết thúc 30/6/2023); văn bản không ghi ngày."),
    ("000", "final_review", "Tổng kết phong trào thi đua năm 2023", D(2023, 12, 31), None,
     "Văn bản không ghi ngày; cuối năm 2023."),
    ("001", "launch", "Phát động đợt thi đua cao điểm", D(2024, 4, 1), None, ""),
    ("001", "deadline", "Hạn gửi hồ sơ đề nghị khen thưởng (Tờ trình, Biên bản, Danh sách, Báo cáo thành tích) "
     "về Cục THADS tỉnh qua Phòng Tổ chức cán bộ", D(2024, 7, 1), None,
     "Văn bản ghi “trước ngày 01 tháng 7 năm 2024”; đồng thời gửi file mềm qua hộp thư điện tử."),
    ("001", "ceremony", "Khen thưởng trong đợt kỷ niệm 78 năm Ngày Truyền thống THADS", D(2024, 7, 19), None,
     "Xét khen thưởng thuộc thẩm quyền Cục trưởng và đề nghị Tổng Cục trưởng khen thưởng."),
    ("002", "deadline", "Hạn gửi báo cáo và hồ sơ đề nghị khen thưởng về Cục THADS tỉnh", D(2025, 10, 10),
     None, "Bình xét cùng Sở Nội vụ, trình Chủ tịch UBND tỉnh tặng Bằng khen (05 tập thể, 10 cá nhân)."),
    ("003", "deadline", "Các đơn vị xây dựng kế hoạch triển khai", D(2023, 2, 20), None,
     "Văn bản ghi “gửi về Cục THADS trước ngày 20/02/2023”."),
    # The four stages run "thường xuyên, liên tục, đồng bộ" over 2023–2025; their dates are those of the plan.
    ("003", "stage", "Phát hiện, lựa chọn tập thể, cá nhân có thành tích tiêu biểu", D(2023, 2, 1),
     D(2025, 12, 31), "Giai đoạn 1 của quy trình: phát hiện."),
    ("003", "stage", "Bồi dưỡng điển hình tiên tiến", D(2023, 2, 1), D(2025, 12, 31),
     "Giai đoạn 2: bồi dưỡng."),
    ("003", "stage", "Sơ kết, tổng kết, biểu dương, khen thưởng điển hình tiên tiến", D(2023, 6, 11),
     D(2025, 8, 28), "Giai đoạn 3: tổng kết (sơ kết năm 2023, tổng kết giai đoạn 2021-2025)."),
    ("003", "stage", "Tuyên truyền, nhân rộng điển hình tiên tiến", D(2023, 2, 1), D(2025, 12, 31),
     "Giai đoạn 4: nhân rộng; Trang thông tin của Cục THADS tỉnh đăng tải các gương điển hình tiên tiến."),
    ("003", "interim_review", "Sơ kết vào dịp kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái "
     "quốc (11/6/1948 - 11/6/2023)", D(2023, 6, 11), None, "Sơ kết đánh giá thực hiện Kế hoạch."),
    ("003", "final_review", "Tổng kết, công nhận điển hình tiên tiến giai đoạn 2021-2025 tại Đại hội Thi đua yêu "
     "nước ngành Tư pháp lần thứ VI", D(2025, 8, 28), None,
     "Văn bản ghi “năm 2025”; ngày lấy theo dịp kỷ niệm 80 năm Ngày truyền thống ngành Tư pháp (28/8/2025)."),
    ("004", "launch", "Phát động phong trào (văn bản số 77/PĐ-CTHADS)", D(2019, 8, 22), None, ""),
    ("004", "interim_review", "Sơ kết, khen thưởng thành tích giai đoạn 2019-2022", D(2022, 12, 1), None,
     "Văn bản ghi “năm 2022”; ngày cụ thể theo văn bản hướng dẫn sơ kết."),
    ("004", "final_review", "Tổng kết vào dịp kỷ niệm 80 năm Ngày truyền thống ngành Tư pháp", D(2025, 8, 28),
     None, "Văn bản ghi “năm 2025”; cùng Đại hội thi đua yêu nước ngành Tư pháp lần thứ VI."),
]

# Sub-plans filed under seeds 000 (due 28/02/2023) and 003 (due 20/02/2023): (parent seed, issuer, number, issued
# on). On time, one late each, the other units missing.
FILED_SUBPLANS = [
    ("000", "BD-CC-QN", 5, D(2023, 2, 20)), ("000", "BD-CC-AN", 3, D(2023, 2, 24)),
    ("000", "BD-CC-TS", 4, D(2023, 2, 27)), ("000", "BD-VP", 2, D(2023, 2, 16)),
    ("000", "BD-CC-VC", 6, D(2023, 3, 8)),
    ("003", "TN-CC-TPTN", 7, D(2023, 2, 17)), ("003", "TN-CC-DH", 4, D(2023, 2, 28)),
]
SUBPLAN_TITLES = {
    "000": "Phát động phong trào thi đua năm 2023 của {unit}",
    "003": "Xây dựng, bồi dưỡng, nhân rộng điển hình tiên tiến hướng tới Đại hội Thi đua yêu nước ngành Tư pháp "
           "lần thứ VI của {unit}",
}

# (campaign key, unit code, officer slot or None for the collective, registered on, title aimed at, state):
# pledges in every state of ``workflow.PLEDGE``; every date lies in its campaign's registration window.
PLEDGES = [
    ("000", "BD-CC-QN", None, D(2023, 3, 10), "Tập thể Lao động xuất sắc", "approved"),
    ("000", "BD-CC-AN", None, D(2023, 3, 12), "Tập thể Lao động tiên tiến", "approved"),
    ("000", "BD-VP", None, D(2023, 3, 14), "Tập thể Lao động tiên tiến", "submitted"),
    ("000", "BD-CC-QN", 2, D(2023, 3, 10), "Chiến sĩ thi đua cơ sở", "approved"),
    ("000", "BD-CC-QN", 3, D(2023, 3, 10), "Lao động tiên tiến", "draft"),
    ("001", "HG-CC-VTH", None, D(2024, 4, 5), "Giấy khen của Cục trưởng", "approved"),
    ("001", "HG-CC-VTH", 2, D(2024, 4, 5), "Giấy khen của Cục trưởng", "submitted"),
    ("001", "HG-CC-VTH", 3, D(2024, 4, 5), "Giấy khen của Tổng Cục trưởng", "returned"),
    ("001", "HG-CC-NB", None, D(2024, 4, 8), "Giấy khen của Cục trưởng", "submitted"),
    ("001", "HG-NV", None, D(2024, 4, 3), "Giấy khen của Cục trưởng", "approved"),
    ("002", "HG-CC-LMH", None, D(2025, 3, 12), "Bằng khen của Chủ tịch UBND tỉnh", "submitted"),
    ("002", "HG-CA", None, D(2025, 3, 20), "Bằng khen của Chủ tịch UBND tỉnh", "draft"),
    ("003", "TN-CC-TPTN", None, D(2023, 3, 2), "Điển hình tiên tiến cấp cơ sở", "approved"),
    ("004", "LS-CC-TPLS", None, D(2019, 9, 10), "Đơn vị đạt chuẩn văn hóa công sở", "approved"),
]
PLEDGE_PATHS = {"draft": (), "submitted": ("submit",), "approved": ("submit", "approve"),
                "returned": ("submit", "return")}
PLEDGE_RETURN_REASON = "Nội dung đăng ký chưa nêu chỉ tiêu cụ thể về việc và về tiền; đề nghị bổ sung."

PLEDGE_TEXT = {
    "000": "Đăng ký thực hiện đạt và vượt các chỉ tiêu, nhiệm vụ năm 2023 được giao; chấp hành nghiêm kỷ luật, kỷ "
           "cương hành chính; không có công chức, người lao động bị kỷ luật.",
    "001": "Đăng ký phấn đấu đạt và vượt tỷ lệ thi hành xong về việc và về tiền theo chỉ tiêu của đợt thi đua cao "
           "điểm; không có cá nhân bị kỷ luật từ hình thức khiển trách trở lên.",
    "002": "Đăng ký hoàn thành toàn diện các nhiệm vụ, chỉ tiêu THADS năm 2025 (đối với đơn vị ngoài ngành: phối "
           "hợp tích cực trong công tác THADS trên địa bàn tỉnh).",
    "003": "Đăng ký xây dựng mô hình “Một cửa tiếp nhận đơn yêu cầu thi hành án” làm điển hình tiên tiến của đơn vị.",
    "004": "Đăng ký thực hiện nghiêm quy tắc văn hóa công sở; xây dựng cơ quan xanh, sạch, đẹp, an toàn.",
}
