//! Working time ("jam kerja") of an office: time zones, weekly hours, holidays, and the
//! arithmetic that SOP standard times need (due instants, elapsed working time, verdicts).
//!
//! Rules (see DESIGN.md, "Working time"):
//! - Instants are stored in UTC; the office's zone (WIB/WITA/WIT, fixed offsets, no DST)
//!   decides what a local wall-clock time means.
//! - Working time of a day is the half-open set `[buka, istirahat.0) ∪ [istirahat.1, tutup)`.
//!   A day is a working day when its weekday has hours and it is not a holiday of any kind.
//! - "N hari" is N × [`Kalender::standard_day_minutes`] working minutes.
//! - Arithmetic is done at whole-second precision (sub-second parts of inputs are ignored).
//! - Nothing here reads the clock: `now` is always passed in.
//!
//! Robustness: no function panics on any input. Invalid weekday hours (buka ≥ tutup) make
//! that weekday non-working. A calendar with no working time at all (which
//! [`Kalender::validasi`] rejects) is treated as open round the clock by the time functions
//! ([`Kalender::jam_kerja`], [`Kalender::buka_berikut`], [`Kalender::tambah_menit_kerja`],
//! [`Kalender::durasi_kerja`]) so that they still terminate with sensible values.

pub mod standard;

use std::collections::BTreeMap;
use std::fmt;

use chrono::{
    DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike,
    Utc,
};
use serde::{Deserialize, Serialize};

/// Standard working-day length of the Perpres 21/2023 defaults, in minutes.
pub const MENIT_HARI_BAWAAN: u32 = 450;

const DETIK_SEHARI: i64 = 86_400;

// ---------------------------------------------------------------------------------------------
// Zona
// ---------------------------------------------------------------------------------------------

/// Indonesian time zone of an office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Zona {
    /// Waktu Indonesia Barat, UTC+7.
    #[serde(rename = "WIB")]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    #[serde(rename = "WITA")]
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    #[serde(rename = "WIT")]
    Wit,
}

const fn offset_jam(jam: i32) -> FixedOffset {
    match FixedOffset::east_opt(jam * 3600) {
        Some(o) => o,
        None => panic!("offset tidak valid"),
    }
}

const OFFSET_WIB: FixedOffset = offset_jam(7);
const OFFSET_WITA: FixedOffset = offset_jam(8);
const OFFSET_WIT: FixedOffset = offset_jam(9);

impl Zona {
    pub const ALL: [Zona; 3] = [Zona::Wib, Zona::Wita, Zona::Wit];

    /// Fixed UTC offset (Indonesia has no daylight saving time).
    pub fn offset(self) -> FixedOffset {
        match self {
            Zona::Wib => OFFSET_WIB,
            Zona::Wita => OFFSET_WITA,
            Zona::Wit => OFFSET_WIT,
        }
    }

    pub fn kode(self) -> &'static str {
        match self {
            Zona::Wib => "WIB",
            Zona::Wita => "WITA",
            Zona::Wit => "WIT",
        }
    }

    pub fn iana(self) -> &'static str {
        match self {
            Zona::Wib => "Asia/Jakarta",
            Zona::Wita => "Asia/Makassar",
            Zona::Wit => "Asia/Jayapura",
        }
    }

    /// Parses a zone code ("wib", "WITA") or IANA name ("Asia/Jayapura"), case-insensitively.
    pub fn parse(s: &str) -> Option<Zona> {
        let s = s.trim();
        Zona::ALL
            .into_iter()
            .find(|z| s.eq_ignore_ascii_case(z.kode()) || s.eq_ignore_ascii_case(z.iana()))
    }
}

impl fmt::Display for Zona {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kode())
    }
}

// ---------------------------------------------------------------------------------------------
// JamHari
// ---------------------------------------------------------------------------------------------

/// Office hours of one weekday.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JamHari {
    pub buka: NaiveTime,
    pub tutup: NaiveTime,
    /// Break (start, end), if any.
    pub istirahat: Option<(NaiveTime, NaiveTime)>,
}

