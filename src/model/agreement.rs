//! The Perjanjian Kinerja as edited: the content of one version (header,
//! parties, lines, budget), the checks before it is submitted, the quarter
//! warning, the budget total and the comparison of two versions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::id::{
    AgreementId, IndikatorId, OfficialId, RenjaIndikatorId, RenjaItemId, UnitId, VersionId,
};
use super::org::{Office, OfficialRow, StatusJabatan, UnitRow, nip_bersih};
use super::plan::{Target, Tingkat};

/// The three kinds of agreement by the rank of Pihak Pertama.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Jenis {
    /// Kepala Perangkat Daerah (eselon II) to the Bupati/Gubernur.
    Kepala,
    Eselon3,
    #[default]
    Eselon4,
}

impl Jenis {
    pub const ALL: [Jenis; 3] = [Jenis::Kepala, Jenis::Eselon3, Jenis::Eselon4];

    pub fn kode(self) -> &'static str {
        match self {
            Jenis::Kepala => "kepala",
            Jenis::Eselon3 => "eselon3",
            Jenis::Eselon4 => "eselon4",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Jenis::Kepala => "Kepala Perangkat Daerah",
            Jenis::Eselon3 => "Eselon III",
            Jenis::Eselon4 => "Eselon IV",
        }
    }

    pub fn parse(s: &str) -> Option<Jenis> {
        Jenis::ALL.into_iter().find(|j| j.kode() == s)
    }

    /// The kind that fits a unit of the given eselon ("II", "III", "IV").
    pub fn for_eselon(eselon: &str) -> Jenis {
        match eselon {
            "II" => Jenis::Kepala,
            "III" => Jenis::Eselon3,
            _ => Jenis::Eselon4,
        }
    }
}

/// The status of a version, in the order of the SOP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draf,
    Diajukan,
    Diparaf,
    Ditandatangani,
    Diarsipkan,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draf,
        Status::Diajukan,
        Status::Diparaf,
        Status::Ditandatangani,
        Status::Diarsipkan,
    ];

    /// The stored code: "draf", "diajukan", …
    pub fn kode(self) -> &'static str {
        match self {
            Status::Draf => "draf",
            Status::Diajukan => "diajukan",
            Status::Diparaf => "diparaf",
            Status::Ditandatangani => "ditandatangani",
            Status::Diarsipkan => "diarsipkan",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.kode() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Draf => "Draf",
            Status::Diajukan => "Diajukan",
            Status::Diparaf => "Diparaf",
            Status::Ditandatangani => "Ditandatangani",
            Status::Diarsipkan => "Diarsipkan",
        }
    }

    /// Signed (or archived): the version is read-only for ever.
    pub fn is_signed(self) -> bool {
        matches!(self, Status::Ditandatangani | Status::Diarsipkan)
    }

    /// Only a draft's content can change.
    pub fn is_editable(self) -> bool {
        self == Status::Draf
    }

    /// What a version in this status may be printed as, if anything: the
    /// text to paraf and sign once it is submitted (its content is then
    /// fixed), copies once it is signed. A draft is never printed as final.
    pub fn print_purpose(self) -> Option<PrintPurpose> {
        match self {
            Status::Draf => None,
            Status::Diajukan | Status::Diparaf => Some(PrintPurpose::TandaTangan),
            Status::Ditandatangani | Status::Diarsipkan => Some(PrintPurpose::Salinan),
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A move of a version along its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transition {
    /// Draf → diajukan ("Ajukan"), after every check of [`check_submit`].
    Submit,
    /// Diajukan or diparaf → draf: back for corrections (a Tolak, or
    /// withdrawn by the drafter).
    Return,
    /// Diajukan → diparaf: the Sekretaris' initials.
    Paraf,
    /// Diajukan or diparaf → ditandatangani: the parties are frozen.
    Sign,
    /// Ditandatangani → diarsipkan: registered in the archive.
    Archive,
}

impl Transition {
    /// The statuses the move starts from.
    pub fn from(self) -> &'static [Status] {
        match self {
            Transition::Submit => &[Status::Draf],
            Transition::Return | Transition::Sign => &[Status::Diajukan, Status::Diparaf],
            Transition::Paraf => &[Status::Diajukan],
            Transition::Archive => &[Status::Ditandatangani],
        }
    }

    pub fn to(self) -> Status {
        match self {
            Transition::Submit => Status::Diajukan,
            Transition::Return => Status::Draf,
            Transition::Paraf => Status::Diparaf,
            Transition::Sign => Status::Ditandatangani,
            Transition::Archive => Status::Diarsipkan,
        }
    }

    /// The audit log's action word.
    pub fn action(self) -> &'static str {
        match self {
            Transition::Submit => "ajukan",
            Transition::Return => "kembalikan",
            Transition::Paraf => "paraf",
            Transition::Sign => "tandatangani",
            Transition::Archive => "arsipkan",
        }
    }

    /// Whether the version must pass [`check_submit`] to make the move.
    pub fn needs_checks(self) -> bool {
        matches!(
            self,
            Transition::Submit | Transition::Paraf | Transition::Sign
        )
    }

    /// The status after the move from `from`, or why it is refused.
    pub fn apply(self, from: Status) -> Result<Status, super::Invalid> {
        if self.from().contains(&from) {
            Ok(self.to())
        } else {
            Err(super::Invalid(format!(
                "Versi ini berstatus {}; tidak dapat diubah menjadi {}",
                from.label().to_lowercase(),
                self.to().label().to_lowercase()
            )))
        }
    }
}

