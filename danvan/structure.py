"""What is built from the administrative structure alone — the units, their successions and the agencies (a report
form's rows) — is kept in Django's cache for a few minutes per unit, and forgotten when that structure changes.

Every save and delete of a unit, a succession or an agency forgets it (the admin, the portal, an agency import); the
writers that bypass the models' signals (bulk_create, QuerySet.update, SQL) call ``forget_structure`` themselves, as the
unit loader and the standard agencies do. A process whose cache the change did not reach (one not shared between
processes) sees it within ``KEPT_FOR``.
"""

import secrets
import threading
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from danvan.models import AdminUnit, Agency, UnitSuccession

KEPT_FOR = 300  # seconds
IN_PROCESS = 64
_in_process: dict[str, object] = {}
_lock = threading.Lock()
# The structure's generation: what is kept is kept under it, and a change draws a new one.
_GENERATION = "danvan:structure"

T = TypeVar("T")


def kept_for_unit(name: str, unit_pk: int, build: Callable[[], T]) -> T:
    """What ``build`` makes of the structure for a unit, from the cache while the structure stays as it is; the last
    ``IN_PROCESS`` also in this process, so that a page does not read a province's form rows back from the database and
    unpickle them each time (the generation is read from the shared cache every time: a change is seen at once).
    What it returns is shared: callers read it and never change it."""
    generation = cache.get(_GENERATION)
    if generation is None:
        generation = secrets.token_hex(8)
        cache.set(_GENERATION, generation, timeout=None)
    key = f"{_GENERATION}:{generation}:{name}:{unit_pk}"
    with _lock:
        if key in _in_process:
            return _in_process[key]  # type: ignore[return-value]
    kept = cache.get(key)
    if kept is None:
        kept = build()
        cache.set(key, kept, KEPT_FOR)
    with _lock:
        _in_process[key] = kept
        while len(_in_process) > IN_PROCESS:
            _in_process.pop(next(iter(_in_process)))
    return kept


def forget_structure() -> None:
    """Forgets what was built from the structure: now, for what is read in this transaction, and again when it
    commits, for what another process built meanwhile from the structure as it was."""
    cache.delete(_GENERATION)
    transaction.on_commit(lambda: cache.delete(_GENERATION))


def _changed(**kwargs) -> None:
    forget_structure()


for _model in (AdminUnit, UnitSuccession, Agency):
    post_save.connect(_changed, sender=_model, dispatch_uid=f"forget_structure_{_model.__name__}_saved")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"forget_structure_{_model.__name__}_deleted")
