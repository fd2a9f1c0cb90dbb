"""The records' version (reports.RecordsVersion): one row, and the triggers that raise it whenever a table a report
counts is written, so that figures kept under it (reports/kept.py) are never read after a change.

PostgreSQL raises it once per transaction, at its commit (deferred constraint triggers, the transaction's id kept in a
setting): a report read meanwhile was counted without the change and kept under the old number, which no one reads
once the change is seen; the one row is locked only while a transaction commits. SQLite has one writer at a time and
readers see a transaction whole: its triggers raise it on every row, in the writer's transaction.

Frozen: a table added to the reports' figures needs a new migration that adds its triggers
(tests/reports/test_kept_figures.py lists the tables)."""

from django.db import migrations, models

CREATE = {
    "sqlite": [
        "CREATE TRIGGER reception_visit_version_insert AFTER INSERT ON reception_visit BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reception_visit_version_update AFTER UPDATE ON reception_visit BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reception_visit_version_delete AFTER DELETE ON reception_visit BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reception_receptionsession_version_insert AFTER INSERT ON reception_receptionsession BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reception_receptionsession_version_update AFTER UPDATE ON reception_receptionsession BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reception_receptionsession_version_delete AFTER DELETE ON reception_receptionsession BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_petition_version_insert AFTER INSERT ON complaints_petition BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_petition_version_update AFTER UPDATE ON complaints_petition BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_petition_version_delete AFTER DELETE ON complaints_petition BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_case_version_insert AFTER INSERT ON danvan_case BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_case_version_update AFTER UPDATE ON danvan_case BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_case_version_delete AFTER DELETE ON danvan_case BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_extension_version_insert AFTER INSERT ON complaints_extension BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_extension_version_update AFTER UPDATE ON complaints_extension BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_extension_version_delete AFTER DELETE ON complaints_extension BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_suspension_version_insert AFTER INSERT ON complaints_suspension BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_suspension_version_update AFTER UPDATE ON complaints_suspension BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_suspension_version_delete AFTER DELETE ON complaints_suspension BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_decision_version_insert AFTER INSERT ON complaints_decision BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_decision_version_update AFTER UPDATE ON complaints_decision BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_decision_version_delete AFTER DELETE ON complaints_decision BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_enforcement_version_insert AFTER INSERT ON complaints_enforcement BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_enforcement_version_update AFTER UPDATE ON complaints_enforcement BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_enforcement_version_delete AFTER DELETE ON complaints_enforcement BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_verification_version_insert AFTER INSERT ON complaints_verification BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_verification_version_update AFTER UPDATE ON complaints_verification BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_verification_version_delete AFTER DELETE ON complaints_verification BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_complaintdialogue_version_insert AFTER INSERT ON complaints_complaintdialogue BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_complaintdialogue_version_update AFTER UPDATE ON complaints_complaintdialogue BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER complaints_complaintdialogue_version_delete AFTER DELETE ON complaints_complaintdialogue BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_dialogue_version_insert AFTER INSERT ON dialogues_dialogue BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_dialogue_version_update AFTER UPDATE ON dialogues_dialogue BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_dialogue_version_delete AFTER DELETE ON dialogues_dialogue BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_opinion_version_insert AFTER INSERT ON dialogues_opinion BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_opinion_version_update AFTER UPDATE ON dialogues_opinion BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_opinion_version_delete AFTER DELETE ON dialogues_opinion BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_directive_version_insert AFTER INSERT ON dialogues_directive BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_directive_version_update AFTER UPDATE ON dialogues_directive BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER dialogues_directive_version_delete AFTER DELETE ON dialogues_directive BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reports_openingfigure_version_insert AFTER INSERT ON reports_openingfigure BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reports_openingfigure_version_update AFTER UPDATE ON reports_openingfigure BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reports_openingfigure_version_delete AFTER DELETE ON reports_openingfigure BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reports_managementfigure_version_insert AFTER INSERT ON reports_managementfigure BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reports_managementfigure_version_update AFTER UPDATE ON reports_managementfigure BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER reports_managementfigure_version_delete AFTER DELETE ON reports_managementfigure BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_dayoverride_version_insert AFTER INSERT ON danvan_dayoverride BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_dayoverride_version_update AFTER UPDATE ON danvan_dayoverride BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_dayoverride_version_delete AFTER DELETE ON danvan_dayoverride BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_adminunit_version_insert AFTER INSERT ON danvan_adminunit BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_adminunit_version_update AFTER UPDATE ON danvan_adminunit BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_adminunit_version_delete AFTER DELETE ON danvan_adminunit BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_agency_version_insert AFTER INSERT ON danvan_agency BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_agency_version_update AFTER UPDATE ON danvan_agency BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_agency_version_delete AFTER DELETE ON danvan_agency BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_unitsuccession_version_insert AFTER INSERT ON danvan_unitsuccession BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_unitsuccession_version_update AFTER UPDATE ON danvan_unitsuccession BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_unitsuccession_version_delete AFTER DELETE ON danvan_unitsuccession BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_citizen_version_insert AFTER INSERT ON danvan_citizen BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_citizen_version_update AFTER UPDATE ON danvan_citizen BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
        "CREATE TRIGGER danvan_citizen_version_delete AFTER DELETE ON danvan_citizen BEGIN INSERT INTO reports_recordsversion (id, number) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET number = number + 1; END",
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION reports_records_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('reports.version_raised', true) IS DISTINCT FROM txid_current()::text THEN
                INSERT INTO reports_recordsversion (id, number) VALUES (1, 1)
                    ON CONFLICT (id) DO UPDATE SET number = reports_recordsversion.number + 1;
                PERFORM set_config('reports.version_raised', txid_current()::text, true);
            END IF;
            RETURN NULL;
        END $$""",
        "CREATE CONSTRAINT TRIGGER reception_visit_version AFTER INSERT OR UPDATE OR DELETE ON reception_visit DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER reception_receptionsession_version AFTER INSERT OR UPDATE OR DELETE ON reception_receptionsession DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER complaints_petition_version AFTER INSERT OR UPDATE OR DELETE ON complaints_petition DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER danvan_case_version AFTER INSERT OR UPDATE OR DELETE ON danvan_case DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER complaints_extension_version AFTER INSERT OR UPDATE OR DELETE ON complaints_extension DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER complaints_suspension_version AFTER INSERT OR UPDATE OR DELETE ON complaints_suspension DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER complaints_decision_version AFTER INSERT OR UPDATE OR DELETE ON complaints_decision DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER complaints_enforcement_version AFTER INSERT OR UPDATE OR DELETE ON complaints_enforcement DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER complaints_verification_version AFTER INSERT OR UPDATE OR DELETE ON complaints_verification DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER complaints_complaintdialogue_version AFTER INSERT OR UPDATE OR DELETE ON complaints_complaintdialogue DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER dialogues_dialogue_version AFTER INSERT OR UPDATE OR DELETE ON dialogues_dialogue DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER dialogues_opinion_version AFTER INSERT OR UPDATE OR DELETE ON dialogues_opinion DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER dialogues_directive_version AFTER INSERT OR UPDATE OR DELETE ON dialogues_directive DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER reports_openingfigure_version AFTER INSERT OR UPDATE OR DELETE ON reports_openingfigure DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER reports_managementfigure_version AFTER INSERT OR UPDATE OR DELETE ON reports_managementfigure DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER danvan_dayoverride_version AFTER INSERT OR UPDATE OR DELETE ON danvan_dayoverride DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER danvan_adminunit_version AFTER INSERT OR UPDATE OR DELETE ON danvan_adminunit DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER danvan_agency_version AFTER INSERT OR UPDATE OR DELETE ON danvan_agency DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER danvan_unitsuccession_version AFTER INSERT OR UPDATE OR DELETE ON danvan_unitsuccession DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
        "CREATE CONSTRAINT TRIGGER danvan_citizen_version AFTER INSERT OR UPDATE OR DELETE ON danvan_citizen DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reports_records_changed()",
    ],
}

DROP = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS reception_visit_version_insert",
        "DROP TRIGGER IF EXISTS reception_visit_version_update",
        "DROP TRIGGER IF EXISTS reception_visit_version_delete",
        "DROP TRIGGER IF EXISTS reception_receptionsession_version_insert",
        "DROP TRIGGER IF EXISTS reception_receptionsession_version_update",
        "DROP TRIGGER IF EXISTS reception_receptionsession_version_delete",
        "DROP TRIGGER IF EXISTS complaints_petition_version_insert",
        "DROP TRIGGER IF EXISTS complaints_petition_version_update",
        "DROP TRIGGER IF EXISTS complaints_petition_version_delete",
        "DROP TRIGGER IF EXISTS danvan_case_version_insert",
        "DROP TRIGGER IF EXISTS danvan_case_version_update",
        "DROP TRIGGER IF EXISTS danvan_case_version_delete",
        "DROP TRIGGER IF EXISTS complaints_extension_version_insert",
        "DROP TRIGGER IF EXISTS complaints_extension_version_update",
        "DROP TRIGGER IF EXISTS complaints_extension_version_delete",
        "DROP TRIGGER IF EXISTS complaints_suspension_version_insert",
        "DROP TRIGGER IF EXISTS complaints_suspension_version_update",
        "DROP TRIGGER IF EXISTS complaints_suspension_version_delete",
        "DROP TRIGGER IF EXISTS complaints_decision_version_insert",
        "DROP TRIGGER IF EXISTS complaints_decision_version_update",
        "DROP TRIGGER IF EXISTS complaints_decision_version_delete",
        "DROP TRIGGER IF EXISTS complaints_enforcement_version_insert",
        "DROP TRIGGER IF EXISTS complaints_enforcement_version_update",
        "DROP TRIGGER IF EXISTS complaints_enforcement_version_delete",
        "DROP TRIGGER IF EXISTS complaints_verification_version_insert",
        "DROP TRIGGER IF EXISTS complaints_verification_version_update",
        "DROP TRIGGER IF EXISTS complaints_verification_version_delete",
        "DROP TRIGGER IF EXISTS complaints_complaintdialogue_version_insert",
        "DROP TRIGGER IF EXISTS complaints_complaintdialogue_version_update",
        "DROP TRIGGER IF EXISTS complaints_complaintdialogue_version_delete",
        "DROP TRIGGER IF EXISTS dialogues_dialogue_version_insert",
        "DROP TRIGGER IF EXISTS dialogues_dialogue_version_update",
        "DROP TRIGGER IF EXISTS dialogues_dialogue_version_delete",
        "DROP TRIGGER IF EXISTS dialogues_opinion_version_insert",
        "DROP TRIGGER IF EXISTS dialogues_opinion_version_update",
        "DROP TRIGGER IF EXISTS dialogues_opinion_version_delete",
        "DROP TRIGGER IF EXISTS dialogues_directive_version_insert",
        "DROP TRIGGER IF EXISTS dialogues_directive_version_update",
        "DROP TRIGGER IF EXISTS dialogues_directive_version_delete",
        "DROP TRIGGER IF EXISTS reports_openingfigure_version_insert",
        "DROP TRIGGER IF EXISTS reports_openingfigure_version_update",
        "DROP TRIGGER IF EXISTS reports_openingfigure_version_delete",
        "DROP TRIGGER IF EXISTS reports_managementfigure_version_insert",
        "DROP TRIGGER IF EXISTS reports_managementfigure_version_update",
        "DROP TRIGGER IF EXISTS reports_managementfigure_version_delete",
        "DROP TRIGGER IF EXISTS danvan_dayoverride_version_insert",
        "DROP TRIGGER IF EXISTS danvan_dayoverride_version_update",
        "DROP TRIGGER IF EXISTS danvan_dayoverride_version_delete",
        "DROP TRIGGER IF EXISTS danvan_adminunit_version_insert",
        "DROP TRIGGER IF EXISTS danvan_adminunit_version_update",
        "DROP TRIGGER IF EXISTS danvan_adminunit_version_delete",
        "DROP TRIGGER IF EXISTS danvan_agency_version_insert",
        "DROP TRIGGER IF EXISTS danvan_agency_version_update",
        "DROP TRIGGER IF EXISTS danvan_agency_version_delete",
        "DROP TRIGGER IF EXISTS danvan_unitsuccession_version_insert",
        "DROP TRIGGER IF EXISTS danvan_unitsuccession_version_update",
        "DROP TRIGGER IF EXISTS danvan_unitsuccession_version_delete",
        "DROP TRIGGER IF EXISTS danvan_citizen_version_insert",
        "DROP TRIGGER IF EXISTS danvan_citizen_version_update",
        "DROP TRIGGER IF EXISTS danvan_citizen_version_delete",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS reception_visit_version ON reception_visit",
        "DROP TRIGGER IF EXISTS reception_receptionsession_version ON reception_receptionsession",
        "DROP TRIGGER IF EXISTS complaints_petition_version ON complaints_petition",
        "DROP TRIGGER IF EXISTS danvan_case_version ON danvan_case",
        "DROP TRIGGER IF EXISTS complaints_extension_version ON complaints_extension",
        "DROP TRIGGER IF EXISTS complaints_suspension_version ON complaints_suspension",
        "DROP TRIGGER IF EXISTS complaints_decision_version ON complaints_decision",
        "DROP TRIGGER IF EXISTS complaints_enforcement_version ON complaints_enforcement",
        "DROP TRIGGER IF EXISTS complaints_verification_version ON complaints_verification",
        "DROP TRIGGER IF EXISTS complaints_complaintdialogue_version ON complaints_complaintdialogue",
        "DROP TRIGGER IF EXISTS dialogues_dialogue_version ON dialogues_dialogue",
        "DROP TRIGGER IF EXISTS dialogues_opinion_version ON dialogues_opinion",
        "DROP TRIGGER IF EXISTS dialogues_directive_version ON dialogues_directive",
        "DROP TRIGGER IF EXISTS reports_openingfigure_version ON reports_openingfigure",
        "DROP TRIGGER IF EXISTS reports_managementfigure_version ON reports_managementfigure",
        "DROP TRIGGER IF EXISTS danvan_dayoverride_version ON danvan_dayoverride",
        "DROP TRIGGER IF EXISTS danvan_adminunit_version ON danvan_adminunit",
        "DROP TRIGGER IF EXISTS danvan_agency_version ON danvan_agency",
        "DROP TRIGGER IF EXISTS danvan_unitsuccession_version ON danvan_unitsuccession",
        "DROP TRIGGER IF EXISTS danvan_citizen_version ON danvan_citizen",
        "DROP FUNCTION IF EXISTS reports_records_changed()",
    ],
}


def install_triggers(apps, schema_editor):
    for statement in CREATE[schema_editor.connection.vendor]:
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    for statement in DROP[schema_editor.connection.vendor]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("danvan", "0020_case_citizen_accepted"),
        ("reception", "0013_reference_index"),
        ("complaints", "0020_reference_index"),
        ("dialogues", "0005_dialogue_search_text"),
        ("reports", "0005_sent_report_corrections"),
    ]

    operations = [
        migrations.CreateModel(
            name="RecordsVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.BigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "phiên bản số liệu",
                "verbose_name_plural": "phiên bản số liệu",
                "constraints": [models.CheckConstraint(condition=models.Q(id=1), name="records_version_one_row")],
            },
        ),
        migrations.RunSQL("INSERT INTO reports_recordsversion (id, number) VALUES (1, 0)", migrations.RunSQL.noop),
        migrations.RunPython(install_triggers, drop_triggers),
    ]