/// Up to two half-open working intervals of a day, in seconds from local midnight.
#[derive(Clone, Copy, Default)]
struct Rentang {
    r: [(i64, i64); 2],
    n: usize,
}

impl Rentang {
    fn push(&mut self, a: i64, b: i64) {
        if a < b && self.n < 2 {
            self.r[self.n] = (a, b);
            self.n += 1;
        }
    }

    fn iter(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.r[..self.n].iter().copied()
    }

    fn total(&self) -> i64 {
        self.iter().map(|(a, b)| b - a).sum()
    }

    fn pertama(&self) -> Option<(i64, i64)> {
        self.iter().next()
    }
}

fn detik(t: NaiveTime) -> i64 {
    i64::from(t.num_seconds_from_midnight())
}

impl JamHari {
    /// Effective working intervals. Invalid hours (buka ≥ tutup) give none; a reversed break
    /// is ignored; a break reaching outside the hours is clipped to them.
    fn rentang(&self) -> Rentang {
        let mut r = Rentang::default();
        let (b, t) = (detik(self.buka), detik(self.tutup));
        if b >= t {
            return r;
        }
        match self.istirahat {
            Some((s, e)) if detik(s) < detik(e) => {
                let s = detik(s).clamp(b, t);
                let e = detik(e).clamp(b, t);
                r.push(b, s);
                r.push(e, t);
            }
            _ => r.push(b, t),
        }
        r
    }

    /// Working minutes of that day (opening to closing, minus the break).
    pub fn menit_kerja(&self) -> u32 {
        u32::try_from(self.rentang().total() / 60).unwrap_or(0)
    }
}

// ---------------------------------------------------------------------------------------------
// Holidays
// ---------------------------------------------------------------------------------------------

/// Kind of a day off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisLibur {
    /// National holiday (hari libur nasional).
    Nasional,
    /// Joint leave day set by the SKB (cuti bersama).
    CutiBersama,
    /// Local day off decided by the office or region.
    Lokal,
}

impl JenisLibur {
    pub const ALL: [JenisLibur; 3] = [
        JenisLibur::Nasional,
        JenisLibur::CutiBersama,
        JenisLibur::Lokal,
    ];

    pub fn kode(self) -> &'static str {
        match self {
            JenisLibur::Nasional => "nasional",
            JenisLibur::CutiBersama => "cuti_bersama",
            JenisLibur::Lokal => "lokal",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            JenisLibur::Nasional => "Libur nasional",
            JenisLibur::CutiBersama => "Cuti bersama",
            JenisLibur::Lokal => "Libur lokal",
        }
    }

    /// Accepts the code or the label, case-insensitively, with spaces/dashes for underscores
    /// ("cuti_bersama", "Cuti bersama", "cuti-bersama", "Libur nasional").
    pub fn parse(s: &str) -> Option<JenisLibur> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        match norm.as_str() {
            "nasional" | "libur_nasional" => Some(JenisLibur::Nasional),
            "cuti_bersama" => Some(JenisLibur::CutiBersama),
            "lokal" | "libur_lokal" => Some(JenisLibur::Lokal),
            _ => None,
        }
    }
}

