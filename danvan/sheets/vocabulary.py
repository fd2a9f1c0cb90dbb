"""The vocabularies every register sheet shares (registers.md): a stored value and its label in the workbook."""

from collections.abc import Mapping

from danvan.models import Agency, Classification, SubjectField

# Every register's header row is the first row whose first cell is STT (registers.md, general rules).
NUMBER_HEADER = "STT"

# The vocabularies every sheet shares: a stored value and its label in the workbook.
AGENCY_KINDS: Mapping[str, str] = {
    Agency.Kind.COMMITTEE: "UBND",
    Agency.Kind.PARTY: "Cấp ủy",
    Agency.Kind.COUNCIL: "HĐND",
    Agency.Kind.ASSEMBLY_DELEGATION: "Đoàn ĐBQH",
    Agency.Kind.RECEPTION_OFFICE: "Ban Tiếp công dân",
    Agency.Kind.INSPECTORATE: "Thanh tra",
}
CLASSIFICATIONS: Mapping[str, str] = {
    Classification.COMPLAINT: "Khiếu nại",
    Classification.DENUNCIATION: "Tố cáo",
    Classification.RECOMMENDATION: "Kiến nghị, phản ánh",
}
FIELDS: Mapping[str, str] = dict(SubjectField.choices)
# What stands in the name column of a denunciation's row: the denouncer's identity never leaves the vault.
HIDDEN_DENOUNCER = "Người tố cáo (thông tin được bảo mật)"
