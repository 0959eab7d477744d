-- Every write of perkin leaves a trace of the rows it touched: the
-- triggers below note each inserted, updated or deleted row of a data
-- table (by its primary key) in audit_touched; the store turns those into
-- digests of the rows as they stand after the write, kept in the write's
-- audit entry (rows_json, covered by the hash chain), and empties the
-- list. `perkin check` replays those digests and compares them with the
-- rows: a row changed, added or deleted outside perkin is named.
--
-- The rows that exist when this migration runs are noted too: the first
-- open after it writes them as the baseline entry.

ALTER TABLE audit_log ADD COLUMN rows_json TEXT;

-- No key: a row noted twice is read once (the cheapest trigger is a plain
-- insert).
CREATE TABLE audit_touched (
    tbl   TEXT NOT NULL,
    kunci TEXT NOT NULL
);


-- agreement
CREATE TRIGGER jejak_agreement_insert AFTER INSERT ON agreement
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_update AFTER UPDATE ON agreement
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_delete AFTER DELETE ON agreement
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'agreement', CAST(id AS TEXT) FROM agreement;

-- agreement_budget
CREATE TRIGGER jejak_agreement_budget_insert AFTER INSERT ON agreement_budget
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_budget', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_budget_update AFTER UPDATE ON agreement_budget
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_budget', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_budget', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_budget_delete AFTER DELETE ON agreement_budget
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_budget', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'agreement_budget', CAST(id AS TEXT) FROM agreement_budget;

-- agreement_line
CREATE TRIGGER jejak_agreement_line_insert AFTER INSERT ON agreement_line
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_line', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_line_update AFTER UPDATE ON agreement_line
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_line', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_line', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_line_delete AFTER DELETE ON agreement_line
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_line', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'agreement_line', CAST(id AS TEXT) FROM agreement_line;

