"""Reading a catalogue cell as people write it: a value matches a catalogue value whatever its case, diacritics,
punctuation and spacing, with or without its group prefix ("Hành chính: đất đai, nhà cửa" = "Đất đai, nhà cửa"), and
through the synonyms of danvan.sheets.synonyms. A value naming two catalogue values (a group alone: "Hành chính") is
ambiguous: it is refused with the candidates, never guessed."""

import re
from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from danvan.sheets.synonyms import NOISE_PREFIXES, SYNONYMS
from danvan.text import fold

_NOT_ALNUM = re.compile(r"[\W_]+")
_GROUP = ": "


@lru_cache(maxsize=8192)
def compact(text: str) -> str:
    """``text`` folded, with only its letters and digits: "Chế độ, chính sách" → "chedochinhsach". A register repeats
    a few values on every row, so each is compacted once."""
    return _NOT_ALNUM.sub("", fold(text))


@dataclass(frozen=True, slots=True)
class Match:
    """What a cell matched: its stored value when exactly one, else the labels of the candidates (none: unknown)."""

    value: Hashable | None
    candidates: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.value is not None


class Vocabulary:
    """A catalogue column's values: ``labels`` maps a stored value to its label in the workbook; ``name`` picks the
    column's synonyms in danvan.sheets.synonyms (by default none). A label "Group: value" may be written without its
    group, and a group alone names each of its values."""

    def __init__(self, name: str, labels: Mapping[Hashable, str]) -> None:
        self.name = name
        self.labels = dict(labels)
        values_by_key = {compact(label): value for value, label in labels.items()}
        self._exact: dict[str, set] = defaultdict(set)  # full labels, synonyms, groups
        self._loose: dict[str, set] = defaultdict(set)  # labels and synonyms without their group
        self._groups: dict[str, set] = defaultdict(set)
        for value, label in labels.items():
            self._add(label, value)
        for spelling, target in SYNONYMS.get(name, {}).items():
            self._add(spelling, values_by_key[compact(target)])
        for group, members in self._groups.items():
            self._exact[group] |= members
        self._noise = tuple(compact(prefix) for prefix in NOISE_PREFIXES.get(name, ()))
        self._seen: dict[str, Match] = {}

    def _add(self, spelling: str, value: Hashable) -> None:
        self._exact[compact(spelling)].add(value)
        group, separator, rest = spelling.partition(_GROUP)
        if separator:
            self._loose[compact(rest)].add(value)
            self._groups[compact(group)].add(value)

    def match(self, text: str) -> Match:
        seen = self._seen.get(text)
        if seen is None:
            seen = self._seen[text] = self._match(compact(text))
        return seen

    def _match(self, key: str) -> Match:
        keys = [key] + [key[len(noise) :] for noise in self._noise if key.startswith(noise) and key != noise]
        for candidate in keys:
            values = self._exact.get(candidate) or self._loose.get(candidate) or self._within_group(candidate)
            if values:
                if len(values) == 1:
                    return Match(next(iter(values)))
                return Match(None, tuple(label for value, label in self.labels.items() if value in values))
        return Match(None)

    def _within_group(self, key: str) -> set:
        """A value written after its group without the separator ("Hành chính đất đai")."""
        for group, members in self._groups.items():
            if key.startswith(group) and key != group:
                rest = key[len(group) :]
                found = (self._exact.get(rest, set()) | self._loose.get(rest, set())) & members
                if found:
                    return found
        return set()