/// Why a copy was printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum PrintPurpose {
    /// The final text, printed for the officials to sign.
    TandaTangan,
    /// A copy of the signed version.
    Salinan,
}

impl PrintPurpose {
    pub fn kode(self) -> &'static str {
        match self {
            PrintPurpose::TandaTangan => "tanda_tangan",
            PrintPurpose::Salinan => "salinan",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PrintPurpose::TandaTangan => "untuk ditandatangani",
            PrintPurpose::Salinan => "salinan",
        }
    }

    pub fn parse(s: &str) -> PrintPurpose {
        if s == "tanda_tangan" {
            PrintPurpose::TandaTangan
        } else {
            PrintPurpose::Salinan
        }
    }
}

/// Where a line was taken from in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "(String, i64)", try_from = "(String, i64)")]
pub enum LineSource {
    /// A Renstra indikator (the head of the agency's sasaran strategis).
    Renstra(IndikatorId),
    /// An indicator of a Renja item (program, kegiatan).
    Renja(RenjaIndikatorId),
}

impl LineSource {
    /// The stored kind: "renstra" | "renja".
    pub fn kind(self) -> &'static str {
        match self {
            LineSource::Renstra(_) => "renstra",
            LineSource::Renja(_) => "renja",
        }
    }

    /// The stored row id.
    pub fn row(self) -> i64 {
        match self {
            LineSource::Renstra(id) => id.0,
            LineSource::Renja(id) => id.0,
        }
    }

    pub fn parse(kind: &str, row: i64) -> Option<LineSource> {
        match kind {
            "renstra" => Some(LineSource::Renstra(IndikatorId(row))),
            "renja" => Some(LineSource::Renja(RenjaIndikatorId(row))),
            _ => None,
        }
    }
}

impl From<LineSource> for (String, i64) {
    fn from(s: LineSource) -> (String, i64) {
        (s.kind().to_string(), s.row())
    }
}

impl TryFrom<(String, i64)> for LineSource {
    type Error = String;

    fn try_from((kind, row): (String, i64)) -> Result<LineSource, String> {
        LineSource::parse(&kind, row).ok_or_else(|| format!("sumber baris '{kind}' tidak dikenal"))
    }
}

/// A line of the agreement: sasaran, indikator and the year's target.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLine {
    pub sasaran: String,
    pub indikator: String,
    pub satuan: String,
    pub target: String,
    /// Triwulan I–IV targets; empty where not split.
    pub tw: [String; 4],
    /// Where the line was taken from the plan, if it was.
    pub sumber: Option<LineSource>,
    /// The source indicator is cumulative (quarters add up to the year).
    /// Derived from the source when loaded; not stored with the line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kumulatif: bool,
}

/// A budget line: program, kegiatan or sub kegiatan with its anggaran.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewBudgetLine {
    pub level: Tingkat,
    pub kode: String,
    pub uraian: String,
    pub anggaran: i64,
    pub renja_item_id: Option<RenjaItemId>,
}

/// The depth of a budget line in the program → kegiatan → sub kegiatan tree.
pub fn level_depth(level: Tingkat) -> usize {
    match level {
        Tingkat::Program => 0,
        Tingkat::Kegiatan => 1,
        Tingkat::SubKegiatan => 2,
    }
}

/// A Pihak (party) as printed: chosen from the officials, or typed (a Bupati).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub official_id: Option<OfficialId>,
    pub nama: String,
    pub nip: String,
    pub pangkat: String,
    pub jabatan: String,
    pub status: StatusJabatan,
}

impl Default for Party {
    fn default() -> Self {
        Party {
            official_id: None,
            nama: String::new(),
            nip: String::new(),
            pangkat: String::new(),
            jabatan: String::new(),
            status: StatusJabatan::Definitif,
        }
    }
}

impl Party {
    pub fn is_empty(&self) -> bool {
        self.official_id.is_none() && self.nama.trim().is_empty()
    }

    /// The jabatan as signed: "Plt. Kepala Dinas …" for an acting official,
    /// "Plh. …" for a daily substitute (not twice where it was typed so).
    pub fn jabatan_cetak(&self) -> String {
        let jabatan = self.jabatan.trim();
        let awalan = self.status.awalan();
        if awalan.is_empty()
            || jabatan
                .to_ascii_lowercase()
                .starts_with(&awalan.trim_end().to_ascii_lowercase())
        {
            jabatan.to_string()
        } else {
            format!("{awalan}{jabatan}")
        }
    }
}

