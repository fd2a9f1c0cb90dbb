"""The check a workbook passes before it is read: a file that would take more memory or time than a register can is
refused at once, with a message naming what is too large (the limits and their reasons: ``danvan.sheets.limits``).

By content, not by name. A zip package (.xlsx, .xlsm, .ods) is held to the limits of ``danvan.packages`` (parts,
their unpacked size, their packing ratio), and every part but the sheets not to be read is unpacked once, so that a
part larger than it declares fails its checksum here. An .xlsx also has its shared strings counted and each sheet to
be read measured in one streamed pass over its XML: the area its <dimension> declares, the area its filled cells
really span, and its number of cells. An .xls (OLE) and an .ods are checked as a file and a package only. Whatever
this check does not see — cells written without their reference, or with it after other attributes — is still read
under the caps of ``danvan.sheets.isolation``, which end the reading, not the process that asked for it.
"""

import itertools
import posixpath
import re
import zipfile
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import IO
from xml.etree import ElementTree

from danvan.numbers import number
from danvan.packages import DAMAGE, ZIP, PackageRefused, PackageTooLarge, check_package, megabytes, unpacked, verify
from danvan.sheets.errors import UnreadableWorkbook, WorkbookTooLarge
from danvan.sheets.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_INDEX_PART_BYTES,
    MAX_PARTS,
    MAX_ROWS,
    MAX_SHARED_STRINGS,
    MAX_SHARED_STRINGS_BYTES,
    MAX_UNPACKED_BYTES,
    MAX_WRITTEN_CELLS,
)

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and an .xlsx saved with a password
ODS = b"application/vnd.oasis.opendocument.spreadsheet"

EMPTY = "Tệp rỗng: không có dữ liệu để nhập."
NOT_A_WORKBOOK = (
    "Tệp không phải là tệp Excel (.xlsx, .xls) hay bảng tính .ods: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
)
DAMAGED = "Tệp Excel bị hỏng, không mở được: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
BINARY = "Tệp Excel nhị phân (.xlsb) không nhập được: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
TRIM = "Hãy xoá các dòng, cột thừa sau vùng dữ liệu (hoặc chép vùng dữ liệu sang tệp mới) rồi lưu lại."


def inspect_workbook(source: str | IO[bytes], *, sheets: Collection[str]) -> None:
    """Refuses (``UnreadableWorkbook``, ``WorkbookTooLarge``: the message says why) a file that is no workbook or is
    larger than the limits. ``sheets``: the names of the sheets to be read; the others are not measured, as calamine
    does not read them. A file open for reading is left at its start."""
    with _binary(source) as stream:
        size = stream.seek(0, 2)
        stream.seek(0)
        if size == 0:
            raise UnreadableWorkbook(EMPTY)
        if size > MAX_FILE_BYTES:
            raise WorkbookTooLarge(
                f"Tệp nặng {megabytes(size)} MB, quá giới hạn {megabytes(MAX_FILE_BYTES)} MB: "
                "hãy tách sổ thành nhiều tệp."
            )
        head = stream.read(len(OLE))
        stream.seek(0)
        if head.startswith(OLE):
            return
        if not head.startswith(ZIP):
            raise UnreadableWorkbook(NOT_A_WORKBOOK)
        try:
            with zipfile.ZipFile(stream) as package:
                _inspect_package(package, sheets)
        except (*DAMAGE, ElementTree.ParseError) as error:
            raise UnreadableWorkbook(DAMAGED) from error
        finally:
            stream.seek(0)


@contextmanager
def _binary(source: str | IO[bytes]) -> Iterator[IO[bytes]]:
    if not isinstance(source, str):
        yield source
        return
    try:
        stream = open(source, "rb")  # noqa: SIM115 (closed below, after the errors of opening it are told)
    except FileNotFoundError as error:
        raise UnreadableWorkbook(f"Không tìm thấy tệp {source}.") from error
    except OSError as error:
        raise UnreadableWorkbook(f"Không mở được tệp {source}.") from error
    with stream:
        yield stream


def _inspect_package(package: zipfile.ZipFile, sheets: Collection[str]) -> None:
    try:
        check_package(package, max_parts=MAX_PARTS, max_unpacked=MAX_UNPACKED_BYTES)
    except PackageTooLarge as error:
        raise WorkbookTooLarge(str(error)) from error
    except PackageRefused as error:
        raise UnreadableWorkbook(str(error)) from error
    found = {_normal(part.filename): part for part in package.infolist()}
    mimetype = found.get("mimetype")
    settled = (
        set()
        if mimetype is not None and _small(package, mimetype).startswith(ODS)
        else _inspect_xlsx(package, found, sheets)
    )
    verify(package, (part for name, part in found.items() if name not in settled))