impl fmt::Display for JenisLibur {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One day off.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HariLibur {
    pub tanggal: NaiveDate,
    pub nama: String,
    pub jenis: JenisLibur,
}

fn fmt_tanggal_ref(d: &NaiveDate) -> String {
    crate::fmt::tanggal(*d)
}

fn fmt_jam(t: &NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn fmt_lokasi(baris: &Option<usize>, kolom: &Option<usize>) -> String {
    match (baris, kolom) {
        (Some(b), Some(k)) => format!(" pada baris {b}, kolom {k}"),
        (Some(b), None) => format!(" pada baris {b}"),
        _ => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Errors of calendar validation and holiday-list parsing (messages in Indonesian).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KalenderError {
    #[error("{hari}: jam buka harus sebelum jam tutup")]
    BukaSetelahTutup { hari: &'static str },
    #[error("{hari}: awal istirahat harus sebelum akhir istirahat")]
    IstirahatTerbalik { hari: &'static str },
    #[error(
        "{hari}: jam istirahat ({}–{}) harus berada di dalam jam kerja ({}–{})",
        fmt_jam(.istirahat_mulai), fmt_jam(.istirahat_selesai), fmt_jam(.buka), fmt_jam(.tutup)
    )]
    IstirahatDiLuarJamKerja {
        hari: &'static str,
        buka: NaiveTime,
        tutup: NaiveTime,
        istirahat_mulai: NaiveTime,
        istirahat_selesai: NaiveTime,
    },
    #[error("Tidak ada hari kerja: setidaknya satu hari harus memiliki jam kerja")]
    TanpaHariKerja,
    #[error(
        "Data libur {} tercatat dengan tanggal yang berbeda ({})",
        fmt_tanggal_ref(.kunci), fmt_tanggal_ref(.tanggal)
    )]
    LiburTidakCocok {
        kunci: NaiveDate,
        tanggal: NaiveDate,
    },
    /// `rincian` keeps the parser's own (English) detail for logs; it is not shown.
    #[error("Format TOML tidak valid{}", fmt_lokasi(.baris, .kolom))]
    TomlTidakValid {
        baris: Option<usize>,
        kolom: Option<usize>,
        rincian: String,
    },
    #[error("Berkas tidak memuat daftar [[libur]]")]
    TanpaDaftarLibur,
    #[error("Kunci \"libur\" harus berupa daftar tabel [[libur]]")]
    DaftarLiburBukanLarik,
    #[error("Entri libur ke-{nomor}: {pesan}")]
    EntriLibur { nomor: usize, pesan: String },
    #[error("Tanggal {} tercantum lebih dari sekali dalam daftar libur", fmt_tanggal_ref(.tanggal))]
    TanggalGanda { tanggal: NaiveDate },
}

// ---------------------------------------------------------------------------------------------
// Kalender
// ---------------------------------------------------------------------------------------------

const fn jam(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(t) => t,
        None => panic!("jam tidak valid"),
    }
}

const J0730: NaiveTime = jam(7, 30);
const J1130: NaiveTime = jam(11, 30);
const J1200: NaiveTime = jam(12, 0);
const J1300: NaiveTime = jam(13, 0);
const J1600: NaiveTime = jam(16, 0);
const J1630: NaiveTime = jam(16, 30);

/// Working calendar of an office.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kalender {
    pub zona: Zona,
    /// Index 0 = Monday … 6 = Sunday; `None` = no work that weekday.
    pub jam: [Option<JamHari>; 7],
    pub libur: BTreeMap<NaiveDate, HariLibur>,
}

fn indeks_hari(d: NaiveDate) -> usize {
    d.weekday().num_days_from_monday() as usize
}

impl Kalender {
    /// The years of `dari..=sampai` (local dates) with no holiday recorded:
    /// working time there counts weekends and office hours only, so a
    /// holiday of such a year is counted as a working day.
    pub fn tahun_tanpa_libur(&self, dari: NaiveDate, sampai: NaiveDate) -> Vec<i32> {
        (dari.year()..=sampai.year())
            .filter(|y| {
                let awal = NaiveDate::from_ymd_opt(*y, 1, 1);
                let akhir = NaiveDate::from_ymd_opt(*y, 12, 31);
                match (awal, akhir) {
                    (Some(a), Some(b)) => self.libur.range(a..=b).next().is_none(),
                    _ => false,
                }
            })
            .collect()
    }

