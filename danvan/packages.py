"""A zip package uploaded by a user (an .xlsx, .ods or .docx) checked before anything opens it: how many parts it has,
what they unpack to, how many times each is packed (a zip bomb packs a thousand times), and that none unpacks to more
than it declares. Reading is then bounded by what the package declares.
"""

import zipfile
import zlib
from collections.abc import Iterable, Iterator

from danvan.numbers import number

MIB = 2**20
ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # how a zip starts: its first part, or the end of an empty one
ENCRYPTED = 0x1  # a part's flag
CHUNK = MIB
# What a damaged package raises while it is opened or unpacked.
DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, OSError)

# How many times a part may be smaller packed than unpacked. Office XML packs 5 to 20 times (the 100,000-row register's
# sheet: 10); a zip bomb (the same bytes repeated) packs a thousand times. Parts under RATIO_FROM_BYTES are not held to
# it: a small part of repeated markup may pack well and costs nothing.
MAX_PACKING_RATIO = 100
RATIO_FROM_BYTES = 1 * MIB

LOCKED = "Tệp được đặt mật khẩu: hãy bỏ mật khẩu rồi tải lên lại."


class PackageRefused(Exception):
    """The package is not opened; ``str()`` says why, in Vietnamese."""


class PackageTooLarge(PackageRefused):
    """The package has more parts, or unpacks to more, than allowed."""


def check_package(package: zipfile.ZipFile, *, max_parts: int, max_unpacked: int) -> None:
    """Refuses a package of more than ``max_parts`` parts, unpacking to more than ``max_unpacked`` bytes, with a part
    packed more than MAX_PACKING_RATIO times, or locked by a password: all from what its directory declares."""
    parts = package.infolist()
    if len(parts) > max_parts:
        raise PackageTooLarge(f"Tệp gồm {number(len(parts))} phần, quá giới hạn {number(max_parts)} phần.")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > max_unpacked:
        raise PackageTooLarge(f"Tệp giải nén ra {megabytes(unpacked)} MB, quá giới hạn {megabytes(max_unpacked)} MB.")
    for part in parts:
        if part.flag_bits & ENCRYPTED:
            raise PackageRefused(LOCKED)
        ratio = part.file_size // max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_BYTES and ratio > MAX_PACKING_RATIO:
            raise PackageTooLarge(
                f"Phần “{part.filename}” của tệp giải nén ra {megabytes(part.file_size)} MB từ "
                f"{number(round(part.compress_size / 1024, 1))} KB (gấp {number(ratio)} lần, tệp Office thường gấp "
                f"dưới {MAX_PACKING_RATIO} lần): tệp này không được đọc."
            )


def verify(package: zipfile.ZipFile, parts: Iterable[zipfile.ZipInfo]) -> None:
    """Unpacks ``parts`` once: one that unpacks to more than it declares fails its checksum (``BadZipFile``)."""
    for part in parts:
        for _ in unpacked(package, part):
            pass


def unpacked(package: zipfile.ZipFile, part: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's bytes, unpacked a chunk at a time; never more than the size it declares (zipfile stops there and then
    finds its checksum wrong)."""
    with package.open(part) as stream:
        while chunk := stream.read(CHUNK):
            yield chunk


def megabytes(size: int) -> str:
    return number(round(size / MIB, 1))
