"""The stable codes of imported records, and the rows that are records the portal holds already.

A register row's `Mã hồ sơ` is either a code the portal issued (an export writes each record's code there) or the
agency's own reference. A row is a record already held when a record of its sheet, kept by the row's agency on the
row's date, has that `Mã hồ sơ` as its code or as its reference (registers.md): a row exported from the portal, from
whatever door its record came in by, imports back as nothing new. A new record takes its row's `Mã hồ sơ` as its code
when it is a free code of the record's prefix (a file exported by another installation keeps its codes), and a new
code otherwise, keeping the agency's reference beside it.
"""

from collections.abc import Sequence

from django.db.models import QuerySet

from danvan.codes import is_code, new_codes
from danvan.sheets.inserts import chunks, present
from danvan.sheets.registry import Record


def recorded_rows(records: Sequence[Record], held: QuerySet, *, code: str, day: str) -> set[int]:
    """The indexes of ``records`` that are records of ``held`` already: same agency, same day (the field ``day``), and
    the row's Mã hồ sơ as their ``code`` or their ``reference``."""
    wanted = sorted({record["reference"] for record in records if record["reference"]})
    if not wanted:
        return set()
    found: set[tuple] = set()
    for chunk in chunks(wanted):
        # Two queries, each on its own index (the code's, and the references' partial one, which the query must name):
        # an OR of both scanned the whole table once per chunk on SQLite.
        by_reference = held.filter(reference__in=chunk).exclude(reference="")
        for looked_up in (held.filter(**{f"{code}__in": chunk}), by_reference):
            for value, reference, agency, on in looked_up.order_by().values_list(code, "reference", "agency_id", day):
                found.update({(agency, on, value), (agency, on, reference)})
    return {
        index
        for index, record in enumerate(records)
        if record["reference"] and (record["agency"], record["date"], record["reference"]) in found
    }


def codes_of_rows(references: Sequence[str], held: QuerySet, *, code: str, prefix: str) -> list[tuple[str, str]]:
    """For new records whose rows carried ``references`` (Mã hồ sơ, maybe empty), each one's code and the reference it
    keeps: the row's own when it is a free code of ``prefix`` (then no reference), else a new code and the row's
    text."""
    taken = present(held, code, sorted({reference for reference in references if is_code(reference, prefix)}))
    adopted: set[str] = set()
    kept: list[str | None] = []
    for reference in references:
        free = is_code(reference, prefix) and reference not in taken and reference not in adopted
        if free:
            adopted.add(reference)
        kept.append(reference if free else None)
    drawn = iter(
        new_codes(prefix, kept.count(None), taken=lambda codes: present(held, code, codes) | (adopted & set(codes)))
    )
    return [(own, "") if own else (next(drawn), reference) for own, reference in zip(kept, references, strict=True)]