    /// Perpres 21/2023 defaults: Mon–Thu 07:30–16:00 (break 12:00–13:00), Fri 07:30–16:30
    /// (break 11:30–13:00), no work Sat/Sun, no holidays.
    pub fn standar(zona: Zona) -> Kalender {
        let senin_kamis = JamHari {
            buka: J0730,
            tutup: J1600,
            istirahat: Some((J1200, J1300)),
        };
        let jumat = JamHari {
            buka: J0730,
            tutup: J1630,
            istirahat: Some((J1130, J1300)),
        };
        Kalender {
            zona,
            jam: [
                Some(senin_kamis.clone()),
                Some(senin_kamis.clone()),
                Some(senin_kamis.clone()),
                Some(senin_kamis),
                Some(jumat),
                None,
                None,
            ],
            libur: BTreeMap::new(),
        }
    }

    /// Adds (or replaces, by date) holidays.
    pub fn dengan_libur(mut self, libur: impl IntoIterator<Item = HariLibur>) -> Kalender {
        for h in libur {
            self.libur.insert(h.tanggal, h);
        }
        self
    }

    /// All problems of the calendar, in weekday order (empty = valid).
    pub fn masalah(&self) -> Vec<KalenderError> {
        let mut out = Vec::new();
        for (hari, j) in crate::fmt::HARI.iter().zip(&self.jam) {
            let Some(j) = j else { continue };
            if j.buka >= j.tutup {
                out.push(KalenderError::BukaSetelahTutup { hari });
                continue;
            }
            if let Some((s, e)) = j.istirahat {
                if s >= e {
                    out.push(KalenderError::IstirahatTerbalik { hari });
                } else if s < j.buka || e > j.tutup {
                    out.push(KalenderError::IstirahatDiLuarJamKerja {
                        hari,
                        buka: j.buka,
                        tutup: j.tutup,
                        istirahat_mulai: s,
                        istirahat_selesai: e,
                    });
                }
            }
        }
        if out.is_empty() && !self.ada_jam_kerja() {
            out.push(KalenderError::TanpaHariKerja);
        }
        for (kunci, h) in &self.libur {
            if *kunci != h.tanggal {
                out.push(KalenderError::LiburTidakCocok {
                    kunci: *kunci,
                    tanggal: h.tanggal,
                });
            }
        }
        out
    }

