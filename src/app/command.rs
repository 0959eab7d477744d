//! What the window, the command line and the tests ask the app to do: one
//! [`Command`] per user action, grouped by feature, with named fields and
//! typed ids. [`super::App::apply`] applies a command through the store and
//! answers with a [`Reply`].

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::formats::Kertas;
use crate::formats::table::Daftar;
use crate::model::agreement::{AlasanPerubahan, Content, Jenis, Transition};
use crate::model::archive::NewArchive;
use crate::model::id::{
    AgreementId, ArchiveId, AuditId, CycleId, IndikatorId, OfficialId, PeriodId, RenjaItemId,
    SasaranId, TaskRef, TujuanId, UnitId, VersionId,
};
use crate::model::org::{NewOfficial, NewUnit, Office};
use crate::model::plan::{
    NewIndikator, NewRenjaItem, RenjaIndikatorInput, RenstraNode, TargetChange,
};
use crate::model::workflow::Action;
use crate::model::worktime::{HariLibur, JamHari};
use crate::store::audit::AuditFilter;

/// Pengaturan → Instansi: the office and its letterhead.
#[derive(Clone, Debug)]
pub enum OfficeCmd {
    Save {
        office: Box<Office>,
    },
    /// The letterhead logo from a picked file (read and checked by the app),
    /// or removed.
    SetLogo {
        file: Option<PathBuf>,
    },
    /// "Lihat contoh dulu": the demo office in `contoh.db` beside the
    /// database (made on first use), opened in a second window.
    OpenDemo,
}

/// Pengaturan → Unit Kerja and Pejabat: the SOTK.
#[derive(Clone, Debug)]
pub enum OrgCmd {
    AddUnit {
        unit: NewUnit,
    },
    UpdateUnit {
        id: UnitId,
        unit: NewUnit,
    },
    /// Retires (active false) or reactivates a unit.
    SetUnitActive {
        id: UnitId,
        active: bool,
    },
    DeleteUnit {
        id: UnitId,
    },
    AddOfficial {
        official: Box<NewOfficial>,
    },
    UpdateOfficial {
        id: OfficialId,
        official: Box<NewOfficial>,
    },
}

/// Pengaturan → Kalender Kerja.
#[derive(Clone, Debug)]
pub enum CalendarCmd {
    SetHours {
        hours: Box<[Option<JamHari>; 7]>,
    },
    PutHoliday {
        holiday: HariLibur,
    },
    RemoveHoliday {
        date: NaiveDate,
    },
    /// "Impor hari libur…": a year's holidays from a CSV or TOML file.
    ImportHolidays {
        path: PathBuf,
    },
}

/// Renstra: periods, the tujuan → sasaran → indikator tree, targets.
#[derive(Clone, Debug)]
pub enum RenstraCmd {
    AddPeriod {
        tahun_awal: i32,
        tahun_akhir: i32,
        nama: String,
    },
    AddTujuan {
        period: PeriodId,
        kode: String,
        uraian: String,
    },
    UpdateTujuan {
        id: TujuanId,
        kode: String,
        uraian: String,
    },
    AddSasaran {
        tujuan: TujuanId,
        kode: String,
        uraian: String,
    },
    UpdateSasaran {
        id: SasaranId,
        kode: String,
        uraian: String,
    },
    AddIndikator {
        indikator: Box<NewIndikator>,
    },
    UpdateIndikator {
        id: IndikatorId,
        indikator: Box<NewIndikator>,
    },
    Delete {
        node: RenstraNode,
    },
    Move {
        node: RenstraNode,
        up: bool,
    },
    /// Edits of the target table, saved together.
    SetTargets {
        changes: Vec<TargetChange>,
    },
}

