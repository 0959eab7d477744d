-- A signed Perjanjian Kinerja is read-only for ever: its version row, lines
-- and budget lines refuse every change. The only move left is archiving
-- (ditandatangani -> diarsipkan) with nothing else changed.

CREATE TRIGGER agreement_version_frozen_update
BEFORE UPDATE ON agreement_version
WHEN OLD.status IN ('ditandatangani', 'diarsipkan')
 AND NOT (
        OLD.status = 'ditandatangani' AND NEW.status = 'diarsipkan'
    AND NEW.id IS OLD.id AND NEW.agreement_id IS OLD.agreement_id AND NEW.versi IS OLD.versi
    AND NEW.nomor IS OLD.nomor AND NEW.tempat IS OLD.tempat AND NEW.tanggal IS OLD.tanggal
    AND NEW.alasan_jenis IS OLD.alasan_jenis AND NEW.alasan IS OLD.alasan
    AND NEW.p1_official_id IS OLD.p1_official_id AND NEW.p1_nama IS OLD.p1_nama
    AND NEW.p1_nip IS OLD.p1_nip AND NEW.p1_pangkat IS OLD.p1_pangkat
    AND NEW.p1_jabatan IS OLD.p1_jabatan AND NEW.p1_status IS OLD.p1_status
    AND NEW.p2_official_id IS OLD.p2_official_id AND NEW.p2_nama IS OLD.p2_nama
    AND NEW.p2_nip IS OLD.p2_nip AND NEW.p2_pangkat IS OLD.p2_pangkat
    AND NEW.p2_jabatan IS OLD.p2_jabatan AND NEW.p2_status IS OLD.p2_status
    AND NEW.signed_at IS OLD.signed_at AND NEW.created_at IS OLD.created_at
 )
BEGIN
    SELECT RAISE(ABORT, 'perkin: Versi Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah; buat PK Perubahan.');
END;

CREATE TRIGGER agreement_version_frozen_delete
BEFORE DELETE ON agreement_version
WHEN OLD.status IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Versi Perjanjian Kinerja yang sudah ditandatangani tidak dapat dihapus.');
END;

CREATE TRIGGER agreement_line_frozen_insert
BEFORE INSERT ON agreement_line
WHEN (SELECT status FROM agreement_version WHERE id = NEW.version_id) IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Baris Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah.');
END;

CREATE TRIGGER agreement_line_frozen_update
BEFORE UPDATE ON agreement_line
WHEN (SELECT status FROM agreement_version WHERE id = OLD.version_id) IN ('ditandatangani', 'diarsipkan')
  OR (SELECT status FROM agreement_version WHERE id = NEW.version_id) IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Baris Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah.');
END;

CREATE TRIGGER agreement_line_frozen_delete
BEFORE DELETE ON agreement_line
WHEN (SELECT status FROM agreement_version WHERE id = OLD.version_id) IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Baris Perjanjian Kinerja yang sudah ditandatangani tidak dapat dihapus.');
END;

CREATE TRIGGER agreement_budget_frozen_insert
BEFORE INSERT ON agreement_budget
WHEN (SELECT status FROM agreement_version WHERE id = NEW.version_id) IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Anggaran Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah.');
END;

CREATE TRIGGER agreement_budget_frozen_update
BEFORE UPDATE ON agreement_budget
WHEN (SELECT status FROM agreement_version WHERE id = OLD.version_id) IN ('ditandatangani', 'diarsipkan')
  OR (SELECT status FROM agreement_version WHERE id = NEW.version_id) IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Anggaran Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah.');
END;

CREATE TRIGGER agreement_budget_frozen_delete
BEFORE DELETE ON agreement_budget
WHEN (SELECT status FROM agreement_version WHERE id = OLD.version_id) IN ('ditandatangani', 'diarsipkan')
BEGIN
    SELECT RAISE(ABORT, 'perkin: Anggaran Perjanjian Kinerja yang sudah ditandatangani tidak dapat dihapus.');
END;

-- An agreement whose versions include a signed one cannot be deleted.
CREATE TRIGGER agreement_frozen_delete
BEFORE DELETE ON agreement
WHEN EXISTS (SELECT 1 FROM agreement_version
             WHERE agreement_id = OLD.id AND status IN ('ditandatangani', 'diarsipkan'))
BEGIN
    SELECT RAISE(ABORT, 'perkin: Perjanjian Kinerja yang sudah ditandatangani tidak dapat dihapus.');
END;
