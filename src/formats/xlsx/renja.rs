//! Reading the "Renja" sheet.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::cells::{BarisData, Lembar, Nilai, Sel, baca_judul, potong, sebagai_teks};
use super::columns::{KolRenja, RENJA_KOLOM, judul_renja, kenali_renja};
use super::{LEMBAR_RENJA, Masalah, RenjaIndikatorRow, RenjaRow, Tingkat};

/// Reads a Tingkat cell: a label or a stored kode, ignoring case, spaces,
/// hyphens and underscores ("Sub Kegiatan", "sub_kegiatan", "SUBKEGIATAN").
pub(super) fn tingkat_dari_teks(s: &str) -> Option<Tingkat> {
    let n: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    Tingkat::ALL
        .into_iter()
        .find(|t| t.kode().replace('_', "") == n)
}

/// Number of dot-separated parts of a kode of this level.
fn jumlah_segmen(t: Tingkat) -> usize {
    match t {
        Tingkat::Program => 3,
        Tingkat::Kegiatan => 5,
        Tingkat::SubKegiatan => 6,
    }
}

/// Whether `kode` has the Permendagri 90/2019 shape of level `t`.
pub(super) fn kode_sah(t: Tingkat, kode: &str) -> bool {
    crate::model::plan::cek_kode_renja(t, kode, None).is_ok()
}

/// The parent's kode of a well-shaped kode ("5.03.02.2.01" → "5.03.02").
pub(super) fn kode_induk(t: Tingkat, kode: &str) -> Option<String> {
    let induk = t.induk()?;
    if !kode_sah(t, kode) {
        return None;
    }
    let segmen: Vec<&str> = kode.split('.').take(jumlah_segmen(induk)).collect();
    Some(segmen.join("."))
}

/// A row set aside in pass 1 as a possible indicator continuation row.
struct Lanjutan<'a> {
    b: BarisData<'a>,
    tahun: i32,
    kode: String,
}

/// The items read so far, and where each (tahun, kode) stands among them.
#[derive(Default)]
struct Item {
    hasil: Vec<RenjaRow>,
    indeks: HashMap<(i32, String), usize>,
}

impl Item {
    /// Adds a main row; a Tahun and Kode seen before is a problem.
    fn tambah(&mut self, lembar: &mut Lembar, row: RenjaRow, kode_kol: Option<u32>) {
        let kunci = (row.tahun, row.kode.clone());
        if let Some(&i) = self.indeks.get(&kunci) {
            let lama = self.hasil.get(i).map(|r| r.baris).unwrap_or_default();
            lembar.catat(
                row.baris,
                kode_kol,
                format!(
                    "Kode '{}' tahun {} sudah ada di baris {lama}",
                    potong(&row.kode),
                    row.tahun
                ),
            );
        } else if row.tahun != 0 && !row.kode.is_empty() {
            self.indeks.insert(kunci, self.hasil.len());
        }
        self.hasil.push(row);
    }
}

pub(super) fn baca_renja(sel: &Sel, masalah: &mut Vec<Masalah>) -> Vec<RenjaRow> {
    let mut lembar = Lembar {
        nama: LEMBAR_RENJA,
        masalah,
    };
    let peta = baca_kolom(sel, &mut lembar);
    let k = |kol: KolRenja| peta.get(&kol).copied();
    let mut item = Item::default();
    let mut lanjutan: Vec<Lanjutan> = Vec::new();

    // Pass 1: main rows; rows that may continue another item are set aside.
    for (&b0, isi) in sel.range(1..) {
        let b = BarisData {
            no: b0.saturating_add(1),
            sel: isi,
        };
        if !peta.values().any(|&c| !b.kosong(Some(c))) {
            continue;
        }
        if let Some((tahun, kode)) = mungkin_lanjutan(&b, &k) {
            // Checked in pass 2, once every main row is known.
            lanjutan.push(Lanjutan { b, tahun, kode });
            continue;
        }
        if let Some(row) = baca_renja_utama(&mut lembar, &b, &k) {
            item.tambah(&mut lembar, row, k(KolRenja::Kode));
        }
    }

    // Pass 2: continuation rows.
    for l in &lanjutan {
        tambah_lanjutan(&mut lembar, &mut item, l, &k);
    }

    periksa_induk(&mut lembar, &item.hasil, &k);
    item.hasil
}