/// The editable content of one version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub nomor: String,
    pub tempat: String,
    pub tanggal: Option<NaiveDate>,
    pub pihak_pertama: Party,
    pub pihak_kedua: Party,
    pub lines: Vec<NewLine>,
    pub budget: Vec<NewBudgetLine>,
}

/// Limits that keep a printed page sane; the store refuses longer texts.
pub const MAX_TEKS: usize = 2_000;
pub const MAX_BARIS: usize = 500;

/// Where a problem must be fixed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Nomor,
    Tempat,
    Tanggal,
    PihakPertama,
    PihakKedua,
    /// The list of lines as a whole (none at all).
    Lines,
    LineSasaran(usize),
    LineIndikator(usize),
    LineTarget(usize),
    LineTw(usize),
    Budget(usize),
}

impl Field {
    /// The field as the editor names it: "Tanggal penandatanganan",
    /// "Baris 2 Target", "Anggaran baris 3".
    pub fn label(self) -> String {
        match self {
            Field::Nomor => "Nomor".into(),
            Field::Tempat => "Tempat".into(),
            Field::Tanggal => "Tanggal penandatanganan".into(),
            Field::PihakPertama => "Pihak Pertama".into(),
            Field::PihakKedua => "Pihak Kedua".into(),
            Field::Lines => "Baris kinerja".into(),
            Field::LineSasaran(k) => format!("Baris {} Sasaran", k + 1),
            Field::LineIndikator(k) => format!("Baris {} Indikator", k + 1),
            Field::LineTarget(k) => format!("Baris {} Target", k + 1),
            Field::LineTw(k) => format!("Baris {} TW", k + 1),
            Field::Budget(k) => format!("Anggaran baris {}", k + 1),
        }
    }
}

