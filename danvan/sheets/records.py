"""Compact records for large registers: a sheet keeps every valid row until all are checked, beside calamine's copy of
the whole sheet, so a row's record should cost little. A record is a slots object, a mapping of plain values as the
engine wants it, whose free texts (names, addresses, contents…) are kept together as one UTF-8 ``bytes``: a Vietnamese
text as ``str`` takes two bytes a character plus 74 of header, each; as one ``bytes`` a row's texts take about half.
"""

from collections.abc import ItemsView, Iterator, Mapping
from typing import Any, ClassVar

_SEPARATOR = "\x00"


def pack(texts: tuple[str, ...]) -> bytes | tuple[str, ...]:
    """The texts as one UTF-8 ``bytes``; as they are when one of them holds the separator (a NUL: never in practice)."""
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return texts
    return joined.encode()


def unpack(packed: bytes | tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(packed, tuple):
        return packed
    return tuple(packed.decode().split(_SEPARATOR))


class CompactRecord(Mapping):
    """A row's record: the values of ``FIELDS`` in slots, the texts of ``TEXTS`` packed in the slot ``packed``. As a
    mapping its keys are those of both, so it reads (and its key material is) as the dict it stands for."""

    __slots__ = ("packed",)
    FIELDS: ClassVar[tuple[str, ...]] = ()
    TEXTS: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._text_index = {name: index for index, name in enumerate(cls.TEXTS)}
        cls._keys = frozenset(cls.FIELDS + cls.TEXTS)

    def __init__(self, texts: tuple[str, ...], *values: Any) -> None:
        self.packed = pack(texts)
        for name, value in zip(self.FIELDS, values, strict=True):
            setattr(self, name, value)

    def texts(self) -> tuple[str, ...]:
        """All the texts, in the order of ``TEXTS`` (decoded once, for code that reads several)."""
        return unpack(self.packed)

    def __getitem__(self, key: str) -> Any:
        index = self._text_index.get(key)
        if index is not None:
            return unpack(self.packed)[index]
        if key not in self._keys:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.FIELDS + self.TEXTS)

    def __len__(self) -> int:
        return len(self.FIELDS) + len(self.TEXTS)

    def items(self) -> ItemsView:
        return _Items(self)


class _Items(ItemsView):
    """A record's items with its texts decoded once, not once per text (the engine reads them for a row's key)."""

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        record = self._mapping
        for name in record.FIELDS:
            yield name, getattr(record, name)
        yield from zip(record.TEXTS, record.texts(), strict=True)
