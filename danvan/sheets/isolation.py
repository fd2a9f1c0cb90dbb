"""A workbook read in a process of its own (``danvan.sheets.isolated_reader``), capped in memory and CPU time: if the
file needs more, that process ends and the caller gets ``WorkbookTooLarge`` with a message, while the web or task
worker that asked goes on. The rows come back through a pipe, a few hundred at a time, as the caller reads them."""

import logging
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import IO, Any

from danvan.numbers import number
from danvan.sheets import isolated_reader as protocol
from danvan.sheets.errors import UnreadableWorkbook, WorkbookTooLarge
from danvan.sheets.limits import MIB, READ_CPU_SECONDS, READ_MEMORY_BYTES

PROGRAM = Path(protocol.__file__)
CHUNK = MIB
WAIT_SECONDS = 10  # for the reading process to end once it has closed its output
ABNORMAL = "Không đọc được tệp Excel: quá trình đọc tệp dừng bất thường."
logger = logging.getLogger("danvan.sheets")


class Answers(pickle.Unpickler):
    """The reading process's answers: names, counts and cell values. It parses files from anyone, so what it sends
    may name no code but the classes of dates and times (Python's documented way to restrict unpickling)."""

    CELL_CLASSES = frozenset(
        {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timedelta")}
    )

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.CELL_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} is no cell value")
        return super().find_class(module, name)


class IsolatedSheet:
    """A sheet being read: its name, its number of rows, and its rows (each a list of cell values) once."""

    def __init__(self, workbook: "IsolatedWorkbook", name: str, height: int) -> None:
        self.workbook, self.name, self.height = workbook, name, height

    def iter_rows(self) -> Iterator[list[Any]]:
        return self.workbook._rows()


class IsolatedWorkbook:
    """The reading process of one workbook: its sheet names, a sheet's height, a sheet's rows. One sheet at a time:
    asking for another first drops what is left of the rows of the last."""

    def __init__(self, process: subprocess.Popen, errors: IO[bytes], memory: int, cpu_seconds: int) -> None:
        self.process, self.errors, self.memory, self.cpu_seconds = process, errors, memory, cpu_seconds
        self.streaming = False

    @cached_property
    def sheet_names(self) -> list[str]:
        """The workbook's sheets, once the reading process has opened it (the caller may work meanwhile)."""
        return self._expect(protocol.SHEETS)

    def height(self, name: str) -> int:
        self._ask(protocol.HEIGHT, name)
        return self._expect(protocol.HEIGHT)

    def sheet(self, name: str) -> IsolatedSheet:
        self._ask(protocol.ROWS, name)
        sheet = IsolatedSheet(self, name, self._expect(protocol.HEIGHT))
        self.streaming = True
        return sheet

    def _rows(self) -> Iterator[list[Any]]:
        while self.streaming:
            kind, value = self._receive()
            if kind == protocol.END:
                self.streaming = False
            else:
                yield from value

    def _ask(self, kind: str, name: str) -> None:
        if name not in self.sheet_names:  # the answer to the opening comes first
            raise UnreadableWorkbook(f"Không đọc được tệp Excel: không có sheet “{name}”.")
        for _ in self._rows():  # the rows of the last sheet that were not read
            pass
        try:
            pickle.dump((kind, name), self.process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self.process.stdin.flush()
        except BrokenPipeError:
            raise self._ended() from None

    def _expect(self, kind: str) -> Any:
        answer, value = self._receive()
        if answer != kind:
            raise self._broken(f"{answer} instead of {kind}")
        return value

    def _receive(self) -> tuple[str, Any]:
        try:
            kind, value = Answers(self.process.stdout).load()  # each answer is pickled on its own
        except EOFError:
            raise self._ended() from None
        except (pickle.UnpicklingError, ValueError, TypeError) as error:  # no answer of the protocol
            raise self._broken(repr(error)) from error
        if kind == protocol.ERROR:
            raise UnreadableWorkbook(f"Không đọc được tệp Excel: {value}")
        return kind, value

    def _broken(self, what: str) -> UnreadableWorkbook:
        """The reading process answered out of turn: it is ended, not trusted further."""
        self.process.kill()
        logger.error("workbook reader broke the protocol: %s", what)
        return UnreadableWorkbook(ABNORMAL)

    def _ended(self) -> UnreadableWorkbook:
        """Why the reading process ended before answering."""
        try:
            code = self.process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:  # it closed its output yet lives on: it is not waited for
            self.process.kill()
            return UnreadableWorkbook(ABNORMAL)
        self.errors.seek(0)
        logger.warning("workbook reader ended with %s: %s", code, self.errors.read(2000).decode(errors="replace"))
        # calamine aborts when it cannot allocate; Python exits with OUT_OF_MEMORY; the kernel kills when out of memory
        if code in (-signal.SIGABRT, protocol.OUT_OF_MEMORY, -signal.SIGKILL):
            return WorkbookTooLarge(
                f"Đọc tệp cần hơn {number(self.memory // MIB)} MB bộ nhớ, quá giới hạn: tệp có quá nhiều ô hoặc vùng "
                "dữ liệu quá rộng. Hãy xoá các dòng, cột thừa sau vùng dữ liệu hoặc tách sổ thành nhiều tệp."
            )
        if code == -signal.SIGXCPU:
            return WorkbookTooLarge(
                f"Đọc tệp mất hơn {number(self.cpu_seconds)} giây, quá giới hạn: hãy tách sổ thành nhiều tệp."
            )
        return UnreadableWorkbook(ABNORMAL)


@contextmanager
def isolated_workbook(
    source: str | IO[bytes], *, memory: int = READ_MEMORY_BYTES, cpu_seconds: int = READ_CPU_SECONDS
) -> Iterator[IsolatedWorkbook]:
    """Opens ``source`` (a path, or a file open for reading) in a reading process capped at ``memory`` bytes of address
    space and ``cpu_seconds``; the process ends when the block does."""
    command = [sys.executable, "-I", str(PROGRAM), str(memory), str(cpu_seconds)]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
        try:
            _send_source(process, source)
            yield IsolatedWorkbook(process, errors, memory, cpu_seconds)
        finally:
            process.kill()
            process.wait()
            process.stdin.close()
            process.stdout.close()


def _send_source(process: subprocess.Popen, source: str | IO[bytes]) -> None:
    """The path, or the file's bytes from its start (the reading process keeps them while it reads)."""
    try:
        if isinstance(source, str):
            pickle.dump((protocol.PATH, source), process.stdin)
        else:
            source.seek(0, 2)
            size = source.tell()
            source.seek(0)
            pickle.dump((protocol.BYTES, size), process.stdin)
            shutil.copyfileobj(source, process.stdin, CHUNK)
        process.stdin.flush()
    except BrokenPipeError:
        pass  # the process ended already: the first answer says why
