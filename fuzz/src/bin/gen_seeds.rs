//! Writes the seed inputs of the four fuzz targets: the built-in SOP
//! templates, real workbooks made by the app's own writers (each also
//! re-packed uncompressed, so that mutations reach the sheet XML), and short
//! lists of valid and invalid standard times and NIPs.
//!
//! Run after `cargo +nightly fuzz build`:
//! `fuzz/target/x86_64-unknown-linux-gnu/release/gen_seeds fuzz/seeds`
//! (the README, section Fuzzing, says what to do with the result).

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use perkin::formats::xlsx::{
    RenjaIndikatorRow, RenjaRow, RenstraRow, Tingkat, Workbook, templat_xlsx, tulis_xlsx,
};
use perkin::model::plan::Target;
use perkin::model::sop::sop_bawaan;

fn tulis(dir: &Path, nama: &str, isi: &[u8]) {
    std::fs::create_dir_all(dir).expect("create the seed folder");
    std::fs::write(dir.join(nama), isi).expect("write a seed");
}

/// The same zip with every part stored uncompressed.
fn tanpa_kompresi(xlsx: &[u8]) -> Vec<u8> {
    let mut masuk = zip::ZipArchive::new(Cursor::new(xlsx)).expect("a zip");
    let mut keluar = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opsi =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..masuk.len() {
        let mut bagian = masuk.by_index(i).expect("a part");
        let nama = bagian.name().expect("a part name").to_string();
        let mut isi = Vec::new();
        bagian.read_to_end(&mut isi).expect("read a part");
        keluar.start_file(nama, opsi).expect("start a part");
        keluar.write_all(&isi).expect("write a part");
    }
    keluar.finish().expect("finish the zip").into_inner()
}

fn contoh_workbook() -> Workbook {
    let renstra =
        |kode: &str, indikator: &str, satuan: &str, targets: Vec<(i32, Target)>| RenstraRow {
            periode: (2025, 2029),
            kode_tujuan: "T1".into(),
            tujuan: "Meningkatnya kualitas perencanaan pembangunan daerah".into(),
            kode_sasaran: "S1.1".into(),
            sasaran: "Meningkatnya kualitas dokumen perencanaan".into(),
            kode_indikator: kode.into(),
            indikator: indikator.into(),
            satuan: satuan.into(),
            baseline_tahun: Some(2024),
            baseline_nilai: "85,5".into(),
            targets,
            definisi: "Dokumen yang ditetapkan tepat waktu dibagi seluruh dokumen".into(),
            formula: "(a / b) x 100%".into(),
            sumber_data: "Sekretariat".into(),
            naik_baik: true,
            penanggung_jawab: "Bidang Perencanaan".into(),
            ..RenstraRow::default()
        };
    let indikator = |nama: &str, satuan: &str, target: Target| RenjaIndikatorRow {
        nama: nama.into(),
        satuan: satuan.into(),
        target,
    };
    Workbook {
        renstra: vec![
            renstra(
                "IK1.1.1",
                "Persentase dokumen perencanaan tepat waktu",
                "%",
                (2025..=2029)
                    .map(|t| (t, Target::Angka(90.0 + f64::from(t - 2025) * 2.5)))
                    .collect(),
            ),
            RenstraRow {
                naik_baik: false,
                ..renstra(
                    "IK1.1.2",
                    "Nilai SAKIP",
                    "predikat",
                    vec![
                        (2025, Target::Teks("BB".into())),
                        (2029, Target::Teks("A".into())),
                    ],
                )
            },
        ],
        renja: vec![
            RenjaRow {
                tahun: 2026,
                tingkat: Tingkat::Program,
                kode: "5.01.01".into(),
                nama: "Program Penunjang Urusan Pemerintahan Daerah Provinsi".into(),
                unit: "Sekretariat".into(),
                indikator: vec![indikator(
                    "Nilai SAKIP",
                    "predikat",
                    Target::Teks("BB".into()),
                )],
                pagu: 1_250_000_000,
                pagu_dpa: Some(1_200_000_000),
                kode_sasaran: "S1.1".into(),
                ..RenjaRow::default()
            },
            RenjaRow {
                tahun: 2026,
                tingkat: Tingkat::Kegiatan,
                kode: "5.01.01.2.01".into(),
                nama: "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah".into(),
                unit: "Subbagian Perencanaan".into(),
                indikator: vec![
                    indikator("Dokumen perencanaan", "dokumen", Target::Angka(5.0)),
                    indikator("Ketepatan waktu", "%", Target::Angka(97.5)),
                ],
                pagu: 350_000_000,
                ..RenjaRow::default()
            },
            RenjaRow {
                tahun: 2026,
                tingkat: Tingkat::SubKegiatan,
                kode: "5.01.01.2.01.0001".into(),
                nama: "Penyusunan Dokumen Perencanaan Perangkat Daerah".into(),
                unit: "Subbagian Perencanaan".into(),
                indikator: vec![indikator("Dokumen Renja", "dokumen", Target::Angka(1.0))],
                pagu: 125_500_000,
                pagu_dpa: Some(0),
                ..RenjaRow::default()
            },
        ],
    }
}

