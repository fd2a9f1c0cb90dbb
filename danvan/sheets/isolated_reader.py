"""The program that reads a workbook with python-calamine in a process of its own, under a cap on its address space
and CPU time: a file that needs more ends this process (calamine aborts when an allocation fails), never the web or
task worker that asked for it. ``danvan.sheets.isolation`` starts it and speaks to it.

    python -I isolated_reader.py MEMORY_BYTES CPU_SECONDS

It imports nothing of the project (``-I`` leaves the project off ``sys.path``). Messages go both ways as pickled
tuples ``(kind, value)``. On its standard input: first the workbook, ``(PATH, path)`` or ``(BYTES, size)`` followed by
that many bytes; then requests ``(HEIGHT, sheet)`` or ``(ROWS, sheet)``. On its standard output: ``(SHEETS, names)``
once the workbook is open; for each request ``(HEIGHT, rows)``, and for ROWS the rows in lists of ROWS_PER_MESSAGE
then ``(END, None)``; ``(ERROR, text)`` when calamine cannot read the file, after which it exits. It exits with
OUT_OF_MEMORY when Python runs out of the memory allowed.
"""

import io
import pickle
import resource
import sys
from typing import IO, Any

PATH, BYTES, HEIGHT, ROWS, SHEETS, END, ERROR = "path", "bytes", "height", "rows", "sheets", "end", "error"
ROWS_PER_MESSAGE = 500
OUT_OF_MEMORY = 3


def main(memory: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # SIGXCPU ends the process at the soft limit; SIGKILL a second later if it were caught.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    try:
        workbook = _open(requests)
        _answer(answers, SHEETS, list(workbook.sheet_names))
        while True:
            try:
                kind, name = pickle.load(requests)
            except EOFError:  # the caller is done
                return
            _send_sheet(answers, workbook, name, rows=kind == ROWS)
    except MemoryError:
        raise
    except BaseException as error:  # calamine's errors and panics (pyo3's PanicException is no Exception)
        _answer(answers, ERROR, str(error) or type(error).__name__)


def _open(requests: IO[bytes]) -> Any:
    from python_calamine import CalamineWorkbook

    kind, value = pickle.load(requests)
    with open(value, "rb") if kind == PATH else io.BytesIO(requests.read(value)) as source:
        return CalamineWorkbook.from_filelike(source)


def _send_sheet(answers: IO[bytes], workbook: Any, name: str, *, rows: bool) -> None:
    """The sheet's height, and with ``rows`` its rows; calamine's grid of it is freed before the next request."""
    sheet = workbook.get_sheet_by_name(name)
    _answer(answers, HEIGHT, sheet.height)
    if rows:
        batch = []
        for row in sheet.iter_rows():
            batch.append(row)
            if len(batch) == ROWS_PER_MESSAGE:
                _answer(answers, ROWS, batch, flush=False)
                batch = []
        _answer(answers, ROWS, batch, flush=False)
        _answer(answers, END, None)


def _answer(answers: IO[bytes], kind: str, value: object, *, flush: bool = True) -> None:
    pickle.dump((kind, value), answers, protocol=pickle.HIGHEST_PROTOCOL)
    if flush:
        answers.flush()


if __name__ == "__main__":
    try:
        main(int(sys.argv[1]), int(sys.argv[2]))
    except MemoryError:
        sys.exit(OUT_OF_MEMORY)
