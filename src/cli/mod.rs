//! The admin command line. Every message is Indonesian; exit codes: 0 ok,
//! 1 a fault found or an action refused, 2 a usage error.

mod table;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand};

use crate::app::admin;
use crate::model::sop::{SopTemplate, sop_bawaan};
use crate::model::worktime::standard::Waktu;
use crate::model::worktime::{Kalender, Zona, fmt_durasi};
use crate::store::{default_db_path, io_message};

const HELP_TEMPLATE: &str = "\
{before-help}{name} {version} — {about}

Penggunaan: {usage}

{all-args}{after-help}";

const SUB_TEMPLATE: &str = "\
{about}

Penggunaan: {usage}

{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "perkin",
    version,
    about = "Perjanjian Kinerja: penyusunan, alur SOP, dan arsip",
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_help_heading = "Perintah",
    subcommand_value_name = "PERINTAH",
    next_help_heading = "Opsi",
    override_usage = "perkin [--db BERKAS] [PERINTAH]",
    after_help = "Tanpa PERINTAH, perkin membuka jendela aplikasi."
)]
pub struct Cli {
    /// Berkas basis data (bawaan: perkin.db di folder data sistem operasi)
    #[arg(long, value_name = "BERKAS", global = true)]
    pub db: Option<PathBuf>,

    /// Tampilkan bantuan ini
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,

    /// Tampilkan versi perkin
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Membuat kantor contoh lengkap pada basis data baru
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opsi", override_usage = "perkin demo --db BERKAS")]
    Demo,
    /// Templat SOP: daftar, tampilkan, periksa berkas
    #[command(
        subcommand,
        help_template = SUB_TEMPLATE,
        subcommand_help_heading = "Perintah",
        subcommand_value_name = "PERINTAH",
        next_help_heading = "Opsi",
        override_usage = "perkin sop <list|show KODE|check BERKAS>"
    )]
    Sop(SopCommand),
    /// Menghitung batas waktu menurut jam kerja kantor
    #[command(
        help_template = SUB_TEMPLATE,
        next_help_heading = "Opsi",
        override_usage = "perkin due --start \"YYYY-MM-DD HH:MM\" --duration \"3 jam\" [--db BERKAS] [--tz WIB|WITA|WIT]"
    )]
    Due {
        /// Waktu mulai (waktu setempat), "YYYY-MM-DD HH:MM"
        #[arg(long, value_name = "WAKTU")]
        start: String,
        /// Lama standar, mis. "15 menit", "3 jam", "5 hari"
        #[arg(long, value_name = "LAMA")]
        duration: String,
        /// Zona waktu kantor: WIB, WITA atau WIT (bawaan: dari basis data, atau WIB)
        #[arg(long, value_name = "ZONA")]
        tz: Option<String>,
    },
    /// Memeriksa integritas basis data, kunci asing, rantai hash log audit, skema, data terhadap log, dan jangkar
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opsi", override_usage = "perkin check --db BERKAS")]
    Check,
    /// Memeriksa kode verifikasi yang tercetak pada PK yang ditandatangani
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opsi", override_usage = "perkin verify KODE [--db BERKAS]")]
    Verify {
        /// Kode verifikasi di kaki halaman PK, mis. 7K3QM-2XW9P
        #[arg(value_name = "KODE", help_heading = "Argumen")]
        kode: String,
    },
    /// Mencadangkan basis data ke berkas baru (boleh saat aplikasi terbuka);
    /// berkas .zip: cadangan lengkap dengan semua pindaian arsip
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opsi", override_usage = "perkin backup --db BERKAS --to BERKAS")]
    Backup {
        /// Berkas cadangan yang akan dibuat (.db: basis data; .zip: lengkap dengan pindaian)
        #[arg(long, value_name = "BERKAS")]
        to: PathBuf,
    },
    /// Membuat PDF Perjanjian Kinerja (satu per perjanjian) atau lembar SOP
    #[command(
        help_template = SUB_TEMPLATE,
        next_help_heading = "Opsi",
        override_usage = "perkin pdf --db BERKAS --out FOLDER [--year TAHUN] [--paper a4|f4]\n       perkin pdf --db BERKAS --sop KODE --out BERKAS.pdf [--paper a4|f4]"
    )]
    Pdf {
        /// Folder tujuan (untuk PK) atau berkas .pdf (untuk --sop)
        #[arg(long, value_name = "TUJUAN")]
        out: PathBuf,
        /// Tahun perjanjian (bawaan: semua tahun)
        #[arg(long, value_name = "TAHUN")]
        year: Option<i32>,
        /// Ukuran kertas: a4 atau f4 (bawaan: a4)
        #[arg(long, value_name = "KERTAS", default_value = "a4")]
        paper: String,
        /// Kode templat SOP: buat lembar SOP, bukan PK
        #[arg(long, value_name = "KODE")]
        sop: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum SopCommand {
    /// Daftar templat SOP, satu per baris, kode di depan
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opsi", override_usage = "perkin sop list [--db BERKAS]")]
    List,
    /// Menampilkan SOP sebagai tabel langkah
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opsi", override_usage = "perkin sop show KODE [--db BERKAS]")]
    Show {
        /// Kode templat (lihat `perkin sop list`)
        #[arg(value_name = "KODE", help_heading = "Argumen")]
        id: String,
    },
    /// Memeriksa berkas templat SOP (TOML)
    #[command(help_template = SUB_TEMPLATE, next_help_heading = "Opsi", override_usage = "perkin sop check BERKAS")]
    Check {
        /// Berkas templat .toml
        #[arg(value_name = "BERKAS", help_heading = "Argumen")]
        file: PathBuf,
    },
}

/// What `main` should do after the command line was read.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Exit(i32),
    /// No subcommand: open the window on this database.
    OpenWindow(PathBuf),
}

