"""The outline of the narrative report, Mẫu số 02 of TT 06/2025/TT-TTCP (docs/tt06-2025.md A10): its headings I–VI with
their sub-numbers, which of them the records write (the figures of the forms) and which the reporter writes (causes,
protection of denouncers, leadership, assessment, outlook, tasks, recommendations), and the document they make."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    number: str  # the outline's number, as ReportSection.section keeps it: "I", "II.6.a"
    title: str
    hint: str = ""  # a written section: what it asks for, shown in its empty text box; the records write the others

    @property
    def written(self) -> bool:
        return bool(self.hint)

    @property
    def label(self) -> str:
        """The heading as the report prints it: "I. TÌNH HÌNH KHIẾU NẠI, TỐ CÁO", "2. Nguyên nhân", "a) Lãnh đạo…"."""
        last = self.number.rsplit(".", 1)[-1]
        return f"{last}) {self.title}" if last.islower() else f"{last}. {self.title}"

    def holds(self, number: str) -> bool:
        """Whether ``number`` is this heading or one under it."""
        return number == self.number or number.startswith(f"{self.number}.")


OUTLINE: tuple[Heading, ...] = (
    Heading("I", "TÌNH HÌNH KHIẾU NẠI, TỐ CÁO"),
    Heading("I.1", "Tình hình khiếu nại, tố cáo"),
    Heading(
        "I.2",
        "Nguyên nhân",
        "Nguyên nhân của tình hình khiếu nại, tố cáo trong kỳ: nguyên nhân chủ quan, nguyên nhân khách quan.",
    ),
    Heading("II", "KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO"),
    Heading("II.1", "Công tác tiếp công dân"),
    Heading("II.2", "Tiếp nhận, phân loại và xử lý đơn"),
    Heading("II.3", "Kết quả giải quyết khiếu nại, tố cáo"),
    Heading("II.4", "Kết quả thi hành quyết định giải quyết khiếu nại, thực hiện kết luận nội dung tố cáo"),
    Heading(
        "II.5",
        "Bảo vệ người tố cáo",
        "Số người được bảo vệ (người tố cáo, người thân thích của người tố cáo); trong đó bảo vệ vị trí công tác, việc"
        " làm; bảo vệ tính mạng, sức khỏe, tài sản, danh dự, nhân phẩm (nếu có).",
    ),
    Heading("II.6", "Công tác quản lý nhà nước về tiếp công dân, giải quyết khiếu nại, tố cáo"),
    Heading(
        "II.6.a",
        "Công tác lãnh đạo, chỉ đạo",
        "Sự lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền đối với công tác tiếp công dân, giải quyết khiếu nại,"
        " tố cáo.",
    ),
    Heading("II.6.b", "Xây dựng thể chế; tập huấn, tuyên truyền, phổ biến, giáo dục pháp luật"),
    Heading("II.6.c", "Thanh tra trách nhiệm"),
    Heading("III", "NHẬN XÉT, ĐÁNH GIÁ"),
    Heading(
        "III.1",
        "Ưu điểm, kết quả",
        "Lãnh đạo, chỉ đạo, quản lý nhà nước; tiếp công dân của người đứng đầu; tỷ lệ giải quyết khiếu nại, tố cáo"
        " thuộc thẩm quyền so với chỉ tiêu; tỷ lệ thực hiện quyết định, kết luận; tuyên truyền, tập huấn; thanh tra;"
        " xây dựng đội ngũ; ứng dụng công nghệ thông tin; phối hợp.",
    ),
    Heading(
        "III.2",
        "Tồn tại, hạn chế",
        "Những tồn tại, hạn chế trong công tác tiếp công dân, giải quyết khiếu nại, tố cáo.",
    ),
    Heading("III.3", "Nguyên nhân", "Nguyên nhân của tồn tại, hạn chế: nguyên nhân khách quan, nguyên nhân chủ quan."),
    Heading(
        "IV",
        "DỰ BÁO TÌNH HÌNH",
        "Dự báo tình hình khiếu nại, tố cáo trong thời gian tới; lĩnh vực, vấn đề có thể phát sinh khiếu nại, tố cáo.",
    ),
    Heading(
        "V",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU TRONG KỲ TIẾP THEO",
        "Phương hướng, nhiệm vụ và giải pháp chủ yếu trong kỳ tiếp theo.",
    ),
    Heading(
        "VI",
        "KIẾN NGHỊ, ĐỀ XUẤT",
        "Kiến nghị sửa đổi, bổ sung chính sách, pháp luật (nêu rõ văn bản, nội dung); hướng dẫn áp dụng pháp luật;"
        " giải pháp; kiến nghị khác.",
    ),
)
HEADINGS: dict[str, Heading] = {heading.number: heading for heading in OUTLINE}
# The sections no record can write: the reporter writes them on the report page, and they are kept with the report.
WRITTEN: tuple[str, ...] = tuple(heading.number for heading in OUTLINE if heading.written)


@dataclass(frozen=True)
class Part:
    """A paragraph of the report: a heading or body text."""

    text: str
    heading: bool = False


def lines(text: str) -> list[str]:
    """The paragraphs of a text as typed: one per line, blank lines dropped, spaces at either end trimmed."""
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def compose(blocks: dict[str, list[str]], *, whole: bool) -> list[Part]:
    """The outline with each heading's paragraphs under it: every heading when ``whole`` (the figures fill the outline),
    else only the headings with paragraphs at or under them."""
    parts: list[Part] = []
    for heading in OUTLINE:
        if whole or any(heading.holds(number) and paragraphs for number, paragraphs in blocks.items()):
            parts.append(Part(heading.label, heading=True))
            parts += [Part(paragraph) for paragraph in blocks.get(heading.number, [])]
    return parts


@dataclass(frozen=True)
class Row:
    """A heading of the outline on the report page: the figure paragraphs under it, or the written section's text."""

    heading: Heading
    paragraphs: list[str]
    text: str


def page_rows(blocks: dict[str, list[str]], texts: dict[str, str], *, whole: bool) -> list[Row]:
    """The outline as the report page shows it: every heading with its figure paragraphs when ``whole``, else only the
    written sections and the headings above them; each written section with its saved text."""
    return [
        Row(heading, blocks.get(heading.number, []), texts.get(heading.number, ""))
        for heading in OUTLINE
        if whole or any(heading.holds(number) for number in WRITTEN)
    ]


def written_blocks(texts: dict[str, str]) -> dict[str, list[str]]:
    """The written sections' texts as paragraphs, keyed by their number."""
    return {number: lines(text) for number, text in texts.items() if number in WRITTEN}


def as_text(parts: list[Part]) -> str:
    """The report as one text, paragraphs separated by a blank line."""
    return "\n\n".join(part.text for part in parts)