    /// Checks the hours: opening before closing, the break inside the hours with its start
    /// before its end, at least one working weekday; holiday keys match their dates.
    pub fn validasi(&self) -> Result<(), KalenderError> {
        match self.masalah().into_iter().next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Length of "1 hari" in working minutes: the most common day length among weekdays with
    /// working time (ties go to the longer length). 0 if no weekday has working time.
    pub fn standard_day_minutes(&self) -> u32 {
        let mut hitung: BTreeMap<u32, u32> = BTreeMap::new();
        for j in self.jam.iter().flatten() {
            let m = j.menit_kerja();
            if m > 0 {
                *hitung.entry(m).or_insert(0) += 1;
            }
        }
        hitung
            .into_iter()
            .max_by_key(|&(menit, n)| (n, menit))
            .map_or(0, |(menit, _)| menit)
    }

    /// UTC instant → the office's local wall-clock time (saturating at chrono's range end).
    pub fn ke_lokal(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.naive_utc()
            .checked_add_offset(self.zona.offset())
            .unwrap_or(NaiveDateTime::MAX)
    }

    /// The office's local wall-clock time → UTC instant (saturating at chrono's range ends).
    pub fn dari_lokal(&self, t: NaiveDateTime) -> DateTime<Utc> {
        match t.checked_sub_offset(self.zona.offset()) {
            Some(n) => n.and_utc(),
            None if t.year() < 0 => DateTime::<Utc>::MIN_UTC,
            None => DateTime::<Utc>::MAX_UTC,
        }
    }

    /// Whether `d` is a working day: its weekday has hours and it is not a holiday of any kind.
    pub fn hari_kerja(&self, d: NaiveDate) -> bool {
        self.rentang_tanggal(d).n > 0
    }

    /// Whether `t` lies inside working time (half-open intervals).
    pub fn jam_kerja(&self, t: DateTime<Utc>) -> bool {
        if !self.ada_jam_kerja() {
            return true;
        }
        let (d, s) = self.posisi_lokal(t);
        self.rentang_tanggal(d).iter().any(|(a, b)| a <= s && s < b)
    }

    /// `t` itself if it is inside working time, otherwise the next opening instant (end of a
    /// break, next working day's opening, after weekends and holidays).
    pub fn buka_berikut(&self, t: DateTime<Utc>) -> DateTime<Utc> {
        if !self.ada_jam_kerja() {
            return t;
        }
        let (mut d, s) = self.posisi_lokal(t);
        for (a, b) in self.rentang_tanggal(d).iter() {
            if s < b {
                return if s >= a { t } else { self.instan(d, a) };
            }
        }
        // Terminates: some weekday has working time and the holiday list is finite.
        loop {
            d = match d.succ_opt() {
                Some(x) => x,
                None => return DateTime::<Utc>::MAX_UTC,
            };
            if let Some((a, _)) = self.rentang_tanggal(d).pertama() {
                return self.instan(d, a);
            }
        }
    }

    /// Due instant: `mulai` (moved to the next opening if outside working time) plus `menit`
    /// working minutes. When the count runs out exactly at a closing or a break start, the due
    /// instant is that closing instant. `menit == 0` gives `buka_berikut(mulai)`.
    pub fn tambah_menit_kerja(&self, mulai: DateTime<Utc>, menit: u32) -> DateTime<Utc> {
        if !self.ada_jam_kerja() {
            return mulai
                .checked_add_signed(Duration::minutes(i64::from(menit)))
                .unwrap_or(DateTime::<Utc>::MAX_UTC);
        }
        let awal = self.buka_berikut(mulai);
        if menit == 0 {
            return awal;
        }
        let mut sisa = i64::from(menit) * 60;
        let (mut d, s0) = self.posisi_lokal(awal);
        for (a, b) in self.rentang_tanggal(d).iter() {
            let a = a.max(s0);
            if a >= b {
                continue;
            }
            if sisa <= b - a {
                return self.instan(d, a + sisa);
            }
            sisa -= b - a;
        }
        let minggu = self.detik_seminggu();
        loop {
            d = match d.succ_opt() {
                Some(x) => x,
                None => return DateTime::<Utc>::MAX_UTC,
            };
            // Skip whole holiday-free weeks while more than a week's worth remains.
            if minggu > 0 && sisa > minggu {
                let hari_bebas = self
                    .libur
                    .range(d..)
                    .next()
                    .map_or(i64::MAX, |(h, _)| h.signed_duration_since(d).num_days());
                let k = ((sisa - 1) / minggu).min(hari_bebas / 7);
                if k > 0 {
                    let lompat = u64::try_from(k).unwrap_or(0).saturating_mul(7);
                    d = match d.checked_add_days(Days::new(lompat)) {
                        Some(x) => x,
                        None => return DateTime::<Utc>::MAX_UTC,
                    };
                    sisa -= k * minggu;
                }
            }
            for (a, b) in self.rentang_tanggal(d).iter() {
                if sisa <= b - a {
                    return self.instan(d, a + sisa);
                }
                sisa -= b - a;
            }
        }
    }

    /// Working time between two instants (zero if `sampai <= dari`), whole seconds.
    pub fn durasi_kerja(&self, dari: DateTime<Utc>, sampai: DateTime<Utc>) -> Duration {
        if sampai <= dari {
            return Duration::zero();
        }
        if !self.ada_jam_kerja() {
            return Duration::seconds(sampai.signed_duration_since(dari).num_seconds());
        }
        let (d1, s1) = self.posisi_lokal(dari);
        let (d2, s2) = self.posisi_lokal(sampai);
        let total = if d1 == d2 {
            self.irisan(d1, s1, s2)
        } else {
            let tengah = match (d1.succ_opt(), d2.pred_opt()) {
                (Some(a), Some(b)) => self.detik_hari_penuh(a, b),
                _ => 0,
            };
            self.irisan(d1, s1, DETIK_SEHARI) + tengah + self.irisan(d2, 0, s2)
        };
        Duration::seconds(total.max(0))
    }

    // --- private helpers -----------------------------------------------------------------

    /// Working intervals of a calendar date (none on holidays).
    fn rentang_tanggal(&self, d: NaiveDate) -> Rentang {
        if self.libur.contains_key(&d) {
            return Rentang::default();
        }
        self.rentang_hari(indeks_hari(d))
    }

    /// Working intervals of a weekday (0 = Monday), ignoring holidays.
    fn rentang_hari(&self, i: usize) -> Rentang {
        match self.jam.get(i) {
            Some(Some(j)) => j.rentang(),
            _ => Rentang::default(),
        }
    }

    fn detik_per_hari(&self) -> [i64; 7] {
        std::array::from_fn(|i| self.rentang_hari(i).total())
    }

    fn detik_seminggu(&self) -> i64 {
        self.detik_per_hari().iter().sum()
    }

    fn ada_jam_kerja(&self) -> bool {
        self.detik_seminggu() > 0
    }

    /// Local date and whole seconds since local midnight.
    fn posisi_lokal(&self, t: DateTime<Utc>) -> (NaiveDate, i64) {
        let l = self.ke_lokal(t);
        (l.date(), detik(l.time()))
    }

    /// UTC instant of local date `d` at `s` seconds after midnight.
    fn instan(&self, d: NaiveDate, s: i64) -> DateTime<Utc> {
        match d
            .and_time(NaiveTime::MIN)
            .checked_add_signed(Duration::seconds(s))
        {
            Some(l) => self.dari_lokal(l),
            None => DateTime::<Utc>::MAX_UTC,
        }
    }

    /// Working seconds of date `d` inside `[x, y)` (seconds from local midnight).
    fn irisan(&self, d: NaiveDate, x: i64, y: i64) -> i64 {
        self.rentang_tanggal(d)
            .iter()
            .map(|(a, b)| (b.min(y) - a.max(x)).max(0))
            .sum()
    }

    /// Working seconds of the whole dates `dari..=sampai`, without walking day by day:
    /// whole weeks × weekly seconds + the leftover days − the holidays in the range.
    fn detik_hari_penuh(&self, dari: NaiveDate, sampai: NaiveDate) -> i64 {
        if dari > sampai {
            return 0;
        }
        let per_hari = self.detik_per_hari();
        let minggu: i64 = per_hari.iter().sum();
        let n = sampai.signed_duration_since(dari).num_days() + 1;
        let awal = indeks_hari(dari);
        let sisa_hari: i64 = (0..(n % 7) as usize)
            .map(|i| per_hari[(awal + i) % 7])
            .sum();
        let libur: i64 = self
            .libur
            .range(dari..=sampai)
            .map(|(h, _)| per_hari[indeks_hari(*h)])
            .sum();
        (n / 7) * minggu + sisa_hari - libur
    }
}

// ---------------------------------------------------------------------------------------------
// Vonis
// ---------------------------------------------------------------------------------------------

/// Verdict on a task against its standard time.
#[derive(Clone, Debug, PartialEq)]
pub enum Vonis {
    /// Done within the standard.
    TepatWaktu { terpakai: Duration },
    /// Done, late by `lewat` working time.
    Terlambat { terpakai: Duration, lewat: Duration },
    /// Running; `persen` = share of the standard used (0..=100).
    Berjalan {
        terpakai: Duration,
        sisa: Duration,
        persen: u32,
    },
    /// Running and past its due instant; `lewat` = working time past the standard.
    LewatBatas { terpakai: Duration, lewat: Duration },
}

impl Vonis {
    /// The verdict of a task done in `terpakai` working time.
    pub fn selesai(terpakai: Duration, standar_menit: u32) -> Vonis {
        let standar = Duration::minutes(i64::from(standar_menit));
        if terpakai <= standar {
            Vonis::TepatWaktu { terpakai }
        } else {
            Vonis::Terlambat {
                terpakai,
                lewat: terpakai - standar,
            }
        }
    }