/// Runs the command line. Output goes to `out`, messages to `err`.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = write!(out, "{}", e.render());
                    Outcome::Exit(0)
                }
                _ => {
                    let _ = writeln!(err, "Kesalahan: {}", usage_message(&e));
                    let _ = writeln!(err, "Jalankan 'perkin --help' untuk bantuan.");
                    Outcome::Exit(2)
                }
            };
        }
    };
    let code = match cli.command {
        None => {
            return match cli.db.or_else(default_db_path) {
                Some(p) => Outcome::OpenWindow(p),
                None => {
                    let _ = writeln!(
                        err,
                        "Folder data sistem operasi tidak ditemukan; sebutkan --db BERKAS."
                    );
                    Outcome::Exit(1)
                }
            };
        }
        Some(cmd) => run_command(cmd, cli.db.as_deref(), out, err),
    };
    Outcome::Exit(match code {
        Ok(c) => c,
        Err(msg) => {
            let _ = writeln!(err, "{msg}");
            1
        }
    })
}

fn context_str(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        other => Some(other.to_string()),
    }
}

/// clap's own messages are English: say the same in Indonesian.
fn usage_message(e: &clap::Error) -> String {
    let arg = context_str(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context_str(e, ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = context_str(e, ContextKind::SuggestedArg)
        .or_else(|| context_str(e, ContextKind::SuggestedSubcommand))
        .map(|s| format!(" (maksud Anda: {s}?)"))
        .unwrap_or_default();
    match e.kind() {
        ErrorKind::UnknownArgument => format!("argumen tidak dikenal: {arg}{suggestion}"),
        ErrorKind::InvalidSubcommand => {
            let sub = context_str(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("perintah tidak dikenal: {sub}{suggestion}")
        }
        ErrorKind::MissingRequiredArgument => format!("argumen wajib belum diisi: {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "perintah belum disebutkan".to_string()
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("nilai '{value}' tidak sah untuk {arg}")
        }
        ErrorKind::ArgumentConflict => {
            format!("argumen {arg} tidak boleh dipakai bersama argumen lain itu")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("jumlah nilai untuk {arg} tidak sesuai")
        }
        ErrorKind::NoEquals => format!("{arg} memerlukan tanda '=' sebelum nilainya"),
        ErrorKind::InvalidUtf8 => "argumen berisi karakter yang bukan UTF-8".to_string(),
        _ => "baris perintah tidak dapat dibaca".to_string(),
    }
}

type CmdResult = Result<i32, String>;

fn run_command(
    cmd: Command,
    db: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CmdResult {
    match cmd {
        Command::Demo => run_demo(db, out),
        Command::Sop(sub) => run_sop(sub, db, out, err),
        Command::Due {
            start,
            duration,
            tz,
        } => run_due(&start, &duration, tz.as_deref(), db, out),
        Command::Check => run_check(db, out, err),
        Command::Verify { kode } => {
            let (cocok, teks) = admin::verify_file(&db_or_default(db)?, &kode)?;
            w(out, &teks)?;
            Ok(if cocok { 0 } else { 1 })
        }
        Command::Pdf {
            out: dest,
            year,
            paper,
            sop,
        } => run_pdf(&dest, year, &paper, sop.as_deref(), db, out, err),
        Command::Backup { to } => run_backup(&to, db, out),
    }
}

/// `perkin demo`: a complete sample office in the database.
fn run_demo(db: Option<&Path>, out: &mut dyn Write) -> CmdResult {
    let path = db_or_default(db)?;
    let summary = admin::create_demo(&path, chrono::Utc::now())?;
    w(
        out,
        &format!("Kantor contoh dibuat di {}:\n{summary}", path.display()),
    )?;
    Ok(0)
}

/// `perkin sop list|show|check`.
fn run_sop(
    cmd: SopCommand,
    db: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CmdResult {
    match cmd {
        SopCommand::List => {
            for (kode, nomor, nama, asal) in template_list(db)? {
                w(out, &format!("{kode}\t{nomor}\t{nama}\t{asal}"))?;
            }
            Ok(0)
        }
        SopCommand::Show { id } => {
            let t = find_template(db, &id)?;
            w(out, &table::render_sop(&t))?;
            Ok(0)
        }
        SopCommand::Check { file } => sop_check(&file, out, err),
    }
}

/// `perkin sop check BERKAS`: 0 for a valid template, 1 with its problems.
fn sop_check(file: &Path, out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let src = std::fs::read_to_string(file).map_err(|e| {
        format!(
            "Berkas {} tidak dapat dibaca: {}",
            file.display(),
            io_message(&e)
        )
    })?;
    let name = file.display().to_string();
    match SopTemplate::parse(&src, &name) {
        Ok(t) => {
            w(
                out,
                &format!(
                    "Templat sah: {} — {} ({} langkah, {} pelaksana)",
                    t.kepala.kode,
                    t.kepala.nama,
                    t.langkah.len(),
                    t.pelaksana.len()
                ),
            )?;
            Ok(0)
        }
        Err(errors) => {
            let _ = writeln!(err, "{errors}");
            let _ = writeln!(err, "Templat tidak sah: {} kesalahan.", errors.0.len());
            Ok(1)
        }
    }
}

/// `perkin due`: the deadline of a standard duration in office hours.
fn run_due(
    start: &str,
    duration: &str,
    tz: Option<&str>,
    db: Option<&Path>,
    out: &mut dyn Write,
) -> CmdResult {
    let start_local = NaiveDateTime::parse_from_str(start.trim(), "%Y-%m-%d %H:%M").map_err(|_| {
        format!("Waktu mulai '{start}' tidak sah: tulis sebagai \"YYYY-MM-DD HH:MM\", mis. \"2026-11-23 08:00\"")
    })?;
    let waktu = Waktu::parse(duration).map_err(|e| format!("Lama '{duration}' tidak sah: {e}"))?;
    let zona =
        match tz {
            Some(z) => Some(Zona::parse(z).ok_or_else(|| {
                format!("Zona waktu '{z}' tidak dikenal: pilih WIB, WITA atau WIT")
            })?),
            None => None,
        };
    let mut kal = match db {
        Some(p) => admin::calendar(p)?,
        None => Kalender::bawaan(zona.unwrap_or(Zona::Wib)),
    };
    if let Some(z) = zona {
        kal.zona = z;
    }
    let menit_hari = kal.standard_day_minutes();
    let menit = waktu.menit_kerja(menit_hari);
    let due = kal.tambah_menit_kerja(kal.dari_lokal(start_local), menit);
    let local = kal.ke_lokal(due);
    w(out, &local.format("%Y-%m-%d %H:%M").to_string())?;
    w(
        out,
        &format!(
            "Batas waktu: {} {} ({} = {} kerja; 1 hari kerja = {})",
            crate::fmt::tanggal_hari(local.date()),
            local.format("%H.%M"),
            waktu,
            fmt_durasi(chrono::Duration::minutes(menit as i64), u32::MAX),
            fmt_durasi(chrono::Duration::minutes(menit_hari as i64), u32::MAX),
        ),
    )?;
    // A year without its holidays is never counted silently.
    for y in kal.tahun_tanpa_libur(start_local.date(), local.date()) {
        w(
            out,
            &format!(
                "Peringatan: hari libur tahun {y} belum tercatat di kalender kantor; batas ini dihitung dengan akhir pekan dan jam kerja saja. Catat hari libur {y} di Pengaturan → Kalender Kerja."
            ),
        )?;
    }
    Ok(0)
}

/// `perkin check`: the database's integrity, audit chain and archive scans.
fn run_check(db: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> CmdResult {
    let path = db_or_default(db)?;
    let health = admin::check(&path)?;
    if health.faults.is_empty() {
        w(
            out,
            &format!(
                "Basis data {} sehat: integritas baik, kunci asing utuh, rantai hash log audit utuh ({} baris) dan cocok dengan jangkarnya, skema sesuai, setiap baris data cocok dengan log audit, {} pindaian arsip cocok dengan hash-nya.",
                path.display(),
                health.audit_rows,
                health.scans
            ),
        )?;
        Ok(0)
    } else {
        for f in &health.faults {
            w(out, f)?;
        }
        let _ = writeln!(
            err,
            "Ditemukan {} masalah pada {}.",
            health.faults.len(),
            path.display()
        );
        Ok(1)
    }
}

/// `perkin pdf`: the SOP sheet of `sop`, or every Perjanjian Kinerja (of `year`).
fn run_pdf(
    dest: &Path,
    year: Option<i32>,
    paper: &str,
    sop: Option<&str>,
    db: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CmdResult {
    let kertas = crate::pdf::Kertas::parse(paper)
        .ok_or_else(|| format!("Ukuran kertas '{paper}' tidak dikenal: pilih a4 atau f4"))?;
    let path = db_or_default(db)?;
    match sop {
        Some(kode) => {
            admin::sop_pdf(&path, kode, dest, kertas)?;
            w(
                out,
                &format!("Lembar SOP {kode} ditulis ke {}", dest.display()),
            )?;
            Ok(0)
        }
        None => agreement_pdfs(&path, year, dest, kertas, out, err),
    }
}

/// One PDF per version of each agreement of `year` (or of every year).
fn agreement_pdfs(
    path: &Path,
    year: Option<i32>,
    dest: &Path,
    kertas: crate::pdf::Kertas,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> CmdResult {
    let written = admin::agreement_pdfs(path, year, dest, kertas)?;
    for file in &written {
        w(out, &file.display().to_string())?;
    }
    if written.is_empty() {
        let _ = writeln!(
            err,
            "Tidak ada Perjanjian Kinerja{}.",
            year.map(|y| format!(" untuk tahun {y}"))
                .unwrap_or_default()
        );
        return Ok(1);
    }
    w(
        out,
        &format!(
            "{} PDF Perjanjian Kinerja ditulis ke {}",
            written.len(),
            dest.display()
        ),
    )?;
    Ok(0)
}

/// `perkin backup`: a checked copy of the database, or a full .zip with the scans.
fn run_backup(to: &Path, db: Option<&Path>, out: &mut dyn Write) -> CmdResult {
    let path = db_or_default(db)?;
    let line = match admin::backup(&path, to)? {
        admin::BackupMade::Full { pindaian, bytes } => format!(
            "Cadangan lengkap dibuat: {} (basis data dan {pindaian} berkas pindaian, {}).",
            to.display(),
            crate::fmt::ukuran(bytes)
        ),
        admin::BackupMade::Copy => {
            format!("Cadangan dibuat: {} (sudah diperiksa, utuh).", to.display())
        }
    };
    w(out, &line)?;
    Ok(0)
}

fn w(out: &mut dyn Write, line: &str) -> Result<(), String> {
    writeln!(out, "{line}").map_err(|e| format!("Gagal menulis keluaran: {e}"))
}

fn db_or_default(db: Option<&Path>) -> Result<PathBuf, String> {
    db.map(Path::to_path_buf)
        .or_else(default_db_path)
        .ok_or_else(|| {
            "Folder data sistem operasi tidak ditemukan; sebutkan --db BERKAS.".to_string()
        })
}

/// The database to read templates from: --db, else the default one if it exists.
fn template_db(db: Option<&Path>) -> Option<PathBuf> {
    match db {
        Some(p) => Some(p.to_path_buf()),
        None => default_db_path().filter(|p| p.exists()),
    }
}

fn template_list(db: Option<&Path>) -> Result<Vec<(String, String, String, &'static str)>, String> {
    if let Some(p) = template_db(db) {
        return Ok(admin::templates(&p)?
            .into_iter()
            .map(|t| {
                (
                    t.kode,
                    t.nomor,
                    t.nama,
                    if t.bawaan {
                        "bawaan"
                    } else {
                        "buatan pengguna"
                    },
                )
            })
            .collect());
    }
    sop_bawaan()
        .iter()
        .map(|b| {
            SopTemplate::parse(b.sumber, b.nama_berkas)
                .map(|t| (t.kepala.kode, t.kepala.nomor, t.kepala.nama, "bawaan"))
                .map_err(|e| e.to_string())
        })
        .collect()
}

fn find_template(db: Option<&Path>, kode: &str) -> Result<SopTemplate, String> {
    if let Some(p) = template_db(db) {
        return admin::template(&p, kode);
    }
    let b = sop_bawaan()
        .iter()
        .find(|b| b.kode == kode)
        .ok_or_else(|| {
            let known: Vec<&str> = sop_bawaan().iter().map(|b| b.kode).collect();
            format!(
                "Templat SOP '{kode}' tidak ditemukan. Yang tersedia: {}",
                known.join(", ")
            )
        })?;
    SopTemplate::parse(b.sumber, b.nama_berkas).map_err(|e| e.to_string())
}
