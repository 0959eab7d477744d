//! Reading the "Renstra" sheet.

use std::collections::{BTreeMap, HashMap};

use crate::model::plan::Target;

use super::cells::{BarisData, Lembar, Nilai, Sel, angka_polos, baca_judul, potong};
use super::columns::{
    KolRenstra, RENSTRA_AKHIR, RENSTRA_AWAL, judul_renstra, judul_target, kenali_renstra, normal,
};
use super::{LEMBAR_RENSTRA, Masalah, RenstraRow, periode_sah};

pub(super) fn baca_periode(s: &str) -> Option<(i32, i32)> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (a, b) = s.split_once(['-', '\u{2013}', '\u{2014}'])?;
    let tahun = |t: &str| {
        if t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse::<i32>().ok()
        } else {
            None
        }
    };
    let p = (tahun(a)?, tahun(b)?);
    periode_sah(p).then_some(p)
}

/// The columns of the Renstra sheet, as found on its header row.
struct Kolom {
    peta: BTreeMap<KolRenstra, u32>,
    /// (year, column) of each "Target YYYY" column.
    target: Vec<(i32, u32)>,
}

impl Kolom {
    fn k(&self, kol: KolRenstra) -> Option<u32> {
        self.peta.get(&kol).copied()
    }
}

pub(super) fn baca_renstra(sel: &Sel, masalah: &mut Vec<Masalah>) -> Vec<RenstraRow> {
    let mut lembar = Lembar {
        nama: LEMBAR_RENSTRA,
        masalah,
    };
    let kolom = baca_kolom(sel, &mut lembar);
    let mut hasil = Vec::new();
    let mut kode = KodeTerpakai::default();
    for (&b0, isi) in sel.range(1..) {
        let b = BarisData {
            no: b0.saturating_add(1),
            sel: isi,
        };
        if !kolom.peta.values().any(|&c| !b.kosong(Some(c))) {
            continue; // only cells without a header: already reported
        }
        let (row, periode) = baca_baris(&mut lembar, &b, &kolom);
        if let Some(p) = periode {
            kode.periksa(&mut lembar, &kolom, &row, p);
        }
        hasil.push(row);
    }
    hasil
}

/// The header row, with a problem for each target year outside 2000–2100.
fn baca_kolom(sel: &Sel, lembar: &mut Lembar) -> Kolom {
    let wajib: Vec<(KolRenstra, &str)> = RENSTRA_AWAL
        .iter()
        .chain(RENSTRA_AKHIR.iter())
        .filter(|d| d.judul_wajib)
        .map(|d| (d.kol, d.judul))
        .collect();
    let peta = baca_judul(sel, lembar, kenali_renstra, judul_renstra, &wajib);
    let target: Vec<(i32, u32)> = peta
        .iter()
        .filter_map(|(kol, &c)| match kol {
            KolRenstra::Target(t) => Some((*t, c)),
            _ => None,
        })
        .collect();
    for &(t, c) in &target {
        if !(2000..=2100).contains(&t) {
            lembar.catat(
                1,
                Some(c),
                format!("tahun pada judul '{}' di luar 2000–2100", judul_target(t)),
            );
        }
    }
    Kolom { peta, target }
}

