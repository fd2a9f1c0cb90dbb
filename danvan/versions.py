"""Edits refuse a stale form (lost updates): one mechanism for every form that changes a stored record.

An edit form carries, in a hidden field, the version of what it shows: a digest of the stored values of the fields it
edits (``version_of``). Its service locks the row, computes the version again from what is stored now, and refuses
the form (``ensure_current``) when the two differ: someone saved those fields since the page was opened, and saving
this form would silently put back what they replaced. The user sees the refusal above the form they filled in, with
what they typed, and reloads the page to see the new values.

A digest of the values rather than a counter column: it needs no column on each table, sees every write however it was
made (a step, a correction, an import, ``QuerySet.update``), and refuses only when a field the form would write has
changed, not when the record moved on elsewhere (a deadline recomputed, an answer recorded).
"""

import hashlib
import json
from collections.abc import Iterable, Mapping

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.db.models.fields.files import FieldFile

STALE = (
    "Đã có người sửa bản ghi này sau khi bạn mở trang: hãy tải lại trang để xem nội dung mới rồi sửa lại. "
    "Nội dung bạn vừa nhập vẫn còn ở dưới đây để sao chép."
)
# The name of the hidden field that carries the version in every edit form.
FIELD = "version"


def _plain(value: object) -> object:
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return value


def version_of(values: Mapping[str, object]) -> str:
    """The version of ``values`` (field name → value as stored): equal values give equal versions."""
    plain = sorted((name, _plain(value)) for name, value in values.items())
    text = json.dumps(plain, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def stored_version(record: Model, names: Iterable[str]) -> str:
    """The version of the fields ``names`` of ``record`` as it holds them (a foreign key by its id)."""
    return version_of({name: getattr(record, record._meta.get_field(name).attname) for name in names})


def ensure_current(version: str | None, current: str) -> None:
    """Refuses (``ValidationError``) a form whose ``version`` is not ``current``: one opened before the last save, or
    one without its version. None: the caller is no form (an import, a script) and nothing is checked."""
    if version is not None and version != current:
        raise ValidationError(STALE, code="stale")


def version_field(version: str) -> forms.CharField:
    """The hidden field of an edit form, holding the version of what the form showed. Left out or emptied, the service
    refuses the form as stale."""
    return forms.CharField(widget=forms.HiddenInput, required=False, initial=version)
