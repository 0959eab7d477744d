//! The columns of the Renstra and Renja sheets: shared by the reader, the writer and the Petunjuk sheet.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum KolRenstra {
    Periode,
    KodeTujuan,
    Tujuan,
    KodeSasaran,
    Sasaran,
    KodeIndikator,
    Indikator,
    Satuan,
    TahunBaseline,
    NilaiBaseline,
    Target(i32),
    Definisi,
    Formula,
    SumberData,
    Arah,
    Kumulatif,
    PenanggungJawab,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum KolRenja {
    Tahun,
    Tingkat,
    Kode,
    Nama,
    Unit,
    Indikator,
    Satuan,
    Target,
    Pagu,
    PaguDpa,
    KodeSasaran,
}

/// How a column is written and explained.
pub(super) struct Def<K> {
    pub(super) kol: K,
    pub(super) judul: &'static str,
    /// The header must be present.
    pub(super) judul_wajib: bool,
    /// Shown in Petunjuk: "Ya", "Tidak" or a condition.
    pub(super) wajib: &'static str,
    pub(super) lebar: f64,
    /// Kept as text in Excel (kode columns), so "1.10" stays "1.10".
    pub(super) teks: bool,
    pub(super) ket: &'static str,
    pub(super) contoh: &'static str,
}

// One positional call per column keeps the tables below readable.
#[allow(clippy::too_many_arguments)]
const fn def<K>(
    kol: K,
    judul: &'static str,
    judul_wajib: bool,
    wajib: &'static str,
    lebar: f64,
    teks: bool,
    ket: &'static str,
    contoh: &'static str,
) -> Def<K> {
    Def {
        kol,
        judul,
        judul_wajib,
        wajib,
        lebar,
        teks,
        ket,
        contoh,
    }
}

/// Renstra columns before the "Target YYYY" columns.
pub(super) const RENSTRA_AWAL: [Def<KolRenstra>; 10] = [
    def(
        KolRenstra::Periode,
        "Periode",
        true,
        "Ya",
        11.0,
        true,
        "Periode Renstra: tahun awal-tahun akhir, paling lama 10 tahun, tahun 2000–2100.",
        "2025-2029",
    ),
    def(
        KolRenstra::KodeTujuan,
        "Kode Tujuan",
        false,
        "Tidak",
        12.0,
        true,
        "Kode tujuan. Dalam satu periode satu kode hanya untuk satu tujuan.",
        "T1",
    ),
    def(
        KolRenstra::Tujuan,
        "Tujuan",
        true,
        "Ya",
        40.0,
        false,
        "Uraian tujuan. Ulangi pada setiap baris indikator di bawah tujuan ini.",
        "Meningkatnya kualitas perencanaan dan akuntabilitas kinerja",
    ),
    def(
        KolRenstra::KodeSasaran,
        "Kode Sasaran",
        false,
        "Tidak",
        13.0,
        true,
        "Kode sasaran strategis. Dalam satu periode satu kode hanya untuk satu sasaran di bawah satu tujuan.",
        "S1.1",
    ),
    def(
        KolRenstra::Sasaran,
        "Sasaran",
        true,
        "Ya",
        40.0,
        false,
        "Uraian sasaran strategis. Ulangi pada setiap baris indikator di bawah sasaran ini.",
        "Meningkatnya akuntabilitas kinerja Badan",
    ),
    def(
        KolRenstra::KodeIndikator,
        "Kode Indikator",
        false,
        "Tidak",
        14.0,
        true,
        "Kode indikator kinerja; tidak boleh berulang dalam satu periode.",
        "IK1.1.1",
    ),
    def(
        KolRenstra::Indikator,
        "Indikator",
        true,
        "Ya",
        40.0,
        false,
        "Indikator kinerja sasaran.",
        "Nilai SAKIP Badan",
    ),
    def(
        KolRenstra::Satuan,
        "Satuan",
        true,
        "Ya",
        12.0,
        false,
        "Satuan target: %, dokumen, orang, indeks, predikat, dan sebagainya.",
        "predikat",
    ),
    def(
        KolRenstra::TahunBaseline,
        "Tahun Baseline",
        false,
        "Tidak",
        10.0,
        false,
        "Tahun nilai awal (baseline), empat angka.",
        "2024",
    ),
    def(
        KolRenstra::NilaiBaseline,
        "Nilai Baseline",
        false,
        "Tidak",
        12.0,
        false,
        "Nilai awal; angka atau teks.",
        "B",
    ),
];

/// Renstra columns after the "Target YYYY" columns.
pub(super) const RENSTRA_AKHIR: [Def<KolRenstra>; 6] = [
    def(
        KolRenstra::Definisi,
        "Definisi Operasional",
        false,
        "Tidak",
        40.0,
        false,
        "Pengertian indikator dan cara memaknainya.",
        "Predikat hasil evaluasi SAKIP oleh KemenPAN-RB",
    ),
    def(
        KolRenstra::Formula,
        "Formula",
        false,
        "Tidak",
        30.0,
        false,
        "Cara menghitung capaian.",
        "Nilai evaluasi SAKIP tahun berjalan",
    ),
    def(
        KolRenstra::SumberData,
        "Sumber Data",
        false,
        "Tidak",
        25.0,
        false,
        "Asal data capaian.",
        "LHE SAKIP Inspektorat",
    ),
    def(
        KolRenstra::Arah,
        "Arah",
        false,
        "Tidak",
        8.0,
        false,
        "naik = makin tinggi makin baik; turun = makin rendah makin baik. Kosong berarti naik.",
        "naik",
    ),
    def(
        KolRenstra::Kumulatif,
        "Kumulatif",
        false,
        "Tidak",
        10.0,
        false,
        "ya = target TW I sampai TW IV dijumlahkan menjadi target tahunan; tidak = target tahunan dicapai pada akhir tahun. Kosong berarti tidak.",
        "tidak",
    ),
    def(
        KolRenstra::PenanggungJawab,
        "Penanggung Jawab",
        false,
        "Tidak",
        25.0,
        false,
        "Nama unit kerja penanggung jawab indikator.",
        "Sekretariat",
    ),
];