/// Renja: the year's DPA and the program → kegiatan → sub kegiatan items.
#[derive(Clone, Debug)]
pub enum RenjaCmd {
    SetYear {
        tahun: i32,
        nomor_dpa: String,
        tanggal_dpa: Option<NaiveDate>,
    },
    /// Adds (no id) or replaces an item with its indicators.
    SaveItem {
        id: Option<RenjaItemId>,
        item: Box<NewRenjaItem>,
        indikator: Vec<RenjaIndikatorInput>,
    },
    DeleteItem {
        id: RenjaItemId,
    },
}

/// The Renstra and Renja as an .xlsx workbook.
#[derive(Clone, Debug)]
pub enum ExchangeCmd {
    /// The active year's Renstra period and Renja, written in the background.
    Export { path: PathBuf },
    /// An empty workbook with the column layout and instructions.
    SaveTemplate { path: PathBuf },
    /// Reads a workbook in the background and shows the import preview.
    Read { path: PathBuf },
    /// Imports the clean workbook of the preview.
    ConfirmImport,
    /// Closes the preview; nothing is written.
    CloseImport,
}

/// Perjanjian Kinerja: the editor, the version's life, its PDF and prints.
#[derive(Clone, Debug)]
pub enum AgreementCmd {
    /// Opens an agreement in the editor (None: back to the list).
    Open {
        id: Option<AgreementId>,
    },
    /// A new agreement of the active year for a unit, its lines taken from
    /// the plan when asked.
    Create {
        unit: UnitId,
        jenis: Jenis,
        from_plan: bool,
    },
    /// The editor's autosave of a draft.
    SaveDraft {
        version: VersionId,
        content: Box<Content>,
    },
    FillFromPlan {
        version: VersionId,
    },
    /// Ajukan, kembalikan, paraf, tanda tangan.
    Move {
        version: VersionId,
        transition: Transition,
    },
    /// PK Perubahan: a new draft version from the signed one.
    Amend {
        version: VersionId,
        alasan_jenis: Option<AlasanPerubahan>,
        alasan: String,
    },
    DeleteDraft {
        version: VersionId,
    },
    /// The version as PDF, written in the background, then opened.
    ExportPdf {
        version: VersionId,
        path: PathBuf,
        kertas: Kertas,
    },
    /// The final text (no DRAF) into the `cetak` folder, opened to print;
    /// the print is recorded once the PDF is written.
    Print {
        version: VersionId,
        rangkap: u32,
        kertas: Kertas,
    },
}

/// Antrian Persetujuan and Alur SOP: cycles and their tasks.
#[derive(Clone, Debug)]
pub enum WorkflowCmd {
    /// Starts a cycle on a template for units, each with its agreement
    /// version of the year.
    StartCycle {
        template: String,
        nama: String,
        tahun: i32,
        units: Vec<(UnitId, Option<VersionId>)>,
    },
    /// Acts on an open task: Selesai, Ya or Tolak.
    Act {
        task: TaskRef,
        action: Action,
        performer_id: Option<OfficialId>,
        performer: String,
        note: String,
    },
    /// A template's SOP sheet as PDF.
    ExportSopPdf {
        template: String,
        path: PathBuf,
        kertas: Kertas,
    },
    /// A cycle's history (every visit) as PDF.
    ExportHistoryPdf { cycle: CycleId, path: PathBuf },
}

/// How a list is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Pdf,
    Xlsx,
}

/// Arsip: the register of signed agreements and their scans.
#[derive(Clone, Debug)]
pub enum ArchiveCmd {
    /// Registers a signed version, with its scan if given (the scan is
    /// checked before anything is written).
    Register {
        entry: Box<NewArchive>,
        scan: Option<PathBuf>,
    },
    /// Corrects an entry; a scan given replaces the attached one.
    Update {
        id: ArchiveId,
        entry: Box<NewArchive>,
        scan: Option<PathBuf>,
    },
    /// "Periksa berkas": every stored scan hashed again.
    CheckScans,
    /// "Periksa kode": the signed version a verification code names, and
    /// whether the database still holds exactly what was signed.
    Verify { kode: String },
    /// Opens an entry's stored scan in the system's viewer.
    OpenScan { id: ArchiveId },
    /// The register as shown, as the buku register PDF or as .xlsx.
    ExportList {
        list: Box<Daftar>,
        path: PathBuf,
        format: ListFormat,
    },
}

