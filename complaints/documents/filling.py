"""A document as issued: its agency's template (built on the layout, or the edited one uploaded) rendered by docxtpl
with the facts of the record; and the placeholders a template uses, to refuse an edited one that names others."""

from io import BytesIO

from docxtpl import DocxTemplate

from complaints.paper import render
from danvan.inputs import printable
from danvan.models import Agency


def built_in(document, agency: Agency) -> bytes:
    """The template the portal ships for ``document`` at ``agency``: the form's wording on the layout, the agency's
    header and signer written out."""
    return render(document.template(agency))


def fill(template: bytes, facts: dict) -> bytes:
    """The template with its placeholders replaced by the record's facts (escaped: a '&' in a petition's content is
    text, not markup)."""
    document = DocxTemplate(BytesIO(template))
    document.render(_printable(facts), autoescape=True)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _printable(facts):
    """The facts without the control characters a .docx cannot hold (texts stored before they were refused)."""
    if isinstance(facts, str):
        return printable(facts)
    if isinstance(facts, dict):
        return {name: _printable(value) for name, value in facts.items()}
    if isinstance(facts, list | tuple):
        return type(facts)(_printable(value) for value in facts)
    return facts


def placeholders(template: bytes) -> set[str]:
    """The names a template fills in ({{ number }}, {% if dialogue %} …), found by docxtpl."""
    return set(DocxTemplate(BytesIO(template)).get_undeclared_template_variables())