-- agreement_version
CREATE TRIGGER jejak_agreement_version_insert AFTER INSERT ON agreement_version
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_version', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_version_update AFTER UPDATE ON agreement_version
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_version', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_version', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_agreement_version_delete AFTER DELETE ON agreement_version
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('agreement_version', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'agreement_version', CAST(id AS TEXT) FROM agreement_version;

-- app_setting
CREATE TRIGGER jejak_app_setting_insert AFTER INSERT ON app_setting
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('app_setting', CAST(NEW.key AS TEXT));
END;
CREATE TRIGGER jejak_app_setting_update AFTER UPDATE ON app_setting
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('app_setting', CAST(OLD.key AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('app_setting', CAST(NEW.key AS TEXT));
END;
CREATE TRIGGER jejak_app_setting_delete AFTER DELETE ON app_setting
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('app_setting', CAST(OLD.key AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'app_setting', CAST(key AS TEXT) FROM app_setting;

-- archive_entry
CREATE TRIGGER jejak_archive_entry_insert AFTER INSERT ON archive_entry
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('archive_entry', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_archive_entry_update AFTER UPDATE ON archive_entry
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('archive_entry', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('archive_entry', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_archive_entry_delete AFTER DELETE ON archive_entry
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('archive_entry', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'archive_entry', CAST(id AS TEXT) FROM archive_entry;

-- cycle
CREATE TRIGGER jejak_cycle_insert AFTER INSERT ON cycle
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_cycle_update AFTER UPDATE ON cycle
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_cycle_delete AFTER DELETE ON cycle
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'cycle', CAST(id AS TEXT) FROM cycle;

-- cycle_unit
CREATE TRIGGER jejak_cycle_unit_insert AFTER INSERT ON cycle_unit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle_unit', CAST(NEW.cycle_id AS TEXT) || '/' || CAST(NEW.unit_id AS TEXT));
END;
CREATE TRIGGER jejak_cycle_unit_update AFTER UPDATE ON cycle_unit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle_unit', CAST(OLD.cycle_id AS TEXT) || '/' || CAST(OLD.unit_id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle_unit', CAST(NEW.cycle_id AS TEXT) || '/' || CAST(NEW.unit_id AS TEXT));
END;
CREATE TRIGGER jejak_cycle_unit_delete AFTER DELETE ON cycle_unit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('cycle_unit', CAST(OLD.cycle_id AS TEXT) || '/' || CAST(OLD.unit_id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'cycle_unit', CAST(cycle_id AS TEXT) || '/' || CAST(unit_id AS TEXT) FROM cycle_unit;

-- holiday
CREATE TRIGGER jejak_holiday_insert AFTER INSERT ON holiday
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('holiday', CAST(NEW.tanggal AS TEXT));
END;
CREATE TRIGGER jejak_holiday_update AFTER UPDATE ON holiday
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('holiday', CAST(OLD.tanggal AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('holiday', CAST(NEW.tanggal AS TEXT));
END;
CREATE TRIGGER jejak_holiday_delete AFTER DELETE ON holiday
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('holiday', CAST(OLD.tanggal AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'holiday', CAST(tanggal AS TEXT) FROM holiday;

-- office
CREATE TRIGGER jejak_office_insert AFTER INSERT ON office
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('office', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_office_update AFTER UPDATE ON office
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('office', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('office', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_office_delete AFTER DELETE ON office
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('office', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'office', CAST(id AS TEXT) FROM office;

-- official
CREATE TRIGGER jejak_official_insert AFTER INSERT ON official
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('official', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_official_update AFTER UPDATE ON official
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('official', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('official', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_official_delete AFTER DELETE ON official
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('official', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'official', CAST(id AS TEXT) FROM official;

-- print_log
CREATE TRIGGER jejak_print_log_insert AFTER INSERT ON print_log
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('print_log', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_print_log_update AFTER UPDATE ON print_log
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('print_log', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('print_log', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_print_log_delete AFTER DELETE ON print_log
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('print_log', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'print_log', CAST(id AS TEXT) FROM print_log;

-- renja_indikator
CREATE TRIGGER jejak_renja_indikator_insert AFTER INSERT ON renja_indikator
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_indikator', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renja_indikator_update AFTER UPDATE ON renja_indikator
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_indikator', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_indikator', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renja_indikator_delete AFTER DELETE ON renja_indikator
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_indikator', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renja_indikator', CAST(id AS TEXT) FROM renja_indikator;

-- renja_item
CREATE TRIGGER jejak_renja_item_insert AFTER INSERT ON renja_item
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_item', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renja_item_update AFTER UPDATE ON renja_item
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_item', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_item', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renja_item_delete AFTER DELETE ON renja_item
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_item', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renja_item', CAST(id AS TEXT) FROM renja_item;

-- renja_year
CREATE TRIGGER jejak_renja_year_insert AFTER INSERT ON renja_year
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_year', CAST(NEW.tahun AS TEXT));
END;
CREATE TRIGGER jejak_renja_year_update AFTER UPDATE ON renja_year
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_year', CAST(OLD.tahun AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_year', CAST(NEW.tahun AS TEXT));
END;
CREATE TRIGGER jejak_renja_year_delete AFTER DELETE ON renja_year
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renja_year', CAST(OLD.tahun AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renja_year', CAST(tahun AS TEXT) FROM renja_year;

-- renstra_indikator
CREATE TRIGGER jejak_renstra_indikator_insert AFTER INSERT ON renstra_indikator
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_indikator', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_indikator_update AFTER UPDATE ON renstra_indikator
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_indikator', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_indikator', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_indikator_delete AFTER DELETE ON renstra_indikator
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_indikator', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renstra_indikator', CAST(id AS TEXT) FROM renstra_indikator;

-- renstra_period
CREATE TRIGGER jejak_renstra_period_insert AFTER INSERT ON renstra_period
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_period', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_period_update AFTER UPDATE ON renstra_period
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_period', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_period', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_period_delete AFTER DELETE ON renstra_period
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_period', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renstra_period', CAST(id AS TEXT) FROM renstra_period;

-- renstra_sasaran
CREATE TRIGGER jejak_renstra_sasaran_insert AFTER INSERT ON renstra_sasaran
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_sasaran', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_sasaran_update AFTER UPDATE ON renstra_sasaran
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_sasaran', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_sasaran', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_sasaran_delete AFTER DELETE ON renstra_sasaran
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_sasaran', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renstra_sasaran', CAST(id AS TEXT) FROM renstra_sasaran;

-- renstra_target
CREATE TRIGGER jejak_renstra_target_insert AFTER INSERT ON renstra_target
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_target', CAST(NEW.indikator_id AS TEXT) || '/' || CAST(NEW.tahun AS TEXT));
END;
CREATE TRIGGER jejak_renstra_target_update AFTER UPDATE ON renstra_target
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_target', CAST(OLD.indikator_id AS TEXT) || '/' || CAST(OLD.tahun AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_target', CAST(NEW.indikator_id AS TEXT) || '/' || CAST(NEW.tahun AS TEXT));
END;
CREATE TRIGGER jejak_renstra_target_delete AFTER DELETE ON renstra_target
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_target', CAST(OLD.indikator_id AS TEXT) || '/' || CAST(OLD.tahun AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renstra_target', CAST(indikator_id AS TEXT) || '/' || CAST(tahun AS TEXT) FROM renstra_target;

-- renstra_tujuan
CREATE TRIGGER jejak_renstra_tujuan_insert AFTER INSERT ON renstra_tujuan
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_tujuan', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_tujuan_update AFTER UPDATE ON renstra_tujuan
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_tujuan', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_tujuan', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_renstra_tujuan_delete AFTER DELETE ON renstra_tujuan
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('renstra_tujuan', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'renstra_tujuan', CAST(id AS TEXT) FROM renstra_tujuan;

-- sop_template
CREATE TRIGGER jejak_sop_template_insert AFTER INSERT ON sop_template
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('sop_template', CAST(NEW.kode AS TEXT));
END;
CREATE TRIGGER jejak_sop_template_update AFTER UPDATE ON sop_template
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('sop_template', CAST(OLD.kode AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('sop_template', CAST(NEW.kode AS TEXT));
END;
CREATE TRIGGER jejak_sop_template_delete AFTER DELETE ON sop_template
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('sop_template', CAST(OLD.kode AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'sop_template', CAST(kode AS TEXT) FROM sop_template;

-- task_visit
CREATE TRIGGER jejak_task_visit_insert AFTER INSERT ON task_visit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('task_visit', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_task_visit_update AFTER UPDATE ON task_visit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('task_visit', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('task_visit', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_task_visit_delete AFTER DELETE ON task_visit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('task_visit', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'task_visit', CAST(id AS TEXT) FROM task_visit;

-- unit
CREATE TRIGGER jejak_unit_insert AFTER INSERT ON unit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('unit', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_unit_update AFTER UPDATE ON unit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('unit', CAST(OLD.id AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('unit', CAST(NEW.id AS TEXT));
END;
CREATE TRIGGER jejak_unit_delete AFTER DELETE ON unit
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('unit', CAST(OLD.id AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'unit', CAST(id AS TEXT) FROM unit;

-- work_hours
CREATE TRIGGER jejak_work_hours_insert AFTER INSERT ON work_hours
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('work_hours', CAST(NEW.weekday AS TEXT));
END;
CREATE TRIGGER jejak_work_hours_update AFTER UPDATE ON work_hours
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('work_hours', CAST(OLD.weekday AS TEXT));
    INSERT INTO audit_touched (tbl, kunci) VALUES ('work_hours', CAST(NEW.weekday AS TEXT));
END;
CREATE TRIGGER jejak_work_hours_delete AFTER DELETE ON work_hours
BEGIN
    INSERT INTO audit_touched (tbl, kunci) VALUES ('work_hours', CAST(OLD.weekday AS TEXT));
END;
INSERT INTO audit_touched (tbl, kunci) SELECT 'work_hours', CAST(weekday AS TEXT) FROM work_hours;