pub(super) const RENSTRA_TARGET_KET: &str = "Satu kolom per tahun periode, berjudul \"Target 2025\", \"Target 2026\", dst. \
     Isi angka (95,5 atau 1.234) atau teks (WTP, BB). Kosong = tidak ada target tahun itu. \
     Target pada tahun di luar periode baris adalah kesalahan.";

pub(super) const RENJA_KOLOM: [Def<KolRenja>; 11] = [
    def(
        KolRenja::Tahun,
        "Tahun",
        true,
        "Ya",
        8.0,
        false,
        "Tahun anggaran Renja (2000–2100).",
        "2026",
    ),
    def(
        KolRenja::Tingkat,
        "Tingkat",
        true,
        "Ya",
        14.0,
        false,
        "Program, Kegiatan, atau Sub Kegiatan.",
        "Sub Kegiatan",
    ),
    def(
        KolRenja::Kode,
        "Kode",
        true,
        "Ya",
        20.0,
        true,
        "Kode nomenklatur Permendagri 90/2019 (lihat aturan kode di bawah).",
        "5.03.02.2.01.0001",
    ),
    def(
        KolRenja::Nama,
        "Nama",
        true,
        "Ya",
        45.0,
        false,
        "Nama program, kegiatan, atau sub kegiatan.",
        "Penyusunan Dokumen Perencanaan Perangkat Daerah",
    ),
    def(
        KolRenja::Unit,
        "Unit Pelaksana",
        false,
        "Tidak",
        25.0,
        false,
        "Nama unit kerja pelaksana.",
        "Subbagian Perencanaan dan Keuangan",
    ),
    def(
        KolRenja::Indikator,
        "Indikator",
        true,
        "Tidak",
        40.0,
        false,
        "Indikator kinerja item. Indikator berikutnya ditulis pada baris lanjutan (lihat di bawah).",
        "Jumlah dokumen perencanaan yang disusun",
    ),
    def(
        KolRenja::Satuan,
        "Satuan",
        false,
        "Tidak",
        12.0,
        false,
        "Satuan target indikator.",
        "dokumen",
    ),
    def(
        KolRenja::Target,
        "Target",
        true,
        "Bila Indikator diisi",
        10.0,
        false,
        "Angka (95,5 atau 1.234) atau teks (WTP, BB).",
        "3",
    ),
    def(
        KolRenja::Pagu,
        "Pagu (Rp)",
        true,
        "Tidak (kosong = 0)",
        20.0,
        false,
        "Rupiah bulat tanpa sen, tidak negatif: angka atau teks seperti Rp 1.234.567.",
        "150.000.000",
    ),
    def(
        KolRenja::PaguDpa,
        "Pagu DPA (Rp)",
        false,
        "Tidak",
        20.0,
        false,
        "Pagu menurut DPA/DPPA, aturan sama dengan Pagu; kosong bila DPA belum ada.",
        "145.500.000",
    ),
    def(
        KolRenja::KodeSasaran,
        "Kode Sasaran Renstra",
        false,
        "Tidak",
        16.0,
        true,
        "Kode Sasaran pada lembar Renstra yang didukung item ini.",
        "S1.1",
    ),
];

/// Header text as compared: lower case, no whitespace at all.
pub(super) fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

pub(super) fn judul_target(tahun: i32) -> String {
    format!("Target {tahun}")
}

pub(super) fn kenali_renstra(judul: &str) -> Option<KolRenstra> {
    let n = normal(judul);
    if let Some(def) = RENSTRA_AWAL
        .iter()
        .chain(RENSTRA_AKHIR.iter())
        .find(|d| normal(d.judul) == n)
    {
        return Some(def.kol);
    }
    let tahun = n.strip_prefix("target")?;
    if tahun.len() == 4 && tahun.bytes().all(|b| b.is_ascii_digit()) {
        tahun.parse().ok().map(KolRenstra::Target)
    } else {
        None
    }
}

pub(super) fn kenali_renja(judul: &str) -> Option<KolRenja> {
    let n = normal(judul);
    RENJA_KOLOM
        .iter()
        .find(|d| normal(d.judul) == n)
        .map(|d| d.kol)
}

pub(super) fn judul_renstra(kol: KolRenstra) -> String {
    match kol {
        KolRenstra::Target(t) => judul_target(t),
        k => RENSTRA_AWAL
            .iter()
            .chain(RENSTRA_AKHIR.iter())
            .find(|d| d.kol == k)
            .map(|d| d.judul.to_string())
            .unwrap_or_default(),
    }
}

pub(super) fn judul_renja(kol: KolRenja) -> &'static str {
    RENJA_KOLOM
        .iter()
        .find(|d| d.kol == kol)
        .map(|d| d.judul)
        .unwrap_or_default()
}
