"""Why a workbook is not read: the one exception its callers catch, its message in Vietnamese for the user."""


class UnreadableWorkbook(Exception):
    """The file is not an Excel workbook that can be read; ``str()`` is the message to show."""


class WorkbookTooLarge(UnreadableWorkbook):
    """The file passes a limit of ``danvan.sheets.limits``, or its reading ran out of the memory or time allowed."""