/// One data row, with its period when that is valid.
fn baca_baris(
    lembar: &mut Lembar,
    b: &BarisData,
    kolom: &Kolom,
) -> (RenstraRow, Option<(i32, i32)>) {
    let k = |kol: KolRenstra| kolom.k(kol);
    let mut row = RenstraRow {
        baris: b.no,
        naik_baik: true,
        ..RenstraRow::default()
    };
    let periode = lembar.wajib_dibaca(b, k(KolRenstra::Periode), "Periode", baca_periode, |t| {
        format!(
            "Periode '{t}' tidak sah: tulis tahun awal-tahun akhir, misalnya 2025-2029 \
             (paling lama 10 tahun, tahun 2000–2100)"
        )
    });
    row.periode = periode.unwrap_or_default();
    row.kode_tujuan = lembar.teks(b, k(KolRenstra::KodeTujuan), "Kode Tujuan");
    row.tujuan = lembar.wajib(b, k(KolRenstra::Tujuan), "Tujuan");
    row.kode_sasaran = lembar.teks(b, k(KolRenstra::KodeSasaran), "Kode Sasaran");
    row.sasaran = lembar.wajib(b, k(KolRenstra::Sasaran), "Sasaran");
    row.kode_indikator = lembar.teks(b, k(KolRenstra::KodeIndikator), "Kode Indikator");
    row.indikator = lembar.wajib(b, k(KolRenstra::Indikator), "Indikator");
    row.satuan = lembar.wajib(b, k(KolRenstra::Satuan), "Satuan");
    row.baseline_tahun = lembar.tahun(
        b,
        k(KolRenstra::TahunBaseline),
        "Tahun Baseline",
        (1900, 2100),
    );
    let kol = k(KolRenstra::NilaiBaseline);
    row.baseline_nilai = match b.nilai(kol) {
        // A number typed into the cell reads as the app shows numbers: "95,5".
        Some(Nilai::Angka(f)) => angka_polos(*f).replace('.', ","),
        _ => lembar.teks(b, kol, "Nilai Baseline"),
    };
    row.targets = baca_target(lembar, b, &kolom.target, periode);
    row.definisi = lembar.teks(b, k(KolRenstra::Definisi), "Definisi Operasional");
    row.formula = lembar.teks(b, k(KolRenstra::Formula), "Formula");
    row.sumber_data = lembar.teks(b, k(KolRenstra::SumberData), "Sumber Data");
    row.naik_baik = baca_arah(lembar, b, k(KolRenstra::Arah));
    row.kumulatif = baca_kumulatif(lembar, b, k(KolRenstra::Kumulatif));
    row.penanggung_jawab = lembar.teks(b, k(KolRenstra::PenanggungJawab), "Penanggung Jawab");
    (row, periode)
}

/// The row's targets, ascending by year; a target outside `periode` is a problem.
fn baca_target(
    lembar: &mut Lembar,
    b: &BarisData,
    target_kolom: &[(i32, u32)],
    periode: Option<(i32, i32)>,
) -> Vec<(i32, Target)> {
    let mut targets = Vec::new();
    for &(tahun, c) in target_kolom {
        let judul = judul_target(tahun);
        if b.kosong(Some(c)) {
            continue;
        }
        if let Some((awal, akhir)) = periode
            && !(awal..=akhir).contains(&tahun)
        {
            lembar.catat(
                b.no,
                Some(c),
                format!("{judul} di luar periode {awal}-{akhir}; kosongkan sel ini"),
            );
            continue;
        }
        if let Some(t) = lembar.target(b, Some(c), &judul) {
            targets.push((tahun, t));
        }
    }
    targets
}

/// The Arah cell: true for "naik" or empty, false for "turun"; anything else
/// is reported and reads as "naik".
fn baca_arah(lembar: &mut Lembar, b: &BarisData, kol: Option<u32>) -> bool {
    let arah = lembar.teks(b, kol, "Arah");
    match normal(&arah).as_str() {
        "" | "naik" => true,
        "turun" => false,
        _ => {
            lembar.catat(
                b.no,
                kol,
                format!(
                    "Arah '{}' tidak dikenal: isi naik atau turun",
                    potong(&arah)
                ),
            );
            true
        }
    }
}

/// The Kumulatif cell: true for "ya", false for "tidak" or empty; anything
/// else is reported and reads as "tidak".
fn baca_kumulatif(lembar: &mut Lembar, b: &BarisData, kol: Option<u32>) -> bool {
    let isi = lembar.teks(b, kol, "Kumulatif");
    match normal(&isi).as_str() {
        "ya" => true,
        "" | "tidak" => false,
        _ => {
            let pesan = format!(
                "Kumulatif '{}' tidak dikenal: isi ya atau tidak",
                potong(&isi)
            );
            lembar.catat(b.no, kol, pesan);
            false
        }
    }
}