/// The fields of `problems`, named once each in order: "Nomor, Baris 2 Target".
pub fn field_names(problems: &[Problem]) -> String {
    let mut names: Vec<String> = Vec::new();
    for p in problems {
        let n = p.field.label();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(", ")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

fn problem(field: Field, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

/// Problems that stop even a draft from being saved: texts too long, too
/// many lines, negative anggaran.
pub fn check_saveable(c: &Content) -> Vec<Problem> {
    let mut out = Vec::new();
    let long = |s: &str| s.chars().count() > MAX_TEKS;
    let msg = format!("terlalu panjang (maksimal {MAX_TEKS} karakter)");
    if long(&c.nomor) {
        out.push(problem(Field::Nomor, format!("Nomor {msg}")));
    }
    if long(&c.tempat) {
        out.push(problem(Field::Tempat, format!("Tempat {msg}")));
    }
    for (f, p) in [
        (Field::PihakPertama, &c.pihak_pertama),
        (Field::PihakKedua, &c.pihak_kedua),
    ] {
        if long(&p.nama) || long(&p.jabatan) {
            out.push(problem(f, format!("Nama atau jabatan {msg}")));
        }
    }
    if c.lines.len() > MAX_BARIS {
        out.push(problem(
            Field::Lines,
            format!("Paling banyak {MAX_BARIS} baris kinerja"),
        ));
    }
    for (i, l) in c.lines.iter().enumerate() {
        if long(&l.sasaran) {
            out.push(problem(Field::LineSasaran(i), format!("Sasaran {msg}")));
        }
        if long(&l.indikator) || long(&l.satuan) {
            out.push(problem(Field::LineIndikator(i), format!("Indikator {msg}")));
        }
        if long(&l.target) || l.tw.iter().any(|t| long(t)) {
            out.push(problem(Field::LineTarget(i), format!("Target {msg}")));
        }
    }
    for (i, b) in c.budget.iter().enumerate() {
        if b.anggaran < 0 {
            out.push(problem(Field::Budget(i), "Anggaran tidak boleh negatif"));
        }
        if long(&b.uraian) || long(&b.kode) {
            out.push(problem(Field::Budget(i), format!("Uraian {msg}")));
        }
    }
    out
}

/// Why an official cannot be a party on a date (None: they can).
pub type ActiveCheck<'a> = &'a dyn Fn(OfficialId, NaiveDate) -> Option<String>;

/// Everything that must hold before a version is submitted (and signed):
/// lines with indikator and target, both parties, a date on which both are
/// in office.
pub fn check_submit(c: &Content, tahun: i32, active: ActiveCheck) -> Vec<Problem> {
    let mut out = check_saveable(c);
    if c.tempat.trim().is_empty() {
        out.push(problem(Field::Tempat, "Tempat penandatanganan belum diisi"));
    }
    if c.nomor.trim().is_empty() {
        out.push(problem(Field::Nomor, "Nomor perjanjian belum diisi"));
    }
    match c.tanggal {
        None => out.push(problem(
            Field::Tanggal,
            "Tanggal penandatanganan belum diisi",
        )),
        Some(d) if !signing_date_fits(d, tahun) => out.push(problem(
            Field::Tanggal,
            format!(
                "Tanggal penandatanganan {} di luar masa Perjanjian Kinerja {tahun}: ditandatangani antara 1 Desember {} dan 31 Desember {tahun}",
                crate::fmt::tanggal(d),
                tahun - 1
            ),
        )),
        Some(_) => {}
    }
    for (f, p, label) in [
        (Field::PihakPertama, &c.pihak_pertama, "Pihak Pertama"),
        (Field::PihakKedua, &c.pihak_kedua, "Pihak Kedua"),
    ] {
        if p.nama.trim().is_empty() {
            out.push(problem(f, format!("{label} belum dipilih")));
        } else if p.jabatan.trim().is_empty() {
            out.push(problem(f, format!("Jabatan {label} belum diisi")));
        } else if let (Some(id), Some(d)) = (p.official_id, c.tanggal)
            && let Some(why) = active(id, d)
        {
            out.push(problem(f, format!("{label}: {why}")));
        }
    }
    if c.lines.is_empty() {
        out.push(problem(
            Field::Lines,
            "Perjanjian belum memiliki baris kinerja",
        ));
    }
    for (i, l) in c.lines.iter().enumerate() {
        let n = i + 1;
        if l.sasaran.trim().is_empty() {
            out.push(problem(
                Field::LineSasaran(i),
                format!("Baris {n}: sasaran belum diisi"),
            ));
        }
        if l.indikator.trim().is_empty() {
            out.push(problem(
                Field::LineIndikator(i),
                format!("Baris {n}: indikator belum diisi"),
            ));
        }
        if l.target.trim().is_empty() {
            out.push(problem(
                Field::LineTarget(i),
                format!("Baris {n}: target belum diisi"),
            ));
        }
    }
    out
}

/// For a cumulative indicator whose four quarters are numbers: a warning
/// when they do not add up to the year's target.
pub fn quarter_warning(l: &NewLine) -> Option<String> {
    if !l.kumulatif || l.tw.iter().all(|t| t.trim().is_empty()) {
        return None;
    }
    let year = match Target::parse(&l.target) {
        Ok(Target::Angka(v)) => v,
        _ => return None,
    };
    let mut sum = 0.0;
    for t in &l.tw {
        match Target::parse(t) {
            Ok(Target::Angka(v)) => sum += v,
            _ => return None,
        }
    }
    if (sum - year).abs() > 1e-6 * year.abs().max(1.0) {
        Some(format!(
            "Jumlah target TW I–IV ({}) tidak sama dengan target tahunan ({}) untuk indikator kumulatif",
            crate::fmt::angka(sum),
            crate::fmt::angka(year)
        ))
    } else {
        None
    }
}

/// The total anggaran: the sum of the leaves (lines not followed by a
/// deeper line), so a program is not counted again with its kegiatan.
pub fn budget_total(b: &[NewBudgetLine]) -> i64 {
    leaf_total(b, |l| level_depth(l.level), |l| l.anggaran)
}

/// The sum over the leaves of a flat pre-order list (an item counts when
/// the next one is not deeper), saturating instead of overflowing.
pub fn leaf_total<T>(items: &[T], depth: impl Fn(&T) -> usize, amount: impl Fn(&T) -> i64) -> i64 {
    items
        .iter()
        .enumerate()
        .filter(|(i, l)| items.get(i + 1).is_none_or(|next| depth(next) <= depth(l)))
        .fold(0i64, |acc, (_, l)| acc.saturating_add(amount(l)))
}

/// Whether an agreement of `tahun` can be signed on `d`: in its year, or in
/// the month before it (an agreement is often signed in December for the
/// coming year).
pub fn signing_date_fits(d: NaiveDate, tahun: i32) -> bool {
    let from = NaiveDate::from_ymd_opt(tahun - 1, 12, 1);
    let to = NaiveDate::from_ymd_opt(tahun, 12, 31);
    from.is_some_and(|f| d >= f) && to.is_some_and(|t| d <= t)
}

/// One difference between two versions, for the side-by-side view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What changed, e.g. "Pihak Pertama — Nama", "Baris 3 — Target".
    pub what: String,
    pub before: String,
    pub after: String,
}

fn line_key(l: &NewLine) -> String {
    match l.sumber {
        Some(s) => format!("{}:{}", s.kind(), s.row()),
        None => format!("teks:{}", l.indikator.trim().to_lowercase()),
    }
}

/// What changed from `a` (earlier) to `b` (later): header, parties, lines
/// (matched by their source, else by indikator) and budget lines.
pub fn compare(a: &Content, b: &Content) -> Vec<Change> {
    let mut out = Vec::new();
    let mut field = |what: String, x: &str, y: &str| {
        if x.trim() != y.trim() {
            out.push(Change {
                what,
                before: x.trim().to_string(),
                after: y.trim().to_string(),
            });
        }
    };
    field("Nomor".into(), &a.nomor, &b.nomor);
    field("Tempat".into(), &a.tempat, &b.tempat);
    let tgl = |d: Option<NaiveDate>| d.map(crate::fmt::tanggal).unwrap_or_default();
    field("Tanggal".into(), &tgl(a.tanggal), &tgl(b.tanggal));
    for (label, x, y) in [
        ("Pihak Pertama", &a.pihak_pertama, &b.pihak_pertama),
        ("Pihak Kedua", &a.pihak_kedua, &b.pihak_kedua),
    ] {
        field(format!("{label} — Nama"), &x.nama, &y.nama);
        field(format!("{label} — NIP"), &x.nip, &y.nip);
        field(format!("{label} — Pangkat"), &x.pangkat, &y.pangkat);
        field(
            format!("{label} — Jabatan"),
            &x.jabatan_cetak(),
            &y.jabatan_cetak(),
        );
    }
    let mut used = vec![false; b.lines.len()];
    for (i, la) in a.lines.iter().enumerate() {
        let key = line_key(la);
        let found = b
            .lines
            .iter()
            .enumerate()
            .find(|(j, lb)| !used[*j] && line_key(lb) == key)
            .map(|(j, _)| j);
        match found {
            Some(j) => {
                used[j] = true;
                let lb = &b.lines[j];
                let n = format!("Baris {} ({})", j + 1, lb.indikator.trim());
                field(format!("{n} — Sasaran"), &la.sasaran, &lb.sasaran);
                field(format!("{n} — Indikator"), &la.indikator, &lb.indikator);
                field(format!("{n} — Satuan"), &la.satuan, &lb.satuan);
                field(format!("{n} — Target"), &la.target, &lb.target);
                field(
                    format!("{n} — TW I–IV"),
                    &la.tw.join(" / "),
                    &lb.tw.join(" / "),
                );
            }
            None => field(
                format!("Baris {} dihapus", i + 1),
                &format!("{} — {} {}", la.indikator, la.target, la.satuan),
                "",
            ),
        }
    }
    for (j, lb) in b.lines.iter().enumerate() {
        if !used[j] {
            field(
                format!("Baris {} ditambahkan", j + 1),
                "",
                &format!("{} — {} {}", lb.indikator, lb.target, lb.satuan),
            );
        }
    }
    let budget_text = |l: &NewBudgetLine| {
        format!(
            "{} {} — {}",
            l.kode,
            l.uraian,
            crate::fmt::rupiah(l.anggaran)
        )
    };
    let n = a.budget.len().max(b.budget.len());
    for k in 0..n {
        let x = a.budget.get(k).map(budget_text).unwrap_or_default();
        let y = b.budget.get(k).map(budget_text).unwrap_or_default();
        field(format!("Anggaran baris {}", k + 1), &x, &y);
    }
    field(
        "Jumlah anggaran".into(),
        &crate::fmt::rupiah(budget_total(&a.budget)),
        &crate::fmt::rupiah(budget_total(&b.budget)),
    );
    out
}

/// The reason for a PK Perubahan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlasanPerubahan {
    /// The official (Pihak Pertama or Kedua) changed.
    Pejabat,
    /// The programs or the budget changed.
    ProgramAnggaran,
    Lainnya,
}

impl AlasanPerubahan {
    pub const ALL: [AlasanPerubahan; 3] = [
        AlasanPerubahan::Pejabat,
        AlasanPerubahan::ProgramAnggaran,
        AlasanPerubahan::Lainnya,
    ];

    /// The stored code.
    pub fn kode(self) -> &'static str {
        match self {
            AlasanPerubahan::Pejabat => "pejabat",
            AlasanPerubahan::ProgramAnggaran => "program_anggaran",
            AlasanPerubahan::Lainnya => "lainnya",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AlasanPerubahan::Pejabat => "Pejabat berganti",
            AlasanPerubahan::ProgramAnggaran => "Program atau anggaran berubah",
            AlasanPerubahan::Lainnya => "Lainnya",
        }
    }

    pub fn parse(s: &str) -> Option<AlasanPerubahan> {
        AlasanPerubahan::ALL.into_iter().find(|a| a.kode() == s)
    }
}

