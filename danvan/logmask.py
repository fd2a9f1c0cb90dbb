"""A logging filter that keeps citizens' personal data (CCCD, phone numbers) out of every log line."""

import logging
import re

# A CCCD has 12 digits, an old CMND 9; Vietnamese phone numbers are 10 digits starting with 0 (or +84 and 9 digits).
_PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:\d{12}|\d{9}|0\d{9}|\+84\d{9})(?!\d)")


def mask_personal_data(text: str) -> str:
    return _PERSONAL_NUMBER.sub(lambda match: "*" * len(match.group()), text)


class MaskPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        return True
