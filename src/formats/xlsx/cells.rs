//! Cell values of a sheet and the typed reading of them, with problems reported per cell.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::plan::{Target, TargetError};

use super::{MAKS_PAGU, MAKS_TEKS, Masalah, kolom_huruf};

/// A non-empty cell value, detached from calamine.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Nilai {
    Teks(String),
    Angka(f64),
    Bool(bool),
    Tanggal,
    Galat(String),
}

/// Non-empty cells of one sheet: row0 → col0 → value.
pub(super) type Sel = BTreeMap<u32, BTreeMap<u32, Nilai>>;

/// Collects problems of one sheet and reads typed values from its cells.
pub(super) struct Lembar<'a> {
    pub(super) nama: &'static str,
    pub(super) masalah: &'a mut Vec<Masalah>,
}

impl Lembar<'_> {
    pub(super) fn catat(&mut self, baris: u32, kolom: Option<u32>, pesan: impl Into<String>) {
        self.masalah.push(Masalah {
            lembar: self.nama.to_string(),
            baris,
            kolom: kolom.map(|k| kolom_huruf(k as usize)).unwrap_or_default(),
            pesan: pesan.into(),
        });
    }

    /// The cell's text (trimmed), or "" when empty or unusable (then reported).
    pub(super) fn teks(&mut self, b: &BarisData, kolom: Option<u32>, judul: &str) -> String {
        let Some(nilai) = b.nilai(kolom) else {
            return String::new();
        };
        match sebagai_teks(nilai) {
            Ok(s) => {
                let n = s.chars().count();
                if n > MAKS_TEKS {
                    self.catat(
                        b.no,
                        kolom,
                        format!("{judul} terlalu panjang ({n} karakter; paling banyak 1.000)"),
                    );
                }
                s
            }
            Err(pesan) => {
                self.catat(b.no, kolom, format!("{judul} {pesan}"));
                String::new()
            }
        }
    }

    /// Like [`Self::teks`], but an empty cell is a problem.
    pub(super) fn wajib(&mut self, b: &BarisData, kolom: Option<u32>, judul: &str) -> String {
        let s = self.teks(b, kolom, judul);
        if kolom.is_some() && b.nilai(kolom).is_none() {
            self.catat(b.no, kolom, format!("{judul} wajib diisi"));
        }
        s
    }

    /// Like [`Self::wajib`], read by `baca`; None when empty or when `baca`
    /// rejects the text (then reported by `pesan` of the shortened text).
    pub(super) fn wajib_dibaca<T>(
        &mut self,
        b: &BarisData,
        kolom: Option<u32>,
        judul: &str,
        baca: impl Fn(&str) -> Option<T>,
        pesan: impl Fn(String) -> String,
    ) -> Option<T> {
        let teks = self.wajib(b, kolom, judul);
        if teks.is_empty() {
            return None;
        }
        let hasil = baca(&teks);
        if hasil.is_none() {
            self.catat(b.no, kolom, pesan(potong(&teks)));
        }
        hasil
    }

    /// A year in `rentang`; None when empty or wrong (then reported).
    pub(super) fn tahun(
        &mut self,
        b: &BarisData,
        kolom: Option<u32>,
        judul: &str,
        rentang: (i32, i32),
    ) -> Option<i32> {
        let nilai = b.nilai(kolom)?;
        let hasil = match nilai {
            Nilai::Angka(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= 9999.0 => Some(*f as i32),
            Nilai::Teks(s) => {
                let s = s.trim();
                if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
                    s.parse().ok()
                } else {
                    None
                }
            }
            _ => None,
        };
        match hasil {
            Some(t) if t >= rentang.0 && t <= rentang.1 => Some(t),
            _ => {
                let tampil = sebagai_teks(nilai).unwrap_or_else(|_| "?".into());
                self.catat(
                    b.no,
                    kolom,
                    format!(
                        "{judul} '{}' bukan tahun {}–{} (contoh: 2025)",
                        potong(&tampil),
                        rentang.0,
                        rentang.1
                    ),
                );
                None
            }
        }
    }

    /// A cell read by `parse`; None when empty or wrong (then reported).
    fn parsed<T>(
        &mut self,
        b: &BarisData,
        kolom: Option<u32>,
        judul: &str,
        parse: fn(&Nilai) -> Result<T, String>,
    ) -> Option<T> {
        let nilai = b.nilai(kolom)?;
        match parse(nilai) {
            Ok(v) => Some(v),
            Err(pesan) => {
                self.catat(b.no, kolom, format!("{judul} {pesan}"));
                None
            }
        }
    }

    /// A target; None when empty or wrong (then reported).
    pub(super) fn target(
        &mut self,
        b: &BarisData,
        kolom: Option<u32>,
        judul: &str,
    ) -> Option<Target> {
        self.parsed(b, kolom, judul, target_dari)
    }

    /// A pagu; None when empty or wrong (then reported).
    pub(super) fn pagu(&mut self, b: &BarisData, kolom: Option<u32>, judul: &str) -> Option<i64> {
        self.parsed(b, kolom, judul, pagu_dari)
    }
}

