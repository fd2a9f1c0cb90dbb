"""Importing the registers (sổ tiếp công dân, sổ theo dõi đơn, đối thoại) from Excel, as registers.md describes.

- ``reader``: the rows of each sheet, header found by STT, column names matched ignoring case and diacritics;
- ``rows``: one row's cells read by the column rules, every problem noted with its sheet, row and column;
- ``records``: compact records (slots, a row's texts packed as UTF-8) for sheets of 100,000 rows;
- ``lookups``: units by code and date, agencies by kind at a unit, loaded once per import;
- ``importer``: all sheets checked, then all written in one transaction or nothing; re-imported rows skipped.

Each app keeps its own sheet: ``reception.importer``, ``complaints.importer``, ``dialogues.importer``.
"""