def _inspect_xlsx(package: zipfile.ZipFile, found: dict[str, zipfile.ZipInfo], sheets: Collection[str]) -> set[str]:
    """Measures the shared strings and the sheets to be read, found as calamine finds them. Returns the parts that
    need not be unpacked again: those read here, and the sheets not to be read."""
    settled = {"_rels/.rels"}
    relations = _relations(package, found, "_rels/.rels")
    document = next((target for target, kind in relations.values() if kind.endswith("/officeDocument")), None)
    if document is None:
        raise UnreadableWorkbook(NOT_A_WORKBOOK)
    if not document.lower().endswith(".xml"):
        raise UnreadableWorkbook(BINARY)
    folder = posixpath.dirname(document.lstrip("/"))
    folder = f"{folder}/" if folder else ""
    strings = found.get(_normal(f"{folder}sharedStrings.xml"))
    if strings is not None:
        _inspect_shared_strings(package, strings)
        settled.add(_normal(strings.filename))
    workbook = found.get(_normal(f"{folder}workbook.xml"))
    if workbook is None:
        return settled
    targets = _relations(package, found, f"{folder}_rels/workbook.xml.rels")
    settled |= {_normal(workbook.filename), _normal(f"{folder}_rels/workbook.xml.rels")}
    for sheet in _xml(package, workbook).iter():
        identity = next((value for key, value in sheet.attrib.items() if _local(key) == "id"), None)
        if _local(sheet.tag) != "sheet" or identity not in targets:
            continue
        target = targets[identity][0]
        path = _normal(target[1:] if target.startswith("/") else f"{folder}{target}")
        if path in found and sheet.get("name") in sheets:
            _inspect_sheet(package, found[path], sheet.get("name"))
        settled.add(path)
    return settled