/// Whether a PK Perubahan may be made from a version in `status` (`latest`:
/// it is the agreement's newest version) for the reason given; the reason
/// kind when it may.
pub fn check_amend(
    status: Status,
    latest: bool,
    alasan_jenis: Option<AlasanPerubahan>,
    alasan: &str,
) -> Result<AlasanPerubahan, super::Invalid> {
    let refuse = |m: &str| Err(super::Invalid(m.to_string()));
    if !status.is_signed() {
        return refuse("PK Perubahan hanya dapat dibuat dari versi yang sudah ditandatangani");
    }
    if !latest {
        return refuse("Sudah ada versi yang lebih baru; buat perubahan dari versi terakhir");
    }
    let Some(jenis) = alasan_jenis else {
        return refuse("Pilih alasan perubahan");
    };
    let alasan = alasan.trim();
    if alasan.is_empty() {
        return refuse("Uraikan alasan perubahan (wajib diisi)");
    }
    if alasan.chars().count() > MAX_TEKS {
        return Err(super::Invalid(format!(
            "Alasan terlalu panjang (maksimal {MAX_TEKS} karakter)"
        )));
    }
    Ok(jenis)
}

/// A new agreement with its first version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAgreement {
    pub tahun: i32,
    pub unit_id: UnitId,
    pub jenis: Jenis,
    pub nomor: String,
    pub tempat: String,
    pub tanggal: Option<NaiveDate>,
    pub pihak_pertama: Option<OfficialId>,
    pub pihak_kedua: Option<OfficialId>,
    /// Pihak Kedua typed by name (Bupati/Gubernur), used when `pihak_kedua` is None.
    pub pihak_kedua_manual: Option<(String, String)>,
    pub lines: Vec<NewLine>,
    pub budget: Vec<NewBudgetLine>,
}

