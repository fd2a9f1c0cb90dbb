"""The statutory forms of a report as Excel workbooks (reports.md, "Statutory forms (Excel)").

Layouts are versioned templates, one module per circular: ``tt01_2024`` (in force for the portal's reports) and
``tt06_2025`` (the slot for TT 06/2025's codes). The workbook takes a fixed number of queries whatever the number of
units: the rows (reports/rows.py), the figures per row (reports/grouped.py) and the opening figures keyed in per
column (reports/excel/openings.py); reports/excel/workbook.py assembles them.
"""