def _inspect_shared_strings(package: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """The count of strings the part declares (calamine makes room for them first) and the count it holds."""
    if part.file_size > MAX_SHARED_STRINGS_BYTES:
        raise WorkbookTooLarge(
            f"Phần văn bản dùng chung của tệp nặng {megabytes(part.file_size)} MB, quá giới hạn "
            f"{megabytes(MAX_SHARED_STRINGS_BYTES)} MB: hãy tách sổ thành nhiều tệp."
        )
    declared = held = 0
    prefix = None
    for chunk in unpacked(package, part):
        if prefix is None:
            root = re.search(rb"<(?:([\w.-]+):)?sst\b([^>]*)>", chunk)
            prefix = root[1] + b":" if root and root[1] else b""
            declared = max(map(int, re.findall(rb'Count="(\d{1,20})"', root[2] if root else b"")), default=0)
        held += chunk.count(b"<" + prefix + b"si>") + chunk.count(b"<" + prefix + b"si ")
    if max(declared, held) > MAX_SHARED_STRINGS:
        raise WorkbookTooLarge(
            f"Tệp có {number(max(declared, held))} chuỗi văn bản dùng chung, quá giới hạn "
            f"{number(MAX_SHARED_STRINGS)}: hãy tách sổ thành nhiều tệp."
        )


class Extent:
    """How far a sheet's filled cells reach, as far as the check tells (its last row and column), and how many cells
    its XML writes, filled or only formatted; taken in a block of whole cells at a time.

    Cheap for a register, whatever its size: the last row is the last ``<row>``'s (rows come in order), and the last
    column is looked for only among the cells past column Z (a reference of two or three letters). Only those are
    looked at one by one, and the cells of rows past MAX_ROWS: each counts when it holds something, not when it is
    only formatted (``<c …/>``, ``<c …></c>``). Short of column AA the last column is taken
    to be Z, which MAX_CELLS allows on every row; a cell written without its reference is not placed."""

    def __init__(self, prefix: bytes) -> None:
        self.row = self.column = self.cells = self.current = 0
        end = b"</" + prefix + b"c>"
        self.cell_start = b"<" + prefix + b"c "
        self.row_start = b"<" + prefix + b'row r="'
        self.wide = re.compile(b"<" + prefix + rb'c r="([A-Z]{2,3})\d+"[^>]*?(/?)>(' + end + b")?")
        self.deep = re.compile(b"<" + prefix + rb'c r="[A-Z]{1,3}(\d{6,})"[^>]*?(/?)>(' + end + b")?")

    def cut(self, block: bytes) -> int:
        """Where to end a block so that no row, or at least no cell, is cut in two: before the last row or cell that
        starts in it; a block holding none whole (a very long text) is taken whole."""
        for start in (self.row_start, self.cell_start):
            if (cut := block.rfind(start)) > 0:
                return cut
        return len(block)

    def take(self, block: bytes, end: int) -> None:
        """Takes in ``block`` up to ``end`` (searched in place, not copied)."""
        # Any element named c… counts: within <sheetData> they are the cells, and a run's <color> in rich text.
        self.cells += block.count(self.cell_start[:-1], 0, end)
        for letters, closed, ended in set(self.wide.findall(block, 0, end)):
            if not (closed or ended):
                self.column = max(self.column, _position(letters + b"1")[1])
        start = block.rfind(self.row_start, 0, end) + len(self.row_start)
        if start >= len(self.row_start):
            self.current = int(re.match(rb"\d*", block[start : start + 8])[0] or 0)
        if self.current > MAX_ROWS:
            filled = (int(row) for row, closed, ended in self.deep.findall(block, 0, end) if not (closed or ended))
            self.row = max([self.row, *filled])
        else:
            self.row = max(self.row, self.current)


def _inspect_sheet(package: zipfile.ZipFile, part: zipfile.ZipInfo, name: str) -> None:
    """The area the sheet declares, then, in one pass over its XML, the area its filled cells span and its cells."""
    chunks = unpacked(package, part)
    head = next(chunks, b"")
    if declared := DIMENSION.search(head):
        row, column = _position(declared[2] or declared[1])
        _refuse_area(name, row, column, f"khai báo vùng dữ liệu {_corner(row, column)}")
    extent = Extent(_prefix(head))
    rest = b""
    for chunk in itertools.chain([head], chunks):
        block = rest + chunk
        cut = extent.cut(block)
        extent.take(block, cut)
        rest = block[cut:]
    extent.take(rest, len(rest))
    if extent.cells > MAX_WRITTEN_CELLS:
        raise WorkbookTooLarge(
            f"Sheet “{name}” ghi {number(extent.cells)} ô (kể cả ô chỉ có định dạng), quá giới hạn "
            f"{number(MAX_WRITTEN_CELLS)} ô. {TRIM}"
        )
    # Short of column AA the check does not tell the last column: Z at most.
    far = _corner(extent.row, extent.column) if extent.column > 26 else f"đến dòng {number(extent.row)}"
    _refuse_area(name, extent.row, max(extent.column, 26), f"có dữ liệu {far}")


def _refuse_area(name: str, row: int, column: int, where: str) -> None:
    """Refuses a sheet whose area from A1 to ``row`` and ``column`` passes the limits; ``where`` says how far it is."""
    if row > MAX_ROWS or column > MAX_COLUMNS or row * column > MAX_CELLS:
        raise WorkbookTooLarge(
            f"Sheet “{name}” {where}; sổ chỉ được tối đa "
            f"{number(MAX_ROWS)} dòng, {number(MAX_COLUMNS)} cột và {number(MAX_CELLS)} ô. {TRIM}"
        )


def _corner(row: int, column: int) -> str:
    return f"đến ô {_reference(row, column)} ({number(row)} dòng, {number(column)} cột)"


DIMENSION = re.compile(rb'<(?:[\w.-]+:)?dimension\b[^>]*?\bref="([A-Z]{1,3}\d{1,7})(?::([A-Z]{1,3}\d{1,7}))?"')


def _position(reference: bytes) -> tuple[int, int]:
    """A cell's row and column, both from 1: b"XFD1048576" → (1048576, 16384)."""
    letters = reference.rstrip(b"0123456789")
    column = 0
    for letter in letters:
        column = column * 26 + letter - 64
    return int(reference[len(letters) :]), column


def _reference(row: int, column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _prefix(head: bytes) -> bytes:
    """The prefix the sheet writes its elements with (``x:`` in ``<x:worksheet>``), most often none."""
    root = re.search(rb"<(?:([\w.-]+):)?worksheet\b", head)
    return root[1] + b":" if root and root[1] else b""


def _relations(package: zipfile.ZipFile, found: dict[str, zipfile.ZipInfo], path: str) -> dict[str, tuple[str, str]]:
    """A relations part: each relation's target and type by its id; none when the part is missing."""
    part = found.get(_normal(path))
    if part is None:
        return {}
    relations = {}
    for relation in _xml(package, part).iter():
        if _local(relation.tag) == "Relationship":
            relations[relation.get("Id")] = (relation.get("Target", ""), relation.get("Type", ""))
    return relations


def _xml(package: zipfile.ZipFile, part: zipfile.ZipInfo) -> ElementTree.Element:
    # expat refuses the entities that expand a small document into a large one (billion laughs) since 2.4.
    return ElementTree.fromstring(_small(package, part))


def _small(package: zipfile.ZipFile, part: zipfile.ZipInfo) -> bytes:
    """A part read whole: one that only says where the others are."""
    if part.file_size > MAX_INDEX_PART_BYTES:
        raise WorkbookTooLarge(
            f"Phần “{part.filename}” của tệp nặng {megabytes(part.file_size)} MB, quá giới hạn "
            f"{megabytes(MAX_INDEX_PART_BYTES)} MB: tệp này không phải sổ Excel bình thường."
        )
    return b"".join(unpacked(package, part))


def _normal(name: str) -> str:
    """A part's name as calamine looks it up: any case, either slash."""
    return name.replace("\\", "/").lower()


def _local(name: str) -> str:
    """An element's or attribute's name without its namespace."""
    return name.rpartition("}")[2]
