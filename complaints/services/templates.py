"""A unit admin's templates of the documents: uploading an edited one (checked: a .docx whose placeholders are the
document's own, the unknown ones named in the refusal), putting it in use after its preview, restoring an earlier
version. Every change is a new version; none is overwritten."""

import zipfile
from io import BytesIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from docx.opc.exceptions import PackageNotFoundError
from jinja2 import TemplateError

from complaints.documents import DOCUMENTS
from complaints.documents.filling import built_in, placeholders
from complaints.documents.versions import content_of
from complaints.models import DocumentTemplate
from danvan.models import Agency, Staff
from danvan.packages import DAMAGE, MIB, PackageRefused, check_package, verify
from danvan.permissions import Action, ensure
from danvan.services import lock, refusing_conflicts

NOT_A_DOCX = "Tệp tải lên không phải là tệp Word (.docx)."
# A template is Word's XML, perhaps with a logo: the upload is at most 5 MB and Word's XML packs 5 to 10 times; a
# .docx has a few dozen parts.
TEMPLATE_UNPACKED_BYTES = 64 * MIB
TEMPLATE_PARTS = 500


def _document(slug: str):
    if slug not in DOCUMENTS:
        raise ValidationError({"slug": "Không có văn bản này."})
    return DOCUMENTS[slug]


def refusal(template: bytes, allowed: set[str]) -> str:
    """Why an uploaded template cannot be used, or '' when it can: not a .docx, larger unpacked than a template can be
    (checked before Word's XML is parsed, whole, in this process), a placeholder written wrong, or placeholders the
    document does not have (named, with those it has)."""
    try:
        with zipfile.ZipFile(BytesIO(template)) as package:
            check_package(package, max_parts=TEMPLATE_PARTS, max_unpacked=TEMPLATE_UNPACKED_BYTES)
            verify(package, package.infolist())
        used = placeholders(template)
    except PackageRefused as error:
        return str(error)
    except (*DAMAGE, PackageNotFoundError, KeyError):
        return NOT_A_DOCX
    except TemplateError as error:
        return f"Mẫu có chỗ đặt trường viết sai ({error.message}): hãy viết trường dạng {{{{ ten_truong }}}}."
    unknown = sorted(used - allowed)
    if unknown:
        return (
            f"Mẫu dùng trường không có trong văn bản này: {', '.join(unknown)}. "
            f"Các trường dùng được: {', '.join(sorted(allowed))}."
        )
    return ""


def _next_version(agency: Agency, slug: str) -> int:
    latest = DocumentTemplate.objects.filter(agency=agency, slug=slug).aggregate(latest=Max("version"))["latest"]
    return (latest or 0) + 1


@refusing_conflicts
@transaction.atomic
def upload_template(*, agency: Agency, slug: str, content: bytes, filename: str, by: Staff) -> DocumentTemplate:
    """Keeps an edited template as a draft of the next version; it is used once put in use (``publish_template``)."""
    ensure(by, Action.TEMPLATES, agency)
    document = _document(slug)
    if reason := refusal(content, placeholders(built_in(document, agency))):
        raise ValidationError({"file": reason})
    Agency.objects.select_for_update().filter(pk=agency.pk).first()  # one version number at a time
    return DocumentTemplate.objects.create(
        agency=agency, slug=slug, version=_next_version(agency, slug), content=content, filename=filename[:200],
        uploaded_by=by,
    )  # fmt: skip


@transaction.atomic
def publish_template(*, template: DocumentTemplate, by: Staff) -> DocumentTemplate:
    """Puts a draft in use, once: the agency's next documents of its kind are filled from it."""
    lock(template)
    ensure(by, Action.TEMPLATES, template.agency)
    if template.published_at is not None:
        raise ValidationError("Phiên bản này đã được áp dụng.")
    template.published_at, template.published_by = timezone.now(), by
    template.save(update_fields=["published_at", "published_by"])
    return template


@refusing_conflicts
@transaction.atomic
def restore_template(*, agency: Agency, slug: str, version: int | None, by: Staff) -> DocumentTemplate:
    """Puts an earlier version back in use as a new version (``version`` None: the portal's own template)."""
    ensure(by, Action.TEMPLATES, agency)
    document = _document(slug)
    earlier = None
    if version is not None:
        earlier = DocumentTemplate.objects.filter(agency=agency, slug=slug, version=version).first()
        if earlier is None:
            raise ValidationError("Không có phiên bản này.")
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    now = timezone.now()
    return DocumentTemplate.objects.create(
        agency=agency, slug=slug, version=_next_version(agency, slug), built_in=earlier is None or earlier.built_in,
        content=b"" if earlier is None or earlier.built_in else content_of(document, agency, earlier),
        filename=earlier.filename if earlier else "", restored_from=version, uploaded_by=by, uploaded_at=now,
        published_by=by, published_at=now,
    )  # fmt: skip
