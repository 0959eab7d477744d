//! The archive register of signed agreements (paper place and scanned copy)
//! and the print log.
//!
//! A scan is copied into the `pindaian` folder beside the database under the
//! name of its SHA-256 (`<hash>.pdf`), and the hash is recorded with the
//! entry, so a scan that goes missing or is altered afterwards is found by
//! [`Store::check_scans`]. Scans are never overwritten or deleted by perkin:
//! a replaced scan stays in the folder, and the audit log names both hashes.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};
use sha2::{Digest, Sha256};

use super::{AuditMeta, Result, Store, StoreError, Written, image, io_message, ts};
use crate::model::agreement::{PrintPurpose, Status, Transition, VersionDoc};
use crate::model::archive::{
    ArchiveRow, NewArchive, PrintRow, Scan, ScanCheck, ScanState, Unregistered, leading_number,
    next_agenda_of, same_agenda,
};
use crate::model::id::{ArchiveId, PrintId, VersionId};

/// The largest scan accepted: 50 MB.
pub const SCAN_MAKS: u64 = 50 * 1024 * 1024;

/// The folder of the scans, beside the database.
pub const SCAN_DIR: &str = "pindaian";

/// What a scan is, told by its content (never by its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanKind {
    Pdf,
    Jpeg,
    Png,
}

impl ScanKind {
    /// Reads the first bytes: `%PDF-` (within the first kilobyte, as the
    /// PDF standard allows), the JPEG SOI marker, or the PNG signature.
    pub fn sniff(head: &[u8]) -> Option<ScanKind> {
        // The images are told as the letterhead logo is.
        match super::logo_mime(head) {
            Some("image/png") => return Some(ScanKind::Png),
            Some("image/jpeg") => return Some(ScanKind::Jpeg),
            _ => {}
        }
        if head[..head.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
        {
            Some(ScanKind::Pdf)
        } else {
            None
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ScanKind::Pdf => "application/pdf",
            ScanKind::Jpeg => "image/jpeg",
            ScanKind::Png => "image/png",
        }
    }

    pub fn ext(self) -> &'static str {
        match self {
            ScanKind::Pdf => "pdf",
            ScanKind::Jpeg => "jpg",
            ScanKind::Png => "png",
        }
    }

    fn from_mime(mime: &str) -> Option<ScanKind> {
        [ScanKind::Pdf, ScanKind::Jpeg, ScanKind::Png]
            .into_iter()
            .find(|k| k.mime() == mime)
    }
}

/// The SHA-256 of some bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The file name a scan is stored under.
pub fn scan_file_name(sha256: &str, mime: &str) -> String {
    let ext = ScanKind::from_mime(mime).map_or("bin", ScanKind::ext);
    format!("{sha256}.{ext}")
}

const SELECT_ENTRY: &str = "SELECT e.id, e.version_id, e.nomor_agenda, e.tanggal, e.rangkap, e.lemari, e.rak, e.boks, e.map,
        e.diserahkan_kepada, e.tanggal_serah, e.keterangan, e.scan_sha256, e.scan_nama, e.scan_mime, e.scan_bytes,
        e.tahun, a.id, a.unit_id, u.nama, a.jenis, v.versi, v.nomor
 FROM archive_entry e
 JOIN agreement_version v ON v.id = e.version_id
 JOIN agreement a ON a.id = v.agreement_id
 JOIN unit u ON u.id = a.unit_id";

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn read_entry(r: &Row<'_>) -> rusqlite::Result<ArchiveRow> {
    let sha: Option<String> = r.get(12)?;
    let scan = match sha {
        Some(sha256) => Some(Scan {
            sha256,
            nama: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
            mime: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
            bytes: r.get::<_, Option<i64>>(15)?.unwrap_or_default(),
        }),
        None => None,
    };
    Ok(ArchiveRow {
        id: r.get(0)?,
        entry: NewArchive {
            version_id: r.get(1)?,
            nomor_agenda: r.get(2)?,
            tanggal: date(r.get(3)?).unwrap_or_default(),
            rangkap: r.get(4)?,
            lemari: r.get(5)?,
            rak: r.get(6)?,
            boks: r.get(7)?,
            map: r.get(8)?,
            diserahkan_kepada: r.get(9)?,
            tanggal_serah: date(r.get(10)?),
            keterangan: r.get(11)?,
        },
        scan,
        tahun: r.get(16)?,
        agreement_id: r.get(17)?,
        unit_id: r.get(18)?,
        unit: r.get(19)?,
        jenis: r.get(20)?,
        versi: r.get(21)?,
        nomor_pk: r.get(22)?,
    })
}