    /// Indonesian label, days counted as [`MENIT_HARI_BAWAAN`] minutes.
    pub fn label(&self) -> String {
        self.label_hari(MENIT_HARI_BAWAAN)
    }

    /// Indonesian label with the office's day length (see [`Kalender::standard_day_minutes`]).
    pub fn label_hari(&self, menit_per_hari: u32) -> String {
        match self {
            Vonis::TepatWaktu { .. } => "Tepat waktu".to_string(),
            Vonis::Terlambat { lewat, .. } => {
                format!("Terlambat {}", fmt_durasi(*lewat, menit_per_hari))
            }
            Vonis::Berjalan { persen, .. } => format!("Berjalan ({persen}%)"),
            Vonis::LewatBatas { lewat, .. } if lewat.num_seconds() <= 0 => {
                "Lewat batas".to_string()
            }
            Vonis::LewatBatas { lewat, .. } => {
                format!("Lewat batas {}", fmt_durasi(*lewat, menit_per_hari))
            }
        }
    }

    /// Working time used so far (or in total, when done).
    pub fn terpakai(&self) -> Duration {
        match self {
            Vonis::TepatWaktu { terpakai }
            | Vonis::Terlambat { terpakai, .. }
            | Vonis::Berjalan { terpakai, .. }
            | Vonis::LewatBatas { terpakai, .. } => *terpakai,
        }
    }
}

/// Verdict of a task started at `mulai` with a standard of `standar_menit` working minutes.
///
/// Done (`selesai` given): used = working time `mulai..selesai`; on time iff used ≤ standard.
/// Running: used = working time `mulai..now`; past due iff `now` is after
/// `tambah_menit_kerja(mulai, standar_menit)`.
pub fn vonis(
    kal: &Kalender,
    mulai: DateTime<Utc>,
    standar_menit: u32,
    selesai: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vonis {
    let standar = Duration::minutes(i64::from(standar_menit));
    match selesai {
        Some(s) => Vonis::selesai(kal.durasi_kerja(mulai, s), standar_menit),
        None => {
            let terpakai = kal.durasi_kerja(mulai, now);
            let batas = kal.tambah_menit_kerja(mulai, standar_menit);
            if now > batas {
                Vonis::LewatBatas {
                    terpakai,
                    lewat: (terpakai - standar).max(Duration::zero()),
                }
            } else {
                let sisa = (standar - terpakai).max(Duration::zero());
                let persen = if standar_menit == 0 {
                    100
                } else {
                    let p = terpakai.num_seconds().max(0) * 100 / standar.num_seconds();
                    u32::try_from(p.min(100)).unwrap_or(100)
                };
                Vonis::Berjalan {
                    terpakai,
                    sisa,
                    persen,
                }
            }
        }
    }
}

/// Formats a working-time duration in Indonesian: "5 menit", "3 jam", "1 jam 30 menit",
/// "2 hari 1 jam" (a day = `menit_per_hari` minutes; 0 = never use days), "0 menit" for zero,
/// "kurang dari 1 menit" for under a minute. Seconds are truncated; negative values get "-".
pub fn fmt_durasi(d: Duration, menit_per_hari: u32) -> String {
    let s = d.num_seconds();
    let teks = fmt_detik(s.unsigned_abs(), u64::from(menit_per_hari));
    if s < 0 { format!("-{teks}") } else { teks }
}

fn fmt_detik(detik: u64, menit_per_hari: u64) -> String {
    let menit = detik / 60;
    if menit == 0 {
        return if detik == 0 {
            "0 menit".to_string()
        } else {
            "kurang dari 1 menit".to_string()
        };
    }
    let (hari, sisa) = match (
        menit.checked_div(menit_per_hari),
        menit.checked_rem(menit_per_hari),
    ) {
        (Some(h), Some(r)) => (h, r),
        _ => (0, menit),
    };
    let bagian = [(hari, "hari"), (sisa / 60, "jam"), (sisa % 60, "menit")];
    bagian
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, satuan)| format!("{n} {satuan}"))
        .collect::<Vec<_>>()
        .join(" ")
}
