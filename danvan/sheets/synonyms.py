"""The other spellings of the registers' catalogue values, in one place: per catalogue column (its header in
registers.md), a spelling → the catalogue label it stands for. Case, diacritics, punctuation and spacing never matter
(danvan.sheets.matching), nor a label's group prefix, so only what those leave different is listed: the names the
TT 01/2024 and TT 06/2025 forms and the glossary use, and the usual short forms.

``NOISE_PREFIXES`` are words a cell may start with that say nothing ("Lĩnh vực tư pháp", "Tiếp định kỳ",
"Khiếu nại đúng"): a value not matched whole is matched without them.

The sheet engine reads this table only; an agency's own spellings are its mapping (registers.ValueMapping).
"""

_YES_NO = {"x": "Có"}

SYNONYMS: dict[str, dict[str, str]] = {
    "Cơ quan": {
        "Ủy ban nhân dân": "UBND",
        "Đảng ủy": "Cấp ủy",
        "Tỉnh ủy": "Cấp ủy",
        "Thành ủy": "Cấp ủy",
        "Huyện ủy": "Cấp ủy",
        "Thị ủy": "Cấp ủy",
        "Hội đồng nhân dân": "HĐND",
        "Đoàn đại biểu Quốc hội": "Đoàn ĐBQH",
        "Trụ sở tiếp công dân": "Ban Tiếp công dân",
        "Ban TCD": "Ban Tiếp công dân",
    },
    "Người tiếp": {
        "Cán bộ": "Cán bộ tiếp công dân",
        "Công chức tiếp công dân": "Cán bộ tiếp công dân",
        "Người đứng đầu": "Thủ trưởng",
        "Thủ trưởng tiếp": "Thủ trưởng",  # TT 01/2024 01/TCD
        "Thủ trưởng cơ quan": "Thủ trưởng",
        "Người được ủy quyền": "Ủy quyền",
        "Ủy quyền tiếp": "Ủy quyền",  # TT 01/2024 01/TCD
    },
    "Phân loại": {
        "KN": "Khiếu nại",
        "TC": "Tố cáo",
        "KNPA": "Kiến nghị, phản ánh",
        "Kiến nghị": "Kiến nghị, phản ánh",
        "Phản ánh": "Kiến nghị, phản ánh",
    },
    "Lĩnh vực": {
        "Đất đai": "Hành chính: đất đai, nhà cửa",  # TT 06/2025 02/XLD (9), (21); TT 01/2024 04/XLD (10)
        "Hành chính: khác": "Hành chính: lĩnh vực khác",  # TT 01/2024 02/XLD (12), 03/XLD (13)
        "Lĩnh vực khác": "Khác",  # TT 01/2024 02/XLD (15), 03/XLD (17)
    },
    "Kết quả tiếp": {
        "Hướng dẫn": "Hướng dẫn, giải thích",
        "Giải thích": "Hướng dẫn, giải thích",
        "Nhận đơn": "Tiếp nhận đơn",
        "Tiếp nhận": "Tiếp nhận đơn",
        "Trả lời": "Trả lời trực tiếp",
    },
    "Nguồn đơn": {
        "Trực tiếp (qua tiếp công dân)": "Trực tiếp",  # glossary
        "Tiếp công dân": "Trực tiếp",
        "Bưu điện": "Bưu chính",
        "Cơ quan khác chuyển": "Cơ quan khác chuyển đến",
        "Đại biểu Quốc hội, HĐND chuyển đến": "ĐBQH, HĐND chuyển đến",
        "Đoàn ĐBQH, HĐND chuyển đến": "ĐBQH, HĐND chuyển đến",
        "Cổng dịch vụ công": "Trực tuyến",
        "Qua mạng": "Trực tuyến",
    },
    "Đủ điều kiện xử lý": _YES_NO
    | {"Đủ": "Có", "Đủ điều kiện": "Có", "Không đủ": "Không", "Không đủ điều kiện": "Không"},
    "Thẩm quyền": {
        "Thuộc": "Thuộc thẩm quyền",
        "Đúng thẩm quyền": "Thuộc thẩm quyền",
        "Không thuộc": "Không thuộc thẩm quyền",
        "Ngoài thẩm quyền": "Không thuộc thẩm quyền",
    },
    "Hướng xử lý": {
        "Thụ lý giải quyết": "Thụ lý",  # TT 06/2025 03/GQKN (4)
        "Xem xét điều kiện thụ lý": "Xem xét thụ lý",  # TT 06/2025 03/GQKN (3)
        "Chuyển": "Chuyển đơn",
        "Đôn đốc giải quyết": "Đôn đốc",  # TT 01/2024 01/XLD (21)
        "Lưu": "Lưu đơn",
        "Trả lại đơn": "Trả lại",  # glossary
    },
    "Lần giải quyết": {
        "Lần 1": "Lần đầu",
        "Lần 2": "Lần hai",  # TT 06/2025 02/XLD (8); TT 01/2024 02/XLD (17)
        "Lần thứ hai": "Lần hai",
    },
    "Phức tạp": _YES_NO,
    "Đông người, kéo dài": _YES_NO,
    "Trạng thái giải quyết": {
        "Chưa giải quyết": "Đang giải quyết",
        "Chưa giải quyết xong": "Đang giải quyết",  # TT 01/2024 01/XLD (13), 02/XLD (19)
        "Chưa được giải quyết": "Đang giải quyết",  # TT 01/2024 04/XLD (14)
        "Đã được giải quyết": "Đã giải quyết",  # TT 01/2024 04/XLD (13), 02/XLD (16)
        "Đã giải quyết xong": "Đã giải quyết",
    },
    "Kết quả giải quyết": {
        "Có đúng, có sai": "Đúng một phần",  # glossary; TT 01/2024 03/KQGQ (28)
        "Công nhận QĐ giải quyết lần đầu": "Công nhận quyết định lần đầu",
        "Công nhận QĐ g/q lần đầu": "Công nhận quyết định lần đầu",  # TT 01/2024 01/KQGQ (23)
        "Hủy, sửa QĐ giải quyết lần đầu": "Hủy, sửa quyết định lần đầu",
        "Hủy, sửa QĐ g/q lần đầu": "Hủy, sửa quyết định lần đầu",  # TT 01/2024 01/KQGQ (24)
        "Rút khiếu nại": "Rút đơn",
        "Rút tố cáo": "Rút đơn",
        "Đình chỉ giải quyết": "Đình chỉ",
    },
    "Hình thức": {"TXCT": "Tiếp xúc cử tri"},
    "Người chủ trì": {
        "Bí thư": "Bí thư cấp ủy",
        "Bí thư Đảng ủy": "Bí thư cấp ủy",
        "Bí thư Tỉnh ủy": "Bí thư cấp ủy",
        "Bí thư Huyện ủy": "Bí thư cấp ủy",
        "Người đứng đầu cấp ủy": "Bí thư cấp ủy",  # glossary
        "Chủ tịch Ủy ban nhân dân": "Chủ tịch UBND",
        "Người đứng đầu chính quyền": "Chủ tịch UBND",  # glossary
        "Thường trực Hội đồng nhân dân": "Thường trực HĐND",
        "ĐBQH": "Đại biểu Quốc hội",
        "Đại biểu Hội đồng nhân dân": "Đại biểu HĐND",
    },
}

NOISE_PREFIXES: dict[str, tuple[str, ...]] = {
    "Lĩnh vực": ("Lĩnh vực",),  # TT 01/2024: "Lĩnh vực tư pháp", "Lĩnh vực Đảng, đoàn thể", "Lĩnh vực hành chính"
    "Phân loại": ("Đơn",),
    "Nguồn đơn": ("Qua", "Do"),
    "Hình thức tiếp": ("Tiếp",),  # "Tiếp thường xuyên", "Tiếp định kỳ", "Tiếp đột xuất"
    "Lần giải quyết": ("Khiếu nại", "Tố cáo", "Giải quyết"),  # "Khiếu nại lần đầu", "Giải quyết lần 2" (TT 01/2024)
    "Kết quả giải quyết": ("Khiếu nại", "Tố cáo", "KN", "TC"),  # "Khiếu nại đúng", "Tố cáo có đúng, có sai"
    "Hình thức": ("Hội nghị",),  # "Hội nghị đối thoại", "Hội nghị tiếp xúc cử tri"
}
