"""The whole narrative of a report as it goes out, for the page, the .docx and the sent snapshot alike.

Under TT 06/2025 (windows ending from 30/09/2025) it follows Mẫu số 02 heading by heading: the figure paragraphs
written from the total rows of the statutory forms (``reports.forms_data.form_totals``: one definition per figure) and
the written sections under their headings. Before, the draft of the summary figures (``reports.narrative``), as the
reporter edited it, then the written sections under their headings."""

from dataclasses import dataclass

from django.db.models import QuerySet

from danvan.models import AdminUnit, Agency
from reports.circulars import TT06_2025, circular_for
from reports.figures import report_data
from reports.form_narrative import Totals, form_blocks
from reports.forms_data import form_set, form_totals
from reports.narrative import narrative, opening
from reports.outline import Part, compose, lines, written_blocks
from reports.periods import Window


def figure_blocks(
    unit: AdminUnit, window: Window, agencies: QuerySet[Agency] | None = None, totals: dict | None = None
) -> dict[str, list[str]]:
    """The figure paragraphs of Mẫu số 02 for ``unit`` over ``window``, from the forms' totals of it (``totals`` when
    the caller already made them) and of the same period a year earlier on the TT 06/2025 forms, keyed by the
    outline's numbers."""
    now = Totals(form_totals(unit, window, agencies=agencies) if totals is None else totals)
    # The same period a year earlier on the same forms, even when it fell under the earlier circular: the same columns.
    before = Totals(form_set(unit, window.previous(), agencies, circular=TT06_2025).totals())
    return form_blocks(unit, window, now, before)


@dataclass(frozen=True)
class Draft:
    """A report's narrative in its pieces: under TT 06/2025 the opening line and the figure paragraphs by outline
    number; before, the summary figures' paragraphs; and the written sections ({"III.1": text})."""

    whole: bool  # the outline filled by the forms (TT 06/2025)
    summary: list[str]
    blocks: dict[str, list[str]]
    sections: dict[str, str]

    def parts(self) -> list[Part]:
        """The narrative as it goes out, paragraph by paragraph."""
        written = written_blocks(self.sections)
        if self.whole:
            return [Part(self.summary[0]), *compose(self.blocks | written, whole=True)]
        return [Part(paragraph) for paragraph in self.summary] + compose(written, whole=False)


def draft(
    unit: AdminUnit,
    window: Window,
    *,
    sections: dict[str, str],
    edited: str = "",
    agencies: QuerySet[Agency] | None = None,
    data: dict | None = None,
    totals: dict | None = None,
) -> Draft:
    """The narrative of ``unit``'s report for ``window`` with the written ``sections``: under TT 06/2025 from the
    forms' total rows (``totals`` if already made); before, the summary figures' draft as ``edited`` on the page (blank:
    as drafted from ``data``, ``report_data`` if already read)."""
    if circular_for(window.end) == TT06_2025:
        return Draft(True, [opening(unit, window)], figure_blocks(unit, window, agencies, totals), sections)
    if edited.strip():
        return Draft(False, lines(edited), {}, sections)
    data = data or report_data(unit, window, agencies=agencies)
    return Draft(False, narrative(unit, window, data["figures"], data["previous"]), {}, sections)
