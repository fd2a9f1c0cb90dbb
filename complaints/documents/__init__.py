"""The pre-filled document of each step (the forms annexed to the decrees and to TT 05/2021/TT-TTCP): which a
petition or a case offers at its current step, each a .docx template of the agency (built on the one layout,
complaints.paper; an edited one when the unit admin uploaded it) and the facts of the record that fill it.

Each document names its form (source and number) and the days the form is in force; the one offered is the form in
force on the date of the step (complaints.documents.document). A form replaced from 01/07/2026 (NĐ 155/2026, NĐ
156/2026) is a document of its own, its slug ending in -2026, so that each has its own template. The catalogue:
complaints.documents.petition_catalogue, case_catalogue and visit_catalogue (a reception at the desk)."""

from complaints.documents.case_catalogue import CASE_DOCUMENTS
from complaints.documents.document import Document, available
from complaints.documents.petition_catalogue import PETITION_DOCUMENTS
from complaints.documents.visit_catalogue import VISIT_DOCUMENTS

__all__ = ["CASE_DOCUMENTS", "DOCUMENTS", "PETITION_DOCUMENTS", "VISIT_DOCUMENTS", "Document", "available"]

DOCUMENTS = {document.slug: document for document in (*PETITION_DOCUMENTS, *CASE_DOCUMENTS, *VISIT_DOCUMENTS)}
