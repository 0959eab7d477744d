-- The archive register and the print log, made safe.
--
-- A signed version is registered once; only a signed version can be
-- registered; the register entry and its scan hash may be corrected but an
-- entry is never deleted (the audit log keeps every change).

CREATE UNIQUE INDEX archive_entry_version ON archive_entry(version_id);
CREATE INDEX print_log_version ON print_log(version_id);

-- Why a copy was printed: to be signed, or as a copy of the signed version.
ALTER TABLE print_log ADD COLUMN tujuan TEXT NOT NULL DEFAULT 'salinan'
    CHECK (tujuan IN ('tanda_tangan', 'salinan'));

CREATE TRIGGER archive_entry_signed_only
BEFORE INSERT ON archive_entry
WHEN (SELECT status FROM agreement_version WHERE id = NEW.version_id)
     NOT IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Hanya versi Perjanjian Kinerja yang sudah ditandatangani yang dapat didaftarkan di arsip.');
END;

CREATE TRIGGER archive_entry_keep_version
BEFORE UPDATE OF version_id ON archive_entry
WHEN NEW.version_id IS NOT OLD.version_id
BEGIN
    SELECT RAISE(ABORT, 'perkin: Entri arsip tetap milik versi yang didaftarkan.');
END;

CREATE TRIGGER archive_entry_no_delete
BEFORE DELETE ON archive_entry
BEGIN
    SELECT RAISE(ABORT, 'perkin: Entri register arsip tidak dapat dihapus; ubah keterangannya bila keliru.');
END;

CREATE TRIGGER print_log_no_change
BEFORE UPDATE ON print_log
BEGIN
    SELECT RAISE(ABORT, 'perkin: Catatan cetak tidak dapat diubah.');
END;

CREATE TRIGGER print_log_no_delete
BEFORE DELETE ON print_log
BEGIN
    SELECT RAISE(ABORT, 'perkin: Catatan cetak tidak dapat dihapus.');
END;