/// Writes the editable fields of an entry.
fn set_fields(
    tx: &rusqlite::Transaction<'_>,
    id: ArchiveId,
    e: &NewArchive,
) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE archive_entry SET nomor_agenda = ?2, tanggal = ?3, rangkap = ?4, lemari = ?5, rak = ?6,
            boks = ?7, map = ?8, diserahkan_kepada = ?9, tanggal_serah = ?10, keterangan = ?11
         WHERE id = ?1",
        params![
            id,
            e.nomor_agenda,
            e.tanggal.to_string(),
            e.rangkap,
            e.lemari,
            e.rak,
            e.boks,
            e.map,
            e.diserahkan_kepada,
            e.tanggal_serah.map(|d| d.to_string()),
            e.keterangan
        ],
    )
}

/// Reads a scan the user picked: at most [`SCAN_MAKS`], and a PDF, JPEG or
/// PNG by its content.
pub fn read_scan(path: &Path) -> Result<(Vec<u8>, ScanKind)> {
    let io = |e: std::io::Error| {
        StoreError::Invalid(format!(
            "Berkas pindaian {} tidak dapat dibaca: {}",
            path.display(),
            io_message(&e)
        ))
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(StoreError::Invalid(format!(
            "{} adalah folder; pilih berkas pindaian (PDF, JPG atau PNG)",
            path.display()
        )));
    }
    if meta.len() > SCAN_MAKS {
        return Err(StoreError::Invalid(format!(
            "Berkas pindaian terlalu besar ({}); maksimal 50 MB. Pindai ulang dengan resolusi lebih rendah.",
            crate::fmt::ukuran(meta.len())
        )));
    }
    if meta.len() == 0 {
        return Err(StoreError::Invalid(
            "Berkas pindaian kosong (0 bita)".into(),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .map_err(io)?
        // A file that grew since: never read more than the limit (+1 to see it).
        .take(SCAN_MAKS + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > SCAN_MAKS {
        return Err(StoreError::Invalid(
            "Berkas pindaian terlalu besar; maksimal 50 MB".into(),
        ));
    }
    let kind = ScanKind::sniff(&bytes).ok_or_else(|| {
        StoreError::Invalid(format!(
            "{} bukan PDF, JPG atau PNG (dilihat dari isinya, bukan dari namanya). Pindaian tidak dilampirkan.",
            path.file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
        ))
    })?;
    Ok((bytes, kind))
}

/// The verification codes a file names in plain text ("Kode verifikasi
/// 7K3QM-2XW9P", as perkin writes it in a signed PK's keywords).
pub fn codes_in(bytes: &[u8]) -> Vec<String> {
    let needle = format!("{} ", crate::pdf::KODE_VERIFIKASI);
    let needle = needle.as_bytes();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(needle.len()).position(|w| w == needle) {
        let start = i + p + needle.len();
        let tail = &bytes[start..bytes.len().min(start + 11)];
        if let Some(k) = std::str::from_utf8(tail)
            .ok()
            .and_then(crate::model::agreement::normal_code)
            && !out.contains(&k)
        {
            out.push(k);
        }
        i = start;
    }
    out
}

/// Writes `bytes` to `dest` through a temporary file in the same folder, so
/// a crash never leaves half a file under the final name.
pub fn write_file_atomic(dest: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_through_temp(dest, bytes, true)
}

/// [`write_file_atomic`]; `sync`: the bytes reach the disk before the
/// rename (without it a power cut may keep the old file, never half a one).
pub(crate) fn write_through_temp(dest: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    use std::io::Write;
    let mut tmp = dest.as_os_str().to_owned();
    tmp.push(".sementara");
    let tmp = PathBuf::from(tmp);
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        if sync {
            f.sync_all()?;
        }
        drop(f);
        std::fs::rename(&tmp, dest)
    })();
    // Nothing half-written stays behind, whatever step failed.
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

impl Store {
    /// The folder of the scans: `pindaian` beside the database.
    pub fn scan_dir(&self) -> PathBuf {
        self.path()
            .parent()
            .unwrap_or(Path::new("."))
            .join(SCAN_DIR)
    }

    /// Where the scan of an entry is stored.
    pub fn scan_path(&self, scan: &Scan) -> PathBuf {
        self.scan_dir()
            .join(scan_file_name(&scan.sha256, &scan.mime))
    }

    /// The next free agenda number of a year: one past the highest leading
    /// number used, three digits ("001", "002", …).
    pub fn next_agenda(&self, tahun: i32) -> Result<String> {
        let mut stmt = self
            .conn
            .prepare("SELECT nomor_agenda FROM archive_entry WHERE tahun = ?1")?;
        let used = stmt
            .query_map([tahun], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(next_agenda_of(used.iter().map(String::as_str)))
    }

    /// Refuses an agenda number the year already has, also written
    /// otherwise ("1" beside "001": [`same_agenda`]).
    fn duplicate_agenda(&self, tahun: i32, nomor: &str, except: Option<ArchiveId>) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT e.nomor_agenda, u.nama, v.versi FROM archive_entry e
             JOIN agreement_version v ON v.id = e.version_id
             JOIN agreement a ON a.id = v.agreement_id
             JOIN unit u ON u.id = a.unit_id
             WHERE e.tahun = ?1 AND e.id IS NOT ?2",
        )?;
        let rows = stmt
            .query_map(params![tahun, except], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i32>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        match rows.into_iter().find(|(n, _, _)| same_agenda(n, nomor)) {
            Some((used, unit, versi)) => Err(StoreError::Invalid(format!(
                "Nomor agenda {} sudah dipakai pada register arsip {tahun} sebagai {used} ({unit}, versi {versi}). Pilih nomor lain.",
                nomor.trim()
            ))),
            None => Ok(()),
        }
    }

    /// Refuses a registration dated before the version was signed.
    fn not_before_signing(&self, doc: &VersionDoc, tanggal: NaiveDate) -> Result<()> {
        let signed = doc
            .signed_at
            .as_deref()
            .and_then(|t| super::parse_time(t).ok())
            .map(|t| self.calendar().map(|k| k.ke_lokal(t).date()))
            .transpose()?;
        match signed {
            Some(s) if tanggal < s => Err(StoreError::Invalid(format!(
                "Tanggal pendaftaran {} sebelum versi ini ditandatangani ({}): pendaftaran di arsip tidak boleh mendahului penandatanganan",
                crate::fmt::tanggal(tanggal),
                crate::fmt::tanggal(s)
            ))),
            _ => Ok(()),
        }
    }

    /// Registers a signed version in the archive; the version becomes
    /// "diarsipkan". Returns the entry id.
    pub fn register_archive(&mut self, e: &NewArchive) -> Result<ArchiveId> {
        e.validate()?;
        let doc = self.version(e.version_id)?;
        if !doc.status.is_signed() {
            return Err(StoreError::Invalid(format!(
                "Versi {} Perjanjian Kinerja {} berstatus {}: hanya versi yang sudah ditandatangani yang dapat didaftarkan di arsip",
                doc.versi,
                doc.unit,
                doc.status.label().to_lowercase()
            )));
        }
        if let Some(id) = self.archive_of(e.version_id)? {
            let nomor: String = self.conn.query_row(
                "SELECT nomor_agenda FROM archive_entry WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            return Err(StoreError::Invalid(format!(
                "Versi {} Perjanjian Kinerja {} sudah terdaftar di arsip dengan nomor agenda {nomor}",
                doc.versi, doc.unit
            )));
        }
        self.duplicate_agenda(doc.tahun, &e.nomor_agenda, None)?;
        self.not_before_signing(&doc, e.tanggal)?;
        let now = ts(self.now());
        let tahun = doc.tahun;
        let e = e.cleaned();
        self.write(AuditMeta::new("daftar", "arsip"), |tx| {
            tx.execute(
                "INSERT INTO archive_entry (version_id, tahun, nomor_agenda, tanggal, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    e.version_id,
                    tahun,
                    e.nomor_agenda,
                    e.tanggal.to_string(),
                    now
                ],
            )?;
            let id = ArchiveId(tx.last_insert_rowid());
            set_fields(tx, id, &e)?;
            tx.execute(
                "UPDATE agreement_version SET status = ?2 WHERE id = ?1 AND status = ?3",
                params![
                    e.version_id,
                    Transition::Archive.to(),
                    Status::Ditandatangani
                ],
            )?;
            Ok(Written::new(id, id, None, Some(image(&e))))
        })
    }

    /// Corrects an entry (place, handover, note, number); the version stays.
    pub fn update_archive(&mut self, id: ArchiveId, e: &NewArchive) -> Result<()> {
        e.validate()?;
        let old = self.archive_entry(id)?;
        if old.entry.version_id != e.version_id {
            return Err(StoreError::Invalid(
                "Entri arsip tetap milik versi yang didaftarkan".into(),
            ));
        }
        self.duplicate_agenda(old.tahun, &e.nomor_agenda, Some(id))?;
        self.not_before_signing(&self.version(e.version_id)?, e.tanggal)?;
        let e = e.cleaned();
        self.write(AuditMeta::new("ubah", "arsip"), |tx| {
            set_fields(tx, id, &e)?;
            Ok(Written::new(
                (),
                id,
                Some(image(&old.entry)),
                Some(image(&e)),
            ))
        })
    }

    /// Attaches the scanned signed copy to an entry: checked (content and
    /// size), copied into the scan folder under its hash, the hash recorded.
    pub fn attach_scan(&mut self, id: ArchiveId, src: &Path) -> Result<Scan> {
        let (bytes, kind) = read_scan(src)?;
        let old = self.archive_entry(id)?;
        let sha = sha256_hex(&bytes);
        self.scan_used_elsewhere(id, &sha)?;
        self.scan_names_this_version(&old, &bytes)?;
        let scan = Scan {
            sha256: sha256_hex(&bytes),
            nama: src
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            mime: kind.mime().to_string(),
            bytes: bytes.len() as i64,
        };
        let dest = self.scan_path(&scan);
        // Content-addressed: an intact file of the same name is this scan.
        let intact = std::fs::read(&dest).is_ok_and(|b| sha256_hex(&b) == scan.sha256);
        if !intact {
            std::fs::create_dir_all(self.scan_dir())
                .and_then(|_| write_file_atomic(&dest, &bytes))
                .map_err(|e| StoreError::Io {
                    path: dest.clone(),
                    source: e,
                })?;
        }
        let s = scan.clone();
        self.write(AuditMeta::new("lampirkan", "arsip"), |tx| {
            tx.execute(
                "UPDATE archive_entry SET scan_sha256 = ?2, scan_nama = ?3, scan_mime = ?4, scan_bytes = ?5 WHERE id = ?1",
                params![id, s.sha256, s.nama, s.mime, s.bytes],
            )?;
            Ok(Written::new(
                (),
                id,
                old.scan.as_ref().map(image),
                Some(image(&s)),
            ))
        })?;
        Ok(scan)
    }

    /// Where the scan's text can be read (a PDF perkin wrote, or one that
    /// keeps its text plain) and names a verification code, the code must
    /// be this version's: the paper of another agreement is refused.
    fn scan_names_this_version(&self, entry: &ArchiveRow, bytes: &[u8]) -> Result<()> {
        let found = codes_in(bytes);
        if found.is_empty() {
            return Ok(());
        }
        let doc = self.version(entry.entry.version_id)?;
        let own = doc
            .kode_verifikasi
            .clone()
            .unwrap_or_else(|| super::agreement::verification_code(&doc));
        if found.contains(&own) {
            return Ok(());
        }
        let whose = match self.verify_code(&found[0])? {
            Some(v) => format!(
                "milik PK {} {} versi {}",
                v.doc.tahun, v.doc.unit, v.doc.versi
            ),
            None => "yang tidak ada di basis data ini".to_string(),
        };
        Err(StoreError::Invalid(format!(
            "Pindaian ini memuat kode verifikasi {} {whose}, bukan kode versi ini ({own}); pilih pindaian Perjanjian Kinerja yang benar",
            found[0]
        )))
    }

    /// Refuses the scan of another entry (the same SHA-256): one signed
    /// paper is the scan of one agreement.
    fn scan_used_elsewhere(&self, id: ArchiveId, sha: &str) -> Result<()> {
        let other: Option<(String, i32, String)> = self
            .conn
            .query_row(
                "SELECT e.nomor_agenda, e.tahun, u.nama FROM archive_entry e
                 JOIN agreement_version v ON v.id = e.version_id
                 JOIN agreement a ON a.id = v.agreement_id
                 JOIN unit u ON u.id = a.unit_id
                 WHERE e.scan_sha256 = ?1 AND e.id IS NOT ?2",
                params![sha, id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match other {
            Some((nomor, tahun, unit)) => Err(StoreError::Invalid(format!(
                "Berkas pindaian ini sudah dilampirkan pada entri arsip {nomor} ({tahun}, {unit}); pilih pindaian Perjanjian Kinerja yang benar"
            ))),
            None => Ok(()),
        }
    }

    /// The register entry of a version, if it has one.
    pub fn archive_of(&self, version_id: VersionId) -> Result<Option<ArchiveId>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM archive_entry WHERE version_id = ?1",
                [version_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn archive_entry(&self, id: ArchiveId) -> Result<ArchiveRow> {
        self.conn
            .query_row(&format!("{SELECT_ENTRY} WHERE e.id = ?1"), [id], read_entry)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("Entri arsip {id}")))
    }

    /// The register, of one year or of all years: by year, then agenda number.
    pub fn archive_entries(&self, tahun: Option<i32>) -> Result<Vec<ArchiveRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT_ENTRY} WHERE ?1 IS NULL OR e.tahun = ?1 ORDER BY e.tahun, e.tanggal, e.id"
        ))?;
        let mut rows = stmt
            .query_map([tahun], read_entry)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // "2" before "10": by the leading number, then as text.
        rows.sort_by(|a, b| {
            a.tahun.cmp(&b.tahun).then_with(|| {
                leading_number(&a.entry.nomor_agenda)
                    .cmp(&leading_number(&b.entry.nomor_agenda))
                    .then_with(|| a.entry.nomor_agenda.cmp(&b.entry.nomor_agenda))
            })
        });
        Ok(rows)
    }

    /// The years that have register entries.
    pub fn archive_years(&self) -> Result<Vec<i32>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT tahun FROM archive_entry ORDER BY tahun")?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Signed versions not yet registered (of every year): the reminders.
    pub fn unregistered(&self) -> Result<Vec<Unregistered>> {
        let mut stmt = self.conn.prepare(
            "SELECT v.id, a.id, a.tahun, u.nama, v.versi, v.signed_at
             FROM agreement_version v
             JOIN agreement a ON a.id = v.agreement_id
             JOIN unit u ON u.id = a.unit_id
             WHERE v.status = 'ditandatangani'
               AND NOT EXISTS (SELECT 1 FROM archive_entry e WHERE e.version_id = v.id)
             ORDER BY a.tahun, u.urutan, u.id, v.versi",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Unregistered {
                    version_id: r.get(0)?,
                    agreement_id: r.get(1)?,
                    tahun: r.get(2)?,
                    unit: r.get(3)?,
                    versi: r.get(4)?,
                    signed_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// "Periksa berkas": every entry with a scan, its stored file read again
    /// and hashed.
    pub fn check_scans(&self) -> Result<Vec<ScanCheck>> {
        let entries = self.archive_entries(None)?;
        Ok(entries
            .into_iter()
            .filter_map(|e| {
                let scan = e.scan.as_ref()?;
                let state = match std::fs::read(self.scan_path(scan)) {
                    Ok(b) => {
                        let found = sha256_hex(&b);
                        if found == scan.sha256 {
                            ScanState::Cocok
                        } else {
                            ScanState::Berubah { ditemukan: found }
                        }
                    }
                    Err(err) if err.kind() == std::io::ErrorKind::NotFound => ScanState::Hilang,
                    Err(err) => ScanState::TakTerbaca(io_message(&err)),
                };
                Some(ScanCheck {
                    entry_id: e.id,
                    nomor_agenda: e.entry.nomor_agenda.clone(),
                    unit: e.unit.clone(),
                    state,
                })
            })
            .collect())
    }

    /// Records a print of a version (after its PDF was written).
    pub fn record_print(
        &mut self,
        version_id: VersionId,
        rangkap: u32,
        tujuan: PrintPurpose,
    ) -> Result<PrintId> {
        if !(1..=99).contains(&rangkap) {
            return Err(StoreError::Invalid(
                "Jumlah rangkap harus 1 sampai 99".into(),
            ));
        }
        let doc = self.version(version_id)?;
        if doc.status.print_purpose() != Some(tujuan) {
            return Err(StoreError::Invalid(format!(
                "Versi {} berstatus {}: tidak dapat dicetak {}",
                doc.versi,
                doc.status.label().to_lowercase(),
                tujuan.label()
            )));
        }
        let at = ts(self.now());
        let operator = self.operator().to_string();
        self.write(AuditMeta::new("cetak", "cetak"), |tx| {
            tx.execute(
                "INSERT INTO print_log (version_id, at, rangkap, operator, final, tujuan) VALUES (?1, ?2, ?3, ?4, 1, ?5)",
                params![version_id, at, rangkap, operator, tujuan],
            )?;
            let id = PrintId(tx.last_insert_rowid());
            Ok(Written::new(
                id,
                id,
                None,
                Some(serde_json::json!({
                    "versi_id": version_id,
                    "rangkap": rangkap,
                    "tujuan": tujuan.kode(),
                })),
            ))
        })
    }

    /// The prints of a version, oldest first.
    pub fn prints(&self, version_id: VersionId) -> Result<Vec<PrintRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, version_id, at, rangkap, operator, tujuan FROM print_log WHERE version_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([version_id], |r| {
                Ok(PrintRow {
                    id: r.get(0)?,
                    version_id: r.get(1)?,
                    at: r.get(2)?,
                    rangkap: r.get(3)?,
                    operator: r.get(4)?,
                    tujuan: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_are_told_by_content() {
        assert_eq!(ScanKind::sniff(b"%PDF-1.7\n..."), Some(ScanKind::Pdf));
        // Junk before the header is allowed within the first kilobyte.
        let mut late = vec![b' '; 500];
        late.extend_from_slice(b"%PDF-1.4");
        assert_eq!(ScanKind::sniff(&late), Some(ScanKind::Pdf));
        let mut too_late = vec![b' '; 1100];
        too_late.extend_from_slice(b"%PDF-1.4");
        assert_eq!(ScanKind::sniff(&too_late), None);
        assert_eq!(
            ScanKind::sniff(&[0xff, 0xd8, 0xff, 0xe0]),
            Some(ScanKind::Jpeg)
        );
        assert_eq!(
            ScanKind::sniff(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0]),
            Some(ScanKind::Png)
        );
        assert_eq!(ScanKind::sniff(b"PK\x03\x04 a zip named scan.pdf"), None);
        assert_eq!(ScanKind::sniff(b""), None);
    }
}
