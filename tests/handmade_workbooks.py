"""Workbooks built part by part, as a zip, to hold what no spreadsheet program writes: cells far out, a dimension that
lies, a sheet that unpacks to hundreds of MB. A few KB each; nothing is stored."""

import itertools
from collections.abc import Iterable
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
KINDS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
Part = str | bytes | Iterable[bytes]  # a part's XML, or its pieces
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Row 1 as a register starts: the STT header.
HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row>'
# The 1.5 KB file of issue 20: cells A1 and XFD1048576, and the dimension between them.
FAR_CELL = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def sheet_xml(rows: str, *, dimension: str | None = None, prefix: str = "") -> str:
    """A worksheet's XML around ``rows`` (``<row>`` elements written with ``prefix``, e.g. "x:")."""
    name = prefix.rstrip(":")
    namespace = f'xmlns{":" + name if name else ""}="{MAIN}"'
    declared = f'<{prefix}dimension ref="{dimension}"/>' if dimension else ""
    data = f"<{prefix}sheetData>{rows}</{prefix}sheetData>"
    return f"{HEAD}<{prefix}worksheet {namespace}>{declared}{data}</{prefix}worksheet>"


def xlsx(
    sheets: dict[str, Part], *, strings: str | None = None, extra: dict[str, Part] | None = None, level: int = 6
) -> BytesIO:
    """A workbook of ``sheets`` (name → sheet XML, or its pieces to stream in), with a shared strings part if given,
    and any ``extra`` parts, packed at ``level`` (1: fastest)."""
    listed = "".join(
        f'<sheet name="{name}" sheetId="{number}" r:id="rId{number}"/>' for number, name in enumerate(sheets, 1)
    )
    targets = "".join(
        f'<Relationship Id="rId{number}" Type="{KINDS}/worksheet" Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, len(sheets) + 1)
    )
    parts = {
        "[Content_Types].xml": f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'{HEAD}<Relationships xmlns="{RELATIONS}"><Relationship Id="rId1" '
        f'Type="{KINDS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{KINDS}"><sheets>{listed}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'{HEAD}<Relationships xmlns="{RELATIONS}">{targets}</Relationships>',
    }
    parts |= {f"xl/worksheets/sheet{number}.xml": xml for number, xml in enumerate(sheets.values(), 1)}
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    out = BytesIO()
    with ZipFile(out, "w", ZIP_DEFLATED, compresslevel=level) as package:
        for name, content in (parts | (extra or {})).items():
            if isinstance(content, str | bytes):
                package.writestr(name, content)
                continue
            with package.open(name, "w", force_zip64=True) as part:
                for piece in content:
                    part.write(piece)
    out.seek(0)
    return out


def issue_20_bomb(*, dimension: bool = True) -> BytesIO:
    """The register sheet whose cells are A1 and XFD1048576: 1.5 KB that calamine would read into 512 GiB."""
    rows = HEADER_ROW + FAR_CELL
    return xlsx({"TiepCongDan": sheet_xml(rows, dimension="A1:XFD1048576" if dimension else None)})


def padded_bomb(rows: int = 20_000) -> BytesIO:
    """The same far cell after ``rows`` rows of filler numbers that do not pack well: more than the 256 KB an import
    checks while the user waits, so that it goes to the task queue."""
    filler = "".join(
        f'<row r="{row}"><c r="A{row}"><v>{row * 7919 % 100_003}</v></c><c r="B{row}"><v>{row * 104_729 % 99_991}</v>'
        f"</c></row>"
        for row in range(2, rows + 2)
    )
    return xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + filler + FAR_CELL)})


def beyond_the_check() -> BytesIO:
    """A file the check cannot measure, its cells written without references: a row 16,384 cells wide and a cell on
    row 1,048,576, which calamine would read into 512 GiB."""
    wide = '<row r="2">' + "<c><v>1</v></c>" * 16_384 + "</row>"
    return xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + wide + '<row r="1048576"><c><v>1</v></c></row>')})


def inflated(size: int) -> BytesIO:
    """A register sheet whose XML holds ``size`` bytes of blanks between its rows: packed about a thousand times,
    streamed in and never held whole (300 MB take about a second to pack)."""
    head, tail = sheet_xml(HEADER_ROW + "<!--gap-->").encode().split(b"<!--gap-->")
    block = b" " * 2**20
    blanks = (block[: size - start] for start in range(0, size, len(block)))
    return xlsx({"TiepCongDan": itertools.chain([head], blanks, [tail])})


def declaring(book: BytesIO, name: str, size: int) -> BytesIO:
    """``book`` with its part ``name`` declaring ``size`` bytes unpacked in the directory at the end of the zip, which
    readers go by, whatever it really unpacks to."""
    data = bytearray(book.getvalue())
    entry = data.find(b"PK\x01\x02")
    while entry != -1:
        length = int.from_bytes(data[entry + 28 : entry + 30], "little")
        if data[entry + 46 : entry + 46 + length] == name.encode():
            data[entry + 24 : entry + 28] = size.to_bytes(4, "little")  # the unpacked size
        entry = data.find(b"PK\x01\x02", entry + 46)
    return BytesIO(bytes(data))