/// An agreement of a year as listed: its latest version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementRow {
    pub id: AgreementId,
    pub version_id: VersionId,
    pub tahun: i32,
    pub unit_id: UnitId,
    pub unit: String,
    pub jenis: Jenis,
    pub versi: i32,
    pub status: Status,
    pub pihak_pertama: String,
    pub pihak_kedua: String,
    pub nomor: String,
    pub lines: i64,
    pub anggaran: i64,
}

/// A party as printed, from an official's current data.
pub fn party_of(o: &OfficialRow) -> Party {
    Party {
        official_id: Some(o.id),
        nama: o.nama_lengkap(),
        nip: o.nip.as_deref().map(nip_bersih).unwrap_or_default(),
        pangkat: if o.golongan.is_empty() {
            o.pangkat.clone()
        } else {
            format!("{} ({})", o.pangkat, o.golongan)
        },
        jabatan: o.jabatan.clone(),
        status: o.status,
    }
}

/// Why an official cannot be a party on a date (None: they can).
pub fn inactive_reason(o: &OfficialRow, on: NaiveDate) -> Option<String> {
    if let Some(m) = o.mulai
        && on < m
    {
        return Some(format!(
            "{} baru menjabat sejak {}, sesudah tanggal penandatanganan {}",
            o.nama_lengkap(),
            crate::fmt::tanggal(m),
            crate::fmt::tanggal(on)
        ));
    }
    if let Some(s) = o.selesai
        && on > s
    {
        return Some(format!(
            "{} sudah tidak menjabat sejak {}, sebelum tanggal penandatanganan {}",
            o.nama_lengkap(),
            crate::fmt::tanggal(s),
            crate::fmt::tanggal(on)
        ));
    }
    None
}

/// Why the official `id` cannot be a party on `on`, among `officials`
/// (None: they can).
pub fn official_inactive(
    officials: &[OfficialRow],
    id: OfficialId,
    on: NaiveDate,
) -> Option<String> {
    match officials.iter().find(|o| o.id == id) {
        Some(o) => inactive_reason(o, on),
        None => Some("pejabat tidak ditemukan".into()),
    }
}

/// The head of a unit in office on `on`: a definitive official before a
/// Plt/Plh.
pub fn unit_head(officials: &[OfficialRow], unit_id: UnitId, on: NaiveDate) -> Option<OfficialId> {
    officials
        .iter()
        .filter(|o| o.unit_id == Some(unit_id) && inactive_reason(o, on).is_none())
        .min_by_key(|o| (o.status != StatusJabatan::Definitif, o.id))
        .map(|o| o.id)
}

/// The parties proposed for a unit's agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposed {
    pub pihak_pertama: Option<OfficialId>,
    pub pihak_kedua: Option<OfficialId>,
    /// Typed Pihak Kedua (jabatan, nama): the head of the region.
    pub pihak_kedua_manual: Option<(String, String)>,
    /// The officials of the two units passed over, each with why (not in
    /// office on the date).
    pub skipped: Vec<String>,
}

/// The SOTK proposal for a unit's agreement, by officials in office on
/// `on`: the head of the unit (a definitive official before a Plt/Plh) as
/// Pihak Pertama; the head of the unit above as Pihak Kedua, or, for a
/// unit with none above it (the agency itself), the head of the region as
/// typed in the office settings.
pub fn propose(
    units: &[UnitRow],
    officials: &[OfficialRow],
    office: &Office,
    unit_id: UnitId,
    on: NaiveDate,
) -> Proposed {
    let parent = units
        .iter()
        .find(|u| u.id == unit_id)
        .and_then(|u| u.parent_id);
    let pihak_pertama = unit_head(officials, unit_id, on);
    let skipped = officials
        .iter()
        .filter(|o| o.unit_id == Some(unit_id) || (parent.is_some() && o.unit_id == parent))
        .filter_map(|o| inactive_reason(o, on))
        .collect();
    match parent {
        Some(p) => Proposed {
            pihak_pertama,
            pihak_kedua: unit_head(officials, p, on),
            pihak_kedua_manual: None,
            skipped,
        },
        None => Proposed {
            pihak_pertama,
            pihak_kedua: None,
            pihak_kedua_manual: Some((
                office.kepala_daerah_jabatan.clone(),
                office.kepala_daerah_nama.clone(),
            )),
            skipped,
        },
    }
}

