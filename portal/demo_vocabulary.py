"""Words the demo records are made of: Vietnamese names of Gia Lai's Kinh, Jrai and Bahnar people, and the matters
citizens bring (land, compensation, social policy, officials' conduct), as reception books record them."""

from danvan.models import SubjectField

LAND, POLICY, CIVIL_SERVICE = SubjectField.LAND, SubjectField.POLICY, SubjectField.CIVIL_SERVICE
CORRUPTION, JUDICIAL, OTHER = SubjectField.CORRUPTION, SubjectField.JUDICIAL, SubjectField.OTHER

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Đình", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Xuân", "Thị Thu", "Công", "Đức")
GIVEN = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Phương",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thắng",
    "Trang",
    "Tuấn",
    "Vân",
    "Yến",
)
# Jrai and Bahnar names: a clan name and a given name (Rơ Mah Blơng, Ksor H'Ly, Siu Thu).
CLANS = ("Rơ Mah", "Ksor", "Siu", "Rơ Châm", "Kpă", "Nay", "Puih", "Đinh", "Rah Lan")
CLAN_GIVEN = ("Blơng", "H'Ly", "Thu", "Hyơng", "Phun", "H'Bơ", "Djuh", "Yơn", "H'Nhơ", "Kưh", "Tih", "Jơn")

HAMLETS = (
    "thôn 1",
    "thôn 2",
    "thôn 3",
    "thôn Tân Lập",
    "thôn Hòa Bình",
    "làng Ia Lâm",
    "làng Plei Pông",
    "tổ 5",
    "tổ 7",
    "làng Dun",
    "buôn Ama Yơn",
)

# (classification label, subject field, content)
MATTERS = (
    ("Khiếu nại", LAND, "Khiếu nại quyết định thu hồi đất để thực hiện dự án đường liên xã"),
    ("Khiếu nại", LAND, "Khiếu nại việc bồi thường, hỗ trợ khi Nhà nước thu hồi đất trồng cà phê"),
    ("Khiếu nại", LAND, "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất cho hộ liền kề chồng lấn ranh giới"),
    ("Khiếu nại", POLICY, "Khiếu nại việc cắt trợ cấp hộ nghèo của gia đình"),
    ("Khiếu nại", LAND, "Khiếu nại quyết định xử phạt vi phạm hành chính trong xây dựng nhà ở"),
    ("Tố cáo", CIVIL_SERVICE, "Tố cáo cán bộ địa chính xã gây khó khăn khi làm thủ tục đất đai"),
    ("Tố cáo", CORRUPTION, "Tố cáo trưởng thôn thu tiền đóng góp xây dựng đường sai quy định"),
    ("Tố cáo", LAND, "Tố cáo hộ dân lấn chiếm đất hành lang suối"),
    ("Kiến nghị, phản ánh", LAND, "Đề nghị cấp giấy chứng nhận quyền sử dụng đất nương rẫy đã canh tác lâu năm"),
    ("Kiến nghị, phản ánh", POLICY, "Đề nghị xem xét hỗ trợ nhà ở cho hộ nghèo đồng bào dân tộc thiểu số"),
    ("Kiến nghị, phản ánh", OTHER, "Phản ánh đường vào làng xuống cấp, đề nghị sửa chữa trước mùa mưa"),
    ("Kiến nghị, phản ánh", OTHER, "Phản ánh tình trạng xe chở đất đá gây ô nhiễm, hư hỏng đường"),
    ("Kiến nghị, phản ánh", POLICY, "Đề nghị giải quyết chế độ cho người có công với cách mạng"),
    ("Kiến nghị, phản ánh", JUDICIAL, "Đề nghị hướng dẫn thủ tục thi hành án dân sự về tranh chấp đất"),
)

DIALOGUE_TOPICS = (
    "Bồi thường, hỗ trợ, tái định cư dự án đường cao tốc",
    "Cấp giấy chứng nhận quyền sử dụng đất cho đồng bào dân tộc thiểu số",
    "Thực hiện chính sách hỗ trợ hộ nghèo, hộ cận nghèo",
    "Quản lý, bảo vệ rừng và giao đất, giao rừng",
    "Xây dựng nông thôn mới và đóng góp của nhân dân",
    "Giải quyết tranh chấp đất đai giữa các hộ dân",
    "Chuyển đổi cây trồng và tiêu thụ nông sản",
)
VOTER_TOPICS = (
    "Tiếp xúc cử tri trước kỳ họp Hội đồng nhân dân",
    "Tiếp xúc cử tri sau kỳ họp Hội đồng nhân dân",
    "Tiếp xúc cử tri trước kỳ họp Quốc hội",
)