/// The header row: which column holds which field.
fn baca_kolom(sel: &Sel, lembar: &mut Lembar) -> BTreeMap<KolRenja, u32> {
    let wajib: Vec<(KolRenja, &str)> = RENJA_KOLOM
        .iter()
        .filter(|d| d.judul_wajib)
        .map(|d| (d.kol, d.judul))
        .collect();
    baca_judul(
        sel,
        lembar,
        kenali_renja,
        |k| judul_renja(k).to_string(),
        &wajib,
    )
}

/// The Tahun and Kode of a row that may be an indicator continuation row:
/// Tingkat, Nama and Pagu empty, Tahun and Kode given, Tahun 2000–2100.
fn mungkin_lanjutan(b: &BarisData, k: &impl Fn(KolRenja) -> Option<u32>) -> Option<(i32, String)> {
    let tahun_kol = k(KolRenja::Tahun);
    let kode_kol = k(KolRenja::Kode);
    let mungkin = b.kosong(k(KolRenja::Tingkat))
        && b.kosong(k(KolRenja::Nama))
        && b.kosong(k(KolRenja::Pagu))
        && !b.kosong(tahun_kol)
        && !b.kosong(kode_kol);
    if !mungkin {
        return None;
    }
    let tahun = match b.nilai(tahun_kol) {
        Some(Nilai::Angka(f)) if f.fract() == 0.0 && (2000.0..=2100.0).contains(f) => {
            Some(*f as i32)
        }
        Some(Nilai::Teks(s)) => s.trim().parse().ok().filter(|t| (2000..=2100).contains(t)),
        _ => None,
    };
    let kode = b
        .nilai(kode_kol)
        .and_then(|n| sebagai_teks(n).ok())
        .unwrap_or_default();
    Some((tahun?, kode))
}

/// Adds a continuation row's indicator to its main row (problems reported).
fn tambah_lanjutan(
    lembar: &mut Lembar,
    item: &mut Item,
    l: &Lanjutan,
    k: &impl Fn(KolRenja) -> Option<u32>,
) {
    let b = &l.b;
    let Some(&i) = item.indeks.get(&(l.tahun, l.kode.clone())) else {
        lanjutan_tanpa_utama(lembar, l, k);
        return;
    };
    let Some(utama) = item.hasil.get_mut(i) else {
        return;
    };
    periksa_sama_utama(lembar, b, utama, k);
    if b.kosong(k(KolRenja::Indikator)) {
        lembar.catat(
            b.no,
            k(KolRenja::Indikator),
            "Indikator wajib diisi pada baris lanjutan indikator",
        );
    }
    if let Some(ind) = baca_indikator(lembar, b, k) {
        utama.indikator.push(ind);
    }
}

/// A continuation row whose main row does not exist: reported as a main
/// row without Tingkat and Nama.
fn lanjutan_tanpa_utama(lembar: &mut Lembar, l: &Lanjutan, k: &impl Fn(KolRenja) -> Option<u32>) {
    let b = &l.b;
    let pesan = format!(
        "Tingkat wajib diisi (baris lanjutan indikator harus mengikuti baris utama \
         dengan Tahun {} dan Kode '{}', tetapi baris itu tidak ada)",
        l.tahun,
        potong(&l.kode)
    );
    lembar.catat(b.no, k(KolRenja::Tingkat), pesan);
    lembar.catat(b.no, k(KolRenja::Nama), "Nama wajib diisi");
    // Report the row's other cell problems too.
    let _ = baca_indikator(lembar, b, k);
}

/// Unit, Pagu DPA and Kode Sasaran of a continuation row: empty or as on
/// its main row.
fn periksa_sama_utama(
    lembar: &mut Lembar,
    b: &BarisData,
    utama: &RenjaRow,
    k: &impl Fn(KolRenja) -> Option<u32>,
) {
    let baris_utama = utama.baris;
    let unit = lembar.teks(b, k(KolRenja::Unit), "Unit Pelaksana");
    let dpa = lembar.pagu(b, k(KolRenja::PaguDpa), "Pagu DPA (Rp)");
    let sasaran = lembar.teks(b, k(KolRenja::KodeSasaran), "Kode Sasaran Renstra");
    for (kol, judul, sama) in [
        (
            KolRenja::Unit,
            "Unit Pelaksana",
            unit.is_empty() || unit == utama.unit,
        ),
        (
            KolRenja::PaguDpa,
            "Pagu DPA (Rp)",
            dpa.is_none() || dpa == utama.pagu_dpa,
        ),
        (
            KolRenja::KodeSasaran,
            "Kode Sasaran Renstra",
            sasaran.is_empty() || sasaran == utama.kode_sasaran,
        ),
    ] {
        if !sama {
            lembar.catat(
                b.no,
                k(kol),
                format!(
                    "baris lanjutan indikator: kosongkan {judul} (diisi pada baris {baris_utama})"
                ),
            );
        }
    }
}

