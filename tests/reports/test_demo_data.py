"""`make demo` reproduces what Gia Lai published for 2024: the demo records give the report its figures exactly."""

from danvan.demo_records import seed_demo_records
from danvan.models import AdminUnit
from danvan.selectors import resolve_unit
from danvan.services import create_standard_agencies
from reports.figures import report_data
from reports.periods import window


def test_the_demo_records_reproduce_gia_lais_published_2024_figures(db):
    for province in AdminUnit.objects.filter(level=AdminUnit.Level.PROVINCE, code__in=["52", "64"]):
        create_standard_agencies(province=province)

    outcome = seed_demo_records()

    span = window("year", year=2024)
    report = report_data(resolve_unit("64", on=span.end), span)
    figures, previous = report["figures"], report["previous"]
    assert outcome.problems == []
    assert (figures["reception.visits"], previous["reception.visits"]) == (2861, 2743)
    kinds = ("petitions.complaints", "petitions.denunciations")
    assert (sum(figures[key] for key in kinds), sum(previous[key] for key in kinds)) == (171, 196)
    assert (figures["dialogues.province"], figures["dialogues.district"], figures["dialogues.commune"]) == (5, 62, 399)