/// One data row: its 1-based number and its non-empty cells.
pub(super) struct BarisData<'a> {
    pub(super) no: u32,
    pub(super) sel: &'a BTreeMap<u32, Nilai>,
}

impl BarisData<'_> {
    pub(super) fn nilai(&self, kolom: Option<u32>) -> Option<&Nilai> {
        self.sel.get(&kolom?)
    }

    pub(super) fn kosong(&self, kolom: Option<u32>) -> bool {
        self.nilai(kolom).is_none()
    }
}

/// Shortens a value quoted in a message.
pub(super) fn potong(s: &str) -> String {
    crate::model::potong(s, 60)
}

/// Removes the binary noise of a spreadsheet number (0.30000000000000004 → 0.3)
/// by keeping 15 significant digits, as Excel shows them.
pub(super) fn bersih(f: f64) -> f64 {
    if !f.is_finite() || f == 0.0 {
        return if f == 0.0 { 0.0 } else { f };
    }
    format!("{f:.14e}").parse().unwrap_or(f)
}

/// A number cell as plain text: 95 → "95", 0.65 → "0.65".
pub(super) fn angka_polos(f: f64) -> String {
    let f = bersih(f);
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A cell as text; Err with the tail of a message for dates and errors.
pub(super) fn sebagai_teks(n: &Nilai) -> Result<String, String> {
    match n {
        Nilai::Teks(s) => Ok(s.trim().to_string()),
        Nilai::Angka(f) => Ok(angka_polos(*f)),
        Nilai::Bool(b) => Ok(if *b { "BENAR" } else { "SALAH" }.to_string()),
        Nilai::Tanggal => Err("berisi tanggal; ketik sebagai teks atau angka biasa".to_string()),
        Nilai::Galat(e) => Err(format!("berisi galat rumus {e}")),
    }
}

pub(super) fn target_dari(n: &Nilai) -> Result<Target, String> {
    match n {
        Nilai::Angka(f) => {
            let f = bersih(*f);
            if f.is_finite() && f.abs() < 1e15 {
                Ok(Target::Angka(f))
            } else {
                Err("bukan angka yang sah".to_string())
            }
        }
        other => {
            let s = sebagai_teks(other)?;
            Target::parse(&s).map_err(|e| match e {
                TargetError::Kosong => "wajib diisi".to_string(),
                TargetError::TerlaluPanjang => {
                    "terlalu panjang (paling banyak 100 karakter)".into()
                }
                TargetError::BukanAngka(s) => format!("'{}' bukan angka yang sah", potong(&s)),
            })
        }
    }
}

/// Whole Rupiah from a number cell or a text such as "Rp 1.234.567",
/// "1.234.567,00" or "Rp 1.234.567,-".
pub(super) fn pagu_dari(n: &Nilai) -> Result<i64, String> {
    let bukan = |s: &str| {
        format!(
            "'{}' bukan angka Rupiah (contoh: 1.234.567 atau Rp 1.234.567)",
            potong(s)
        )
    };
    let (negatif, bulat, pecahan_nol) = match n {
        Nilai::Angka(f) => {
            let f = bersih(*f);
            if !f.is_finite() {
                return Err(bukan(&angka_polos(f)));
            }
            (f < 0.0, f.abs().trunc(), f.fract() == 0.0)
        }
        other => {
            let asli = sebagai_teks(other)?;
            let mut s: String = asli
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
                .collect();
            if s.len() >= 2 && s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")) {
                s = s.get(2..).unwrap_or_default().to_string();
                if let Some(r) = s.strip_prefix('.') {
                    s = r.to_string();
                }
            }
            let negatif = s.starts_with('-');
            let s = s.strip_prefix('-').unwrap_or(&s);
            let s = s.strip_suffix(",-").unwrap_or(s);
            let (bulat_s, pecahan_s) = match s.split_once(',') {
                Some((a, b)) => (a, Some(b)),
                None => (s, None),
            };
            let semua_angka = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
            let (bulat_s, pecahan_s) = if bulat_s.contains('.') {
                let mut grup = bulat_s.split('.');
                let pertama = grup.next().unwrap_or_default();
                let sisa: Vec<&str> = grup.collect();
                let ribuan = (1..=3).contains(&pertama.len())
                    && semua_angka(pertama)
                    && sisa.iter().all(|g| g.len() == 3 && semua_angka(g));
                if ribuan {
                    (bulat_s.replace('.', ""), pecahan_s)
                } else if pecahan_s.is_none() && sisa.len() == 1 {
                    // "1234.5": a decimal point, as pasted from an English sheet.
                    (pertama.to_string(), sisa.first().copied())
                } else {
                    return Err(bukan(&asli));
                }
            } else {
                (bulat_s.to_string(), pecahan_s)
            };
            if !semua_angka(&bulat_s) || pecahan_s.is_some_and(|p| !semua_angka(p)) {
                return Err(bukan(&asli));
            }
            let bulat: f64 = bulat_s.parse().map_err(|_| bukan(&asli))?;
            (
                negatif,
                bulat,
                pecahan_s.is_none_or(|p| p.bytes().all(|c| c == b'0')),
            )
        }
    };
    if negatif && (bulat > 0.0 || !pecahan_nol) {
        return Err("tidak boleh negatif".to_string());
    }
    if !pecahan_nol {
        return Err("harus Rupiah bulat tanpa sen".to_string());
    }
    if bulat > MAKS_PAGU as f64 {
        return Err("terlalu besar".to_string());
    }
    Ok(bulat as i64)
}