/// The date the parties are proposed for: the signing date, or the first
/// day of the agreement's year when none is set yet.
pub fn proposal_date(tanggal: Option<NaiveDate>, tahun: i32) -> NaiveDate {
    tanggal
        .or_else(|| NaiveDate::from_ymd_opt(tahun, 1, 1))
        .unwrap_or_default()
}

/// One version as loaded for the editor and the PDF.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VersionDoc {
    pub id: VersionId,
    pub agreement_id: AgreementId,
    pub tahun: i32,
    pub unit_id: UnitId,
    pub unit: String,
    pub jenis: Jenis,
    pub versi: i32,
    pub status: Status,
    /// The reason of a PK Perubahan (None on the first version).
    pub alasan_jenis: Option<AlasanPerubahan>,
    pub alasan: String,
    pub signed_at: Option<String>,
    pub updated_at: String,
    /// The verification code given at signing (None: not signed, or
    /// signed before perkin kept codes).
    pub kode_verifikasi: Option<String>,
    pub content: Content,
}

/// A typed verification code in the form it is stored ("ABCDE-FGHJK"):
/// spaces and dashes dropped, lower case raised, and the letters people
/// mistake for digits (O, I, L) read as those digits. None when it is not
/// ten such characters.
pub fn normal_code(typed: &str) -> Option<String> {
    let chars: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    (chars.len() == 10
        && chars
            .chars()
            .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)))
    .then(|| format!("{}-{}", &chars[..5], &chars[5..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::org::{Eselon, JenisUnit};

    #[test]
    fn typed_codes_read_as_printed() {
        assert_eq!(normal_code("abcde fghjk").as_deref(), Some("ABCDE-FGHJK"));
        assert_eq!(normal_code("0O1IL-23456").as_deref(), Some("00111-23456"));
        assert_eq!(normal_code("ABCDE-FGHJ"), None);
        assert_eq!(normal_code("ABCDE-FGHJU"), None);
    }

    #[test]
    fn statuses_read_back_from_their_codes() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.kode()), Some(s));
        }
        assert_eq!(Status::parse("selesai"), None);
        assert!(Status::Ditandatangani.is_signed() && Status::Diarsipkan.is_signed());
        assert!(!Status::Diparaf.is_signed());
        assert!(Status::Draf.is_editable() && !Status::Diajukan.is_editable());
    }

    #[test]
    fn transitions_start_only_where_the_sop_allows() {
        use Status::*;
        use Transition::*;
        let cases = [
            (Submit, Draf, Some(Diajukan)),
            (Submit, Diajukan, None),
            (Return, Diajukan, Some(Draf)),
            (Return, Diparaf, Some(Draf)),
            (Return, Draf, None),
            (Return, Ditandatangani, None),
            (Paraf, Diajukan, Some(Diparaf)),
            (Paraf, Diparaf, None),
            (Paraf, Draf, None),
            (Sign, Diajukan, Some(Ditandatangani)),
            (Sign, Diparaf, Some(Ditandatangani)),
            (Sign, Draf, None),
            (Sign, Ditandatangani, None),
            (Archive, Ditandatangani, Some(Diarsipkan)),
            (Archive, Diarsipkan, None),
        ];
        for (t, from, to) in cases {
            assert_eq!(t.apply(from).ok(), to, "{t:?} from {from:?}");
        }
        let e = Sign.apply(Draf).unwrap_err();
        assert_eq!(
            e.0,
            "Versi ini berstatus draf; tidak dapat diubah menjadi ditandatangani"
        );
        assert!(Submit.needs_checks() && Sign.needs_checks() && !Return.needs_checks());
    }

    #[test]
    fn only_a_submitted_or_signed_version_prints_as_final() {
        assert_eq!(Status::Draf.print_purpose(), None);
        assert_eq!(
            Status::Diparaf.print_purpose(),
            Some(PrintPurpose::TandaTangan)
        );
        assert_eq!(
            Status::Diarsipkan.print_purpose(),
            Some(PrintPurpose::Salinan)
        );
    }

    #[test]
    fn a_pk_perubahan_needs_the_latest_signed_version_and_a_reason() {
        let ok = check_amend(
            Status::Ditandatangani,
            true,
            Some(AlasanPerubahan::Pejabat),
            " Kepala Bidang diganti ",
        );
        assert_eq!(ok, Ok(AlasanPerubahan::Pejabat));
        let refused = |s, latest, j, a: &str| check_amend(s, latest, j, a).unwrap_err().0;
        let j = Some(AlasanPerubahan::Lainnya);
        assert!(refused(Status::Diparaf, true, j, "x").contains("sudah ditandatangani"));
        assert!(refused(Status::Diarsipkan, false, j, "x").contains("lebih baru"));
        assert_eq!(
            refused(Status::Diarsipkan, true, None, "x"),
            "Pilih alasan perubahan"
        );
        assert!(refused(Status::Diarsipkan, true, j, "  ").contains("wajib diisi"));
        let long = "x".repeat(MAX_TEKS + 1);
        assert!(refused(Status::Diarsipkan, true, j, &long).contains("terlalu panjang"));
    }

    #[test]
    fn line_sources_keep_their_stored_json_shape() {
        let s = LineSource::Renstra(IndikatorId(7));
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"["renstra",7]"#);
        let back: LineSource = serde_json::from_str(r#"["renja",3]"#).unwrap();
        assert_eq!(back, LineSource::Renja(RenjaIndikatorId(3)));
        assert!(serde_json::from_str::<LineSource>(r#"["lain",3]"#).is_err());
    }

    fn unit(id: i64, parent: Option<i64>) -> UnitRow {
        UnitRow {
            id: UnitId(id),
            parent_id: parent.map(UnitId),
            kode: String::new(),
            nama: format!("Unit {id}"),
            jenis: JenisUnit::Bidang,
            eselon: Eselon::III,
            retired: false,
        }
    }

    fn official(
        id: i64,
        unit: i64,
        status: StatusJabatan,
        selesai: Option<NaiveDate>,
    ) -> OfficialRow {
        OfficialRow {
            status,
            selesai,
            ..crate::model::org::test_official(id, unit, "")
        }
    }

    /// Without a signing date a PK 2027 is proposed for 1 January 2027: a
    /// head whose term ends on 31 December 2026 is passed over, and named.
    #[test]
    fn the_proposal_without_a_date_is_for_the_years_first_day_and_names_whom_it_skips() {
        let units = [unit(1, None), unit(2, Some(1))];
        let akhir = NaiveDate::from_ymd_opt(2026, 12, 31);
        let officials = [
            official(10, 1, StatusJabatan::Definitif, None),
            official(21, 2, StatusJabatan::Definitif, akhir),
            official(22, 2, StatusJabatan::Plt, None),
        ];
        let on = proposal_date(None, 2027);
        assert_eq!(on, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        let p = propose(&units, &officials, &Office::default(), UnitId(2), on);
        assert_eq!(p.pihak_pertama, Some(OfficialId(22)));
        assert_eq!(p.skipped.len(), 1, "{:?}", p.skipped);
        assert!(p.skipped[0].contains("Pejabat 21"), "{:?}", p.skipped);
        assert!(p.skipped[0].contains("31 Desember 2026"), "{:?}", p.skipped);
        // With a signing date, that date counts.
        let on = proposal_date(NaiveDate::from_ymd_opt(2026, 12, 30), 2027);
        let p = propose(&units, &officials, &Office::default(), UnitId(2), on);
        assert_eq!(p.pihak_pertama, Some(OfficialId(21)));
        assert!(p.skipped.is_empty());
    }

    #[test]
    fn the_proposal_takes_heads_in_office_definitive_first() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let units = [unit(1, None), unit(2, Some(1))];
        let officials = [
            official(10, 1, StatusJabatan::Definitif, None),
            official(20, 2, StatusJabatan::Plt, None),
            official(21, 2, StatusJabatan::Definitif, Some(d(1, 31))),
        ];
        let office = Office {
            kepala_daerah_jabatan: "Bupati Lembah Hijau".into(),
            kepala_daerah_nama: "H. Ahmad".into(),
            ..Office::default()
        };
        // In January the definitive head is still in office.
        let p = propose(&units, &officials, &office, UnitId(2), d(1, 29));
        assert_eq!(p.pihak_pertama, Some(OfficialId(21)));
        assert_eq!(p.pihak_kedua, Some(OfficialId(10)));
        assert_eq!(p.pihak_kedua_manual, None);
        // From February only the Plt is.
        let p = propose(&units, &officials, &office, UnitId(2), d(2, 1));
        assert_eq!(p.pihak_pertama, Some(OfficialId(20)));
        // The agency itself signs to the head of the region, as typed.
        let p = propose(&units, &officials, &office, UnitId(1), d(1, 29));
        assert_eq!(p.pihak_pertama, Some(OfficialId(10)));
        assert_eq!(p.pihak_kedua, None);
        assert_eq!(
            p.pihak_kedua_manual,
            Some(("Bupati Lembah Hijau".into(), "H. Ahmad".into()))
        );
        assert!(official_inactive(&officials, OfficialId(21), d(2, 1)).is_some());
        assert_eq!(
            official_inactive(&officials, OfficialId(99), d(2, 1)).as_deref(),
            Some("pejabat tidak ditemukan")
        );
    }
}