/// Parents: a kegiatan needs its program, a sub kegiatan its kegiatan, in the same year.
fn periksa_induk(lembar: &mut Lembar, hasil: &[RenjaRow], k: &impl Fn(KolRenja) -> Option<u32>) {
    let ada: HashSet<(i32, Tingkat, &str)> = hasil
        .iter()
        .map(|r| (r.tahun, r.tingkat, r.kode.as_str()))
        .collect();
    for r in hasil {
        if let (Some(induk), Some(kode_induk)) = (r.tingkat.induk(), kode_induk(r.tingkat, &r.kode))
            && !ada.contains(&(r.tahun, induk, kode_induk.as_str()))
        {
            lembar.catat(
                r.baris,
                k(KolRenja::Kode),
                format!(
                    "{} {} tidak punya induk: {} {} tidak ada pada tahun {}",
                    r.tingkat.label(),
                    r.kode,
                    induk.label(),
                    kode_induk,
                    r.tahun
                ),
            );
        }
    }
}

/// A main Renja row; None when the row cannot become an item at all.
fn baca_renja_utama(
    lembar: &mut Lembar,
    b: &BarisData,
    k: &impl Fn(KolRenja) -> Option<u32>,
) -> Option<RenjaRow> {
    let mut row = RenjaRow {
        baris: b.no,
        ..RenjaRow::default()
    };
    let kol = k(KolRenja::Tahun);
    if b.kosong(kol) {
        if kol.is_some() {
            lembar.catat(b.no, kol, "Tahun wajib diisi");
        }
    } else {
        row.tahun = lembar.tahun(b, kol, "Tahun", (2000, 2100)).unwrap_or(0);
    }
    let kol = k(KolRenja::Tingkat);
    let tingkat = lembar.wajib_dibaca(b, kol, "Tingkat", tingkat_dari_teks, |t| {
        format!("Tingkat '{t}' tidak dikenal: isi Program, Kegiatan, atau Sub Kegiatan")
    });
    row.tingkat = tingkat.unwrap_or(Tingkat::Program);
    let kol = k(KolRenja::Kode);
    row.kode = lembar.wajib(b, kol, "Kode");
    if let Some(t) = tingkat
        && !row.kode.is_empty()
        && !kode_sah(t, &row.kode)
    {
        lembar.catat(
            b.no,
            kol,
            format!(
                "kode '{}' tidak sesuai pola Permendagri 90/2019 (contoh: {})",
                potong(&row.kode),
                t.contoh()
            ),
        );
    }
    row.nama = lembar.wajib(b, k(KolRenja::Nama), "Nama");
    row.unit = lembar.teks(b, k(KolRenja::Unit), "Unit Pelaksana");
    row.indikator.extend(baca_indikator(lembar, b, k));
    row.pagu = lembar.pagu(b, k(KolRenja::Pagu), "Pagu (Rp)").unwrap_or(0);
    row.pagu_dpa = lembar.pagu(b, k(KolRenja::PaguDpa), "Pagu DPA (Rp)");
    row.kode_sasaran = lembar.teks(b, k(KolRenja::KodeSasaran), "Kode Sasaran Renstra");
    Some(row)
}

/// The indicator of a Renja row, if it has one (problems reported).
fn baca_indikator(
    lembar: &mut Lembar,
    b: &BarisData,
    k: &impl Fn(KolRenja) -> Option<u32>,
) -> Option<RenjaIndikatorRow> {
    let kol_ind = k(KolRenja::Indikator);
    let kol_target = k(KolRenja::Target);
    let nama = lembar.teks(b, kol_ind, "Indikator");
    let satuan = lembar.teks(b, k(KolRenja::Satuan), "Satuan");
    let target = lembar.target(b, kol_target, "Target");
    if b.kosong(kol_ind) {
        if kol_ind.is_some() && !(b.kosong(k(KolRenja::Satuan)) && b.kosong(kol_target)) {
            lembar.catat(
                b.no,
                kol_ind,
                "Indikator wajib diisi bila Satuan atau Target diisi",
            );
        }
        return None;
    }
    if b.kosong(kol_target) && kol_target.is_some() {
        lembar.catat(b.no, kol_target, "Target wajib diisi bila Indikator diisi");
    }
    Some(RenjaIndikatorRow {
        nama,
        satuan,
        target: target?,
    })
}
