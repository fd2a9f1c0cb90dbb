"""A register's row is read by the portal's rules for inputs (danvan.inputs): what the forms refuse, the import
refuses with a message on its cell, instead of failing the job at the database."""

from danvan.sheets.rows import Layout, Row


def row_of(value) -> Row:
    return Row(Layout("TiepCongDan", 1, {"o": 0}, [("Ô", False)]), 2, [value], [])


def test_a_date_before_the_portals_first_day_is_refused():
    row = row_of("01/01/0001")

    assert (row.date("Ô"), [problem.message for problem in row.problems]) == (
        None,
        ["Ngày “01/01/0001” quá xa: chỉ nhận ngày từ 01/01/1945."],
    )


def test_a_whole_number_past_the_databases_integer_is_refused():
    row = row_of(10**12)

    assert (row.integer("Ô"), [problem.message for problem in row.problems]) == (
        None,
        ["Số 1000000000000 quá lớn: tối đa 2.147.483.647."],
    )


def test_a_text_loses_its_control_characters():
    assert row_of("Dòng một\x0bdòng hai\x01").text("Ô") == "Dòng một\ndòng hai"