/// (periode, kode) → first row, for the uniqueness and hierarchy checks.
type Kunci = ((i32, i32), String);

/// The kodes seen so far in each period.
#[derive(Default)]
struct KodeTerpakai {
    indikator: HashMap<Kunci, u32>,
    tujuan: HashMap<Kunci, (String, u32)>,
    sasaran: HashMap<Kunci, (String, String, u32)>,
}

impl KodeTerpakai {
    /// Checks the row's kodes against the rows before it in period `p`.
    fn periksa(&mut self, lembar: &mut Lembar, kolom: &Kolom, row: &RenstraRow, p: (i32, i32)) {
        self.periksa_indikator(lembar, kolom, row, p);
        self.periksa_tujuan(lembar, kolom, row, p);
        self.periksa_sasaran(lembar, kolom, row, p);
    }

    fn periksa_indikator(
        &mut self,
        lembar: &mut Lembar,
        kolom: &Kolom,
        row: &RenstraRow,
        p: (i32, i32),
    ) {
        if row.kode_indikator.is_empty() {
            return;
        }
        let kunci = (p, row.kode_indikator.clone());
        if let Some(&lama) = self.indikator.get(&kunci) {
            lembar.catat(
                row.baris,
                kolom.k(KolRenstra::KodeIndikator),
                format!(
                    "Kode Indikator '{}' sudah dipakai pada periode {}-{} (baris {lama})",
                    potong(&row.kode_indikator),
                    p.0,
                    p.1
                ),
            );
        } else {
            self.indikator.insert(kunci, row.baris);
        }
    }

    fn periksa_tujuan(
        &mut self,
        lembar: &mut Lembar,
        kolom: &Kolom,
        row: &RenstraRow,
        p: (i32, i32),
    ) {
        if row.kode_tujuan.is_empty() || row.tujuan.is_empty() {
            return;
        }
        let kunci = (p, row.kode_tujuan.clone());
        match self.tujuan.get(&kunci) {
            Some((tujuan, lama)) if *tujuan != row.tujuan => lembar.catat(
                row.baris,
                kolom.k(KolRenstra::Tujuan),
                format!(
                    "Kode Tujuan '{}' sudah dipakai untuk tujuan lain (baris {lama}); \
                     tulis uraian tujuan yang sama persis",
                    potong(&row.kode_tujuan)
                ),
            ),
            Some(_) => {}
            None => {
                self.tujuan.insert(kunci, (row.tujuan.clone(), row.baris));
            }
        }
    }

    fn periksa_sasaran(
        &mut self,
        lembar: &mut Lembar,
        kolom: &Kolom,
        row: &RenstraRow,
        p: (i32, i32),
    ) {
        if row.kode_sasaran.is_empty() || row.sasaran.is_empty() {
            return;
        }
        let kunci = (p, row.kode_sasaran.clone());
        match self.sasaran.get(&kunci) {
            Some((sasaran, _, lama)) if *sasaran != row.sasaran => lembar.catat(
                row.baris,
                kolom.k(KolRenstra::Sasaran),
                format!(
                    "Kode Sasaran '{}' sudah dipakai untuk sasaran lain (baris {lama}); \
                     tulis uraian sasaran yang sama persis",
                    potong(&row.kode_sasaran)
                ),
            ),
            Some((_, tujuan, lama)) if *tujuan != row.tujuan => lembar.catat(
                row.baris,
                kolom.k(KolRenstra::KodeSasaran),
                format!(
                    "sasaran '{}' sudah berada di bawah tujuan lain (baris {lama})",
                    potong(&row.kode_sasaran)
                ),
            ),
            Some(_) => {}
            None => {
                let nilai = (row.sasaran.clone(), row.tujuan.clone(), row.baris);
                self.sasaran.insert(kunci, nilai);
            }
        }
    }
}
