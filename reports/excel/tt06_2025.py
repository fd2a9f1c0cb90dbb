"""The slot for the forms of TT 06/2025/TT-TTCP, which replaced TT 01/2024/TT-TTCP. reports.md says they keep the same
content under new codes — 01/TCD, 02/XLD, 03/GQKN, 04/GQTC, 05/KQTH — so until their appendix is checked column by
column (unverified), each takes the TT 01/2024 layout of the same content: 02/XLD that of 01/XLD, 03/GQKN that of
01/KQGQ, 04/GQTC that of 03/KQGQ, and 05/KQTH the carrying out of both complaint decisions and denunciation
conclusions side by side (02/KQGQ and 04/KQGQ). A verified layout replaces its entry here; nothing else changes."""

from dataclasses import replace

from reports.excel import tt01_2024
from reports.excel.layout import Form, Group

CIRCULAR = "TT 06/2025/TT-TTCP"

KQTH = Form(
    code="05/KQTH",
    title="TỔNG HỢP KẾT QUẢ THỰC HIỆN QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI, KẾT LUẬN NỘI DUNG TỐ CÁO",
    circular=CIRCULAR,
    note=tt01_2024.MONEY_AND_LAND,
    header=(
        Group("Quyết định giải quyết khiếu nại", tt01_2024.KQGQ_2.header),
        Group("Kết luận nội dung tố cáo", tt01_2024.KQGQ_4.header),
    ),
)

FORMS: tuple[Form, ...] = (
    replace(tt01_2024.TCD, circular=CIRCULAR),
    replace(tt01_2024.XLD_1, code="02/XLD", circular=CIRCULAR),
    replace(tt01_2024.KQGQ_1, code="03/GQKN", circular=CIRCULAR),
    replace(tt01_2024.KQGQ_3, code="04/GQTC", circular=CIRCULAR),
    KQTH,
)
