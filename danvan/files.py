"""Where an uploaded file is stored: below its field's ``upload_to`` (a plain string), in folders that come from its
record. The folders are set when the record is saved, not by a callable ``upload_to``, which every migration of the
field would have to import from the model's module."""

import posixpath

from django.db.models.fields.files import FieldFile


def file_under(field_file: FieldFile, *folders: str) -> None:
    """Puts a file not yet stored in ``folders`` (below the field's ``upload_to``); a stored file stays where it is."""
    if field_file and not field_file._committed:
        field_file.name = posixpath.join(*folders, posixpath.basename(field_file.name))
