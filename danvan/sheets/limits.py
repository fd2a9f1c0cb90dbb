"""How large a workbook may be, checked before it is read (``danvan.sheets.inspection``) and while it is read
(``danvan.sheets.isolation``). Each limit says why it is what it is.

The figures they start from: the largest register the portal is measured on has 100,000 rows (``bench/registers.py``),
whose sheet is 13 MiB as a file and 129 MiB of XML unpacked (``TiepCongDan``: 20 columns, 1.6 million cells written;
``Don``: 28 columns); a register has 9 (``DoiThoai``) to 27 (``Don``) columns of its own. python-calamine, which
reads them, holds a sheet as a dense grid of 32-byte cells from its first to its last filled row and column, besides
the list of its filled cells: the 1.5 KB file whose cells are A1 and XFD1048576 asked it for 512 GiB.
"""

from danvan.packages import MIB

# The upload page's limit: four times the 100,000-row register as Excel writes it.
MAX_FILE_BYTES = 50 * MIB

# Twice the largest register measured, which already takes 260–300 MiB to import; a province's registers grow by a
# few thousand rows a year.
MAX_ROWS = 200_000

# The widest register has 27 columns; 256 (IV, the width of Excel 2003) leaves room for an agency's own columns and
# notes, and keeps out the stray cell far to the right (XFD is column 16,384).
MAX_COLUMNS = 256

# The dense grid of a sheet, from its first to its last filled row and column: every row as wide as column Z (which the
# check takes a sheet to be when it finds no cell further right), 166 MiB in calamine; twice the grid of the
# 100,000-row Don register (2.8 million cells).
MAX_CELLS = MAX_ROWS * 26

# The cells a sheet's XML writes, filled or only formatted (borders drawn far below the data are common): calamine
# parses each (the 100,000-row register writes 1.6 million, read in 2.4 s of CPU) and keeps the filled ones.
MAX_WRITTEN_CELLS = 4 * MAX_CELLS

# calamine reserves room for the count of shared strings the file declares, before reading one, and keeps every one of
# them for the whole read. No sheet needs more distinct texts than it has cells, nor more text than a sheet holds.
MAX_SHARED_STRINGS = MAX_CELLS
MAX_SHARED_STRINGS_BYTES = 256 * MIB

# What the whole package unpacks to: eight times the 100,000-row register's XML. Reading it is what the check costs
# (about 0.5 s of CPU for that register), so this also bounds the check's own time. (The packing ratio every part is
# held to: danvan.packages.)
MAX_UNPACKED_BYTES = 1024 * MIB

# A register workbook has about ten parts (sheets, styles, relations); thousands are no workbook to import.
MAX_PARTS = 1_000

# The parts read whole to find the sheets (the package's and the workbook's relations, the workbook): a few KiB each.
MAX_INDEX_PART_BYTES = 16 * MIB

# The address space of the process that reads a workbook (the whole process: Python, calamine, the file, the grid and
# the texts). Reading a 100,000-row register peaks at 211–236 MiB resident, 240 MiB of address space; a sheet at the
# limits above (200,000 rows by 25 columns of text) at 735 MiB: this is twice that. Past it, the reading process ends
# and the import fails with a message.
READ_MEMORY_BYTES = 1536 * MIB

# CPU seconds of that process: a 100,000-row register takes 2.8 s to read and hand over, the sheet at the limits 5.2 s;
# this is twenty times that, room for a machine several times slower.
READ_CPU_SECONDS = 120