/// Pengaturan → Cadangan.
#[derive(Clone, Debug)]
pub enum BackupCmd {
    /// "Cadangkan sekarang": database and scans into one .zip.
    Now { path: PathBuf },
    /// "Pulihkan": checks a backup file and asks for confirmation.
    Stage { path: PathBuf },
    /// The user confirmed (true) or cancelled the restore of the checked file.
    Restore { confirmed: bool },
    /// "Buka folder data": the folder holding the database, `cetak/`,
    /// `pindaian/` and `cadangan/`, in the system's file manager.
    OpenDataFolder,
}

/// Pengaturan → Riwayat: reading the audit log (nothing is written).
#[derive(Clone, Debug)]
pub enum AuditCmd {
    /// The first page of the log through a filter.
    Query { filter: AuditFilter },
    /// The next page under the same filter.
    More,
    /// Shows one entry whatever the filter (None closes it).
    Show { id: Option<AuditId> },
    /// Walks the hash chain again, in the background.
    CheckChain,
}

/// One user action.
#[derive(Clone, Debug)]
pub enum Command {
    Office(OfficeCmd),
    Org(OrgCmd),
    Calendar(CalendarCmd),
    Renstra(RenstraCmd),
    Renja(RenjaCmd),
    Exchange(ExchangeCmd),
    Agreement(AgreementCmd),
    Workflow(WorkflowCmd),
    Archive(ArchiveCmd),
    Backup(BackupCmd),
    Audit(AuditCmd),
}

macro_rules! into_command {
    ($($sub:ident => $variant:ident),*) => {$(
        impl From<$sub> for Command {
            fn from(c: $sub) -> Command {
                Command::$variant(c)
            }
        }
    )*};
}

into_command!(
    OfficeCmd => Office,
    OrgCmd => Org,
    CalendarCmd => Calendar,
    RenstraCmd => Renstra,
    RenjaCmd => Renja,
    ExchangeCmd => Exchange,
    AgreementCmd => Agreement,
    WorkflowCmd => Workflow,
    ArchiveCmd => Archive,
    BackupCmd => Backup,
    AuditCmd => Audit
);

/// The record a command made, for the form that sent it (to select it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Created {
    Unit(UnitId),
    Official(OfficialId),
    Period(PeriodId),
    Tujuan(TujuanId),
    Sasaran(SasaranId),
    Indikator(IndikatorId),
    RenjaItem(RenjaItemId),
    Agreement(AgreementId),
    Version(VersionId),
    Cycle(CycleId),
    Archive(ArchiveId),
}

/// The answer to a command, for the form that sent it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// Done (or started in the background); `message` is what the user is
    /// told (empty for quiet actions such as an autosave).
    Ok {
        message: String,
        created: Option<Created>,
    },
    /// Refused or failed, with the reason in Indonesian; nothing changed.
    Err(String),
}

impl Reply {
    pub fn ok(message: impl Into<String>) -> Reply {
        Reply::Ok {
            message: message.into(),
            created: None,
        }
    }

    pub fn created(message: impl Into<String>, created: Created) -> Reply {
        Reply::Ok {
            message: message.into(),
            created: Some(created),
        }
    }

    pub fn is_ok(&self) -> bool {
        matches!(self, Reply::Ok { .. })
    }
}

/// What a command changed, so the view is read again only as far as needed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Changed {
    /// Nothing stored changed (a read, a refusal, work started in the
    /// background).
    #[default]
    Nothing,
    /// What only the app holds (the open agreement, the audit view).
    Selection,
    /// The agreements of the year and the open one (an autosave).
    Agreements,
    /// Anything else stored.
    Data,
    /// Another database took the place of the open one (a restore).
    Database,
}
