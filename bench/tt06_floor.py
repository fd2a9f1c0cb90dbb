"""The floor of the TT 06/2025 forms in the report benchmark: hand-written SQL GROUP BY queries per agency that count
what reports/tt06_figures.py counts per row (docs/reports.md "TT 06/2025 forms"), one query per source table as the
forms read them: visits, sessions, petitions, matters (the cases of the petitions within competence), decisions issued,
decisions to carry out. Written as one would write them first, with the same conditions; what a report of those forms
cannot be faster than."""

from datetime import date

ENDING = "('withdrawn', 'terminated')"
CASE_KINDS = "('complaint', 'denunciation')"
WAYS = {"regular": "mode = 'regular'", "head": "receiver = 'head'", "delegated": "receiver = 'delegate'"}
TO_HANDLE = (
    "(p.received_on BETWEEN %(start)s AND %(end)s"
    " OR (p.received_on < %(start)s AND (p.handled_on IS NULL OR p.handled_on >= %(start)s)))"
)
IN_COMPETENCE = "p.handled_on <= %(end)s AND p.processable AND p.in_competence"
OUTSIDE = "p.handled_on <= %(end)s AND p.processable AND p.in_competence IS NOT TRUE"
ORDERED = ("money_due", "land_due", "returned_money", "returned_land", "returned_organisations", "returned_individuals",
           "sanctioned_organisations", "sanctioned_people", "sanctioned_officials", "referred_cases", "referred_people",
           "referred_officials")  # fmt: skip
DONE = (
    "money_recovered",
    "land_recovered",
    "returned_money",
    "returned_land",
    "sanctioned_organisations",
    "sanctioned_people",
    "sanctioned_officials",
    "prosecuted_cases",
    "prosecuted_people",
    "prosecuted_officials",
)
OUTCOMES = {
    "complaint": [f"c.round <> 'second' AND d.outcome = '{o}'" for o in ("founded", "unfounded", "partly_founded")]
    + [f"c.round = 'second' AND d.outcome = '{o}'" for o in ("upheld_first", "overturned_first")],
    "denunciation": [
        f"{'' if repeat else 'NOT '}c.repeat_denunciation AND d.outcome = '{o}'"
        for repeat in (False, True)
        for o in ("founded", "unfounded", "partly_founded")
    ],
}


def _per_way(aggregate: str) -> str:
    return ", ".join(aggregate.format(way=way) for way in WAYS.values())


def _visits() -> str:
    aggregates = (
        "count(*) FILTER (WHERE {way})",
        "sum(people) FILTER (WHERE {way})",
        "count(DISTINCT case_id) FILTER (WHERE {way})",
        "count(*) FILTER (WHERE {way} AND case_id IS NULL)",
        "count(*) FILTER (WHERE {way} AND people >= 5)",
        "sum(people) FILTER (WHERE {way} AND people >= 5)",
    )
    return f"""SELECT agency_id, {", ".join(_per_way(aggregate) for aggregate in aggregates)}
               FROM reception_visit WHERE agency_id = ANY(%(ids)s) AND received_on BETWEEN %(start)s AND %(end)s
               GROUP BY agency_id"""


SESSIONS = """SELECT agency_id, count(DISTINCT date) FILTER (WHERE receiver = 'head'),
                     count(DISTINCT date) FILTER (WHERE receiver = 'delegate')
              FROM reception_receptionsession
              WHERE agency_id = ANY(%(ids)s) AND date BETWEEN %(start)s AND %(end)s GROUP BY agency_id"""
PETITIONS = f"""SELECT p.agency_id, p.kind, p.field, count(*), count(*) FILTER (WHERE p.handled_on <= %(end)s),
                       count(*) FILTER (WHERE p.handled_on <= %(end)s AND p.processable),
                       count(*) FILTER (WHERE {IN_COMPETENCE}),
                       count(*) FILTER (WHERE {IN_COMPETENCE} AND (c.round = 'second' OR c.repeat_denunciation)),
                       count(*) FILTER (WHERE {OUTSIDE}), count(*) FILTER (WHERE {OUTSIDE} AND p.handling = 'guide'),
                       count(*) FILTER (WHERE {OUTSIDE} AND p.handling IN ('forward', 'urge')),
                       count(DISTINCT p.case_id) FILTER (WHERE {IN_COMPETENCE}),
                       count(*) FILTER (WHERE {IN_COMPETENCE} AND p.case_id IS NULL)
                FROM complaints_petition p LEFT JOIN danvan_case c ON c.id = p.case_id
                WHERE p.agency_id = ANY(%(ids)s) AND {TO_HANDLE} GROUP BY p.agency_id, p.kind, p.field"""
MATTERS = f"""SELECT c.agency_id, c.kind, count(*),
                     count(*) FILTER (WHERE (c.accepted_on IS NULL OR c.accepted_on > %(end)s)
                                      AND (c.declined_on IS NULL OR c.declined_on > %(end)s)),
                     count(*) FILTER (WHERE c.accepted_on <= %(end)s
                                      AND (d.outcome IN {ENDING} AND d.issued_on <= %(end)s) IS NOT TRUE),
                     count(*) FILTER (WHERE c.declined_on <= %(end)s),
                     count(*) FILTER (WHERE d.outcome IN {ENDING} AND d.issued_on <= %(end)s)
              FROM danvan_case c LEFT JOIN complaints_decision d ON d.case_id = c.id
              WHERE c.kind IN {CASE_KINDS} AND c.id IN (SELECT p.case_id FROM complaints_petition p
                    WHERE p.agency_id = ANY(%(ids)s) AND {TO_HANDLE} AND {IN_COMPETENCE})
              GROUP BY c.agency_id, c.kind"""
DECIDED = f"""SELECT c.agency_id, c.kind, count(*), {", ".join(f"sum(d.{name})" for name in ORDERED)},
                     {", ".join(f"count(*) FILTER (WHERE {o})" for outcomes in OUTCOMES.values() for o in outcomes)}
              FROM complaints_decision d JOIN danvan_case c ON c.id = d.case_id
              WHERE c.agency_id = ANY(%(ids)s) AND c.kind IN {CASE_KINDS}
                    AND d.issued_on BETWEEN %(start)s AND %(end)s AND d.outcome NOT IN {ENDING}
              GROUP BY c.agency_id, c.kind"""
TO_CARRY_OUT = f"""SELECT c.agency_id, c.kind, count(*), count(*) FILTER (WHERE e.completed_on <= %(end)s),
                          {", ".join(f"sum(d.{name})" for name in ORDERED)},
                          {", ".join(f"sum(e.{name}) FILTER (WHERE e.completed_on <= %(end)s)" for name in DONE)}
                   FROM complaints_decision d JOIN danvan_case c ON c.id = d.case_id
                        JOIN complaints_enforcement e ON e.decision_id = d.id
                   WHERE c.agency_id = ANY(%(ids)s) AND c.kind IN {CASE_KINDS} AND d.issued_on <= %(end)s
                         AND (e.completed_on IS NULL OR e.completed_on >= %(start)s)
                   GROUP BY c.agency_id, c.kind"""
QUERIES = (_visits(), SESSIONS, PETITIONS, MATTERS, DECIDED, TO_CARRY_OUT)


def hand_tt06(agency_ids: list[int], start: date, end: date) -> None:
    """The six queries, their rows read."""
    from django.db import connection

    with connection.cursor() as cursor:
        for query in QUERIES:
            cursor.execute(query, {"ids": agency_ids, "start": start, "end": end})
            cursor.fetchall()