/// The header row of a sheet: which column holds which field, with problems.
pub(super) fn baca_judul<K: Copy + Ord>(
    sel: &Sel,
    lembar: &mut Lembar,
    kenali: impl Fn(&str) -> Option<K>,
    judul_dari: impl Fn(K) -> String,
    wajib: &[(K, &str)],
) -> BTreeMap<K, u32> {
    let mut peta: BTreeMap<K, u32> = BTreeMap::new();
    let kosong = BTreeMap::new();
    let judul = sel.get(&0).unwrap_or(&kosong);
    for (&kolom, nilai) in judul {
        let teks = sebagai_teks(nilai).unwrap_or_default();
        match kenali(&teks) {
            Some(k) => {
                if let Some(&lama) = peta.get(&k) {
                    lembar.catat(
                        1,
                        Some(kolom),
                        format!(
                            "judul kolom '{}' ganda (sudah ada di kolom {})",
                            judul_dari(k),
                            kolom_huruf(lama as usize)
                        ),
                    );
                } else {
                    peta.insert(k, kolom);
                }
            }
            None => lembar.catat(
                1,
                Some(kolom),
                format!("judul kolom '{}' tidak dikenal", potong(&teks)),
            ),
        }
    }
    if !sel.is_empty() {
        for &(k, j) in wajib {
            if !peta.contains_key(&k) {
                lembar.catat(
                    1,
                    None,
                    format!("kolom wajib '{j}' tidak ada pada baris judul"),
                );
            }
        }
    }
    // Data in a column without a header: reported once per column.
    let mut dilaporkan = BTreeSet::new();
    for (&b, isi) in sel.range(1..) {
        for &kolom in isi.keys() {
            if !judul.contains_key(&kolom) && dilaporkan.insert(kolom) {
                lembar.catat(
                    b.saturating_add(1),
                    Some(kolom),
                    "sel berisi data tetapi kolomnya tidak berjudul",
                );
            }
        }
    }
    peta
}
