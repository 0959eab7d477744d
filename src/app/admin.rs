//! What the command line does to a database file, without the window: the
//! demo office, the health check, the PDFs, backups and the SOP templates.
//! The command line (`src/cli`) only parses its arguments and prints what
//! these return.

use std::path::{Path, PathBuf};

use crate::model::sop::SopTemplate;
use crate::model::worktime::Kalender;
use crate::pdf::{Kertas, Kop};
use crate::store::{Store, TemplateRow, io_message};

fn read_only(path: &Path) -> Result<Store, String> {
    Store::open_read_only(path).map_err(|e| e.to_string())
}

/// Builds the demo office into a new database; returns its summary.
pub fn create_demo(path: &Path, now: chrono::DateTime<chrono::Utc>) -> Result<String, String> {
    let mut store = Store::open(path).map_err(|e| e.to_string())?;
    crate::demo::create(&mut store, now).map_err(|e| e.to_string())
}

/// What `perkin check` found.
#[derive(Clone, Debug, PartialEq)]
pub struct Health {
    /// Every fault, named (empty: healthy).
    pub faults: Vec<String>,
    /// Archive scans checked against their hash.
    pub scans: usize,
    /// Rows of the audit log (its newest id).
    pub audit_rows: i64,
}

/// SQLite integrity, foreign keys, the audit hash chain and every archive
/// scan against its hash.
pub fn check(path: &Path) -> Result<Health, String> {
    let store = read_only(path)?;
    let mut faults = store.check().map_err(|e| e.to_string())?;
    let scans = store.check_scans().map_err(|e| e.to_string())?;
    faults.extend(scans.iter().filter(|c| !c.state.ok()).map(|c| {
        format!(
            "Pindaian arsip nomor agenda {} ({}): {}",
            c.nomor_agenda,
            c.unit,
            c.state.label()
        )
    }));
    Ok(Health {
        faults,
        scans: scans.len(),
        audit_rows: store.audit_last_id().map_err(|e| e.to_string())?,
    })
}

/// What a verification code says, as sentences: the version it names and
/// whether the database still holds exactly what was signed (true), or
/// that no version has it.
pub fn verify(store: &Store, code: &str) -> Result<(bool, String), String> {
    let found = store.verify_code(code).map_err(|e| e.to_string())?;
    let Some(v) = found else {
        return Ok((
            false,
            format!(
                "Tidak ada Perjanjian Kinerja yang ditandatangani dengan kode {}. Periksa penulisannya; bila benar, naskah ini tidak berasal dari basis data ini.",
                code.trim()
            ),
        ));
    };
    let d = &v.doc;
    let tanggal = d
        .content
        .tanggal
        .map(crate::fmt::tanggal)
        .unwrap_or_default();
    let naskah = format!(
        "{} {} — {}, versi {}, nomor {}, {}",
        if d.versi > 1 { "PK Perubahan" } else { "PK" },
        d.tahun,
        d.unit,
        d.versi,
        d.content.nomor,
        tanggal
    );
    Ok(if v.cocok {
        (
            true,
            format!(
                "Kode cocok: {naskah}. Isi di basis data sama persis dengan yang ditandatangani."
            ),
        )
    } else {
        (
            false,
            format!(
                "PERHATIAN: kode ini milik {naskah}, tetapi isi di basis data kini berbeda dari yang ditandatangani. Jalankan perkin check."
            ),
        )
    })
}

/// [`verify`] on the database at `path`.
pub fn verify_file(path: &Path, code: &str) -> Result<(bool, String), String> {
    verify(&read_only(path)?, code)
}

/// The office's letterhead.
fn kop_of(store: &Store) -> Result<Kop, String> {
    let logo = store.logo().map_err(|e| e.to_string())?.map(|(b, _)| b);
    let office = store.office().map_err(|e| e.to_string())?;
    Ok(super::documents::kop(&office, logo))
}

/// The SOP sheet of template `kode` into `dest`.
pub fn sop_pdf(path: &Path, kode: &str, dest: &Path, kertas: Kertas) -> Result<(), String> {
    let store = read_only(path)?;
    let t = store.template(kode).map_err(|e| e.to_string())?;
    let bytes = crate::pdf::sop_pdf(&t, &kop_of(&store)?, kertas).map_err(|e| e.to_string())?;
    write_file(dest, &bytes)
}

/// One PDF per version of each agreement of `year` (or of every year) into
/// the folder `dest`; returns the files written.
pub fn agreement_pdfs(
    path: &Path,
    year: Option<i32>,
    dest: &Path,
    kertas: Kertas,
) -> Result<Vec<PathBuf>, String> {
    let store = read_only(path)?;
    let kop = kop_of(&store)?;
    std::fs::create_dir_all(dest).map_err(|e| {
        format!(
            "Folder {} tidak dapat dibuat: {}",
            dest.display(),
            io_message(&e)
        )
    })?;
    let years = match year {
        Some(y) => vec![y],
        None => store.agreement_years().map_err(|e| e.to_string())?,
    };
    let mut written = Vec::new();
    for y in years {
        for a in store.agreements(y).map_err(|e| e.to_string())? {
            for (vid, versi, _) in store.versions(a.id).map_err(|e| e.to_string())? {
                let doc = store.version(vid).map_err(|e| e.to_string())?;
                let pk = super::documents::agreement_doc(&doc, kop.clone(), kertas);
                let bytes = crate::pdf::agreement_pdf(&pk).map_err(|e| e.to_string())?;
                let file = dest.join(crate::pdf::agreement_file_name(y, &a.unit, versi));
                write_file(&file, &bytes)?;
                written.push(file);
            }
        }
    }
    Ok(written)
}

/// What `perkin backup` made.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupMade {
    /// The .zip with the database and the scans.
    Full { pindaian: usize, bytes: u64 },
    /// A checked copy of the database.
    Copy,
}

/// An online backup of the database (it may be open in the window): to a
/// `.zip`, the full backup with the scans (never over an existing file).
pub fn backup(path: &Path, to: &Path) -> Result<BackupMade, String> {
    let store = read_only(path)?;
    let zip = to
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if !zip {
        store.backup_to(to).map_err(|e| e.to_string())?;
        return Ok(BackupMade::Copy);
    }
    if to.exists() {
        return Err(format!(
            "Berkas tujuan {} sudah ada; pilih nama lain agar tidak tertimpa",
            to.display()
        ));
    }
    let s = store.full_backup(to).map_err(|e| e.to_string())?;
    Ok(BackupMade::Full {
        pindaian: s.pindaian,
        bytes: s.bytes,
    })
}

/// The office calendar of a database.
pub fn calendar(path: &Path) -> Result<Kalender, String> {
    read_only(path)?.calendar().map_err(|e| e.to_string())
}

/// The SOP templates of a database.
pub fn templates(path: &Path) -> Result<Vec<TemplateRow>, String> {
    read_only(path)?.templates().map_err(|e| e.to_string())
}

/// One SOP template of a database.
pub fn template(path: &Path, kode: &str) -> Result<SopTemplate, String> {
    read_only(path)?.template(kode).map_err(|e| e.to_string())
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| {
        format!(
            "Berkas {} tidak dapat ditulis: {}",
            path.display(),
            io_message(&e)
        )
    })
}
