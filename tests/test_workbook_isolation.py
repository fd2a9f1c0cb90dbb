"""A workbook read in a process of its own (danvan.sheets.isolation): its rows come back as calamine reads them; a file
that needs more memory or time than allowed ends that process, and the caller gets a message and goes on."""

import os
import pickle
import signal
from datetime import date, datetime, time, timedelta
from io import BytesIO
from pathlib import Path

import pytest

from danvan.sheets.errors import UnreadableWorkbook, WorkbookTooLarge
from danvan.sheets.isolation import Answers, isolated_workbook
from danvan.sheets.limits import MIB, READ_CPU_SECONDS, READ_MEMORY_BYTES
from tests.handmade_workbooks import HEADER_ROW, issue_20_bomb, sheet_xml, xlsx
from tests.registers.workbooks import workbook

MEMORY_MESSAGE = (
    "Đọc tệp cần hơn {} MB bộ nhớ, quá giới hạn: tệp có quá nhiều ô hoặc vùng dữ liệu quá rộng. Hãy xoá các dòng, "
    "cột thừa sau vùng dữ liệu hoặc tách sổ thành nhiều tệp."
)


@pytest.fixture
def two_sheets():
    return workbook(
        {"TiepCongDan": [["STT", "Ngày tiếp"], [1, datetime(2026, 3, 15)]], "Don": [["STT"], [1], [2]]}, title=None
    )


def test_rows_come_back_as_calamine_reads_them(two_sheets):
    with isolated_workbook(two_sheets) as book:
        sheet = book.sheet("TiepCongDan")
        rows = list(sheet.iter_rows())

    assert (book.sheet_names, sheet.height, rows) == (
        ["TiepCongDan", "Don"],
        2,
        [["STT", "Ngày tiếp"], [1.0, date(2026, 3, 15)]],
    )


def test_dates_come_back_right_over_many_answers():
    days = [[number, date(2026, 1, 1) + timedelta(number % 365)] for number in range(1, 1_201)]

    with isolated_workbook(workbook({"Don": [["STT", "Ngày"], *days]}, title=None)) as book:
        rows = list(book.sheet("Don").iter_rows())

    assert rows[1:] == [[float(number), day] for number, day in days]


def test_a_workbook_is_read_from_its_path(two_sheets, tmp_path):
    path = tmp_path / "so.xlsx"
    path.write_bytes(two_sheets.getvalue())

    with isolated_workbook(str(path)) as book:
        assert book.height("Don") == 3


def test_a_sheet_left_half_read_does_not_spill_into_the_next(two_sheets):
    with isolated_workbook(two_sheets) as book:
        next(book.sheet("TiepCongDan").iter_rows())

        assert list(book.sheet("Don").iter_rows()) == [["STT"], [1.0], [2.0]]


def test_the_reading_process_is_capped_in_memory_and_cpu_time(two_sheets):
    with isolated_workbook(two_sheets) as book:
        book.height("Don")  # the process has set its limits and opened the workbook
        limits = Path(f"/proc/{book.process.pid}/limits").read_text().splitlines()

    assert [line.split()[-3:-1] for line in limits if line.startswith(("Max cpu time", "Max address space"))] == [
        [str(READ_CPU_SECONDS), str(READ_CPU_SECONDS + 1)],
        [str(READ_MEMORY_BYTES), str(READ_MEMORY_BYTES)],
    ]


def test_the_reading_process_ends_with_the_block(two_sheets):
    with isolated_workbook(two_sheets) as book:
        pid = book.process.pid

    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_sheet_that_needs_more_memory_than_allowed_ends_the_reading_not_the_caller():
    # A million rows by 26 columns: 800 MB of calamine's grid, which this machine has, but not the 256 MB allowed.
    far = xlsx({"TiepCongDan": sheet_xml(HEADER_ROW + '<row r="1000000"><c r="Z1000000"><v>1</v></c></row>')})

    with pytest.raises(WorkbookTooLarge) as refused, isolated_workbook(far, memory=256 * MIB) as book:
        book.sheet("TiepCongDan")

    assert str(refused.value) == MEMORY_MESSAGE.format(256)


def test_the_issue_20_file_read_unchecked_ends_the_reading_with_a_message():
    with pytest.raises(WorkbookTooLarge) as refused, isolated_workbook(issue_20_bomb()) as book:
        book.sheet("TiepCongDan")

    assert str(refused.value) == MEMORY_MESSAGE.format("1.536")


def test_a_reading_out_of_cpu_time_ends_with_a_message(two_sheets):
    with pytest.raises(WorkbookTooLarge) as refused, isolated_workbook(two_sheets) as book:
        os.kill(book.process.pid, signal.SIGXCPU)  # what the kernel sends at the limit
        book.height("Don")

    assert str(refused.value) == "Đọc tệp mất hơn 120 giây, quá giới hạn: hãy tách sổ thành nhiều tệp."


def test_a_file_calamine_cannot_read_is_unreadable_with_its_reason():
    with pytest.raises(UnreadableWorkbook) as refused, isolated_workbook(BytesIO(b"STT;Ngay tiep")) as book:
        book.height("TiepCongDan")

    assert str(refused.value) == "Không đọc được tệp Excel: Cannot detect file format"


def test_an_answer_may_carry_dates_but_name_no_other_code():
    dates = pickle.dumps(("rows", [[date(2026, 3, 15), datetime(2026, 3, 15, 8, 30), time(8, 30), timedelta(1)]]))
    code = pickle.dumps(("rows", [[os.system]]))

    assert Answers(BytesIO(dates)).load() == pickle.loads(dates)
    with pytest.raises(pickle.UnpicklingError):
        Answers(BytesIO(code)).load()