fn xlsx(dir: &Path) {
    let contoh = contoh_workbook();
    let hanya_renja = Workbook {
        renstra: Vec::new(),
        ..contoh.clone()
    };
    let buku = [
        (
            "templat-2025-2029",
            templat_xlsx((2025, 2029), 2026).expect("template"),
        ),
        ("contoh", tulis_xlsx(&contoh).expect("export")),
        ("hanya-renja", tulis_xlsx(&hanya_renja).expect("export")),
    ];
    for (nama, isi) in &buku {
        tulis(dir, &format!("{nama}.xlsx"), isi);
        tulis(dir, &format!("{nama}-stored.xlsx"), &tanpa_kompresi(isi));
    }
}

fn sop(dir: &Path) {
    for b in sop_bawaan() {
        tulis(dir, b.nama_berkas, b.sumber.as_bytes());
        let t = b.muat().expect("a built-in template parses");
        tulis(
            dir,
            &format!("{}.ditulis.toml", b.kode),
            t.to_toml().as_bytes(),
        );
    }
    let kecil = "[sop]\nkode = \"contoh\"\nnama = \"Contoh\"\ntanggal_efektif = 2023-10-01\n\n\
                 [[pelaksana]]\nkode = \"kepala\"\nnama = \"Kepala\"\n\n\
                 [[langkah]]\nno = \"1\"\nkegiatan = \"Memeriksa\"\npelaksana = \"kepala\"\nwaktu = \"1,5 jam\"\n\n\
                 [[langkah]]\nno = \"2\"\nkegiatan = \"Menyetujui\"\npelaksana = \"kepala\"\nwaktu = \"½ hari\"\n\
                 tolak_ke = \"1\"\nper_unit = true\n\n\
                 [[langkah]]\nno = \"3\"\nkegiatan = \"Selesai\"\npelaksana = \"kepala\"\nwaktu = \"5 menit\"\nakhir = true\n";
    tulis(dir, "kecil.toml", kecil.as_bytes());
}

fn baris_baris(dir: &Path, isi: &[&str]) {
    for (i, s) in isi.iter().enumerate() {
        tulis(dir, &format!("benih-{i:02}"), s.as_bytes());
    }
}

fn main() {
    let akar: PathBuf = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("fuzz/seeds"), PathBuf::from);
    xlsx(&akar.join("xlsx_import"));
    sop(&akar.join("sop_template"));
    baris_baris(
        &akar.join("waktu"),
        &[
            "5 menit",
            "10 Menit",
            "1 hari",
            "5Hari",
            "2Jam",
            "1,5 jam",
            "0.5 hari",
            "½ hari",
            "1½ jam",
            "0,25 hari",
            "8760 jam",
            "525600 menit",
            "365 hari",
            ",5 jam",
            "-3 jam",
            "0 menit",
            "1,234 jam",
            "3 minggu",
            "jam",
            "  2  jam ",
        ],
    );
    baris_baris(
        &akar.join("nip"),
        &[
            "197001011995031001",
            "19700101 199503 1 001",
            "198512312010122002",
            "1970010119950310",
            "19700231199503 1 001",
            "197001011995131001",
            "197001011995033001",
            "197001011995031000",
            "19700101199503100a",
            "200001011995031001",
        ],
    );
    println!("seeds written under {}", akar.display());
}
