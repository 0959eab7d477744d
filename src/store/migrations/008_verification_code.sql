-- A signed version's verification code (see model::agreement::
-- verification_code), written once, when it is signed, and printed on the
-- signed paper; `perkin verify` finds the version by it and says whether
-- the database still holds exactly what was signed. Versions signed before
-- this migration have none: their code is computed when asked for.

ALTER TABLE agreement_version ADD COLUMN kode_verifikasi TEXT;
CREATE INDEX agreement_version_kode ON agreement_version(kode_verifikasi);

-- The freeze, now covering the code too.
DROP TRIGGER agreement_version_frozen_update;

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
    AND NEW.kop_json IS OLD.kop_json AND NEW.kop_logo IS OLD.kop_logo
    AND NEW.kode_verifikasi IS OLD.kode_verifikasi
 )
BEGIN
    SELECT RAISE(ABORT, 'perkin: Versi Perjanjian Kinerja yang sudah ditandatangani tidak dapat diubah; buat PK Perubahan.');
END;
