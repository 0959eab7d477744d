//! The Perjanjian Kinerja as edited: the content of one version (header,
//! parties, lines, budget), the checks before it is submitted, the quarter
//! warning, the budget total and the comparison of two versions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::plan::Target;

/// The three kinds of agreement by the rank of Pihak Pertama.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Jenis {
    /// Kepala Perangkat Daerah (eselon II) to the Bupati/Gubernur.
    Kepala,
    Eselon3,
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
pub const STATUS: [&str; 5] = [
    "draf",
    "diajukan",
    "diparaf",
    "ditandatangani",
    "diarsipkan",
];

pub fn status_label(s: &str) -> &'static str {
    match s {
        "draf" => "Draf",
        "diajukan" => "Diajukan",
        "diparaf" => "Diparaf",
        "ditandatangani" => "Ditandatangani",
        "diarsipkan" => "Diarsipkan",
        _ => "Tidak dikenal",
    }
}

/// Signed (or archived): the version is read-only for ever.
pub fn is_signed(status: &str) -> bool {
    matches!(status, "ditandatangani" | "diarsipkan")
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
    /// "renstra" | "renja" and the source row, where the line was taken from the plan.
    pub sumber: Option<(String, i64)>,
    /// The source indicator is cumulative (quarters add up to the year).
    /// Derived from the source when loaded; not stored with the line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kumulatif: bool,
}

/// A budget line: program, kegiatan or sub kegiatan with its anggaran.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewBudgetLine {
    /// "program" | "kegiatan" | "sub_kegiatan".
    pub level: String,
    pub kode: String,
    pub uraian: String,
    pub anggaran: i64,
    pub renja_item_id: Option<i64>,
}

pub fn level_depth(level: &str) -> usize {
    match level {
        "program" => 0,
        "kegiatan" => 1,
        _ => 2,
    }
}

pub fn level_label(level: &str) -> &'static str {
    match level {
        "program" => "Program",
        "kegiatan" => "Kegiatan",
        _ => "Sub Kegiatan",
    }
}

/// A Pihak (party) as printed: chosen from the officials, or typed (a Bupati).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub official_id: Option<i64>,
    pub nama: String,
    pub nip: String,
    pub pangkat: String,
    pub jabatan: String,
    /// "definitif" | "plt" | "plh".
    pub status: String,
}

impl Default for Party {
    fn default() -> Self {
        Party {
            official_id: None,
            nama: String::new(),
            nip: String::new(),
            pangkat: String::new(),
            jabatan: String::new(),
            status: "definitif".into(),
        }
    }
}

impl Party {
    pub fn is_empty(&self) -> bool {
        self.official_id.is_none() && self.nama.trim().is_empty()
    }

    /// The jabatan as printed, with "Plt. " / "Plh. " where it applies.
    pub fn jabatan_cetak(&self) -> String {
        let awalan = match self.status.as_str() {
            "plt" => "Plt. ",
            "plh" => "Plh. ",
            _ => "",
        };
        format!("{awalan}{}", self.jabatan.trim())
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
        if !matches!(b.level.as_str(), "program" | "kegiatan" | "sub_kegiatan") {
            out.push(problem(Field::Budget(i), "Tingkat anggaran tidak dikenal"));
        }
    }
    out
}

/// Why an official cannot be a party on a date (None: they can).
pub type ActiveCheck<'a> = &'a dyn Fn(i64, NaiveDate) -> Option<String>;

/// Everything that must hold before a version is submitted (and signed):
/// lines with indikator and target, both parties, a date on which both are
/// in office.
pub fn check_submit(c: &Content, active: ActiveCheck) -> Vec<Problem> {
    let mut out = check_saveable(c);
    if c.tempat.trim().is_empty() {
        out.push(problem(Field::Tempat, "Tempat penandatanganan belum diisi"));
    }
    if c.tanggal.is_none() {
        out.push(problem(
            Field::Tanggal,
            "Tanggal penandatanganan belum diisi",
        ));
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
    leaf_total(b, |l| level_depth(&l.level), |l| l.anggaran)
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

/// One difference between two versions, for the side-by-side view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// What changed, e.g. "Pihak Pertama — Nama", "Baris 3 — Target".
    pub what: String,
    pub before: String,
    pub after: String,
}

fn line_key(l: &NewLine) -> String {
    match &l.sumber {
        Some((j, id)) => format!("{j}:{id}"),
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
pub const ALASAN: [(&str, &str); 3] = [
    ("pejabat", "Pejabat berganti"),
    ("program_anggaran", "Program atau anggaran berubah"),
    ("lainnya", "Lainnya"),
];

pub fn alasan_label(kode: &str) -> &'static str {
    ALASAN
        .iter()
        .find(|a| a.0 == kode)
        .map(|a| a.1)
        .unwrap_or("")
}
